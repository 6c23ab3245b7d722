// 校验: check the ledger on the active sheet, list the findings grouped by
// severity and code and the tasks by light (红黄绿灯), highlight the problem
// cells and paint each task's 序号 cell in its light, in bulk. Round trips:
// one read (which also finds the old highlights; one more for the 单位名录 and
// 设置 sheets, and one per further band of 3,000 rows), then one apply that
// swaps the highlights: three for a ledger up to 3,000 rows.
import type { Basis, Finding, Light, Severity, Status, Task } from '../../shared/model';
import { LIGHTS, SEVERITIES } from '../../shared/model';
import { basisText, LIGHT_FILL } from '../../shared/progress';
import type { ApplyReport, WorkbookGateway } from '../gateway';
import type { Op } from '../ops';
import { loadLedger, type AsOfSource, type LedgerContext, type RunOptions } from './context';
import { ok, type Outcome } from './result';

/** Highlight fills: light enough to read the text through. */
// Only errors and warnings are painted: 提示 (a group word such as 各街道, a
// variant spelling the rules resolved) asks nothing of the official, and a
// sheet washed in blue would hide the cells that do need work. 提示 stay listed.
export const SEVERITY_FILL: Record<Exclude<Severity, 'info'>, string> = { error: '#F8CBAD', warning: '#FFE699' };
const PAINTED: Exclude<Severity, 'info'>[] = ['error', 'warning'];

export interface FindingGroup {
  severity: Severity;
  code: string;
  count: number;
  findings: Finding[];
}

/** Light highlights' tags (ASCII: they go into the conditional format's formula). */
export const LIGHT_TAG: Record<Light, string> = { 绿: 'light-green', 黄: 'light-yellow', 红: 'light-red' };
/** The order the pane lists lights in: what needs action first. */
export const LIGHT_ORDER: readonly Light[] = ['红', '黄', '绿'];

/** One task as the pane lists it under its light. */
export interface TaskLine {
  /** Excel row (1-based) and the 0-based column of the cell painted (the 序号 cell). */
  row: number;
  col: number;
  id: string;
  title: string;
  status: Status;
  basis: Basis;
  /** 判断依据 in words: 填报状态「已办结」… */
  why: string;
  /** Due day (ISO), when the task has one. */
  due: string | null;
}

export interface LightGroup {
  light: Light;
  count: number;
  tasks: TaskLine[];
}

export interface ValidateResult {
  sheet: string;
  findings: Finding[];
  groups: FindingGroup[];
  counts: Record<Severity, number>;
  tasks: number;
  highlighted: number;
  /** Tasks by light, red first (LIGHT_ORDER), each in ledger order. */
  lights: LightGroup[];
  /** The date the tasks were judged as of (ISO), and where it came from. */
  asOf: string;
  asOfSource: AsOfSource;
  report: ApplyReport;
}

export function groupFindings(findings: Finding[]): FindingGroup[] {
  const by = new Map<string, FindingGroup>();
  for (const f of findings) {
    const k = `${f.severity}|${f.code}`;
    let g = by.get(k);
    if (!g) by.set(k, (g = { severity: f.severity, code: f.code, count: 0, findings: [] }));
    g.count += 1;
    g.findings.push(f);
  }
  return [...by.values()].sort(
    (a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || b.count - a.count || a.code.localeCompare(b.code),
  );
}

/** The cell a finding points at (0-based), or null when it names no row. */
export function findingCell(f: Finding, ctx: Pick<LedgerContext, 'sheet' | 'ledger'>): { row: number; col: number } | null {
  if (f.row == null) return null;
  const col = f.col ?? ctx.sheet.origin.col + firstColumn(ctx.ledger.header.columns);
  return { row: f.row - 1, col };
}

function firstColumn(cols: Partial<Record<string, number>>): number {
  const vals = Object.values(cols).filter((v): v is number => typeof v === 'number');
  return vals.length ? Math.min(...vals) : 0;
}

/** The cell a task's light is painted on: its 序号, else its 重点任务 or 任务内容, else the table's first column (0-based). */
export function lightCell(t: Pick<Task, 'row'>, ctx: Pick<LedgerContext, 'sheet' | 'ledger'>): { row: number; col: number } {
  const cols = ctx.ledger.header.columns;
  const c = cols.id ?? cols.title ?? cols.content ?? firstColumn(cols);
  return { row: t.row - 1, col: (ctx.ledger.header.colOffset ?? ctx.sheet.origin.col) + c };
}

/** The tasks by light, red first; each line names the cell lightCell paints. */
export function groupByLight(tasks: Task[], ctx: Pick<LedgerContext, 'sheet' | 'ledger'>): LightGroup[] {
  const by = new Map<Light, TaskLine[]>(LIGHT_ORDER.map((l) => [l, []]));
  for (const t of tasks) {
    const c = lightCell(t, ctx);
    by.get(t.light)!.push({ row: t.row, col: c.col, id: t.id, title: t.title || t.content.slice(0, 30), status: t.status, basis: t.basis, why: basisText(t), due: t.due });
  }
  return LIGHT_ORDER.map((light) => ({ light, count: by.get(light)!.length, tasks: by.get(light)! }));
}

/**
 * The whole highlight change: clear ours, then one highlight op per painted
 * severity (worst wins on a cell), then one per light over the tasks' 序号
 * cells (a finding on that cell wins over the light).
 */
export function planHighlights(ctx: Pick<LedgerContext, 'sheet' | 'ledger'> & { tasks?: Task[] }, findings: Finding[]): { ops: Op[]; cells: number } {
  const worst = new Map<string, { row: number; col: number; severity: Severity }>();
  for (const f of findings) {
    if (f.sheet !== ctx.sheet.name || f.severity === 'info') continue;
    const c = findingCell(f, ctx);
    if (!c) continue;
    const k = `${c.row},${c.col}`;
    const prev = worst.get(k);
    if (!prev || SEVERITIES.indexOf(f.severity) < SEVERITIES.indexOf(prev.severity)) worst.set(k, { ...c, severity: f.severity });
  }
  const ops: Op[] = [{ kind: 'clearHighlights', sheet: ctx.sheet.name, ids: ctx.sheet.highlightIds }];
  for (const sev of PAINTED) {
    const cells = [...worst.values()].filter((c) => c.severity === sev).map(({ row, col }) => ({ row, col }));
    if (cells.length) ops.push({ kind: 'highlight', sheet: ctx.sheet.name, cells, color: SEVERITY_FILL[sev], tag: sev });
  }
  let painted = worst.size;
  const byLight = new Map<Light, { row: number; col: number }[]>();
  for (const t of ctx.tasks ?? []) {
    const c = lightCell(t, ctx);
    if (worst.has(`${c.row},${c.col}`)) continue;
    let list = byLight.get(t.light);
    if (!list) byLight.set(t.light, (list = []));
    list.push(c);
  }
  for (const light of LIGHTS) {
    const cells = byLight.get(light);
    if (!cells?.length) continue;
    ops.push({ kind: 'highlight', sheet: ctx.sheet.name, cells, color: LIGHT_FILL[light], tag: LIGHT_TAG[light] });
    painted += cells.length;
  }
  return { ops, cells: painted };
}

export function countBySeverity(findings: Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}

export async function runValidate(gateway: WorkbookGateway, opts: RunOptions & { highlight?: boolean }): Promise<Outcome<ValidateResult>> {
  // The old highlights are found in the same read, so replacing them costs no extra round trip.
  const loaded = await loadLedger(gateway, opts, { highlights: opts.highlight !== false });
  if (!loaded.ok) return loaded;
  const ctx = loaded.value;
  const plan = opts.highlight === false ? { ops: [] as Op[], cells: 0 } : planHighlights(ctx, ctx.findings);
  const report = await gateway.apply(plan.ops);
  return ok({
    sheet: ctx.sheet.name,
    findings: ctx.findings,
    groups: groupFindings(ctx.findings),
    counts: countBySeverity(ctx.findings),
    tasks: ctx.tasks.length,
    highlighted: plan.cells,
    lights: groupByLight(ctx.tasks, ctx),
    asOf: ctx.asOf.toISOString().slice(0, 10),
    asOfSource: ctx.asOfSource,
    report,
  });
}

/** Clicking a task under its light: select its 序号 cell (one round trip). */
export async function selectTask(gateway: WorkbookGateway, sheet: string, t: Pick<TaskLine, 'row' | 'col'>): Promise<void> {
  await gateway.apply([{ kind: 'select', sheet, row: t.row - 1, col: t.col }]);
}

/** Clicking a finding: select its cell (one round trip). */
export async function selectFinding(gateway: WorkbookGateway, f: Finding, fallbackCol = 0): Promise<boolean> {
  if (f.row == null) return false;
  await gateway.apply([{ kind: 'select', sheet: f.sheet, row: f.row - 1, col: f.col ?? fallbackCol }]);
  return true;
}

export async function clearHighlights(gateway: WorkbookGateway, sheet: string): Promise<ApplyReport> {
  return gateway.apply([{ kind: 'clearHighlights', sheet }]);
}
