// Series colours from the Okabe–Ito palette (safe for the common colour-vision
// deficiencies), always shown with their text label; the status colours are
// the core's (shared/progress/colors.ts), the same in the documents.
import type { Light } from '../../shared/model';

export { STATUS_COLORS } from '../../shared/progress';

export const SERIES_COLORS = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#000000', '#F0E442', '#8C8C8C'];
export const SERIES_DASHES = ['', '6 3', '2 2', '8 3 2 3', '4 4', '1 3', '10 4', '3 6', '6 2 2 2'];

export const COMPLETION_COLOR = '#0072B2';

/**
 * Tick label of a 0–100 axis. Numeric axes show every tick (interval 0): the
 * nice ticks recharts picks always fit, and it then skips measuring each
 * label in the page, which on a filter change was a forced layout per label.
 */
export const percentTick = (v: number): string => v + '%';

/** 红黄绿灯 bars: the lights' own hues, dark enough for a white page and always labelled 绿/黄/红. */
export const LIGHT_COLORS: Record<Light, string> = { 绿: '#009E73', 黄: '#E6B400', 红: '#D55E00' };
