// What a leader reads for one filter, as data: the summary (counts by status
// and light, per population, project and unit), the headline indicator
// against its goal, the red list by unit with the reason, what changed since
// the previous period, and for each lagging unit the tasks of its 督办单
// (docs/domain.md §8). The dashboard draws it; the 通报 and 督办单 documents
// (kesu report / kesu notices, and the dashboard's buttons) write it.
import type { TaskJudgement } from '../model';
import { basisText } from '../progress/basis';
import { CHANGE_BIT, changeKinds } from './changes';
import { zhCompare } from './collate';
import { filterRows, filterTasks, TaskContext } from './filter';
import { headlines } from './headline';
import type { Headline, HeadlineTask } from './headline';
import { unitKeys } from './keys';
import { dashboardSummary } from './summary';
import type { DashboardSummary } from './summary';
import type { AggTask, ChangeKind, TaskFilter } from './types';
import { CHANGE_KINDS, DEFAULT_FILTER, LATEST } from './types';

/** A merged task as the leaders' documents read it (MergedTask satisfies it). */
export type LeaderTask = HeadlineTask & Pick<TaskJudgement, 'basis' | 'evidence' | 'due' | 'expected' | 'progress'>;

/** A task with what changed since the previous period and its row there. */
export interface ChangedTask<T> {
  task: T;
  /** The same task in the jurisdiction's previous period (null: none). */
  previous: T | null;
  changes: ChangeKind[];
}

/** Why a task is on its unit's 督办单. */
export type NoticeReason = 'red' | 'yellow' | 'overdue' | 'stale';
export const NOTICE_REASONS: readonly NoticeReason[] = ['red', 'yellow', 'overdue', 'stale'];
export const NOTICE_LABEL: Readonly<Record<NoticeReason, string>> = Object.freeze({ red: '红灯', yellow: '黄灯', overdue: '逾期', stale: '进展未更新' });

export interface NoticeItem<T> extends ChangedTask<T> {
  reasons: NoticeReason[];
}

/** One lagging unit's 督办单: its tasks (red first, then yellow, each by due day), with counts. */
export interface UnitNotice<T> {
  unit: string;
  items: NoticeItem<T>[];
  counts: Record<NoticeReason, number>;
}

export interface PeriodShown {
  jurisdiction: string;
  period: string;
  /** The period compared with (null: the jurisdiction's first). */
  previous: string | null;
  /** The latest 截至日期 of the period's tasks. */
  asOf: string | null;
}

export interface LeadersReport<T> {
  filter: TaskFilter;
  /** Each period the filtered tasks come from (jurisdiction by jurisdiction, oldest first). */
  periods: PeriodShown[];
  summary: DashboardSummary;
  /** The headline indicator of each jurisdiction against its goal (its latest period unless a period is chosen). */
  headlines: Headline[];
  /** The filtered tasks, in the order given. */
  tasks: T[];
  /** Red tasks by lead unit (a task with two leads under both; only the unit filtered for, if any), the unit with most red first. */
  red: { unit: string; tasks: T[] }[];
  /** The filtered tasks of each change kind. */
  changed: Record<ChangeKind, ChangedTask<T>[]>;
  /** Units with a yellow, red, overdue or stale task, the unit with most red first. */
  notices: UnitNotice<T>[];
}

/** Why a task is red or yellow, in words: 逾期（完成时限「2023年6月底前」）. */
export function taskReason(t: Pick<LeaderTask, 'status' | 'basis' | 'evidence'>): string {
  return `${t.status}（${basisText(t)}）`;
}

/**
 * The red tasks by lead unit (a task with two leads under both; only `unit`
 * when given: a unit filter asks for that unit's list, not its co-leads'),
 * the unit with most red first, each unit's tasks in the order given.
 */
export function redByUnit<T extends AggTask>(tasks: readonly T[], unit?: string): { unit: string; tasks: T[] }[] {
  const by = new Map<string, T[]>();
  for (const t of tasks) {
    if (t.light !== '红') continue;
    for (const u of unitKeys(t)) {
      if (unit !== undefined && u !== unit) continue;
      let list = by.get(u);
      if (!list) by.set(u, (list = []));
      list.push(t);
    }
  }
  return [...by].map(([u, list]) => ({ unit: u, tasks: list })).sort((a, b) => b.tasks.length - a.tasks.length || zhCompare(a.unit, b.unit));
}

export function leadersReport<T extends LeaderTask>(all: readonly T[], filter: TaskFilter = DEFAULT_FILTER, ctx: TaskContext<T> = new TaskContext(all)): LeadersReport<T> {
  const rows = filterRows(ctx, filter);
  const { flags, previous, timeline } = ctx.changes;
  const tasks = rows.map((i) => all[i]!);
  const changedOf = (i: number): ChangedTask<T> => ({ task: all[i]!, previous: previous[i]! >= 0 ? all[previous[i]!]! : null, changes: changeKinds(flags[i]!) });

  const steps = [...new Set(rows.map((i) => timeline.stepOf[i]!))].sort((a, b) => a - b);
  const periods = steps.map((s) => {
    const { jurisdiction, period, previous: before, asOf } = timeline.steps[s]!;
    return { jurisdiction, period, previous: before, asOf };
  });

  const changed = Object.fromEntries(CHANGE_KINDS.map((k) => [k, [] as ChangedTask<T>[]])) as Record<ChangeKind, ChangedTask<T>[]>;
  const notices = new Map<string, UnitNotice<T>>();
  for (const i of rows) {
    const t = all[i]!;
    const f = flags[i]!;
    for (const k of CHANGE_KINDS) if (f & CHANGE_BIT[k]) changed[k].push(changedOf(i));
    const reasons = NOTICE_REASONS.filter((r) => (r === 'red' ? t.light === '红' : r === 'yellow' ? t.light === '黄' : r === 'overdue' ? t.status === '逾期' : (f & CHANGE_BIT.stale) !== 0));
    for (const unit of unitKeys(t)) {
      // a unit filter asks for that unit's lists, not its co-leads'
      if (filter.unit !== undefined && unit !== filter.unit) continue;
      if (!reasons.length) continue;
      let n = notices.get(unit);
      if (!n) notices.set(unit, (n = { unit, items: [], counts: { red: 0, yellow: 0, overdue: 0, stale: 0 } }));
      n.items.push({ ...changedOf(i), reasons });
      for (const r of reasons) n.counts[r]++;
    }
  }
  const due = (t: T): string => t.due ?? '9999';
  const byDue = (a: T, b: T): number => (due(a) < due(b) ? -1 : due(a) > due(b) ? 1 : 0);
  const lightRank = (t: T): number => (t.light === '红' ? 0 : t.light === '黄' ? 1 : 2);
  for (const n of notices.values()) n.items.sort((a, b) => lightRank(a.task) - lightRank(b.task) || byDue(a.task, b.task));
  const red = redByUnit(tasks, filter.unit);
  const lagging = [...notices.values()].sort((a, b) => b.counts.red - a.counts.red || b.counts.overdue - a.counts.overdue || b.counts.yellow - a.counts.yellow || zhCompare(a.unit, b.unit));

  // The headline of each jurisdiction is its latest period's unless a period is chosen.
  const head = filterTasks(all, { jurisdiction: filter.jurisdiction, period: filter.period === LATEST ? undefined : filter.period }, ctx);
  return { filter, periods, summary: dashboardSummary(all, filter, ctx), headlines: headlines(head), tasks, red, changed, notices: lagging };
}
