// addColumns: the enrich copy. Writes our columns to the right of a sheet's
// data and leaves everything else in the workbook as it was, byte for byte:
// the sheet's XML is patched in place (sheet-patch.ts) and every other part
// is copied from the original archive, so formulas, formats, validations,
// comments, pictures and whatever else a producer wrote come back unchanged.
// (It used to load the workbook into exceljs and save it again, which lost
// or changed what exceljs does not model and needed 2 GB for 60,000 rows.)
//
// Our header cells carry a note so that running enrich again on its own
// output finds and updates the same columns instead of adding more, and
// never mistakes a user's own column that happens to share a header (状态,
// 备注) for ours.
import type { CellValue, FileProblem, MergeRange } from '../model';
import { DEFAULT_LIMITS, guardWorkbook, type GuardResult } from './guard';
import { describeError } from './grid';
import { problem } from './messages';
import { columnLetter0 } from './a1';
import { addNotes, notesInRow } from './notes';
import { DeflateSink, PackageEdit } from './package-edit';
import { MAX_COLUMN, scanSheetXml, writeSheetXml, type ExistingCell, type RawCell, type SheetScan } from './sheet-patch';
import { StringTable } from './string-table';
import { StyleEditor } from './style-patch';
import { prepareValue, type CellWriteContext } from './write';
import { declaredUtf8 } from './xml-encoding';
import { readZipDirectory } from './zip';

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
const NOTE_MARK = ENRICH_NOTE.slice(0, 7);

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

/** A refusal whose internal cause is kept apart from the message, for support. */
const failed = (file: string, e: unknown): AddColumnsResult => ({ ok: false, problem: problem('columns-failed', file, { detail: describeError(e) }) });

export async function addColumnsReport(bytes: Uint8Array, edits: ColumnEdit[], file = '工作簿'): Promise<AddColumnsResult> {
  let guarded: GuardResult;
  try {
    guarded = guardWorkbook(bytes, file, DEFAULT_LIMITS);
  } catch (e) {
    return failed(file, e);
  }
  if (guarded.kind === 'refused') return { ok: false, problem: guarded.problem };
  if (guarded.kind === 'csv') return { ok: false, problem: problem('not-xlsx', file, { reason: 'CSV 文件不能在原文件上添加列' }) };
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
  try {
    return patchWorkbook(bytes, guarded, edits, file);
  } catch (e) {
    return failed(file, e);
  }
}

/**
 * The cells we write in one row, as parallel arrays (a 100,000-row copy
 * writes a million cells: an object per cell cost more than the copy itself).
 * A fill is a colour, null for none (a reused column's old fill goes), or
 * undefined to keep the cell's own; a null value writes a cell only for its fill.
 */
interface RowWrites {
  cols: number[];
  values: CellValue[];
  fills: (string | null | undefined)[];
}

/** The plan for one sheet: every cell to write, the columns to clear, the new header cells. */
interface SheetPlan {
  writes: Map<number, RowWrites>;
  /** A1 references of the cells whose text must stay text (quotePrefix), from prepareValue. */
  quoted: Set<string>;
  /** Our new header cells, as "row:col". */
  newHeaders: Set<string>;
  clear: Set<number>;
  clearFrom: number;
  notes: { row: number; col: number }[];
  /** The format new header cells copy (the user's last header cell), by header row. */
  template: Map<number, number | null>;
}

function patchWorkbook(bytes: Uint8Array, guarded: Extract<GuardResult, { kind: 'xlsx' }>, edits: ColumnEdit[], file: string): AddColumnsResult {
  const dir = readZipDirectory(bytes);
  if (!dir.ok) return { ok: false, problem: problem('zip-directory-corrupt', file, { detail: dir.detail ?? dir.reason }) };
  // The workbook, its sheets, styles and shared strings as the guard found them (opc.ts, workbook-xml.ts): the copy edits the parts the reader read.
  const { path: wbPath, styles: stylesPath, sharedStrings: sstPath, date1904, strict } = guarded.workbook;
  const pkg = new PackageEdit(bytes, dir.entries, guarded.parts, strict);
  const styles = new StyleEditor(stylesPath ? pkg.text(stylesPath) : null, pkg.mainNs);

  // Every sheet is scanned first: the header cells that are shared strings are looked up in one pass over the table.
  // One block per table: edits for the same sheet and header row (a workbook naming one sheet twice) are one, the last.
  const bySheet = new Map<string, ColumnEdit[]>();
  for (const e of edits) bySheet.set(e.sheet, [...(bySheet.get(e.sheet) ?? []).filter((x) => x.headerRow !== e.headerRow), e]);
  const sheets: { name: string; path: string; xml: string; scan: SheetScan; edits: ColumnEdit[] }[] = [];
  for (const [name, list] of bySheet) {
    const path = guarded.sheets.find((s) => s.name === name)?.path;
    const xml = path ? pkg.text(path) : null;
    if (!path || xml === null) return { ok: false, problem: problem('columns-sheet-missing', file, {}, { sheet: name }) };
    const scan = scanSheetXml(xml, new Set(list.map((e) => e.headerRow)));
    if (!scan) return { ok: false, problem: problem('columns-sheet-unusual', file, { reason: '缺少单元格数据部分 sheetData 或其结尾' }, { sheet: name }) };
    if (!scan.ordered) return { ok: false, problem: problem('columns-sheet-unusual', file, { reason: '行的顺序错乱或有重复的行号' }, { sheet: name }) };
    sheets.push({ name, path, xml, scan, edits: list });
  }
  const wanted = new Set<number>();
  for (const s of sheets) for (const cells of s.scan.cells.values()) for (const c of cells) if (c.type === 's' && c.value !== null) wanted.add(Number(c.value));
  const strings = new StringTable(sstPath ? pkg.text(sstPath) : null, wanted, pkg.mainNs);

  const warnings: FileProblem[] = [];
  const columns: Record<string, number[]> = {};
  const plans: SheetPlan[] = [];
  for (const s of sheets) {
    const plan = planSheet(pkg, s, guarded.merges.get(s.name) ?? [], strings, warnings, columns, file);
    if ('problem' in plan) return { ok: false, problem: plan.problem };
    plans.push(plan);
  }
  const values = new Set<string>();
  for (const plan of plans) for (const w of plan.writes.values()) for (const v of w.values) if (typeof v === 'string') values.add(v);
  strings.reuse(values);
  sheets.forEach((s, k) => writeSheet(pkg, s, plans[k]!, styles, strings, date1904));

  setWorkbookPart(pkg, wbPath, stylesPath, 'styles', styles.result());
  setWorkbookPart(pkg, wbPath, sstPath, 'sharedStrings', strings.result());
  for (const w of warnings) w.file = file;
  return { ok: true, bytes: pkg.finish(), columns, warnings };
}

const WORKBOOK_PARTS = {
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  sharedStrings: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml',
} as const;

/**
 * Writes the workbook's styles or shared-string part (null: unchanged). A
 * workbook that had none gets a new part and its content type; the part gets
 * a relationship from the workbook when it had none (the guard finds a part
 * beside the workbook under the usual name even without one, Excel does not).
 */
function setWorkbookPart(pkg: PackageEdit, wbPath: string, path: string | null, kind: keyof typeof WORKBOOK_PARTS, xml: string | null): void {
  if (xml === null) return;
  const folder = wbPath.slice(0, wbPath.lastIndexOf('/') + 1);
  const at = path ?? pkg.freeName((n) => `${folder}${kind}${n === 1 ? '' : n}.xml`);
  if (!path) pkg.declare(at, WORKBOOK_PARTS[kind]);
  if (!pkg.relOfKind(wbPath, kind)) pkg.addRel(wbPath, kind, at);
  pkg.setText(at, xml);
}

const headerText = (c: RawCell, strings: StringTable): string => {
  if (c.value === null) return '';
  if (c.type === 's') return (strings.at(Number(c.value)) ?? '').trim();
  return c.value.trim();
};

/** Decides where each edit's columns go and what every cell gets. */
function planSheet(
  pkg: PackageEdit,
  s: { name: string; path: string; scan: SheetScan; edits: ColumnEdit[] },
  merges: readonly MergeRange[],
  strings: StringTable,
  warnings: FileProblem[],
  columns: Record<string, number[]>,
  file: string,
): SheetPlan | { problem: FileProblem } {
  const ctx: CellWriteContext = { sheet: s.name, warnings, quoted: new Set() };
  const plan: SheetPlan = { writes: new Map(), quoted: ctx.quoted, newHeaders: new Set(), clear: new Set(), clearFrom: Infinity, notes: [], template: new Map() };
  // New columns go right of every cell and every merged range: a cell inside a merge is hidden (and read as empty).
  let maxCol = merges.reduce((m, r) => Math.max(m, r.right + 1), s.scan.maxCol);
  const put = (row: number, col: number, value: CellValue, fill?: string | null): void => {
    let w = plan.writes.get(row);
    if (!w) plan.writes.set(row, (w = { cols: [], values: [], fills: [] }));
    w.cols.push(col);
    w.values.push(value);
    w.fills.push(fill);
  };
  for (const edit of s.edits) {
    const header = s.scan.cells.get(edit.headerRow) ?? [];
    const notes = notesInRow(pkg, s.path, edit.headerRow);
    // Ours: marked by our note, or inside the block the caller says we own (col ≥ startCol).
    const ours = new Map<string, number>();
    for (const c of header) {
      const text = headerText(c, strings);
      if (!text || ours.has(text)) continue;
      if ((notes.get(c.col) ?? '').includes(NOTE_MARK) || c.col > edit.startCol) ours.set(text, c.col);
    }
    let next = Math.max(edit.startCol + 1, maxCol + 1);
    const cols = edit.headers.map((h) => {
      const existing = ours.get(h.trim());
      return existing !== undefined ? { col: existing, reused: true } : { col: next++, reused: false };
    });
    if (next - 1 > MAX_COLUMN)
      return { problem: problem('columns-no-room', file, { needed: cols.filter((c) => !c.reused).length }, { sheet: s.name }) };
    plan.template.set(edit.headerRow, edit.startCol > 0 ? (header.find((c) => c.col === edit.startCol)?.style ?? null) : null);
    cols.forEach(({ col, reused }, i) => {
      const value = prepareValue(edit.headers[i]!, edit.headerRow, col, ctx);
      if (value !== null) put(edit.headerRow, col, value);
      if (!reused) {
        plan.notes.push({ row: edit.headerRow, col });
        plan.newHeaders.add(`${edit.headerRow}:${col}`);
      }
      else {
        // what the previous run wrote below the header goes
        plan.clear.add(col);
        plan.clearFrom = Math.min(plan.clearFrom, edit.headerRow);
      }
      maxCol = Math.max(maxCol, col);
    });
    for (const { row, values, fills } of edit.rows) {
      if (row <= edit.headerRow) continue;
      values.forEach((v, i) => {
        if (i >= cols.length) return;
        const { col, reused } = cols[i]!;
        const value = prepareValue(v, row, col, ctx);
        // A column reused from an earlier run loses that run's fills (a light that changed colour, or went).
        const fill = fills?.[i] ?? (reused ? null : undefined);
        if (value !== null || typeof fill === 'string') put(row, col, value, fill);
      });
    }
    columns[edit.sheet] = cols.map((c) => c.col - 1);
  }
  return plan;
}

/** Excel's serial day number of a date (ECMA-376 Part 1 §18.17.4.1), in the workbook's date system. */
const serial = (d: Date, date1904: boolean): number => d.getTime() / 86_400_000 + 25_569 - (date1904 ? 1_462 : 0);

/** The sheet written out again with the plan applied, streamed into its deflated entry. */
function writeSheet(pkg: PackageEdit, s: { path: string; xml: string; scan: SheetScan }, plan: SheetPlan, styles: StyleEditor, strings: StringTable, date1904: boolean): void {
  const { scan, xml } = s;
  const p = scan.prefix;
  const rows = [...plan.writes.keys()].sort((a, b) => a - b);
  let lastCol = scan.maxCol;
  for (const w of plan.writes.values()) {
    ascending(w);
    lastCol = Math.max(lastCol, w.cols[w.cols.length - 1] ?? 0);
  }
  const colStyle = (col: number): number | null => scan.colStyles.find((c) => col >= c.min && col <= c.max)?.style ?? null;
  const cell = (row: number, col: number, existing: ExistingCell | null, rowStyle: number | null): string => {
    const w = plan.writes.get(row)!;
    const at = w.cols.indexOf(col);
    const v = w.values[at]!;
    const fill = w.fills[at];
    const ref = `${columnLetter0(col - 1)}${row}`;
    let style = existing ? existing.style : (rowStyle ?? colStyle(col));
    if (plan.template.has(row) && plan.newHeaders.has(`${row}:${col}`)) style = styles.derive(plan.template.get(row) ?? style ?? 0, { bold: true });
    if (typeof fill === 'string' || (fill === null && style !== null)) style = styles.derive(style ?? 0, { fill });
    const quoted = plan.quoted.has(ref);
    const isDate = v instanceof Date;
    if (quoted || isDate) style = styles.derive(style ?? 0, { quotePrefix: quoted, numFmt: isDate ? 14 : undefined });
    const s = style === null ? '' : ` s="${style}"`;
    if (v === null) return `<${p}c r="${ref}"${s}/>`;
    if (typeof v === 'string') return `<${p}c r="${ref}"${s} t="s"><${p}v>${strings.ref(v)}</${p}v></${p}c>`;
    if (typeof v === 'boolean') return `<${p}c r="${ref}"${s} t="b"><${p}v>${v ? 1 : 0}</${p}v></${p}c>`;
    return `<${p}c r="${ref}"${s}><${p}v>${typeof v === 'number' ? v : serial(v, date1904)}</${p}v></${p}c>`;
  };
  // The sheet is written as UTF-8 whatever it was read from (a UTF-16 part): its declaration must say so.
  let head = withDimension(declaredUtf8(xml.slice(0, scan.headEnd)), lastCol, Math.max(scan.maxRow, rows[rows.length - 1] ?? 0));
  let tail = xml.slice(scan.tailStart);
  ({ head, tail } = addNotes(pkg, s.path, p, head, tail, plan.notes, ENRICH_NOTE));
  const sink = new DeflateSink(6);
  // A cleared cell keeps its format but not an earlier run's fill.
  const cleared = (style: number): number => styles.derive(style, { fill: null });
  writeSheetXml(xml, scan, { rows, cols: (r) => plan.writes.get(r)?.cols ?? [], cell, clear: plan.clear, clearFrom: plan.clearFrom, cleared }, head, tail, (t) => sink.write(t));
  pkg.setDeflated(s.path, sink.finish());
}

/**
 * A row's cells in column order, each column once (a later edit's value for
 * the same cell wins). They come in order already unless two edits share a row.
 */
function ascending(w: RowWrites): void {
  let sorted = true;
  for (let i = 1; i < w.cols.length; i++) if (w.cols[i]! <= w.cols[i - 1]!) sorted = false;
  if (sorted) return;
  const last = new Map<number, number>();
  w.cols.forEach((c, i) => last.set(c, i));
  const order = [...last.keys()].sort((a, b) => a - b).map((c) => last.get(c)!);
  w.cols = order.map((i) => w.cols[i]!);
  w.values = order.map((i) => w.values[i]!);
  w.fills = order.map((i) => w.fills[i]);
}

/** The head with its <dimension> widened to take in the new columns and rows (§18.3.1.35). */
function withDimension(head: string, lastCol: number, lastRow: number): string {
  return head.replace(/(<(?:[\w.-]+:)?dimension\b[^>]*\bref\s*=\s*")([^"]*)"/, (_m, lead: string, ref: string) => {
    const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(ref.trim());
    if (!m) return `${lead}${ref}"`;
    const right = m[3] ? columnNumber(m[3]) : columnNumber(m[1]!);
    const bottom = m[4] ? Number(m[4]) : Number(m[2]);
    return `${lead}${m[1]!.toUpperCase()}${m[2]}:${columnLetter0(Math.max(right, lastCol) - 1)}${Math.max(bottom, lastRow)}"`;
  });
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}
