// The reporting periods of each jurisdiction in time order: which period is a
// jurisdiction's latest (the dashboard's default view) and which comes just
// before each (what changed, changes.ts). Periods are the display keys of the
// filters (keys.ts), placed in time by their label, else by 截至日期
// (periodOrder, the order #11's periodPairs uses for stale progress).
import { zhCompare } from './collate';
import { keyOf } from './keys';
import { periodOrder, UNPLACED } from './period';
import type { AggTask } from './types';

/** One reporting period of one jurisdiction. */
export interface PeriodStep {
  jurisdiction: string;
  period: string;
  /** The jurisdiction's period just before this one; null for its first. */
  previous: string | null;
  /** Index in Timeline.steps of the previous period; -1 for none. */
  prev: number;
  /** This is the jurisdiction's latest period. */
  latest: boolean;
  /** The latest 截至日期 of its tasks (ISO), or null. */
  asOf: string | null;
  /** Its tasks in the list given. */
  tasks: number;
}

export interface Timeline {
  /** By jurisdiction (Chinese order), each jurisdiction's periods oldest first. */
  steps: PeriodStep[];
  /** Per task (index in the list given): its step in steps. */
  stepOf: Uint32Array;
}

interface Draft {
  jurisdiction: string;
  period: string;
  order: number;
  asOf: string;
  tasks: number;
}

/**
 * Which period of which jurisdiction each task belongs to, and those periods
 * in time order. A period neither its label nor a date places in time
 * (NONE, 第二批) comes before those that are placed: it is a jurisdiction's
 * latest only when it has no other. Two periods that end together (2023Q2
 * and 2023年上半年) are ordered by 截至日期, then by name.
 */
export function periodTimeline(tasks: readonly AggTask[]): Timeline {
  const n = tasks.length;
  const draftOf = new Map<string, number>();
  const drafts: Draft[] = [];
  const draftOfTask = new Uint32Array(n);
  // A file's tasks share one meta object: look its step up once per object.
  let lastMeta: AggTask['meta'] | null = null;
  let lastDraft = 0;
  for (let i = 0; i < n; i++) {
    const t = tasks[i]!;
    if (t.meta !== lastMeta) {
      lastMeta = t.meta;
      const jurisdiction = keyOf(t, 'jurisdiction');
      const period = keyOf(t, 'period');
      const key = jurisdiction + '\u0000' + period;
      let d = draftOf.get(key);
      if (d === undefined) {
        draftOf.set(key, (d = drafts.length));
        drafts.push({ jurisdiction, period, order: periodOrder(t.meta.period, t.meta.asOf), asOf: '', tasks: 0 });
      }
      const draft = drafts[d]!;
      const asOf = t.meta.asOf ?? '';
      if (asOf > draft.asOf) draft.asOf = asOf;
      // the label places every file of a period alike; a date places only its own file
      if (draft.order === UNPLACED) draft.order = periodOrder(t.meta.period, t.meta.asOf);
      lastDraft = d;
    }
    draftOfTask[i] = lastDraft;
    drafts[lastDraft]!.tasks++;
  }
  const sorted = drafts
    .map((d, i) => ({ d, i }))
    .sort(
      ({ d: a }, { d: b }) =>
        zhCompare(a.jurisdiction, b.jurisdiction) || unplacedFirst(a.order) - unplacedFirst(b.order) || (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0) || zhCompare(a.period, b.period),
    );
  const stepOfDraft = new Uint32Array(drafts.length);
  const steps: PeriodStep[] = sorted.map(({ d, i }, k) => {
    stepOfDraft[i] = k;
    const before = k > 0 && sorted[k - 1]!.d.jurisdiction === d.jurisdiction ? k - 1 : -1;
    const last = k === sorted.length - 1 || sorted[k + 1]!.d.jurisdiction !== d.jurisdiction;
    return { jurisdiction: d.jurisdiction, period: d.period, previous: before >= 0 ? sorted[before]!.d.period : null, prev: before, latest: last, asOf: d.asOf || null, tasks: d.tasks };
  });
  const stepOf = new Uint32Array(n);
  for (let i = 0; i < n; i++) stepOf[i] = stepOfDraft[draftOfTask[i]!]!;
  return { steps, stepOf };
}

/** Unplaced periods sort before every placed one. */
const unplacedFirst = (order: number): number => (order >= UNPLACED ? -1 : order);

/** Each jurisdiction's latest period (the dashboard's default view), by jurisdiction. */
export function latestPeriods(tasks: readonly AggTask[]): { jurisdiction: string; period: string; previous: string | null; asOf: string | null }[] {
  return periodTimeline(tasks)
    .steps.filter((s) => s.latest)
    .map(({ jurisdiction, period, previous, asOf }) => ({ jurisdiction, period, previous, asOf }));
}
