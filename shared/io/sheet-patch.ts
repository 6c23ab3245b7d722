// Adding cells to a worksheet's XML in place (ECMA-376 Part 1 §18.3.1.99
// sheetData, §18.3.1.73 row, §18.3.1.4 c). A first pass finds where each
// <row> element sits, the widest column in use and the cells of the header
// row; a second pass streams the part out again: rows we do not touch are
// copied as the very same text, rows we touch get our cells put in column
// order among theirs, and rows that did not exist are created in row order.
// Nothing else in the sheet (formulas, formats, validations, conditional
// formats, drawings, extensions) is read or rewritten.
import { columnLetter0 } from './a1';
import { setAttr } from './package-edit';
import { skipElement } from './shared-strings';
import { cellTag, columnOf } from './sheet-xml';
import { newTag, nextTag, readAttrs, readText, type Tag } from './xml-text';

/** Excel's last column (XFD) and row (ECMA-376 Part 1 §18.3.1.4: A1 references up to XFD1048576). */
export const MAX_COLUMN = 16_384;
export const MAX_ROW = 1_048_576;

export interface RawCell {
  col: number;
  style: number | null;
  type: string | null;
  /** The <v> text, or an inline string's text; null when the cell holds neither. */
  value: string | null;
}

export interface SheetScan {
  /** The main namespace's prefix on the sheet's elements ('' or e.g. 'x:'): our elements carry it too. */
  prefix: string;
  /** The widest column (1-based) of any cell, formatted empty cells included. */
  maxCol: number;
  /** The last row number used by a <row> element. */
  maxRow: number;
  /** Cells of the rows asked for (header rows), by row number. */
  cells: Map<number, RawCell[]>;
  /** Row elements in document order: number, start of <row, start of </row> (-1: none), end. */
  rowNum: number[];
  rowStart: number[];
  rowClose: number[];
  rowEnd: number[];
  /** Row numbers only go up, as the schema asks; when not, rows cannot be put in their place. */
  ordered: boolean;
  /** The text before the rows (up to and including <sheetData …>, or up to <sheetData/>). */
  headEnd: number;
  /** Where the text after the rows starts (</sheetData>, or just after <sheetData/>). */
  tailStart: number;
  /** The sheet had <sheetData/>: the writer opens and closes the element itself. */
  emptyData: boolean;
  /** Column formats from <cols> (a new cell there takes the column's format, as in Excel). */
  colStyles: { min: number; max: number; style: number }[];
}

const CELL_ATTRS = ['r', 't', 's'] as const;
const ROW_ATTRS = ['r', 's', 'customFormat', 'spans'] as const;

/** A <c> tag's column (0 when it has no usable r), type and style. */
function cellAttrs(xml: string, t: Tag, out: { col: number; type: string | null; style: number }, scratch: (string | null)[]): void {
  if (cellTag(xml, t, out)) return;
  readAttrs(xml, t, CELL_ATTRS, scratch);
  out.col = scratch[0] ? columnOf(scratch[0]) : 0;
  out.type = scratch[1];
  const s = scratch[2] ? parseInt(scratch[2], 10) : 0;
  out.style = Number.isFinite(s) && s >= 0 ? s : 0;
}

function attrPresent(xml: string, t: Tag, name: string): boolean {
  const out: (string | null)[] = [null];
  readAttrs(xml, t, [name], out);
  return out[0] !== null;
}

/** Where the element opened at `t` ends (after its end tag); a cell cut short ends where the next cell or row begins. */
function cellEnd(xml: string, t: Tag): number {
  if (t.selfClosing) return t.end;
  const u = newTag();
  for (let i = t.end; nextTag(xml, i, u); i = u.end) {
    if (u.name === 'c') return u.closing ? u.end : u.start;
    if (u.name === 'row' || u.name === 'sheetData') return u.start;
  }
  return xml.length;
}

/** The value of the cell opened at `t`: its <v>, or the text of its <is> (phonetic runs left out). */
function cellValue(xml: string, t: Tag, end: number): string | null {
  if (t.selfClosing) return null;
  const u = newTag();
  const at = { pos: 0 };
  let v: string | null = null;
  let inline: string[] | null = null;
  for (let i = t.end; i < end && nextTag(xml, i, u); i = u.end) {
    if (u.closing || u.selfClosing) continue;
    if (u.name === 'v') {
      v = readText(xml, u.end, at);
      u.end = at.pos;
    } else if (u.name === 'is') inline = [];
    else if (u.name === 'rPh') u.end = skipElement(xml, u, 'rPh');
    else if (u.name === 't' && inline) {
      inline.push(readText(xml, u.end, at));
      u.end = at.pos;
    }
  }
  return v ?? (inline ? inline.join('') : null);
}

/** First pass over a sheet. Null when the sheet has no <sheetData> (not a worksheet we can add to). */
export function scanSheetXml(xml: string, wantRows: ReadonlySet<number>): SheetScan | null {
  const t = newTag();
  let prefix = '';
  let i = 0;
  let root = true;
  const colStyles: SheetScan['colStyles'] = [];
  const attrs: (string | null)[] = [null, null, null, null];
  // Up to <sheetData>: the root's prefix and the column formats.
  for (;;) {
    if (!nextTag(xml, i, t)) return null;
    i = t.end;
    if (root) {
      const qname = xml.slice(t.start + 1, t.attrStart);
      prefix = qname.includes(':') ? qname.slice(0, qname.indexOf(':') + 1) : '';
      root = false;
      continue;
    }
    if (t.name === 'col' && !t.closing) {
      readAttrs(xml, t, ['min', 'max', 'style'], attrs);
      const [min, max, style] = attrs.map((a) => (a === null ? NaN : Number(a)));
      if (Number.isInteger(style) && style! > 0 && min! >= 1) colStyles.push({ min: min!, max: Math.min(max! >= min! ? max! : min!, MAX_COLUMN), style: style! });
    }
    if (t.name === 'sheetData' && !t.closing) break;
  }
  const scan: SheetScan = { prefix, maxCol: 0, maxRow: 0, cells: new Map(), rowNum: [], rowStart: [], rowClose: [], rowEnd: [], ordered: true, headEnd: t.end, tailStart: t.end, emptyData: t.selfClosing, colStyles };
  if (t.selfClosing) {
    scan.headEnd = t.start;
    return scan;
  }
  const cell = { col: 0, type: null as string | null, style: 0 };
  const scratch: (string | null)[] = [null, null, null];
  let row = 0;
  let col = 0;
  let rowOpen = -1;
  let wanted: RawCell[] | null = null;
  while (nextTag(xml, i, t)) {
    i = t.end;
    const name: string = t.name;
    if (name === 'c') {
      if (t.closing) continue;
      cellAttrs(xml, t, cell, scratch);
      col = cell.col > 0 ? cell.col : col + 1;
      if (col > scan.maxCol) scan.maxCol = Math.min(col, MAX_COLUMN);
      if (wanted) {
        const end = cellEnd(xml, t);
        wanted.push({ col, style: cell.style || (cellHasStyle(xml, t) ? 0 : null), type: cell.type, value: cellValue(xml, t, end) });
        i = end;
      }
    } else if (name === 'row') {
      if (t.closing) {
        if (rowOpen >= 0) closeRow(scan, row, rowOpen, t.start, t.end);
        rowOpen = -1;
        continue;
      }
      if (rowOpen >= 0) closeRow(scan, row, rowOpen, -1, t.start); // a <row> left open: it ends where the next begins
      readAttrs(xml, t, ROW_ATTRS, attrs);
      const n = attrs[0] ? parseInt(attrs[0], 10) : NaN;
      const last = row;
      row = n > 0 ? n : row + 1;
      if (row <= last) scan.ordered = false;
      col = 0;
      if (row > scan.maxRow) scan.maxRow = row;
      wanted = wantRows.has(row) && !scan.cells.has(row) ? [] : null;
      if (wanted) scan.cells.set(row, wanted);
      if (t.selfClosing) closeRow(scan, row, t.start, -1, t.end);
      else rowOpen = t.start;
    } else if (name === 'sheetData' && t.closing) {
      if (rowOpen >= 0) closeRow(scan, row, rowOpen, -1, t.start);
      scan.tailStart = t.start;
      return scan;
    }
  }
  // no </sheetData>: a damaged part the guard let through; nothing safe to add to
  return null;
}

const cellHasStyle = (xml: string, t: Tag): boolean => attrPresent(xml, t, 's');

function closeRow(scan: SheetScan, row: number, start: number, close: number, end: number): void {
  scan.rowNum.push(row);
  scan.rowStart.push(start);
  scan.rowClose.push(close);
  scan.rowEnd.push(end);
}

export interface ExistingCell {
  col: number;
  /** Its s attribute; null when it has none. */
  style: number | null;
}

/** What the second pass writes. */
export interface SheetWrites {
  /** The rows that get cells, ascending. */
  rows: readonly number[];
  /** The columns (1-based, ascending) written in a row. */
  cols(row: number): readonly number[];
  /** A written cell's XML; `existing` is the cell it replaces (null: none), rowStyle the row's own format (customFormat). */
  cell(row: number, col: number, existing: ExistingCell | null, rowStyle: number | null): string;
  /** Columns whose old cells below row `clearFrom` are emptied (value removed, format kept) where not written. */
  clear: ReadonlySet<number>;
  clearFrom: number;
  /** The format a cleared cell keeps, from its own (e.g. without an earlier run's fill). */
  cleared(style: number): number;
}

/**
 * Second pass: the sheet again, as pieces of text handed to `out` in order.
 * `head` and `tail` are the text before and after the rows (the caller's
 * versions of them, e.g. a new dimension or a <legacyDrawing>).
 */
export function writeSheetXml(xml: string, scan: SheetScan, w: SheetWrites, head: string, tail: string, out: (s: string) => void): void {
  const p = scan.prefix;
  out(head);
  if (scan.emptyData) out(`<${p}sheetData>`);
  let from = scan.headEnd;
  let next = 0; // index into w.rows
  const done = new Set<number>();
  const newRows = (below: number): string => {
    let s = '';
    while (next < w.rows.length && w.rows[next]! < below) {
      const r = w.rows[next++]!;
      if (done.has(r)) continue;
      const cells = w.cols(r).map((c) => w.cell(r, c, null, null));
      s += `<${p}row r="${r}">${cells.join('')}</${p}row>`;
    }
    return s;
  };
  for (let k = 0; k < scan.rowNum.length; k++) {
    const r = scan.rowNum[k]!;
    const inserted = newRows(r);
    const writes = next < w.rows.length && w.rows[next] === r && !done.has(r);
    const clearing = w.clear.size > 0 && r > w.clearFrom;
    if (!inserted && !writes && !clearing) continue;
    out(xml.slice(from, scan.rowStart[k]));
    if (inserted) out(inserted);
    from = scan.rowStart[k]!;
    if (!writes && !clearing) continue;
    const rewritten = rewriteRow(xml, scan.rowStart[k]!, scan.rowClose[k]!, scan.rowEnd[k]!, r, writes ? w.cols(r) : [], w, p);
    if (writes) {
      next++;
      done.add(r);
    }
    if (rewritten === null) continue;
    out(rewritten);
    from = scan.rowEnd[k]!;
  }
  out(xml.slice(from, scan.tailStart));
  out(newRows(Infinity));
  if (scan.emptyData) out(`</${p}sheetData>`);
  out(tail);
}

/**
 * One row with our cells among its own (every cell then carries its r, so
 * none is renumbered by a cell put before it); null when nothing changes
 * (a cleared column with no cell in this row).
 */
function rewriteRow(xml: string, start: number, close: number, end: number, row: number, cols: readonly number[], w: SheetWrites, p: string): string | null {
  const t = newTag();
  nextTag(xml, start, t);
  const attrs: (string | null)[] = [null, null, null, null];
  readAttrs(xml, t, ROW_ATTRS, attrs);
  const rowStyle = attrs[1] !== null && (attrs[2] === '1' || attrs[2] === 'true') ? Number(attrs[1]) || 0 : null;
  const openEnd = t.end;
  const selfClosing = t.selfClosing;
  const closeStart = close >= 0 ? close : end;
  // The row's cells: where each starts and ends, its column and format.
  const cells: { start: number; end: number; col: number; rOk: boolean; hasR: boolean; style: number | null; nameEnd: number }[] = [];
  const cell = { col: 0, type: null as string | null, style: 0 };
  const scratch: (string | null)[] = [null, null, null];
  let col = 0;
  for (let i = openEnd; i < closeStart && nextTag(xml, i, t); ) {
    if (t.start >= closeStart) break;
    if (t.name !== 'c' || t.closing) {
      i = t.end;
      continue;
    }
    cellAttrs(xml, t, cell, scratch);
    col = cell.col > 0 ? cell.col : col + 1;
    const e = Math.min(cellEnd(xml, t), closeStart);
    cells.push({ start: t.start, end: e, col, rOk: cell.col > 0, hasR: cell.col > 0 || attrPresent(xml, t, 'r'), style: cell.style || attrPresent(xml, t, 's') ? cell.style : null, nameEnd: t.attrStart });
    i = e;
  }
  const cleared = cells.filter((c) => w.clear.has(c.col) && row > w.clearFrom && !cols.includes(c.col));
  if (cols.length === 0 && cleared.length === 0) return null;

  let tag = xml.slice(start, openEnd);
  const maxCol = Math.max(cols[cols.length - 1] ?? 0, cells.length ? cells[cells.length - 1]!.col : 0);
  if (attrs[3] !== null) tag = tag.replace(/(\sspans\s*=\s*")(\d+):(\d+)"/, (_m, a: string, lo: string, hi: string) => `${a}${lo}:${Math.max(Number(hi), maxCol)}"`);
  if (selfClosing) tag = tag.replace(/\s*\/>$/, '>');
  const parts: string[] = [tag];
  let k = 0; // next of cols
  let pos = openEnd;
  for (const c of cells) {
    while (k < cols.length && cols[k]! < c.col) parts.push(w.cell(row, cols[k++]!, null, rowStyle));
    parts.push(xml.slice(pos, c.start));
    if (k < cols.length && cols[k] === c.col) {
      parts.push(w.cell(row, cols[k++]!, { col: c.col, style: c.style }, rowStyle));
    } else if (cleared.includes(c)) {
      // the old value goes, the format stays (as clearing a cell's contents in Excel does)
      if (c.style !== null) parts.push(`<${p}c r="${columnLetter0(c.col - 1)}${row}" s="${w.cleared(c.style)}"/>`);
    } else if (!c.hasR) {
      parts.push(`${xml.slice(c.start, c.nameEnd)} r="${columnLetter0(c.col - 1)}${row}"${xml.slice(c.nameEnd, c.end)}`);
    } else if (!c.rOk) {
      // an r that names no column: replaced by the one the cell's place gives it
      const gt = xml.indexOf('>', c.start) + 1;
      parts.push(setAttr(xml.slice(c.start, gt), 'r', `${columnLetter0(c.col - 1)}${row}`) + xml.slice(gt, c.end));
    } else parts.push(xml.slice(c.start, c.end));
    pos = c.end;
  }
  while (k < cols.length) parts.push(w.cell(row, cols[k++]!, null, rowStyle));
  parts.push(xml.slice(pos, closeStart));
  parts.push(close >= 0 ? xml.slice(close, end) : `</${p}row>`);
  return parts.join('');
}
