// addColumns (the enrich copy): the user's cells keep their values and
// styles, our columns go to the right, and a second run updates the same
// columns instead of adding more.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { SheetGrid } from '../../shared/model';
import { addColumns, addColumnsReport, ENRICH_NOTE, readWorkbook, type ColumnEdit } from '../../shared/io';
import { DEFAULT_LIMITS } from '../../shared/io/guard';
import { EXAMPLE_XLSX } from '../support/paths';

const EXAMPLE = new Uint8Array(readFileSync(EXAMPLE_XLSX));
const HEADERS = ['人群', '工程', '状态', '备注'];

function edit(values: (row: number) => (string | number | null)[]): ColumnEdit {
  const rows = [];
  for (let row = 4; row <= 32; row++) rows.push({ row, values: values(row) });
  return { sheet: '任务台账', headerRow: 3, startCol: 10, headers: HEADERS, rows };
}

async function grids(bytes: Uint8Array): Promise<SheetGrid[]> {
  const r = await readWorkbook(bytes, 'x.xlsx');
  if (!r.ok) throw new Error(r.problem.message);
  return r.sheets;
}

async function styles(bytes: Uint8Array): Promise<Map<string, string>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const out = new Map<string, string>();
  for (const ws of wb.worksheets)
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        out.set(`${ws.name}!${cell.address}`, JSON.stringify(cell.style ?? {}));
      }),
    );
  return out;
}

describe('addColumns on the example ledger', async () => {
  const before = await grids(EXAMPLE);
  const once = await addColumns(EXAMPLE, [edit((r) => ['青少年', '科技教育与培训基础工程', r % 2 ? '正常' : '=滞后', `第${r}行`])]);
  const twice = await addColumns(once, [{ ...edit((r) => ['农民', null, '已完成', null]), startCol: 14 }]);
  const afterOnce = await grids(once);
  const afterTwice = await grids(twice);

  it.each([
    ['first run', () => afterOnce],
    ['second run', () => afterTwice],
  ])('%s: every original cell has its original value', (_n, after) => {
    const a = after();
    expect(a.map((s) => s.name)).toEqual(before.map((s) => s.name));
    before.forEach((sheet, i) => {
      sheet.rows.forEach((row, r) =>
        row.forEach((v, c) => {
          expect(a[i].rows[r][c], `${sheet.name} r${r + 1} c${c + 1}`).toEqual(v);
        }),
      );
      expect(a[i].merges).toEqual(sheet.merges);
    });
  });

  it('every original cell keeps its style', async () => {
    const s0 = await styles(EXAMPLE);
    const s2 = await styles(twice);
    for (const [addr, style] of s0) expect(s2.get(addr), addr).toBe(style);
  });

  it('the new columns sit right of the data with their headers and values', () => {
    const ledger = afterOnce[0];
    expect(ledger.rows[2].slice(10)).toEqual(HEADERS);
    expect(ledger.rows[3].slice(10)).toEqual(['青少年', '科技教育与培训基础工程', '=滞后', '第4行']);
    expect(ledger.rows[4][12]).toBe('正常');
  });

  it('a second run updates the same columns instead of adding more, clearing what it no longer writes', () => {
    const ledger = afterTwice[0];
    expect(ledger.rows[2]).toHaveLength(14);
    expect(ledger.rows[2].slice(10)).toEqual(HEADERS);
    expect(ledger.rows[3].slice(10)).toEqual(['农民', null, '已完成', null]);
  });

  it('a run told the block starts at its old place (as kesu enrich does) also reuses it', async () => {
    const third = await grids(await addColumns(twice, [edit(() => ['老年人', '社区科普益民工程', '逾期', '复核'])]));
    expect(third[0].rows[2]).toHaveLength(14);
    expect(third[0].rows[3].slice(10)).toEqual(['老年人', '社区科普益民工程', '逾期', '复核']);
  });

  it('the user\'s own 备注 column is never taken for ours', () => {
    expect(afterTwice[0].rows[2][9]).toBe('备注');
    expect(afterTwice[0].rows[3][9]).toBe(before[0].rows[3][9]);
  });

  it('our header cells carry the note that identifies them', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(twice as unknown as ExcelJS.Buffer);
    const note = wb.getWorksheet('任务台账')!.getCell('K3').note;
    expect(JSON.stringify(note)).toContain(ENRICH_NOTE.slice(0, 6));
  });

  it('formula-like values are neutralised in the copy too', async () => {
    const { unzipSync, strFromU8 } = await import('fflate');
    const files = unzipSync(once);
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']);
    const s = /<c r="M4" s="(\d+)"/.exec(sheet)![1];
    const xfs = [...strFromU8(files['xl/styles.xml']).split('<cellXfs')[1].matchAll(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)].map((m) => m[0]);
    expect(xfs[Number(s)]).toContain('quotePrefix="1"');
  });
});

describe('addColumns refusals', () => {
  it.each([
    ['a sheet that does not exist', EXAMPLE, '不存在的表', 'columns-sheet-missing', '不存在的表'],
    ['bytes that are not a workbook', new TextEncoder().encode('序号,任务\n1,x\n'), '任务台账', 'not-xlsx', '台账.xlsx'],
    ['a truncated workbook', EXAMPLE.subarray(0, 5000), '任务台账', 'zip-truncated', '台账.xlsx'],
  ])('%s → a problem, not an exception', async (_n, bytes, sheet, code, named) => {
    const r = await addColumnsReport(bytes, [{ sheet, headerRow: 3, startCol: 10, headers: ['状态'], rows: [] }], '台账.xlsx');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problem.code).toBe(code);
      expect(r.problem.message).toContain(named);
    }
  });
});

/** A one-sheet workbook (台账) whose sheet data is `rows` (row elements). */
function bigSheetWorkbook(rows: string): Uint8Array {
  const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const files: Record<string, string> = {
    '[Content_Types].xml': `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0"?><workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': `<?xml version="1.0"?><worksheet xmlns="${NS}"><sheetData>${rows}</sheetData></worksheet>`,
  };
  return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));
}

const cap = DEFAULT_LIMITS.maxRows;
const valueRow = (r: number): string => `<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`;
const rowsFrom = (from: number, n: number, row: (r: number) => string): string => Array.from({ length: n }, (_, i) => row(from + i)).join('');

describe('addColumns refuses a sheet the guard had to rewrite, saying no copy was made', () => {
  it.each([
    // Only empty formatted rows dropped: the reader's warning says "不影响数据", so enrich needs its own words.
    ['empty formatted rows to the bottom', 'columns-sheet-thinned', ['没有生成补全后的副本', '删除表格底部只带格式的空行或零散内容后保存，再补全'], () => rowsFrom(1, 3, valueRow) + rowsFrom(4, cap, (r) => `<row r="${r}" s="1" customFormat="1"/>`)],
    ['stray content far below the data', 'rows-beyond-cap', ['1048576'], () => rowsFrom(1, 3, valueRow) + rowsFrom(4, cap, (r) => `<row r="${r}" s="1"/>`) + valueRow(1_048_576)],
    ['more value rows than the cap', 'sheet-too-many-rows', ['拆分'], () => rowsFrom(1, cap + 1, valueRow)],
  ])('%s → %s', async (_n, code, words, rows) => {
    const r = await addColumnsReport(bigSheetWorkbook(rows()), [{ sheet: '台账', headerRow: 1, startCol: 1, headers: ['状态'], rows: [] }], '台账.xlsx');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem).toMatchObject({ code, file: '台账.xlsx', sheet: '台账' });
    for (const w of words) expect(r.problem.message).toContain(w);
  }, 60_000);
});

describe('addColumns refuses what it cannot add to without changing the user\'s cells', () => {
  const header = '<row r="1"><c r="A1" t="inlineStr"><is><t>序号</t></is></c></row>';
  it.each([
    ['rows out of order', header + valueRow(5) + valueRow(4), 'columns-sheet-unusual', ['行的顺序错乱', '另存为']],
    ['a cell in the last column (XFD)', '<row r="1"><c r="A1"><v>1</v></c><c r="XFD1"><v>2</v></c></row>' + valueRow(2), 'columns-no-room', ['16,384', '补全需要 1 列']],
  ])('%s → %s', async (_n, rows, code, words) => {
    const r = await addColumnsReport(bigSheetWorkbook(rows), [{ sheet: '台账', headerRow: 1, startCol: 1, headers: ['状态'], rows: [{ row: 2, values: ['正常'] }] }], '台账.xlsx');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem).toMatchObject({ code, file: '台账.xlsx', sheet: '台账' });
    expect(r.problem.message).toContain('「台账.xlsx」');
    for (const w of words) expect(r.problem.message).toContain(w);
  });

  it('kesu enrich says so, and --json gives the code (the internal cause, when there is one, only in detail)', async () => {
    const { main } = await import('../../cli/main');
    const { fakeIO } = await import('../cli/fake-io');
    const ledger = ['序号', '重点任务', '任务内容', '牵头单位', '完成时限'].map((h, i) => `<c r="${String.fromCharCode(65 + i)}1" t="inlineStr"><is><t>${h}</t></is></c>`).join('');
    const task = (r: number) => `<row r="${r}"><c r="A${r}"><v>${r - 1}</v></c><c r="B${r}" t="inlineStr"><is><t>开展活动</t></is></c><c r="C${r}" t="inlineStr"><is><t>每年开展活动不少于${r}场</t></is></c><c r="D${r}" t="inlineStr"><is><t>区科协</t></is></c><c r="E${r}" t="inlineStr"><is><t>每年</t></is></c></row>`;
    const io = fakeIO({ 'a.xlsx': bigSheetWorkbook(`<row r="1">${ledger}</row>` + task(3) + task(2)) });
    expect(await main(['enrich', 'a.xlsx', '-o', 'b.xlsx', '--json'], io)).toBe(1);
    expect(io.stderr).toContain('无法补全 a.xlsx: 文件「a.xlsx」工作表「台账」的内部结构不标准');
    expect(JSON.parse(io.stdout).error).toMatchObject({ code: 'columns-sheet-unusual' });
    expect(io.files.has('b.xlsx')).toBe(false);
  });
});

describe('addColumns never writes into a merged range', () => {
  it('a merge reaching past the data (B1:C2) pushes the new columns right of it, where they can be seen', async () => {
    const rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>任务</t></is></c><c r="B1" t="inlineStr"><is><t>说明</t></is></c></row>' + valueRow(2);
    const wb = bigSheetWorkbook(rows).slice();
    // the merge goes into the sheet part of the hand-made workbook
    const files = (await import('fflate')).unzipSync(wb);
    files['xl/worksheets/sheet1.xml'] = strToU8(new TextDecoder().decode(files['xl/worksheets/sheet1.xml']).replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="B1:C2"/></mergeCells>'));
    const r = await addColumnsReport(zipSync(files), [{ sheet: '台账', headerRow: 1, startCol: 2, headers: ['状态'], rows: [{ row: 2, values: ['正常'] }] }], '台账.xlsx');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.columns).toEqual({ 台账: [3] });
    const back = await grids(r.bytes);
    expect(back[0].rows[0]).toEqual(['任务', '说明', null, '状态']);
    expect(back[0].rows[1]![3]).toBe('正常');
  });
});
