// How Excel takes a string written through Range.values: as if the user had
// typed it (Excel.Range.values reference: a leading = + - makes a formula).
// The in-memory workbook and the test mock store what this returns, so a
// string the gateway sends unprotected shows up changed, as it would in
// Excel. It covers the shapes a ledger meets (formulas, numbers with leading
// zeros, thousands separators or %, booleans, dates and times in ISO, slash
// and Chinese forms, the leading apostrophe); it does not evaluate formulas.
import type { CellValue } from '../../shared/model';

export interface Typed {
  value: CellValue;
  /** The formula the string became, if it became one. */
  formula: string | null;
  /** Excel's quotePrefix: the string was marked as text with a leading '. */
  quoted: boolean;
}

const NUMBER = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?([eE][+-]?\d+)?%?$/;
const NUMBER_ONLY = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const ISO_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;
const CN_DATE = /^(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日$/;
const MONTH_DAY = /^(\d{1,2})\/(\d{1,2})$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
// Full-width digits and signs, which Excel in East Asian locales reads as numbers.
const FULL_WIDTH = /[\uff10-\uff19\uff0b\uff0d\uff0e\uff05]/g;

function date(y: number, m: number, d: number): Date | null {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCMonth() === m - 1 && t.getUTCDate() === d ? t : null;
}

/** What a cell holds after `s` is written to Range.values. */
export function typedAsExcel(s: string, year = 2023): Typed {
  const text = (value: CellValue): Typed => ({ value, formula: null, quoted: false });
  if (s.startsWith("'")) return { value: s.slice(1) === '' ? null : s.slice(1), formula: null, quoted: true };
  const t = s.trim().replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  // = starts a formula; so do + and - before anything but a plain number, and @ (Lotus-style, kept by Excel).
  if (/^[=@]./.test(t) || (/^[+-]./.test(t) && !NUMBER_ONLY.test(t))) return { value: '#NAME?', formula: t, quoted: false };
  if (NUMBER.test(t)) {
    const n = Number(t.replace(/,/g, '').replace(/%$/, ''));
    return text(t.endsWith('%') ? n / 100 : n);
  }
  if (/^(true|false)$/i.test(t)) return text(t.toLowerCase() === 'true');
  let m = ISO_DATE.exec(t);
  if (m) return text(date(+m[1], +m[2], +m[3]) ?? s);
  m = CN_DATE.exec(t);
  if (m) return text(date(m[1] ? +m[1] : year, +m[2], +m[3]) ?? s);
  m = MONTH_DAY.exec(t);
  if (m) return text(date(year, +m[1], +m[2]) ?? s);
  m = TIME.exec(t);
  if (m && +m[1] < 24 && +m[2] < 60) return text((+m[1] * 3600 + +m[2] * 60 + +(m[3] ?? 0)) / 86400);
  return text(s);
}
