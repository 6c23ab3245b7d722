// Guards that run BEFORE any parser sees a file (pure: no exceljs here, only
// fflate and our own central-directory reading). They sniff what the bytes
// really are, refuse what would hurt (zip bombs, entity expansion, unsafe
// paths), read CSV text themselves, and thin out sheets "formatted to the
// bottom" so the parser never builds a million row objects.
//
// A package is opened once, here, with the OPC parser (opc.ts) and the
// workbook reader (workbook-xml.ts): the reader gets the sheets, shared
// parts and date system found here, and the parts inflated here, so what the
// guard vetted is exactly what the reader reads.
import type { FileProblem, MergeRange, SheetGrid } from '../model';
import { cfbKind, isCfb } from './cfb';
import { CSV_CELLS_MAX, CSV_FIELD_MAX, csvToGrid, decodeText, looksLikeText, parseDelimited, sniffDelimiter } from './csv';
import { EntryChecker, type CheckedEntry, type EntryFault } from './entry-check';
import type { PartCache } from './part-cache';
import { parseMergeCells } from './merges';
import { formatBytes, problem } from './messages';
import { columnLetter0 } from './a1';
import { PartIndex, contentTypeOf, findMainPart, isXmlType, parseContentTypes, parseRelationships, relsPartOf, type ContentTypes } from './opc';
import { thinSheetXml } from './thin';
import { readWorkbookParts, type SheetPart, type WorkbookParts } from './workbook-xml';
import { declaredUtf8, decodeXmlBytes } from './xml-encoding';
import { readZipDirectory, rewriteZip, startsWithZipSignature, unsafeEntryName, type ZipEntry } from './zip';

export type { SheetPart, WorkbookParts } from './workbook-xml';

export interface ReadLimits {
  /** Entries in the archive. A real workbook has tens; thousands mean something else. */
  maxEntries: number;
  /** Inflated bytes of one entry (declared and actual). */
  maxEntryBytes: number;
  /** Inflated bytes of all entries together. */
  maxTotalBytes: number;
  /** Rows with content per sheet. */
  maxRows: number;
  /** Columns per sheet. */
  maxCols: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxEntries: 10_000,
  maxEntryBytes: 256 * 1024 * 1024,
  maxTotalBytes: 512 * 1024 * 1024,
  maxRows: 200_000,
  maxCols: 2_000,
};

export type GuardResult =
  | {
      kind: 'xlsx';
      bytes: Uint8Array;
      /** Every sheet the workbook lists, in order (chart sheets too: `kind` tells). */
      sheets: SheetPart[];
      /** Where the cells are: sheets, shared strings, styles, date system. */
      workbook: WorkbookParts;
      warnings: FileProblem[];
      droppedSheets: string[];
      /** Merged ranges by sheet name, read here because exceljs's own merge handling is quadratic. */
      merges: Map<string, MergeRange[]>;
      /**
       * The parts the reader needs (worksheets, shared strings, styles),
       * inflated and checked (sheets as rewritten when thinned): as text
       * where the guard already decoded them, else as bytes.
       */
      parts: Map<string, Uint8Array | string>;
    }
  | { kind: 'csv'; sheet: SheetGrid; warnings: FileProblem[] }
  | { kind: 'refused'; problem: FileProblem };

const refuse = (p: FileProblem): GuardResult => ({ kind: 'refused', problem: p });

/** Base name without folders and extension: the CSV's sheet name. */
export function baseName(file: string): string {
  const b = file.split(/[\\/]/).pop() ?? file;
  return b.replace(/\.[^.]+$/, '') || b || 'Sheet1';
}

/** `parts`: checked parts of earlier workbooks to reuse (part-cache.ts); null, none. */
export function guardWorkbook(bytes: Uint8Array, file: string, limits: ReadLimits = DEFAULT_LIMITS, parts: PartCache | null = null): GuardResult {
  if (bytes.length === 0) return refuse(problem('empty-file', file));
  if (isCfb(bytes)) {
    const kind = cfbKind(bytes, file);
    if (kind === 'encrypted') return refuse(problem('encrypted', file));
    if (kind === 'xls') return refuse(problem('legacy-xls', file));
    if (kind === 'et') return refuse(problem('legacy-et', file));
    if (kind === 'doc') return refuse(problem('word-document', file));
    return refuse(problem('cfb-other', file));
  }
  if (startsWithZipSignature(bytes)) return guardZip(bytes, file, limits, parts);
  return guardText(bytes, file, limits);
}

function guardText(bytes: Uint8Array, file: string, limits: ReadLimits): GuardResult {
  if (!looksLikeText(bytes)) {
    // A zip whose start was lost still ends in a central directory.
    return refuse(problem('not-xlsx', file, { reason: '无法识别的二进制内容' }));
  }
  const { text, encoding } = decodeText(bytes);
  const head = text.slice(0, 4096).trimStart().toLowerCase();
  if (head.startsWith('<?xml') && head.includes('urn:schemas-microsoft-com:office:spreadsheet')) return refuse(problem('spreadsheetml-2003', file));
  if (head.startsWith('<') && (head.includes('<html') || head.includes('<table'))) return refuse(problem('html-table', file));
  if (head.startsWith('<?xml') || head.startsWith('<!doctype')) return refuse(problem('not-xlsx', file, { reason: 'XML 文本' }));
  const delimiter = sniffDelimiter(text);
  const parsed = parseDelimited(text, delimiter, { maxRows: limits.maxRows, maxCols: limits.maxCols });
  const over = parsed.over;
  if (over?.kind === 'field') return refuse(problem('csv-field-too-long', file, { length: over.length.toLocaleString('en-US'), limit: CSV_FIELD_MAX.toLocaleString('en-US') }, { row: over.row, column: columnLetter0(over.col - 1) }));
  if (over?.kind === 'cols') return refuse(problem('csv-too-wide', file, { count: over.count, limit: limits.maxCols }, { row: over.row }));
  if (over?.kind === 'cells') return refuse(problem('csv-too-many-cells', file, { rows: over.rows.toLocaleString('en-US'), width: over.width, limit: CSV_CELLS_MAX.toLocaleString('en-US') }));
  if (parsed.truncated) return refuse(problem('csv-too-many-rows', file, { count: parsed.count, limit: limits.maxRows }));
  const sheet = csvToGrid(parsed.rows, baseName(file));
  const warnings: FileProblem[] = [];
  const shown = delimiter === '\t' ? '制表符' : delimiter;
  warnings.push(problem('csv-read', file, { encoding, delimiter: shown }, { sheet: sheet.name }));
  if (encoding === 'GB18030') warnings.push(problem('csv-gbk', file));
  if (sheet.rows.length === 0) return refuse(problem('empty-workbook', file, { reason: '文本文件没有内容' }));
  return { kind: 'csv', sheet, warnings };
}

/** The refusal for an entry that failed its checks (entry-check.ts). */
function entryProblem(f: EntryFault, e: ZipEntry, file: string, limits: ReadLimits): FileProblem {
  switch (f.code) {
    case 'zip-truncated':
      return problem('zip-truncated', file, { entry: e.name });
    case 'xml-doctype':
      return problem('xml-doctype', file, { entry: e.name });
    case 'zip-bomb-actual':
      return problem('zip-bomb-actual', file, {
        entry: e.name,
        limit: f.limit === 'entry' ? formatBytes(limits.maxEntryBytes) : `合计 ${formatBytes(limits.maxTotalBytes)}`,
        declared: formatBytes(e.size),
      });
    case 'zip-corrupt':
      // Data that ends before the deflate stream does: the entry was cut short.
      return problem(/end of data|unexpected EOF/i.test(f.detail) ? 'zip-truncated' : 'zip-corrupt', file, { entry: e.name, detail: f.detail });
  }
}

/** The entries' own refusals: unsafe names, encryption, compression methods, declared sizes. */
function checkDirectory(entries: ZipEntry[], file: string, limits: ReadLimits, warnings: FileProblem[]): FileProblem | null {
  if (entries.length > limits.maxEntries) return problem('zip-too-many-entries', file, { count: entries.length, limit: limits.maxEntries });
  let declared = 0;
  for (const e of entries) {
    if (unsafeEntryName(e.name)) return problem('zip-unsafe-path', file, { entry: e.name });
    if (e.nameNotUtf8) warnings.push(problem('zip-name-not-utf8', file, { entry: e.name }));
    if (e.flags & 1) return problem('zip-encrypted-entry', file, { entry: e.name });
    if (e.method !== 0 && e.method !== 8) return problem('zip-unsupported-method', file, { entry: e.name, method: e.method });
    if (e.size > limits.maxEntryBytes) return problem('zip-bomb-declared', file, { entry: e.name, size: formatBytes(e.size), limit: formatBytes(limits.maxEntryBytes) });
    declared += e.size;
    if (declared > limits.maxTotalBytes) return problem('zip-bomb-declared', file, { entry: e.name, size: `合计 ${formatBytes(declared)}`, limit: formatBytes(limits.maxTotalBytes) });
  }
  return null;
}

const XML_NAME = /\.(xml|rels|vml)$/i;
const quoteNames = (sheets: SheetPart[]): string => sheets.map((s) => `「${s.name}」`).join('、');

/** Why a workbook with these sheets has nothing to read, or null when some worksheet can be read. */
function structureProblem(wb: WorkbookParts, relsName: string, file: string): FileProblem | null {
  if (wb.sheets.length === 0) return problem('no-sheets', file);
  if (!wb.hasRels) return problem('workbook-rels-missing', file, { part: relsName, sheets: quoteNames(wb.sheets) });
  if (wb.sheets.some((s) => s.kind === 'worksheet' && s.path)) return null;
  const cells = wb.sheets.filter((s) => s.kind === 'worksheet' || s.kind === 'missing');
  if (cells.length === 0) return problem('chart-sheets-only', file, { sheets: quoteNames(wb.sheets) });
  return problem('sheet-parts-missing', file, { sheets: quoteNames(cells) });
}

function guardZip(bytes: Uint8Array, file: string, limits: ReadLimits, known: PartCache | null): GuardResult {
  const dir = readZipDirectory(bytes);
  if (!dir.ok) {
    if (dir.reason === 'corrupt') return refuse(problem('zip-directory-corrupt', file, { detail: dir.detail }));
    return refuse(problem('zip-truncated', file));
  }
  const entries = dir.entries;
  const warnings: FileProblem[] = [];
  const bad = checkDirectory(entries, file, limits, warnings);
  if (bad) return refuse(bad);
  const index = new PartIndex(entries.map((e) => e.name));
  if (index.has('word/document.xml')) return refuse(problem('word-document', file));
  if (index.has('mimetype') && index.has('content.xml')) return refuse(problem('ods', file));
  if (index.has('xl/workbook.bin')) return refuse(problem('not-xlsx', file, { reason: '二进制工作簿 .xlsb' }));

  const byName = new Map(entries.map((e) => [e.name, e]));
  const checker = new EntryChecker(bytes, limits, known);
  const checked = new Map<string, CheckedEntry>();
  const failed: { problem: FileProblem | null } = { problem: null };
  /** A structural part, inflated and checked like any other: its text, '' when absent (null name) or failed. */
  const structural = (name: string | null): string => {
    if (name === null || failed.problem) return '';
    const e = byName.get(name)!;
    const c = checker.check(e, { xml: true, keep: true, sheet: false });
    if (!c.ok) {
      failed.problem = entryProblem(c.fault, e, file, limits);
      return '';
    }
    checked.set(name, c.entry);
    const k = c.entry.kept;
    return typeof k === 'string' ? k : k ? decodeXmlBytes(k) : '';
  };

  // The package's structure (ECMA-376 Part 2 (2021) §6.5, §7.2.3): media
  // types, the package relationships, the workbook and its relationships.
  const ctName = index.find('[Content_Types].xml');
  const rootRelsName = index.find('_rels/.rels');
  const ctText = structural(ctName);
  const rootRelsText = structural(rootRelsName);
  const rootRels = parseRelationships(rootRelsText, '');
  const ct: ContentTypes | null = ctName ? parseContentTypes(ctText) : null;
  if (failed.problem) return refuse(failed.problem);
  const main = findMainPart(rootRels, ct, index);
  if (!main) {
    // A package without its workbook is damaged or unfinished; a zip without any package parts is not a workbook at all.
    if (ctName || rootRelsName || entries.some((e) => /^xl\//i.test(e.name))) return refuse(problem('part-missing', file, { what: '工作簿', part: 'xl/workbook.xml' }));
    return refuse(problem('not-xlsx', file, { reason: '压缩包中没有 Excel 工作簿' }));
  }
  const wbText = structural(main.part);
  const relsName = index.find(relsPartOf(main.part));
  const wbRelsText = structural(relsName);
  const wbRels = relsName === null ? null : parseRelationships(wbRelsText, main.part);
  if (failed.problem) return refuse(failed.problem);
  const workbook = readWorkbookParts(main.part, wbText, wbRels, index);
  const empty = structureProblem(workbook, relsPartOf(main.part), file);
  if (empty) return refuse(empty);
  for (const s of workbook.sheets) if ((s.kind === 'worksheet' || s.kind === 'missing') && !s.path) warnings.push(problem('sheet-part-missing', file, {}, { sheet: s.name }));

  // Every other entry: actual sizes (inflating each with a cap), checksums,
  // DOCTYPE/ENTITY in XML parts, rows and merges of worksheets.
  const worksheets = new Set(workbook.sheets.filter((s) => s.kind === 'worksheet' && s.path).map((s) => s.path));
  const needed = new Set<string>(worksheets);
  if (workbook.sharedStrings) needed.add(workbook.sharedStrings);
  if (workbook.styles) needed.add(workbook.styles);
  for (const e of entries) {
    if (e.name.endsWith('/') || checked.has(e.name)) continue;
    const xml = XML_NAME.test(e.name) || needed.has(e.name) || (ct !== null && isXmlType(contentTypeOf(ct, e.name)));
    const c = checker.check(e, { xml, keep: needed.has(e.name), sheet: worksheets.has(e.name) });
    if (!c.ok) return refuse(entryProblem(c.fault, e, file, limits));
    checked.set(e.name, c.entry);
  }
  const parts = new Map<string, Uint8Array | string>();
  for (const name of needed) {
    const k = checked.get(name)?.kept;
    if (k) parts.set(name, k);
  }

  const thinned = thinSheets(workbook.sheets, checked, parts, file, limits, warnings);
  const out = thinned.replaced.size ? rewriteZip(bytes, entries, thinned.replaced) : bytes;
  const merges = new Map<string, MergeRange[]>();
  for (const s of workbook.sheets) merges.set(s.name, thinned.dropped.includes(s.name) ? [] : parseMergeCells(checked.get(s.path)?.mergeText ?? ''));
  return { kind: 'xlsx', bytes: out, sheets: workbook.sheets, workbook, warnings, droppedSheets: thinned.dropped, merges, parts };
}

/**
 * Sheets with more row elements than the cap are rewritten before any parser
 * (exceljs would allocate every row): empty formatted rows and stray content
 * far below the data dropped, or the sheet emptied when it truly is too big.
 * The reader gets the new text in `parts`; `replaced` holds UTF-8 bytes for
 * the rewritten archive.
 */
function thinSheets(
  sheets: SheetPart[],
  checked: Map<string, CheckedEntry>,
  parts: Map<string, Uint8Array | string>,
  file: string,
  limits: ReadLimits,
  warnings: FileProblem[],
): { replaced: Map<string, Uint8Array>; dropped: string[] } {
  const replaced = new Map<string, Uint8Array>();
  const dropped: string[] = [];
  const asUtf8 = (xml: string): Uint8Array => new TextEncoder().encode(declaredUtf8(xml));
  for (const s of sheets) {
    const count = checked.get(s.path)?.rows ?? 0;
    if (s.kind !== 'worksheet' || count <= limits.maxRows) continue;
    const raw = parts.get(s.path);
    if (!raw) continue;
    const xml = typeof raw === 'string' ? raw : decodeXmlBytes(raw);
    // One walk over the rows: the thinning also counts the value rows that decide between thinning and dropping.
    const thin = thinSheetXml(xml, limits.maxRows);
    let text: string;
    if (thin.valueRows > limits.maxRows) {
      warnings.push(problem('sheet-too-many-rows', file, { count: thin.valueRows.toLocaleString('en-US'), limit: limits.maxRows.toLocaleString('en-US') }, { sheet: s.name }));
      dropped.push(s.name);
      const a = xml.indexOf('<sheetData');
      const b = xml.lastIndexOf('</sheetData>');
      const emptied = a >= 0 && b > a ? xml.slice(0, a) + '<sheetData/>' + xml.slice(b + '</sheetData>'.length) : xml;
      text = emptied.replace(/<mergeCells\b[\s\S]*?<\/mergeCells>/, '');
    } else {
      if (thin.emptyRows > 0) warnings.push(problem('formatted-rows-ignored', file, { count: thin.emptyRows.toLocaleString('en-US') }, { sheet: s.name }));
      if (thin.strayRows > 0 && thin.firstStray !== undefined)
        warnings.push(problem('rows-beyond-cap', file, { count: thin.strayRows, limit: limits.maxRows.toLocaleString('en-US') }, { sheet: s.name, row: thin.firstStray }));
      text = thin.xml;
    }
    replaced.set(s.path, asUtf8(text));
    parts.set(s.path, text);
  }
  return { replaced, dropped };
}
