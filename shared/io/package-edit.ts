// An .xlsx package opened for a small edit (the enrich copy): its parts read
// on demand, some replaced, a few added, relationships and content types
// kept consistent, and the archive written again with every untouched entry
// copied as it was, compressed bytes and all. Nothing is parsed into a model
// and written back, so whatever a producer put in the file (drawings,
// comments, validations, extensions we do not know) comes out unchanged.
//
// Part names and relationship targets follow OPC (ECMA-376 Part 2): a
// target is resolved against its source part's folder, or from the package
// root when it starts with "/" (openpyxl writes "/xl/comments1.xml").
import { Deflate, inflateSync } from 'fflate';
import { resolvePart } from './guard';
import { attr, newTag, nextTag } from './xml-text';
import { crc32, entryData, rewriteZip, type DeflatedPart, type ZipEntry } from './zip';

export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const REL_TYPE = {
  comments: `${REL_NS}/comments`,
  vmlDrawing: `${REL_NS}/vmlDrawing`,
  sharedStrings: `${REL_NS}/sharedStrings`,
  styles: `${REL_NS}/styles`,
} as const;

export interface Rel {
  id: string;
  type: string;
  /** The part it names (resolved), '' for an external target. */
  path: string;
}

const utf8 = new TextDecoder('utf-8');
const enc = new TextEncoder();

/** Where the relationships of `part` live: xl/worksheets/_rels/sheet1.xml.rels. */
export function relsPathOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** The relative target from `from`'s folder to `to` (both package paths without a leading "/"). */
export function relativeTarget(from: string, to: string): string {
  const a = from.split('/').slice(0, -1);
  const b = to.split('/');
  let k = 0;
  while (k < a.length && k < b.length - 1 && a[k] === b[k]) k++;
  return [...a.slice(k).map(() => '..'), ...b.slice(k)].join('/');
}

export const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The qualified-name prefix of a part's root element ('' or e.g. 'x:'): elements we add must carry it. */
export function rootPrefix(xml: string): string {
  const t = newTag();
  if (!nextTag(xml, 0, t)) return '';
  const qname = xml.slice(t.start + 1, t.attrStart);
  const colon = qname.indexOf(':');
  return colon >= 0 ? qname.slice(0, colon + 1) : '';
}

/**
 * `element` put into `xml` as a child of the root, at its place in the
 * schema's sequence `order` (the root's child element names, in order):
 * before the first child that must follow it, else before the root's end tag.
 */
export function insertChild(xml: string, element: string, name: string, order: readonly string[]): string {
  const after = new Set(order.slice(order.indexOf(name) + 1));
  const t = newTag();
  let depth = 0;
  let root = '';
  for (let i = 0; nextTag(xml, i, t); i = t.end) {
    if (!root) {
      root = t.name;
      if (t.selfClosing) {
        // <root .../> becomes <root ...>element</root>
        const qname = xml.slice(t.start + 1, t.attrStart);
        return xml.slice(0, t.attrEnd) + '>' + element + `</${qname}>` + xml.slice(t.end);
      }
      continue;
    }
    if (t.closing) {
      if (depth === 0) return xml.slice(0, t.start) + element + xml.slice(t.start);
      depth--;
      continue;
    }
    if (depth === 0 && after.has(t.name)) return xml.slice(0, t.start) + element + xml.slice(t.start);
    if (!t.selfClosing) depth++;
  }
  return xml + element;
}

/** A start tag's text with the attribute `name` set to `value` (replaced, or added at the end). */
export function setAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(':', '\\:')}\\s*=\\s*)("[^"]*"|'[^']*')`);
  if (re.test(tag)) return tag.replace(re, `$1"${escapeXml(value)}"`);
  const end = tag.endsWith('/>') ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, end)} ${name}="${escapeXml(value)}"${tag.slice(end)}`;
}

export class PackageEdit {
  private readonly byName: Map<string, ZipEntry>;
  private readonly replaced = new Map<string, Uint8Array | DeflatedPart>();
  private readonly texts = new Map<string, string>();
  private readonly added: string[] = [];

  /**
   * `kept`: parts the guard has already inflated and checked (text or bytes);
   * other parts are inflated here when asked for.
   */
  constructor(
    private readonly bytes: Uint8Array,
    private readonly entries: ZipEntry[],
    private readonly kept: Map<string, Uint8Array | string>,
  ) {
    this.byName = new Map(entries.map((e) => [e.name, e]));
  }

  has(path: string): boolean {
    return this.byName.has(path) || this.texts.has(path) || this.replaced.has(path);
  }

  /** A part's text (as edited so far), or null when the package has no such part. */
  text(path: string): string | null {
    const edited = this.texts.get(path);
    if (edited !== undefined) return edited;
    const k = this.kept.get(path);
    if (typeof k === 'string') return k;
    if (k) return utf8.decode(k);
    const e = this.byName.get(path);
    if (!e) return null;
    const data = entryData(this.bytes, e);
    if (!data) return null;
    // The guard has checked every entry's size and checksum before we get here.
    return utf8.decode(e.method === 0 ? data : inflateSync(data, { out: new Uint8Array(e.size) }));
  }

  /** Replaces (or adds) a part with new text. */
  setText(path: string, xml: string): void {
    if (!this.byName.has(path) && !this.texts.has(path)) this.added.push(path);
    this.texts.set(path, xml);
  }

  /** Replaces (or adds) a part with content already deflated by its writer. */
  setDeflated(path: string, part: DeflatedPart): void {
    if (!this.byName.has(path) && !this.texts.has(path) && !this.replaced.has(path)) this.added.push(path);
    this.texts.delete(path);
    this.replaced.set(path, part);
  }

  /** The relationships of a part (targets resolved; external ones with path ''). */
  rels(part: string): Rel[] {
    const xml = this.text(relsPathOf(part));
    if (!xml) return [];
    const out: Rel[] = [];
    const t = newTag();
    for (let i = 0; nextTag(xml, i, t); i = t.end) {
      if (t.closing || t.name !== 'Relationship') continue;
      const id = attr(xml, t, 'Id') ?? '';
      const type = attr(xml, t, 'Type') ?? '';
      const target = attr(xml, t, 'Target') ?? '';
      const external = (attr(xml, t, 'TargetMode') ?? '') === 'External' || /^[a-z][a-z0-9+.-]*:/i.test(target);
      out.push({ id, type, path: external ? '' : resolvePart(part, target) });
    }
    return out;
  }

  /** Adds a relationship from `part` to `target` (a package path); returns its new Id. */
  addRel(part: string, type: string, target: string): string {
    const relsPath = relsPathOf(part);
    const ids = new Set(this.rels(part).map((r) => r.id));
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const rel = `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(relativeTarget(part, target))}"/>`;
    const xml = this.text(relsPath) ?? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
    if (!this.has(relsPath)) this.declare(relsPath, 'application/vnd.openxmlformats-package.relationships+xml', true);
    this.setText(relsPath, insertChild(xml, rel, 'Relationship', ['Relationship']));
    return id;
  }

  /** Every part's name (as edited so far). */
  paths(): string[] {
    return [...new Set([...this.byName.keys(), ...this.texts.keys(), ...this.replaced.keys()])];
  }

  /** The first free name of the form pattern(1), pattern(2), … */
  freeName(pattern: (n: number) => string): string {
    // part names are compared ignoring case (ECMA-376 Part 2 §9.1.1.1)
    const names = new Set(this.paths().map((k) => k.toLowerCase()));
    const taken = (p: string): boolean => names.has(p.toLowerCase());
    let n = 1;
    while (taken(pattern(n))) n++;
    return pattern(n);
  }

  /** Declares a part's content type ([Content_Types].xml): an Override, unless a Default for its extension already says it. */
  declare(path: string, contentType: string, byExtension = false): void {
    const ctPath = '[Content_Types].xml';
    let xml = this.text(ctPath) ?? '';
    const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
    const t = newTag();
    for (let i = 0; nextTag(xml, i, t); i = t.end) {
      if (t.closing) continue;
      if (t.name === 'Default' && (attr(xml, t, 'Extension') ?? '').toLowerCase() === ext && (byExtension || attr(xml, t, 'ContentType') === contentType)) return;
      if (t.name === 'Override' && (attr(xml, t, 'PartName') ?? '').toLowerCase() === `/${path}`.toLowerCase()) return;
    }
    const el = byExtension ? `<Default Extension="${escapeXml(ext)}" ContentType="${contentType}"/>` : `<Override PartName="/${escapeXml(path)}" ContentType="${contentType}"/>`;
    xml = insertChild(xml, el, byExtension ? 'Default' : 'Override', ['Default', 'Override']);
    this.setText(ctPath, xml);
  }

  /** The archive with every edit applied; untouched entries copied byte for byte. */
  finish(): Uint8Array {
    const fresh = new Map<string, Uint8Array | DeflatedPart>(this.replaced);
    for (const [path, xml] of this.texts) fresh.set(path, enc.encode(xml));
    const replaced = new Map([...fresh].filter(([p]) => this.byName.has(p)));
    const added = this.added.map((p) => [p, fresh.get(p)!] as [string, Uint8Array | DeflatedPart]);
    return rewriteZip(this.bytes, this.entries, replaced, added);
  }
}

/**
 * A part written as a stream of text pieces, encoded and deflated as they
 * come: a 100,000-row sheet is never held whole a second time, as text or
 * as bytes. finish() gives what rewriteZip needs.
 */
export class DeflateSink {
  private readonly chunks: Uint8Array[] = [];
  private readonly deflate: Deflate;
  private buf = new Uint8Array(1 << 20);
  private used = 0;
  private crc = 0;
  private size = 0;

  constructor(level: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 = 6) {
    this.deflate = new Deflate({ level }, (chunk) => this.chunks.push(chunk));
  }

  write(s: string): void {
    let rest = s;
    while (rest.length) {
      // A UTF-16 code unit takes at most 3 bytes in UTF-8: leave room for one more.
      if (this.buf.length - this.used < 4) this.flush();
      const { read, written } = enc.encodeInto(rest, this.buf.subarray(this.used));
      this.used += written;
      rest = read < rest.length ? rest.slice(read) : '';
    }
  }

  private flush(final = false): void {
    const data = this.buf.subarray(0, this.used);
    this.crc = crc32(data, this.crc);
    this.size += data.length;
    this.deflate.push(data, final);
    // fflate may keep a reference to the pushed chunk until the next push: write into a fresh buffer.
    if (!final) this.buf = new Uint8Array(this.buf.length);
    this.used = 0;
  }

  finish(): DeflatedPart {
    this.flush(true);
    const total = this.chunks.reduce((n, c) => n + c.length, 0);
    const deflated = new Uint8Array(total);
    let o = 0;
    for (const c of this.chunks) deflated.set(c, o), (o += c.length);
    return { deflated, crc: this.crc, size: this.size };
  }
}
