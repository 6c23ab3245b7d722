// An in-memory workbook that behaves as Excel does where the add-in meets it:
// strings written to cells are parsed as typed (excel-input.ts), ranges past
// the last row or column are refused, a protected sheet refuses writes, a
// note or comment cannot be added over another, conditional-format ids are
// priorities that move, merged areas are reported by top-left cell and
// refused over 512 at once, and sheet names follow Excel's rules. Every
// refusal is a HostError with Excel's code. The memory gateway (gateway.ts),
// the demo page and the Office.js test mock all work on this one model.
import type { CellValue, MergeRange, SheetGrid } from '../../shared/model';
import type { CellFormat } from '../ops';
import { HostError, MAX_COLS, MAX_MERGED_AREAS, MAX_ROWS, sheetNameProblem } from '../excel-rules';
import { highlightTag } from '../highlights';
import { rangeA1 } from '../a1';
import { typedAsExcel } from './excel-input';

export const key = (row: number, col: number) => `${row},${col}`;
const unkey = (k: string) => k.split(',').map(Number) as [number, number];

export interface MemoryHighlight {
  color: string;
  tag: string;
}

export interface MemoryValidation {
  row: number;
  col: number;
  rows: number;
  cols: number;
  source: string;
}

/** A conditional format; its id is its index (priority) in the sheet's list, as in Excel. */
export interface MemoryConditionalFormat {
  cells: { row: number; col: number }[];
  color: string;
  formula: string;
}

/** A threaded comment (ExcelApi 1.10) and its replies. */
export interface MemoryComment {
  id: string;
  text: string;
  replies: string[];
}

const MS_PER_DAY = 86_400_000;
/** Excel's serial day number of a Date (1900 system, UTC), what Range.values returns for a date cell. */
export const dateToSerial = (d: Date): number => d.getTime() / MS_PER_DAY + 25569;
/** The number format Excel gives a date typed as 2023-06-30 (or written as one). */
export const DATE_FORMAT = 'yyyy/m/d';

export class MemorySheet {
  name: string;
  /** Rows by index; rows with nothing in them are holes, so a value at row 1,048,576 costs nothing. */
  cells: CellValue[][] = [];
  merges: MergeRange[] = [];
  /** Notes (the classic yellow note, ExcelApi 1.18) by cell key. */
  notes = new Map<string, string>();
  /** Threaded comments by cell key. */
  comments = new Map<string, MemoryComment>();
  /** Conditional formats in priority order (index 0 first). */
  conditionalFormats: MemoryConditionalFormat[] = [];
  formats = new Map<string, CellFormat>();
  validations: MemoryValidation[] = [];
  colWidths = new Map<number, number>();
  /** Formulas that strings became when written unprotected (none should ever appear). */
  formulas = new Map<string, string>();
  state: 'visible' | 'hidden' | 'veryHidden' = 'visible';
  /** A protected sheet: every write is refused with AccessDenied. */
  protected = false;

  constructor(name: string) {
    this.name = name;
  }

  get(row: number, col: number): CellValue {
    return this.cells[row]?.[col] ?? null;
  }

  set(row: number, col: number, v: CellValue): void {
    const r = (this.cells[row] ??= []);
    while (r.length <= col) r.push(null);
    // Excel stores an empty string as an empty cell.
    r[col] = v === '' ? null : v;
  }

  /** Our highlights by cell (the add-in's conditional formats; the first in priority wins a cell). */
  get highlights(): Map<string, MemoryHighlight> {
    const out = new Map<string, MemoryHighlight>();
    for (let i = this.conditionalFormats.length - 1; i >= 0; i--) {
      const cf = this.conditionalFormats[i];
      const tag = highlightTag(cf.formula);
      if (tag === null) continue;
      for (const c of cf.cells) out.set(key(c.row, c.col), { color: cf.color, tag });
    }
    return out;
  }

  /** Bounding box of the cells that hold a value (Excel's used range, values only). */
  usedBounds(): { row: number; col: number; rows: number; cols: number } | null {
    let top = Infinity, left = Infinity, bottom = -1, right = -1;
    this.cells.forEach((r, i) =>
      r.forEach((v, j) => {
        if (v === null || v === '') return;
        top = Math.min(top, i);
        bottom = Math.max(bottom, i);
        left = Math.min(left, j);
        right = Math.max(right, j);
      }),
    );
    if (bottom < 0) return null;
    return { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
  }

  /** Widest row, in columns. */
  width(): number {
    let w = 0;
    this.cells.forEach((r) => (w = Math.max(w, r.length)));
    return w;
  }
}

/** Values and number formats of a block, as Range.values and Range.numberFormat return them (dates as serials). */
export interface CellBlock {
  values: (string | number | boolean)[][];
  formats: string[][];
}

export class MemoryWorkbook {
  sheets: MemorySheet[] = [];
  active = '';
  selection: { sheet: string; row: number; col: number } | null = null;
  /** The user is typing in a cell: Excel refuses (or, with delayForCellEdit, holds) every batch. */
  editing = false;
  private editWaiters: (() => void)[] = [];
  private listeners = new Set<() => void>();

  static fromGrids(grids: SheetGrid[]): MemoryWorkbook {
    const wb = new MemoryWorkbook();
    for (const g of grids) {
      const s = new MemorySheet(g.name);
      const o = g.origin ?? { row: 0, col: 0 };
      g.rows.forEach((r, i) => r?.forEach((v, j) => v !== null && v !== '' && s.set(i + o.row, j + o.col, v)));
      s.merges = g.merges.map((m) => ({ top: m.top + o.row, bottom: m.bottom + o.row, left: m.left + o.col, right: m.right + o.col }));
      s.state = g.state ?? 'visible';
      wb.sheets.push(s);
    }
    wb.active = wb.sheets.find((s) => s.state === 'visible')?.name ?? '';
    return wb;
  }

  /** A sheet by name; Excel matches sheet names ignoring case. */
  sheet(name: string): MemorySheet | undefined {
    return this.sheets.find((s) => s.name === name) ?? this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** Whole sheets as plain grids from A1 (for snapshots and export of the demo). */
  toGrids(): SheetGrid[] {
    return this.sheets.map((s) => ({ name: s.name, rows: Array.from(s.cells, (r) => (r ? [...r] : [])), merges: s.merges.map((m) => ({ ...m })), state: s.state }));
  }

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  changed(): void {
    for (const fn of this.listeners) fn();
  }

  beginEdit(): void {
    this.editing = true;
  }

  endEdit(): void {
    this.editing = false;
    for (const w of this.editWaiters.splice(0)) w();
  }

  /** Resolves once the user leaves cell edit mode (what delayForCellEdit waits for). */
  whenNotEditing(): Promise<void> {
    return this.editing ? new Promise((resolve) => this.editWaiters.push(resolve)) : Promise.resolve();
  }

  // ——— Excel's rules: each refusal is a HostError with Excel's code ———

  assertNotEditing(): void {
    if (this.editing) throw new HostError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.');
  }

  mustSheet(name: string): MemorySheet {
    const s = this.sheet(name);
    if (!s) throw new HostError('ItemNotFound', `The requested resource doesn't exist. (${name})`);
    return s;
  }

  private writable(name: string): MemorySheet {
    const s = this.mustSheet(name);
    if (s.protected) throw new HostError('AccessDenied', 'You cannot perform the requested operation.');
    return s;
  }

  private checkRange(row: number, col: number, rows: number, cols: number): void {
    if (row < 0 || col < 0 || rows < 1 || cols < 1 || row + rows > MAX_ROWS || col + cols > MAX_COLS)
      throw new HostError('InvalidArgument', `The argument is invalid or missing or has an incorrect format. (${rangeA1(row, col, rows, cols)})`);
  }

  /** Range.values = values: each string is parsed as typed; null leaves a cell alone; '' clears it. */
  writeValues(sheet: string, row: number, col: number, values: unknown[][]): void {
    const s = this.writable(sheet);
    this.checkRange(row, col, values.length, Math.max(1, ...values.map((r) => r.length)));
    values.forEach((r, i) =>
      r.forEach((v, j) => {
        if (v === null || v === undefined) return;
        const k = key(row + i, col + j);
        s.formulas.delete(k);
        if (typeof v !== 'string' || v === '') return s.set(row + i, col + j, v as CellValue);
        const typed = typedAsExcel(v);
        if (typed.formula) s.formulas.set(k, typed.formula);
        s.set(row + i, col + j, typed.value);
      }),
    );
  }

  /** Range.values and Range.numberFormat of a block (dates come back as serial numbers with a date format). */
  readBlock(sheet: string, row: number, col: number, rows: number, cols: number): CellBlock {
    const s = this.mustSheet(sheet);
    this.checkRange(row, col, rows, cols);
    const values: (string | number | boolean)[][] = [];
    const formats: string[][] = [];
    for (let i = 0; i < rows; i++) {
      const vr: (string | number | boolean)[] = [];
      const fr: string[] = [];
      for (let j = 0; j < cols; j++) {
        const v = s.get(row + i, col + j);
        vr.push(v instanceof Date ? dateToSerial(v) : v === null ? '' : v);
        fr.push(v instanceof Date ? DATE_FORMAT : 'General');
      }
      values.push(vr);
      formats.push(fr);
    }
    return { values, formats };
  }

  /** Range.getMergedAreasOrNullObject over sheet rows [from, to): the areas whose top-left cell is in those rows. */
  mergedAreas(sheet: string, from: number, to: number): MergeRange[] {
    const s = this.mustSheet(sheet);
    const found = s.merges.filter((m) => m.top >= from && m.top < to);
    if (found.length > MAX_MERGED_AREAS) throw new HostError('GeneralException', 'There was an internal error while processing the request.');
    return found.map((m) => ({ ...m }));
  }

  setFormat(sheet: string, row: number, col: number, rows: number, cols: number, format: CellFormat): void {
    const s = this.writable(sheet);
    this.checkRange(row, col, rows, cols);
    const { columnWidth, ...cell } = format;
    if (Object.keys(cell).length)
      for (let i = 0; i < rows; i++)
        for (let j = 0; j < cols; j++) {
          const k = key(row + i, col + j);
          s.formats.set(k, { ...s.formats.get(k), ...cell });
        }
    if (columnWidth) for (let j = 0; j < cols; j++) s.colWidths.set(col + j, columnWidth);
  }

  /** ConditionalFormatCollection.add: the new format takes the first priority, every other id moves down one. */
  addConditionalFormat(sheet: string, cells: { row: number; col: number }[], color: string, formula: string): void {
    const s = this.writable(sheet);
    for (const c of cells) this.checkRange(c.row, c.col, 1, 1);
    s.conditionalFormats.unshift({ cells: cells.map((c) => ({ ...c })), color, formula });
  }

  conditionalFormatList(sheet: string): { id: string; formula: string }[] {
    return this.mustSheet(sheet).conditionalFormats.map((cf, i) => ({ id: String(i), formula: cf.formula }));
  }

  /** ConditionalFormatCollection.getItem(id).delete(): an id no longer there is ItemNotFound. */
  deleteConditionalFormat(sheet: string, id: string): void {
    const s = this.writable(sheet);
    const i = /^\d+$/.test(id) ? Number(id) : -1;
    if (i < 0 || i >= s.conditionalFormats.length) throw new HostError('ItemNotFound', `The requested resource doesn't exist. (conditional format ${id})`);
    s.conditionalFormats.splice(i, 1);
  }

  noteAt(sheet: string, row: number, col: number): string | null {
    return this.mustSheet(sheet).notes.get(key(row, col)) ?? null;
  }

  /** NoteCollection.add: a cell holds one note or one comment, never both, never two. */
  addNote(sheet: string, row: number, col: number, text: string): void {
    const s = this.writable(sheet);
    this.checkRange(row, col, 1, 1);
    const k = key(row, col);
    if (s.notes.has(k) || s.comments.has(k)) throw new HostError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
    s.notes.set(k, text);
  }

  /** Note.content = text. */
  setNote(sheet: string, row: number, col: number, text: string): void {
    const s = this.writable(sheet);
    const k = key(row, col);
    if (!s.notes.has(k)) throw new HostError('ItemNotFound', "The requested resource doesn't exist.");
    s.notes.set(k, text);
  }

  commentsOf(sheet: string): { id: string; row: number; col: number }[] {
    return [...this.mustSheet(sheet).comments.entries()].map(([k, c]) => {
      const [row, col] = unkey(k);
      return { id: c.id, row, col };
    });
  }

  /** CommentCollection.add: refused on a cell that already has a comment (or a note). */
  addComment(sheet: string, row: number, col: number, text: string): void {
    const s = this.writable(sheet);
    this.checkRange(row, col, 1, 1);
    const k = key(row, col);
    if (s.comments.has(k) || s.notes.has(k)) throw new HostError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
    s.comments.set(k, { id: `c${this.sheets.reduce((n, x) => n + x.comments.size, 0) + 1}-${k}`, text, replies: [] });
  }

  /** Comment.replies.add. */
  addReply(commentId: string, text: string): void {
    for (const s of this.sheets)
      for (const c of s.comments.values())
        if (c.id === commentId) {
          if (s.protected) throw new HostError('AccessDenied', 'You cannot perform the requested operation.');
          c.replies.push(text);
          return;
        }
    throw new HostError('ItemNotFound', "The requested resource doesn't exist.");
  }

  setValidation(sheet: string, v: MemoryValidation): void {
    const s = this.writable(sheet);
    this.checkRange(v.row, v.col, v.rows, v.cols);
    s.validations = s.validations.filter((x) => !(x.row === v.row && x.col === v.col));
    s.validations.push({ ...v });
  }

  deleteColumns(sheet: string, col: number, count: number): void {
    const s = this.writable(sheet);
    this.checkRange(0, col, 1, count);
    s.cells.forEach((r) => r.splice(col, count));
    const shift = <T,>(m: Map<string, T>): Map<string, T> => {
      const out = new Map<string, T>();
      for (const [k, v] of m) {
        const [r, c] = unkey(k);
        if (c >= col && c < col + count) continue;
        out.set(key(r, c >= col + count ? c - count : c), v);
      }
      return out;
    };
    s.notes = shift(s.notes);
    s.comments = shift(s.comments);
    s.formats = shift(s.formats);
    s.formulas = shift(s.formulas);
    s.conditionalFormats = s.conditionalFormats
      .map((cf) => ({ ...cf, cells: cf.cells.filter((c) => c.col < col || c.col >= col + count).map((c) => (c.col >= col + count ? { ...c, col: c.col - count } : c)) }))
      .filter((cf) => cf.cells.length > 0);
    s.validations = s.validations
      .filter((v) => v.col + v.cols <= col || v.col >= col + count)
      .map((v) => (v.col >= col + count ? { ...v, col: v.col - count } : v));
    const widths = new Map<number, number>();
    for (const [c, w] of s.colWidths)
      if (c < col) widths.set(c, w);
      else if (c >= col + count) widths.set(c - count, w);
    s.colWidths = widths;
  }

  /** WorksheetCollection.add: Excel's naming rules, a taken name is ItemAlreadyExists. */
  addSheet(name: string): void {
    const problem = sheetNameProblem(name, this.sheets.map((s) => s.name));
    if (problem === 'taken') throw new HostError('ItemAlreadyExists', 'The resource being created already exists.');
    if (problem) throw new HostError('InvalidArgument', `The argument is invalid or missing or has an incorrect format. (${problem})`);
    this.sheets.push(new MemorySheet(name));
  }

  activate(name: string): void {
    this.active = this.mustSheet(name).name;
  }

  select(name: string, row: number, col: number): void {
    this.checkRange(row, col, 1, 1);
    this.active = this.mustSheet(name).name;
    this.selection = { sheet: this.active, row, col };
  }
}
