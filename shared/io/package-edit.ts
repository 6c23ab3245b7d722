// An .xlsx package opened for a small edit (the enrich copy): its parts read
// on demand, some replaced, a few added, relationships and content types
// kept consistent, and the archive written again with every untouched entry
// copied as it was, compressed bytes, entry name and all. Nothing is parsed
// into a model and written back, so whatever a producer put in the file
// (drawings, comments, validations, extensions we do not know) comes out
// unchanged.
//
// Parts, relationships and media types are found with the package parser
// the guard and the reader use (opc.ts), so the copy follows the same rules
// as the reading: part names equivalent in any letter case or percent-
// encoding, relationship targets relative to their source or absolute from
// the package root (openpyxl writes "/xl/comments1.xml"), relationship and
// media-type markup under any prefix, in either quote. A part we change is
// written under its entry's original name.
import { Deflate, inflateSync } from 'fflate';
import { PartIndex, contentTypeOf, parseContentTypes, parseRelationships, partKey, relKind, relsPartOf, type Relationship } from './opc';
import { declaredUtf8, decodeXmlBytes } from './xml-encoding';
import { newTag, nextTag } from './xml-text';
import { crc32, entryData, rewriteZip, type DeflatedPart, type ZipEntry } from './zip';

/** The relationships namespace of a transitional package (ECMA-376 Part 1 §22.8) and of a Strict one (ISO/IEC 29500-1 strict). */
export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const STRICT_REL_NS = 'http://purl.oclc.org/ooxml/officeDocument/relationships';
/** The SpreadsheetML main namespace, transitional and Strict. */
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const STRICT_MAIN_NS = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
const PKG_RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CONTENT_TYPES_NS = 'http://schemas.openxmlformats.org/package/2006/content-types';
const RELS_CONTENT_TYPE = 'application/vnd.openxmlformats-package.relationships+xml';
const CONTENT_TYPES_PART = '[Content_Types].xml';

const enc = new TextEncoder();

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
  /** The original entries by part key (opc.ts), and the parts we add. */
  private readonly index: PartIndex;
  private readonly addedByKey = new Map<string, string>();
  private readonly replaced = new Map<string, Uint8Array | DeflatedPart>();
  private readonly texts = new Map<string, string>();
  private readonly added: string[] = [];
  /** The relationships namespace our relationship types are in (the package's flavour). */
  readonly relNs: string;
  /** The main namespace of parts we create. */
  readonly mainNs: string;

  /**
   * `kept`: parts the guard has already inflated and checked (text or bytes),
   * by entry name; other parts are inflated here when asked for. `strict`:
   * the package is Strict Open XML, so parts and relationships we add use
   * Strict's namespaces.
   */
  constructor(
    private readonly bytes: Uint8Array,
    private readonly entries: ZipEntry[],
    private readonly kept: Map<string, Uint8Array | string>,
    strict = false,
  ) {
    this.byName = new Map(entries.map((e) => [e.name, e]));
    this.index = new PartIndex(entries.map((e) => e.name));
    this.relNs = strict ? STRICT_REL_NS : REL_NS;
    this.mainNs = strict ? STRICT_MAIN_NS : MAIN_NS;
  }

  /** The entry name a part is stored (or will be added) under, however the name is spelled; null when there is no such part. */
  find(part: string): string | null {
    return this.addedByKey.get(partKey(part)) ?? this.index.find(part);
  }

  /** A part's text (as edited so far), decoded from its encoding, or null when the package has no such part. */
  text(part: string): string | null {
    const name = this.find(part);
    if (name === null) return null;
    const edited = this.texts.get(name);
    if (edited !== undefined) return edited;
    const k = this.kept.get(name);
    if (typeof k === 'string') return k;
    if (k) return decodeXmlBytes(k);
    const e = this.byName.get(name);
    if (!e) return null;
    const data = entryData(this.bytes, e);
    if (!data) return null;
    // The guard has checked every entry's size and checksum before we get here.
    return decodeXmlBytes(e.method === 0 ? data : inflateSync(data, { out: new Uint8Array(e.size) }));
  }

  /** The name a part is written under: its entry's, or `part` itself for a new one (registered as added). */
  private target(part: string): string {
    const found = this.find(part);
    if (found !== null) return found;
    const name = part.charCodeAt(0) === 47 ? part.slice(1) : part;
    this.addedByKey.set(partKey(name), name);
    this.added.push(name);
    return name;
  }

  /** Replaces (or adds) a part with new text (written as UTF-8, its XML declaration saying so). */
  setText(part: string, xml: string): void {
    const name = this.target(part);
    this.replaced.delete(name);
    this.texts.set(name, xml);
  }

  /** Replaces (or adds) a part with content already deflated by its writer. */
  setDeflated(part: string, deflated: DeflatedPart): void {
    const name = this.target(part);
    this.texts.delete(name);
    this.replaced.set(name, deflated);
  }

  /** The relationships of a part (ECMA-376 Part 2 §6.5), each target given as the entry name it reaches (null: external or not a part). */
  rels(part: string): Relationship[] {
    const source = this.find(part) ?? part;
    const xml = this.text(relsPartOf(source));
    if (!xml) return [];
    return parseRelationships(xml, source).map((r) => (r.part === null ? r : { ...r, part: this.find(r.part) ?? r.part }));
  }

  /** The first relationship of a part whose type ends in `kind` (transitional and Strict alike, opc.ts relKind) that reaches a part. */
  relOfKind(part: string, kind: string): Relationship | undefined {
    return this.rels(part).find((r) => relKind(r.type) === kind && r.part !== null);
  }

  /** Adds a relationship of kind `kind` ('comments', 'styles' …) from `part` to `target` (a part name); returns its new Id. */
  addRel(part: string, kind: string, target: string): string {
    const source = this.find(part) ?? part;
    const relsName = this.find(relsPartOf(source)) ?? relsPartOf(source);
    const ids = new Set(this.rels(source).map((r) => r.id));
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const xml = this.text(relsName) ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_RELS_NS}"></Relationships>`;
    if (this.find(relsName) === null) this.declare(relsName, RELS_CONTENT_TYPE, true);
    const p = rootPrefix(xml);
    const rel = `<${p}Relationship Id="${id}" Type="${this.relNs}/${kind}" Target="${escapeXml(relativeTarget(source, this.find(target) ?? target))}"/>`;
    this.setText(relsName, insertChild(xml, rel, 'Relationship', ['Relationship']));
    return id;
  }

  /** Every part's entry name (as edited so far). */
  paths(): string[] {
    return [...this.byName.keys(), ...this.added];
  }

  /** The first name of the form pattern(1), pattern(2), … that no part has (in any letter case, Part 2 §6.2.2.3). */
  freeName(pattern: (n: number) => string): string {
    let n = 1;
    while (this.find(pattern(n)) !== null) n++;
    return pattern(n);
  }

  /**
   * Gives a part its media type in [Content_Types].xml (Part 2 §7.2.3): nothing
   * when the stream already gives it that type; else a Default for its
   * extension when `byExtension` and the extension has none, else an Override.
   */
  declare(part: string, contentType: string, byExtension = false): void {
    const ctName = this.find(CONTENT_TYPES_PART) ?? CONTENT_TYPES_PART;
    const xml = this.text(ctName) ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="${CONTENT_TYPES_NS}"></Types>`;
    const name = this.find(part) ?? part;
    const ct = parseContentTypes(xml);
    if (contentTypeOf(ct, name) === contentType) return;
    const last = name.slice(name.lastIndexOf('/') + 1);
    const ext = last.includes('.') ? last.slice(last.lastIndexOf('.') + 1).toLowerCase() : '';
    const p = rootPrefix(xml);
    const asDefault = byExtension && ext !== '' && !ct.defaults.has(ext);
    const el = asDefault ? `<${p}Default Extension="${escapeXml(ext)}" ContentType="${contentType}"/>` : `<${p}Override PartName="/${escapeXml(name)}" ContentType="${contentType}"/>`;
    this.setText(ctName, insertChild(xml, el, asDefault ? 'Default' : 'Override', ['Default', 'Override']));
  }

  /** The archive with every edit applied; untouched entries copied byte for byte. */
  finish(): Uint8Array {
    const fresh = new Map<string, Uint8Array | DeflatedPart>(this.replaced);
    for (const [name, xml] of this.texts) fresh.set(name, enc.encode(declaredUtf8(xml)));
    const replaced = new Map([...fresh].filter(([name]) => this.byName.has(name)));
    const added = this.added.map((name) => [name, fresh.get(name)!] as [string, Uint8Array | DeflatedPart]);
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
