// One test per bad file of issue 6: the reader answers with the expected
// FileProblem (or reads the file with the expected warnings), the message
// names the file (and sheet/row/column where it applies), and nothing throws
// or hangs. Small files are committed in test/fixtures/bad/; large ones are
// generated here into a temp dir.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkbook, type ReadResult } from '../../shared/io';
import { readWorkbookFile } from '../../node';
import { badFixtureList, makeBadFixtures, writeGbkNamedFile, type BadFixture } from '../../scripts/make-bad-fixtures';

const committed = path.join(__dirname, '..', 'fixtures', 'bad');
const small = badFixtureList().filter((f) => !f.large);
const large = badFixtureList().filter((f) => f.large);
let tmp = '';

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'kesu-bad-'));
  await makeBadFixtures(tmp, { large: true });
}, 300_000);
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

// Large files take seconds to refuse on a busy machine; each is read once and its answer shared.
const cache = new Map<string, Promise<ReadResult>>();
const read = (dir: string, f: BadFixture): Promise<ReadResult> => {
  const p = path.join(dir, f.file);
  if (!cache.has(p)) cache.set(p, readWorkbook(new Uint8Array(readFileSync(p)), f.file));
  return cache.get(p)!;
};

function check(f: BadFixture, r: ReadResult): void {
  if ('refused' in f.expect) {
    expect(r.ok, `${f.file} should be refused`).toBe(false);
    if (r.ok) return;
    expect(r.problem.code).toBe(f.expect.refused);
    expect(r.problem.file).toBe(f.file);
    expect(r.problem.message).toContain(`「${f.file}」`);
    expect(r.problem.message).toMatch(/[\u4e00-\u9fff]/);
  } else {
    expect(r.ok, `${f.file} should be read: ${r.ok ? '' : r.problem.message}`).toBe(true);
    if (!r.ok) return;
    expect(r.warnings.map((w) => w.code).sort()).toEqual([...f.expect.warnings].sort());
    if (f.expect.sheets !== undefined) expect(r.sheets).toHaveLength(f.expect.sheets);
    for (const w of r.warnings) expect(w.message).toContain(`「${f.file}」`);
    // Every sheet the file has content in comes back non-empty except those the reader dropped.
    expect(r.sheets.some((s) => s.rows.length > 0)).toBe(true);
  }
}

describe('committed bad fixtures', () => {
  it('the folder holds exactly the small fixtures the generator makes', () => {
    const files = readdirSync(committed).filter((f) => f !== 'README.md').sort();
    expect(files).toEqual(small.map((f) => f.file).sort());
  });

  it.each(small.map((f) => [f.file, f] as const))('%s', async (_name, f) => {
    check(f, await read(committed, f));
  });
});

describe('generated bad fixtures (small ones regenerated, large ones only here)', () => {
  it.each(badFixtureList().map((f) => [f.file, f] as const))('%s', async (_name, f) => {
    check(f, await read(tmp, f));
  }, 120_000);
});

describe('what the reader says about each file', () => {
  const get = async (file: string, dir = committed): Promise<ReadResult> => read(dir, badFixtureList().find((f) => f.file === file)!);

  it('CSV in GBK and UTF-8 read to the same grid, formula-like text kept as text', async () => {
    const grids = await Promise.all(['ledger-gbk.csv', 'ledger-utf8.csv', 'ledger-utf8-bom.csv'].map((f) => get(f)));
    const rows = grids.map((r) => (r.ok ? r.sheets[0].rows : null));
    expect(rows[0]).toEqual(rows[1]);
    expect(rows[1]).toEqual(rows[2]);
    expect(rows[0]![0]).toEqual(['序号', '重点任务', '牵头单位', '完成时限', '完成值']);
    expect(rows[0]![1]).toEqual([1, '开展青少年科技活动', '区教育局、区科协', '每年', 23]);
    expect(rows[0]![2][1]).toBe('培育科技创新后备人才，建设少年科学院');
    expect(rows[0]![3][1]).toBe('=1+1');
    const gbk = grids[0];
    if (!gbk.ok) throw new Error('unreachable');
    expect(gbk.sheets[0].name).toBe('ledger-gbk');
    expect(gbk.warnings.find((w) => w.code === 'csv-read')?.message).toContain('GB18030');
  });

  it('formula errors are kept as their text and each warning names sheet, row and column', async () => {
    const r = await get('formula-errors.xlsx');
    if (!r.ok) throw new Error(r.problem.message);
    const col = r.sheets[0].rows.map((row) => row[8]);
    expect(col.slice(1, 4)).toEqual(['#DIV/0!', '#N/A', '#REF!']);
    const where = r.warnings.map((w) => [w.sheet, w.row, w.column]);
    expect(where).toEqual([
      ['任务台账', 2, 'I'],
      ['任务台账', 3, 'I'],
      ['任务台账', 4, 'I'],
    ]);
    expect(r.warnings[0].message).toMatch(/工作表「任务台账」第 2 行 I 列.*#DIV\/0!/);
  });

  it('merged header cells come back as merges, the grid keeps the header text once', async () => {
    const r = await get('merged-header.xlsx');
    if (!r.ok) throw new Error(r.problem.message);
    const s = r.sheets[0];
    expect(s.merges).toContainEqual({ top: 0, left: 2, bottom: 0, right: 3 });
    expect(s.merges).toContainEqual({ top: 0, left: 0, bottom: 1, right: 0 });
    expect(s.rows[0]).toEqual(['序号', '重点任务', '责任分工', null, '完成时限']);
    expect(s.rows[1]).toEqual([null, null, '牵头单位', '责任单位', null]);
  });

  it('duplicated headers and a header-less sheet read as they are', async () => {
    const dup = await get('duplicate-headers.xlsx');
    const none = await get('no-header.xlsx');
    if (!dup.ok || !none.ok) throw new Error('should read');
    expect(dup.sheets[0].rows[0].filter((v) => v === '牵头单位')).toHaveLength(2);
    expect(none.sheets[0].rows[0][0]).toBe(1);
  });

  it('only hidden sheets: read, flagged, with a warning naming them', async () => {
    const r = await get('only-hidden.xlsx');
    if (!r.ok) throw new Error(r.problem.message);
    expect(r.sheets.map((s) => s.state)).toEqual(['hidden', 'veryHidden']);
    expect(r.warnings[0].message).toContain('「任务台账」');
    expect(r.sheets[0].rows.length).toBe(4);
  });

  it('a cell over 32,767 characters is read whole, with a warning naming the cell', async () => {
    const r = await get('long-cell.xlsx');
    if (!r.ok) throw new Error(r.problem.message);
    expect((r.sheets[0].rows[2][6] as string).length).toBe(40_000);
    expect(r.warnings[0]).toMatchObject({ sheet: '任务台账', row: 3, column: 'G' });
  });

  it('a stray cell at row 1,048,576 is dropped with a warning; the data is kept and no million rows are built', async () => {
    const r = await get('rows-1048576-sparse.xlsx');
    if (!r.ok) throw new Error(r.problem.message);
    expect(r.sheets[0].rows).toHaveLength(4);
    expect(r.warnings[0]).toMatchObject({ code: 'rows-beyond-cap', sheet: '任务台账', row: 1_048_576 });
  });

  it('a dense 1,048,576-row sheet is refused by itself; the other sheet of the file is read', async () => {
    const r = await get('rows-1048576-dense.xlsx', tmp);
    if (!r.ok) throw new Error(r.problem.message);
    const [big, ledger] = r.sheets;
    expect(big.name).toBe('明细');
    expect(big.rows).toHaveLength(0);
    expect(ledger.rows).toHaveLength(4);
    expect(ledger.rows[0][0]).toBe('序号');
    const w = r.warnings[0];
    expect(w).toMatchObject({ code: 'sheet-too-many-rows', sheet: '明细' });
    expect(w.message).toContain('1,048,576');
    expect(w.message).toContain('拆分');
  }, 120_000);

  it('a sheet formatted to the bottom reads as its data rows', async () => {
    const r = await get('formatted-to-bottom.xlsx', tmp);
    if (!r.ok) throw new Error(r.problem.message);
    expect(r.sheets[0].rows).toHaveLength(4);
    expect(r.warnings[0]).toMatchObject({ code: 'formatted-rows-ignored', sheet: '任务台账' });
    expect(r.warnings[0].message).toContain('1,048,572');
  }, 120_000);

  it('zip bombs are refused naming the part and the limit', async () => {
    for (const f of ['zip-bomb.xlsx', 'zip-bomb-declared.xlsx']) {
      const bytes = readFileSync(path.join(tmp, f));
      expect(bytes.length).toBeLessThan(4 * 1024 * 1024);
      const r = await get(f, tmp);
      if (r.ok) throw new Error('should be refused');
      expect(r.problem.message).toContain('xl/worksheets/sheet1.xml');
      expect(r.problem.message).toContain('256.0 MB');
    }
  }, 120_000);

  it('a GBK entry name inside the archive is reported, decoded, and the sheet still read', async () => {
    const r = await get('gbk-entry-name.xlsx');
    if (!r.ok) throw new Error(r.problem.message);
    expect(r.warnings[0].message).toContain('附件/说明.txt');
    expect(r.sheets[0].rows[1][2]).toBe('开展青少年科技活动');
  });

  it('cells beginning with = + - @ read back as their text', async () => {
    const r = await get('formula-like-text.xlsx');
    if (!r.ok) throw new Error(r.problem.message);
    expect(r.sheets[0].rows.slice(1)).toEqual([
      [1, '=HYPERLINK("http://example.com","点我")', '+86 028-8888'],
      [2, '-5%', '@区科协'],
    ]);
  });

  it.each([
    ['not-a-zip.xlsx', '另存为'],
    ['legacy.xls', '另存为'],
    ['legacy.et', 'WPS'],
    ['encrypted.xlsx', '密码'],
    ['truncated.xlsx', '不完整'],
    ['entity-expansion.xlsx', 'xl/sharedStrings.xml'],
  ])('%s: the message says what to do (%s)', async (file, words) => {
    const r = await get(file);
    if (r.ok) throw new Error('should be refused');
    expect(r.problem.message).toContain(words);
  });
});

describe('non-UTF-8 file names', () => {
  it.each([
    ['锦江区台账（2023上半年）.xlsx', 'not-a-zip.xlsx', 'not-xlsx'],
    ['綦江区科协台账.csv', 'ledger-gbk.csv', null],
  ])('a file whose name on disk is GBK bytes (%s) is named readably', async (name, source, code) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kesu-gbk-'));
    try {
      writeGbkNamedFile(dir, name, new Uint8Array(readFileSync(path.join(committed, source))));
      const [raw] = readdirSync(dir, { encoding: 'buffer' });
      expect(Buffer.from(raw).toString('utf8')).not.toBe(name); // really not UTF-8 on disk
      const r = await readWorkbookFile(Buffer.concat([Buffer.from(dir + path.sep), raw]));
      if (code) {
        if (r.ok) throw new Error('should be refused');
        expect(r.problem.code).toBe(code);
        expect(r.problem.message).toContain(name);
      } else {
        if (!r.ok) throw new Error(r.problem.message);
        expect(r.sheets[0].name).toBe(name.replace(/\.csv$/, ''));
        expect(r.warnings[0].message).toContain(name);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a missing file is a problem, not an exception', async () => {
    const r = await readWorkbookFile('/nonexistent/台账.xlsx');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.message).toContain('文件不存在');
  });
});
