// The conformance run's comparison rules (scripts/conformance/compare.ts) on
// made-up readings: the corpus itself is not read here (a bare clone has none).
import { describe, expect, it } from 'vitest';
import type { CellValue, SheetGrid } from '../../shared/model';
import { compareReading, normRange, sameValue, type Expected, type ExpectedValue } from '../../scripts/conformance/compare';

const at = (iso: string): Date => new Date(iso);

describe('values', () => {
  it.each<[string, CellValue, ExpectedValue, boolean, boolean]>([
    ['strings exactly', 'a b', 'a b', false, true],
    ['strings exactly (trailing space)', 'a', 'a ', false, false],
    ['numbers to a relative 1e-9', 0.1 + 0.2, 0.3, false, true],
    ['numbers beyond 1e-9', 1.000001, 1, false, false],
    ['a string is no number', '1', 1, false, false],
    ['booleans', true, true, false, true],
    ['a date by its serial', at('2023-06-30T00:00:00Z'), { ds: 45107 }, false, true],
    ['a date to about a millisecond', at('2023-06-30T12:00:00.001Z'), { ds: 45107.5 }, false, true],
    ['a date a second off', at('2023-06-30T12:00:01Z'), { ds: 45107.5 }, false, false],
    ['a date in the 1904 system', at('2027-07-01T00:00:00Z'), { ds: 45107 }, true, true],
    ['a serial past a Date stays a number', 1e12, { ds: 1e12 }, false, true],
    ['a t="d" date', at('2021-03-04T10:10:10Z'), { iso: '2021-03-04T10:10:10' }, false, true],
    ['a time of day', at('1899-12-30T10:10:10Z'), { t: 36610 }, false, true],
    ['a duration', at('1899-12-31T12:00:00Z'), { td: 129600 }, false, true],
    ['NaN', NaN, { nf: 'NaN' }, false, true],
    ['a number is no NaN', 0, { nf: 'NaN' }, false, false],
  ])('%s', (_what, got, want, d1904, same) => {
    expect(sameValue(got, want, d1904)).toBe(same);
  });

  it('SheetJS gives dates as serials and keeps CR LF; openpyxl does neither', () => {
    expect(sameValue(at('2023-06-30T00:00:00Z'), 45107, false, true)).toBe(true);
    expect(sameValue(at('2023-06-30T00:00:00Z'), 45107, false, false)).toBe(false);
    expect(sameValue('a\nb', 'a\r\nb', false, true)).toBe(true);
    expect(sameValue('a\nb', 'a\r\nb', false, false)).toBe(false);
  });
});

describe('ranges', () => {
  it.each([
    ['$b$6:D6', undefined, 'B6:D6'],
    ['D7:B6', undefined, 'B6:D7'],
    ['A1:A1', undefined, null],
    ['A1', undefined, null],
    ['A1:Z9', { top: 1, left: 1, bottom: 5, right: 3 }, 'A1:C5'],
    ['F1:G2', { top: 1, left: 1, bottom: 5, right: 3 }, null],
  ])('%s within %j is %s', (ref, window, want) => {
    expect(normRange(ref, window)).toBe(want);
  });
});

describe('readings', () => {
  const limits = { maxRows: 100, maxCols: 3 };
  const grid = (name: string, rows: CellValue[][], extra: Partial<SheetGrid> = {}): SheetGrid => ({ name, rows, merges: [], state: 'visible', ...extra });
  const want = (sheets: Expected['sheets']): Expected => ({ reference: 'openpyxl', epoch1904: false, sheets });

  it('equal: cells, merges, states; an empty reference sheet (a chart) may be missing from ours', () => {
    const e = want([
      { name: '台账', state: 'visible', cells: [[1, 1, '序号'], [2, 2, 7]], merges: ['A1:B1'] },
      { name: '图表', state: 'visible', cells: [], merges: [] },
    ]);
    const got = [grid('台账', [['序号', null], [null, 7]], { merges: [{ top: 0, left: 0, bottom: 0, right: 1 }] })];
    expect(compareReading(e, got, limits)).toMatchObject({ equal: true, diffs: [] });
  });

  it('a cell too many, a cell missing, a wrong state, a merge missing: each said', () => {
    const e = want([{ name: '台账', state: 'hidden', cells: [[1, 1, '序号'], [3, 1, 5]], merges: ['A1:B1'] }]);
    const got = [grid('台账', [['序号', 'x']])];
    const c = compareReading(e, got, limits);
    expect(c.equal).toBe(false);
    expect(c.diffs.join('\n')).toMatch(/状态[\s\S]*B1: 我们 "x"，参考 \(空\)[\s\S]*A3: 我们 \(空\)，参考 5[\s\S]*合并区域: 多 -，少 A1:B1/);
  });

  it('a grid with an origin is compared where it sits; cells past the caps count only where we said we left them out', () => {
    const e = want([{ name: '远', state: 'visible', cells: [[5, 10, 1], [6, 11, 2]], merges: null }]);
    expect(compareReading(e, [grid('远', [[1, null], [null, 2]], { origin: { row: 4, col: 9 } })], limits).equal).toBe(true);
    expect(compareReading(e, [grid('远', [[], [], [], [], [1, null], [null, 2]], { origin: { row: 0, col: 9 } })], limits).equal).toBe(true);
    expect(compareReading(e, [grid('远', [[1, null], [null, 2]], { origin: { row: 4, col: 8 } })], limits).equal).toBe(false);
    const capped = want([{ name: '宽', state: 'visible', cells: [[1, 1, 1], [1, 9, 9]], merges: [] }]);
    expect(compareReading(capped, [grid('宽', [[1]])], limits).equal).toBe(false);
    expect(compareReading(capped, [grid('宽', [[1]])], { ...limits, capped: new Set(['宽']) })).toMatchObject({ equal: true, beyondCap: 1 });
  });
});
