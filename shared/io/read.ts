// readWorkbook: bytes → SheetGrid[] (plain values, merges, sheet state), or a
// FileProblem. Never throws on bad bytes: the guards refuse what would hurt,
// and exceljs's own errors are mapped to a message naming the file.
import type { CellValue, FileProblem, MergeRange, SheetGrid } from '../model';
import { VT, loadWorkbook, type Cell, type Worksheet } from './excel';
import { DEFAULT_LIMITS, guardWorkbook, type ReadLimits } from './guard';
import { columnLetter, problem } from './messages';
import { XLSX_CELL_MAX } from './neutralise';

export type ReadResult = { ok: true; sheets: SheetGrid[]; warnings: FileProblem[] } | { ok: false; problem: FileProblem };

export interface ReadOptions {
  limits?: Partial<ReadLimits>;
}

/** Formula and cell-error warnings per file beyond which we stop listing them one by one. */
const MAX_CELL_WARNINGS = 100;

// Parts of a worksheet the core never reads; skipping them saves time and
// avoids exceljs expanding whole-column data validations cell by cell.
// Merges are read by the guard instead: exceljs checks each new merge against
// every earlier one (a ledger with 10,000 merged 类别 cells took a minute).
const IGNORED_NODES = ['mergeCells', 'dataValidations', 'conditionalFormatting', 'pageSetup', 'headerFooter', 'printOptions', 'rowBreaks', 'extLst', 'picture', 'drawing'];

export async function readWorkbook(bytes: Uint8Array, file: string, opts: ReadOptions = {}): Promise<ReadResult> {
  const limits: ReadLimits = { ...DEFAULT_LIMITS, ...opts.limits };
  let guarded;
  try {
    guarded = guardWorkbook(bytes, file, limits);
  } catch (e) {
    return { ok: false, problem: problem('parse-failed', file, { detail: describeError(e) }) };
  }
  if (guarded.kind === 'refused') return { ok: false, problem: guarded.problem };
  if (guarded.kind === 'csv') return { ok: true, sheets: [guarded.sheet], warnings: guarded.warnings };

  const warnings = [...guarded.warnings];
  let wb;
  try {
    wb = await loadWorkbook(guarded.bytes, IGNORED_NODES);
  } catch (e) {
    return { ok: false, problem: problem('parse-failed', file, { detail: describeError(e) }) };
  }
  const budget = { left: MAX_CELL_WARNINGS };
  const sheets: SheetGrid[] = [];
  try {
    for (const ws of wb.worksheets) sheets.push(sheetToGrid(ws, file, limits, warnings, budget, guarded.merges.get(ws.name) ?? []));
  } catch (e) {
    return { ok: false, problem: problem('parse-failed', file, { detail: describeError(e) }) };
  }
  // exceljs keeps sheet order; guard's order is the workbook's, use it for state when exceljs has none.
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

function describeError(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  if (/end of central directory|corrupted zip|Corrupted zip/i.test(msg)) return '压缩结构损坏';
  if (/invalid signature|Unexpected end/i.test(msg)) return '文件不完整或已损坏';
  const xml = /^(\d+):(\d+): (.*)$/.exec(msg);
  if (xml) return `内部 XML 结构错误，第 ${xml[1]} 行第 ${xml[2]} 列：${xml[3]}`;
  return msg.length > 200 ? msg.slice(0, 200) + '…' : msg;
}

function plainText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && 'richText' in (v as object)) return ((v as { richText: { text: string }[] }).richText ?? []).map((r) => r.text ?? '').join('');
  return String(v);
}

type Budget = { left: number };

/** Resolves one exceljs cell to a plain value, warning about error results. */
function cellValue(cell: Cell, ctx: { file: string; sheet: string; row: number; col: number; warnings: FileProblem[]; budget: Budget }): CellValue {
  const v = cell.value as unknown;
  const warnCell = (code: 'formula-error' | 'formula-no-result', value?: string): void => {
    if (ctx.budget.left-- <= 0) return;
    const column = columnLetter(ctx.col);
    ctx.warnings.push(problem(code, ctx.file, { value, cell: `${column}${ctx.row}` }, { sheet: ctx.sheet, row: ctx.row, column }));
  };
  switch (cell.type as number) {
    case VT.Null:
    case VT.Merge:
      return null;
    case VT.Number:
    case VT.Boolean:
      return v as number | boolean;
    case VT.Date:
      return v instanceof Date && !Number.isNaN(v.getTime()) ? v : null;
    case VT.String:
    case VT.SharedString:
      return typeof v === 'string' ? v : plainText(v);
    case VT.RichText:
      return plainText(v);
    case VT.Hyperlink: {
      const h = v as { text?: unknown; hyperlink?: string };
      return plainText(h.text) || h.hyperlink || null;
    }
    case VT.Error: {
      const err = (v as { error?: string }).error ?? '#ERROR';
      warnCell('formula-error', err);
      return err;
    }
    case VT.Formula: {
      const r = (v as { result?: unknown }).result;
      if (r === undefined || r === null) {
        warnCell('formula-no-result');
        return null;
      }
      if (typeof r === 'object' && r !== null && 'error' in r) {
        const err = String((r as { error: string }).error);
        warnCell('formula-error', err);
        return err;
      }
      if (r instanceof Date) return Number.isNaN(r.getTime()) ? null : r;
      if (typeof r === 'number' || typeof r === 'boolean') return r;
      return plainText(r);
    }
    default:
      return v === undefined ? null : (plainText(v) as CellValue);
  }
}

function sheetToGrid(ws: Worksheet, file: string, limits: ReadLimits, warnings: FileProblem[], budget: Budget, sheetMerges: MergeRange[]): SheetGrid {
  const sheet = ws.name;
  const cells: { r: number; c: number; v: CellValue }[] = [];
  let lastRow = 0;
  let width = 0;
  let stray = 0;
  let firstStray = 0;
  let wideWarned = false;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const v = cellValue(cell, { file, sheet, row: rowNumber, col: colNumber, warnings, budget });
      if (v === null || v === '') return;
      if (typeof v === 'string' && v.length > XLSX_CELL_MAX && budget.left-- > 0) {
        const column = columnLetter(colNumber);
        warnings.push(problem('cell-over-limit', file, { length: v.length }, { sheet, row: rowNumber, column }));
      }
      if (rowNumber > limits.maxRows) {
        if (stray++ === 0) firstStray = rowNumber;
        return;
      }
      if (colNumber > limits.maxCols) {
        if (!wideWarned) {
          wideWarned = true;
          const column = columnLetter(colNumber);
          warnings.push(problem('columns-beyond-cap', file, { limit: limits.maxCols }, { sheet, row: rowNumber, column }));
        }
        return;
      }
      cells.push({ r: rowNumber - 1, c: colNumber - 1, v });
      if (rowNumber > lastRow) lastRow = rowNumber;
      if (colNumber > width) width = colNumber;
    });
  });
  if (stray > 0) warnings.push(problem('rows-beyond-cap', file, { count: stray, limit: limits.maxRows.toLocaleString('en-US') }, { sheet, row: firstStray }));
  // Rectangular grid trimmed to the last row and column that hold a value.
  const rows: CellValue[][] = [];
  for (let r = 0; r < lastRow; r++) rows.push(new Array<CellValue>(width).fill(null));
  for (const { r, c, v } of cells) rows[r][c] = v;
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
  const state = ws.state === 'hidden' || ws.state === 'veryHidden' ? ws.state : 'visible';
  return { name: sheet, rows, merges, state };
}
