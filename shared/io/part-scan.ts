// Scanning a part for what the guard must know before any parser sees it:
// a DOCTYPE or ENTITY declaration (ECMA-376 Part 2 (2021) §6.2.5 b) forbids
// DTDs; they enable entity-expansion attacks), the number of <row> elements
// of a sheet, and its <mergeCells> element. Large parts are scanned on their
// bytes while they inflate (Matcher, MergeCollector: ASCII patterns, so only
// for ASCII-compatible parts; UTF-16 ones are decoded first and scanned as
// text); small ones on their decoded text.

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


export const DOCTYPE = ['<!DOCTYPE', '<!ENTITY'];
export const ROW = ['<row ', '<row>'];

/** Start tags <row …> and <row> in a sheet's text. */
export function countRowTags(xml: string): number {
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

