// 完成时限 in words, read to the day (shared/targets/deadline-words.ts), and the
// window and 序时进度 a task gets from them (shared/progress/window.ts).
import { describe, expect, it } from 'vitest';
import { isoOfDay, readDeadline } from '../../shared/targets';
import { expectedShare, taskWindow } from '../../shared/progress';
import type { Target } from '../../shared/model';

const iso = (d: number | null) => (d === null ? null : isoOfDay(d));
const day = (s: string) => Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10))) / 86_400_000;

describe('readDeadline: the words clerks write, in a 2023 ledger', () => {
  it.each<[unknown, string, string | null, string | null, boolean]>([
    // [cell, kind, due, from, withinYear]
    ['2023年6月底前', 'date', '2023-06-30', null, true],
    ['2023年6月底', 'date', '2023-06-30', null, true],
    ['2023年12月', 'date', '2023-12-31', null, true],
    ['2023年6月30日前', 'date', '2023-06-30', null, true],
    ['2023.6.30', 'date', '2023-06-30', null, true],
    ['2023/06/30', 'date', '2023-06-30', null, true],
    ['2023-06', 'date', '2023-06-30', null, true],
    ['6月30日前', 'date', '2023-06-30', null, true],
    ['6月底前', 'date', '2023-06-30', null, true],
    ['六月底前', 'date', '2023-06-30', null, true],
    ['9月中旬', 'date', '2023-09-20', null, true],
    ['年底前', 'date', '2023-12-31', null, true],
    ['年内', 'date', '2023-12-31', null, true],
    ['今年年底前', 'date', '2023-12-31', null, true],
    ['全年', 'date', '2023-12-31', null, true],
    ['明年6月', 'date', '2024-06-30', null, true],
    ['上半年', 'date', '2023-06-30', '2023-01-01', true],
    ['下半年', 'date', '2023-12-31', '2023-07-01', true],
    ['2024年上半年', 'date', '2024-06-30', '2024-01-01', true],
    ['第三季度', 'date', '2023-09-30', '2023-07-01', true],
    ['三季度末', 'date', '2023-09-30', '2023-07-01', true],
    ['2023年Q2', 'date', '2023-06-30', '2023-04-01', true],
    ['前三季度', 'date', '2023-09-30', '2023-01-01', true],
    ['2023年3月至6月', 'date', '2023-06-30', '2023-03-01', true],
    ['2025年', 'date', '2025-12-31', null, false],
    ['2025年底', 'date', '2025-12-31', null, false],
    ['二〇二五年', 'date', '2025-12-31', null, false],
    [2025, 'date', '2025-12-31', null, false],
    ['2021—2025年', 'date', '2025-12-31', '2021-01-01', false],
    ['2021-2025年', 'date', '2025-12-31', '2021-01-01', false],
    ['2021年至2025年', 'date', '2025-12-31', '2021-01-01', false],
    ['十四五期间', 'date', '2025-12-31', '2021-01-01', false],
    ['“十四五”期末', 'date', '2025-12-31', null, false],
    [45107, 'date', '2023-06-30', null, true],
    [new Date(Date.UTC(2023, 8, 30)), 'date', '2023-09-30', null, true],
    ['2023年6月底前完成，并长期坚持', 'date', '2023-06-30', null, true],
    // recurring and open-ended
    ['每年', 'cycle', null, null, false],
    ['每季度', 'cycle', null, null, false],
    ['每月10日前', 'cycle', null, null, false],
    ['2022—2025年每年', 'cycle', '2025-12-31', '2022-01-01', false],
    ['长期', 'ongoing', null, null, false],
    ['长期坚持', 'ongoing', null, null, false],
    ['持续推进', 'ongoing', null, null, false],
    ['常态化开展', 'ongoing', null, null, false],
    ['2021-2025年持续推进', 'ongoing', null, '2021-01-01', false],
    ['2023年起', 'ongoing', null, '2023-01-01', false],
    // no time at all
    ['尽快', 'unreadable', null, null, false],
    ['待定', 'unreadable', null, null, false],
    ['2023年13月', 'unreadable', null, null, false],
    ['2月30日前', 'unreadable', null, null, false],
    [12, 'unreadable', null, null, false],
    ['', 'none', null, null, false],
    [null, 'none', null, null, false],
  ])('%j → %s due %s from %s', (cell, kind, due, from, withinYear) => {
    const d = readDeadline(cell, { year: 2023 });
    expect(d.kind).toBe(kind);
    expect(iso(d.due)).toBe(due);
    expect(iso(d.from)).toBe(from);
    if (kind === 'date') expect(d.withinYear).toBe(withinYear);
  });

  it.each([
    ['每年', 'year', null],
    ['每年6月底前', 'year', { month: 6, day: null }],
    ['年度内每季度', 'quarter', null],
    ['每季度', 'quarter', null],
    ['每半年', 'half', null],
    ['每月', 'month', null],
    ['每月10日前', 'month', { month: null, day: 10 }],
  ])('%s recurs by %s, due %j inside each cycle', (cell, cycle, point) => {
    const d = readDeadline(cell, { year: 2023 });
    expect(d.cycle).toBe(cycle);
    expect(d.cycleDue).toEqual(point);
  });

  it('words without a year stay unresolved when no year is given', () => {
    expect(readDeadline('年底前').kind).toBe('unreadable');
    expect(readDeadline('6月底前').due).toBeNull();
  });

  it('keeps the cell as written for evidence', () => {
    expect(readDeadline(' 2023年6月底前 ', { year: 2023 }).text).toBe('2023年6月底前');
  });
});

describe('taskWindow and 序时进度', () => {
  const ctx = { plan: { start: 2021, end: 2025 }, ledgerYear: 2023 };
  const annual: Target = { text: '每年不少于50场', value: 50, unit: '场', comparator: '>=', stretch: null, year: null, recurrence: 'annual' };
  const by2025: Target = { ...annual, text: '到2025年建成5所', value: 5, unit: '所', year: 2025, recurrence: null };
  const win = (cell: unknown, asOf: string, targets: Target[] = []) => {
    const w = taskWindow(readDeadline(cell, { year: 2023 }), targets, day(asOf), ctx);
    return w && { start: isoOfDay(w.start), due: isoOfDay(w.due), expected: expectedShare(w, day(asOf)) };
  };

  it.each<[unknown, string, Target[], string, string]>([
    // a dated deadline inside the year runs from 1 January of that year
    ['2023年6月底前', '2023-03-31', [], '2023-01-01', '2023-06-30'],
    ['6月底前', '2023-03-31', [], '2023-01-01', '2023-06-30'],
    // the words name their own window
    ['下半年', '2023-06-30', [], '2023-07-01', '2023-12-31'],
    ['第三季度', '2023-08-15', [], '2023-07-01', '2023-09-30'],
    ['2021—2025年', '2023-06-30', [], '2021-01-01', '2025-12-31'],
    // a year-only deadline is a multi-year target: from the plan's first year
    ['2025年', '2023-06-30', [], '2021-01-01', '2025-12-31'],
    // recurring: the cycle that holds the date
    ['每年', '2023-06-30', [], '2023-01-01', '2023-12-31'],
    ['每季度', '2023-08-15', [], '2023-07-01', '2023-09-30'],
    ['每月10日前', '2023-08-15', [], '2023-08-01', '2023-08-10'],
    ['每年6月底前', '2023-03-01', [], '2023-01-01', '2023-06-30'],
    ['2022—2025年每年', '2026-03-01', [], '2025-01-01', '2025-12-31'],
    // an annual target is measured over the current year, bounded by a dated deadline
    ['2025年', '2024-06-30', [annual], '2024-01-01', '2024-12-31'],
    ['长期坚持', '2024-06-30', [annual], '2024-01-01', '2024-12-31'],
    ['2023年3月底前', '2023-06-30', [annual], '2023-01-01', '2023-03-31'], // a dated deadline is the window
    // no deadline words: the target's year, else the plan's end
    ['', '2023-06-30', [by2025], '2021-01-01', '2025-12-31'],
    ['', '2023-06-30', [], '2021-01-01', '2025-12-31'],
  ])('%j as of %s → %s … %s', (cell, asOf, targets, start, due) => {
    expect(win(cell, asOf, targets)).toMatchObject({ start, due });
  });

  it.each(['长期坚持', '持续推进', '常态化'])('%s has no window: never overdue', (cell) => {
    expect(win(cell, '2030-01-01')).toBeNull();
  });

  it('without a plan or deadline there is nothing to date a task by', () => {
    expect(taskWindow(readDeadline(''), [], day('2023-06-30'), { plan: null, ledgerYear: 2023 })).toBeNull();
  });

  it.each([
    ['2023-01-01', '2023-12-31', '2023-06-30', 181 / 365], // the end of the as-of day counts
    ['2024-01-01', '2024-12-31', '2024-07-01', 0.5], // 183 of 366 days: exactly half
    ['2023-07-01', '2023-12-31', '2023-06-30', 0], // not begun
    ['2023-01-01', '2023-06-30', '2023-06-30', 1], // due today: the whole period has elapsed
    ['2023-01-01', '2023-06-30', '2023-09-30', 1], // past due
  ])('window %s…%s on %s → %d', (start, due, asOf, want) => {
    expect(expectedShare({ start: day(start), due: day(due) }, day(asOf))).toBe(want);
  });
});
