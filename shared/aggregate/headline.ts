// The headline indicator (公民具备科学素质的比例) per jurisdiction. Ledgers carry
// it as a task row: goal in the target (超过18%), the measured value in 完成值,
// the baseline in 备注 (基线：2020年 8.8%). The latest period of each
// jurisdiction wins.
import type { Target } from '../model';
import { periodSortKey } from './period';
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
  goalYear: number | null;
  current: number | null;
  baseline: number | null;
  baselineYear: number | null;
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
    if (!cur || periodSortKey(t.meta.period) > periodSortKey(cur.meta.period)) best.set(j, t);
  }
  return [...best.entries()]
    .sort(([a], [b]) => zhCompare(a, b))
    .map(([jurisdiction, t]) => {
      const goal = t.targets.find((x) => x.unit === '%') ?? null;
      const b = BASELINE.exec(t.note);
      return {
        jurisdiction,
        period: t.meta.period,
        goal: goal ? goal.value : null,
        goalYear: goal ? goal.year ?? t.deadlineYear ?? null : null,
        current: t.actual,
        baseline: b ? Number(b[2]) : null,
        baselineYear: b && b[1] ? Number(b[1]) : null,
      };
    });
}
