// 红黄绿灯 (shared/progress/light.ts): the gap between the share done and
// 序时进度, graded by the settings; the boundaries are exact.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, gapLight, lightOf, resolveSettings } from '../../shared/progress';
import type { Light, Status } from '../../shared/model';

describe('gapLight with the default thresholds (red beyond 30 points, yellow beyond 0)', () => {
  it.each<[number, number, Light]>([
    [0.5, 0.5, '绿'], // on pace
    [0.5, 0.8, '绿'], // ahead
    [0.5, 0.499, '黄'], // a hair behind
    [0.8, 0.5, '黄'], // exactly 30 points (0.8 − 0.5 is 0.30000000000000004 in floats)
    [0.7, 0.4, '黄'], // exactly 30 points again
    [0.8, 0.499, '红'], // just beyond 30
    [1, 0, '红'],
  ])('序时进度 %d, done %d → %s', (expected, progress, light) => {
    expect(gapLight(expected - progress, DEFAULT_SETTINGS)).toBe(light);
  });

  it('thresholds come from the settings: a city with yellow from 10 points and red beyond 20', () => {
    const s = resolveSettings({ yellowGap: 0.1, redGap: 0.2 });
    expect(gapLight(0.1, s)).toBe('绿');
    expect(gapLight(0.15, s)).toBe('黄');
    expect(gapLight(0.2, s)).toBe('黄');
    expect(gapLight(0.21, s)).toBe('红');
  });
});

describe('lightOf', () => {
  const light = (status: Status, progress: number | null, expected: number | null, overdue = false, s = DEFAULT_SETTINGS) =>
    lightOf({ status, progress, expected, overdue }, s);
  it.each<[Status, number | null, number | null, boolean, Light]>([
    ['已完成', 0.2, 1, true, '绿'],
    ['逾期', 0.99, 1, true, '红'],
    ['正常', null, null, false, '绿'], // under way, no figures
    ['正常', 0.4, 0.5, false, '黄'], // said 正常, the figures trail
    ['滞后', null, 0.5, false, '黄'], // 滞后 in words: never green
    ['滞后', 0.6, 0.5, false, '黄'], // …whatever the figures
    ['滞后', 0.1, 0.5, false, '红'],
    ['未启动', 0, 0, false, '黄'], // never green, even with nothing expected yet
    ['未启动', 0, 0.3, false, '黄'], // exactly 30 points
    ['未启动', 0, 0.31, false, '红'],
    ['未填报', null, 0.9, false, '黄'],
    ['未填报', null, 1, true, '红'], // past its due day: red
  ])('%s, done %s, 序时进度 %s, overdue %s → %s', (status, progress, expected, overdue, want) => {
    expect(light(status, progress, expected, overdue)).toBe(want);
  });

  it('an office that lights unreported tasks red', () => {
    expect(light('未填报', null, 0.2, false, resolveSettings({ unreportedLight: '红' }))).toBe('红');
  });
});
