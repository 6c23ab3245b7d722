// A reported 完成值 against the primary target (docs/domain.md §5): met or not, and
// the share reached.
import type { Comparator, Target } from '../model';

/** Whether `actual` meets `value` under the comparator (= counts as met when reached). */
export function meets(actual: number, value: number, cmp: Comparator): boolean {
  switch (cmp) {
    case '>':
      return actual > value;
    case '<=':
      return actual <= value;
    default:
      return actual >= value;
  }
}

/** actual / target for ≥ targets; for ≤ targets 1 while within the limit. */
export function completionOf(actual: number | null, t: Target | undefined): number | null {
  if (actual === null || !t) return null;
  if (t.comparator === '<=') return actual <= t.value ? 1 : actual === 0 ? 0 : t.value / actual;
  if (t.value === 0) return actual > 0 || t.comparator !== '>' ? 1 : 0;
  return actual / t.value;
}
