// Colours of the chart images: the dashboard's status colours (shared/progress)
// and traffic-light colours strong enough for a bar (the pale LIGHT_FILL of
// shared/progress is for cells).
import type { Light } from '../model';
export { STATUS_COLORS } from '../progress/colors';

export const LIGHT_BAR: Readonly<Record<Light, string>> = Object.freeze({ 绿: '#2E9E44', 黄: '#F2C12E', 红: '#D7301F' });
