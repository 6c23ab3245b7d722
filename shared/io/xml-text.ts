// Small, allocation-light helpers for scanning the XML parts of an .xlsx with
// indexOf instead of a full XML parser. No regex here runs over a whole part
// or a whole cell with nested quantifiers: every pattern is linear.

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the five XML entities and numeric references; line ends normalised as an XML parser does. */
export function decodeXml(raw: string): string {
  let s = raw;
  if (s.indexOf('\r') >= 0) s = s.replace(/\r\n?/g, '\n');
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]{1,8}|#[0-9]{1,10}|[a-zA-Z]{2,4});/g, (m, e: string) => {
    if (e[0] !== '#') return NAMED[e] ?? m;
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

/**
 * Excel's own escape for characters XML cannot hold (ST_Xstring, ECMA-376
 * Part 1 §22.9.2.19): `_x000D_` → "\r", and `_x005F_` → "_" so that a
 * literal "_x0041_" is written `_x005F_x0041_`. Read left to right, each
 * escape once. Hex digits in either case; "_X0041_" (capital X) is no escape.
 */
export function decodeOoxmlEscapes(s: string): string {
  return s.indexOf('_x') < 0 ? s : s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** One tag found by nextTag; reused between calls to avoid garbage. */
export interface Tag {
  /** Index of '<'. */
  start: number;
  /** Index just after '>' (or the end of the text when the tag is cut short). */
  end: number;
  /** Local name, without any namespace prefix. */
  name: string;
  closing: boolean;
  selfClosing: boolean;
  /** Where the attributes start and end (for attr()). */
  attrStart: number;
  attrEnd: number;
}

export const newTag = (): Tag => ({ start: 0, end: 0, name: '', closing: false, selfClosing: false, attrStart: 0, attrEnd: 0 });

const isNameEnd = (c: number): boolean => c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13;

/**
 * Finds the next element tag at or after `from`, skipping comments,
 * processing instructions and CDATA sections. False at the end of the text.
 */
export function nextTag(s: string, from: number, t: Tag): boolean {
  let i = from;
  for (;;) {
    i = s.indexOf('<', i);
    if (i < 0) return false;
    const c = s.charCodeAt(i + 1);
    if (c === 33 /* ! */) {
      if (s.startsWith('<!--', i)) {
        const e = s.indexOf('-->', i + 4);
        if (e < 0) return false;
        i = e + 3;
      } else if (s.startsWith('<![CDATA[', i)) {
        const e = s.indexOf(']]>', i + 9);
        if (e < 0) return false;
        i = e + 3;
      } else i += 2;
      continue;
    }
    if (c === 63 /* ? */) {
      const e = s.indexOf('?>', i + 2);
      if (e < 0) return false;
      i = e + 2;
      continue;
    }
    const closing = c === 47;
    let n = i + (closing ? 2 : 1);
    const nameStart = n;
    let colon = -1;
    while (n < s.length && !isNameEnd(s.charCodeAt(n))) {
      if (s.charCodeAt(n) === 58) colon = n;
      n++;
    }
    const gt = s.indexOf('>', n);
    const end = gt < 0 ? s.length : gt + 1;
    t.start = i;
    t.end = end;
    t.name = s.slice(colon >= 0 ? colon + 1 : nameStart, n);
    t.closing = closing;
    t.selfClosing = gt > 0 && s.charCodeAt(gt - 1) === 47;
    t.attrStart = n;
    t.attrEnd = gt < 0 ? s.length : t.selfClosing ? gt - 1 : gt;
    return true;
  }
}

/** An attribute of a tag by its exact name (prefix included, e.g. "r:id"), decoded; null when absent. */
export function attr(s: string, t: Tag, name: string): string | null {
  const out: (string | null)[] = [null];
  readAttrs(s, t, [name], out);
  return out[0];
}

/**
 * The attributes of a tag one by one: after next() returns true, the
 * positions of the name (and of its last ':', or -1) and of the value inside
 * its quotes, either quote. A cursor rather than a callback: attr() runs for
 * every row of a sheet, and a closure per call cost a quarter of its time.
 */
class AttrCursor {
  ns = 0;
  colon = -1;
  ne = 0;
  vs = 0;
  ve = 0;
  private i: number;
  private readonly end: number;
  constructor(
    private readonly s: string,
    t: Tag,
  ) {
    this.i = t.attrStart;
    this.end = t.attrEnd;
  }
  next(): boolean {
    const { s, end } = this;
    let i = this.i;
    // Skip whitespace to the attribute name.
    let c = s.charCodeAt(i);
    while (i < end && (c === 32 || c === 9 || c === 10 || c === 13)) c = s.charCodeAt(++i);
    if (i >= end) return false;
    this.ns = i;
    this.colon = -1;
    while (i < end && s.charCodeAt(i) !== 61 /* = */ && !isNameEnd(s.charCodeAt(i))) {
      if (s.charCodeAt(i) === 58) this.colon = i;
      i++;
    }
    this.ne = i;
    while (i < end && s.charCodeAt(i) !== 61) i++;
    i++;
    while (i < end && s.charCodeAt(i) !== 34 && s.charCodeAt(i) !== 39) i++;
    if (i >= end) return false;
    this.vs = i + 1;
    let ve = s.indexOf(s.charCodeAt(i) === 34 ? '"' : "'", this.vs);
    if (ve < 0 || ve > end) ve = end;
    this.ve = ve;
    this.i = ve + 1;
    return true;
  }
  /** The value, entities decoded. */
  value(): string {
    const v = this.s.slice(this.vs, this.ve);
    return v.indexOf('&') >= 0 || v.indexOf('\r') >= 0 ? decodeXml(v) : v;
  }
}

/** Several attributes in one pass over the tag: out[k] gets names[k]'s decoded value, or null. */
export function readAttrs(s: string, t: Tag, names: readonly string[], out: (string | null)[]): void {
  for (let k = 0; k < names.length; k++) out[k] = null;
  const a = new AttrCursor(s, t);
  while (a.next()) {
    for (let k = 0; k < names.length; k++) {
      const name = names[k];
      if (a.ne - a.ns === name.length && out[k] === null && s.startsWith(name, a.ns)) {
        out[k] = a.value();
        break;
      }
    }
  }
}

/**
 * A namespaced attribute by its local name, whatever its prefix ("r:id",
 * "ns1:id", "relationships:id"): the prefix is the writer's choice (Namespaces
 * in XML 1.0 §4), only unprefixed attributes are left out. Decoded; null when
 * absent.
 */
export function prefixedAttr(s: string, t: Tag, local: string): string | null {
  const a = new AttrCursor(s, t);
  while (a.next()) {
    const { ns, colon, ne } = a;
    if (colon > ns && ne - colon - 1 === local.length && s.startsWith(local, colon + 1) && s.slice(ns, colon) !== 'xmlns') return a.value();
  }
  return null;
}

/**
 * The text content starting at `from` (just after an opening tag) up to the
 * next tag, with CDATA sections kept raw and comments skipped. Returns the
 * decoded text and sets `at.pos` to the '<' of the tag that ended it.
 */
export function readText(s: string, from: number, at: { pos: number }): string {
  let i = from;
  let out: string[] | null = null;
  let first = '';
  for (;;) {
    const lt = s.indexOf('<', i);
    const stop = lt < 0 ? s.length : lt;
    const piece = decodeXml(s.slice(i, stop));
    if (lt >= 0 && s.startsWith('<![CDATA[', lt)) {
      const e = s.indexOf(']]>', lt + 9);
      const cdata = s.slice(lt + 9, e < 0 ? s.length : e);
      (out ??= [first]).push(piece, cdata);
      i = e < 0 ? s.length : e + 3;
      continue;
    }
    if (lt >= 0 && s.startsWith('<!--', lt)) {
      const e = s.indexOf('-->', lt + 4);
      (out ??= [first]).push(piece);
      i = e < 0 ? s.length : e + 3;
      continue;
    }
    at.pos = stop;
    if (out) {
      out.push(piece);
      return out.join('');
    }
    return piece;
  }
}
