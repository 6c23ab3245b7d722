// A task's period as of a date: its first day and its due day, and from them
// 序时进度 (the share of the period elapsed). Rules, in order:
//
//  - 长期/持续 (no end by design): no period, never overdue; an annual target
//    (每年…不少于50场) is still measured over the current year.
//  - a cycle (每年, 每季度, 每月, or an annual target without a dated deadline): the cycle that holds the
//    date, due at its end or at the point the words give (每年6月底前 → 30 June),
//    kept inside the years the words bound it by (2022—2025年每年).
//  - a due day: from the first day the words give (2021—2025年, 下半年), else
//    1 January of the due year when the words place the task in one year (6月底前,
//    年底前), else of the plan's first year (a multi-year target 到2025年).
//  - no deadline words: the target's year, else the plan's last year.
//
// Days are day numbers (UTC calendar days): see targets/deadline-words.ts.
import type { PlanPeriod, Target } from '../model';
import { dayOf, monthEnd, yearOfDay, type Cycle, type DeadlineWords } from '../targets/deadline-words';

export interface TaskWindow {
  /** First day (day number). */
  start: number;
  /** Due day, inclusive (day number). */
  due: number;
}

export interface WindowContext {
  plan: PlanPeriod | null;
  /** The year the ledger reports on (its 截至日期 or period), when known. */
  ledgerYear: number | null;
}

const MONTHS: Record<Cycle, number> = { year: 12, half: 6, quarter: 3, month: 1 };

/** The cycle of `unit` holding `day`, with its due point. */
function cycleAt(day: number, unit: Cycle, point: DeadlineWords['cycleDue']): TaskWindow {
  const d = new Date(day * 86_400_000);
  const y = d.getUTCFullYear();
  const len = MONTHS[unit];
  const first = Math.floor(d.getUTCMonth() / len) * len + 1;
  const last = first + len - 1;
  const start = dayOf(y, first, 1);
  let due = monthEnd(y, last);
  if (point) {
    // 每年6月底前: the month inside a year cycle; 每月10日前: the day inside a month.
    const month = unit === 'year' && point.month !== null ? point.month : last;
    const dd = point.day;
    const candidate = dd === null ? monthEnd(y, month) : Math.min(dayOf(y, month, dd), monthEnd(y, month));
    if (candidate >= start && candidate <= due) due = candidate;
  }
  return { start, due };
}

/** The window of a recurring task at `today`, kept within the range its words give. */
function cycleWindow(w: DeadlineWords, unit: Cycle, today: number): TaskWindow {
  let at = today;
  if (w.due !== null && at > w.due) at = w.due;
  if (w.from !== null && at < w.from) at = w.from;
  return cycleAt(at, unit, w.cycleDue);
}

/** The year a multi-year task starts counting: the plan's first year, else the ledger's, else the date's; never after the due year. */
function baseStart(dueYear: number, ctx: WindowContext, today: number): number {
  const from = ctx.plan?.start ?? ctx.ledgerYear ?? yearOfDay(today);
  return dayOf(Math.min(from, dueYear), 1, 1);
}

/**
 * The task's window as of `today` (a day number), or null when it has none
 * (长期/持续 without an annual target, or nothing to date it by).
 */
export function taskWindow(w: DeadlineWords, targets: readonly Target[], today: number, ctx: WindowContext): TaskWindow | null {
  const primary = targets[0];
  const annualTarget = primary?.recurrence === 'annual';
  if (w.kind === 'cycle' && w.cycle) return cycleWindow(w, w.cycle, today);
  // The figures of 每年…不少于50场 measure one year; a year deadline (2025年) bounds
  // the years. A deadline inside a year (2023年3月底前) is that task's own window.
  if (annualTarget && primary.year === null && !(w.kind === 'date' && w.withinYear)) {
    const bounded: DeadlineWords = w.kind === 'date' ? w : { ...w, due: null, from: null };
    return cycleWindow(bounded, 'year', today);
  }
  if (w.kind === 'ongoing') return null;
  if (w.kind === 'date' && w.due !== null) {
    const dueYear = yearOfDay(w.due);
    let start = w.from ?? (w.withinYear ? dayOf(Math.min(dueYear, ctx.ledgerYear ?? dueYear), 1, 1) : baseStart(dueYear, ctx, today));
    if (start > w.due) start = dayOf(dueYear, 1, 1);
    return { start, due: w.due };
  }
  // No readable deadline: the target's year, else the plan's end.
  const year = targets.reduce<number | null>((y, t) => (t.year !== null && (y === null || t.year > y) ? t.year : y), null) ?? ctx.plan?.end ?? null;
  if (year === null) return null;
  return { start: baseStart(year, ctx, today), due: monthEnd(year, 12) };
}

/** 序时进度: the share of the window elapsed at the end of `today`, 0..1. */
export function expectedShare(win: TaskWindow, today: number): number {
  const total = win.due - win.start + 1;
  const done = today - win.start + 1;
  return done <= 0 ? 0 : done >= total ? 1 : done / total;
}
