// Completion over reporting periods, per population or per project: the mean of
// min(completion, 1) of the quantified tasks of each group in each period.
// Every period, whatever the period filter (the dashboard passes trendFilter).
import { POPULATIONS, PROJECTS } from '../model';
import { cappedCompletion } from './groups';
import { keyOf, rankIn } from './keys';
import { comparePeriods } from './period';
import type { AggTask, TrendSeries } from './types';
import { NONE } from './types';
import { zhCompare } from './collate';

export class TrendAccumulator {
  private readonly periods = new Map<string, Map<string, { n: number; sum: number }>>();
  private readonly keys = new Set<string>();

  constructor(private readonly dim: 'population' | 'project') {}

  add(period: string, key: string, capped: number | null): void {
    this.addTotals(period, key, capped === null ? 0 : 1, capped ?? 0);
  }

  /**
   * A period's quantified tasks of one key added at once (n 0: the period
   * only). NONE is no series: a population trend follows population tasks.
   */
  addTotals(period: string, key: string, n: number, sum: number): void {
    let row = this.periods.get(period);
    if (!row) this.periods.set(period, (row = new Map()));
    if (n === 0 || key === NONE) return;
    this.keys.add(key);
    const c = row.get(key);
    if (c) {
      c.n += n;
      c.sum += sum;
    } else row.set(key, { n, sum });
  }

  finish(): TrendSeries {
    const order: readonly string[] = this.dim === 'population' ? POPULATIONS : PROJECTS;
    const keys = [...this.keys].sort((a, b) => rankIn(order, a) - rankIn(order, b) || zhCompare(a, b));
    const periods = [...this.periods.keys()].sort(comparePeriods);
    const rows = periods.map((period) => {
      const cells = this.periods.get(period)!;
      const row: { period: string } & Record<string, number | string | null> = { period };
      for (const k of keys) {
        const c = cells.get(k);
        row[k] = c ? c.sum / c.n : null;
      }
      return row;
    });
    return { periods, keys, rows };
  }
}

export function trend(tasks: readonly AggTask[], dim: 'population' | 'project'): TrendSeries {
  const acc = new TrendAccumulator(dim);
  for (const t of tasks) acc.add(keyOf(t, 'period'), keyOf(t, dim), cappedCompletion(t));
  return acc.finish();
}
