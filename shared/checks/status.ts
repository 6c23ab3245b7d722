// Status of a task as of a date, by the rule clerks apply:「时间过半、任务过半」.
// A task's period: an annual target (每年, on the primary target or in the
// 完成时限 cell) runs over the calendar year of the as-of date; a target due by
// a year runs from the plan's start year (or the ledger's year) to 31 Dec of
// that year. The primary target is targets[0]. Dates are taken by their UTC calendar
// day, so 2023-06-30 means that whole day whatever the machine's zone.
import type { Comparator, PlanPeriod, Status, Target } from '../model';

export interface StatusInput {
  targets: Target[];
  actual: number | null;
  progressText: string;
  deadlineYear: number | null;
  recurrence: 'annual' | null;
}

export interface StatusContext {
  plan?: PlanPeriod | null;
  /** The year the ledger reports on, when no plan period is known. */
  ledgerYear?: number | null;
}

export interface StatusDetail {
  status: Status;
  /** Share of the primary target reached (actual / target), null without both. */
  completion: number | null;
  /** Share of the task's period elapsed as of the date (0..1), null when the period is unknown. */
  elapsed: number | null;
  /** Last day of the task's period (ISO), null when unknown. */
  deadline: string | null;
}

const DAY = 86_400_000;
const dayOf = (d: Date): number => Math.floor(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) / DAY);
const jan1 = (y: number): number => Date.UTC(y, 0, 1) / DAY;

const isoCache = new Map<number, string>();
function isoOfDay(day: number): string {
  let s = isoCache.get(day);
  if (s === undefined) isoCache.set(day, (s = new Date(day * DAY).toISOString().slice(0, 10)));
  return s;
}

/** Whether `actual` meets `value` under the comparator (= counts as met when reached). */
export function meets(actual: number, value: number, cmp: Comparator): boolean {
  switch (cmp) {
    case '>':
      return actual > value;
    case '<=':
      return actual <= value;
    default:
      return actual >= value;
  }
}

/** actual / target for ≥ targets; for ≤ targets 1 while within the limit. */
export function completionOf(actual: number | null, t: Target | undefined): number | null {
  if (actual === null || !t) return null;
  if (t.comparator === '<=') return actual <= t.value ? 1 : actual === 0 ? 0 : t.value / actual;
  if (t.value === 0) return actual > 0 || t.comparator !== '>' ? 1 : 0;
  return actual / t.value;
}

/** The task's period in day numbers [start, endExclusive), or null when it has none. */
export function periodOf(task: StatusInput, asOf: Date, ctx: StatusContext = {}): { start: number; end: number; year: number } | null {
  const primary = task.targets[0];
  const annual = primary?.recurrence === 'annual' || (task.recurrence === 'annual' && (primary?.year ?? null) === null);
  if (annual) {
    const y = asOf.getUTCFullYear();
    return { start: jan1(y), end: jan1(y + 1), year: y };
  }
  const year = task.deadlineYear ?? primary?.year ?? ctx.plan?.end ?? null;
  if (year === null) return null;
  let from = ctx.plan?.start ?? ctx.ledgerYear ?? asOf.getUTCFullYear();
  if (from > year) from = year;
  return { start: jan1(from), end: jan1(year + 1), year };
}

export function statusDetail(task: StatusInput, asOf: Date, ctx: StatusContext = {}): StatusDetail {
  const primary = task.targets[0];
  if (!primary) return { status: '无量化目标', completion: null, elapsed: null, deadline: null };
  const completion = completionOf(task.actual, primary);
  const period = periodOf(task, asOf, ctx);
  const today = dayOf(asOf);
  const elapsed = period ? Math.min(1, Math.max(0, (today + 1 - period.start) / (period.end - period.start))) : null;
  const deadline = period ? isoOfDay(period.end - 1) : null;
  const overdue = period !== null && today >= period.end;
  let status: Status;
  if (task.actual !== null && meets(task.actual, primary.value, primary.comparator)) status = '已完成';
  else if (task.actual === null) {
    // Nothing reported at all: ask for the report before judging time.
    // Progress in words only: nothing to measure against time, but a past deadline is still past.
    status = !task.progressText.trim() ? '未填报' : overdue ? '逾期' : '正常';
  } else if (overdue) status = '逾期';
  else if (primary.comparator === '<=' || elapsed === null || completion === null) status = '正常';
  else {
    // Compare in integers of the period's days to keep 「一半对一半」 exact.
    const total = period!.end - period!.start;
    const done = today + 1 - period!.start;
    status = completion * total < done - 1e-9 ? '滞后' : '正常';
  }
  return { status, completion, elapsed, deadline };
}

export function statusOf(task: StatusInput, asOf: Date, plan?: PlanPeriod | null, ledgerYear?: number | null): Status {
  return statusDetail(task, asOf, { plan, ledgerYear }).status;
}
