// validate: a read ledger → tasks with their status, and every finding as data.
import type { FieldKey, Finding, LedgerMeta, PlanPeriod, Task } from '../model';
import type { Directory } from '../owners';
import { bundledJurisdiction, createDirectory, defaultDirectory } from '../owners';
import type { LedgerRead } from '../ledger/read';
import { createDetailedBuilder } from '../ledger/tasks';
import { ledgerYear } from '../ledger/meta';
import { columnLetter } from '../ledger/text';
import { finding, stamp, type Where } from './messages';
import { ownerHits, taskHits, type Hit } from './rules';

export interface ValidateContext {
  asOf: Date;
  /** Directory to resolve owners with; default: the workbook's 单位名录, else the bundled one for the jurisdiction. */
  directory?: Directory | null;
  plan?: PlanPeriod | null;
  jurisdiction?: string | null;
  file?: string;
}

export interface ValidateResult {
  findings: Finding[];
  tasks: Task[];
  meta: LedgerMeta;
  directory: Directory | null;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/**
 * The directory a ledger's owners are resolved against: the workbook's own
 * 单位名录 first (officials edit it: their names and contacts win), completed by
 * the bundled directory of the ledger's jurisdiction, so a short 单位名录 listing
 * only contacts does not turn every other unit into 「不在名录中」.
 */
export function directoryFor(ledger: LedgerRead, jurisdiction?: string | null): Directory {
  const own = ledger.directory;
  const base = jurisdiction && bundledJurisdiction(jurisdiction) ? defaultDirectory(jurisdiction) : null;
  if (!own || !own.units.length) return base ?? defaultDirectory(jurisdiction ?? undefined);
  if (!base) return createDirectory(own.units, own.groups);
  const names = new Set(own.units.map((u) => u.name));
  const groupNames = new Set(own.groups.map((g) => g.name));
  return createDirectory(
    [...own.units, ...base.units.filter((u) => !names.has(u.name))],
    [...own.groups, ...base.groups.filter((g) => !groupNames.has(g.name))],
  );
}

export function validate(ledger: LedgerRead, ctx: ValidateContext): ValidateResult {
  const meta = ledger.meta;
  const jurisdiction = ctx.jurisdiction ?? meta.jurisdiction;
  const directory = ctx.directory === undefined ? directoryFor(ledger, jurisdiction) : ctx.directory;
  const plan = ctx.plan ?? meta.planPeriod ?? null;
  const year = ledgerYear(meta);
  const build = createDetailedBuilder({ directory, asOf: ctx.asOf, plan, jurisdiction, ledgerYear: year });
  const findings: Finding[] = [...ledger.findings];
  const tasks: Task[] = [];
  const ownerCache = new Map<string, Hit[]>();

  for (const sheet of ledger.sheets) {
    const h = sheet.header;
    const origin = h.colOffset ?? 0;
    const hasActual = h.columns.actual !== undefined;
    const colName = (c: number | undefined) => (c === undefined ? null : h.headers[c] || columnLetter(c + origin));
    // One Where per field, reused for every row: findings are the bulk of validate's allocations.
    const whereByField = new Map<FieldKey | null, Where>();
    const where = (row: number, hit: Hit): Where => {
      let w = whereByField.get(hit.field);
      if (!w) {
        const c = hit.field === null ? undefined : h.columns[hit.field];
        w = { file: ctx.file, sheet: sheet.sheet, row: 0, column: colName(c), col: c === undefined ? null : c + origin };
        whereByField.set(hit.field, w);
      }
      w.row = row;
      return w;
    };
    for (const row of sheet.rows) {
      const { task, detail } = build(row);
      tasks.push(task);
      for (const [field, text, matches] of [
        ['leads', row.leadsText, task.leads],
        ['partners', row.partnersText, task.partners],
      ] as const) {
        if (!matches.length) continue;
        const key = field + '\u0000' + text;
        let hits = ownerCache.get(key);
        if (!hits) ownerCache.set(key, (hits = ownerHits(matches, field)));
        for (const hit of hits) findings.push(stamp(where(row.row, hit), hit.code, hit.params, hit.message!, hit.fix ?? null));
      }
      for (const hit of taskHits(task, detail, plan, hasActual))
        findings.push(hit.message === undefined ? finding(hit.code, where(row.row, hit), hit.params) : stamp(where(row.row, hit), hit.code, hit.params, hit.message, hit.fix ?? null));
    }
  }
  // Document order: sheet as in the workbook, then row, then column.
  const sheetIndex = new Map(ledger.sheets.map((s, i) => [s.sheet, i]));
  findings.sort(
    (a, b) =>
      (sheetIndex.get(a.sheet) ?? -1) - (sheetIndex.get(b.sheet) ?? -1) ||
      (a.row ?? 0) - (b.row ?? 0) ||
      (a.col ?? -1) - (b.col ?? -1) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
  );
  return { findings, tasks, meta, directory };
}
