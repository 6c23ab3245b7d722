// shared/aggregate: pure group-bys over merged tasks for the dashboard.
// recharts only ever sees what these return, never task rows.
export * from './types';
export { periodSortKey, comparePeriods } from './period';
export { zhCompare } from './collate';
export { unitKeys, keyOf } from './keys';
export { filterTasks, facets } from './filter';
export { statusCounts, groupSummaries, byPopulation, byProject, byJurisdiction, emptyCounts, cappedCompletion } from './groups';
export { byUnit, sortUnits } from './units';
export type { UnitSortKey } from './units';
export { trend } from './trend';
export { formatCount, formatPercent } from './format';
export { dashboardSummary } from './summary';
export { buildCube, cubeFacets, cubeRows, cubeSummary, cubeTasks } from './cube';
export type { TaskCube } from './cube';
export type { DashboardSummary } from './summary';
export { headlines, isHeadlineTask } from './headline';
export type { Headline, HeadlineTask } from './headline';
