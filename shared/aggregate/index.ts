// shared/aggregate: pure group-bys over merged tasks for the dashboard and
// the leaders' documents (docs/leaders.md, "Core API"). recharts only ever
// sees what these return, never task rows.
export * from './types';
export { periodSortKey, comparePeriods, periodOrder } from './period';
export { zhCompare } from './collate';
export { unitKeys, keyOf } from './keys';
export { filterTasks, filterRows, facets, periodChoices, trendFilter, TaskContext } from './filter';
export {
  statusCounts,
  lightCounts,
  groupSummaries,
  byPopulation,
  byProject,
  byJurisdiction,
  othersSummary,
  isOther,
  OTHERS,
  emptyCounts,
  emptyLights,
  cappedCompletion,
} from './groups';
export { byUnit, sortUnits, UNIT_COUNTS } from './units';
export type { UnitSortKey, UnitCount } from './units';
export { trend } from './trend';
export { formatCount, formatPercent } from './format';
export { dashboardSummary } from './summary';
export type { DashboardSummary, ChangeRow } from './summary';
export { periodTimeline, latestPeriods } from './timeline';
export type { PeriodStep, Timeline } from './timeline';
export { periodChanges, changeKinds, CHANGE_BIT } from './changes';
export type { PeriodChanges } from './changes';
export { buildCube, cubeFacets, cubeHeadlineRows, cubeRows, cubeSummary, cubeTasks, cubeTrends } from './cube';
export type { TaskCube } from './cube';
export { headlines, isHeadlineTask } from './headline';
export type { Headline, HeadlineTask } from './headline';
export { leadersReport, redByUnit, taskReason, NOTICE_REASONS, NOTICE_LABEL } from './report';
export type { LeadersReport, LeaderTask, ChangedTask, NoticeReason, NoticeItem, UnitNotice, PeriodShown } from './report';
