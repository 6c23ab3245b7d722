// Turning a stream of (row, column, value) cells into a SheetGrid, with the
// caps, trimming and per-cell warnings every reader applies the same way.
// Shared by the direct xlsx reader (read.ts) and the exceljs-based reference
// reader (read-exceljs.ts) so both answer identically.
import type { CellValue, FileProblem, MergeRange, SheetGrid } from '../model';
import type { ReadLimits } from './guard';
import { columnLetter, problem } from './messages';
import { XLSX_CELL_MAX } from './neutralise';

export type ReadResult = { ok: true; sheets: SheetGrid[]; warnings: FileProblem[] } | { ok: false; problem: FileProblem };

/** Formula and cell-error warnings per file beyond which we stop listing them one by one. */
export const MAX_CELL_WARNINGS = 100;

export type Budget = { left: number };

export class GridBuilder {
  /** Rows as they fill, each packed (gaps hold null) up to its last value; padded to the width at the end. */
  private readonly rows: CellValue[][] = [];
  private lastRow = 0;
  private width = 0;
  private stray = 0;
  private firstStray = 0;
  private wideWarned = false;

  constructor(
    readonly sheet: string,
    private readonly file: string,
    private readonly limits: ReadLimits,
    private readonly warnings: FileProblem[],
    private readonly budget: Budget,
  ) {}

  /** A formula error or a formula without a cached result (1-based row and column). */
  warnCell(code: 'formula-error' | 'formula-no-result', row: number, col: number, value?: string): void {
    if (this.budget.left-- <= 0) return;
    const column = columnLetter(col);
    this.warnings.push(problem(code, this.file, { value, cell: `${column}${row}` }, { sheet: this.sheet, row, column }));
  }

  /** One resolved cell (1-based row and column); empty values are skipped. */
  add(rowNumber: number, colNumber: number, v: CellValue): void {
    if (v === null || v === '') return;
    const { limits, budget, warnings, file, sheet } = this;
    if (typeof v === 'string' && v.length > XLSX_CELL_MAX && budget.left-- > 0) {
      const column = columnLetter(colNumber);
      warnings.push(problem('cell-over-limit', file, { length: v.length }, { sheet, row: rowNumber, column }));
    }
    if (rowNumber > limits.maxRows) {
      if (this.stray++ === 0) this.firstStray = rowNumber;
      return;
    }
    if (colNumber > limits.maxCols) {
      if (!this.wideWarned) {
        this.wideWarned = true;
        const column = columnLetter(colNumber);
        warnings.push(problem('columns-beyond-cap', file, { limit: limits.maxCols }, { sheet, row: rowNumber, column }));
      }
      return;
    }
    const rows = this.rows;
    while (rows.length < rowNumber) rows.push([]);
    const row = rows[rowNumber - 1];
    const c = colNumber - 1;
    while (row.length < c) row.push(null);
    if (row.length === c) row.push(v);
    else row[c] = v;
    if (rowNumber > this.lastRow) this.lastRow = rowNumber;
    if (colNumber > this.width) this.width = colNumber;
  }

  finish(sheetMerges: MergeRange[], state: SheetGrid['state']): SheetGrid {
    const { limits, warnings, file, sheet, width } = this;
    if (this.stray > 0)
      warnings.push(problem('rows-beyond-cap', file, { count: this.stray, limit: limits.maxRows.toLocaleString('en-US') }, { sheet, row: this.firstStray }));
    // Rectangular grid trimmed to the last row and column that hold a value.
    const rows = this.rows;
    for (const row of rows) while (row.length < width) row.push(null);
    const merges: MergeRange[] = [];
    for (const m of sheetMerges) {
      if (m.top >= limits.maxRows || m.left >= limits.maxCols) continue;
      merges.push({ top: m.top, left: m.left, bottom: Math.min(m.bottom, limits.maxRows - 1), right: Math.min(m.right, limits.maxCols - 1) });
    }
    merges.sort((a, b) => a.top - b.top || a.left - b.left);
    // Excel shows only the first cell of a merge; some tools store values in the others too.
    for (const m of merges)
      for (let r = m.top; r <= Math.min(m.bottom, rows.length - 1); r++)
        for (let c = m.left; c <= Math.min(m.right, width - 1); c++) if (r !== m.top || c !== m.left) rows[r][c] = null;
    return { name: sheet, rows, merges, state };
  }
}

/** The workbook-level checks after every sheet is read: nothing at all, or only hidden sheets. */
export function finishRead(file: string, sheets: SheetGrid[], warnings: FileProblem[]): ReadResult {
  const hasContent = sheets.some((s) => s.rows.length > 0);
  if (!hasContent) {
    const dropped = warnings.find((w) => w.code === 'sheet-too-many-rows');
    if (dropped) return { ok: false, problem: dropped };
    return { ok: false, problem: problem('empty-workbook', file, { detail: `工作表${sheets.map((s) => `「${s.name}」`).join('、')}没有任何内容` }) };
  }
  if (sheets.length > 0 && sheets.every((s) => s.state !== 'visible')) {
    warnings.push(problem('only-hidden-sheets', file, { sheets: sheets.map((s) => `「${s.name}」`).join('、') }));
  }
  return { ok: true, sheets, warnings };
}

export function describeError(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  if (/end of central directory|corrupted zip|Corrupted zip/i.test(msg)) return '压缩结构损坏';
  if (/invalid signature|Unexpected end/i.test(msg)) return '文件不完整或已损坏';
  const xml = /^(\d+):(\d+): (.*)$/.exec(msg);
  if (xml) return `内部 XML 结构错误，第 ${xml[1]} 行第 ${xml[2]} 列：${xml[3]}`;
  return msg.length > 200 ? msg.slice(0, 200) + '…' : msg;
}
