// A reported share (完成进度) and the 设置 sheet (shared/progress/share.ts, settings.ts).
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, readSettingsSheet, readShare, resolveSettings, settingFromText, settingsRows } from '../../shared/progress';
import type { CellValue } from '../../shared/model';

describe('readShare', () => {
  it.each<[CellValue, number | null, string | null]>([
    ['60%', 0.6, null],
    ['60％', 0.6, null],
    [0.6, 0.6, null], // a percent-formatted cell
    [60, 0.6, null], // typed as points
    ['60', 0.6, null],
    ['0.6', 0.6, null],
    ['六成', 0.6, null],
    ['百分之六十', 0.6, null],
    ['百分之七十五点五', 0.755, null],
    ['三分之二', 2 / 3, null],
    ['过半', 0.5, null],
    ['完成80%', 0.8, null],
    ['约60%', 0.6, null],
    ['100%', 1, null],
    [1, 1, null],
    ['0%', 0, null],
    ['已完成', 1, null],
    ['120%', null, 'above'],
    [150, null, 'above'],
    ['-10%', null, 'below'],
    [-0.1, null, 'below'],
    ['较好', null, 'unreadable'],
    ['一期100%、二期40%', null, 'unreadable'], // two shares: no one share
    [null, null, null],
    ['', null, null],
  ])('%j → %s (%s)', (cell, value, bad) => {
    const r = readShare(cell);
    if (value === null) expect(r.value).toBeNull();
    else expect(r.value).toBeCloseTo(value, 10);
    expect(r.bad).toBe(bad);
  });
});

describe('settings', () => {
  const sheet = (rows: CellValue[][]) => readSettingsSheet({ name: '设置', rows, merges: [] });

  it('reads the 设置 sheet: key | value rows, Chinese keys, units optional', () => {
    const r = sheet([
      ['设置项', '值', '说明'],
      ['红灯差距（百分点）', 20, ''],
      ['黄灯差距', '10%', ''],
      ['临近期限天数', '15天', ''],
      ['未填报灯色', '红色', ''],
    ]);
    expect(r.problems).toEqual([]);
    expect(r.values).toEqual({ redGap: 0.2, yellowGap: 0.1, dueSoonDays: 15, unreportedLight: '红' });
  });

  it('a share typed as a percent-formatted cell (0.3) is 30 points', () => {
    expect(sheet([['红灯差距', 0.3]]).values).toEqual({ redGap: 0.3 });
  });

  it('a bad value or an unknown key is a problem naming its cell; the default stays', () => {
    const r = sheet([
      ['设置项', '值'],
      ['红灯差距', '很大'],
      ['临近期限天数', -3],
      ['蓝灯差距', 5],
      ['黄灯差距', ''],
    ]);
    expect(r.values).toEqual({});
    expect(r.problems.map((p) => [p.code, p.row, p.col])).toEqual([
      ['settings.bad_value', 2, 1],
      ['settings.bad_value', 3, 1],
      ['settings.unknown_key', 4, 0],
    ]);
    expect(r.problems[0]!.params).toMatchObject({ key: '红灯差距', value: '很大' });
  });

  it('layers: defaults, then the sheet, then the flags', () => {
    expect(resolveSettings()).toEqual(DEFAULT_SETTINGS);
    expect(resolveSettings({ redGap: 0.2, dueSoonDays: 10 }, { dueSoonDays: 7 })).toEqual({ ...DEFAULT_SETTINGS, redGap: 0.2, dueSoonDays: 7 });
    // a yellow line above the red one is lowered to it
    expect(resolveSettings({ redGap: 0.2, yellowGap: 0.25 })).toMatchObject({ redGap: 0.2, yellowGap: 0.2 });
  });

  it.each([
    ['redGap', '30', 0.3],
    ['redGap', '25%', 0.25],
    ['redGap', 'abc', null],
    ['redGap', '120', null],
    ['dueSoonDays', '15', 15],
    ['dueSoonDays', '1.5', null],
    ['unreportedLight', '红', '红'],
    ['unreportedLight', '绿', null],
  ] as const)('flag %s %s → %s', (key, text, want) => {
    expect(settingFromText(key, text)).toBe(want);
  });

  it('settingsRows reads back as the same settings', () => {
    const s = resolveSettings({ redGap: 0.25, yellowGap: 0.05, dueSoonDays: 14, unreportedLight: '红' });
    expect(resolveSettings(sheet(settingsRows(s)).values)).toEqual(s);
  });
});
