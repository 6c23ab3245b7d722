// buildTasks: ledger rows → Task[] (owners resolved, targets parsed, classified,
// judged as of a date by shared/progress). Owner resolution is cached by cell
// text: a ledger repeats the same 牵头单位 strings on hundreds of rows.
import type { CellValue, Directory, Label, LedgerRow, OwnerMatch, PlanPeriod, Target, Task } from './deps';
import { classify, classifyPopulation, classifyProject, parseNumber, parseTargets, resolveOwners } from './deps';
import { blankJudgement, DEFAULT_SETTINGS, JudgeCache, judgeContext, judgeInto, type Judgement, type ProgressSettings } from '../progress';
import { TextCache } from '../text-cache';

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
export function primaryFirst(targets: Target[], actual: number | null, row: LedgerRow): Target[] {
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
  // Rows with the same content share one targets array; share the reordered one too.
  let byIndex = reordered.get(targets);
  if (!byIndex) reordered.set(targets, (byIndex = []));
  return (byIndex[best] ??= [targets[best]!, ...targets.slice(0, best), ...targets.slice(best + 1)]);
}

const reordered = new WeakMap<Target[], Target[][]>();

type Classes = ReturnType<typeof classify>;
interface Caches {
  owners: TextCache<OwnerMatch[]>;
  targets: TextCache<Target[]>;
  classOf: (category: string, title: string, content: string) => Classes;
}

// Caches shared across ledgers, not only across the rows of one: a clerk's
// batch (and the dashboard's thousand files) repeats the same plan's task text,
// owner cells in every file. Owner results depend on the directory, so they
// are kept per directory object (directoryFor reuses one directory for equal
// 单位名录); targets per ledger year. (Deadlines, status words, shares and
// progress texts go through the JudgeCache the caller passes.)
const NO_DIRECTORY = {};
const ownerCaches = new WeakMap<object, Map<string, TextCache<OwnerMatch[]>>>();
const targetCaches = new Map<string, TextCache<Target[]>>();
// category → title → content: no concatenated keys of long texts per row.
let classes = new Map<string, Map<string, Map<string, Classes>>>();
let classCount = 0;

function sharedCaches(ctx: BuildContext): Caches {
  const juris = ctx.jurisdiction ?? undefined;
  const dirKey: object = ctx.directory ?? NO_DIRECTORY;
  let byJuris = ownerCaches.get(dirKey);
  if (!byJuris) ownerCaches.set(dirKey, (byJuris = new Map()));
  let owners = byJuris.get(juris ?? '');
  if (!owners) byJuris.set(juris ?? '', (owners = new TextCache<OwnerMatch[]>((t) => (t.trim() ? resolveOwners(t, ctx.directory, { jurisdiction: juris }) : []))));
  // The ledger's year resolves 年底 / 今年 / 上半年 in targets.
  const yearKey = String(ctx.ledgerYear ?? '');
  const year = { year: ctx.ledgerYear ?? undefined };
  let targets = targetCaches.get(yearKey);
  if (!targets) targetCaches.set(yearKey, (targets = new TextCache<Target[]>((t) => (t.trim() ? parseTargets(t, year) : []))));
  const classOf = (category: string, title: string, content: string): Classes => {
    if (classCount > 50_000) {
      classes = new Map();
      classCount = 0;
    }
    let byTitle = classes.get(category);
    if (!byTitle) classes.set(category, (byTitle = new Map()));
    let byContent = byTitle.get(title);
    if (!byContent) byTitle.set(title, (byContent = new Map()));
    let c = byContent.get(content);
    if (!c) {
      byContent.set(content, (c = classify({ category, title, content })));
      classCount++;
    }
    return c;
  };
  return { owners, targets, classOf };
}

// Label cells (人群 / 工程) are few distinct texts, the same in every ledger of a
// batch: classify each once. Both classifiers are pure functions of the text.
// Called through arrows so an import cycle cannot capture an unset binding.
const populationLabels = new TextCache<Label | null>((t) => classifyPopulation(t));
const projectLabels = new TextCache<Label | null>((t) => classifyProject(t));

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
  const { owners, targets, classOf } = sharedCaches(ctx);
  const cache = ctx.cache ?? new JudgeCache();
  const judging = judgeContext(ctx.asOf, { plan: ctx.plan, ledgerYear: ctx.ledgerYear, settings: ctx.settings ?? DEFAULT_SETTINGS, cache });
  // Words without a year (年底前, 6月底前) are the ledger's year; without one, the judging date's.
  const deadlines = cache.deadlinesIn(ctx.ledgerYear ?? ctx.asOf.getUTCFullYear());
  const detail = blankJudgement();
  const pair: { task: Task; detail: Judgement } = { task: null as unknown as Task, detail };
  return (row) => {
    let ts: Target[];
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
    ts = primaryFirst(ts, actual, row);
    const cls = classOf(row.category, row.title, row.content);
    // A 人群 / 工程 cell (the standard workbook's, or an official's own) wins over the text.
    const population = row.populationText ? populationLabels.get(row.populationText) : cls.population;
    const project = row.projectText ? projectLabels.get(row.projectText) : cls.project;
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
