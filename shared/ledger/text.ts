// Cell values to text, the one way every part of the ledger reader sees them.
import type { CellValue } from '../model';

/** Header text normalised: full-width → half-width (NFKC), all whitespace removed. */
export function normHeader(v: CellValue): string {
  return cellText(v).normalize('NFKC').replace(/\s+/g, '');
}

/** A cell as the user would read it: numbers without float noise, dates as 2023年6月30日. */
export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(+v.toPrecision(12));
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return '';
    return `${v.getUTCFullYear()}年${v.getUTCMonth() + 1}月${v.getUTCDate()}日`;
  }
  return String(v).trim();
}

export function isBlank(v: CellValue): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}
