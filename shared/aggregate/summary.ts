// Everything the charts need for one filter, in one pass over the tasks: the
// dashboard's cube (cube.ts) gives the same from coded tasks; this is the
// plain version the tests, the CLI's documents and the cube's own tests use.
import { cappedCompletion, countsToList, emptyCounts, emptyLights, GroupAccumulator, isOther, lightsToList, OTHERS } from './groups';
import { filterRows, TaskContext, trendFilter } from './filter';
import { CHANGE_BIT } from './changes';
import { TrendAccumulator } from './trend';
import type { AggTask, ChangeKind, GroupSummary, TaskFilter, TrendSeries, UnitSummary } from './types';
import { CHANGE_KINDS, NONE } from './types';
import { UnitAccumulator } from './units';
import type { Light, Status } from '../model';

/** What changed in one period of one jurisdiction against the period before, over the filtered tasks. */
export interface ChangeRow {
  jurisdiction: string;
  period: string;
  previous: string;
  /** Tasks of this period (after the filter) found in the previous one. */
  compared: number;
  counts: Record<ChangeKind, number>;
}

export interface DashboardSummary {
  total: number;
  status: { status: Status; count: number }[];
  lights: { light: Light; count: number }[];
  /** Population tasks only, every canonical population listed. */
  populations: GroupSummary[];
  /** Project tasks only, every canonical project listed. */
  projects: GroupSummary[];
  /** Tasks of neither (OTHERS). */
  others: GroupSummary;
  jurisdictions: GroupSummary[];
  /** The scorecard, most tasks led first. */
  units: UnitSummary[];
  /** Each period of the filtered tasks that has a previous one, jurisdiction by jurisdiction, oldest first. */
  changes: ChangeRow[];
  /** Every period (trendFilter), population and project tasks. */
  populationTrend: TrendSeries;
  projectTrend: TrendSeries;
}

export const emptyChangeCounts = (): Record<ChangeKind, number> => ({ done: 0, red: 0, 'still-red': 0, stale: 0 });

export function dashboardSummary<T extends AggTask>(all: readonly T[], filter: TaskFilter = {}, ctx: TaskContext<T> = new TaskContext(all)): DashboardSummary {
  const rows = filterRows(ctx, filter);
  const { flags, previous, timeline } = ctx.changes;
  const status = emptyCounts();
  const lights = emptyLights();
  const populations = new GroupAccumulator('population');
  const projects = new GroupAccumulator('project');
  const others = new GroupAccumulator('others');
  const jurisdictions = new GroupAccumulator('jurisdiction');
  const units = new UnitAccumulator();
  const changeRows = new Map<number, ChangeRow>();
  for (const i of rows) {
    const t = all[i]!;
    const s = t.status;
    const capped = cappedCompletion(t);
    status[s]++;
    lights[t.light]++;
    if (t.population) populations.add(t.population.canonical, s, t.light, capped);
    if (t.project) projects.add(t.project.canonical, s, t.light, capped);
    if (isOther(t)) others.add(OTHERS, s, t.light, capped);
    jurisdictions.add(t.meta.jurisdiction ?? NONE, s, t.light, capped);
    units.add(t, (flags[i]! & CHANGE_BIT.stale) !== 0);
    const step = timeline.steps[timeline.stepOf[i]!]!;
    if (step.previous !== null) {
      let row = changeRows.get(timeline.stepOf[i]!);
      if (!row) changeRows.set(timeline.stepOf[i]!, (row = { jurisdiction: step.jurisdiction, period: step.period, previous: step.previous, compared: 0, counts: emptyChangeCounts() }));
      if (previous[i]! >= 0) row.compared++;
      for (const k of CHANGE_KINDS) if (flags[i]! & CHANGE_BIT[k]) row.counts[k]++;
    }
  }
  const populationTrend = new TrendAccumulator('population');
  const projectTrend = new TrendAccumulator('project');
  for (const i of filterRows(ctx, trendFilter(filter))) {
    const t = all[i]!;
    const capped = cappedCompletion(t);
    const period = t.meta.period ?? NONE;
    populationTrend.add(period, t.population?.canonical ?? NONE, capped);
    projectTrend.add(period, t.project?.canonical ?? NONE, capped);
  }
  return {
    total: rows.length,
    status: countsToList(status),
    lights: lightsToList(lights),
    populations: populations.finish(),
    projects: projects.finish(),
    others: others.finish()[0]!,
    jurisdictions: jurisdictions.finish(),
    units: units.finish(),
    changes: [...changeRows.keys()].sort((a, b) => a - b).map((k) => changeRows.get(k)!),
    populationTrend: populationTrend.finish(),
    projectTrend: projectTrend.finish(),
  };
}
