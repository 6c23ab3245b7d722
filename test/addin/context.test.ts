// The shared start of every command (ledgerFrom), the 补全 block search and the
// messages that replaced hand-written ones: table-driven, against the
// in-memory workbook.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding, SheetGrid } from '../../shared/model';
import { directoryFor, readLedger } from '../../shared/ledger';
import { CheckCache } from '../../shared/checks';
import { MemoryGateway, MemoryWorkbook } from '../../addin/memory/gateway';
import { ledgerFrom } from '../../addin/commands/context';
import { ENRICH_HEADERS, findBlock, locateBlock, removeEnrich, runEnrich } from '../../addin/commands/enrich';
import { acceptSuggestions, addOwnerLists, loadSuggestions } from '../../addin/commands/directory';
import type { SheetRead } from '../../addin/gateway';
import { ADDIN_MESSAGES, hostFailure } from '../../addin/messages';
import { AS_OF, clone, exampleGrids, withTypos } from '../fixtures/addin/ledgers';

let example: SheetGrid[];
beforeAll(async () => {
  example = await exampleGrids();
});

const open = (grids: SheetGrid[]) => {
  const wb = MemoryWorkbook.fromGrids(clone(grids));
  return { wb, gw: new MemoryGateway(wb) };
};
const must = <T,>(r: { ok: true; value: T } | { ok: false; message: string }): T => {
  if (!r.ok) throw new Error(r.message);
  return r.value;
};
const key = (f: Finding) => `${f.sheet}|${f.row}|${f.col ?? f.column}|${f.code}|${JSON.stringify(f.params)}`;

/** A 单位名录 whose first unit is listed twice, so readLedger reports a directory finding. */
function withDuplicateUnit(grids: SheetGrid[]): SheetGrid[] {
  return clone(grids).map((g) => (g.name === '单位名录' ? { ...g, rows: [...g.rows, [...g.rows[1]!]] } : g));
}

describe('ledgerFrom', () => {
  const cases: { name: string; grids: () => SheetGrid[]; jurisdiction?: string; dirFinding: boolean }[] = [
    { name: 'workbook 单位名录, 辖区 from the ledger', grids: () => example, dirFinding: false },
    { name: 'workbook 单位名录, 辖区 picked in the pane', grids: () => example, jurisdiction: '成都市锦江区', dirFinding: false },
    { name: 'no 单位名录: bundled directory only', grids: () => example.filter((g) => g.name !== '单位名录'), jurisdiction: '成都市锦江区', dirFinding: false },
    { name: 'a 单位名录 finding is listed once', grids: () => withDuplicateUnit(example), dirFinding: true },
  ];
  for (const c of cases) {
    it(`${c.name}: each finding once, and the core's directory reused from one click to the next`, async () => {
      const { gw } = open(c.grids());
      const opts = { asOf: AS_OF, jurisdiction: c.jurisdiction, cache: new CheckCache() };
      const first = must(ledgerFrom(await gw.read({ active: true, names: ['单位名录'] }), opts));
      const again = must(ledgerFrom(await gw.read({ active: true, names: ['单位名录'] }), opts));
      const keys = first.findings.map(key);
      expect(new Set(keys).size).toBe(keys.length);
      expect(first.findings.some((f) => f.code.startsWith('directory.'))).toBe(c.dirFinding);
      for (const f of first.findings) expect([first.sheet.name, '单位名录']).toContain(f.sheet);
      // A new read builds new grids, yet through the pane's cache the Directory (and the owner readings keyed on it) is the same object.
      expect(again.directory).toBe(first.directory);
      const read = readLedger([first.sheet, ...(first.read.sheets['单位名录'] ? [first.read.sheets['单位名录']!] : [])]);
      expect(first.directory).toBe(directoryFor(read, c.jurisdiction || read.meta.jurisdiction || null, opts.cache.directories));
      // Without the pane's cache, nothing is kept: a workbook's own 单位名录 is built again.
      const alone = must(ledgerFrom(await gw.read({ active: true, names: ['单位名录'] }), { asOf: AS_OF, jurisdiction: c.jurisdiction }));
      expect(alone.directory === first.directory).toBe(!first.read.sheets['单位名录']);
      expect(alone.findings.map(key)).toEqual(keys);
    });
  }
});

describe('补全 block search', () => {
  const sheet = (rows: (string | null)[][], origin = { row: 0, col: 0 }): SheetRead => ({ name: 'S', rows, merges: [], origin, address: '' });
  const H = [...ENRICH_HEADERS];
  const cases: { name: string; s: SheetRead; want: { headerRow: number; col: number } | null }[] = [
    { name: 'none', s: sheet([['序号', '任务'], ['1', 'x']]), want: null },
    { name: 'on the first row', s: sheet([['序号', '任务', ...H], ['1', 'x']]), want: { headerRow: 0, col: 2 } },
    { name: 'on a lower row, sheet not at A1', s: sheet([['标题'], ['序号', ...H]], { row: 3, col: 1 }), want: { headerRow: 4, col: 2 } },
    { name: 'headers incomplete', s: sheet([['序号', ...H.slice(0, -1)]]), want: null },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const b = findBlock(c.s, ENRICH_HEADERS);
      expect(b && { headerRow: b.headerRow, col: b.col }).toEqual(c.want);
      // Same answer as locateBlock on that row (which the 补全 run uses).
      if (b) expect(locateBlock(c.s, b.headerRow, ENRICH_HEADERS)).toEqual(b);
    });
  }

  // One pass, counted rather than timed (speed is measured by npm run bench):
  // each row's cells are looked at about once per starting column, never
  // again for another row. A width scan per missed row took 1.45 s here.
  it('answers in one pass over the rows on a 16,000-row ledger without a block', async () => {
    const width = 12;
    let reads = 0;
    const counted = (cells: (string | null)[]) =>
      new Proxy(cells, {
        get(target, key, receiver) {
          if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
          return Reflect.get(target, key, receiver);
        },
      });
    const rows: (string | null)[][] = [['序号', '任务', ...Array<string | null>(width - 2).fill(null)]];
    for (let i = 1; i < 16000; i++) rows.push([String(i), `任务${i}`, ...Array<string | null>(width - 2).fill('x')]);
    expect(findBlock(sheet(rows.map(counted)), ENRICH_HEADERS)).toBeNull();
    expect(reads).toBeGreaterThan(0);
    expect(reads).toBeLessThanOrEqual(rows.length * width);
    const { gw } = open([{ name: 'S', rows, merges: [] }]);
    expect(await removeEnrich(gw)).toEqual({ ok: false, message: ADDIN_MESSAGES.noEnrichBlock() });
  });
});

describe('messages', () => {
  it('accepting after switching sheets says to switch back to the sheet and search again', async () => {
    const { grids } = withTypos(example);
    const { wb, gw } = open(grids);
    const [s] = must(await loadSuggestions(gw, { asOf: AS_OF }));
    wb.active = '单位名录';
    const r = await acceptSuggestions(gw, [{ suggestion: s!, name: s!.suggestions[0]!.name }]);
    expect(r).toEqual({ ok: false, message: ADDIN_MESSAGES.wrongSheet({ sheet: '任务台账' }) });
    expect(ADDIN_MESSAGES.wrongSheet({ sheet: '任务台账' })).toBe('建议来自工作表「任务台账」，当前已切换到其他工作表。请切换回「任务台账」并重新点击「查找未识别单位」后再接受建议。');
  });

  const failures: { name: string; grids: () => SheetGrid[]; run: (gw: MemoryGateway) => Promise<{ ok: boolean; message?: string }>; want: string }[] = [
    { name: '补全 on an empty sheet', grids: () => [{ name: '空表', rows: [], merges: [] }], run: (gw) => runEnrich(gw, { asOf: AS_OF }), want: ADDIN_MESSAGES.emptySheet({ sheet: '空表' }) },
    {
      name: '下拉列表 without a 单位名录',
      grids: () => example.filter((g) => g.name !== '单位名录'),
      run: (gw) => addOwnerLists(gw, { asOf: AS_OF }),
      want: ADDIN_MESSAGES.noDirectorySheet(),
    },
  ];
  for (const c of failures) {
    it(c.name, async () => {
      const { gw } = open(c.grids());
      const r = (await c.run(gw)) as { ok: false; message: string };
      expect(r.ok).toBe(false);
      expect(r.message).toBe(c.want);
    });
  }
  it('every failure says what to do', () => {
    for (const t of [ADDIN_MESSAGES.emptySheet({ sheet: 'S' }), ADDIN_MESSAGES.noTasks({ sheet: 'S' }), hostFailure(new Error('x')).text, ADDIN_MESSAGES.badDate(), ADDIN_MESSAGES.noComments(), ADDIN_MESSAGES.commentFailed({ why: 'x' }), ADDIN_MESSAGES.mergesSkipped({ from: 1, to: 3000 }), ADDIN_MESSAGES.oldExcel()])
      expect(t).toMatch(/请/);
    // An unknown failure: our sentence, and Excel's words only in the details line.
    expect(hostFailure(new Error('网络中断'))).toEqual({ text: 'Excel 未能完成操作，部分改动可能已写入。请检查工作表后重试；如仍失败，请关闭并重新打开工作簿。', details: '详细信息（Excel 原文）：网络中断' });
  });
});
