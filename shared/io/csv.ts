// CSV / tab-separated text → one SheetGrid. Clerks' CSVs come from Excel
// ("CSV UTF-8" with a BOM, plain "CSV" in the system code page = GBK on
// Chinese Windows, "Unicode text" = UTF-16LE with tabs) or from web systems.
import type { CellValue, SheetGrid } from '../model';

export interface DecodedText {
  text: string;
  encoding: 'UTF-8' | 'UTF-8 (BOM)' | 'UTF-16LE' | 'UTF-16BE' | 'GB18030';
}

export function decodeText(b: Uint8Array): DecodedText {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(b.subarray(3)), encoding: 'UTF-8 (BOM)' };
  if (b[0] === 0xff && b[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(b.subarray(2)), encoding: 'UTF-16LE' };
  if (b[0] === 0xfe && b[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(b.subarray(2)), encoding: 'UTF-16BE' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(b), encoding: 'UTF-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(b), encoding: 'GB18030' };
  }
}

/** Heuristic: does this look like text rather than a binary file? */
export function looksLikeText(b: Uint8Array): boolean {
  if (b.length === 0) return false;
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) return true;
  const n = Math.min(b.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i];
    if (c === 0) return false;
    if (c < 9 || (c > 13 && c < 32 && c !== 27)) control++;
  }
  return control / n < 0.01;
}

/** Picks the delimiter that splits the first lines most consistently. */
export function sniffDelimiter(text: string): string {
  const lines = text.split(/\r?\n/, 20).filter((l) => l.trim() !== '');
  let best = ',';
  let bestScore = -1;
  for (const d of [',', '\t', ';', '|']) {
    const counts = lines.map((l) => l.split(d).length - 1);
    const nonzero = counts.filter((c) => c > 0).length;
    const score = nonzero * 1000 + Math.min(...counts.concat([0]).slice(0, counts.length || 1));
    if (nonzero > 0 && score > bestScore) (best = d), (bestScore = score);
  }
  return best;
}

/** What a CSV may hold before it is refused: a ledger is tens of columns and short cells. */
export interface CsvLimits {
  /** Rows kept (more are counted, not kept). */
  maxRows: number;
  /** Fields in one row. */
  maxCols: number;
  /** Characters in one field. */
  maxField: number;
  /** Cells of the grid the rows make (rows × the widest row's last value). */
  maxCells: number;
}

/**
 * Excel holds 32,767 characters in a cell; a field 32 times that long is no
 * ledger cell. It is refused rather than read, as its text would be copied
 * into every finding and every output that quotes it.
 */
export const CSV_FIELD_MAX = 1_048_576;
/** 200,000 rows × 100 columns: the grid (every row padded to the widest) stays under ~160 MB of cells. */
export const CSV_CELLS_MAX = 20_000_000;

/** Where a CSV went past a limit: the first field, row or grid that did. */
export type CsvOver =
  | { kind: 'field'; row: number; col: number; length: number }
  | { kind: 'cols'; row: number; count: number }
  | { kind: 'cells'; rows: number; width: number };

/**
 * RFC 4180 with quoted fields spanning lines; tolerant of stray quotes.
 * Fields are cut from the text (slices), not built a character at a time: a
 * 20 MB field costs its own size, not a chain of 20 million pieces. Stops
 * at the first limit passed (`over`).
 */
export function parseDelimited(text: string, delimiter: string, limits: number | Partial<CsvLimits>): { rows: string[][]; truncated: boolean; count: number; over?: CsvOver } {
  const lim: CsvLimits = { maxRows: Infinity, maxCols: Infinity, maxField: CSV_FIELD_MAX, maxCells: CSV_CELLS_MAX, ...(typeof limits === 'number' ? { maxRows: limits } : limits) };
  const rows: string[][] = [];
  let row: string[] = [];
  let count = 0;
  let width = 0; // the widest kept row, up to its last non-empty field
  const n = text.length;
  const d = delimiter.charCodeAt(0);
  let i = 0;
  let over: CsvOver | undefined;
  const endRow = (): void => {
    count++;
    if (rows.length < lim.maxRows) {
      rows.push(row);
      let w = row.length;
      while (w > 0 && row[w - 1] === '') w--;
      if (w > width) width = w;
      if (rows.length * width > lim.maxCells) over = { kind: 'cells', rows: rows.length, width };
    }
    row = [];
  };
  const push = (field: string): void => {
    if (field.length > lim.maxField) over = { kind: 'field', row: count + 1, col: row.length + 1, length: field.length };
    else if (row.length >= lim.maxCols) over = { kind: 'cols', row: count + 1, count: row.length + 1 };
    else row.push(field);
  };
  let atStart = true; // nothing read of the current row yet
  while (i < n && !over) {
    let field: string;
    if (text.charCodeAt(i) === 34 /* " */) {
      // Quoted: up to the closing quote ("" is a quote), then whatever follows up to the delimiter (stray text kept).
      const parts: string[] = [];
      let from = i + 1;
      let size = 0;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0) {
          parts.push(text.slice(from));
          i = n;
          break;
        }
        parts.push(text.slice(from, q));
        size += q - from;
        if (text.charCodeAt(q + 1) === 34) {
          parts.push('"');
          from = q + 2;
        } else {
          i = q + 1;
          break;
        }
        if (size > lim.maxField) break;
      }
      let end = i;
      while (end < n && text.charCodeAt(end) !== d && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
      if (end > i) parts.push(text.slice(i, end));
      i = end;
      field = parts.length === 1 ? parts[0]! : parts.join('');
    } else {
      let end = i;
      while (end < n && text.charCodeAt(end) !== d && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
      field = text.slice(i, end);
      i = end;
    }
    atStart = false;
    push(field);
    if (i >= n) break;
    const c = text.charCodeAt(i);
    if (c === d) {
      i++;
      // a delimiter at the very end still ends a field: the empty one after it
      if (i >= n) push('');
    } else {
      // a line end: CRLF, CR or LF
      i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      endRow();
      atStart = true;
    }
  }
  if (!over && (!atStart || row.length > 0)) endRow();
  return { rows, truncated: count > lim.maxRows, count, over };
}

const NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?$/;

/** A plain decimal becomes a number; everything else (01, 1,200, 42万, dates) stays text for the core's parsers. */
export function csvValue(s: string): CellValue {
  const t = s.trim();
  if (t === '') return null;
  if (NUMBER.test(t) && t.length <= 15) return Number(t);
  return s;
}

export function csvToGrid(rows: string[][], name: string): SheetGrid {
  const out: CellValue[][] = rows.map((r) => r.map(csvValue));
  while (out.length && out[out.length - 1].every((v) => v === null)) out.pop();
  let width = 0;
  for (const r of out) {
    let w = r.length;
    while (w > 0 && r[w - 1] === null) w--;
    if (w > width) width = w;
  }
  for (const r of out) {
    r.length = Math.min(r.length, width);
    while (r.length < width) r.push(null);
  }
  return { name, rows: out, merges: [], state: 'visible' };
}
