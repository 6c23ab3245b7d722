// 完成时限 cells at year precision: 2025年 / 2025年底 / 2023年6月30日 / 2021-2025年 /
// 每年 / 长期 / 持续推进 / 十四五期末 / a numeric year / an Excel date serial / a Date.
// The words are read once, to the day, by deadline-words.ts; this is the year
// view of them that targets, plans and the 截止年份 column use.
import { readDeadline } from './deadline-words';

export interface Deadline {
  year: number | null;
  recurrence: 'annual' | null;
  /** 长期 / 持续推进 / 常态化: no end date by design (not a missing deadline). */
  ongoing?: boolean;
}

export interface ParseDeadlineOptions {
  /** Year that 年底 / 今年 / 上半年 refer to (the ledger's reporting year). */
  year?: number;
}

/** Deadline of a task from its 完成时限 cell. Never throws; unknown text gives nulls. */
export function parseDeadline(value: unknown, opts?: ParseDeadlineOptions): Deadline {
  const w = readDeadline(value, { year: opts?.year });
  const out: Deadline = { year: w.year, recurrence: w.annual ? 'annual' : null };
  if (w.kind === 'ongoing') out.ongoing = true;
  return out;
}
