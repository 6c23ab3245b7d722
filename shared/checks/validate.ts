// validate: a read ledger → tasks judged as of a date, and every finding as data.
import type { FieldKey, Finding, LedgerMeta, PlanPeriod, Task, Unit, UnitGroup } from '../model';
import { resolveSettings, StaleIndex, type ProgressSettings, type StaleTask } from '../progress';
import type { Directory } from '../owners';
import { bundledJurisdiction, createDirectory, defaultDirectory } from '../owners';
import type { LedgerRead } from '../ledger/read';
import { createDetailedBuilder } from '../ledger/tasks';
import { ledgerYear } from '../ledger/meta';
import { columnLetter0 } from '../io/a1';
import { findingFrom, stamp, type Where } from './messages';
import { CheckCache, type DirectoryCache } from './cache';
import { ownerHits, taskHits, type Hit } from './rules';

export interface ValidateContext {
  asOf: Date;
  /** Directory to resolve owners with; default: the workbook's 单位名录, else the bundled one for the jurisdiction. */
  directory?: Directory | null;
  plan?: PlanPeriod | null;
  jurisdiction?: string | null;
  file?: string;
  /** Overrides of the workbook's 设置 sheet (CLI flags); the defaults fill the rest. */
  settings?: Partial<ProgressSettings>;
  /**
   * The previous period's tasks of the same ledger: a task not done whose
   * progress text repeats its previous one gets progress.stale. label names
   * that ledger in the finding (a file name or a period).
   */
  previous?: { tasks: readonly StaleTask[]; label?: string | null };
  /** Readings per distinct text and built directories; pass one to share it across the ledgers of a batch. Default: a new one. */
  cache?: CheckCache;
}

export interface ValidateResult {
  findings: Finding[];
  tasks: Task[];
  meta: LedgerMeta;
  directory: Directory | null;
  /** The thresholds the tasks were judged with (defaults ← 设置 sheet ← ctx.settings). */
  settings: ProgressSettings;
}

/**
 * The directory a ledger's owners are resolved against: the workbook's own
 * 单位名录 first (officials edit it: their names and contacts win), completed by
 * the bundled directory of the ledger's jurisdiction, so a short 单位名录 listing
 * only contacts does not turn every other unit into 「不在名录中」.
 */
export function directoryFor(ledger: LedgerRead, jurisdiction?: string | null, cache?: DirectoryCache): Directory {
  const own = ledger.directory;
  const base = jurisdiction && bundledJurisdiction(jurisdiction) ? defaultDirectory(jurisdiction) : null;
  if (!own || !own.units.length) return base ?? defaultDirectory(jurisdiction ?? undefined);
  // The workbook's rows come first and win; createDirectory folds a bundled row
  // of the same name into it (its aliases and contact), so 区新经济与科技局 stays
  // an alias of the bundled unit even when the workbook lists that unit itself.
  const build = (): Directory =>
    !base
      ? createDirectory(own.units, own.groups)
      : createDirectory([...own.units, ...base.units], [...own.groups, ...base.groups.filter((g) => !own.groups.some((o) => o.name === g.name))]);
  // Files of one batch usually carry the same 单位名录: the cache builds its index once.
  return cache ? cache.get(`${jurisdiction ?? ''}\u0001${signature(own.units, own.groups)}`, build) : build();
}

function signature(units: Unit[], groups: UnitGroup[]): string {
  const u = units.map((x) => `${x.name}|${x.aliases.join('、')}|${x.kind}|${x.jurisdiction}|${x.contact?.person ?? ''}|${x.contact?.phone ?? ''}`);
  const g = groups.map((x) => `${x.name}|${x.aliases.join('、')}|${x.members.join('、')}`);
  return u.join('\n') + '\u0002' + g.join('\n');
}

export function validate(ledger: LedgerRead, ctx: ValidateContext): ValidateResult {
  const meta = ledger.meta;
  const jurisdiction = ctx.jurisdiction ?? meta.jurisdiction;
  const cache = ctx.cache ?? new CheckCache();
  const directory = ctx.directory === undefined ? directoryFor(ledger, jurisdiction, cache.directories) : ctx.directory;
  const plan = ctx.plan ?? meta.planPeriod ?? null;
  const year = ledgerYear(meta);
  const settings = resolveSettings(ledger.settings?.values, ctx.settings);
  const build = createDetailedBuilder({ directory, asOf: ctx.asOf, plan, jurisdiction, ledgerYear: year, settings, cache: cache.judge, tasks: cache.tasks });
  const stale = ctx.previous?.tasks.length ? new StaleIndex(ctx.previous.tasks) : null;
  const previousLabel = ctx.previous?.label ?? null;
  // Structural findings (sheets, headers, numbering) first, then each sheet's rows in order.
  const findings: Finding[] = [...ledger.findings].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  const tasks: Task[] = [];
  const leadHits = new WeakMap<object, Hit[]>();
  const partnerHits = new WeakMap<object, Hit[]>();

  for (const sheet of ledger.sheets) {
    const h = sheet.header;
    const origin = h.colOffset ?? 0;
    const hasActual = h.columns.actual !== undefined;
    const colName = (c: number | undefined) => (c === undefined ? null : h.headers[c] || columnLetter0(c + origin));
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
    const push = (rowNo: number, hit: Hit) =>
      findings.push(
        hit.message === undefined
          ? findingFrom(where(rowNo, hit), hit)
          : stamp(where(rowNo, hit), hit.code, hit.params, hit.message, hit.fix ?? null),
      );
    const rowHits: Hit[] = [];
    for (const row of sheet.rows) {
      const { task, detail } = build(row);
      tasks.push(task);
      const first = findings.length;
      // The core shares one OwnerMatch[] per distinct cell text, so its findings are made once.
      if (task.leads.length) {
        let hits = leadHits.get(task.leads);
        if (!hits) leadHits.set(task.leads, (hits = ownerHits(task.leads, 'leads')));
        for (const hit of hits) push(row.row, hit);
      }
      if (task.partners.length) {
        let hits = partnerHits.get(task.partners);
        if (!hits) partnerHits.set(task.partners, (hits = ownerHits(task.partners, 'partners')));
        for (const hit of hits) push(row.row, hit);
      }
      rowHits.length = 0;
      taskHits(task, detail, plan, hasActual, rowHits);
      const before = stale?.match(task);
      if (before) rowHits.push({ code: 'progress.stale', field: 'progress', params: { previous: previousLabel ? `${previousLabel} 第${before.row}行` : `第${before.row}行` } });
      for (const hit of rowHits) push(row.row, hit);
      // Within a row, left to right (insertion sort over the row's few findings).
      for (let i = first + 1; i < findings.length; i++) {
        const f = findings[i]!;
        let j = i - 1;
        while (j >= first && (findings[j]!.col ?? -1) > (f.col ?? -1)) {
          findings[j + 1] = findings[j]!;
          j--;
        }
        findings[j + 1] = f;
      }
    }
  }
  return { findings, tasks, meta, directory, settings };
}
