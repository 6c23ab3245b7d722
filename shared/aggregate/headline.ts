// The headline indicator (公民具备科学素质的比例) per jurisdiction. Ledgers carry
// it as a task row: goal in the target (超过18%), the measured value in 完成值,
// the baseline in 备注 (基线：2020年 8.8%). The latest period of each
// jurisdiction wins. Against its goal: reached under the target's own
// comparator (超过18% is reached above 18, not at it), and the gap in points.
import type { Comparator, Target } from '../model';
import { meets } from '../progress/figures';
import { periodOrder } from './period';
import type { AggTask } from './types';
import { NONE } from './types';
import { zhCompare } from './collate';

export interface HeadlineTask extends AggTask {
  content: string;
  note: string;
  targets: readonly Target[];
  actual: number | null;
  deadlineYear: number | null;
}

export interface Headline {
  jurisdiction: string;
  period: string | null;
  /** Percent values (18 means 18%). */
  goal: number | null;
  /** How the goal reads: 超过 (>), 不低于 (>=) … */
  comparator: Comparator | null;
  goalYear: number | null;
  current: number | null;
  baseline: number | null;
  baselineYear: number | null;
  /** The current value meets the goal (null without both). */
  reached: boolean | null;
  /** goal − current, in percentage points (negative: above the goal); null without both. */
  gap: number | null;
}

const INDICATOR = /具备(基本)?科学素质的?比例/;
const BASELINE = /基线[^0-9]*?(?:(\d{4})\s*年)?[^0-9]*?(\d+(?:\.\d+)?)\s*%/;

export function isHeadlineTask(t: HeadlineTask): boolean {
  return INDICATOR.test(t.title) || (INDICATOR.test(t.content) && t.targets.some((x) => x.unit === '%'));
}

export function headlines(tasks: readonly HeadlineTask[]): Headline[] {
  const best = new Map<string, HeadlineTask>();
  for (const t of tasks) {
    if (!isHeadlineTask(t)) continue;
    const j = t.meta.jurisdiction ?? NONE;
    const cur = best.get(j);
    if (!cur || periodOrder(t.meta.period, t.meta.asOf) > periodOrder(cur.meta.period, cur.meta.asOf)) best.set(j, t);
  }
  return [...best.entries()]
    .sort(([a], [b]) => zhCompare(a, b))
    .map(([jurisdiction, t]) => {
      const goal = t.targets.find((x) => x.unit === '%') ?? null;
      const b = BASELINE.exec(t.note);
      const current = t.actual;
      const both = goal !== null && current !== null;
      return {
        jurisdiction,
        period: t.meta.period,
        goal: goal ? goal.value : null,
        comparator: goal ? goal.comparator : null,
        goalYear: goal ? goal.year ?? t.deadlineYear ?? null : null,
        current,
        baseline: b ? Number(b[2]) : null,
        baselineYear: b && b[1] ? Number(b[1]) : null,
        reached: both ? meets(current, goal.value, goal.comparator) : null,
        // rounded to what the ledgers write (one or two decimals), not 1.6999999999999993
        gap: both ? Math.round((goal.value - current) * 1000) / 1000 : null,
      };
    });
}
