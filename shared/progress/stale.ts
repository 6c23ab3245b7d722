// Progress copied from the previous period (进展未更新): docs/domain.md §8, "a classic
// sign of a unit that did not report, unless the task is already done".
//
// Tasks are matched across the two periods with the merge's own identity
// rules (shared/merge/identity.ts: same 序号 and task start, or same task text
// and leads), and their progress texts compared with width, spaces,
// punctuation and case folded away. A current task that is not done and whose
// text equals the previous period's is stale.
import type { LedgerMeta, Task } from '../model';
import { IdentityCache, taskIdentity, type IdentityTask } from '../merge/identity';
import { normText } from '../merge/normalize';
import { periodOrder } from '../aggregate/period';

/** What the comparison reads of a task. */
export type StaleTask = IdentityTask & Pick<Task, 'progressText' | 'status' | 'sheet' | 'row'>;

export interface StaleMatch<T extends StaleTask = StaleTask> {
  /** The current period's task. */
  task: T;
  /** The same task in the previous period. */
  previous: T;
  /** The repeated progress text, as the current ledger has it. */
  text: string;
}

/**
 * The previous period's tasks by identity key, to look current tasks up one
 * at a time. A caller that holds each task's keys already (the dashboard
 * matches every task of every period) passes them instead of having them
 * worked out again.
 */
export class StaleIndex<P extends StaleTask = StaleTask> {
  private readonly byKey = new Map<string, P>();
  private readonly ids = new IdentityCache();
  /** keysOf(p, i): the keys of previous[i]; by default worked out here. */
  constructor(previous: readonly P[], keysOf?: (p: P, i: number) => readonly string[]) {
    previous.forEach((p, i) => {
      if (!p.progressText.trim()) return;
      for (const key of keysOf ? keysOf(p, i) : this.keysOf(p)) if (!this.byKey.has(key)) this.byKey.set(key, p);
    });
  }

  /** The previous task whose progress text `task` repeats, or null (also for a done task or an empty text). */
  match(task: StaleTask, keys?: readonly string[]): P | null {
    if (task.status === '已完成' || !this.byKey.size) return null;
    const text = normText(task.progressText);
    if (!text) return null;
    for (const key of keys ?? this.keysOf(task)) {
      const p = this.byKey.get(key);
      // the first rule that pairs the task decides, as in the merge
      if (p) return normText(p.progressText) === text ? p : null;
    }
    return null;
  }

  /** A task's identity keys, the first rule's first (shared/merge/identity.ts). */
  private keysOf(t: IdentityTask): string[] {
    return taskIdentity(t, this.ids).map((k) => k.key);
  }
}

/**
 * The current tasks whose progress text repeats the previous period's, in
 * the order of `current`. Done tasks, and tasks with no progress text, never are.
 */
export function findStaleProgress<T extends StaleTask>(current: readonly T[], previous: readonly T[]): StaleMatch<T>[] {
  if (!current.length || !previous.length) return [];
  const index = new StaleIndex(previous);
  const out: StaleMatch<T>[] = [];
  for (const t of current) {
    const p = index.match(t);
    if (p) out.push({ task: t, previous: p, text: t.progressText });
  }
  return out;
}

/** One reporting period of one jurisdiction: the indexes of its files. */
export interface PeriodGroup {
  jurisdiction: string | null;
  period: string | null;
  files: number[];
}

/**
 * Which files report the period just before which, per jurisdiction: for the
 * files of a merge (their metas, index-aligned), each period that has an
 * earlier one, with the files of both. A file that names no jurisdiction
 * takes the batch's only one; a file with neither period nor 截至日期 is left out.
 */
export function periodPairs(metas: readonly LedgerMeta[]): { current: PeriodGroup; previous: PeriodGroup }[] {
  const named = new Set(metas.map((m) => normText(m.jurisdiction)).filter(Boolean));
  const only = named.size === 1 ? metas.find((m) => m.jurisdiction)!.jurisdiction : null;
  const groups = new Map<string, Map<string, PeriodGroup & { order: number; asOf: string }>>();
  metas.forEach((m, i) => {
    const juris = m.jurisdiction || only;
    const periodKey = normText(m.period) || m.asOf || '';
    if (!periodKey) return;
    const jk = normText(juris) || '?';
    let byPeriod = groups.get(jk);
    if (!byPeriod) groups.set(jk, (byPeriod = new Map()));
    let g = byPeriod.get(periodKey);
    if (!g) byPeriod.set(periodKey, (g = { jurisdiction: juris, period: m.period, files: [], order: periodOrder(m.period, m.asOf), asOf: m.asOf ?? '' }));
    g.files.push(i);
  });
  const pairs: { current: PeriodGroup; previous: PeriodGroup }[] = [];
  for (const byPeriod of groups.values()) {
    const sorted = [...byPeriod.values()].sort((a, b) => a.order - b.order || (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0));
    for (let i = 1; i < sorted.length; i++) {
      const strip = ({ jurisdiction, period, files }: PeriodGroup): PeriodGroup => ({ jurisdiction, period, files });
      pairs.push({ current: strip(sorted[i]!), previous: strip(sorted[i - 1]!) });
    }
  }
  return pairs;
}

