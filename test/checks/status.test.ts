import { describe, expect, it } from 'vitest';
import { statusDetail, statusOf, meets, completionOf, type StatusInput } from '../../shared/checks/status';
import type { Comparator, Target } from '../../shared/model';

const day = (iso: string) => new Date(iso + 'T00:00:00Z');
const target = (value: number, extra: Partial<Target> = {}): Target => ({
  text: `不少于${value}场`,
  value,
  unit: '场',
  comparator: '>=',
  stretch: null,
  year: null,
  recurrence: null,
  ...extra,
});
const task = (over: Partial<StatusInput>): StatusInput => ({
  targets: [target(100)],
  actual: null,
  progressText: '',
  deadlineYear: null,
  recurrence: null,
  ...over,
});

describe('statusOf: 时间过半、任务过半 on an annual target', () => {
  // 2024 has 366 days: 1 Jan..1 Jul inclusive is 183 days, exactly half.
  it.each([
    ['exactly half elapsed, exactly half done', '2024-07-01', 50, '正常'],
    ['exactly half elapsed, a little under half done', '2024-07-01', 49.9, '滞后'],
    ['one day before half, 49.9 done', '2024-06-30', 49.9, '正常'],
    ['first day of the year, nothing done yet', '2024-01-01', 0, '滞后'],
    ['31 Dec, 99 of 100', '2024-12-31', 99, '滞后'],
    ['31 Dec, target reached', '2024-12-31', 100, '已完成'],
  ])('%s (%s, %d) → %s', (_n, asOf, actual, want) => {
    expect(statusOf(task({ recurrence: 'annual', actual, progressText: 'x' }), day(asOf))).toBe(want);
  });

  it('an annual target restarts on 1 Jan: not overdue', () => {
    expect(statusOf(task({ recurrence: 'annual', actual: 10, progressText: 'x' }), day('2025-01-01'))).toBe('正常');
  });

  it('elapsed share is exactly 0.5 on 2024-07-01', () => {
    expect(statusDetail(task({ recurrence: 'annual', actual: 50 }), day('2024-07-01')).elapsed).toBe(0.5);
  });
});

describe('statusOf: deadline-year targets', () => {
  const plan = { start: 2021, end: 2025 };
  it.each([
    ['deadline day, not met', '2025-12-31', 80, '滞后'],
    ['day after deadline, not met', '2026-01-01', 80, '逾期'],
    ['day after deadline, met', '2026-01-01', 100, '已完成'],
    ['just under half of 2021–2025 elapsed, half done', '2023-06-30', 50, '正常'],
    ['just under half of 2021–2025 elapsed, 49% done', '2023-06-30', 49, '滞后'],
    ['well into the plan, 20% done', '2024-06-30', 20, '滞后'],
  ])('%s (%s, actual %d) → %s', (_n, asOf, actual, want) => {
    expect(statusOf(task({ deadlineYear: 2025, actual, progressText: 'x' }), day(asOf), plan)).toBe(want);
  });

  it('without a plan period the task runs from the ledger year', () => {
    // 2023 alone: on 2023-06-30, 181/365 elapsed; 50% done is on track, 49% is behind.
    expect(statusOf(task({ deadlineYear: 2023, actual: 50 }), day('2023-06-30'), null, 2023)).toBe('正常');
    expect(statusOf(task({ deadlineYear: 2023, actual: 49 }), day('2023-06-30'), null, 2023)).toBe('滞后');
    // From the plan start 2021, a 2023 deadline has 2.5 of 3 years behind it: 80% done is behind, 84% on track.
    expect(statusOf(task({ deadlineYear: 2023, actual: 80 }), day('2023-06-30'), { start: 2021, end: 2025 })).toBe('滞后');
    expect(statusOf(task({ deadlineYear: 2023, actual: 84 }), day('2023-06-30'), { start: 2021, end: 2025 })).toBe('正常');
  });
});

describe('statusOf: comparators and reporting', () => {
  it.each<[Comparator, number, boolean]>([
    ['>=', 100, true],
    ['>=', 99.99, false],
    ['>', 100, false],
    ['>', 100.01, true],
    ['=', 100, true],
    ['<=', 100, true],
    ['<=', 100.5, false],
  ])('meets(actual, 100, %s) with actual %d → %s', (cmp, actual, want) => {
    expect(meets(actual, 100, cmp)).toBe(want);
  });

  it("comparator '>' with actual == target is not 已完成", () => {
    const t = task({ targets: [target(18, { comparator: '>', unit: '%' })], deadlineYear: 2025, actual: 18, progressText: '18%' });
    expect(statusOf(t, day('2024-06-30'), { start: 2021, end: 2025 })).not.toBe('已完成');
    expect(statusOf({ ...t, actual: 18.1 }, day('2024-06-30'), { start: 2021, end: 2025 })).toBe('已完成');
  });

  it.each([
    ['no target at all', task({ targets: [], actual: 5, progressText: '按计划推进' }), '无量化目标'],
    ['quantified, nothing reported', task({ deadlineYear: 2025 }), '未填报'],
    ['quantified, nothing reported, past deadline', task({ deadlineYear: 2022 }), '未填报'],
    ['quantified, progress in words only', task({ deadlineYear: 2025, progressText: '按计划推进' }), '正常'],
    ['progress in words only, past deadline', task({ deadlineYear: 2022, progressText: '按计划推进' }), '逾期'],
    ['no deadline and no plan: nothing to measure time by', task({ actual: 1, progressText: 'x' }), '正常'],
  ])('%s → %s', (_n, t, want) => {
    expect(statusOf(t, day('2023-06-30'))).toBe(want);
  });

  it.each([
    [50, target(100), 0.5],
    [3, target(0), 1],
    [4, target(5, { comparator: '<=' }), 1],
    [10, target(5, { comparator: '<=' }), 0.5],
    [null, target(5), null],
  ])('completion of %s against %o → %s', (actual, t, want) => {
    expect(completionOf(actual, t)).toBe(want);
  });
});
