// Writing an output goes through one helper: a clerk is told in Chinese why a
// file could not be written and what to do, whichever command wrote it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { fakeIO } from './fake-io';
import { EXAMPLE_XLSX } from '../support/paths';

const EXAMPLE = new Uint8Array(readFileSync(EXAMPLE_XLSX));
const PLAN = '一、提升行动\n（一）实施青少年科学素质提升行动\n1.开展科技活动。每年开展科普活动不少于50场。〔牵头单位:区教育局,责任单位:区科协〕\n';

describe('output files that cannot be written', () => {
  it.each([
    ['ENOENT', '所在文件夹不存在'],
    ['EACCES', '没有写入权限'],
    ['EBUSY', '请先在 Excel 或 WPS 中关闭它'],
  ])('%s → exit 1 with a reason and what to do, for enrich, import-plan and merge', async (code, words) => {
    for (const argv of [
      ['enrich', 'ledger.xlsx', '-o', 'out/x.xlsx'],
      ['import-plan', 'plan.txt', '-o', 'out/x.xlsx'],
      ['merge', 'ledger.xlsx', '-o', 'out/x.xlsx'],
    ]) {
      const io = fakeIO({ 'ledger.xlsx': EXAMPLE, 'plan.txt': PLAN });
      io.writeFile = async () => {
        throw Object.assign(new Error(`${code}: raw system text`), { code });
      };
      expect(await main(argv, io)).toBe(1);
      // merge reports it in its summary (or JSON), the others on stderr
      const said = io.stderr + io.stdout;
      expect(said).toContain('无法写入 out/x.xlsx');
      expect(said).toContain(words);
      expect(said).not.toContain('raw system text');
    }
  });

  it('kesu enrich reads its input once', async () => {
    const io = fakeIO({ 'ledger.xlsx': EXAMPLE });
    let reads = 0;
    const read = io.readFile;
    io.readFile = async (p) => {
      reads++;
      return read(p);
    };
    expect(await main(['enrich', 'ledger.xlsx', '-o', 'x.xlsx'], io)).toBe(0);
    expect(reads).toBe(1);
  });
});
