// Everything the charts need for one filter, in one pass over the tasks: the
// dashboard calls this on every filter change, so with 100,000 tasks the
// group-bys share the loop instead of walking the list seven times.
import { filterTasks } from './filter';
import { cappedCompletion, countsToList, emptyCounts, GroupAccumulator } from './groups';
import { TrendAccumulator } from './trend';
import type { AggTask, GroupSummary, TaskFilter, TrendSeries, UnitSummary } from './types';
import { NONE } from './types';
import { UnitAccumulator } from './units';
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
  const status = emptyCounts();
  const populations = new GroupAccumulator('population');
  const projects = new GroupAccumulator('project');
  const jurisdictions = new GroupAccumulator('jurisdiction');
  const units = new UnitAccumulator();
  const populationTrend = new TrendAccumulator('population');
  const projectTrend = new TrendAccumulator('project');
  for (const t of tasks) {
    const s = t.status;
    const capped = cappedCompletion(t);
    const pop = t.population?.canonical ?? NONE;
    const proj = t.project?.canonical ?? NONE;
    const period = t.meta.period ?? NONE;
    status[s]++;
    populations.add(pop, s, capped);
    projects.add(proj, s, capped);
    jurisdictions.add(t.meta.jurisdiction ?? NONE, s, capped);
    units.add(t);
    populationTrend.add(period, pop, capped);
    projectTrend.add(period, proj, capped);
  }
  return {
    total: tasks.length,
    status: countsToList(status),
    populations: populations.finish(),
    projects: projects.finish(),
    jurisdictions: jurisdictions.finish(),
    units: units.finish(),
    populationTrend: populationTrend.finish(),
    projectTrend: projectTrend.finish(),
  };
}
