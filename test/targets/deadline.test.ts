import { describe, expect, it } from 'vitest';
import { parseDeadline } from '../../shared/targets';

describe('parseDeadline', () => {
  it.each<[unknown, number | null, 'annual' | null]>([
    ['2025年', 2025, null],
    ['2025年底', 2025, null],
    ['2025年底前', 2025, null],
    ['2025年12月', 2025, null],
    ['2023年6月30日', 2023, null],
    ['2023年6月30日前', 2023, null],
    ['２０２４年', 2024, null],
    ['2023.6.30', 2023, null],
    ['2023/06/30', 2023, null],
    ['2023-06-30', 2023, null],
    ['2021-2025年', 2025, null],
    ['2021—2025年', 2025, null],
    ['2022─2025年每年', 2025, 'annual'],
    ['每年', null, 'annual'],
    ['每年12月底前', null, 'annual'],
    ['年度内每季度', null, 'annual'],
    ['十四五期末', 2025, null],
    ['“十四五”末', 2025, null],
    ['十三五末', 2020, null],
    ['“十四五”期间', 2025, null],
    ['二〇二五年', 2025, null],
    ['2025', 2025, null],
    [2025, 2025, null],
    [2023.0, 2023, null],
    // Excel serial numbers: 45658 is 2025-01-01, 45107 is 2023-06-30.
    [45658, 2025, null],
    [45107, 2023, null],
    ['45107', 2023, null],
    [new Date(Date.UTC(2024, 11, 31)), 2024, null],
    [new Date(Date.UTC(2025, 0, 1)), 2025, null],
    ['', null, null],
    [null, null, null],
    [true, null, null],
    [12, null, null],
    ['尽快', null, null],
  ])('%s → %s %s', (cell, year, recurrence) => {
    const d = parseDeadline(cell);
    expect(d.year).toBe(year);
    expect(d.recurrence).toBe(recurrence);
  });

  it.each(['长期', '持续推进', '常态化开展', '长期坚持'])('%s is ongoing, with no year', (cell) => {
    expect(parseDeadline(cell)).toEqual({ year: null, recurrence: null, ongoing: true });
  });

  it('dates without a year use the reporting year when one is given', () => {
    expect(parseDeadline('年底', { year: 2023 }).year).toBe(2023);
    expect(parseDeadline('今年年底前', { year: 2023 }).year).toBe(2023);
    expect(parseDeadline('上半年', { year: 2023 }).year).toBe(2023);
    expect(parseDeadline('明年6月', { year: 2023 }).year).toBe(2024);
    expect(parseDeadline('年底').year).toBeNull();
    // An explicit year wins over the context.
    expect(parseDeadline('2025年底', { year: 2023 }).year).toBe(2025);
  });

  it('an invalid Date gives no year', () => {
    expect(parseDeadline(new Date(Number.NaN)).year).toBeNull();
  });
});
