// Writing an output goes through one helper: a clerk is told in Chinese why a
// file could not be written and what to do, whichever command wrote it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { fakeIO } from './fake-io';
import { EXAMPLE_XLSX } from '../support/paths';
import { readFailure, writeFailure } from '../../cli/commands/common';

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

describe('readFailure / writeFailure', () => {
  const err = (code: string) => Object.assign(new Error(`${code}: raw system text`), { code });
  it.each([
    ['ENOENT', '文件不存在,请检查路径拼写'],
    ['EISDIR', '这是一个文件夹,不是文件'],
    ['EACCES', '没有读取权限,请检查文件权限或换一个位置存放'],
    ['EPERM', '没有读取权限,请检查文件权限或换一个位置存放'],
    ['EBUSY', '文件被占用,请先在 Excel 或 WPS 中关闭它'],
    ['EIO', 'EIO: raw system text'],
  ])('reading, %s → %s', (code, text) => expect(readFailure(err(code))).toBe(text));

  it.each([
    ['ENOENT', '所在文件夹不存在,请先建好文件夹或换一个输出路径'],
    ['EACCES', '没有写入权限;若该文件正在 Excel 或 WPS 中打开,请先关闭'],
    ['EPERM', '没有写入权限;若该文件正在 Excel 或 WPS 中打开,请先关闭'],
    ['EBUSY', '文件被占用,请先在 Excel 或 WPS 中关闭它'],
    ['EISDIR', '这是一个文件夹,请在 -o 后写文件名(以 .xlsx 结尾)'],
    ['ENOSPC', '磁盘空间不足'],
    ['EIO', 'EIO: raw system text'],
  ])('writing, %s → %s', (code, text) => expect(writeFailure('合并.xlsx', err(code))).toBe(`无法写入 合并.xlsx: ${text}`));

  it('a thrown value that is not an Error, or a code named like an object key, gives its own text', () => {
    expect(readFailure('磁盘已拔出')).toBe('磁盘已拔出');
    expect(readFailure(Object.assign(new Error('odd'), { code: 'toString' }))).toBe('odd');
  });
});
