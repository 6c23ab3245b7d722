// Turning a stream of (row, column, value) cells into a SheetGrid, with the
// caps, trimming and per-cell warnings every reader applies the same way.
// Shared by the direct xlsx reader (read.ts) and the exceljs-based reference
// reader (read-exceljs.ts) so both answer identically.
import type { CellValue, FileProblem, MergeRange, SheetGrid } from '../model';
import type { ReadLimits } from './guard';
import { problem } from './messages';
import { columnLetter0 } from './a1';
import { XLSX_CELL_MAX } from './neutralise';

export type ReadResult = { ok: true; sheets: SheetGrid[]; warnings: FileProblem[] } | { ok: false; problem: FileProblem };

/** Formula and cell-error warnings per file beyond which we stop listing them one by one. */
export const MAX_CELL_WARNINGS = 100;

export type Budget = { left: number };

/**
 * One window of columns of a sheet: rows packed from column `left` (gaps hold
 * null) up to their last value, at most `maxCols` wide.
 */
class ColumnWindow {
  readonly rows: CellValue[][] = [];
  /** 1-based first column of the window (0 until the first value). */
  left = 0;
  width = 0;
  constructor(private readonly maxCols: number) {}

  /** Puts a value; false when it falls outside the window (which never grows past maxCols). */
  put(rowNumber: number, colNumber: number, v: CellValue): boolean {
    if (this.left === 0) this.left = colNumber;
    if (colNumber < this.left) {
      // A value left of the window: the window moves left when it stays narrow enough.
      const shift = this.left - colNumber;
      if (this.width + shift > this.maxCols) return false;
      for (const row of this.rows) if (row.length) row.unshift(...new Array<CellValue>(shift).fill(null));
      this.left = colNumber;
      this.width += shift;
    }
    const c = colNumber - this.left;
    if (c >= this.maxCols) return false;
    const rows = this.rows;
    while (rows.length < rowNumber) rows.push([]);
    const row = rows[rowNumber - 1];
    while (row.length < c) row.push(null);
    if (row.length === c) row.push(v);
    else row[c] = v;
    if (c + 1 > this.width) this.width = c + 1;
    return true;
  }
}

export class GridBuilder {
  /** Columns 1 to maxCols: where a sheet's data is. */
  private readonly main: ColumnWindow;
  /**
   * Values past maxCols, in their own window, until the main one gets a value:
   * a sheet whose data all sits far to the right (a table starting at column
   * FOO) is read from there, with an origin, instead of coming back empty.
   */
  private far: ColumnWindow | null = null;
  private firstFar: { row: number; col: number } | null = null;
  private stray = 0;
  private firstStray = 0;

  constructor(
    readonly sheet: string,
    private readonly file: string,
    private readonly limits: ReadLimits,
    private readonly warnings: FileProblem[],
    private readonly budget: Budget,
  ) {
    this.main = new ColumnWindow(limits.maxCols);
    // Anchored at column 1, so a sheet with data near A reads as it always did.
    this.main.left = 1;
  }

  /** A formula error or a formula without a cached result (1-based row and column). */
  warnCell(code: 'formula-error' | 'formula-no-result', row: number, col: number, value?: string): void {
    if (this.budget.left-- <= 0) return;
    const column = columnLetter0(col - 1);
    this.warnings.push(problem(code, this.file, { value, cell: `${column}${row}` }, { sheet: this.sheet, row, column }));
  }

  /** One resolved cell (1-based row and column); empty values are skipped. */
  add(rowNumber: number, colNumber: number, v: CellValue): void {
    if (v === null || v === '') return;
    const { limits, budget, warnings, file, sheet } = this;
    if (typeof v === 'string' && v.length > XLSX_CELL_MAX && budget.left-- > 0) {
      const column = columnLetter0(colNumber - 1);
      warnings.push(problem('cell-over-limit', file, { length: v.length }, { sheet, row: rowNumber, column }));
    }
    if (rowNumber > limits.maxRows) {
      if (this.stray++ === 0) this.firstStray = rowNumber;
      return;
    }
    if (colNumber <= limits.maxCols) {
      this.main.put(rowNumber, colNumber, v);
      this.far = null;
      return;
    }
    this.firstFar ??= { row: rowNumber, col: colNumber };
    if (this.main.width > 0) return;
    this.far ??= new ColumnWindow(limits.maxCols);
    this.far.put(rowNumber, colNumber, v);
  }

  finish(sheetMerges: MergeRange[], state: SheetGrid['state']): SheetGrid {
    const { limits, warnings, file, sheet } = this;
    if (this.stray > 0)
      warnings.push(problem('rows-beyond-cap', file, { count: this.stray, limit: limits.maxRows.toLocaleString('en-US') }, { sheet, row: this.firstStray }));
    const w = this.main.width === 0 && this.far ? this.far : this.main;
    if (w === this.main && this.firstFar)
      warnings.push(problem('columns-beyond-cap', file, { limit: limits.maxCols }, { sheet, row: this.firstFar.row, column: columnLetter0(this.firstFar.col - 1) }));
    const colOrigin = w.left - 1;
    // Rectangular grid trimmed to the last row and column that hold a value.
    const rows = w.rows;
    const width = w.width;
    for (const row of rows) while (row.length < width) row.push(null);
    const merges: MergeRange[] = [];
    for (const m of sheetMerges) {
      const left = m.left - colOrigin;
      const right = Math.min(m.right - colOrigin, limits.maxCols - 1);
      if (m.top >= limits.maxRows || left >= limits.maxCols || right < 0) continue;
      merges.push({ top: m.top, left: Math.max(0, left), bottom: Math.min(m.bottom, limits.maxRows - 1), right });
    }
    merges.sort((a, b) => a.top - b.top || a.left - b.left);
    // Excel shows only the first cell of a merge; some tools store values in the others too.
    for (const m of merges)
      for (let r = m.top; r <= Math.min(m.bottom, rows.length - 1); r++)
        for (let c = m.left; c <= Math.min(m.right, width - 1); c++) if (r !== m.top || c !== m.left) rows[r][c] = null;
    const grid: SheetGrid = { name: sheet, rows, merges, state };
    if (colOrigin > 0) grid.origin = { row: 0, col: colOrigin };
    return grid;
  }
}

const BEYOND_CAP = new Set(['sheet-too-many-rows', 'rows-beyond-cap', 'columns-beyond-cap']);

/**
 * The workbook-level checks after every sheet is read: nothing at all (and
 * why: a sheet too big, data only past the caps, or truly empty), or only
 * hidden sheets.
 */
export function finishRead(file: string, sheets: SheetGrid[], warnings: FileProblem[], limits: ReadLimits): ReadResult {
  const hasContent = sheets.some((s) => s.rows.length > 0);
  if (!hasContent) {
    const dropped = warnings.find((w) => w.code === 'sheet-too-many-rows');
    if (dropped) return { ok: false, problem: dropped };
    if (warnings.some((w) => BEYOND_CAP.has(w.code)))
      return { ok: false, problem: problem('only-beyond-cap', file, { rows: limits.maxRows.toLocaleString('en-US'), cols: limits.maxCols.toLocaleString('en-US') }) };
    const names = sheets.map((s) => `「${s.name}」`).join('、');
    return { ok: false, problem: problem('empty-workbook', file, { reason: names ? `工作表${names}没有任何内容` : '没有可读的工作表' }) };
  }
  if (sheets.length > 0 && sheets.every((s) => s.state !== 'visible')) {
    warnings.push(problem('only-hidden-sheets', file, { sheets: sheets.map((s) => `「${s.name}」`).join('、') }));
  }
  return { ok: true, sheets, warnings };
}

/** An error's own text, for FileProblem.detail (support reads it; the user never sees it). */
export function describeError(e: unknown): string {
  const msg = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return msg.length > 300 ? msg.slice(0, 300) + '…' : msg;
}

/** What an unexpected error means for the user, in their terms, when we can tell; else undefined (the message says the structure is abnormal). */
export function errorReason(e: unknown): string | undefined {
  const msg = e instanceof Error ? e.message : String(e);
  if (/end of central directory|corrupted zip|invalid signature/i.test(msg)) return '文件目录损坏';
  if (/unexpected end|end of data|truncated/i.test(msg)) return '文件不完整';
  if (/call stack|too much recursion|out of memory|allocation failed|Invalid (?:array|string) length/i.test(msg)) return '内容嵌套过深或过大';
  if (/^\d+:\d+: /.test(msg) || /xml|tag|attribute|entity/i.test(msg)) return '内部 XML 结构错误';
  return undefined;
}
