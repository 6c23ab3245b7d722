// What the dashboard aggregates: the few fields of a merged task it groups by.
// MergedTask (shared/merge) satisfies this structurally, so the aggregates work
// on the merge result as is and on any lighter row built for tests or benches.
import type { Label, Status } from '../model';

export interface AggTask {
  id: string;
  title: string;
  status: Status;
  population: Label | null;
  project: Label | null;
  leads: readonly { input: string; name: string | null }[];
  /** actual / target, 0..n; null when not quantified or not reported. */
  completion: number | null;
  meta: { jurisdiction: string | null; period: string | null };
}

/** Label used for tasks without a population, project, jurisdiction or period. */
export const NONE = '未分类';

/** Table and chart filters; a missing key means "all". Values are display keys (NONE for null). */
export interface TaskFilter {
  jurisdiction?: string;
  period?: string;
  population?: string;
  project?: string;
  unit?: string;
  status?: Status;
}

export type FilterKey = keyof TaskFilter;
export const FILTER_KEYS: readonly FilterKey[] = ['jurisdiction', 'period', 'population', 'project', 'unit', 'status'];

export type StatusCounts = Record<Status, number>;

/** One bar group: a population, a project, a jurisdiction … */
export interface GroupSummary {
  key: string;
  total: number;
  /** Tasks with a completion figure. */
  quantified: number;
  /** Mean of min(completion, 1) over quantified tasks, 0..1; null when none is quantified. */
  completionRate: number | null;
  counts: StatusCounts;
}

export interface UnitSummary {
  unit: string;
  led: number;
  completed: number;
  behind: number;
  overdue: number;
  unreported: number;
}

export interface TrendSeries {
  periods: string[];
  keys: string[];
  /** One row per period: completion rate (0..1) per key, null where no quantified task. */
  rows: ({ period: string } & Record<string, number | string | null>)[];
}
