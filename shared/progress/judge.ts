// One status for every task, as supervision offices judge it (docs/domain.md §8).
//
// Evidence, in this order; the first that speaks decides:
//   1. reported  a status word (完成状态 …): 已完成, 序时推进, 滞后, 未启动 …
//                (未完成 / 否 say only "not done": the next evidence gives the pace)
//   2. target    a numeric target and its 完成值: met, or its share against 序时进度
//   3. share     a reported share (完成进度): 100%, 0%, or against 序时进度
//   4. text      the progress text: done, under way, behind, not started (phrases.ts)
//   5. deadline  nothing reported, and the task's period has not begun: 正常
//   6. none      nothing reported: 未填报
// Then time: a task not done past its due day is 逾期 (basis 'deadline'), except
// 未填报 (asked for its report; its light turns red); a task not started whose
// period has not begun is 正常. 长期/持续 tasks have no due day: never overdue.
//
// The light (light.ts) grades the gap between the share done and 序时进度.
import type { CodedFinding } from '../checks/messages';
import type { Basis, CellValue, FieldKey, PlanPeriod, Status, Target, TaskJudgement } from '../model';
import type { DeadlineWords } from '../targets/deadline-words';
import { isoOfDay } from '../targets/deadline-words';
import type { JudgeCache } from './cache';
import { completionOf, meets } from './figures';
import { lightFor, trails } from './light';
import type { ProgressSettings } from './settings';
import { expectedShare, taskWindow, type TaskWindow } from './window';
import type { WordKind } from './words';

export interface JudgeInput {
  /** The status cell as written ('' when none). */
  statusText: string;
  /** The share cell as read (null when none). */
  shareRaw: CellValue;
  /** The 完成值 cell as read, and its number. */
  actualRaw: CellValue;
  actual: number | null;
  /** Targets, the primary (the one 完成值 measures) first. */
  targets: readonly Target[];
  progressText: string;
  /** The 完成时限 cell, read (JudgeCache.deadline). */
  deadline: DeadlineWords;
}

/** Everything a judgement depends on besides the task; made once per ledger (judgeContext). */
export interface JudgeContext {
  /** The as-of date as a day number. */
  today: number;
  plan: PlanPeriod | null;
  ledgerYear: number | null;
  settings: ProgressSettings;
  cache: JudgeCache;
  /**
   * Windows per (targets, deadline) for this date: both come shared from the
   * caches (one array / object per distinct text), so a ledger's rows reuse a
   * handful of windows instead of computing one each. Lives as long as the
   * context (one ledger).
   */
  readonly windows: Map<readonly Target[], Map<DeadlineWords, { win: TaskWindow | null; due: string | null; expected: number | null }>>;
  /** Evidence of the target basis (23/50场) per target and 完成值: one string per distinct pair. */
  readonly targetEvidence: Map<Target, Map<CellValue, string>>;
}

export function judgeContext(asOf: Date, o: { plan?: PlanPeriod | null; ledgerYear?: number | null; settings: ProgressSettings; cache: JudgeCache }): JudgeContext {
  const today = Math.floor(Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth(), asOf.getUTCDate()) / 86_400_000);
  return { today, plan: o.plan ?? null, ledgerYear: o.ledgerYear ?? null, settings: o.settings, cache: o.cache, windows: new Map(), targetEvidence: new Map() };
}

function windowOf(dl: DeadlineWords, targets: readonly Target[], ctx: JudgeContext): { win: TaskWindow | null; due: string | null; expected: number | null } {
  let byDeadline = ctx.windows.get(targets);
  if (!byDeadline) ctx.windows.set(targets, (byDeadline = new Map()));
  let w = byDeadline.get(dl);
  if (!w) {
    const win = taskWindow(dl, targets, ctx.today, ctx);
    w = { win, due: win ? isoOfDay(win.due) : null, expected: win ? expectedShare(win, ctx.today) : null };
    byDeadline.set(dl, w);
  }
  return w;
}

/** Bad input met while judging: the checks turn it into a finding on that field's cell. */
export type JudgeProblem = CodedFinding<
  'progress.unknown_status' | 'progress.share_out_of_range' | 'progress.share_unreadable' | 'progress.done_contradicted' | 'targets.deadline-unparsed'
> & { field: FieldKey };

/** What a Task carries of its judgement (model.ts TaskJudgement), and what the checks word besides. */
export interface Judgement extends TaskJudgement {
  /** 完成值 / target (uncapped), null without both. */
  completion: number | null;
  /** Past the due day and not done. */
  overdue: boolean;
  /** Not done, a one-off deadline within settings.dueSoonDays (the blue notice). */
  dueSoon: boolean;
  /** Days from the as-of date to the due day (0 on the day), null without a due day. */
  daysLeft: number | null;
  problems: readonly JudgeProblem[];
}

const NO_PROBLEMS: readonly JudgeProblem[] = Object.freeze([]);

const STATUS_OF: Record<WordKind, Status> = {
  done: '已完成',
  ongoing: '正常',
  'not-done': '正常',
  behind: '滞后',
  'not-started': '未启动',
  overdue: '逾期',
};

function targetEvidence(t: Target, actualRaw: CellValue, ctx: JudgeContext): string {
  let byActual = ctx.targetEvidence.get(t);
  if (!byActual) ctx.targetEvidence.set(t, (byActual = new Map()));
  let e = byActual.get(actualRaw);
  if (e === undefined) byActual.set(actualRaw, (e = `${cellString(actualRaw)}/${t.value}${t.unit}`));
  return e;
}

const cellString = (v: CellValue): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(+v.toPrecision(12)) : String(v ?? ''));

export function judge(input: JudgeInput, ctx: JudgeContext): Judgement {
  return judgeInto(blankJudgement(), input.statusText, input.shareRaw, input.actualRaw, input.actual, input.targets, input.progressText, input.deadline, ctx);
}

/** A judgement to fill (judgeInto). */
export function blankJudgement(): Judgement {
  return {
    status: '未填报',
    light: '黄',
    basis: 'none',
    evidence: '',
    quantified: false,
    due: null,
    expected: null,
    progress: null,
    completion: null,
    overdue: false,
    dueSoon: false,
    daysLeft: null,
    problems: NO_PROBLEMS,
  };
}

/**
 * judge, writing into `out` and taking the input's fields as arguments: the
 * ledger builder judges 100,000 rows with one scratch judgement and no input
 * object per row (fewer short-lived objects, fewer young-generation collections).
 */
export function judgeInto(
  out: Judgement,
  statusText: string,
  shareRaw: CellValue,
  actualRaw: CellValue,
  actual: number | null,
  targets: readonly Target[],
  progressText: string,
  dl: DeadlineWords,
  ctx: JudgeContext,
): Judgement {
  const s = ctx.settings;
  // No closures here: this runs once per row of 100,000-row ledgers.
  let problems: JudgeProblem[] | null = null;

  const primary = targets[0];
  if (dl.kind === 'unreadable') (problems ??= []).push({ code: 'targets.deadline-unparsed', field: 'deadline', params: { text: dl.text } });
  const { win, due, expected } = windowOf(dl, targets, ctx);
  const pastDue = win !== null && ctx.today > win.due;
  const notBegun = win !== null && ctx.today < win.start;

  // The evidence, read once each.
  const word = statusText ? ctx.cache.statusWords.get(statusText) : null;
  if (word === 'unknown') (problems ??= []).push({ code: 'progress.unknown_status', field: 'status', params: { word: statusText.trim() } });
  const reported = word && word !== 'unknown' ? word : null;
  const share = shareRaw === null || shareRaw === undefined ? null : ctx.cache.share(shareRaw);
  if (share?.bad) {
    (problems ??= []).push(
      share.bad === 'unreadable'
        ? { code: 'progress.share_unreadable', field: 'share', params: { value: share.text } }
        : { code: 'progress.share_out_of_range', field: 'share', params: { value: share.text, side: share.bad } },
    );
  }
  const shareValue = share?.value ?? null;
  const completion = completionOf(actual, primary);
  const met = actual !== null && primary !== undefined && meets(actual, primary.value, primary.comparator);
  const figure = completion !== null ? Math.min(1, Math.max(0, completion)) : shareValue;

  if (reported?.kind === 'done') {
    if (primary && actual !== null && !met)
      (problems ??= []).push({ code: 'progress.done_contradicted', field: 'actual', params: { status: reported.word, value: cellString(actualRaw), target: `${primary.value}${primary.unit}` } });
    else if (shareValue !== null && shareValue < 1)
      (problems ??= []).push({ code: 'progress.done_contradicted', field: 'share', params: { status: reported.word, value: share!.text, target: '100%' } });
  }

  // Which evidence speaks (see the header); kind 'pace' compares the figure with 序时进度.
  let kind: WordKind | 'pace' | 'unreported' | 'not-begun';
  let basis: Basis;
  let evidence: string;
  if (reported && reported.kind !== 'not-done') {
    kind = reported.kind;
    basis = 'reported';
    evidence = reported.word;
  } else {
    if (primary && actual !== null) {
      kind = met ? 'done' : completion === 0 ? 'not-started' : 'pace';
      basis = 'target';
      evidence = targetEvidence(primary, actualRaw, ctx);
    } else if (shareValue !== null) {
      kind = shareValue >= 1 ? 'done' : shareValue === 0 ? 'not-started' : 'pace';
      basis = 'share';
      evidence = share!.text;
    } else if (progressText) {
      const t = ctx.cache.texts.get(progressText);
      kind = t.kind;
      basis = 'text';
      evidence = t.words;
    } else if (notBegun) {
      kind = 'not-begun';
      basis = 'deadline';
      evidence = dl.text;
    } else {
      kind = 'unreported';
      basis = 'none';
      evidence = '';
    }
    // A reported 未完成 keeps the rest's pace, never its 已完成; alone it is under way.
    if (reported && (kind === 'done' || basis === 'none' || basis === 'deadline')) {
      kind = 'not-done';
      basis = 'reported';
      evidence = reported.word;
    }
  }

  let status: Status =
    kind === 'pace'
      ? expected !== null && figure !== null && trails(expected - figure, s)
        ? '滞后'
        : '正常'
      : kind === 'unreported'
        ? '未填报'
        : kind === 'not-begun'
          ? '正常'
          : STATUS_OF[kind];
  if (pastDue && status !== '已完成' && status !== '未填报' && status !== '逾期') {
    status = '逾期';
    basis = 'deadline';
    evidence = dl.text || due!;
  } else if (notBegun && status === '未启动') {
    // Not started, and not yet meant to be: on pace.
    status = '正常';
    basis = 'deadline';
    evidence = dl.text || due!;
  }
  const overdue = pastDue && status !== '已完成';
  const progress = figure ?? (status === '已完成' ? 1 : kind === 'not-started' ? 0 : null);
  const daysLeft = win ? win.due - ctx.today : null;
  // The blue notice is for a deadline that comes once; a recurring task (每月, an
  // annual target) would get it at the end of every cycle.
  const recurring = dl.kind === 'cycle' || primary?.recurrence === 'annual';
  const dueSoon = status !== '已完成' && !overdue && !recurring && daysLeft !== null && daysLeft <= s.dueSoonDays;
  out.status = status;
  out.light = lightFor(status, progress, expected, overdue, s);
  out.basis = basis;
  out.evidence = evidence;
  out.quantified = targets.length > 0;
  out.due = due;
  out.expected = expected;
  out.progress = progress;
  out.completion = completion;
  out.overdue = overdue;
  out.dueSoon = dueSoon;
  out.daysLeft = daysLeft;
  out.problems = problems ?? NO_PROBLEMS;
  return out;
}
