// Guards that run BEFORE any parser sees a file (pure: no exceljs here, only
// fflate and our own central-directory reading). They sniff what the bytes
// really are, refuse what would hurt (zip bombs, entity expansion, unsafe
// paths), read CSV text themselves, and thin out sheets "formatted to the
// bottom" so the parser never builds a million row objects.
import type { FileProblem, MergeRange, SheetGrid } from '../model';
import { cfbKind, isCfb } from './cfb';
import { CSV_CELLS_MAX, CSV_FIELD_MAX, csvToGrid, decodeText, looksLikeText, parseDelimited, sniffDelimiter } from './csv';
import { columnLetter, formatBytes, problem } from './messages';
import { columnOf } from './sheet-xml';
import { decodeXml } from './xml-text';
import { PartCache } from './part-cache';
import { ONE_SHOT_MAX, crc32, entryData, inflateCapped, inflateEntry, inflateWhole, readZipDirectory, rewriteZip, startsWithZipSignature, type InflateOutcome } from './zip';

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

export interface SheetPart {
  name: string;
  path: string;
  state: 'visible' | 'hidden' | 'veryHidden';
}

export type GuardResult =
  | {
      kind: 'xlsx';
      bytes: Uint8Array;
      sheets: SheetPart[];
      warnings: FileProblem[];
      droppedSheets: string[];
      /** Merged ranges by sheet name, read here because exceljs's own merge handling is quadratic. */
      merges: Map<string, MergeRange[]>;
      /**
       * The archive's XML parts, inflated and checked (sheets as rewritten
       * when thinned), so the reader inflates nothing again: as text where
       * the guard already decoded them, else as bytes.
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

export function guardWorkbook(bytes: Uint8Array, file: string, limits: ReadLimits = DEFAULT_LIMITS): GuardResult {
  if (bytes.length === 0) return refuse(problem('empty-file', file));
  if (isCfb(bytes)) {
    const kind = cfbKind(bytes, file);
    if (kind === 'encrypted') return refuse(problem('encrypted', file));
    if (kind === 'xls') return refuse(problem('legacy-xls', file));
    if (kind === 'et') return refuse(problem('legacy-et', file));
    if (kind === 'doc') return refuse(problem('word-document', file));
    return refuse(problem('cfb-other', file));
  }
  if (startsWithZipSignature(bytes)) return guardZip(bytes, file, limits);
  return guardText(bytes, file, limits);
}

function guardText(bytes: Uint8Array, file: string, limits: ReadLimits): GuardResult {
  if (!looksLikeText(bytes)) {
    // A zip whose start was lost still ends in a central directory.
    return refuse(problem('not-xlsx', file, { detail: '无法识别的二进制内容' }));
  }
  const { text, encoding } = decodeText(bytes);
  const head = text.slice(0, 4096).trimStart().toLowerCase();
  if (head.startsWith('<?xml') && head.includes('urn:schemas-microsoft-com:office:spreadsheet')) return refuse(problem('spreadsheetml-2003', file));
  if (head.startsWith('<') && (head.includes('<html') || head.includes('<table'))) return refuse(problem('html-table', file));
  if (head.startsWith('<?xml') || head.startsWith('<!doctype')) return refuse(problem('not-xlsx', file, { detail: 'XML 文本' }));
  const delimiter = sniffDelimiter(text);
  const parsed = parseDelimited(text, delimiter, { maxRows: limits.maxRows, maxCols: limits.maxCols });
  const over = parsed.over;
  if (over?.kind === 'field') return refuse(problem('csv-field-too-long', file, { length: over.length.toLocaleString('en-US'), limit: CSV_FIELD_MAX.toLocaleString('en-US') }, { row: over.row, column: columnLetter(over.col) }));
  if (over?.kind === 'cols') return refuse(problem('csv-too-wide', file, { count: over.count, limit: limits.maxCols }, { row: over.row }));
  if (over?.kind === 'cells') return refuse(problem('csv-too-many-cells', file, { rows: over.rows.toLocaleString('en-US'), width: over.width, limit: CSV_CELLS_MAX.toLocaleString('en-US') }));
  if (parsed.truncated) return refuse(problem('csv-too-many-rows', file, { count: parsed.count, limit: limits.maxRows }));
  const sheet = csvToGrid(parsed.rows, baseName(file));
  const warnings: FileProblem[] = [];
  const shown = delimiter === '\t' ? '制表符' : delimiter;
  warnings.push(problem('csv-read', file, { encoding, delimiter: shown }, { sheet: sheet.name }));
  if (encoding === 'GB18030') warnings.push(problem('csv-gbk', file));
  if (sheet.rows.length === 0) return refuse(problem('empty-workbook', file, { detail: '文本文件没有内容' }));
  return { kind: 'csv', sheet, warnings };
}

const latin1 = new TextDecoder('latin1');
const asciiBytes = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

/** `chunk` with the carried `tail` in front (a copy only when there is a tail). */
function withTail(tail: Uint8Array, chunk: Uint8Array): Uint8Array {
  if (tail.length === 0) return chunk;
  const buf = new Uint8Array(tail.length + chunk.length);
  buf.set(tail);
  buf.set(chunk, tail.length);
  return buf;
}

const startsAt = (buf: Uint8Array, i: number, pat: Uint8Array): boolean => {
  if (i + pat.length > buf.length) return false;
  for (let k = 1; k < pat.length; k++) if (buf[i + k] !== pat[k]) return false;
  return true;
};

/**
 * Counts ASCII patterns that start with '<' across chunk boundaries, on the
 * bytes themselves (decoding each chunk to text first took most of the
 * guard's time on a large sheet); the last few bytes of each chunk are
 * carried over.
 */
export class Matcher {
  private tail = new Uint8Array(0);
  readonly counts: number[];
  private readonly keep: number;
  private readonly pats: Uint8Array[];
  /** 1 for the bytes that follow '<' in some pattern. */
  private readonly second = new Uint8Array(256);
  constructor(private readonly patterns: string[]) {
    if (patterns.some((p) => p[0] !== '<')) throw new Error('Matcher patterns start with <');
    this.counts = patterns.map(() => 0);
    this.pats = patterns.map(asciiBytes);
    for (const p of this.pats) this.second[p[1]] = 1;
    this.keep = Math.max(...patterns.map((p) => p.length)) - 1;
  }
  feed(chunk: Uint8Array): void {
    const buf = withTail(this.tail, chunk);
    const tl = this.tail.length;
    const pats = this.pats;
    const second = this.second;
    // A plain loop over the bytes: far cheaper than a native indexOf call per '<'.
    // (A '<' in the last byte is matched next time, from the tail; stopping
    // before it also keeps every read in bounds, which the JIT rewards.)
    for (let i = 0, n = buf.length - 1; i < n; i++) {
      if (buf[i] !== 0x3c || second[buf[i + 1]] !== 1) continue;
      for (let p = 0; p < pats.length; p++) {
        // Matches lying wholly inside the carried tail were counted last time.
        if (i + pats[p].length > tl && startsAt(buf, i, pats[p])) this.counts[p]++;
      }
    }
    this.tail = buf.slice(Math.max(0, buf.length - this.keep));
  }
}

const MERGE_NAME = asciiBytes('mergeCells');

/** Whether a <mergeCells or <prefix:mergeCells start tag opens at `i` (a '<'). */
function mergeOpensAt(buf: Uint8Array, i: number): boolean {
  const c = buf[i + 1];
  if (c === 0x6d /* m */) return startsAt(buf, i + 1, MERGE_NAME) && buf[i] === 0x3c;
  if (c === 0x2f || c === 0x21 || c === 0x3f) return false;
  // A namespace prefix (Open XML SDK writes <x:mergeCells>): a few name bytes, then ':'.
  for (let k = i + 2; k < i + 12 && k < buf.length; k++) {
    const b = buf[k];
    if (b === 0x3a) return startsAt(buf, k + 1, MERGE_NAME);
    if (b === 0x20 || b === 0x3e || b === 0x2f || b === 0x3c) return false;
  }
  return false;
}

/** Where the </mergeCells> (or </prefix:mergeCells>) closing tag ends in `text`, or -1. */
function mergeCloseEnd(text: string, from: number): number {
  for (let j = text.indexOf('mergeCells>', from); j >= 0; j = text.indexOf('mergeCells>', j + 1)) {
    const lt = text.lastIndexOf('<', j);
    if (lt >= 0 && text[lt + 1] === '/' && j - lt <= 12) return j + 11;
  }
  return -1;
}

/** Collects the text of a sheet's <mergeCells> element while it streams past. */
export class MergeCollector {
  private tail = new Uint8Array(0);
  private open = false;
  private done = false;
  text = '';
  feed(chunk: Uint8Array): void {
    if (this.done) return;
    let searchFrom: number;
    if (!this.open) {
      // Searched on the bytes; only the element itself is decoded.
      const buf = withTail(this.tail, chunk);
      const n = buf.length - 1;
      let i = 0;
      for (; i < n; i++) if (buf[i] === 0x3c && mergeOpensAt(buf, i)) break;
      // (A tag cut off at the end of the chunk is found next time, from the tail.)
      if (i >= n) {
        this.tail = buf.slice(Math.max(0, buf.length - 21));
        return;
      }
      this.open = true;
      this.text = latin1.decode(buf.subarray(i));
      searchFrom = 0;
    } else {
      searchFrom = Math.max(0, this.text.length - 24);
      this.text += latin1.decode(chunk);
    }
    const j = mergeCloseEnd(this.text, searchFrom);
    if (j >= 0) {
      this.text = this.text.slice(0, j);
      this.done = true;
    }
  }
}

/** "B4:B7" → 0-based inclusive range; single cells and junk give null. */
export function parseRange(ref: string): MergeRange | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+):\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref.trim().toUpperCase());
  if (!m) return null;
  const a = { top: Number(m[2]) - 1, left: columnOf(m[1]) - 1, bottom: Number(m[4]) - 1, right: columnOf(m[3]) - 1 };
  const r = { top: Math.min(a.top, a.bottom), left: Math.min(a.left, a.right), bottom: Math.max(a.top, a.bottom), right: Math.max(a.left, a.right) };
  return r.top === r.bottom && r.left === r.right ? null : r;
}

export function parseMergeCells(xml: string): MergeRange[] {
  const out: MergeRange[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?mergeCell\b[^>]*\bref\s*=\s*"([^"]+)"/g)) {
    const r = parseRange(m[1]);
    if (r) out.push(r);
  }
  return out;
}

const DOCTYPE = ['<!DOCTYPE', '<!ENTITY'];
const ROW = ['<row ', '<row>'];

function unsafePath(name: string): boolean {
  return name.startsWith('/') || name.includes('\\') || /^[a-zA-Z]:/.test(name) || name.split('/').some((s) => s === '..') || name.includes('\0');
}

// The attribute patterns by name, made once (a RegExp built per call was a
// good part of the guard's own time on small workbooks).
const ATTR_PATTERNS = new Map<string, [RegExp, RegExp]>();

const attr = (tag: string, name: string): string | null => {
  let pats = ATTR_PATTERNS.get(name);
  if (!pats) ATTR_PATTERNS.set(name, (pats = [new RegExp(`(?:^|\\s)${name}\\s*=\\s*"([^"]*)"`), new RegExp(`(?:^|\\s)${name}\\s*=\\s*'([^']*)'`)]));
  const m = pats[0].exec(tag) ?? pats[1].exec(tag);
  // The reader's decoder: a reference past U+10FFFF is left as written, not thrown on.
  return m ? decodeXml(m[1]) : null;
};

/** A relationship target resolved against the part that names it (absolute or relative). */
export function resolvePart(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

function relsPathOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

const utf8 = new TextDecoder('utf-8');
const text = (b: Uint8Array | null): string => (b ? utf8.decode(b) : '');

/** Start tags <row …> and <row> in a sheet's text. */
function countRowTags(xml: string): number {
  let n = 0;
  for (let i = xml.indexOf('<row'); i >= 0; i = xml.indexOf('<row', i + 4)) {
    const c = xml.charCodeAt(i + 4);
    if (c === 32 || c === 62) n++;
  }
  return n;
}

/**
 * A <!DOCTYPE or <!ENTITY in the part's prolog: the declaration, comments and
 * processing instructions before the root element are walked past, however
 * long. A DOCTYPE only counts there: after the root element no XML parser
 * reads one (it is an error), and our own reader expands no entities at all.
 * Walking the prolog, not searching the whole text, keeps the check from
 * costing a scan of every part of every file.
 */
export function hasDoctype(xml: string): boolean {
  let i = 0;
  for (;;) {
    i = xml.indexOf('<', i);
    if (i < 0) return false;
    if (xml.startsWith('<?', i)) {
      const e = xml.indexOf('?>', i + 2);
      if (e < 0) return false;
      i = e + 2;
    } else if (xml.startsWith('<!--', i)) {
      const e = xml.indexOf('-->', i + 4);
      if (e < 0) return false;
      i = e + 3;
    } else if (xml.startsWith('<!DOCTYPE', i) || xml.startsWith('<!ENTITY', i)) return true;
    else if (xml.startsWith('<!', i)) i += 2;
    else return false;
  }
}

/**
 * The sheet's <mergeCells> element (or <prefix:mergeCells>) as text, '' when
 * it has none. The schema puts it after <sheetData>, so the search starts at
 * the end of the sheet data when there is one (the cells are most of the text).
 */
export function mergeElement(xml: string): string {
  const after = Math.max(0, xml.lastIndexOf('sheetData'));
  for (let j = xml.indexOf('mergeCells', after); j >= 0; j = xml.indexOf('mergeCells', j + 10)) {
    const lt = xml.lastIndexOf('<', j);
    if (lt < 0 || j - lt > 12) continue;
    const prefix = xml.slice(lt + 1, j);
    // a start tag: nothing or a namespace prefix between '<' and the name (not '</')
    if (prefix !== '' && !/^\w+:$/.test(prefix)) continue;
    const end = mergeCloseEnd(xml, j);
    return end >= 0 ? xml.slice(lt, end) : xml.slice(lt);
  }
  return '';
}

/** Checked parts of earlier workbooks in this process (a page's worker, a kesu run). */
const PARTS = new PartCache();

function guardZip(bytes: Uint8Array, file: string, limits: ReadLimits): GuardResult {
  const dir = readZipDirectory(bytes);
  if (!dir.ok) {
    if (dir.reason === 'corrupt') return refuse(problem('zip-corrupt', file, { entry: '目录', detail: dir.detail ?? '' }));
    return refuse(problem('zip-truncated', file));
  }
  const entries = dir.entries;
  if (entries.length > limits.maxEntries) return refuse(problem('zip-too-many-entries', file, { count: entries.length, limit: limits.maxEntries }));
  const warnings: FileProblem[] = [];
  let declared = 0;
  for (const e of entries) {
    if (unsafePath(e.name)) return refuse(problem('zip-unsafe-path', file, { entry: e.name }));
    if (e.nameNotUtf8) warnings.push(problem('zip-name-not-utf8', file, { entry: e.name }));
    if (e.flags & 1) return refuse(problem('zip-encrypted-entry', file, { entry: e.name }));
    if (e.method !== 0 && e.method !== 8) return refuse(problem('zip-unsupported-method', file, { entry: e.name, method: e.method }));
    if (e.size > limits.maxEntryBytes)
      return refuse(problem('zip-bomb-declared', file, { entry: e.name, size: formatBytes(e.size), limit: formatBytes(limits.maxEntryBytes) }));
    declared += e.size;
    if (declared > limits.maxTotalBytes)
      return refuse(problem('zip-bomb-declared', file, { entry: e.name, size: `合计 ${formatBytes(declared)}`, limit: formatBytes(limits.maxTotalBytes) }));
  }
  const byName = new Map(entries.map((e) => [e.name, e]));
  if (byName.has('word/document.xml')) return refuse(problem('word-document', file));
  if (byName.has('mimetype') && byName.has('content.xml')) return refuse(problem('ods', file));
  if (byName.has('xl/workbook.bin')) return refuse(problem('not-xlsx', file, { detail: '二进制工作簿 .xlsb' }));

  // Actual sizes: inflate every entry with a cap, scanning XML for DOCTYPE/ENTITY
  // and counting the row elements of each part (sheets are identified below).
  let total = 0;
  const rowCounts = new Map<string, number>();
  const mergeText = new Map<string, string>();
  // Inflated XML parts, kept for the reader so nothing is inflated twice.
  const parts = new Map<string, Uint8Array | string>();
  for (const e of entries) {
    if (e.name.endsWith('/')) continue;
    const data = entryData(bytes, e);
    if (!data) return refuse(problem('zip-truncated', file, { entry: e.name }));
    const isXml = /\.(xml|rels|vml)$/i.test(e.name);
    const isSheet = /worksheets?\//i.test(e.name);
    const cap = Math.min(limits.maxEntryBytes, limits.maxTotalBytes - total);
    const wantKeep = isXml && !/\.vml$/i.test(e.name) && e.size <= cap;
    // Small entries in one call into a buffer of the declared size (fflate's
    // streaming inflater allocates and copies ~160 KB per entry, which was most
    // of the guard's time on a small workbook). A lie about the size, or any
    // error, falls back to the capped streaming path, which says what is wrong.
    const small = data.length <= ONE_SHOT_MAX && e.size <= cap;
    // A part this process has already inflated and checked, from another
    // workbook of the same template (part-cache.ts). Worksheets are each
    // workbook's own and are not looked up.
    const known = small && wantKeep && !isSheet ? PARTS.get(e, data) : null;
    const whole = known === null && small ? inflateWhole(data, e.method, e.size) : null;
    // The byte scanners are for parts not decoded whole below.
    const scanned = known === null && !(whole && wantKeep);
    const dt = isXml && scanned ? new Matcher(DOCTYPE) : null;
    const rows = isSheet && scanned ? new Matcher(ROW) : null;
    const mc = isSheet && scanned ? new MergeCollector() : null;
    let keep: Uint8Array | null = null;
    let kept = 0;
    let crc = 0;
    const scan = (chunk: Uint8Array): void => {
      crc = crc32(chunk, crc);
      // Streamed (large) parts are scanned for DOCTYPE/ENTITY over all their
      // bytes, not only the prolog that hasDoctype walks for parts decoded
      // whole. That is stricter: a "<!DOCTYPE" inside a later comment or
      // CDATA section is refused too. Acceptable: text cannot hold a raw '<'
      // (it is written &lt;), so only such hand-made markup trips it, and
      // following the prolog across chunk boundaries would add a state
      // machine to a scan that is already running over every byte.
      dt?.feed(chunk);
      if (rows) {
        rows.feed(chunk);
        mc!.feed(chunk);
      }
    };
    let r: InflateOutcome;
    let decoded: string | null = null;
    if (known !== null) {
      // Same bytes as a part that passed every check below: same verdicts.
      crc = e.crc;
      decoded = known;
      r = { ok: true, size: e.size };
    } else if (whole && wantKeep) {
      // A part the reader will want as text: decoded once, here, and checked
      // with the engine's own string search (three byte-by-byte scans in
      // JavaScript cost more than inflating).
      crc = crc32(whole, 0);
      decoded = utf8.decode(whole);
      if (hasDoctype(decoded)) return refuse(problem('xml-doctype', file, { entry: e.name }));
      if (isSheet) {
        // Fewer bytes than maxRows empty <row/> elements cannot hold more rows: not counted.
        rowCounts.set(e.name, whole.length > 6 * limits.maxRows ? countRowTags(decoded) : 0);
        mergeText.set(e.name, mergeElement(decoded));
      }
      r = { ok: true, size: whole.length };
    } else if (whole) {
      scan(whole);
      r = { ok: true, size: whole.length };
    } else {
      // The kept copy is filled as chunks arrive, up to the declared size (a
      // larger actual size is refused below, so nothing past it is needed).
      keep = wantKeep ? new Uint8Array(e.size) : null;
      r = inflateCapped(data, e.method, cap, (chunk) => {
        scan(chunk);
        if (keep && kept + chunk.length <= keep.length) keep.set(chunk, kept);
        kept += chunk.length;
      });
    }
    if (!r.ok) {
      if (r.reason === 'limit') {
        const limit = cap === limits.maxEntryBytes ? formatBytes(limits.maxEntryBytes) : `合计 ${formatBytes(limits.maxTotalBytes)}`;
        return refuse(problem('zip-bomb-actual', file, { entry: e.name, limit, declared: formatBytes(e.size) }));
      }
      return refuse(problem(/end of data|unexpected EOF/i.test(r.detail) ? 'zip-truncated' : 'zip-corrupt', file, { entry: e.name, detail: r.detail }));
    }
    // JSZip (inside exceljs) refuses a size mismatch with an English message; say it here, in Chinese.
    if (r.size !== e.size) return refuse(problem('zip-corrupt', file, { entry: e.name, detail: `解压后 ${r.size} 字节，与记录的 ${e.size} 字节不符` }));
    // Damaged bytes can still inflate (to garbage); the checksum says so.
    if (crc !== e.crc) return refuse(problem('zip-corrupt', file, { entry: e.name, detail: '校验和不符，内容已损坏' }));
    total += r.size;
    if (dt && (dt.counts[0] > 0 || dt.counts[1] > 0)) return refuse(problem('xml-doctype', file, { entry: e.name }));
    if (decoded !== null) {
      parts.set(e.name, decoded);
      if (known === null && !isSheet && whole) PARTS.put(e, data, decoded);
    } else if (keep) parts.set(e.name, keep);
    if (rows && decoded === null) {
      const n = rows.counts[0] + rows.counts[1];
      rowCounts.set(e.name, n);
      mergeText.set(e.name, mc!.text);
    }
  }

  // Which parts are the sheets (names and states come from workbook.xml).
  const partText = (name: string): string => {
    const kept = parts.get(name);
    if (typeof kept === 'string') return kept;
    if (kept) return text(kept);
    const e = byName.get(name);
    return e ? text(inflateEntry(bytes, e, limits.maxEntryBytes)) : '';
  };
  const rootRels = partText('_rels/.rels');
  let wbPath = 'xl/workbook.xml';
  for (const m of rootRels.matchAll(/<Relationship\b[^>]*>/g)) {
    const type = attr(m[0], 'Type') ?? '';
    const target = attr(m[0], 'Target');
    if (/\/officeDocument$/.test(type) && target) wbPath = resolvePart('', target.replace(/^\//, ''));
  }
  const wbEntry = byName.get(wbPath);
  if (!wbEntry || !byName.has('[Content_Types].xml')) return refuse(problem('not-xlsx', file, { detail: '压缩包中没有 Excel 工作簿部件' }));
  const wbXml = partText(wbPath);
  const relsXml = partText(relsPathOf(wbPath));
  // "Strict Open XML" workbooks use other namespaces that exceljs does not read (it would return nothing).
  if (wbXml.includes('purl.oclc.org/ooxml/spreadsheetml/main')) return refuse(problem('not-xlsx', file, { detail: '“Strict Open XML 电子表格”格式' }));
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id && target) targets.set(id, resolvePart(wbPath, target));
  }
  const sheets: SheetPart[] = [];
  for (const m of wbXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = attr(m[0], 'name') ?? '';
    const rid = /\s[\w]+:id\s*=\s*"([^"]*)"/.exec(m[0])?.[1] ?? '';
    const st = attr(m[0], 'state');
    sheets.push({ name, path: targets.get(rid) ?? '', state: st === 'hidden' || st === 'veryHidden' ? st : 'visible' });
  }
  if (sheets.length === 0) return refuse(problem('empty-workbook', file, { detail: '工作簿中没有任何工作表' }));

  // Sheets with more row elements than the cap: rewrite them before exceljs
  // (which would allocate every row) — drop empty formatted rows and stray
  // content far below the data, or drop the sheet when it truly is too big.
  const replaced = new Map<string, Uint8Array>();
  const droppedSheets: string[] = [];
  for (const s of sheets) {
    const count = rowCounts.get(s.path) ?? 0;
    if (count <= limits.maxRows) continue;
    const raw = parts.get(s.path);
    if (!raw) continue;
    const xml = typeof raw === 'string' ? raw : text(raw);
    // One walk over the rows: the thinning also counts the value rows that decide between thinning and dropping.
    const thin = thinSheetXml(xml, limits.maxRows);
    if (thin.valueRows > limits.maxRows) {
      warnings.push(problem('sheet-too-many-rows', file, { count: thin.valueRows.toLocaleString('en-US'), limit: limits.maxRows.toLocaleString('en-US') }, { sheet: s.name }));
      droppedSheets.push(s.name);
      const a = xml.indexOf('<sheetData');
      const b = xml.lastIndexOf('</sheetData>');
      const emptied = a >= 0 && b > a ? xml.slice(0, a) + '<sheetData/>' + xml.slice(b + '</sheetData>'.length) : xml;
      replaced.set(s.path, new TextEncoder().encode(emptied.replace(/<mergeCells\b[\s\S]*?<\/mergeCells>/, '')));
    } else {
      if (thin.emptyRows > 0)
        warnings.push(problem('formatted-rows-ignored', file, { count: thin.emptyRows.toLocaleString('en-US') }, { sheet: s.name }));
      if (thin.strayRows > 0)
        warnings.push(problem('rows-beyond-cap', file, { count: thin.strayRows, limit: limits.maxRows.toLocaleString('en-US') }, { sheet: s.name, row: thin.firstStray }));
      replaced.set(s.path, new TextEncoder().encode(thin.xml));
    }
  }
  let out = bytes;
  if (replaced.size) out = rewriteZip(bytes, entries, replaced);
  for (const [path, b] of replaced) parts.set(path, b);
  const merges = new Map<string, MergeRange[]>();
  for (const s of sheets) merges.set(s.name, droppedSheets.includes(s.name) ? [] : parseMergeCells(mergeText.get(s.path) ?? ''));
  return { kind: 'xlsx', bytes: out, sheets, warnings, droppedSheets, merges, parts };
}

const VALUE_RE = /<(?:\w+:)?(?:v|is|f)\b/;

const isWordChar = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/**
 * Visits each <row> element: where it starts and ends, its attribute text and
 * its body (undefined for <row/>). Linear in the text: the next </row> is
 * looked up once and reused, so a sheet of unterminated rows cannot make it
 * quadratic (as a lazy `<row>[\s\S]*?</row>` regex would be). A <row> with no
 * </row> after it is left in place, unvisited.
 */
function eachRow(xml: string, visit: (start: number, end: number, attrs: string, body: string | undefined) => void): void {
  let close = -2;
  let i = xml.indexOf('<row');
  while (i >= 0) {
    if (isWordChar(xml.charCodeAt(i + 4))) {
      i = xml.indexOf('<row', i + 4);
      continue;
    }
    const gt = xml.indexOf('>', i + 4);
    if (gt < 0) return;
    if (xml.charCodeAt(gt - 1) === 47 /* / */ && gt - 1 >= i + 4) {
      visit(i, gt + 1, xml.slice(i + 4, gt - 1), undefined);
      i = xml.indexOf('<row', gt + 1);
      continue;
    }
    if (close !== -1 && close < gt + 1) close = xml.indexOf('</row>', gt + 1);
    if (close === -1) {
      i = xml.indexOf('<row', i + 4);
      continue;
    }
    visit(i, close + 6, xml.slice(i + 4, gt), xml.slice(gt + 1, close));
    i = xml.indexOf('<row', close + 6);
  }
}

/**
 * Keeps rows that hold a value (or formula) at or above the cap; counts what it
 * drops, and the value rows (empty formatted rows do not count).
 */
export function thinSheetXml(xml: string, maxRows: number): { xml: string; valueRows: number; strayRows: number; emptyRows: number; firstStray?: number } {
  let prev = 0;
  let emptyRows = 0;
  let valueRows = 0;
  let strayRows = 0;
  let firstStray: number | undefined;
  const out: string[] = [];
  let last = 0;
  eachRow(xml, (start, end, attrs, body) => {
    const m = /\br\s*=\s*"(\d+)"/.exec(attrs);
    const r = m ? Number(m[1]) : prev + 1;
    prev = r;
    let keep = true;
    if (!body || !VALUE_RE.test(body)) {
      emptyRows++;
      keep = false;
    } else {
      valueRows++;
      if (r > maxRows) {
        strayRows++;
        firstStray ??= r;
        keep = false;
      }
    }
    if (!keep) {
      out.push(xml.slice(last, start));
      last = end;
    }
  });
  out.push(xml.slice(last));
  return { xml: out.join(''), valueRows, strayRows, emptyRows, firstStray };
}
