// A cell's <v> text as a value, by cell type (ECMA-376 Part 1 §18.18.11
// ST_CellType): numbers (dates when the cell's style shows a date), booleans,
// and t="d" ISO 8601 dates, times and durations. A value that cannot be a Date
// is kept as the number or text it is: nothing the file holds is dropped.
import type { CellValue } from '../model';
import { serialToDate } from './styles';

const MS_PER_DAY = 86_400_000;
/** 1899-12-30, day 0 of the 1900 date system as the reader counts (Part 1 §18.17.4.1). */
const EPOCH_MS = Date.UTC(1899, 11, 30);

/** A Date for a serial day count in the 1900 system, the form times and durations take (a time is a fraction of a day). */
const fromDays = (days: number): Date => new Date(EPOCH_MS + Math.round(days * MS_PER_DAY));

/**
 * A numeric cell: the number, or a Date when its style displays a date. A
 * serial past the range of a Date (±100,000,000 days) stays a number; text
 * that is no number (a writer's mistake) stays text, "NaN" and "INF" become
 * the numbers they name.
 */
export function numberValue(raw: string, isDate: boolean, date1904: boolean): CellValue {
  const n = parseFloat(raw);
  if (Number.isNaN(n)) {
    const s = raw.trim();
    if (/^[+-]?nan$/i.test(s)) return NaN;
    if (/^[+-]?inf(?:inity)?$/i.test(s)) return s.startsWith('-') ? -Infinity : Infinity;
    return s === '' ? null : s;
  }
  if (!isDate) return n;
  const d = serialToDate(n, date1904);
  return Number.isNaN(d.getTime()) ? n : d;
}

/** A t="b" cell: "1"/"0" as written by Excel, "true"/"false" by some libraries (xsd:boolean). */
export function booleanValue(raw: string): boolean {
  const s = raw.trim().toLowerCase();
  if (s === 'true') return true;
  if (s === 'false') return false;
  const n = parseFloat(s);
  return !Number.isNaN(n) && n !== 0;
}

const DATE_TIME = /^(\d{4,})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const TIME = /^T?(\d{1,2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const DURATION = /^(-)?P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i;

const zoneMs = (z: string | undefined): number => {
  if (!z || z === 'Z' || z === 'z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(z)!;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000;
};

/**
 * A t="d" cell (Part 1 §18.17.4, ISO 8601): a date or date-time (without a
 * zone it is wall-clock time, kept as UTC like serial dates; with one, the
 * instant), a time of day alone ("10:10:10", read as that time on day 0, as a
 * time serial < 1 reads), or a duration ("PT24H", "P1DT2H": that many days
 * from day 0, as a [h]:mm serial reads). Anything else, or out of a Date's
 * range, stays the text it is.
 */
export function isoValue(raw: string): CellValue {
  const s = raw.trim();
  let m = DATE_TIME.exec(s);
  if (m) {
    const [, y, mo, d, h = '0', mi = '0', sec = '0', z] = m;
    // setUTCFullYear, not Date.UTC: years below 100 are years, not 19xx.
    const t = new Date(0);
    t.setUTCFullYear(Number(y), Number(mo) - 1, Number(d));
    // A day that does not exist (2023-02-30) is not silently moved to another.
    if (Number.isNaN(t.getTime()) || t.getUTCMonth() !== Number(mo) - 1 || t.getUTCDate() !== Number(d)) return s;
    const date = new Date(t.getTime() + (Number(h) * 3600 + Number(mi) * 60) * 1000 + Math.round(parseFloat(sec) * 1000) - zoneMs(z));
    return Number.isNaN(date.getTime()) ? s : date;
  }
  m = TIME.exec(s);
  if (m) {
    const [, h, mi, sec = '0', z] = m;
    return fromDays((Number(h) * 3600 + Number(mi) * 60 + parseFloat(sec) - zoneMs(z) / 1000) / 86_400);
  }
  m = DURATION.exec(s);
  if (m && s.length > 1 && !/T$/i.test(s)) {
    const [, neg, d = '0', h = '0', mi = '0', sec = '0'] = m;
    const days = Number(d) + Number(h) / 24 + Number(mi) / 1440 + parseFloat(sec) / 86_400;
    const v = fromDays(neg ? -days : days);
    return Number.isNaN(v.getTime()) ? s : v;
  }
  return s === '' ? null : s;
}
