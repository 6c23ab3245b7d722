// The per-unit scorecard: tasks led, done, behind (滞后), overdue (逾期), not
// reported, the three lights, and progress not updated (进展未更新, stale).
// A task with two leads counts for both: each is answerable for it.
import type { Light, Status } from '../model';
import type { AggTask, UnitSummary } from './types';
import { zhCompare } from './collate';
import { unitKeys } from './keys';

export type UnitSortKey = Exclude<keyof UnitSummary, never>;

/** The counts of a unit's row beside 牵头任务, and which status or light adds to each. */
export const UNIT_COUNTS = ['completed', 'behind', 'overdue', 'unreported', 'green', 'yellow', 'red', 'stale'] as const;
export type UnitCount = (typeof UNIT_COUNTS)[number];
export const UNIT_COUNT_OF: Partial<Record<Status, UnitCount>> = { 已完成: 'completed', 滞后: 'behind', 逾期: 'overdue', 未填报: 'unreported' };
export const UNIT_LIGHT_OF: Record<Light, UnitCount> = { 绿: 'green', 黄: 'yellow', 红: 'red' };

export function emptyUnit(unit: string): UnitSummary {
  return { unit, led: 0, completed: 0, behind: 0, overdue: 0, unreported: 0, green: 0, yellow: 0, red: 0, stale: 0 };
}

export class UnitAccumulator {
  private readonly acc = new Map<string, UnitSummary>();

  /** One task; stale: its progress text repeats the previous period's (changes.ts). */
  add(t: AggTask, stale: boolean): void {
    const count = UNIT_COUNT_OF[t.status];
    const light = UNIT_LIGHT_OF[t.light];
    for (const unit of unitKeys(t)) {
      let u = this.acc.get(unit);
      if (!u) this.acc.set(unit, (u = emptyUnit(unit)));
      u.led++;
      if (count) u[count]++;
      u[light]++;
      if (stale) u.stale++;
    }
  }

  /** A unit's counts added at once. */
  addTotals(row: UnitSummary): void {
    const u = this.acc.get(row.unit);
    if (!u) return void this.acc.set(row.unit, { ...row });
    u.led += row.led;
    for (const k of UNIT_COUNTS) u[k] += row[k];
  }

  finish(): UnitSummary[] {
    return sortUnits([...this.acc.values()], 'led', 'desc');
  }
}

/** The scorecard of the tasks; stale(i) says whether tasks[i]'s progress was not updated. */
export function byUnit(tasks: readonly AggTask[], stale: (i: number) => boolean = () => false): UnitSummary[] {
  const acc = new UnitAccumulator();
  tasks.forEach((t, i) => acc.add(t, stale(i)));
  return acc.finish();
}

/** Sorted copy; ties broken by red, overdue, behind, then name, so the order is stable. */
export function sortUnits(rows: readonly UnitSummary[], key: UnitSortKey, dir: 'asc' | 'desc'): UnitSummary[] {
  const sign = dir === 'asc' ? 1 : -1;
  return rows.slice().sort((a, b) => {
    const primary = key === 'unit' ? zhCompare(a.unit, b.unit) : a[key] - b[key];
    if (primary) return sign * primary;
    return b.red - a.red || b.overdue - a.overdue || b.behind - a.behind || zhCompare(a.unit, b.unit);
  });
}
