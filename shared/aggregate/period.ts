// Reporting periods as officials write them (2023Q1, 2023年第一季度, 2023年上半年,
// 2023年) sorted in time. The sort key is year * 100 + the closing month of the
// period, so 2023Q2 and 2023年上半年 (both end in June) sit together.
import { zhCompare } from './collate';

const QUARTER_WORDS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

export function periodSortKey(period: string | null): number {
  if (!period) return Number.MAX_SAFE_INTEGER;
  const p = period.replace(/\s+/g, '');
  const year = p.match(/(\d{4})/);
  if (!year) return Number.MAX_SAFE_INTEGER - 1;
  const y = Number(year[1]) * 100;
  const q = p.match(/[Qq]([1-4])/) ?? p.match(/第([一二三四1-4])季度/);
  if (q) return y + QUARTER_WORDS[q[1]] * 3;
  if (/上半年/.test(p)) return y + 6;
  if (/下半年/.test(p)) return y + 12;
  const m = p.match(/(\d{1,2})月/);
  if (m) return y + Number(m[1]);
  return y + 12;
}

export function comparePeriods(a: string, b: string): number {
  return periodSortKey(a) - periodSortKey(b) || zhCompare(a, b);
}

/**
 * A reporting period's place in time: its label (2023年上半年 → 202306), else
 * the month of its 截至日期; Number.MAX_SAFE_INTEGER - 1 when neither places it.
 */
export function periodOrder(period: string | null, asOf: string | null | undefined): number {
  const byLabel = periodSortKey(period);
  if (byLabel < UNPLACED) return byLabel;
  const d = /^(\d{4})-(\d{2})/.exec(asOf ?? '');
  return d ? Number(d[1]) * 100 + Number(d[2]) : UNPLACED;
}

/** periodOrder of a period that neither its label nor a date places. */
export const UNPLACED = Number.MAX_SAFE_INTEGER - 1;
