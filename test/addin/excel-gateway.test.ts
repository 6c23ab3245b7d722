// The Office.js gateway against the Office.js mock (excel-mock.ts): which
// Excel calls it makes, that it loads before it reads, how many
// context.sync() calls it costs, and that it gives the same answers and the
// same round trips as the memory gateway over the same workbook.
import { describe, expect, it } from 'vitest';
import { ExcelGateway, areaLists, toBase64 } from '../../addin/excel/gateway';
import { MemoryGateway, MemoryWorkbook } from '../../addin/memory/gateway';
import type { Capabilities } from '../../addin/gateway';
import type { Op } from '../../addin/ops';
import type { SheetGrid } from '../../shared/model';
import { ALL_SETS, bookOf, fakeExcel, setsUpTo } from './excel-mock';
import { READ_ROWS, bandRowsAfter, extraBands, jsonBytes } from '../../addin/batches';

const clone = (g: SheetGrid[]): SheetGrid[] => JSON.parse(JSON.stringify(g), (_k, v) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T00:00:00.000Z$/.test(v) ? new Date(v) : v));
const capsOf = (sets: Record<string, boolean>): Capabilities => ({ comments: !!sets['1.10'], notes: !!sets['1.18'], merges: !!sets['1.13'], rangeAreas: !!sets['1.9'] });

/** The same workbook twice: behind the Office.js gateway (through the mock) and behind the memory gateway. */
function both(grids: SheetGrid[], active?: string, sets: Record<string, boolean> = ALL_SETS) {
  const fx = fakeExcel(bookOf(clone(grids), active), sets);
  const memWb = bookOf(clone(grids), active);
  return { fx, excel: new ExcelGateway(fx.host), mem: new MemoryGateway(memWb, undefined, capsOf(sets)), memWb };
}

const ledger: SheetGrid = {
  name: '任务台账',
  origin: { row: 1, col: 1 },
  rows: [
    ['序号', '任务内容', '牵头单位', '完成时限'],
    [1, '开展科普活动不少于50场', '区科协', new Date(Date.UTC(2025, 11, 31))],
    [null, '提升科普基地', '区教育局', null],
  ],
  merges: [{ top: 1, left: 0, bottom: 2, right: 0 }],
};
const dir: SheetGrid = { name: '单位名录', rows: [['单位名称'], ['成都市锦江区科学技术协会']], merges: [] };

describe('ExcelGateway.read', () => {
  it('reads the active sheet and the sheet list in one sync: plain values, dates as dates, merges relative to the used range — as the memory gateway does', async () => {
    const { fx, excel, mem } = both([ledger, dir]);
    const r = await excel.read({ active: true });
    expect(fx.syncs()).toBe(1);
    expect(excel.stats().syncs).toBe(1);
    expect(r.active!.origin).toEqual({ row: 1, col: 1 });
    expect(r.active!.rows[1]).toEqual([1, '开展科普活动不少于50场', '区科协', new Date(Date.UTC(2025, 11, 31))]);
    expect(r.active!.rows[2]).toEqual([null, '提升科普基地', '区教育局', null]);
    expect(r.active!.merges).toEqual([{ top: 1, left: 0, bottom: 2, right: 0 }]);
    expect(r.list).toEqual([
      { name: '任务台账', active: true, visible: true },
      { name: '单位名录', active: false, visible: true },
    ]);
    expect(fx.log).toContain('getUsedRange (active) true');
    // Excel returns the date as a serial number with a date format; the gateway loaded the format.
    expect(fx.log.some((l) => l.startsWith('intersect (active) 1:3000'))).toBe(true);
    expect(fx.runs).toEqual([{ delayForCellEdit: true }]);
    expect(await mem.read({ active: true })).toEqual(r);
    expect(mem.stats().syncs).toBe(1);
  });

  it.each([
    [['单位名录'], 2, true],
    [['不存在'], 1, false],
  ])('named sheets %j cost %i syncs (a missing one is known after the first)', async (names, syncs, found) => {
    const { fx, excel, mem } = both([ledger, dir]);
    const r = await excel.read({ active: true, names });
    expect(fx.syncs()).toBe(syncs);
    expect(r.sheets[names[0]] !== null).toBe(found);
    expect(await mem.read({ active: true, names })).toEqual(r);
    expect(mem.stats().syncs).toBe(syncs);
  });

  it('skips merged areas where ExcelApi 1.13 is missing', async () => {
    const { fx, excel } = both([ledger], undefined, setsUpTo(12));
    const r = await excel.read({ active: true });
    expect(r.active!.merges).toEqual([]);
    expect(fx.log.some((l) => l.startsWith('merged'))).toBe(false);
  });
});

describe('reading a large sheet in bands', () => {
  // Band 0 is sheet rows 1:3000; later bands are sized from what band 0 weighed
  // (bandRowsAfter), so long rows take more round trips than short ones.
  const sheetOf = (text: (i: number) => string): SheetGrid => ({
    name: '任务台账',
    rows: [['序号', '任务内容', '牵头单位'], ...Array.from({ length: 7000 }, (_x, i) => [i + 1, text(i), '区科协'])],
    merges: [],
  });
  const long = sheetOf((i) => `任务${i + 1}` + '科'.repeat(330));
  const short = sheetOf((i) => `任务${i + 1}`);
  const bandsOf = (sheet: SheetGrid) => {
    const band0 = sheet.rows.slice(0, READ_ROWS);
    const size = bandRowsAfter(jsonBytes(band0), band0.length);
    return ['intersect (active) 1:3000', ...extraBands(0, sheet.rows.length, size).map((b) => `intersect (active) ${b.from + 1}:${Math.min(b.to, sheet.rows.length)}`)];
  };

  it.each([
    ['long rows', [], 3, long],
    ['long rows', ['单位名录'], 3, long],
    ['short rows', [], 2, short],
    ['short rows', ['单位名录'], 2, short],
  ] as [string, string[], number, SheetGrid][])('7,001 %s (names %j): %i syncs, every row once and in order, as the memory gateway counts', async (_what, names, syncs, tall) => {
    const { fx, excel, mem } = both([tall, dir]);
    const r = await excel.read({ active: true, names });
    expect(fx.syncs()).toBe(syncs);
    const bands = fx.log.filter((l) => l.startsWith('intersect (active)'));
    expect(bands).toEqual(bandsOf(tall));
    expect(r.active!.rows.map((x) => x[0])).toEqual(tall.rows.map((x) => x[0]));
    if (names.length) expect(r.sheets['单位名录']!.rows).toEqual(dir.rows);
    expect(await mem.read({ active: true, names })).toEqual(r);
    expect(mem.stats().syncs).toBe(syncs);
  });

  it('dates come back as dates in every band; later bands load the number formats of the date columns only', async () => {
    const day = (i: number) => new Date(Date.UTC(2024, 0, 1 + (i % 365)));
    const dated: SheetGrid = { name: '任务台账', rows: [['序号', '任务', '完成时限'], ...Array.from({ length: 5000 }, (_x, i) => [i + 1, `任务${i}`, day(i)])], merges: [] };
    const { fx, excel, mem } = both([dated]);
    const r = await excel.read({ active: true });
    expect(r.active!.rows.slice(1).map((x) => x[2])).toEqual(dated.rows.slice(1).map((x) => x[2]));
    expect(fx.log.filter((l) => l.startsWith('load (active)!'))).toEqual(['load (active)!C3001:C5001 numberFormat']);
    expect(await mem.read({ active: true })).toEqual(r);
  });

  it('no later band weighs more than the response budget when rows are alike', () => {
    const band0 = long.rows.slice(0, READ_ROWS);
    const size = bandRowsAfter(jsonBytes(band0), band0.length);
    for (const b of extraBands(0, long.rows.length, size)) expect(jsonBytes(long.rows.slice(b.from, b.to))).toBeLessThan(4_000_000);
  });
});

describe('ExcelGateway.apply', () => {
  it('writes values and formats in one sync, with the exact range addresses', async () => {
    const { fx, excel } = both([ledger]);
    const ops: Op[] = [
      { kind: 'values', sheet: '任务台账', row: 1, col: 5, values: [['人群', '状态'], ['青少年', '']] },
      { kind: 'format', sheet: '任务台账', row: 1, col: 5, rows: 1, cols: 2, format: { bold: true, fill: '#E2EFDA', columnWidth: 10 } },
    ];
    const rep = await excel.apply(ops);
    expect(fx.syncs()).toBe(1);
    expect(rep.syncs).toBe(1);
    expect(fx.sent.get('任务台账!F2:G3')).toEqual([['人群', '状态'], ['青少年', '']]);
    const s = fx.wb.sheet('任务台账')!;
    expect([s.get(1, 5), s.get(1, 6), s.get(2, 5)]).toEqual(['人群', '状态', '青少年']);
    expect(s.formats.get('1,5')).toEqual({ bold: true, fill: '#E2EFDA' });
    expect(s.colWidths.get(5)).toBe(10);
  });

  it('highlights thousands of cells with a few multi-area conditional formats, never one call per cell', async () => {
    const { fx, excel } = both([ledger]);
    const cells = Array.from({ length: 3000 }, (_x, i) => ({ row: i + 3, col: 3 }));
    await excel.apply([{ kind: 'highlight', sheet: '任务台账', cells, color: '#F8CBAD', tag: 'error' }]);
    const calls = fx.log.filter((l) => l.startsWith('getRanges'));
    expect(calls.length).toBe(areaLists(cells).length);
    expect(calls.length).toBeLessThan(cells.length / 100);
    expect(fx.log.filter((l) => l === 'cf.add Custom')).toHaveLength(calls.length);
    expect(fx.syncs()).toBe(1);
    expect(fx.wb.sheet('任务台账')!.highlights.size).toBe(3000);
  });

  it('clears only its own highlights: found and deleted in the same run, the user’s formats kept', async () => {
    const { fx, excel } = both([ledger]);
    fx.wb.addConditionalFormat('任务台账', [{ row: 5, col: 5 }], '#FF0000', '=A1>5');
    await excel.apply([{ kind: 'highlight', sheet: '任务台账', cells: [{ row: 2, col: 2 }], color: '#FFE699', tag: 'warning' }]);
    await excel.apply([{ kind: 'highlight', sheet: '任务台账', cells: [{ row: 3, col: 2 }], color: '#F8CBAD', tag: 'error' }]);
    fx.wb.addConditionalFormat('任务台账', [{ row: 6, col: 5 }], '#00FF00', '=B1<0');
    const rep = await excel.apply([{ kind: 'clearHighlights', sheet: '任务台账' }]);
    expect(rep.syncs).toBe(2);
    expect(fx.wb.conditionalFormatList('任务台账').map((c) => c.formula)).toEqual(['=B1<0', '=A1>5']);
    // Deleted from the largest priority down, so the other ids did not move under the deletions.
    expect(fx.log.filter((l) => l.startsWith('cf.delete'))).toEqual(['cf.delete 任务台账#2', 'cf.delete 任务台账#1']);
    expect(fx.log.find((l) => l.startsWith('load cfs'))).toContain('customOrNullObject/rule/formula');
  });

  it('finds its highlights during the read, so clearing them by id needs no lookup', async () => {
    const { fx, excel } = both([ledger]);
    await excel.apply([{ kind: 'highlight', sheet: '任务台账', cells: [{ row: 2, col: 2 }], color: '#FFE699', tag: 'warning' }]);
    fx.wb.addConditionalFormat('任务台账', [{ row: 5, col: 5 }], '#FF0000', '=A1>5');
    const before = fx.syncs();
    const r = await excel.read({ active: true, highlights: true });
    expect(fx.syncs() - before).toBe(1);
    expect(r.active!.highlightIds).toEqual(['1']);
    const rep = await excel.apply([{ kind: 'clearHighlights', sheet: '任务台账', ids: r.active!.highlightIds }]);
    expect(rep.syncs).toBe(1);
    expect(fx.wb.conditionalFormatList('任务台账').map((c) => c.formula)).toEqual(['=A1>5']);
  });

  it('adds drop-down lists that offer names without refusing other text', async () => {
    const { fx, excel } = both([ledger]);
    await excel.apply([{ kind: 'validationList', sheet: '任务台账', row: 2, col: 3, rows: 10, cols: 1, source: "='单位名录'!$A$2:$A$40" }]);
    expect(fx.wb.sheet('任务台账')!.validations).toEqual([{ row: 2, col: 3, rows: 10, cols: 1, source: "='单位名录'!$A$2:$A$40" }]);
    expect(fx.log).toContain('dataValidation.clear 任务台账!D3:D12');
  });

  it.each([
    [{ kind: 'deleteColumns', sheet: '任务台账', col: 11, count: 10 } as Op, 'delete 任务台账!L:U Left'],
    [{ kind: 'select', sheet: '任务台账', row: 4, col: 5 } as Op, 'select 任务台账!F5'],
    [{ kind: 'addSheet', name: '新台账' } as Op, 'add sheet 新台账'],
  ])('%j → %s', async (op, call) => {
    const { fx, excel } = both([ledger]);
    await excel.apply([op]);
    expect(fx.log).toContain(call);
    expect(fx.syncs()).toBe(1);
  });

  it('splits a large write into chunks, one sync each, and counts the same as the memory gateway', async () => {
    const values = Array.from({ length: 5000 }, (_x, i) => [`第${i}行`, '成都市锦江区新经济和科技局、共青团成都市锦江区委员会', i]);
    const limits = { maxBytes: 60_000, maxCells: 500_000 };
    const fx = fakeExcel(bookOf([{ name: '任务台账', rows: [], merges: [] }]));
    const gw = new ExcelGateway(fx.host, limits);
    const rep = await gw.apply([{ kind: 'values', sheet: '任务台账', row: 0, col: 0, values }]);
    expect(rep.chunks).toBeGreaterThan(1);
    expect(fx.syncs()).toBe(rep.chunks);
    expect(Math.max(...rep.payloads)).toBeLessThanOrEqual(limits.maxBytes);
    const mem = new MemoryGateway(MemoryWorkbook.fromGrids([{ name: '任务台账', rows: [], merges: [] }]), limits);
    const mrep = await mem.apply([{ kind: 'values', sheet: '任务台账', row: 0, col: 0, values }]);
    expect(mrep.syncs).toBe(rep.syncs);
    expect(mrep.payloads).toEqual(rep.payloads);
    // Every row was written exactly once, in order.
    expect(fx.wb.toGrids()[0].rows.map((r) => r[2])).toEqual(values.map((r) => r[2]));
  });
});

describe('Excel.createWorkbook', () => {
  it('takes the file as base64, in slices that do not overflow the call stack', () => {
    const bytes = new Uint8Array(300_000).map((_x, i) => (i * 7) % 256);
    expect(Buffer.from(toBase64(bytes), 'base64').equals(Buffer.from(bytes))).toBe(true);
  });
});
