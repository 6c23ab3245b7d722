// Per lead unit: tasks led, completed, behind (滞后), overdue (逾期), unreported.
// A task with two leads counts for both: each is answerable for it.
import type { Status } from '../model';
import type { AggTask, UnitSummary } from './types';
import { zhCompare } from './collate';

export type UnitSortKey = 'unit' | 'led' | 'completed' | 'behind' | 'overdue' | 'unreported';

export class UnitAccumulator {
  private readonly acc = new Map<string, UnitSummary>();

  add(t: AggTask): void {
    const leads = t.leads;
    for (let i = 0; i < leads.length; i++) {
      const unit = (leads[i]!.name ?? leads[i]!.input).trim();
      if (!unit || seenBefore(leads, i, unit)) continue;
      let u = this.acc.get(unit);
      if (!u) this.acc.set(unit, (u = { unit, led: 0, completed: 0, behind: 0, overdue: 0, unreported: 0 }));
      u.led++;
      bump(u, t.status);
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

/** The same unit named twice among one task's leads counts once. */
function seenBefore(leads: AggTask['leads'], i: number, unit: string): boolean {
  for (let j = 0; j < i; j++) if ((leads[j]!.name ?? leads[j]!.input).trim() === unit) return true;
  return false;
}

function bump(u: UnitSummary, s: Status): void {
  if (s === '已完成') u.completed++;
  else if (s === '滞后') u.behind++;
  else if (s === '逾期') u.overdue++;
  else if (s === '未填报') u.unreported++;
}

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
