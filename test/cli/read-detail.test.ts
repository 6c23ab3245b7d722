// A damaged workbook under --json: the refusal as data, its message in
// Chinese without a library's internals, and the internal text in `detail`
// for support (kesu validate, enrich and merge).
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { entryData, readZipDirectory } from '../../shared/io/zip';
import { messageFaults } from '../../scripts/message-check';
import { pkg } from '../support/xlsx-package';
import { fakeIO } from './fake-io';

/** The base package with the sheet's compressed data damaged: deflate fails on it, in English. */
function damaged(): Uint8Array {
  const b = pkg({ 'xl/worksheets/sheet1.xml': `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${'<row><c t="inlineStr"><is><t>任务</t></is></c></row>'.repeat(50)}</sheetData></worksheet>` });
  const dir = readZipDirectory(b);
  if (!dir.ok) throw new Error('unreachable');
  const e = dir.entries.find((x) => x.name === 'xl/worksheets/sheet1.xml')!;
  // A stored block header with a length that does not match its complement.
  entryData(b, e)!.set([0x00, 0x05, 0x00, 0x05, 0x00]);
  return b;
}

describe('--json on a damaged workbook', () => {
  it.each([[['validate', '坏.xlsx', '--json']], [['enrich', '坏.xlsx', '-o', '补全.xlsx', '--json']]])('%j: { file, error: { code, message, detail } }', async (argv) => {
    const io = fakeIO({ '坏.xlsx': damaged() });
    expect(await main(argv, io)).toBe(1);
    const { file, error } = JSON.parse(io.stdout);
    expect(file).toBe('坏.xlsx');
    expect(error.code).toBe('zip-corrupt');
    expect(messageFaults(error.message, '坏.xlsx')).toEqual([]);
    expect(error.detail).toMatch(/[a-z]{4}/);
    expect(io.stderr).toContain(error.message);
  });

  it('without --json stdout stays empty', async () => {
    const io = fakeIO({ '坏.xlsx': damaged() });
    expect(await main(['validate', '坏.xlsx'], io)).toBe(1);
    expect(io.stdout).toBe('');
  });

  it('kesu merge --json: the refused file carries its reason and detail', async () => {
    const io = fakeIO({ 'in/坏.xlsx': damaged() });
    await main(['merge', 'in', '--json'], io);
    const f = JSON.parse(io.stdout).files.find((x: { file: string }) => x.file.endsWith('坏.xlsx'));
    expect(f.status).toBe('refused');
    expect(f.reason).toContain('压缩数据损坏');
    expect(f.detail).toMatch(/[a-z]{4}/);
  });
});
