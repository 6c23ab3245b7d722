// Clerks' folders carry files named on Windows in GBK: the real file-system IO
// must list them with readable names and still open them.
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { nodeIO } from '../../cli/io';
import { EXAMPLE_XLSX } from '../support/paths';

const example = readFileSync(EXAMPLE_XLSX);

describe('kesu merge over a folder with GBK file names', () => {
  it('lists the file under its Chinese name and merges it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kesu-gbk-'));
    // 锦江.xlsx in GBK bytes
    const gbkName = Buffer.concat([Buffer.from(dir + '/'), Buffer.from([0xbd, 0xf5, 0xbd, 0xad]), Buffer.from('.xlsx')]);
    writeFileSync(gbkName, example);
    const out = path.join(tmpdir(), `kesu-gbk-${process.pid}.xlsx`);
    let stdout = '';
    const io = { ...nodeIO(), out: (t: string) => void (stdout += t), err: () => {}, isTTY: false };
    // nodeIO keeps raw paths in a closure shared by its methods; spreading keeps them.
    const code = await main(['merge', dir, '-o', out, '--json'], io);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.files).toHaveLength(1);
    expect(json.files[0].file).toContain('锦江.xlsx');
    expect(json.files[0].status).toBe('ok');
    expect(json.tasks).toBe(29);
  });
});
