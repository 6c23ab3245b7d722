// Per lead unit: tasks led, completed, behind (滞后), overdue (逾期), unreported.
// A task with two leads counts for both: each is answerable for it.
import { unitKeys } from './keys';
import type { AggTask, UnitSummary } from './types';

export type UnitSortKey = 'unit' | 'led' | 'completed' | 'behind' | 'overdue' | 'unreported';

export function byUnit(tasks: readonly AggTask[]): UnitSummary[] {
  const acc = new Map<string, UnitSummary>();
  for (const t of tasks) {
    for (const unit of unitKeys(t)) {
      let u = acc.get(unit);
      if (!u) acc.set(unit, (u = { unit, led: 0, completed: 0, behind: 0, overdue: 0, unreported: 0 }));
      u.led++;
      if (t.status === '已完成') u.completed++;
      else if (t.status === '滞后') u.behind++;
      else if (t.status === '逾期') u.overdue++;
      else if (t.status === '未填报') u.unreported++;
    }
  }
  return sortUnits([...acc.values()], 'led', 'desc');
}

/** Sorted copy; ties broken by overdue, behind, then name, so the order is stable. */
export function sortUnits(rows: readonly UnitSummary[], key: UnitSortKey, dir: 'asc' | 'desc'): UnitSummary[] {
  const sign = dir === 'asc' ? 1 : -1;
  return rows.slice().sort((a, b) => {
    const primary = key === 'unit' ? a.unit.localeCompare(b.unit, 'zh-CN') : a[key] - b[key];
    if (primary) return sign * primary;
    return b.overdue - a.overdue || b.behind - a.behind || a.unit.localeCompare(b.unit, 'zh-CN');
  });
}
