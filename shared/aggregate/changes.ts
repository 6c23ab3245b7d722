// What changed since the previous period, per jurisdiction (docs/leaders.md):
// each task of a period is matched with the same task of its jurisdiction's
// period before (timeline.ts), by the merge's identity rules
// (shared/merge/identity.ts: same 序号 and task start, else same task text and
// leads; the first rule that pairs decides). Then, for matched tasks only:
//   done       已完成 now, not done before
//   red        红 now, not red before
//   still-red  红 in both periods
// and stale (进展未更新): the core's own progress.stale test (StaleIndex,
// shared/progress/stale.ts), so the dashboard counts what `kesu merge` reports.
// A task the previous period does not have is compared with nothing.
import { IdentityCache, taskIdentity } from '../merge/identity';
import { StaleIndex } from '../progress/stale';
import { periodTimeline } from './timeline';
import type { PeriodStep, Timeline } from './timeline';
import type { AggTask, ChangeKind } from './types';
import { CHANGE_KINDS } from './types';

/** The bit of each change kind in PeriodChanges.flags. */
export const CHANGE_BIT: Readonly<Record<ChangeKind, number>> = Object.freeze(Object.fromEntries(CHANGE_KINDS.map((k, i) => [k, 1 << i])) as Record<ChangeKind, number>);

export interface PeriodChanges {
  timeline: Timeline;
  /** Per task: CHANGE_BIT of each change that applies, or'd. */
  flags: Uint8Array;
  /** Per task: the index of the same task in its jurisdiction's previous period; -1 when none. */
  previous: Int32Array;
}

/**
 * Every task against its jurisdiction's previous period (all periods, not
 * only the latest). Each task's identity keys are worked out once (or given:
 * keysOf, e.g. the keys the dashboard's workers computed while reading).
 */
export function periodChanges<T extends AggTask>(tasks: readonly T[], timeline: Timeline = periodTimeline(tasks), keysOf?: (i: number) => readonly string[]): PeriodChanges {
  const ids = new IdentityCache();
  const keysFor = keysOf ?? ((i: number) => taskIdentity(tasks[i]!, ids).map((k) => k.key));
  const n = tasks.length;
  const flags = new Uint8Array(n);
  const previous = new Int32Array(n).fill(-1);
  const byStep: number[][] = timeline.steps.map(() => []);
  for (let i = 0; i < n; i++) byStep[timeline.stepOf[i]!]!.push(i);
  const keys: (readonly string[] | undefined)[] = new Array(n);
  const keysAt = (i: number): readonly string[] => (keys[i] ??= keysFor(i));
  timeline.steps.forEach((step: PeriodStep, s) => {
    if (step.prev < 0) return;
    const before = byStep[step.prev]!;
    const index = new Map<string, number>();
    for (const p of before) for (const key of keysAt(p)) if (!index.has(key)) index.set(key, p);
    const stale = new StaleIndex(before.map((p) => tasks[p]!), (_, k) => keysAt(before[k]!));
    for (const i of byStep[s]!) {
      const t = tasks[i]!;
      const own = keysAt(i);
      let p = -1;
      for (const key of own) {
        const at = index.get(key);
        if (at !== undefined) {
          p = at;
          break;
        }
      }
      if (p < 0) continue;
      previous[i] = p;
      const was = tasks[p]!;
      let f = 0;
      if (t.status === '已完成' && was.status !== '已完成') f |= CHANGE_BIT.done;
      if (t.light === '红') f |= was.light === '红' ? CHANGE_BIT['still-red'] : CHANGE_BIT.red;
      // StaleIndex answers null at once for a done task or an empty text
      if (stale.match(t, own)) f |= CHANGE_BIT.stale;
      flags[i] = f;
    }
  });
  return { timeline, flags, previous };
}

/** The change kinds of one task's flags, in CHANGE_KINDS order. */
export function changeKinds(flags: number): ChangeKind[] {
  return CHANGE_KINDS.filter((k) => flags & CHANGE_BIT[k]);
}
