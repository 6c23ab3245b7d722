// Colours of the chart images: the dashboard's status colours (Okabe–Ito,
// safe for the common colour-vision deficiencies) and traffic-light colours
// strong enough for a bar (the pale LIGHT_FILL of shared/progress is for cells).
import type { Light, Status } from '../model';

export const STATUS_COLORS: Readonly<Record<Status, string>> = Object.freeze({
  已完成: '#009E73',
  正常: '#56B4E9',
  滞后: '#E69F00',
  逾期: '#D55E00',
  未启动: '#CC79A7',
  未填报: '#8C8C8C',
});

export const LIGHT_BAR: Readonly<Record<Light, string>> = Object.freeze({ 绿: '#2E9E44', 黄: '#F2C12E', 红: '#D7301F' });
