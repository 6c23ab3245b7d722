// Completion over reporting periods, per population or per project: the mean of
// min(completion, 1) of the quantified tasks of each group in each period.
import { POPULATIONS, PROJECTS } from '../model';
import { keyOf } from './keys';
import { comparePeriods } from './period';
import type { AggTask, TrendSeries } from './types';
import { NONE } from './types';

export function trend(tasks: readonly AggTask[], dim: 'population' | 'project'): TrendSeries {
  const cells = new Map<string, { n: number; sum: number }>();
  const periods = new Set<string>();
  const keys = new Set<string>();
  for (const t of tasks) {
    const p = keyOf(t, 'period');
    const k = keyOf(t, dim);
    periods.add(p);
    if (t.completion === null || !Number.isFinite(t.completion)) continue;
    keys.add(k);
    const id = p + '\u0000' + k;
    let c = cells.get(id);
    if (!c) cells.set(id, (c = { n: 0, sum: 0 }));
    c.n++;
    c.sum += Math.min(Math.max(t.completion, 0), 1);
  }
  const order: readonly string[] = dim === 'population' ? POPULATIONS : PROJECTS;
  const sortedKeys = [...keys].sort((a, b) => rank(order, a) - rank(order, b) || a.localeCompare(b, 'zh-CN'));
  const sortedPeriods = [...periods].sort(comparePeriods);
  const rows = sortedPeriods.map((period) => {
    const row: { period: string } & Record<string, number | string | null> = { period };
    for (const k of sortedKeys) {
      const c = cells.get(period + '\u0000' + k);
      row[k] = c ? c.sum / c.n : null;
    }
    return row;
  });
  return { periods: sortedPeriods, keys: sortedKeys, rows };
}

function rank(order: readonly string[], k: string): number {
  const i = order.indexOf(k);
  return i >= 0 ? i : k === NONE ? order.length + 1 : order.length;
}
