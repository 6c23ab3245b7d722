// Per lead unit: tasks led, completed, behind (滞后), overdue (逾期), unreported.
// A task with two leads counts for both: each is answerable for it.
import type { Status } from '../model';
import type { AggTask, UnitSummary } from './types';
import { zhCompare } from './collate';
import { unitKeys } from './keys';

export type UnitSortKey = 'unit' | 'led' | 'completed' | 'behind' | 'overdue' | 'unreported';

export class UnitAccumulator {
  private readonly acc = new Map<string, UnitSummary>();

  add(t: AggTask): void {
    const count = UNIT_COUNT_OF[t.status];
    for (const unit of unitKeys(t)) {
      let u = this.acc.get(unit);
      if (!u) this.acc.set(unit, (u = { unit, led: 0, completed: 0, behind: 0, overdue: 0, unreported: 0 }));
      u.led++;
      if (count) u[count]++;
    }
  }

  /** A unit's counts added at once. */
  addTotals(row: UnitSummary): void {
    const u = this.acc.get(row.unit);
    if (!u) this.acc.set(row.unit, { ...row });
    else {
      u.led += row.led;
      u.completed += row.completed;
      u.behind += row.behind;
      u.overdue += row.overdue;
      u.unreported += row.unreported;
    }
  }

  finish(): UnitSummary[] {
    return sortUnits([...this.acc.values()], 'led', 'desc');
  }
}

/** The counts of a unit's row beside 牵头任务, and which status adds to each. */
export const UNIT_COUNTS = ['completed', 'behind', 'overdue', 'unreported'] as const;
export const UNIT_COUNT_OF: Partial<Record<Status, (typeof UNIT_COUNTS)[number]>> = { 已完成: 'completed', 滞后: 'behind', 逾期: 'overdue', 未填报: 'unreported' };

export function byUnit(tasks: readonly AggTask[]): UnitSummary[] {
  const acc = new UnitAccumulator();
  for (const t of tasks) acc.add(t);
  return acc.finish();
}

/** Sorted copy; ties broken by overdue, behind, then name, so the order is stable. */
export function sortUnits(rows: readonly UnitSummary[], key: UnitSortKey, dir: 'asc' | 'desc'): UnitSummary[] {
  const sign = dir === 'asc' ? 1 : -1;
  return rows.slice().sort((a, b) => {
    const primary = key === 'unit' ? zhCompare(a.unit, b.unit) : a[key] - b[key];
    if (primary) return sign * primary;
    return b.overdue - a.overdue || b.behind - a.behind || zhCompare(a.unit, b.unit);
  });
}
