// A1 addresses for 0-based positions. Sheet names are always quoted so
// Chinese names and spaces are safe.
import { columnLetter0 } from '../shared/io';

export { columnLetter0 };

export function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export function cellA1(row: number, col: number): string {
  return `${columnLetter0(col)}${row + 1}`;
}

export function rangeA1(row: number, col: number, rows: number, cols: number): string {
  const a = cellA1(row, col);
  return rows <= 1 && cols <= 1 ? a : `${a}:${cellA1(row + rows - 1, col + cols - 1)}`;
}

export function columnsA1(col: number, count: number): string {
  return `${columnLetter0(col)}:${columnLetter0(col + count - 1)}`;
}

/** Parse 'A1', 'B3:D9' or "'Sheet'!B3:D9" into 0-based bounds. */
export function parseA1(address: string): { sheet: string | null; row: number; col: number; rows: number; cols: number } | null {
  const bang = address.lastIndexOf('!');
  let sheet: string | null = null;
  let ref = address;
  if (bang >= 0) {
    sheet = address.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
    ref = address.slice(bang + 1);
  }
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(ref.trim());
  if (!m) return null;
  const c1 = colIndex(m[1]);
  const r1 = Number(m[2]) - 1;
  const c2 = m[3] ? colIndex(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) - 1 : r1;
  return { sheet, row: Math.min(r1, r2), col: Math.min(c1, c2), rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1 };
}

/** Characters per getRanges address list; Excel refuses very long ones. */
export const MAX_AREAS_CHARS = 2000;

/** Cells grouped so that each group's comma list of addresses stays short enough for getRanges. */
export function areaGroups<T extends { row: number; col: number }>(cells: T[]): T[][] {
  const out: T[][] = [];
  let cur: T[] = [];
  let chars = 0;
  for (const c of cells) {
    const n = cellA1(c.row, c.col).length;
    if (cur.length && chars + n + 1 > MAX_AREAS_CHARS) {
      out.push(cur);
      cur = [];
      chars = 0;
    }
    chars += cur.length ? n + 1 : n;
    cur.push(c);
  }
  if (cur.length) out.push(cur);
  return out;
}

/** The comma lists of addresses for getRanges: one conditional format per list, never one per cell. */
export function areaLists(cells: { row: number; col: number }[]): string[] {
  return areaGroups(cells).map((g) => g.map((c) => cellA1(c.row, c.col)).join(','));
}
