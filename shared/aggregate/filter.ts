// Filters of the task table and the drill-down. One pass, no copies of tasks.
import { POPULATIONS, PROJECTS } from '../model';
import { keyOf, unitKeys } from './keys';
import { comparePeriods } from './period';
import type { AggTask, FilterKey, TaskFilter } from './types';
import { FILTER_KEYS, NONE } from './types';

export function matches(t: AggTask, f: TaskFilter): boolean {
  for (const k of FILTER_KEYS) {
    const want = f[k];
    if (want === undefined) continue;
    if (k === 'unit') {
      if (!unitKeys(t).includes(want)) return false;
    } else if (keyOf(t, k) !== want) return false;
  }
  return true;
}

export function filterTasks<T extends AggTask>(tasks: readonly T[], f: TaskFilter): T[] {
  if (!FILTER_KEYS.some((k) => f[k] !== undefined)) return tasks.slice();
  const out: T[] = [];
  for (const t of tasks) if (matches(t, f)) out.push(t);
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
  const canonical = (order: readonly string[]) => (a: string, b: string) => rank(order, a) - rank(order, b);
  return {
    jurisdiction: [...sets.jurisdiction].sort(zh),
    period: [...sets.period].sort(comparePeriods),
    population: [...sets.population].sort(canonical(POPULATIONS)),
    project: [...sets.project].sort(canonical(PROJECTS)),
    unit: [...sets.unit].sort(zh),
    status: [...sets.status],
  };
}

function rank(order: readonly string[], k: string): number {
  const i = order.indexOf(k);
  return i < 0 ? (k === NONE ? order.length + 1 : order.length) : i;
}

function zh(a: string, b: string): number {
  return a.localeCompare(b, 'zh-CN');
}
