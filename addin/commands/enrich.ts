// 补全: the derived columns (规范牵头单位 … 联系人) to the right of the ledger.
// The user's cells are never written: the block goes after the last used
// column, or over the block a previous run wrote (found by its exact header
// sequence), and one click deletes it again.
import type { CellValue, Task } from '../../shared/model';
import { ENRICH_HEADERS, ENRICH_LIGHT_COL, enrichColumns } from '../../shared/enrich';
import { LIGHT_FILL } from '../../shared/progress';
import type { ApplyReport, SheetRead, WorkbookGateway } from '../gateway';
import type { Op } from '../ops';
import { columnLetter0 } from '../a1';
import { ADDIN_MESSAGES } from '../messages';
import { loadLedger, type LedgerContext, type RunOptions } from './context';
import { fail, ok, type Outcome } from './result';

/** The columns, in order (issue 4), as the core's enrichColumns writes them. */
export { ENRICH_HEADERS };
export const ENRICH_HEADER_FILL = '#E2EFDA';

export interface EnrichBlock {
  /** 0-based column of the first enrichment column. */
  col: number;
  /** 0-based row of the header. */
  headerRow: number;
  headers: string[];
  existing: boolean;
}

const cellStr = (v: CellValue) => (v == null ? '' : String(v).trim());

/** Where our columns are (a previous run) or will go (after the last used column). */
export function locateBlock(sheet: SheetRead, headerRow: number, headers: readonly string[]): EnrichBlock {
  const col = findInRow(sheet, headerRow, headers);
  if (col !== null) return { col, headerRow, headers: [...headers], existing: true };
  const width = sheet.rows.reduce((w, r) => Math.max(w, lastFilled(r) + 1), 0);
  return { col: sheet.origin.col + width, headerRow, headers: [...headers], existing: false };
}

/**
 * The block a previous run wrote, on any row, or null. One pass over the rows:
 * locateBlock per row would measure the sheet's width on every miss
 * (quadratic; 16,000 rows took 1.45 s).
 */
export function findBlock(sheet: SheetRead, headers: readonly string[]): EnrichBlock | null {
  for (let r = 0; r < sheet.rows.length; r++) {
    const headerRow = sheet.origin.row + r;
    const col = findInRow(sheet, headerRow, headers);
    if (col !== null) return { col, headerRow, headers: [...headers], existing: true };
  }
  return null;
}

/** 0-based column where `headers` start, in that order, on one row; null when absent. */
function findInRow(sheet: SheetRead, headerRow: number, headers: readonly string[]): number | null {
  const row = sheet.rows[headerRow - sheet.origin.row] ?? [];
  for (let c = 0; c + headers.length <= row.length; c++) {
    if (headers.every((h, i) => cellStr(row[c + i]) === h)) return sheet.origin.col + c;
  }
  return null;
}

function lastFilled(r: CellValue[]): number {
  for (let i = r.length - 1; i >= 0; i--) if (r[i] !== null && r[i] !== '') return i;
  return -1;
}

export interface EnrichPlan {
  block: EnrichBlock;
  ops: Op[];
  rows: number;
}

/** The whole change: header + one row per sheet row from the header down, '' where a row has no task (so a rerun clears stale values). */
export function planEnrich(ctx: Pick<LedgerContext, 'sheet' | 'ledger' | 'tasks' | 'directory'>): EnrichPlan {
  const { headers, rows } = enrichColumns(ctx.tasks, ctx.directory);
  const headerRow = ctx.ledger.header.row - 1;
  const block = locateBlock(ctx.sheet, headerRow, headers);
  const lastUsed = ctx.sheet.origin.row + ctx.sheet.rows.length - 1;
  const lastTask = ctx.tasks.reduce((m, t) => Math.max(m, t.row - 1), headerRow);
  const last = Math.max(lastUsed, lastTask);
  const byRow = new Map<number, CellValue[]>();
  ctx.tasks.forEach((t, i) => byRow.set(t.row - 1, rows[i] ?? []));
  const values: CellValue[][] = [headers.slice()];
  for (let r = headerRow + 1; r <= last; r++) {
    const v = byRow.get(r);
    // '' clears a cell in Excel; null would leave an old value behind on a rerun.
    values.push(headers.map((_h, j) => (v && v[j] != null && v[j] !== '' ? v[j] : '')));
  }
  const sheet = ctx.sheet.name;
  const ops: Op[] = [
    { kind: 'values', sheet, row: headerRow, col: block.col, values },
    { kind: 'format', sheet, row: headerRow, col: block.col, rows: 1, cols: headers.length, format: { bold: true, fill: ENRICH_HEADER_FILL } },
    { kind: 'format', sheet, row: headerRow, col: block.col, rows: values.length, cols: headers.length, format: { columnWidth: 14 } },
    ...lightFills(ctx.tasks, sheet, block.col + ENRICH_LIGHT_COL),
    // Show the user where the columns went (same round trip).
    { kind: 'select', sheet, row: headerRow, col: block.col },
  ];
  return { block, ops, rows: ctx.tasks.length };
}

/** The 红黄绿灯 cells filled in their light's colour: one format op per run of rows with the same light. */
export function lightFills(tasks: Pick<Task, 'row' | 'light'>[], sheet: string, col: number): Op[] {
  const rows = [...tasks].sort((a, b) => a.row - b.row);
  const ops: Op[] = [];
  for (let i = 0; i < rows.length; ) {
    let j = i + 1;
    while (j < rows.length && rows[j]!.light === rows[i]!.light && rows[j]!.row === rows[j - 1]!.row + 1) j++;
    ops.push({ kind: 'format', sheet, row: rows[i]!.row - 1, col, rows: j - i, cols: 1, format: { fill: LIGHT_FILL[rows[i]!.light] } });
    i = j;
  }
  return ops;
}

export interface EnrichResult {
  sheet: string;
  block: EnrichBlock;
  /** Column letters, e.g. L:U. */
  range: string;
  tasks: number;
  report: ApplyReport;
}

export async function runEnrich(gateway: WorkbookGateway, opts: RunOptions): Promise<Outcome<EnrichResult>> {
  const loaded = await loadLedger(gateway, opts);
  if (!loaded.ok) return loaded;
  const ctx = loaded.value;
  if (!ctx.tasks.length) return fail(ADDIN_MESSAGES.noTasks({ sheet: ctx.sheet.name }));
  const plan = planEnrich(ctx);
  const report = await gateway.apply(plan.ops);
  const b = plan.block;
  return ok({ sheet: ctx.sheet.name, block: b, range: `${columnLetter0(b.col)}:${columnLetter0(b.col + b.headers.length - 1)}`, tasks: plan.rows, report });
}

/** One click removes the columns a previous run wrote (and nothing else). */
export async function removeEnrich(gateway: WorkbookGateway): Promise<Outcome<{ sheet: string; range: string; report: ApplyReport }>> {
  const read = await gateway.read({ active: true });
  const sheet = read.active;
  if (!sheet || !sheet.rows.length) return fail(ADDIN_MESSAGES.noEnrichBlock());
  const b = findBlock(sheet, ENRICH_HEADERS);
  if (!b) return fail(ADDIN_MESSAGES.noEnrichBlock());
  const report = await gateway.apply([{ kind: 'deleteColumns', sheet: sheet.name, col: b.col, count: b.headers.length }]);
  return ok({ sheet: sheet.name, range: `${columnLetter0(b.col)}:${columnLetter0(b.col + b.headers.length - 1)}`, report });
}
