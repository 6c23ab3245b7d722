// addColumns: the enrich copy. Opens the user's workbook, writes our columns
// to the right of a sheet's data and leaves every existing cell alone. Our
// header cells carry a note so that running enrich again on its own output
// finds and updates the same columns instead of adding more — and never
// mistakes a user's own column that happens to share a header (状态, 备注)
// for ours.
import type { CellValue, FileProblem } from '../model';
import { loadWorkbook, saveWorkbook } from './excel';
import { DEFAULT_LIMITS, guardWorkbook } from './guard';
import { describeError, errorReason } from './grid';
import { problem } from './messages';
import { finishPackage } from './neutralise';
import { prepareValue, type CellWriteContext } from './write';

export interface ColumnEdit {
  sheet: string;
  /** Excel row number (1-based) of the header row. */
  headerRow: number;
  /** 0-based column where new columns may start (usually just right of the user's data). */
  startCol: number;
  headers: string[];
  /** fills[i], when given, colours the cell of headers[i] (#rrggbb): the 红黄绿灯 cell in its light's colour. */
  rows: { row: number /* Excel row */; values: CellValue[]; fills?: (string | null)[] }[];
}

/** The note on our header cells; its first words identify our columns. */
export const ENRICH_NOTE = '科素台账补全列：由「补全」生成，再次补全会更新本列；可删除。';

export class IoError extends Error {
  constructor(readonly problem: FileProblem) {
    super(problem.message);
    this.name = 'IoError';
  }
}

export type AddColumnsResult = { ok: true; bytes: Uint8Array; columns: Record<string, number[]>; warnings: FileProblem[] } | { ok: false; problem: FileProblem };

export async function addColumns(bytes: Uint8Array, edits: ColumnEdit[], file = '工作簿'): Promise<Uint8Array> {
  const r = await addColumnsReport(bytes, edits, file);
  if (!r.ok) throw new IoError(r.problem);
  return r.bytes;
}

const noteText = (note: unknown): string => {
  if (typeof note === 'string') return note;
  const texts = (note as { texts?: { text?: string }[] } | undefined)?.texts;
  return Array.isArray(texts) ? texts.map((t) => t.text ?? '').join('') : '';
};

const headerText = (v: unknown): string => {
  if (typeof v === 'string') return v.trim();
  if (v && typeof v === 'object' && 'richText' in v) return ((v as { richText: { text: string }[] }).richText ?? []).map((t) => t.text).join('').trim();
  return v === null || v === undefined ? '' : String(v).trim();
};

export async function addColumnsReport(bytes: Uint8Array, edits: ColumnEdit[], file = '工作簿'): Promise<AddColumnsResult> {
  let guarded;
  try {
    guarded = guardWorkbook(bytes, file, DEFAULT_LIMITS);
  } catch (e) {
    return { ok: false, problem: problem('parse-failed', file, { reason: errorReason(e), detail: describeError(e) }) };
  }
  if (guarded.kind === 'refused') return { ok: false, problem: guarded.problem };
  if (guarded.kind === 'csv') return { ok: false, problem: problem('not-xlsx', file, { reason: 'CSV 文件不能在原文件上添加列' }) };
  // exceljs reads no Strict Open XML, no backslash names, no UTF-16 parts …: it would write a copy without the user's cells.
  if (guarded.quirks.length) return { ok: false, problem: problem('columns-unusual-package', file, { reason: guarded.quirks.join('、') }) };
  // The guard may have thinned a huge sheet; writing that back would lose the
  // user's rows, so the copy is refused instead. A sheet that was only thinned
  // (empty formatted rows dropped) has just the formatted-rows-ignored
  // warning, which says nothing was affected — true for reading, not for a
  // copy — so that case gets its own refusal saying why and what to do.
  if (guarded.bytes !== bytes) {
    const lost = guarded.warnings.find((w) => w.code === 'sheet-too-many-rows' || w.code === 'rows-beyond-cap');
    if (lost) return { ok: false, problem: lost };
    const thinned = guarded.warnings.find((w) => w.code === 'formatted-rows-ignored');
    return { ok: false, problem: problem('columns-sheet-thinned', file, {}, { sheet: thinned?.sheet ?? guarded.sheets[0]?.name ?? '' }) };
  }
  let wb;
  try {
    // Merges are taken from the guard and written back by finishPackage (exceljs's are quadratic).
    wb = await loadWorkbook(bytes, ['mergeCells']);
  } catch (e) {
    return { ok: false, problem: problem('parse-failed', file, { reason: errorReason(e), detail: describeError(e) }) };
  }
  const warnings: FileProblem[] = [];
  const quoted = new Map<string, Set<string>>();
  const columns: Record<string, number[]> = {};
  for (const edit of edits) {
    const ws = wb.getWorksheet(edit.sheet);
    if (!ws) return { ok: false, problem: problem('columns-sheet-missing', file, {}, { sheet: edit.sheet }) };
    const header = ws.getRow(edit.headerRow);
    const ours = new Map<string, number>();
    header.eachCell({ includeEmpty: false }, (cell, col) => {
      const text = headerText(cell.value);
      if (!text || ours.has(text)) return;
      // Ours: marked by our note, or inside the block the caller says we own (col ≥ startCol).
      if (noteText(cell.note).startsWith(ENRICH_NOTE.slice(0, 6)) || col > edit.startCol) ours.set(text, col);
    });
    let next = Math.max(edit.startCol + 1, ws.columnCount + 1);
    const template = edit.startCol > 0 ? header.getCell(edit.startCol).style : undefined;
    const cols = edit.headers.map((h) => {
      const existing = ours.get(h.trim());
      if (existing !== undefined) return { col: existing, reused: true };
      return { col: next++, reused: false };
    });
    const ctx: CellWriteContext = { sheet: edit.sheet, warnings, quoted: quoted.get(edit.sheet) ?? new Set() };
    quoted.set(edit.sheet, ctx.quoted);
    cols.forEach(({ col, reused }, i) => {
      const cell = header.getCell(col);
      if (!reused) {
        if (template) cell.style = JSON.parse(JSON.stringify(template));
        cell.font = { ...(cell.font ?? {}), bold: true };
        cell.note = ENRICH_NOTE;
      }
      cell.value = prepareValue(edit.headers[i], edit.headerRow, col, ctx);
      if (reused) {
        // Clear what the previous run wrote below the header (a light's fill too).
        for (let r = edit.headerRow + 1; r <= ws.rowCount; r++) {
          const c = ws.getRow(r).findCell(col);
          if (c && c.value !== null) c.value = null;
          if (c && (c.fill as { fgColor?: unknown } | undefined)?.fgColor) c.fill = { type: 'pattern', pattern: 'none' };
        }
      }
    });
    for (const { row, values, fills } of edit.rows) {
      if (row <= edit.headerRow) continue;
      const target = ws.getRow(row);
      values.forEach((v, i) => {
        if (i >= cols.length) return;
        const value = prepareValue(v, row, cols[i].col, ctx);
        if (value !== null) target.getCell(cols[i].col).value = value;
      });
      fills?.forEach((color, i) => {
        if (!color || i >= cols.length) return;
        target.getCell(cols[i].col).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF' + color.replace('#', '').toUpperCase() } };
      });
    }
    columns[edit.sheet] = cols.map((c) => c.col - 1);
  }
  for (const w of warnings) w.file = file;
  try {
    const saved = await saveWorkbook(wb);
    return { ok: true, bytes: finishPackage(saved, quoted, guarded.merges), columns, warnings };
  } catch (e) {
    return { ok: false, problem: problem('parse-failed', file, { reason: errorReason(e), detail: describeError(e) }) };
  }
}
