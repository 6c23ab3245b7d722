// 红黄绿灯 (docs/domain.md §8): the gap between the share done and 序时进度, graded by
// the settings. Green when done or on pace; yellow for a gap up to the red
// threshold; red beyond it and when overdue. 未填报 and 未启动 are never green.
import type { Light, Status } from '../model';
import type { ProgressSettings } from './settings';

/** Fill colours of the lights: Excel's own Good / Neutral / Bad cell styles, familiar to clerks. */
export const LIGHT_FILL: Readonly<Record<Light, string>> = Object.freeze({ 绿: '#C6EFCE', 黄: '#FFEB9C', 红: '#FFC7CE' });
/** Text colours that go with the fills. */
export const LIGHT_FONT: Readonly<Record<Light, string>> = Object.freeze({ 绿: '#006100', 黄: '#9C5700', 红: '#9C0006' });

/**
 * Floats: 0.8 − 0.5 is 0.30000000000000004. A gap of exactly the threshold is
 * within it (yellow, not red), so gaps are compared with this tolerance.
 */
const EPS = 1e-9;

/** The light of a gap (序时进度 − share done) alone. */
export function gapLight(gap: number, s: Pick<ProgressSettings, 'redGap' | 'yellowGap'>): Light {
  return gap - s.redGap > EPS ? '红' : gap - s.yellowGap > EPS ? '黄' : '绿';
}

/** True when the gap is beyond the yellow threshold: the task trails 序时进度 (滞后). */
export function trails(gap: number, s: Pick<ProgressSettings, 'yellowGap'>): boolean {
  return gap - s.yellowGap > EPS;
}

export interface LightInput {
  status: Status;
  /** Share done (0..1), null when unknown. */
  progress: number | null;
  /** 序时进度 (0..1), null when the task has no period. */
  expected: number | null;
  /** Past its due day. */
  overdue: boolean;
}

export function lightOf(t: LightInput, s: ProgressSettings): Light {
  return lightFor(t.status, t.progress, t.expected, t.overdue, s);
}

/** lightOf with its fields as arguments (no object per row in the judge's loop). */
export function lightFor(status: Status, progress: number | null, expected: number | null, overdue: boolean, s: ProgressSettings): Light {
  switch (status) {
    case '已完成':
      return '绿';
    case '逾期':
      return '红';
    case '未填报':
      return overdue ? '红' : s.unreportedLight;
  }
  const light: Light = progress !== null && expected !== null ? gapLight(expected - progress, s) : status === '正常' ? '绿' : '黄';
  // 滞后 said in words, or not started: never green whatever the figures.
  return light === '绿' && status !== '正常' ? '黄' : light;
}
