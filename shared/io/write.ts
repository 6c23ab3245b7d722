// writeWorkbook: WorkbookSpec → .xlsx bytes. Every string is written as a
// string cell; strings that look like formulas get Excel's quotePrefix
// (neutralise.ts); over-long cells are cut with a marker rather than producing
// a file Excel refuses to open.
import type { CellValue, FileProblem, MergeRange } from '../model';
import { newWorkbook, saveWorkbook, type Worksheet } from './excel';
import { problem } from './messages';
import { columnLetter0 } from './a1';
import { finishPackage, needsNeutralising, stripInvalidXml, truncateCell, TRUNCATION_MARKER, XLSX_CELL_MAX } from './neutralise';
import type { SheetSpec, WorkbookSpec } from './spec';

export interface WriteReport {
  bytes: Uint8Array;
  /** What had to change on the way (renamed sheets, truncated cells …); file is '' (not written yet). */
  warnings: FileProblem[];
}

export async function writeWorkbook(spec: WorkbookSpec): Promise<Uint8Array> {
  return (await writeWorkbookReport(spec)).bytes;
}

/** Excel's sheet-name rules: ≤ 31 chars, none of []:*?/\, no leading/trailing ', unique ignoring case. */
export function safeSheetName(name: string, taken: Set<string>, index: number): string {
  let n = name.replace(/[[\]:*?/\\]/g, '_').replace(/^'+|'+$/g, '').trim();
  if (!n) n = `Sheet${index + 1}`;
  n = [...n].slice(0, 31).join('');
  let k = 2;
  let candidate = n;
  while (taken.has(candidate.toLowerCase())) {
    const suffix = `(${k++})`;
    candidate = [...n].slice(0, 31 - suffix.length).join('') + suffix;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

export interface CellWriteContext {
  sheet: string;
  warnings: FileProblem[];
  quoted: Set<string>;
}

/** Turns a CellValue into what exceljs should store, recording neutralisation and repairs. */
export function prepareValue(v: CellValue, row1: number, col1: number, ctx: CellWriteContext): CellValue {
  if (v === null || v === undefined) return null;
  const column = columnLetter0(col1 - 1);
  if (typeof v === 'number') {
    if (Number.isFinite(v)) return v;
    ctx.warnings.push(problem('write-bad-number', '', { value: String(v) }, { sheet: ctx.sheet, row: row1, column }));
    return null;
  }
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  if (typeof v !== 'string') return v;
  // XML turns CR and CRLF into LF on read; doing it here keeps what we write equal to what is read back.
  let s = v.includes('\r') ? v.replace(/\r\n?/g, '\n') : v;
  const clean = stripInvalidXml(s);
  if (clean.changed) {
    s = clean.text;
    ctx.warnings.push(problem('write-invalid-chars', '', {}, { sheet: ctx.sheet, row: row1, column }));
  }
  if (s.length > XLSX_CELL_MAX) {
    ctx.warnings.push(problem('write-cell-truncated', '', { length: s.length, marker: TRUNCATION_MARKER }, { sheet: ctx.sheet, row: row1, column }));
    s = truncateCell(s);
  }
  if (needsNeutralising(s)) ctx.quoted.add(`${column}${row1}`);
  return s;
}

function writeSheet(ws: Worksheet, spec: SheetSpec, ctx: CellWriteContext): MergeRange[] {
  let width = 0;
  spec.rows.forEach((row, r) => {
    if (row.length > width) width = row.length;
    row.forEach((v, c) => {
      const value = prepareValue(v, r + 1, c + 1, ctx);
      if (value !== null) ws.getCell(r + 1, c + 1).value = value;
    });
  });
  spec.widths?.forEach((w, c) => {
    if (w > 0) ws.getColumn(c + 1).width = w;
  });
  for (const c of spec.wrapColumns ?? []) {
    const col = ws.getColumn(c + 1);
    col.alignment = { wrapText: true, vertical: 'top' };
    col.eachCell({ includeEmpty: false }, (cell) => {
      cell.alignment = { wrapText: true, vertical: 'top' };
    });
  }
  if (spec.headerRow !== undefined && spec.headerRow >= 0) {
    const h = spec.headerRow + 1;
    ws.getRow(h).eachCell({ includeEmpty: false }, (cell) => {
      cell.font = { bold: true };
    });
    ws.views = [{ state: 'frozen', xSplit: 0, ySplit: h }];
    if (width > 0) ws.autoFilter = { from: { row: h, column: 1 }, to: { row: h, column: width } };
  }
  const taken: MergeRange[] = [];
  for (const m of spec.merges ?? []) {
    const range = `${columnLetter0(m.left)}${m.top + 1}:${columnLetter0(m.right)}${m.bottom + 1}`;
    const overlaps = taken.some((t) => m.top <= t.bottom && m.bottom >= t.top && m.left <= t.right && m.right >= t.left);
    if (overlaps || m.bottom < m.top || m.right < m.left || (m.top === m.bottom && m.left === m.right)) {
      ctx.warnings.push(problem('write-merge-skipped', '', { range }, { sheet: ctx.sheet }));
      continue;
    }
    taken.push(m);
  }
  for (const l of spec.lists ?? []) {
    const col = columnLetter0(l.col);
    const formula = l.formula.startsWith('=') ? l.formula.slice(1) : l.formula;
    // exceljs has dataValidations at runtime (keyed by address or range) but not in its typings.
    (ws as unknown as { dataValidations: { add(range: string, v: object): void } }).dataValidations.add(`${col}${l.fromRow + 1}:${col}${l.toRow + 1}`, {
      type: 'list',
      allowBlank: true,
      formulae: [formula],
      showErrorMessage: false,
    });
  }
  return taken;
}

export async function writeWorkbookReport(spec: WorkbookSpec): Promise<WriteReport> {
  const wb = newWorkbook();
  if (spec.creator) wb.creator = spec.creator;
  if (spec.title) wb.title = spec.title;
  const warnings: FileProblem[] = [];
  const names = new Set<string>();
  const quoted = new Map<string, Set<string>>();
  const merges = new Map<string, MergeRange[]>();
  spec.sheets.forEach((s, i) => {
    const name = safeSheetName(s.name, names, i);
    if (name !== s.name) warnings.push(problem('write-sheet-renamed', '', { from: s.name, to: name }, { sheet: name }));
    const ws = wb.addWorksheet(name, { state: s.state === 'hidden' ? 'hidden' : 'visible' });
    const ctx: CellWriteContext = { sheet: name, warnings, quoted: new Set() };
    merges.set(name, writeSheet(ws, s, ctx));
    quoted.set(name, ctx.quoted);
  });
  if (spec.sheets.length === 0) wb.addWorksheet('Sheet1');
  const saved = await saveWorkbook(wb);
  return { bytes: finishPackage(saved, quoted, merges), warnings };
}
