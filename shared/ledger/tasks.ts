// buildTasks: ledger rows → Task[] (owners resolved, targets parsed, classified,
// judged as of a date by shared/progress). Readings are cached per distinct
// text in the TaskCache and JudgeCache the caller passes (task-cache.ts).
import type { CellValue, Directory, LedgerRow, PlanPeriod, Target, Task } from './deps';
import { parseNumber } from './deps';
import { blankJudgement, DEFAULT_SETTINGS, JudgeCache, judgeContext, judgeInto, type Judgement, type ProgressSettings } from '../progress';
import { TaskCache } from './task-cache';

export interface BuildContext {
  directory: Directory | null;
  asOf: Date;
  plan?: PlanPeriod | null;
  jurisdiction?: string | null;
  /** The year the ledger reports on (from its meta), used when no plan period is known. */
  ledgerYear?: number | null;
  /** Thresholds of the judgement; default DEFAULT_SETTINGS. */
  settings?: ProgressSettings;
  /** Readings of status words, shares, progress texts and deadlines, per distinct text; default a new one. */
  cache?: JudgeCache;
  /** Owner cells, target phrases and classes, per distinct text; pass one to share it across a batch. Default: a new one. */
  tasks?: TaskCache;
}

/** A number from a 完成值 cell: 23, '23', '1,200', '27.6%', '42万'. */
export function actualOf(raw: CellValue): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw === 'string' && raw.trim()) return parseNumber(raw.trim());
  return null;
}

const NUMBER_IN_TEXT = /(\d+(?:[.,]\d+)*)\s*(万|亿)?\s*([^\d\s,，、;；。.()（）]{0,4})/g;

const MAGNITUDE_OR_GROUPING = /[,，万亿]/;

/** The words written right after the reported number: '培训46人次' with 46 → '人次…'. */
export function wordsAfter(actual: number, texts: string[]): string[] {
  const out: string[] = [];
  const digits = String(Math.trunc(actual));
  for (const text of texts) {
    if (!text || (!text.includes(digits) && !MAGNITUDE_OR_GROUPING.test(text))) continue;
    for (const m of text.matchAll(NUMBER_IN_TEXT)) {
      const n = Number(m[1]!.replace(/,/g, '')) * (m[2] === '万' ? 1e4 : m[2] === '亿' ? 1e8 : 1);
      if (n === actual && m[3]) out.push(m[3].normalize('NFKC'));
    }
  }
  return out;
}

/**
 * Puts first the target the reported value measures, judged by the unit written
 * beside the value (完成值 '46人次', or 工作进展 '培训46人次' when 完成值 is 46):
 * a task with 「1名科技副校长」 and 「培训80人次」 is measured on the 80 人次.
 */
export function primaryFirst(targets: readonly Target[], actual: number | null, row: LedgerRow, reordered?: WeakMap<readonly Target[], Target[][]>): readonly Target[] {
  if (targets.length < 2 || actual === null) return targets;
  const words = wordsAfter(actual, [typeof row.actualRaw === 'string' ? row.actualRaw : '', row.progressText]);
  let best = -1;
  let bestLen = 0;
  for (const w of words) {
    targets.forEach((t, i) => {
      if (t.unit && w.startsWith(t.unit) && t.unit.length > bestLen) {
        best = i;
        bestLen = t.unit.length;
      }
    });
    if (best >= 0) break;
  }
  if (best <= 0) return targets;
  const again = (): Target[] => [targets[best]!, ...targets.slice(0, best), ...targets.slice(best + 1)];
  if (!reordered) return again();
  // Rows with the same content share one targets array; share the reordered one too.
  let byIndex = reordered.get(targets);
  if (!byIndex) reordered.set(targets, (byIndex = []));
  return (byIndex[best] ??= again());
}

export function createBuilder(ctx: BuildContext): (row: LedgerRow) => Task {
  const build = createDetailedBuilder(ctx);
  return (row) => build(row).task;
}

/**
 * Like createBuilder, also returning the whole judgement (days left, bad input
 * met) the checks word. The returned pair and its detail are reused from row to
 * row (100,000 rows, no garbage per row): read them before building the next task.
 */
export function createDetailedBuilder(ctx: BuildContext): (row: LedgerRow) => { readonly task: Task; readonly detail: Judgement } {
  const taskCache = ctx.tasks ?? new TaskCache();
  const owners = taskCache.ownersFor(ctx.directory, ctx.jurisdiction ?? undefined);
  const targets = taskCache.targetsIn(ctx.ledgerYear);
  const cache = ctx.cache ?? new JudgeCache();
  const judging = judgeContext(ctx.asOf, { plan: ctx.plan, ledgerYear: ctx.ledgerYear, settings: ctx.settings ?? DEFAULT_SETTINGS, cache });
  // Words without a year (年底前, 6月底前) are the ledger's year; without one, the judging date's.
  const deadlines = cache.deadlinesIn(ctx.ledgerYear ?? ctx.asOf.getUTCFullYear());
  const detail = blankJudgement();
  const pair: { task: Task; detail: Judgement } = { task: null as unknown as Task, detail };
  return (row) => {
    let ts: readonly Target[];
    if (row.targetText.trim()) ts = targets.get(row.targetText);
    else {
      ts = targets.get(row.content);
      if (row.title) {
        const more = targets.get(row.title).filter((t) => !ts.some((u) => u.value === t.value && u.unit === t.unit));
        if (more.length) ts = [...ts, ...more];
      }
    }
    const dl = deadlines.get(row.deadlineText);
    const deadlineYear: number | null = dl.year ?? ts.reduce<number | null>((y, t) => (t.year !== null && (y === null || t.year > y) ? t.year : y), null);
    const recurrence = dl.annual ? 'annual' : dl.year === null && ts.length && ts.every((t) => t.recurrence === 'annual') ? 'annual' : null;
    const actual = actualOf(row.actualRaw);
    ts = primaryFirst(ts, actual, row, taskCache.reordered);
    const cls = taskCache.classOf(row.category, row.title, row.content);
    // A 人群 / 工程 cell (the standard workbook's, or an official's own) wins over the text.
    const population = row.populationText ? taskCache.populationLabels.get(row.populationText) : cls.population;
    const project = row.projectText ? taskCache.projectLabels.get(row.projectText) : cls.project;
    judgeInto(detail, row.statusText ?? '', row.shareRaw ?? null, row.actualRaw, actual, ts, row.progressText, dl, judging);
    // Written out field by field: a spread of the row into a 23-field object is
    // V8's slow path and was the single largest cost of validating 100k rows.
    const task: Task = {
      sheet: row.sheet,
      row: row.row,
      id: row.id,
      category: row.category,
      title: row.title,
      content: row.content,
      leadsText: row.leadsText,
      partnersText: row.partnersText,
      deadlineText: row.deadlineText,
      progressText: row.progressText,
      actualRaw: row.actualRaw,
      targetText: row.targetText,
      note: row.note,
      statusText: row.statusText ?? '',
      shareRaw: row.shareRaw ?? null,
      population,
      project,
      leads: owners.get(row.leadsText),
      partners: owners.get(row.partnersText),
      targets: ts,
      actual,
      completion: detail.completion,
      deadlineYear,
      recurrence,
      status: detail.status,
      light: detail.light,
      basis: detail.basis,
      evidence: detail.evidence,
      quantified: detail.quantified,
      due: detail.due,
      expected: detail.expected,
      progress: detail.progress,
    };
    pair.task = task;
    return pair;
  };
}

export function buildTasks(rows: LedgerRow[], ctx: BuildContext): Task[] {
  const build = createBuilder(ctx);
  return rows.map(build);
}
