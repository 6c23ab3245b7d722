// Status colours from the Okabe–Ito palette (safe for the common colour-vision
// deficiencies), one table for the dashboard's charts and the documents' chart
// images, so a 滞后 bar is the same orange on the screen and on paper. Always
// shown with the status's word beside it, never colour alone.
import type { Status } from '../model';

export const STATUS_COLORS: Readonly<Record<Status, string>> = Object.freeze({
  已完成: '#009E73',
  正常: '#56B4E9',
  滞后: '#E69F00',
  逾期: '#D55E00',
  未启动: '#CC79A7',
  未填报: '#8C8C8C',
});
