// The Office.js gateway against office-addin-mock: which Excel calls it makes,
// that it loads before it reads, and how many context.sync() calls it costs.
import { describe, expect, it } from 'vitest';
import { ExcelGateway, areaLists, highlightFormula } from '../../addin/excel/gateway';
import { MemoryGateway, MemoryWorkbook } from '../../addin/memory/gateway';
import type { Op } from '../../addin/ops';
import { fakeExcel, type FakeSheet } from './excel-mock';
import { READ_BUDGET, READ_ROWS, bandRowsAfter, extraBands, jsonBytes } from '../../addin/batches';

const ledger: FakeSheet = {
  name: '任务台账',
  rowIndex: 1,
  columnIndex: 1,
  values: [
    ['序号', '任务内容', '牵头单位'],
    [1, '开展科普活动不少于50场', '区科协'],
    ['', '', ''],
  ],
  merged: ["'任务台账'!B2:B3"],
};
const dir: FakeSheet = { name: '单位名录', values: [['单位名称'], ['成都市锦江区科学技术协会']] };

describe('ExcelGateway.read', () => {
  it('reads the active sheet and the sheet list in one sync, values as plain data with merges relative to the used range', async () => {
    const fx = fakeExcel([ledger, dir], '任务台账');
    const gw = new ExcelGateway(fx.host);
    const r = await gw.read({ active: true });
    expect(fx.syncs()).toBe(1);
    expect(gw.stats().syncs).toBe(1);
    expect(r.active!.origin).toEqual({ row: 1, col: 1 });
    expect(r.active!.rows[1]).toEqual([1, '开展科普活动不少于50场', '区科协']);
    expect(r.active!.rows[2]).toEqual([null, null, null]);
    expect(r.active!.merges).toEqual([{ top: 0, left: 0, bottom: 1, right: 0 }]);
    expect(r.list).toEqual([
      { name: '任务台账', active: true, visible: true },
      { name: '单位名录', active: false, visible: true },
    ]);
    expect(fx.log).toContain('getUsedRange 任务台账 true');
  });

  it.each([
    [['单位名录'], 2, true],
    [['不存在'], 1, false],
  ])('named sheets %j cost %i syncs (a missing one is known after the first)', async (names, syncs, found) => {
    const fx = fakeExcel([ledger, dir], '任务台账');
    const gw = new ExcelGateway(fx.host);
    const r = await gw.read({ active: true, names });
    expect(fx.syncs()).toBe(syncs);
    expect(r.sheets[names[0]] !== null).toBe(found);
    // The memory gateway counts the same.
    const mem = new MemoryGateway(MemoryWorkbook.fromGrids([{ name: '任务台账', rows: [['a']], merges: [] }, { name: '单位名录', rows: [['b']], merges: [] }]));
    await mem.read({ active: true, names });
    expect(mem.stats().syncs).toBe(syncs);
  });

  it('skips merged areas where ExcelApi 1.13 is missing', async () => {
    const fx = fakeExcel([ledger], '任务台账', { '1.9': true });
    const r = await new ExcelGateway(fx.host).read({ active: true });
    expect(r.active!.merges).toEqual([]);
    expect(fx.log.some((l) => l.startsWith('getMergedAreasOrNullObject'))).toBe(false);
  });
});

describe('ExcelGateway.apply', () => {
  it('writes values and formats in one sync, with the exact range addresses', async () => {
    const fx = fakeExcel([ledger], '任务台账');
    const gw = new ExcelGateway(fx.host);
    const ops: Op[] = [
      { kind: 'values', sheet: '任务台账', row: 1, col: 4, values: [['人群', '状态'], ['青少年', '']] },
      { kind: 'format', sheet: '任务台账', row: 1, col: 4, rows: 1, cols: 2, format: { bold: true, fill: '#E2EFDA', columnWidth: 10 } },
    ];
    const rep = await gw.apply(ops);
    expect(fx.syncs()).toBe(1);
    expect(rep.syncs).toBe(1);
    const r = fx.ranges.get('任务台账!E2:F3');
    expect(r.values).toEqual([['人群', '状态'], ['青少年', '']]);
    const h = fx.ranges.get('任务台账!E2:F2');
    expect(h.format.font.bold).toBe(true);
    expect(h.format.fill.color).toBe('#E2EFDA');
    expect(h.format.columnWidth).toBe(70);
  });

  it('highlights thousands of cells with a few multi-area conditional formats, never one call per cell', async () => {
    const fx = fakeExcel([ledger], '任务台账');
    const cells = Array.from({ length: 3000 }, (_x, i) => ({ row: i + 3, col: 3 }));
    await new ExcelGateway(fx.host).apply([{ kind: 'highlight', sheet: '任务台账', cells, color: '#F8CBAD', tag: 'error' }]);
    const calls = fx.log.filter((l) => l.startsWith('getRanges'));
    expect(calls.length).toBe(areaLists(cells).length);
    expect(calls.length).toBeLessThan(cells.length / 100);
    expect(fx.log.filter((l) => l === 'cf.add Custom')).toHaveLength(calls.length);
    expect(fx.syncs()).toBe(1);
    expect(areaLists(cells).join(',').split(',')).toHaveLength(3000);
  });

  it('clears only its own highlights: one lookup sync, then the deletions', async () => {
    const fx = fakeExcel([{ ...ledger, cfs: [['Custom', highlightFormula('error')], ['DataBar', null], ['Custom', '=A1>5'], ['Custom', highlightFormula('info')]] }], '任务台账');
    const rep = await new ExcelGateway(fx.host).apply([{ kind: 'clearHighlights', sheet: '任务台账' }]);
    expect(rep.syncs).toBe(2);
    expect(fx.log.filter((l) => l.startsWith('cf.delete'))).toEqual(['cf.delete 任务台账#0', 'cf.delete 任务台账#3']);
    expect(fx.log.find((l) => l.startsWith('load cfs'))).toContain('customOrNullObject/rule/formula');
  });

  it('finds its highlights during the read, so clearing them by id needs no lookup', async () => {
    const sheet: FakeSheet = { ...ledger, cfs: [['Custom', highlightFormula('error')], ['DataBar', null], ['Custom', highlightFormula('warning')]] };
    const fx = fakeExcel([sheet], '任务台账');
    const gw = new ExcelGateway(fx.host);
    const r = await gw.read({ active: true, highlights: true });
    expect(fx.syncs()).toBe(1);
    expect(r.active!.highlightIds).toEqual(['cf0', 'cf2']);
    const rep = await gw.apply([{ kind: 'clearHighlights', sheet: '任务台账', ids: r.active!.highlightIds }]);
    expect(rep.syncs).toBe(1);
    expect(fx.log.filter((l) => l.startsWith('cf.delete'))).toEqual(['cf.delete 任务台账#0', 'cf.delete 任务台账#2']);
  });

  it('puts comments in their own last batch, and skips them with a message where ExcelApi 1.10 is missing', async () => {
    const ops: Op[] = [
      { kind: 'note', sheet: '任务台账', row: 2, col: 3, text: '原值：区科学协会' },
      { kind: 'values', sheet: '任务台账', row: 2, col: 3, values: [['区科协']] },
    ];
    const fx = fakeExcel([ledger], '任务台账');
    const rep = await new ExcelGateway(fx.host).apply(ops);
    expect(rep.syncs).toBe(2);
    const i = fx.log.indexOf("comment '任务台账'!D3 原值：区科学协会");
    expect(i).toBeGreaterThan(fx.log.indexOf('sync'));
    const old = fakeExcel([ledger], '任务台账', { '1.9': true });
    const rep2 = await new ExcelGateway(old.host).apply(ops);
    expect(rep2.warnings.join('')).toContain('批注');
    expect(old.log.some((l) => l.startsWith('comment'))).toBe(false);
    expect(old.ranges.get('任务台账!D3').values).toEqual([['区科协']]);
  });

  it('adds drop-down lists that offer names without refusing other text', async () => {
    const fx = fakeExcel([ledger], '任务台账');
    await new ExcelGateway(fx.host).apply([{ kind: 'validationList', sheet: '任务台账', row: 2, col: 3, rows: 10, cols: 1, source: "='单位名录'!$A$2:$A$40" }]);
    const dv = fx.ranges.get('任务台账!D3:D12').dataValidation;
    expect(dv.rule).toEqual({ list: { inCellDropDown: true, source: "='单位名录'!$A$2:$A$40" } });
    expect(dv.errorAlert.showAlert).toBe(false);
    expect(fx.log).toContain('dataValidation.clear 任务台账!D3:D12');
  });

  it.each([
    [{ kind: 'deleteColumns', sheet: '任务台账', col: 11, count: 10 } as Op, 'delete 任务台账!L:U Left'],
    [{ kind: 'select', sheet: '任务台账', row: 4, col: 5 } as Op, 'select 任务台账!F5'],
    [{ kind: 'addSheet', name: '单位名录' } as Op, 'add sheet 单位名录'],
  ])('%j → %s', async (op, call) => {
    const fx = fakeExcel([ledger], '任务台账');
    await new ExcelGateway(fx.host).apply([op]);
    expect(fx.log).toContain(call);
    expect(fx.syncs()).toBe(1);
  });

  it('splits a large write into chunks, one sync each, and counts the same as the memory gateway', async () => {
    const values = Array.from({ length: 5000 }, (_x, i) => [`第${i}行`, '成都市锦江区新经济和科技局、共青团成都市锦江区委员会', i]);
    const limits = { maxBytes: 60_000, maxCells: 500_000 };
    const fx = fakeExcel([ledger], '任务台账');
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
    const written = [...fx.ranges.entries()].filter(([k]) => k.startsWith('任务台账!A')).flatMap(([, r]) => r.values as unknown[][]);
    expect(written.map((r) => r[2])).toEqual(values.map((r) => r[2]));
  });
});

describe('reading a large sheet in bands', () => {
  // Band 0 is sheet rows 1:3000; later bands are sized from what band 0 weighed
  // (bandRowsAfter), so long rows take more round trips than short ones.
  const sheetOf = (text: (i: number) => string): FakeSheet => ({
    name: '任务台账',
    values: [['序号', '任务内容', '牵头单位'], ...Array.from({ length: 7000 }, (_x, i) => [i + 1, text(i), '区科协'])],
  });
  const long = sheetOf((i) => `任务${i + 1}` + '科'.repeat(330));
  const short = sheetOf((i) => `任务${i + 1}`);
  const bandsOf = (sheet: FakeSheet) => {
    const band0 = sheet.values.slice(0, READ_ROWS);
    const size = bandRowsAfter(jsonBytes(band0), band0.length);
    return ['intersect 任务台账 1:3000', ...extraBands(0, sheet.values.length, size).map((b) => `intersect 任务台账 ${b.from + 1}:${b.to}`)];
  };

  it.each([
    ['long rows', long, [], 3],
    ['long rows', long, ['单位名录'], 3],
    ['short rows', short, [], 2],
    ['short rows', short, ['单位名录'], 2],
  ])('7,001 %s (names %j): %i syncs, every row once and in order, as the memory gateway counts', async (_what, tall, names, syncs) => {
    const fx = fakeExcel([tall, dir], '任务台账');
    const r = await new ExcelGateway(fx.host).read({ active: true, names });
    expect(fx.syncs()).toBe(syncs);
    const bands = fx.log.filter((l) => l.startsWith('intersect 任务台账'));
    expect(bands).toEqual(bandsOf(tall));
    expect(bands).toHaveLength(syncs);
    expect(r.active!.rows.map((x) => x[0])).toEqual(tall.values.map((x) => x[0]));
    if (names.length) expect(r.sheets['单位名录']!.rows).toEqual(dir.values);
    const mem = new MemoryGateway(MemoryWorkbook.fromGrids([{ name: '任务台账', rows: tall.values as never, merges: [] }, { name: '单位名录', rows: dir.values as never, merges: [] }]));
    await mem.read({ active: true, names });
    expect(mem.stats().syncs).toBe(syncs);
  });

  it('no later band weighs more than the response budget when rows are alike', () => {
    const band0 = long.values.slice(0, READ_ROWS);
    const size = bandRowsAfter(jsonBytes(band0), band0.length);
    for (const b of extraBands(0, long.values.length, size)) expect(jsonBytes(long.values.slice(b.from, b.to))).toBeLessThan(READ_BUDGET);
  });
});
