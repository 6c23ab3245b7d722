// Quantitative targets (量化目标) and deadlines (完成时限), docs/domain.md §5.
export { parseNumber, parseChineseNumeral, normaliseWidth } from './number';
export { parseTargets } from './parse';
export type { ParseTargetsOptions } from './parse';
export { parseDeadline } from './deadline';
export type { Deadline, ParseDeadlineOptions } from './deadline';
export { readDeadline, dayOf, monthEnd, isoOfDay, yearOfDay } from './deadline-words';
export type { DeadlineWords, Cycle, ReadDeadlineOptions } from './deadline-words';
