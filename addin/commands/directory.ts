// 单位名录: the directory sheet, drop-down lists on the owner columns, and the
// ranked suggestions for owner names the directory does not know. Accepting a
// suggestion rewrites that one name inside that one cell and keeps the
// original text in a comment; nothing else in the sheet moves.
import type { CellValue, OwnerMatch, Task } from '../../shared/model';
import { defaultDirectory, directoryToRows } from '../../shared/owners';
import { DIRECTORY_COLUMNS, DIRECTORY_SHEET } from '../../shared/ledger';
import type { ApplyReport, WorkbookGateway } from '../gateway';
import type { Op } from '../ops';
import { cellA1, quoteSheet } from '../a1';
import { ADDIN_MESSAGES } from '../messages';
import { loadLedger, type LedgerContext, type RunOptions } from './context';
import { fail, ok, type Outcome } from './result';

export const DIRECTORY_HEADER_FILL = '#DDEBF7';

export interface OwnerSuggestion {
  /** Stable id: sheet!cell#input. */
  id: string;
  sheet: string;
  /** 0-based position of the cell. */
  row: number;
  col: number;
  field: 'leads' | 'partners';
  /** The name as written in the cell. */
  input: string;
  /** The whole cell text when it was read. */
  cellText: string;
  suggestions: { name: string; score: number }[];
}

const FIELD_HEADER = { leads: '牵头单位', partners: '责任单位' } as const;

export function fieldLabel(f: OwnerSuggestion['field']): string {
  return FIELD_HEADER[f];
}

/** Every owner name that resolved to nothing (or only fuzzily), with its ranked suggestions. */
export function collectSuggestions(ctx: Pick<LedgerContext, 'sheet' | 'ledger' | 'tasks'>): OwnerSuggestion[] {
  const out: OwnerSuggestion[] = [];
  const cols = ctx.ledger.header.columns;
  const add = (t: Task, field: 'leads' | 'partners', matches: readonly OwnerMatch[], text: string) => {
    const rel = cols[field];
    if (rel == null) return;
    for (const m of matches) {
      if (m.matched !== 'none' && m.matched !== 'fuzzy') continue;
      const suggestions = m.suggestions.filter((s) => s.name !== m.input).slice(0, 5);
      if (!suggestions.length || !text.includes(m.input)) continue;
      const row = t.row - 1;
      const col = ctx.sheet.origin.col + rel;
      out.push({ id: `${t.sheet}!${cellA1(row, col)}#${m.input}`, sheet: t.sheet, row, col, field, input: m.input, cellText: text, suggestions });
    }
  };
  for (const t of ctx.tasks) {
    add(t, 'leads', t.leads, t.leadsText);
    add(t, 'partners', t.partners, t.partnersText);
  }
  return out;
}

export async function loadSuggestions(gateway: WorkbookGateway, opts: RunOptions): Promise<Outcome<OwnerSuggestion[]>> {
  const ctx = await loadLedger(gateway, opts);
  if (!ctx.ok) return ctx;
  return ok(collectSuggestions(ctx.value));
}

/** Replace one name inside a cell's text, the first whole occurrence only. */
export function replaceName(text: string, input: string, name: string): string {
  const i = text.indexOf(input);
  return i < 0 ? text : text.slice(0, i) + name + text.slice(i + input.length);
}

const cellText = (v: CellValue | undefined) => (v == null ? '' : String(v));

/**
 * Accept suggestions (one, or all at once): re-read the sheet first so a cell
 * edited since the check is never overwritten, then write each touched cell
 * once and comment it with its original text.
 */
export async function acceptSuggestions(
  gateway: WorkbookGateway,
  picks: { suggestion: OwnerSuggestion; name: string }[],
): Promise<Outcome<{ cells: number; report: ApplyReport }>> {
  if (!picks.length) return fail(ADDIN_MESSAGES.noSuggestion());
  const read = await gateway.read({ active: true });
  const sheet = read.active;
  const byCell = new Map<string, { row: number; col: number; sheet: string; original: string; text: string }>();
  for (const { suggestion: s, name } of picks) {
    // The user switched sheets since 查找: the suggestion's cell is not on the active sheet.
    if (!sheet || sheet.name !== s.sheet) return fail(ADDIN_MESSAGES.wrongSheet({ sheet: s.sheet }));
    const k = `${s.row},${s.col}`;
    let cell = byCell.get(k);
    if (!cell) {
      const now = cellText(sheet.rows[s.row - sheet.origin.row]?.[s.col - sheet.origin.col]);
      if (now !== s.cellText) return fail(ADDIN_MESSAGES.staleCell({ cell: cellA1(s.row, s.col) }));
      byCell.set(k, (cell = { row: s.row, col: s.col, sheet: s.sheet, original: now, text: now }));
    }
    cell.text = replaceName(cell.text, s.input, name);
  }
  const ops: Op[] = [];
  for (const c of byCell.values()) {
    if (c.text === c.original) continue;
    ops.push({ kind: 'values', sheet: c.sheet, row: c.row, col: c.col, values: [[c.text]] });
    ops.push({ kind: 'note', sheet: c.sheet, row: c.row, col: c.col, text: `原值：${c.original}` });
  }
  const report = await gateway.apply(ops);
  return ok({ cells: ops.length / 2, report });
}

export interface DirectoryResult {
  created: boolean;
  units: number;
  report: ApplyReport;
}

/** Open the 单位名录 sheet, creating it from the bundled directory of the jurisdiction when missing. */
export async function openDirectory(gateway: WorkbookGateway, jurisdiction: string | undefined): Promise<Outcome<DirectoryResult>> {
  const read = await gateway.read({ names: [DIRECTORY_SHEET] });
  if (read.list.some((s) => s.name === DIRECTORY_SHEET)) {
    const existing = read.sheets[DIRECTORY_SHEET];
    const report = await gateway.apply([{ kind: 'activate', sheet: DIRECTORY_SHEET }]);
    return ok({ created: false, units: Math.max(0, (existing?.rows.length ?? 1) - 1), report });
  }
  const dir = defaultDirectory(jurisdiction || undefined);
  const units = jurisdiction ? dir.units.filter((u) => u.jurisdiction === jurisdiction || !u.jurisdiction) : dir.units;
  const rows = directoryToRows(units.length ? units : dir.units);
  const width = DIRECTORY_COLUMNS.length;
  const values = rows.map((r) => Array.from({ length: width }, (_x, j) => (r[j] == null ? '' : r[j])));
  const ops: Op[] = [
    { kind: 'addSheet', name: DIRECTORY_SHEET },
    { kind: 'values', sheet: DIRECTORY_SHEET, row: 0, col: 0, values },
    { kind: 'format', sheet: DIRECTORY_SHEET, row: 0, col: 0, rows: 1, cols: width, format: { bold: true, fill: DIRECTORY_HEADER_FILL } },
    { kind: 'format', sheet: DIRECTORY_SHEET, row: 0, col: 0, rows: values.length, cols: 1, format: { columnWidth: 30 } },
    { kind: 'format', sheet: DIRECTORY_SHEET, row: 0, col: 1, rows: values.length, cols: width - 1, format: { columnWidth: 16 } },
    { kind: 'activate', sheet: DIRECTORY_SHEET },
  ];
  const report = await gateway.apply(ops);
  return ok({ created: true, units: values.length - 1, report });
}

/** Drop-down lists (data validation) on the ledger's owner columns, fed by the 单位名录 sheet. */
export async function addOwnerLists(gateway: WorkbookGateway, opts: RunOptions): Promise<Outcome<{ columns: string[]; report: ApplyReport }>> {
  // loadLedger reads the 单位名录 sheet in the same call. A sheet that is not a
  // ledger is reported before a missing 单位名录: the user must switch anyway.
  const loaded = await loadLedger(gateway, opts);
  if (!loaded.ok) return loaded;
  const ctx = loaded.value;
  const dir = ctx.read.sheets[DIRECTORY_SHEET];
  if (!dir) return fail(ADDIN_MESSAGES.noDirectorySheet());
  const cols = ctx.ledger.header.columns;
  const first = ctx.sheet.origin.row + ctx.ledger.header.dataStart; // 0-based row of the first task row
  const last = ctx.sheet.origin.row + ctx.sheet.rows.length - 1;
  const dirLast = dir.origin.row + dir.rows.length; // Excel row of the last name
  const source = `=${quoteSheet(DIRECTORY_SHEET)}!$A$${dir.origin.row + 2}:$A$${Math.max(dirLast, dir.origin.row + 2)}`;
  const ops: Op[] = [];
  const columns: string[] = [];
  for (const field of ['leads', 'partners'] as const) {
    const rel = cols[field];
    if (rel == null || last < first) continue;
    ops.push({ kind: 'validationList', sheet: ctx.sheet.name, row: first, col: ctx.sheet.origin.col + rel, rows: last - first + 1, cols: 1, source });
    columns.push(FIELD_HEADER[field]);
  }
  if (!ops.length) return fail(ADDIN_MESSAGES.noOwnerColumns());
  const report = await gateway.apply(ops);
  return ok({ columns, report });
}
