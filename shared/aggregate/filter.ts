// Filters of the task table and the drill-down. One pass, no copies of tasks.
import { POPULATIONS, PROJECTS } from '../model';
import { keyOf, rankIn, unitKeys } from './keys';
import { comparePeriods } from './period';
import type { AggTask, FilterKey, TaskFilter } from './types';
import { FILTER_KEYS, NONE } from './types';
import { zhCompare } from './collate';

function matchesKeys(t: AggTask, f: TaskFilter, keys: readonly FilterKey[]): boolean {
  for (const k of keys) {
    const want = f[k]!;
    if (k === 'unit') {
      if (!unitKeys(t).includes(want)) return false;
    } else if (keyOf(t, k) !== want) return false;
  }
  return true;
}

export function filterTasks<T extends AggTask>(tasks: readonly T[], f: TaskFilter): T[] {
  const keys = FILTER_KEYS.filter((k) => f[k] !== undefined);
  if (!keys.length) return tasks as T[];
  const out: T[] = [];
  for (const t of tasks) if (matchesKeys(t, f, keys)) out.push(t);
  return out;
}

/** The values each filter can take, in display order (canonical order for populations/projects). */
export function facets(tasks: readonly AggTask[]): Record<FilterKey, string[]> {
  const sets: Record<FilterKey, Set<string>> = {
    jurisdiction: new Set(),
    period: new Set(),
    population: new Set(),
    project: new Set(),
    unit: new Set(),
    status: new Set(),
  };
  for (const t of tasks) {
    sets.jurisdiction.add(keyOf(t, 'jurisdiction'));
    sets.period.add(keyOf(t, 'period'));
    sets.population.add(keyOf(t, 'population'));
    sets.project.add(keyOf(t, 'project'));
    sets.status.add(t.status);
    for (const u of unitKeys(t)) sets.unit.add(u);
  }
  return facetsOf({
    jurisdiction: [...sets.jurisdiction],
    period: [...sets.period],
    population: [...sets.population],
    project: [...sets.project],
    unit: [...sets.unit],
    status: [...sets.status],
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
  };
}
