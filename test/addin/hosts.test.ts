// Each way a real Excel refuses, and what the pane does about it, tested
// against both gateways: the Office.js gateway over the mock (excel-mock.ts)
// and the memory gateway, each over its own copy of the same workbook. Both
// must end with the same cells and the same round trips.
import { describe, expect, it } from 'vitest';
import { ExcelGateway } from '../../addin/excel/gateway';
import { MemoryGateway, type MemoryWorkbook } from '../../addin/memory/gateway';
import type { Capabilities, WorkbookGateway } from '../../addin/gateway';
import type { Op } from '../../addin/ops';
import type { MergeRange, SheetGrid } from '../../shared/model';
import { HOST_ERROR_TEXT, hostFailure } from '../../addin/messages';
import { HostError, MAX_MERGED_AREAS, MAX_ROWS, PAYLOAD_LIMIT, errorCode } from '../../addin/excel-rules';
import { extraBands, jsonBytes } from '../../addin/batches';
import { runEnrich } from '../../addin/commands/enrich';
import { runGenerate } from '../../addin/commands/generate';
import { handOver } from '../../addin/taskpane/host';
import { ALL_SETS, bookOf, fakeExcel, setsUpTo } from './excel-mock';
import { AS_OF, clone, exampleGrids } from '../fixtures/addin/ledgers';

const capsOf = (sets: Record<string, boolean>): Capabilities => ({ comments: !!sets['1.10'], notes: !!sets['1.18'], merges: !!sets['1.13'], rangeAreas: !!sets['1.9'] });

interface Side {
  name: 'excel' | 'memory';
  gw: WorkbookGateway;
  wb: MemoryWorkbook;
}

/** The same workbook behind each gateway; `prepare` runs on both copies (a protected sheet, existing notes …). */
function sides(grids: SheetGrid[], sets: Record<string, boolean> = ALL_SETS, prepare: (wb: MemoryWorkbook) => void = () => {}): Side[] {
  const a = bookOf(clone(grids));
  const b = bookOf(clone(grids));
  prepare(a);
  prepare(b);
  const fx = fakeExcel(a, sets);
  return [
    { name: 'excel', gw: new ExcelGateway(fx.host), wb: a },
    { name: 'memory', gw: new MemoryGateway(b, undefined, capsOf(sets)), wb: b },
  ];
}

/** Runs `fn` on both sides and checks they end alike: same result, cells, notes, comments and round trips. */
async function onBoth<T>(list: Side[], fn: (s: Side) => Promise<T>): Promise<{ results: T[]; syncs: number }> {
  const results: T[] = [];
  for (const s of list) results.push(await fn(s));
  const [x, m] = list;
  expect(JSON.stringify(results[0]), 'same result').toBe(JSON.stringify(results[1]));
  expect(x.gw.stats().syncs, 'same round trips').toBe(m.gw.stats().syncs);
  expect(JSON.stringify(x.wb.toGrids())).toBe(JSON.stringify(m.wb.toGrids()));
  for (const s of x.wb.sheets) {
    const t = m.wb.sheet(s.name)!;
    expect([...s.notes]).toEqual([...t.notes]);
    expect([...s.comments.values()].map((c) => [c.text, c.replies])).toEqual([...t.comments.values()].map((c) => [c.text, c.replies]));
    expect(s.conditionalFormats).toEqual(t.conditionalFormats);
  }
  return { results, syncs: x.gw.stats().syncs };
}

const failure = async (p: Promise<unknown>): Promise<string | null> => {
  try {
    await p;
    return null;
  } catch (e) {
    return errorCode(e);
  }
};

describe('more than 512 merged areas (Range.getMergedAreasOrNullObject)', () => {
  const merged = (n: number, perRow: number): SheetGrid => {
    const rows = Array.from({ length: 1200 }, (_x, r) => Array.from({ length: 2 * perRow }, (_y, c) => `${r}-${c}`));
    const merges: MergeRange[] = [];
    for (let k = 0; k < n; k++) {
      const r = Math.floor(k / perRow);
      const c = (k % perRow) * 2;
      merges.push({ top: r, left: c, bottom: r, right: c + 1 });
    }
    return { name: '任务台账', rows, merges };
  };

  it.each([
    // 600 one-row merges: a 1,000-row slice holds 600 > 512, 100-row slices hold 100.
    ['in finer slices', 600, 1, 2, 600, false],
    // 600 merges within 100 rows: no slice Excel accepts, so the read goes on without them, with a notice.
    ['not at all', 600, 6, 3, 0, true],
  ])('are read %s, and every value still is', async (_how, n, perRow, syncs, got, notice) => {
    const grid = merged(n, perRow);
    const list = sides([grid]);
    const { results } = await onBoth(list, (s) => s.gw.read({ active: true }));
    expect(results[0].active!.rows).toEqual(grid.rows);
    expect(results[0].active!.merges).toHaveLength(got);
    expect(list[0].gw.stats().syncs).toBe(syncs);
    for (const s of list) expect(s.gw.takeNotices().some((t) => t.includes('512'))).toBe(notice);
  });

  it('the hosts refuse over 512 in one call, as Excel does', () => {
    const grid = merged(MAX_MERGED_AREAS + 1, 1);
    const wb = bookOf([grid]);
    expect(() => wb.mergedAreas('任务台账', 0, 1000)).toThrow(HostError);
    expect(wb.mergedAreas('任务台账', 0, 100)).toHaveLength(100);
  });
});

describe('a response over 5 MB (Excel on the web)', () => {
  it('a first band too big is halved until Excel takes it; every row arrives once, in order', async () => {
    // About 2.1 KB a row: 3,000 rows would be 6.4 MB.
    const rows = [['序号', '任务内容'], ...Array.from({ length: 4000 }, (_x, i) => [i + 1, `${i + 1}` + '科'.repeat(700)])];
    expect(jsonBytes(rows.slice(0, 3000))).toBeGreaterThan(PAYLOAD_LIMIT);
    const list = sides([{ name: '任务台账', rows, merges: [] }]);
    const { results, syncs } = await onBoth(list, (s) => s.gw.read({ active: true }));
    expect(results[0].active!.rows.map((r) => r[0])).toEqual(rows.map((r) => r[0]));
    // Round 1 refused once, then bands sized from the half that passed: a fixed, small number of round trips.
    expect(syncs).toBeLessThanOrEqual(6);
  });
});

describe('text is written as text (Range.values parses strings as typed)', () => {
  const texts = ['-(未识别)', '=SUM(A1:A3)', '+86 028 1234', '007', '028-86123456', '1/2', '6月30日', '2023-06-30', 'TRUE', '12%', '1,200', "'引号开头", '@某人', '区科协', '第1季度', '１２３'];
  const grid: SheetGrid = { name: '任务台账', rows: [['表头']], merges: [] };

  it('the hosts change these strings when sent as they are', () => {
    const wb = bookOf([grid]);
    wb.writeValues('任务台账', 1, 0, texts.map((t) => [t]));
    const kept = texts.filter((t, i) => wb.sheet('任务台账')!.get(1 + i, 0) === t);
    expect(kept).toEqual(['028-86123456', '区科协', '第1季度']);
    expect(wb.sheet('任务台账')!.formulas.size).toBeGreaterThan(0);
  });

  it('through either gateway every cell holds exactly the text, no formula, and numbers and dates stay what they are', async () => {
    const list = sides([grid]);
    const day = new Date(Date.UTC(2023, 5, 30));
    const op: Op = { kind: 'values', sheet: '任务台账', row: 1, col: 0, values: [...texts.map((t) => [t, null]), [42, day]] };
    await onBoth(list, (s) => s.gw.apply([op]));
    for (const s of list) {
      const sheet = s.wb.sheet('任务台账')!;
      expect(texts.map((_t, i) => sheet.get(1 + i, 0)), s.name).toEqual(texts);
      expect(sheet.formulas.size, s.name).toBe(0);
      expect([sheet.get(1 + texts.length, 0), sheet.get(1 + texts.length, 1)]).toEqual([42, day]);
    }
    // And they read back as written.
    const back = await list[0].gw.read({ active: true });
    expect(back.active!.rows.slice(1, 1 + texts.length).map((r) => r[0])).toEqual(texts);
  });
});

describe('notes and comments on cells that already have one', () => {
  const grid: SheetGrid = { name: '任务台账', rows: [['单位'], ['甲'], ['乙'], ['丙']], merges: [] };
  const ops: Op[] = [
    { kind: 'values', sheet: '任务台账', row: 1, col: 0, values: [['甲1'], ['乙1'], ['丙1']] },
    { kind: 'note', sheet: '任务台账', row: 1, col: 0, text: '原值：甲' },
    { kind: 'note', sheet: '任务台账', row: 2, col: 0, text: '原值：乙' },
    { kind: 'note', sheet: '任务台账', row: 3, col: 0, text: '原值：丙' },
  ];
  /** A2 has a note, A3 a comment thread; A4 has nothing. */
  const setUp = (wb: MemoryWorkbook) => {
    wb.addNote('任务台账', 1, 0, '旧备注');
    wb.addComment('任务台账', 2, 0, '旧批注');
  };

  it('the hosts refuse a second note or comment on a cell, as Excel does', () => {
    const wb = bookOf([grid]);
    setUp(wb);
    for (const f of [() => wb.addNote('任务台账', 1, 0, 'x'), () => wb.addComment('任务台账', 2, 0, 'x'), () => wb.addComment('任务台账', 1, 0, 'x'), () => wb.addNote('任务台账', 2, 0, 'x')])
      expect(f).toThrow(HostError);
  });

  it.each([
    // Notes (1.18): the note is added to, the thread replied to, the free cell gets a note; one lookup round for the threads.
    ['ExcelApi 1.18', ALL_SETS, 3, { A2: '旧备注\n原值：甲', A4: '原值：丙' }, { A3: ['旧批注', ['原值：乙']] }, false],
    // Comments only (1.10–1.17): the old note is invisible, so adding there is refused; that cell alone is named, the others keep their records.
    ['ExcelApi 1.10', setsUpTo(17), 7, { A2: '旧备注' }, { A3: ['旧批注', ['原值：乙']], A4: ['原值：丙', []] }, true],
    // Neither (1.9): the values are written and the pane says the records could not be kept.
    ['ExcelApi 1.9', setsUpTo(9), 1, { A2: '旧备注' }, { A3: ['旧批注', []] }, true],
  ] as const)('%s: values written, every other record kept', async (_set, sets, syncs, notes, comments, warned) => {
    const list = sides([grid], sets, setUp);
    const { results } = await onBoth(list, (s) => s.gw.apply(ops));
    const sheet = list[0].wb.sheet('任务台账')!;
    expect([1, 2, 3].map((r) => sheet.get(r, 0))).toEqual(['甲1', '乙1', '丙1']);
    const a1 = (k: string) => `A${Number(k.split(',')[0]) + 1}`;
    expect(Object.fromEntries([...sheet.notes].map(([k, v]) => [a1(k), v]))).toEqual(notes);
    expect(Object.fromEntries([...sheet.comments].map(([k, c]) => [a1(k), [c.text, c.replies]]))).toEqual(comments);
    expect(results[0].syncs).toBe(syncs);
    expect(results[0].warnings.length > 0).toBe(warned);
    if (sets === setsUpTo(17)) expect(results[0].warnings.join('')).toContain('A2');
  });
});

describe('highlight ids that moved or are gone (ConditionalFormat.id is a priority)', () => {
  const grid: SheetGrid = { name: '任务台账', rows: [['a', 'b'], ['1', '2']], merges: [] };
  it('ids that moved since the read are found again in the same run, and only our formats go', async () => {
    const list = sides([grid]);
    const paint = (tag: string, row: number): Op => ({ kind: 'highlight', sheet: '任务台账', cells: [{ row, col: 0 }], color: '#F8CBAD', tag });
    await onBoth(list, async (s) => {
      await s.gw.apply([paint('error', 0), paint('warning', 1)]);
      // The user's own rules on top of ours.
      s.wb.addConditionalFormat('任务台账', [{ row: 5, col: 5 }], '#FF0000', '=A1>5');
      s.wb.addConditionalFormat('任务台账', [{ row: 6, col: 5 }], '#00FF00', '=B1<0');
      return null;
    });
    const { results } = await onBoth(list, async (s) => {
      const read = await s.gw.read({ active: true, highlights: true });
      // Between the read and the change the user deletes that rule: ours move up one priority, id 2 is gone.
      s.wb.deleteConditionalFormat('任务台账', '0');
      s.gw.resetStats();
      const rep = await s.gw.apply([{ kind: 'clearHighlights', sheet: '任务台账', ids: read.active!.highlightIds }, paint('info', 1)]);
      return { ids: read.active!.highlightIds, syncs: rep.syncs, left: s.wb.conditionalFormatList('任务台账').map((c) => c.formula) };
    });
    expect(results[0].ids).toEqual(['2', '3']);
    // Refused (ItemNotFound: deletion goes from the largest id down, so the first delete meets the gap),
    // looked up in the same run, done: three round trips, and the user's other rule is still there.
    expect(results[0].syncs).toBe(3);
    expect(results[0].left).toEqual(['=ISTEXT("kesu:info")', '=A1>5']);
  });
});

describe('row bands past row 1,048,576', () => {
  it('no band reaches past the last row, whatever the used range', () => {
    for (const [start, rows] of [[MAX_ROWS - 2_576, 2_576], [0, MAX_ROWS], [MAX_ROWS - 1, 1]])
      for (const b of extraBands(start, rows, 3000)) expect(b.to).toBeLessThanOrEqual(MAX_ROWS);
  });

  it('a ledger that ends on the last row is read whole, by both gateways', async () => {
    const rows = [['序号', '任务内容'], ...Array.from({ length: 4_000 }, (_x, i) => [i + 1, `任务${i + 1}`])];
    const grid: SheetGrid = { name: '任务台账', origin: { row: MAX_ROWS - rows.length, col: 0 }, rows, merges: [] };
    const list = sides([grid]);
    const { results } = await onBoth(list, (s) => s.gw.read({ active: true }));
    expect(results[0].active!.origin.row + results[0].active!.rows.length).toBe(MAX_ROWS);
    expect(results[0].active!.rows.map((r) => r[0])).toEqual(rows.map((r) => r[0]));
  });

  it('the hosts refuse a range past the last row (InvalidArgument)', async () => {
    const wb = bookOf([{ name: 'S', rows: [['x']], merges: [] }]);
    expect(() => wb.readBlock('S', MAX_ROWS - 1, 0, 2, 1)).toThrow(HostError);
    const fx = fakeExcel(wb);
    const code = await failure(fx.host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange(`${MAX_ROWS - 10}:${MAX_ROWS + 2990}`).getMergedAreasOrNullObject().load('areas/items/address');
      await ctx.sync();
    }, { delayForCellEdit: true }));
    expect(code).toBe('InvalidArgument');
  });
});

describe('a cell being edited (InvalidOperationInCellEditMode)', () => {
  const grid: SheetGrid = { name: '任务台账', rows: [['a']], merges: [] };
  it('with delayForCellEdit, both gateways wait for the edit to end, then run', async () => {
    for (const s of sides([grid])) {
      s.wb.beginEdit();
      let done = false;
      const p = s.gw.read({ active: true }).then(() => (done = true));
      await new Promise((r) => setTimeout(r, 20));
      expect(done, s.name).toBe(false);
      s.wb.endEdit();
      await p;
      expect(done, s.name).toBe(true);
    }
  });

  it('where Excel does not wait, the command fails with a Chinese message that says what to do', async () => {
    const wbA = bookOf([grid]);
    const fx = fakeExcel(wbA);
    // Some hosts ignore delayForCellEdit (office-js #1393): the batch fails as if it were false.
    const ignoring = new ExcelGateway({ ...fx.host, run: (batch) => fx.host.run(batch, { delayForCellEdit: false }) });
    const wbB = bookOf([grid]);
    const mem = new MemoryGateway(wbB, undefined, undefined, { delayForCellEdit: false });
    for (const [gw, wb] of [[ignoring, wbA], [mem, wbB]] as const) {
      wb.beginEdit();
      let err: unknown = null;
      await gw.read({ active: true }).catch((e) => (err = e));
      expect(errorCode(err)).toBe('InvalidOperationInCellEditMode');
      expect(hostFailure(err).text).toBe(HOST_ERROR_TEXT.InvalidOperationInCellEditMode);
      expect(hostFailure(err).text).toMatch(/按 Enter 或 Tab/);
    }
  });
});

describe('a protected sheet (AccessDenied)', () => {
  it('补全 is refused by both gateways, nothing of the user’s changes, and the message says how to unprotect', async () => {
    const example = await exampleGrids();
    const list = sides(example, ALL_SETS, (wb) => (wb.sheet('任务台账')!.protected = true));
    const before = JSON.stringify(list[0].wb.toGrids());
    for (const s of list) {
      let err: unknown = null;
      await runEnrich(s.gw, { asOf: AS_OF }).catch((e) => (err = e));
      expect(errorCode(err), s.name).toBe('AccessDenied');
      const f = hostFailure(err);
      expect(f.text).toContain('撤消工作表保护');
      expect(f.details).toContain('You cannot perform the requested operation.');
      expect(JSON.stringify(s.wb.toGrids())).toBe(before);
    }
  });
});

describe('sheet names (WorksheetCollection.add)', () => {
  it.each([
    ['History', 'InvalidArgument'],
    ['history', 'InvalidArgument'],
    ['任务台账', 'ItemAlreadyExists'],
    ['SHEET1', 'ItemAlreadyExists'],
    ["'引号", 'InvalidArgument'],
    ['a/b', 'InvalidArgument'],
    ['长'.repeat(32), 'InvalidArgument'],
    ['新台账', null],
  ])('adding %s: %s', async (name, code) => {
    const grids: SheetGrid[] = [{ name: '任务台账', rows: [['a']], merges: [] }, { name: 'Sheet1', rows: [], merges: [] }];
    for (const s of sides(grids)) expect(await failure(s.gw.apply([{ kind: 'addSheet', name }])), s.name).toBe(code);
  });

  it('生成台账 picks a name Excel accepts when the plan is called History', async () => {
    const grids: SheetGrid[] = [{ name: 'history2', rows: [['a']], merges: [] }];
    const text = '一、工作任务\n（一）开展科普活动\n1. 举办科普讲座不少于10场（牵头单位：区科协，2025年12月底前完成）';
    for (const s of sides(grids)) {
      // The core names the sheet after the plan; here it is told to use History.
      const r = await runGenerate(s.gw, text, 'History.txt');
      if (!r.ok) continue;
      expect(s.wb.sheets.map((x) => x.name.toLowerCase())).not.toContain('history');
      expect(new Set(s.wb.sheets.map((x) => x.name.toLowerCase())).size).toBe(s.wb.sheets.length);
    }
  });
});

describe('export on Excel for Mac', () => {
  it.each([
    ['mac', 'opened'],
    ['ios', 'opened'],
    ['windows', 'link'],
    ['web', 'link'],
  ])('%s: the file is %s', async (platform, kind) => {
    const bytes = new Uint8Array([1, 2, 3]);
    const opened: Uint8Array[] = [];
    const handed = await handOver(platform, bytes, 'a.xlsx', { open: async (b) => void opened.push(b), download: () => ({ kind: 'link', url: 'blob:x' }) });
    expect(handed.kind).toBe(kind);
    expect(opened.length).toBe(kind === 'opened' ? 1 : 0);
  });
});
