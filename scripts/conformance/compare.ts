// What the conformance run compares: our reading of a corpus file against the
// reference reading in `expected/ID.json`, under the rules of the corpus
// README: strings exactly, numbers to a relative 1e-9, a date by its serial
// (to about a millisecond), booleans exactly; sheet names, states and merged
// ranges. Pure: the script and its unit test both use it.
import type { CellValue, MergeRange, SheetGrid } from '../../shared/model';

/** A reference value: plain, or one of the corpus's tagged forms. */
export type ExpectedValue =
  | string
  | number
  | boolean
  | { ds: number }
  | { iso: string }
  | { t: number }
  | { td: number }
  | { nf: string };

export interface ExpectedSheet {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** [row, col, value], 1-based, non-empty cells only. */
  cells: [number, number, ExpectedValue][];
  /** "B6:D6"; null where the reference does not say. */
  merges: string[] | null;
}

export interface Expected {
  reference: string;
  epoch1904: boolean;
  sheets: ExpectedSheet[];
}

export interface CompareLimits {
  maxRows: number;
  maxCols: number;
  /** Sheets for which our reader said it left out values past its row or column caps. */
  capped?: Set<string>;
}

const MS_PER_DAY = 86_400_000;
/** Days between the 1900 system's day 0 (1899-12-30 as Excel counts) and 1970-01-01. */
const EPOCH_1900 = 25569;
const SHIFT_1904 = 1462;

/** A Date as the serial day number of the file's date system. */
export function serialOf(d: Date, epoch1904: boolean): number {
  return d.getTime() / MS_PER_DAY + EPOCH_1900 - (epoch1904 ? SHIFT_1904 : 0);
}

const sameNumber = (a: number, b: number): boolean => a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));

/** A date matches a serial to about a millisecond (both sides round to the millisecond or finer). */
const sameSerial = (got: CellValue, serial: number, epoch1904: boolean): boolean => {
  if (got instanceof Date) return Math.abs(serialOf(got, epoch1904) - serial) * MS_PER_DAY <= 1.001;
  // A serial outside the range of a Date is kept as the number it is.
  return typeof got === 'number' && sameNumber(got, serial);
};

/** "2021-03-04T10:10:10" as milliseconds; without a zone it is wall-clock time, which the reader keeps as UTC. */
function isoMs(iso: string): number {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return Date.parse(iso + 'T00:00:00Z');
  return Date.parse(/([zZ]|[+-]\d{2}:?\d{2})$/.test(iso) ? iso : iso + 'Z');
}

/**
 * Whether our value equals the reference value under the corpus rules. Two
 * allowances for SheetJS references, both SheetJS's way and no misreading:
 * it gives date cells as plain serial numbers (the corpus README says so),
 * and it keeps a raw CR LF in text where an XML parser must pass LF (XML 1.0
 * §2.11; openpyxl does).
 */
export function sameValue(got: CellValue, want: ExpectedValue, epoch1904: boolean, sheetjs = false): boolean {
  if (typeof want === 'string') return got === want || (sheetjs && typeof got === 'string' && got === want.replace(/\r\n?/g, '\n'));
  if (typeof want === 'boolean') return got === want;
  if (typeof want === 'number') return (typeof got === 'number' && sameNumber(got, want)) || (sheetjs && got instanceof Date && sameSerial(got, want, epoch1904));
  if ('ds' in want) return sameSerial(got, want.ds, epoch1904);
  if ('t' in want) return sameSerial(got, want.t / 86_400, false) || (got instanceof Date && sameSerial(got, want.t / 86_400, epoch1904));
  if ('td' in want) return sameSerial(got, want.td / 86_400, false) || (got instanceof Date && sameSerial(got, want.td / 86_400, epoch1904));
  if ('iso' in want) return got instanceof Date && Math.abs(got.getTime() - isoMs(want.iso)) <= 1;
  if ('nf' in want) {
    if (typeof got !== 'number' || Number.isFinite(got)) return false;
    return want.nf === 'NaN' ? Number.isNaN(got) : String(got) === want.nf.replace(/^inf$/i, 'Infinity').replace(/^-inf$/i, '-Infinity');
  }
  return false;
}

/** How a value is shown in a difference line. */
export function show(v: CellValue | ExpectedValue | undefined): string {
  if (v === undefined || v === null) return '(空)';
  if (v instanceof Date) return `Date(${Number.isNaN(v.getTime()) ? 'Invalid' : v.toISOString()})`;
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  const s = JSON.stringify(v);
  return s.length > 60 ? s.slice(0, 57) + '…' : s;
}

const letters = (col: number): string => {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};
/** A 0-based range in sheet coordinates as "B6:D6". */
const rangeText = (m: MergeRange): string => `${letters(m.left + 1)}${m.top + 1}:${letters(m.right + 1)}${m.bottom + 1}`;

interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * "B6:D6" normalised (upper case, no $, corners ordered), 1-based, clipped to
 * `window` when given; single cells give null (they merge nothing), as do
 * ranges wholly outside the window.
 */
export function normRange(ref: string, window?: Box): string | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/.exec(ref.trim().toUpperCase());
  if (!m || !m[3]) return null;
  const col = (s: string): number => [...s].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
  let [top, bottom] = [Number(m[2]), Number(m[4])].sort((a, b) => a - b);
  let [left, right] = [col(m[1]), col(m[3])].sort((a, b) => a - b);
  if (window) {
    if (top > window.bottom || bottom < window.top || left > window.right || right < window.left) return null;
    [top, left, bottom, right] = [Math.max(top, window.top), Math.max(left, window.left), Math.min(bottom, window.bottom), Math.min(right, window.right)];
  }
  if (top === bottom && left === right) return null;
  return `${letters(left)}${top}:${letters(right)}${bottom}`;
}

export interface Comparison {
  equal: boolean;
  /** Up to a dozen differences, in words. */
  diffs: string[];
  /** Cells the reference has beyond our row/column caps (left out of the comparison). */
  beyondCap: number;
}

/**
 * Compares sheet by sheet. A reference sheet with no cells and no merges may
 * be missing from ours (chart sheets and dialog sheets hold no cells; we leave
 * them out); an empty sheet of ours may be missing from the reference. Cells
 * past our row and column caps are counted, not compared: leaving them out
 * is the reader's documented limit, not a misreading.
 */
export function compareReading(want: Expected, got: SheetGrid[], limits: CompareLimits): Comparison {
  const diffs: string[] = [];
  const say = (s: string): void => {
    if (diffs.length < 12) diffs.push(s);
  };
  let beyondCap = 0;
  let mismatches = 0;
  const sheetjs = want.reference === 'sheetjs';
  const hasContent = (s: ExpectedSheet): boolean => s.cells.length > 0 || (s.merges ?? []).some((m) => normRange(m) !== null);
  const ours = got.filter((s) => s.rows.length > 0 || s.merges.length > 0 || want.sheets.some((w) => w.name === s.name));
  const theirs = want.sheets.filter((s) => hasContent(s) || got.some((g) => g.name === s.name));
  const names = (l: { name: string }[]): string => l.map((s) => `「${s.name}」`).join('');
  if (names(ours) !== names(theirs)) {
    mismatches++;
    say(`工作表: 我们 ${names(ours) || '(无)'}，参考 ${names(theirs) || '(无)'}`);
  }
  for (const w of theirs) {
    const g = ours.find((s) => s.name === w.name);
    if (!g) continue;
    if ((g.state ?? 'visible') !== w.state) {
      mismatches++;
      say(`「${w.name}」状态: 我们 ${g.state ?? 'visible'}，参考 ${w.state}`);
    }
    const rowOff = g.origin?.row ?? 0;
    const colOff = g.origin?.col ?? 0;
    const capped = limits.capped?.has(w.name) ?? false;
    const wantCells = new Map<string, ExpectedValue>();
    for (const [r, c, v] of w.cells) {
      if (capped && (r > limits.maxRows || c <= colOff || c > colOff + limits.maxCols)) {
        beyondCap++;
        continue;
      }
      wantCells.set(`${r},${c}`, v);
    }
    const seen = new Set<string>();
    g.rows.forEach((row, ri) =>
      row.forEach((v, ci) => {
        if (v === null || v === '') return;
        const key = `${ri + 1 + rowOff},${ci + 1 + colOff}`;
        seen.add(key);
        const e = wantCells.get(key);
        if (e === undefined || !sameValue(v, e, want.epoch1904, sheetjs)) {
          mismatches++;
          say(`「${w.name}」${letters(ci + 1 + colOff)}${ri + 1 + rowOff}: 我们 ${show(v)}，参考 ${show(e)}`);
        }
      }),
    );
    for (const [key, e] of wantCells) {
      if (seen.has(key)) continue;
      mismatches++;
      const [r, c] = key.split(',').map(Number);
      say(`「${w.name}」${letters(c)}${r}: 我们 (空)，参考 ${show(e)}`);
    }
    // null: the reference does not say (SheetJS references carry no merges).
    if (w.merges === null) continue;
    // A merge reaching past our caps is compared as we keep it: clipped to our window.
    const window = { top: 1, left: colOff + 1, bottom: limits.maxRows, right: colOff + limits.maxCols };
    const wantMerges = new Set(w.merges.map((m) => normRange(m, capped ? window : undefined)).filter((m): m is string => m !== null));
    const gotMerges = new Set(g.merges.map((m) => rangeText({ top: m.top + rowOff, left: m.left + colOff, bottom: m.bottom + rowOff, right: m.right + colOff })));
    const extra = [...gotMerges].filter((m) => !wantMerges.has(m));
    const missing = [...wantMerges].filter((m) => !gotMerges.has(m));
    if (extra.length || missing.length) {
      mismatches++;
      say(`「${w.name}」合并区域: 多 ${extra.slice(0, 3).join(' ') || '-'}，少 ${missing.slice(0, 3).join(' ') || '-'}`);
    }
  }
  if (mismatches > diffs.length) diffs.push(`… 共 ${mismatches} 处不同`);
  return { equal: mismatches === 0, diffs, beyondCap };
}
