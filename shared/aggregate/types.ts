// What the dashboard aggregates: the few fields of a merged task it groups by.
// MergedTask (shared/merge) satisfies this structurally, so the aggregates work
// on the merge result as is and on any lighter row built for tests or benches.
import type { Label, Light, Status } from '../model';

export interface AggTask {
  id: string;
  title: string;
  status: Status;
  light: Light;
  population: Label | null;
  project: Label | null;
  leads: readonly { input: string; name: string | null }[];
  /** actual / target, 0..n; null when not quantified or not reported. */
  completion: number | null;
  meta: { jurisdiction: string | null; period: string | null; asOf?: string | null };
  // What tells one task of two periods apart (shared/merge/identity.ts) and
  // whether its progress was copied (进展未更新, shared/progress/stale.ts).
  content: string;
  leadsText: string;
  progressText: string;
  sheet: string;
  row: number;
}

/** Label used for tasks without a population, project, jurisdiction or period. */
export const NONE = '未分类';

/**
 * The 报告期 filter's default: each jurisdiction's latest period (leaders
 * read where things stand now; adding up four quarters counts a task four
 * times). Not a period label: shown as the first choice of the period selector.
 */
export const LATEST = '各辖区最新一期';

/**
 * What changed since the previous period of the task's jurisdiction
 * (changes.ts): newly done, newly red, red in both periods, progress text
 * copied from the previous period (进展未更新, the core's progress.stale).
 */
export type ChangeKind = 'done' | 'red' | 'still-red' | 'stale';
export const CHANGE_KINDS: readonly ChangeKind[] = ['done', 'red', 'still-red', 'stale'];
export const CHANGE_LABEL: Readonly<Record<ChangeKind, string>> = Object.freeze({
  done: '新完成',
  red: '新亮红灯',
  'still-red': '连续红灯',
  stale: '进展未更新',
});

/**
 * Table and chart filters; a missing key means "all". Values are display keys
 * (NONE for null); period may be LATEST (each jurisdiction's latest period).
 */
export interface TaskFilter {
  jurisdiction?: string;
  period?: string;
  population?: string;
  project?: string;
  unit?: string;
  status?: Status;
  light?: Light;
  change?: ChangeKind;
}

export type FilterKey = keyof TaskFilter;
export const FILTER_KEYS: readonly FilterKey[] = ['jurisdiction', 'period', 'population', 'project', 'unit', 'status', 'light', 'change'];

/** What the dashboard shows first, and what 清除筛选 goes back to. */
export const DEFAULT_FILTER: Readonly<TaskFilter> = Object.freeze({ period: LATEST });

export type StatusCounts = Record<Status, number>;
export type LightCounts = Record<Light, number>;

/** One bar group: a population, a project, a jurisdiction … */
export interface GroupSummary {
  key: string;
  total: number;
  /** Tasks with a completion figure. */
  quantified: number;
  /** Mean of min(completion, 1) over quantified tasks, 0..1; null when none is quantified. */
  completionRate: number | null;
  counts: StatusCounts;
  lights: LightCounts;
}

/**
 * A lead unit's scorecard: tasks led, done, the three lights, behind,
 * overdue, not reported and progress not updated (stale). A task with two
 * lead units counts for both: each is answerable for it.
 */
export interface UnitSummary {
  unit: string;
  led: number;
  completed: number;
  behind: number;
  overdue: number;
  unreported: number;
  green: number;
  yellow: number;
  red: number;
  stale: number;
}

export interface TrendSeries {
  periods: string[];
  keys: string[];
  /** One row per period: completion rate (0..1) per key, null where no quantified task. */
  rows: ({ period: string } & Record<string, number | string | null>)[];
}
