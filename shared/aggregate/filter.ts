// Filters of the task table and the drill-down. One pass, no copies of tasks.
// Two filters look beyond the task itself: 报告期 = LATEST (each
// jurisdiction's latest period) and 变化 (what changed since the previous
// period); both are answered from all the tasks given (timeline.ts,
// changes.ts), worked out once per call and only when asked for.
import { LIGHTS, POPULATIONS, PROJECTS } from '../model';
import { keyOf, rankIn, unitKeys } from './keys';
import { comparePeriods } from './period';
import { CHANGE_BIT, periodChanges } from './changes';
import type { PeriodChanges } from './changes';
import { periodTimeline } from './timeline';
import type { Timeline } from './timeline';
import type { AggTask, FilterKey, TaskFilter } from './types';
import { CHANGE_KINDS, FILTER_KEYS, LATEST } from './types';
import { zhCompare } from './collate';

/** What the filters need to know about all the tasks: worked out on first use. */
export class TaskContext<T extends AggTask = AggTask> {
  private tl: Timeline | null = null;
  private ch: PeriodChanges | null = null;
  constructor(readonly tasks: readonly T[]) {}
  get timeline(): Timeline {
    return (this.tl ??= this.ch?.timeline ?? periodTimeline(this.tasks));
  }
  get changes(): PeriodChanges {
    return (this.ch ??= periodChanges(this.tasks, this.timeline));
  }
}

/** The indexes of the tasks that pass the filter, in task order. */
export function filterRows<T extends AggTask>(ctx: TaskContext<T>, f: TaskFilter): number[] {
  const tasks = ctx.tasks;
  const keys = FILTER_KEYS.filter((k) => f[k] !== undefined);
  const out: number[] = [];
  next: for (let i = 0; i < tasks.length; i++) {
    const t = tasks[i]!;
    for (const k of keys) {
      const want = f[k]!;
      switch (k) {
        case 'unit':
          if (!unitKeys(t).includes(want)) continue next;
          break;
        case 'light':
          if (t.light !== want) continue next;
          break;
        case 'change':
          if (!(ctx.changes.flags[i]! & CHANGE_BIT[f.change!])) continue next;
          break;
        case 'period':
          if (want === LATEST ? !ctx.timeline.steps[ctx.timeline.stepOf[i]!]!.latest : keyOf(t, 'period') !== want) continue next;
          break;
        default:
          if (keyOf(t, k) !== want) continue next;
      }
    }
    out.push(i);
  }
  return out;
}

export function filterTasks<T extends AggTask>(tasks: readonly T[], f: TaskFilter, ctx: TaskContext<T> = new TaskContext(tasks)): T[] {
  if (!FILTER_KEYS.some((k) => f[k] !== undefined)) return tasks as T[];
  return filterRows(ctx, f).map((i) => tasks[i]!);
}

/** The values each filter can take, in display order (canonical order for populations/projects; LATEST is not listed). */
export function facets(tasks: readonly AggTask[]): Record<FilterKey, string[]> {
  const sets = {
    jurisdiction: new Set<string>(),
    period: new Set<string>(),
    population: new Set<string>(),
    project: new Set<string>(),
    unit: new Set<string>(),
    status: new Set<string>(),
    light: new Set<string>(),
  };
  for (const t of tasks) {
    sets.jurisdiction.add(keyOf(t, 'jurisdiction'));
    sets.period.add(keyOf(t, 'period'));
    sets.population.add(keyOf(t, 'population'));
    sets.project.add(keyOf(t, 'project'));
    sets.status.add(t.status);
    sets.light.add(t.light);
    for (const u of unitKeys(t)) sets.unit.add(u);
  }
  return facetsOf({
    jurisdiction: [...sets.jurisdiction],
    period: [...sets.period],
    population: [...sets.population],
    project: [...sets.project],
    unit: [...sets.unit],
    status: [...sets.status],
    light: [...sets.light],
    change: CHANGE_KINDS,
  });
}

/** The values of each filter put in display order (statuses as given). */
export function facetsOf(values: Record<FilterKey, readonly string[]>): Record<FilterKey, string[]> {
  const canonical = (order: readonly string[]) => (a: string, b: string) => rankIn(order, a) - rankIn(order, b);
  return {
    jurisdiction: [...values.jurisdiction].sort(zhCompare),
    period: [...values.period].sort(comparePeriods),
    population: [...values.population].sort(canonical(POPULATIONS)),
    project: [...values.project].sort(canonical(PROJECTS)),
    unit: [...values.unit].sort(zhCompare),
    status: [...values.status],
    light: [...values.light].sort(canonical(LIGHTS)),
    change: [...values.change],
  };
}

/** The choices of the period selector: LATEST first, then every period in time order. */
export function periodChoices(periods: readonly string[]): string[] {
  return [LATEST, ...[...periods].sort(comparePeriods)];
}

/** The filter the trend uses: every period (and every change), the rest as given. */
export function trendFilter(f: TaskFilter): TaskFilter {
  const { period: _p, change: _c, ...rest } = f;
  return rest;
}
