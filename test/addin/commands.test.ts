// The command planners against the in-memory workbook: what they change,
// what they must leave alone, and how many round trips they cost.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SheetGrid } from '../../shared/model';
import { LIGHTS, STATUSES } from '../../shared/model';
import { LIGHT_FILL } from '../../shared/progress';
import { readWorkbook } from '../../shared/io';
import { MemoryGateway, MemoryWorkbook } from '../../addin/memory/gateway';
import { runValidate, selectFinding, selectTask, clearHighlights, planHighlights, LIGHT_TAG } from '../../addin/commands/validate';
import { ENRICH_HEADERS, lightFills, removeEnrich, runEnrich } from '../../addin/commands/enrich';
import { acceptSuggestions, addOwnerLists, loadSuggestions, openDirectory, replaceName } from '../../addin/commands/directory';
import { planTextFromFile, runGenerate, uniqueSheetName } from '../../addin/commands/generate';
import { runExport } from '../../addin/commands/export';
import { columnLetter0 } from '../../addin/a1';
import { READ_ROWS, bandRowsAfter, extraBands, jsonBytes, readSyncs } from '../../addin/batches';
import { AS_OF, SEED_000, bigLedger, clone, exampleGrids, headerCol, withTypos } from '../fixtures/addin/ledgers';

let example: SheetGrid[];
beforeAll(async () => {
  example = await exampleGrids();
});

function open(grids: SheetGrid[]) {
  const wb = MemoryWorkbook.fromGrids(clone(grids));
  return { wb, gw: new MemoryGateway(wb) };
}
const opts = { asOf: AS_OF };
const must = <T,>(r: { ok: true; value: T } | { ok: false; message: string }): T => {
  if (!r.ok) throw new Error(r.message);
  return r.value;
};

describe('校验', () => {
  it('lists every finding once, grouped by severity and code, and highlights each error or warning cell once (提示 are listed, not painted)', async () => {
    const { wb, gw } = open(example);
    const r = must(await runValidate(gw, opts));
    expect(r.tasks).toBeGreaterThanOrEqual(29);
    expect(r.groups.reduce((n, g) => n + g.count, 0)).toBe(r.findings.length);
    for (const g of r.groups) expect(g.findings.every((f) => f.code === g.code && f.severity === g.severity)).toBe(true);
    const order = r.groups.map((g) => ['error', 'warning', 'info'].indexOf(g.severity));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    const sheet = wb.sheet('任务台账')!;
    const at = (f: (typeof r.findings)[number]) => `${f.row! - 1},${f.col}`;
    const placed = r.findings.filter((f) => f.row != null && f.col != null);
    const cells = new Set(placed.filter((f) => f.severity !== 'info').map(at));
    const infoOnly = new Set(placed.filter((f) => f.severity === 'info').map(at).filter((c) => !cells.has(c)));
    expect(cells.size).toBeGreaterThan(0);
    expect(infoOnly.size).toBeGreaterThan(0);
    for (const c of cells) expect(sheet.highlights.has(c)).toBe(true);
    // Each task's 序号 cell carries its light (a finding on that cell wins).
    const idCells = new Set(r.lights.flatMap((g) => g.tasks.map((t) => `${t.row - 1},${t.col}`)));
    for (const c of infoOnly) if (!idCells.has(c)) expect(sheet.highlights.has(c)).toBe(false);
    expect(sheet.highlights.size).toBe(r.highlighted);
    const lit = [...idCells].filter((c) => !cells.has(c));
    expect(r.highlighted).toBe(cells.size + lit.length);
  });

  it('lists the tasks by light, red first, and paints each 序号 cell in its light', async () => {
    const { wb, gw } = open(example);
    const r = must(await runValidate(gw, opts));
    expect(r.lights.map((g) => g.light)).toEqual(['红', '黄', '绿']);
    expect(r.lights.reduce((n, g) => n + g.count, 0)).toBe(r.tasks);
    expect(r.asOf).toBe('2023-06-30');
    expect(r.asOfSource).toBe('chosen');
    const sheet = wb.sheet('任务台账')!;
    const idCol = sheet.cells[2]!.indexOf('序号');
    for (const g of r.lights) {
      for (const t of g.tasks) {
        expect(t.col).toBe(idCol);
        expect(String(sheet.get(t.row - 1, idCol))).toBe(t.id);
        expect(sheet.highlights.get(`${t.row - 1},${t.col}`)).toEqual({ color: LIGHT_FILL[g.light], tag: LIGHT_TAG[g.light] });
      }
    }
    // 46 of 50 场 by 30 June (序时进度 49.6%): yellow; nothing reported on row 8: yellow, never green.
    const yellow = r.lights.find((g) => g.light === '黄')!.tasks.map((t) => t.row);
    expect(yellow).toEqual(expect.arrayContaining([5, 8]));
    expect(r.lights.find((g) => g.light === '绿')!.tasks.map((t) => t.status)).not.toContain('未填报');
    await selectTask(gw, '任务台账', r.lights[1]!.tasks[0]!);
    expect(wb.selection).toEqual({ sheet: '任务台账', row: r.lights[1]!.tasks[0]!.row - 1, col: idCol });
  });

  it('without a date picked, judges the ledger as of the 截至日期 its title rows state', async () => {
    const { gw } = open(example);
    const r = must(await runValidate(gw, {}));
    expect(r.asOf).toBe('2023-06-30');
    expect(r.asOfSource).toBe('ledger');
    const chosen = must(await runValidate(gw, opts));
    expect(JSON.stringify(r.lights)).toBe(JSON.stringify(chosen.lights));
    // A date picked in the pane wins over the title rows: in 2027 the 2025 deadlines are past.
    const later = must(await runValidate(gw, { asOf: new Date(Date.UTC(2027, 0, 1)) }));
    expect(later.asOfSource).toBe('chosen');
    expect(later.lights.find((g) => g.light === '红')!.count).toBeGreaterThan(0);
    expect(r.lights.find((g) => g.light === '红')!.count).toBe(0);
  });

  it('costs 3 round trips: read (finding the old highlights), 单位名录, apply', async () => {
    const { gw } = open(example);
    must(await runValidate(gw, opts));
    gw.resetStats();
    must(await runValidate(gw, opts));
    expect(gw.stats().syncs).toBe(3);
  });

  it('rerunning replaces the highlights instead of piling them up; clearing removes them all', async () => {
    const { wb, gw } = open(example);
    const a = must(await runValidate(gw, opts));
    const b = must(await runValidate(gw, opts));
    expect(wb.sheet('任务台账')!.highlights.size).toBe(b.highlighted);
    expect(b.highlighted).toBe(a.highlighted);
    await clearHighlights(gw, '任务台账');
    expect(wb.sheet('任务台账')!.highlights.size).toBe(0);
  });

  it('selects the cell of a clicked finding', async () => {
    const { wb, gw } = open(example);
    const r = must(await runValidate(gw, opts));
    const f = r.findings.find((x) => x.row != null && x.col != null)!;
    expect(await selectFinding(gw, f)).toBe(true);
    expect(wb.selection).toEqual({ sheet: f.sheet, row: f.row! - 1, col: f.col });
  });

  it.each([
    ['an empty sheet', [{ name: '空表', rows: [], merges: [] }]],
    ['a sheet without a ledger header', [{ name: '杂项', rows: [['姓名', '电话'], ['张三', '123']], merges: [] }]],
  ] as [string, SheetGrid[]][])('says in Chinese what is wrong with %s', async (_n, grids) => {
    const { gw } = open(grids);
    const r = await runValidate(gw, opts);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('puts the worst severity on a cell that has several findings', () => {
    const ctx = { sheet: { name: 'S', rows: [], merges: [], origin: { row: 0, col: 0 }, address: '' }, ledger: { sheet: 'S', rows: [], header: { columns: { leads: 2 } } } } as never;
    const base = { sheet: 'S', row: 5, column: null, col: 3, params: {}, message: '', fix: null };
    const plan = planHighlights(ctx, [
      { ...base, code: 'owners.variant', severity: 'info' },
      { ...base, code: 'owners.unknown', severity: 'error' },
      { ...base, code: 'owners.fuzzy', severity: 'warning', row: 6 },
    ]);
    const hl = plan.ops.filter((o) => o.kind === 'highlight') as { tag: string; cells: unknown[] }[];
    expect(hl.map((o) => [o.tag, o.cells.length])).toEqual([['error', 1], ['warning', 1]]);
  });
});

describe('补全', () => {
  it('writes the columns right of the ledger and leaves every original cell identical', async () => {
    const { wb, gw } = open(example);
    const before = JSON.stringify(wb.toGrids());
    const r = must(await runEnrich(gw, opts));
    const after = wb.sheet('任务台账')!;
    const orig = JSON.parse(before) as SheetGrid[];
    const og = orig.find((g) => g.name === '任务台账')!;
    const width = Math.max(...og.rows.map((x) => x.length));
    expect(r.block.col).toBeGreaterThanOrEqual(width);
    og.rows.forEach((row, i) => row.forEach((v, j) => expect(after.get(i, j)).toEqual(v)));
    expect(JSON.stringify(wb.toGrids().find((g) => g.name === '单位名录'))).toBe(JSON.stringify(orig.find((g) => g.name === '单位名录')));
    const hdr = r.block.headerRow;
    expect(ENRICH_HEADERS.map((_h, j) => after.get(hdr, r.block.col + j))).toEqual([...ENRICH_HEADERS]);
  });

  it('fills each task row with its derived values (population, status, completion)', async () => {
    const { wb, gw } = open(example);
    const r = must(await runEnrich(gw, opts));
    const s = wb.sheet('任务台账')!;
    const col = (h: string) => r.block.col + ENRICH_HEADERS.indexOf(h as never);
    const rows = s.cells.map((_x, i) => i).filter((i) => i > r.block.headerRow && s.get(i, 0) !== null);
    expect(rows.length).toBeGreaterThanOrEqual(29);
    for (const i of rows) {
      expect(STATUSES).toContain(s.get(i, col('状态')));
      expect(LIGHTS).toContain(s.get(i, col('红黄绿灯')));
      expect(String(s.get(i, col('规范牵头单位')) ?? '')).not.toBe('');
    }
    // The first task is about 青少年 (its 类别 says so).
    expect(s.get(rows[0], col('人群'))).toBe('青少年');
  });

  it('fills each 红黄绿灯 cell in its light, with the word, and gives 判断依据', async () => {
    const { wb, gw } = open(example);
    const r = must(await runEnrich(gw, opts));
    const s = wb.sheet('任务台账')!;
    const lightCol = r.block.col + ENRICH_HEADERS.indexOf('红黄绿灯');
    const whyCol = r.block.col + ENRICH_HEADERS.indexOf('判断依据');
    const rows = s.cells.map((_x, i) => i).filter((i) => i > r.block.headerRow && s.get(i, 0) !== null);
    const seen = new Set<string>();
    for (const i of rows) {
      const light = s.get(i, lightCol) as (typeof LIGHTS)[number];
      expect(LIGHTS).toContain(light);
      expect(s.formats.get(`${i},${lightCol}`)?.fill).toBe(LIGHT_FILL[light]);
      expect(String(s.get(i, whyCol))).not.toBe('');
      seen.add(light);
    }
    expect(seen.size).toBeGreaterThan(1);
  });

  it.each([
    ['one run', [{ row: 5, light: '红' }, { row: 6, light: '红' }], [[4, 2, '红']]],
    ['a change of light', [{ row: 5, light: '红' }, { row: 6, light: '黄' }], [[4, 1, '红'], [5, 1, '黄']]],
    ['a gap in the rows', [{ row: 5, light: '绿' }, { row: 7, light: '绿' }], [[4, 1, '绿'], [6, 1, '绿']]],
    ['rows out of order', [{ row: 7, light: '绿' }, { row: 6, light: '绿' }], [[5, 2, '绿']]],
  ] as const)('lightFills: %s', (_n, tasks, want) => {
    const ops = lightFills(tasks as never, 'S', 9) as { row: number; rows: number; col: number; format: { fill: string } }[];
    expect(ops.map((o) => [o.row, o.rows, o.format.fill])).toEqual(want.map(([row, n, l]) => [row, n, LIGHT_FILL[l]]));
    expect(ops.every((o) => o.col === 9)).toBe(true);
  });

  it('rerun updates the same columns; one click removes them and the sheet is as before', async () => {
    const { wb, gw } = open(example);
    const before = JSON.stringify(wb.toGrids());
    const a = must(await runEnrich(gw, opts));
    const b = must(await runEnrich(gw, { asOf: new Date('2025-12-31') }));
    expect(b.range).toBe(a.range);
    expect(b.block.existing).toBe(true);
    const widest = Math.max(...wb.sheet('任务台账')!.cells.map((r) => r.length));
    expect(widest).toBe(a.block.col + ENRICH_HEADERS.length);
    const removed = must(await removeEnrich(gw));
    expect(removed.range).toBe(`${columnLetter0(a.block.col)}:${columnLetter0(a.block.col + ENRICH_HEADERS.length - 1)}`);
    const strip = (gs: SheetGrid[]) => gs.map((g) => ({ ...g, rows: g.rows.map((r) => { const c = [...r]; while (c.length && c[c.length - 1] == null) c.pop(); return c; }) }));
    expect(JSON.stringify(strip(wb.toGrids()))).toBe(JSON.stringify(strip(JSON.parse(before))));
    expect((await removeEnrich(gw)).ok).toBe(false);
  });
});

describe('单位名录', () => {
  it('offers ranked suggestions for unknown owners; accepting one changes only that cell and keeps the original in a note', async () => {
    const { grids, cells } = withTypos(example);
    const { wb, gw } = open(grids);
    const list = must(await loadSuggestions(gw, opts));
    for (const c of cells) expect(list.some((s) => s.row === c.row && s.col === c.col && s.input === c.input)).toBe(true);
    for (const s of list) expect(s.suggestions.map((x) => x.score)).toEqual([...s.suggestions.map((x) => x.score)].sort((a, b) => b - a));
    const pick = list.find((s) => s.row === cells[0].row && s.input === cells[0].input)!;
    const before = wb.toGrids();
    must(await acceptSuggestions(gw, [{ suggestion: pick, name: pick.suggestions[0].name }]));
    const after = wb.toGrids();
    const changed: string[] = [];
    after.forEach((g, k) => g.rows.forEach((r, i) => r.forEach((v, j) => v !== (before[k].rows[i]?.[j] ?? null) && changed.push(`${g.name}!${i},${j}`))));
    expect(changed).toEqual([`任务台账!${pick.row},${pick.col}`]);
    const now = String(wb.sheet('任务台账')!.get(pick.row, pick.col));
    expect(now).toBe(replaceName(cells[0].text, pick.input, pick.suggestions[0].name));
    expect(wb.sheet('任务台账')!.notes.get(`${pick.row},${pick.col}`)).toContain(cells[0].text);
  });

  it('accepts all at once in a fixed number of round trips', async () => {
    const { grids, cells } = withTypos(example);
    const { wb, gw } = open(grids);
    const list = must(await loadSuggestions(gw, opts));
    gw.resetStats();
    const r = must(await acceptSuggestions(gw, list.map((s) => ({ suggestion: s, name: s.suggestions[0].name }))));
    expect(r.cells).toBe(new Set(list.map((s) => `${s.row},${s.col}`)).size);
    expect(gw.stats().syncs).toBeLessThanOrEqual(3);
    for (const c of cells) expect(String(wb.sheet('任务台账')!.get(c.row, c.col))).not.toContain(c.input);
  });

  it('refuses to overwrite a cell edited since the suggestions were made', async () => {
    const { grids } = withTypos(example);
    const { wb, gw } = open(grids);
    const [s] = must(await loadSuggestions(gw, opts));
    wb.sheet('任务台账')!.set(s.row, s.col, '用户刚改过');
    const r = await acceptSuggestions(gw, [{ suggestion: s, name: s.suggestions[0].name }]);
    expect(r.ok).toBe(false);
    expect(wb.sheet('任务台账')!.get(s.row, s.col)).toBe('用户刚改过');
  });

  it('creates the 单位名录 sheet from the bundled directory, then opens it without rewriting it', async () => {
    const ledgerOnly = example.filter((g) => g.name !== '单位名录');
    const { wb, gw } = open(ledgerOnly);
    const a = must(await openDirectory(gw, '成都市锦江区'));
    expect(a.created).toBe(true);
    const sheet = wb.sheet('单位名录')!;
    expect(sheet.get(0, 0)).toBe('单位名称');
    expect(a.units).toBeGreaterThan(10);
    sheet.set(1, 4, '王老师');
    const b = must(await openDirectory(gw, '成都市锦江区'));
    expect(b.created).toBe(false);
    expect(sheet.get(1, 4)).toBe('王老师');
    expect(wb.active).toBe('单位名录');
  });

  it('puts drop-down lists on both owner columns, fed by the 单位名录 sheet', async () => {
    const { wb, gw } = open(example);
    const r = must(await addOwnerLists(gw, opts));
    expect(r.columns).toEqual(['牵头单位', '责任单位']);
    const v = wb.sheet('任务台账')!.validations;
    expect(v).toHaveLength(2);
    const first = headerCol(example.find((g) => g.name === '任务台账')!, '牵头单位').row + 1;
    for (const x of v) {
      expect(x.source).toMatch(/^='单位名录'!\$A\$2:\$A\$\d+$/);
      expect(x.row).toBe(first);
    }
  });
});

describe('生成台账', () => {
  it('turns seed 000 into a new ledger sheet with its 29+ tasks, leaving existing sheets alone', async () => {
    const { wb, gw } = open(example);
    const before = JSON.stringify(wb.toGrids());
    const text = readFileSync(SEED_000, 'utf8');
    const r = must(await runGenerate(gw, text, '000.txt'));
    expect(r.tasks).toBeGreaterThanOrEqual(29);
    expect(wb.sheets.map((s) => s.name)).not.toContain(undefined);
    expect(wb.sheets).toHaveLength(3);
    expect(JSON.stringify(wb.toGrids().slice(0, 2))).toBe(before);
    expect(wb.active).toBe(r.sheet);
    // The new sheet reads back as a ledger with the same number of tasks.
    wb.active = r.sheet;
    const v = must(await runValidate(gw, opts));
    expect(v.tasks).toBe(r.tasks);
  });

  it.each([
    ['空文本', '   '],
    ['没有任务的文本', '这是一段普通的文字，没有编号也没有任务。'],
  ])('explains %s in Chinese', async (_n, text) => {
    const { gw } = open(example);
    const r = await runGenerate(gw, text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it.each([
    ['任务台账', ['任务台账'], '任务台账2'],
    ['任务台账', ['任务台账', '任务台账2'], '任务台账3'],
    ['a/b:c', [], 'abc'],
  ])('names the new sheet %s among %j → %s', (base, taken, want) => {
    expect(uniqueSheetName(base, taken)).toBe(want);
  });

  it.each([
    ['plan.txt', new TextEncoder().encode('\uFEFF一、总体要求'), '一、总体要求'],
    ['plan.pdf', new Uint8Array([1, 2, 3]), null],
  ])('reads %s', async (name, bytes, want) => {
    const r = await planTextFromFile(name, bytes);
    expect(r.ok).toBe(want !== null);
    if (r.ok) expect(r.value).toBe(want);
  });
});

describe('导出', () => {
  it('writes the standard workbook with the chosen jurisdiction, period and as-of date', async () => {
    const { gw } = open(example);
    const r = must(await runExport(gw, { asOf: AS_OF, jurisdiction: '成都市锦江区', period: '2023年上半年' }));
    expect(r.fileName).toMatch(/\.xlsx$/);
    const back = await readWorkbook(r.bytes, r.fileName);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    const names = back.sheets.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['任务台账', '说明', '单位名录']));
    const meta = JSON.stringify(back.sheets.find((s) => s.name === '说明')!.rows);
    for (const v of ['成都市锦江区', '2023年上半年', '2023-06-30']) expect(meta).toContain(v);
    expect(back.sheets.find((s) => s.name === '任务台账')!.rows.length - 1).toBe(r.tasks);
  });
});

describe('round trips on a large ledger', () => {
  // Reads come in bands (Excel on the web also refuses a response over 5 MB; the
  // 10,000-row ledger is 6.7 MB of values): band 0 of READ_ROWS rows, then bands
  // sized from what band 0 weighed; a read costs 1 + its extra bands; the rest is fixed.
  it.each([1_000, 10_000])('%i rows: 校验 = read + 1 sync (≤ 3 up to 3,000 rows, ≤ 4 at 10,000), 补全 ≤ 6, every request under 5 MB', async (n) => {
    const grids = bigLedger(example, n);
    const { gw } = open(grids);
    const band0 = grids[0].rows.slice(0, READ_ROWS);
    const reads = readSyncs(extraBands(0, grids[0].rows.length, bandRowsAfter(jsonBytes(band0), band0.length)).length, true);
    gw.resetStats();
    const v = must(await runValidate(gw, opts));
    expect(v.tasks).toBe(n);
    expect(gw.stats().syncs).toBe(reads + 1);
    expect(gw.stats().syncs).toBeLessThanOrEqual(grids[0].rows.length <= READ_ROWS ? 3 : 4);
    gw.resetStats();
    must(await runEnrich(gw, opts));
    const s = gw.stats();
    expect(s.syncs).toBeLessThanOrEqual(6);
    expect(Math.max(...s.payloads)).toBeLessThan(5 * 1024 * 1024);
  });

  it('splits a write that exceeds the request limit into chunks, each under it', async () => {
    const wb = MemoryWorkbook.fromGrids(clone(bigLedger(example, 2_000)));
    const gw = new MemoryGateway(wb, { maxBytes: 100_000, maxCells: 500_000 });
    must(await runEnrich(gw, opts));
    const s = gw.stats();
    expect(s.chunks).toBeGreaterThan(1);
    expect(Math.max(...s.payloads)).toBeLessThanOrEqual(100_000);
    // Chunked or not, the result is the same as one big write.
    const ref = MemoryWorkbook.fromGrids(clone(bigLedger(example, 2_000)));
    must(await runEnrich(new MemoryGateway(ref), opts));
    expect(JSON.stringify(wb.toGrids())).toBe(JSON.stringify(ref.toGrids()));
  });
});
