// The former reader: guards, then exceljs `load`, mapped to SheetGrid. Not
// shipped in readWorkbook any more (the direct reader in read.ts is several
// times faster); kept as the reference the differential tests compare the
// direct reader against, and as the benchmark's `exceljs_load` path.
import type { CellValue, FileProblem, SheetGrid } from '../model';
import { VT, loadWorkbook, type Cell, type Worksheet } from './excel';
import { GridBuilder, MAX_CELL_WARNINGS, describeError, errorReason, finishRead, type Budget, type ReadResult } from './grid';
import { DEFAULT_LIMITS, type ReadLimits } from './guard';
import { problem } from './messages';
import { guardForRead, type ReadOptions } from './read';

// Parts of a worksheet the core never reads; skipping them saves time and
// avoids exceljs expanding whole-column data validations cell by cell.
// Merges are read by the guard instead: exceljs checks each new merge against
// every earlier one (a ledger with 10,000 merged 类别 cells took a minute).
const IGNORED_NODES = ['mergeCells', 'dataValidations', 'conditionalFormatting', 'pageSetup', 'headerFooter', 'printOptions', 'rowBreaks', 'extLst', 'picture', 'drawing'];

export async function readWorkbookWithExceljs(bytes: Uint8Array, file: string, opts: ReadOptions = {}): Promise<ReadResult> {
  const limits: ReadLimits = { ...DEFAULT_LIMITS, ...opts.limits };
  const verdict = guardForRead(bytes, file, limits);
  if ('done' in verdict) return verdict.done;
  const { guarded } = verdict;

  const warnings = [...guarded.warnings];
  let wb;
  try {
    wb = await loadWorkbook(guarded.bytes, IGNORED_NODES);
  } catch (e) {
    return { ok: false, problem: problem('parse-failed', file, { reason: errorReason(e), detail: describeError(e) }) };
  }
  const budget = { left: MAX_CELL_WARNINGS };
  const sheets: SheetGrid[] = [];
  try {
    for (const ws of wb.worksheets) sheets.push(sheetToGrid(ws, file, limits, warnings, budget, guarded.merges.get(ws.name) ?? []));
  } catch (e) {
    return { ok: false, problem: problem('parse-failed', file, { reason: errorReason(e), detail: describeError(e) }) };
  }
  return finishRead(file, sheets, warnings, limits);
}

function plainText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && 'richText' in (v as object)) return ((v as { richText: { text: string }[] }).richText ?? []).map((r) => r.text ?? '').join('');
  return String(v);
}

/** Resolves one exceljs cell to a plain value, warning about error results. */
function cellValue(cell: Cell, g: GridBuilder, row: number, col: number): CellValue {
  const v = cell.value as unknown;
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
      g.warnCell('formula-error', row, col, err);
      return err;
    }
    case VT.Formula: {
      const r = (v as { result?: unknown }).result;
      if (r === undefined || r === null) {
        g.warnCell('formula-no-result', row, col);
        return null;
      }
      if (typeof r === 'object' && r !== null && 'error' in r) {
        const err = String((r as { error: string }).error);
        g.warnCell('formula-error', row, col, err);
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

function sheetToGrid(ws: Worksheet, file: string, limits: ReadLimits, warnings: FileProblem[], budget: Budget, merges: SheetGrid['merges']): SheetGrid {
  const g = new GridBuilder(ws.name, file, limits, warnings, budget);
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => g.add(rowNumber, colNumber, cellValue(cell, g, rowNumber, colNumber)));
  });
  const state = ws.state === 'hidden' || ws.state === 'veryHidden' ? ws.state : 'visible';
  return g.finish(merges, state);
}
