import { describe, expect, it } from 'vitest';
import { primaryFirst, wordsAfter, actualOf } from '../../shared/ledger/tasks';
import type { LedgerRow, Target } from '../../shared/model';

const t = (value: number, unit: string): Target => ({ text: `${value}${unit}`, value, unit, comparator: '>=', stretch: null, year: null, recurrence: null });
const row = (progressText: string, actualRaw: LedgerRow['actualRaw']): LedgerRow => ({
  sheet: 's', row: 2, id: '1', category: '', title: '', content: '', leadsText: '', partnersText: '', deadlineText: '', progressText, actualRaw, targetText: '', note: '',
});

describe('primary target: the one the reported value measures', () => {
  it.each([
    ['培训46人次', 46, [t(1, '名'), t(80, '人次')], 80],
    ['组织科技教师培训1场,培训46人次', 46, [t(1, '名'), t(80, '人次')], 80],
    ['开展免费技能培训12场,培训410人次', 410, [t(2000, '名'), t(30, '场'), t(1000, '人次')], 1000],
    ['培训1,200人次', 1200, [t(5, '场'), t(3000, '人次')], 3000],
    ['服务42万人次', 420000, [t(5, '场'), t(500000, '人次')], 500000],
    ['按计划推进', 3, [t(5, '场'), t(80, '人次')], 5],
  ])('%s (完成值 %d) → target %d', (progress, actual, targets, want) => {
    expect(primaryFirst(targets, actual, row(progress, actual))[0]!.value).toBe(want);
  });

  it('reads the unit written in the 完成值 cell itself', () => {
    expect(primaryFirst([t(5, '场'), t(80, '人次')], 46, row('', '46人次'))[0]!.value).toBe(80);
  });

  it('keeps the other targets, in order', () => {
    const ts = [t(1, '名'), t(2, '个'), t(80, '人次')];
    expect(primaryFirst(ts, 46, row('培训46人次', 46)).map((x) => x.value)).toEqual([80, 1, 2]);
  });

  it.each([
    [23, 23],
    ['23', 23],
    ['1,200', 1200],
    ['', null],
    [null, null],
    [true, null],
  ])('actualOf(%j) → %s', (raw, want) => {
    expect(actualOf(raw as LedgerRow['actualRaw'])).toBe(want);
  });

  it('wordsAfter finds the words after the number', () => {
    expect(wordsAfter(46, ['组织培训1场,培训46人次'])).toEqual(['人次']);
  });
});
