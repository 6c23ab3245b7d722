// Reading a Word document (.docx) as plan text: paragraphs as lines, each table
// row as one line of cells joined by '\t' (merged cells filled with ''), so an
// annex owner table reads like the web copy of seed 004.
//
// mammoth does the Word part (it has a browser build, so the add-in can use
// this file too; no Node built-ins here). Before it sees the bytes, a guard of
// our own checks what they are: the workbook guard refuses Word files, and
// mammoth's JSZip neither caps inflation nor explains a broken file.
import mammoth from 'mammoth';
import type { FileProblem } from '../model';
import { word, type MessageTable, type ParamsOf } from '../wording';
import { cfbKind, isCfb } from './cfb';
import { entryData, inflateCapped, readZipDirectory, startsWithZipSignature } from './zip';

export type DocxResult = { ok: true; text: string } | { ok: false; problem: FileProblem };

const MAX_PART = 64 * 1024 * 1024;
const MAX_TOTAL = 256 * 1024 * 1024;

/**
 * What the Word parts may hold before mammoth sees them. mammoth builds an
 * object for every element (~600 bytes each: a 124 KB file of a million
 * empty paragraphs took 4 GB) and walks nesting by recursion (2,000 nested
 * tables overflowed the stack), and our table reader lays out every spanned
 * column (a gridSpan of 100,000,000 in a 16 KB file took 5.9 GB). A real
 * plan has a few thousand paragraphs, tables of tens of rows and columns,
 * and 10,000–100,000 characters; each bound is far above that.
 */
export const DOCX_LIMITS = {
  paragraphs: 100_000,
  /** Table rows and cells, all tables together. */
  rows: 20_000,
  cells: 200_000,
  /** Columns one cell spans (gridSpan): Word's tables have at most 63 columns. */
  span: 64,
  /** Tables inside table cells. */
  tables: 16,
  /** Elements inside elements. */
  depth: 256,
  /** Bytes of text (w:t content). */
  text: 4 * 1024 * 1024,
  /** Elements of every kind, in all of word/*.xml (checked last: the others name the cause better). */
  elements: 500_000,
} as const;

type DocxMeasure = keyof typeof DOCX_LIMITS;

/** What each bound counts, in the user's words. */
const MEASURE: Record<DocxMeasure, string> = {
  elements: '内部元素数',
  paragraphs: '段落数',
  rows: '表格行数',
  cells: '表格单元格数',
  depth: '内部嵌套层数',
  tables: '表格套表格的层数',
  span: '单元格横向合并的列数',
  text: '文字字节数',
};

/**
 * Counts what DOCX_LIMITS bounds over a part's text as it inflates (chunks
 * decoded as latin1, one character per byte): start tags by local name, the
 * nesting, gridSpan values, and the bytes inside <w:t>. A tag cut by a
 * chunk boundary is carried over to the next chunk.
 */
class DocxCounter {
  readonly seen: Record<DocxMeasure, number> = { elements: 0, paragraphs: 0, rows: 0, cells: 0, depth: 0, tables: 0, span: 0, text: 0 };
  private tail = '';
  private depth = 0;
  private tables = 0;
  private inText = false;

  /** Starts a new part: nesting starts again. */
  part(): void {
    this.tail = '';
    this.depth = 0;
    this.tables = 0;
    this.inText = false;
  }

  feed(chunk: string): void {
    let s = this.tail + chunk;
    const lt = s.lastIndexOf('<');
    if (lt >= 0 && s.indexOf('>', lt) < 0 && s.length - lt < 65_536) {
      this.tail = s.slice(lt);
      s = s.slice(0, lt);
    } else this.tail = '';
    const seen = this.seen;
    let last = 0;
    for (const m of s.matchAll(TAG)) {
      if (this.inText) seen.text += m.index - last;
      last = m.index + m[0].length;
      const [, close, name, attrs] = m as unknown as [string, string, string, string];
      if (close) {
        this.depth--;
        if (name === 'tbl') this.tables--;
        if (name === 't') this.inText = false;
        continue;
      }
      const empty = attrs.endsWith('/');
      seen.elements++;
      if (!empty && ++this.depth > seen.depth) seen.depth = this.depth;
      if (name === 'p') seen.paragraphs++;
      else if (name === 'tr') seen.rows++;
      else if (name === 'tc') seen.cells++;
      else if (name === 'tbl' && !empty && ++this.tables > seen.tables) seen.tables = this.tables;
      else if (name === 't' && !empty) this.inText = true;
      else if (name === 'gridSpan') seen.span = Math.max(seen.span, Number(/\bval\s*=\s*["']?\s*(\d{1,12})/.exec(attrs)?.[1] ?? 1));
    }
    if (this.inText) seen.text += s.length - last;
  }

  /** The first bound passed, or null. */
  over(): { measure: DocxMeasure; count: number } | null {
    for (const k of Object.keys(DOCX_LIMITS) as DocxMeasure[]) if (this.seen[k] > DOCX_LIMITS[k]) return { measure: k, count: this.seen[k] };
    return null;
  }
}

/** A start or end tag with its local name (any namespace prefix); comments and processing instructions do not match. */
const TAG = /<(\/?)(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;

/** Each code's wording, from that code's params (shared/wording.ts); problem() adds the file. */
const MESSAGES = {
  'docx-empty-file': (p: { file: string }) => `「${p.file}」是空文件（0 字节），没有可读的内容。`,
  'docx-old-format': (p: { file: string }) => `「${p.file}」是旧版 Word 格式（.doc）或加了密码的文档，无法直接读取。请在 Word 或 WPS 中「另存为」.docx 后再导入。`,
  'docx-not-zip': (p: { file: string }) =>
    `「${p.file}」不是 Word 文档（.docx）：文件内容不是 .docx 的压缩包格式，可能是改了扩展名的其他文件。请用 Word 或 WPS 打开后另存为 .docx，或直接导入 .txt 文本。`,
  'docx-broken': (p: { file: string; detail: string }) => `「${p.file}」已损坏或不完整（${p.detail}），无法读取。请重新获取原文件。`,
  'docx-not-word': (p: { file: string }) => `「${p.file}」是压缩包，但不是 Word 文档（缺少正文部件 word/document.xml）。`,
  'docx-too-large': (p: { file: string; limit: string }) => `「${p.file}」解压后超过 ${p.limit}，不像正常的 Word 文档，已拒绝读取。`,
  'docx-doctype': (p: { file: string; entry: string }) => `「${p.file}」的部件 ${p.entry} 含有 DOCTYPE/ENTITY 声明，可能是恶意构造的文件，已拒绝读取。`,
  'docx-parse-failed': (p: { file: string }) => `「${p.file}」无法作为 Word 文档读取（文件内部结构已损坏或不标准）。请用 Word 或 WPS 打开后另存为 .docx 再试。`,
  'docx-too-complex': (p: { file: string; what: string; count: string; limit: string }) =>
    `「${p.file}」的${p.what}达到 ${p.count}，超过上限 ${p.limit}，不像正常的方案文档（可能已损坏或被恶意构造），已拒绝读取。若确是方案原文，请在 Word 或 WPS 中把正文复制到记事本，另存为 .txt 后导入。`,
  'docx-no-text': (p: { file: string }) => `「${p.file}」是 Word 文档，但其中没有文字。`,
} satisfies MessageTable;

/** The table itself, for the tests that word every code. */
export { MESSAGES as DOCX_MESSAGES };

/** The .docx reader's problem codes, typed from the table. */
export type DocxCode = keyof typeof MESSAGES;

type Given<C extends DocxCode> = Omit<ParamsOf<typeof MESSAGES, C>, 'file'>;

/** A refusal: the code's params (optional when it needs none), then the internal detail for support. */
function problem<C extends DocxCode>(
  code: C,
  file: string,
  ...[params, detail]: {} extends Given<C> ? [params?: Given<C>, detail?: string] : [params: Given<C>, detail?: string]
): { ok: false; problem: FileProblem } {
  return { ok: false, problem: { file, code, message: word(MESSAGES, code, { file, ...params }), ...(detail ? { detail } : {}) } };
}

const DOCTYPE = /<!(DOCTYPE|ENTITY)/i;

/** The archive checks: what the bytes are, sizes before and after inflating, no DTDs. */
export function guardDocx(bytes: Uint8Array, file: string): { ok: true } | { ok: false; problem: FileProblem } {
  if (bytes.length === 0) return problem('docx-empty-file', file);
  if (isCfb(bytes)) {
    const kind = cfbKind(bytes, file);
    return kind === 'doc' || kind === 'encrypted' ? problem('docx-old-format', file) : problem('docx-not-zip', file);
  }
  if (!startsWithZipSignature(bytes)) return problem('docx-not-zip', file);
  const dir = readZipDirectory(bytes);
  if (!dir.ok) return problem('docx-broken', file, { detail: dir.reason === 'corrupt' ? '压缩包目录损坏' : '找不到压缩包目录，文件可能被截断' });
  if (!dir.entries.some((e) => e.name === 'word/document.xml')) return problem('docx-not-word', file);
  let total = 0;
  for (const e of dir.entries) {
    if (e.flags & 1) return problem('docx-old-format', file);
    if (e.size > MAX_PART || (total += e.size) > MAX_TOTAL) return problem('docx-too-large', file, { limit: '256 MB' });
  }
  let inflated = 0;
  const counter = new DocxCounter();
  const latin1 = new TextDecoder('latin1');
  for (const e of dir.entries) {
    if (!/\.(xml|rels)$/i.test(e.name)) continue;
    const data = entryData(bytes, e);
    if (!data) return problem('docx-broken', file, { detail: `部件 ${e.name} 缺失` });
    let tail = '';
    let bad = false;
    const counted = /^word\/.*\.xml$/i.test(e.name);
    counter.part();
    const r = inflateCapped(data, e.method, Math.min(MAX_PART, MAX_TOTAL - inflated), (chunk) => {
      const text = latin1.decode(chunk);
      const s = tail + text;
      if (DOCTYPE.test(s)) bad = true;
      tail = s.slice(-16);
      if (counted) counter.feed(text);
    });
    if (!r.ok) return r.reason === 'limit' ? problem('docx-too-large', file, { limit: '256 MB' }) : problem('docx-broken', file, { detail: `部件 ${e.name} 无法解压` }, r.detail);
    if (bad) return problem('docx-doctype', file, { entry: e.name });
    inflated += r.size;
    const over = counter.over();
    if (over) return problem('docx-too-complex', file, { what: MEASURE[over.measure], count: over.count.toLocaleString('en-US'), limit: DOCX_LIMITS[over.measure].toLocaleString('en-US') });
  }
  return { ok: true };
}

// The parts of mammoth's document tree this reader looks at.
interface DocElement {
  type: string;
  value?: string;
  breakType?: string;
  children?: DocElement[];
  colSpan?: number;
  rowSpan?: number;
  numbering?: { level?: string | number; isOrdered?: boolean } | null;
}

const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const cn = (n: number) => (n <= 10 ? CN[n]! : n < 20 ? '十' + CN[n - 10] : CN[Math.floor(n / 10)]! + '十' + CN[n % 10]);

/**
 * Word's automatic list numbering is not in the text. Plans number 一、 >
 * （一） > 1. > （1）, so an ordered list level gets that marker back (unless the
 * text already starts with one).
 */
function markerFor(level: number, n: number): string {
  return [`${cn(n)}、`, `（${cn(n)}）`, `${n}.`, `（${n}）`][Math.min(level, 3)]!;
}
const HAS_MARKER = /^\s*([（(]\s*)?([一二三四五六七八九十]+|\d+)\s*([)）]|[、.．])/;

function inlineText(el: DocElement): string {
  switch (el.type) {
    case 'text':
      return el.value ?? '';
    case 'tab':
      return ' '; // a tab inside a paragraph is layout, not a table cell
    case 'break':
      return el.breakType === 'line' ? '\n' : '';
    case 'table':
      return tableLines(el).join('\n');
    default:
      return (el.children ?? []).map(inlineText).join('');
  }
}

function cellText(cell: DocElement): string {
  return (cell.children ?? [])
    .map((c) => inlineText(c).replace(/[\t\n]+/g, ' ').trim())
    .filter(Boolean)
    .join(' ');
}

/** Rows of cells, merged cells (rowSpan/colSpan) filled in with '' so columns line up. */
function tableLines(table: DocElement): string[] {
  const carry: number[] = []; // rows still covered by a vertical merge, per column
  const lines: string[] = [];
  for (const row of table.children ?? []) {
    if (row.type !== 'tableRow') continue;
    const cells: string[] = [];
    let col = 0;
    const take = () => {
      while ((carry[col] ?? 0) > 0) {
        carry[col]!--;
        cells.push('');
        col++;
      }
    };
    for (const cell of row.children ?? []) {
      if (cell.type !== 'tableCell') continue;
      take();
      // bounded by the guard (DOCX_LIMITS.span); the cap here keeps any other caller safe too
      const span = Math.min(DOCX_LIMITS.span, Math.max(1, cell.colSpan ?? 1));
      const down = Math.max(1, cell.rowSpan ?? 1);
      cells.push(cellText(cell));
      for (let k = 0; k < span; k++) {
        if (k > 0) cells.push('');
        carry[col] = down - 1;
        col++;
      }
    }
    take();
    if (cells.some((c) => c)) lines.push(cells.join('\t'));
  }
  return lines;
}

function documentLines(doc: DocElement): string[] {
  const lines: string[] = [];
  const counters: number[] = [];
  for (const el of doc.children ?? []) {
    if (el.type === 'table') {
      lines.push('', ...tableLines(el), '');
      continue;
    }
    let text = inlineText(el);
    const num = el.type === 'paragraph' ? el.numbering : null;
    if (num && num.isOrdered && text.trim()) {
      const level = Number(num.level) || 0;
      counters.length = level + 1;
      counters[level] = (counters[level] ?? 0) + 1;
      for (let k = 0; k < level; k++) counters[k] ??= 1;
      if (!HAS_MARKER.test(text)) text = markerFor(level, counters[level]!) + text;
    }
    lines.push(...text.split('\n'));
  }
  return lines;
}

export async function readDocx(bytes: Uint8Array, file: string): Promise<DocxResult> {
  const guard = guardDocx(bytes, file);
  if (!guard.ok) return guard;
  let lines: string[] | null = null;
  try {
    const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    // Node's build takes `buffer`, the browser build `arrayBuffer`; JSZip accepts either.
    const input = { buffer: bytes, arrayBuffer } as unknown as Parameters<typeof mammoth.convertToHtml>[0];
    await mammoth.convertToHtml(input, {
      transformDocument: (doc: DocElement) => {
        lines = documentLines(doc);
        return { ...doc, children: [] };
      },
    });
  } catch (e) {
    return problem('docx-parse-failed', file, {}, (e as Error)?.message || String(e));
  }
  const text = (lines ?? ([] as string[])).join('\n').replace(/\n{3,}/g, '\n\n').trim();
  if (!text) return problem('docx-no-text', file);
  return { ok: true, text };
}
