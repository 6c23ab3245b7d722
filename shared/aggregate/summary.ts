// Everything the charts need for one filter, in one call: the dashboard calls
// this and hands the parts to recharts.
import { filterTasks } from './filter';
import { byJurisdiction, byPopulation, byProject, statusCounts } from './groups';
import { trend } from './trend';
import type { AggTask, GroupSummary, TaskFilter, TrendSeries, UnitSummary } from './types';
import { byUnit } from './units';
import type { Status } from '../model';

export interface DashboardSummary {
  total: number;
  status: { status: Status; count: number }[];
  populations: GroupSummary[];
  projects: GroupSummary[];
  jurisdictions: GroupSummary[];
  units: UnitSummary[];
  populationTrend: TrendSeries;
  projectTrend: TrendSeries;
}

export function dashboardSummary(all: readonly AggTask[], filter: TaskFilter = {}): DashboardSummary {
  const tasks = filterTasks(all, filter);
  return {
    total: tasks.length,
    status: statusCounts(tasks),
    populations: byPopulation(tasks),
    projects: byProject(tasks),
    jurisdictions: byJurisdiction(tasks),
    units: byUnit(tasks),
    populationTrend: trend(tasks, 'population'),
    projectTrend: trend(tasks, 'project'),
  };
}
