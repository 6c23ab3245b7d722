// The package (Open Packaging Conventions, ECMA-376 Part 2) as both the guard
// and the reader see it: part names, relationships, media types. One parser,
// so what the guard vets is what the reader reads. Section numbers are those
// of ECMA-376 Part 2, 5th edition (2021); the requirement ids of the first
// edition ([M1.12] …) are given where they help find the rule in older copies.
import { attr, newTag, nextTag } from './xml-text';

/**
 * The key under which a part is found: without the leading "/", percent-
 * encoding undone, ASCII letters in lower case. Part names are equivalent
 * under ASCII case-insensitive matching (§6.2.2.3, [M1.12]), and a ZIP item
 * name is the part name with non-ASCII characters percent-encoded or not
 * (§7.3.4, §7.3.5), so "xl/WorkBook.xml", "/xl/workbook.xml" and
 * "xl/%E8%A1%A8.xml" ~ "xl/表.xml" find the same part.
 */
export function partKey(name: string): string {
  let s = name.charCodeAt(0) === 47 ? name.slice(1) : name;
  if (s.includes('%')) {
    try {
      s = decodeURIComponent(s);
    } catch {
      // A lone "%" is a literal character of the name.
    }
  }
  return s.replace(/[A-Z]+/g, (c) => c.toLowerCase());
}

/** The archive's entry names by part key; the first of two equivalent names wins (a package may not hold both, §6.2.2.3). */
export class PartIndex {
  private readonly byKey = new Map<string, string>();
  constructor(names: Iterable<string>) {
    for (const n of names) {
      if (n.endsWith('/')) continue;
      const k = partKey(n);
      if (!this.byKey.has(k)) this.byKey.set(k, n);
    }
  }
  /** The stored entry name of a part, or null when the archive has no such part. */
  find(part: string): string | null {
    return this.byKey.get(partKey(part)) ?? null;
  }
  has(part: string): boolean {
    return this.byKey.has(partKey(part));
  }
}

/** The Relationships part of a source part ("" for the package): "/a/b.xml" → "a/_rels/b.xml.rels" (§6.5.2.2, §6.5.2.3). */
export function relsPartOf(source: string): string {
  const i = source.lastIndexOf('/');
  return `${source.slice(0, i + 1)}_rels/${source.slice(i + 1)}.rels`;
}

/**
 * A relationship target resolved against its source part as RFC 3986 §5.2
 * says (§6.4, §6.5.2): an absolute path from the package root, or a path
 * relative to the source part's folder; "." and ".." segments removed (a ".."
 * above the root stays at the root, as remove_dot_segments does); fragment
 * and query dropped. Backslashes are read as slashes, as some Windows
 * writers put them in targets. Null for a target with a scheme (http:,
 * file:, mailto: …), which is not a part of this package.
 */
export function resolveTarget(source: string, target: string): string | null {
  let t = target.trim().replace(/\\/g, '/');
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(t)) return null;
  const cut = t.search(/[?#]/);
  if (cut >= 0) t = t.slice(0, cut);
  if (t === '') return null;
  const segs = t.startsWith('/') ? [] : source.split('/').slice(0, -1);
  for (const seg of t.split('/')) {
    if (seg === '..') segs.pop();
    else if (seg !== '.' && seg !== '') segs.push(seg);
  }
  return segs.length ? segs.join('/') : null;
}

export interface Relationship {
  id: string;
  /** The relationship type, as written (compared by its last segment, see relKind). */
  type: string;
  /** The target part's name (no leading "/"), or null for an external or unusable target. */
  part: string | null;
}

/**
 * The relationships in a Relationships part (§6.5.3): every Relationship
 * element whatever its namespace prefix (<Relationship>, <ns0:Relationship>),
 * attributes in single or double quotes, TargetMode="External" ones kept with
 * no part.
 */
export function parseRelationships(xml: string, source: string): Relationship[] {
  const out: Relationship[] = [];
  const t = newTag();
  for (let p = 0; nextTag(xml, p, t); p = t.end) {
    if (t.closing || t.name !== 'Relationship') continue;
    const target = attr(xml, t, 'Target');
    const external = (attr(xml, t, 'TargetMode') ?? '').trim().toLowerCase() === 'external';
    out.push({
      id: (attr(xml, t, 'Id') ?? '').trim(),
      type: (attr(xml, t, 'Type') ?? '').trim(),
      part: external || target === null ? null : resolveTarget(source, target),
    });
  }
  return out;
}

/**
 * The kind of a relationship: the last segment of its type. Transitional
 * (http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet)
 * and Strict (ISO/IEC 29500-1 strict: http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet)
 * types share it, and so do Microsoft's extension types (…/2006/relationships/xlMacrosheet).
 */
export function relKind(type: string): string {
  return type.slice(type.lastIndexOf('/') + 1);
}

export interface ContentTypes {
  /** Media type by extension, lower case (Default elements). */
  defaults: Map<string, string>;
  /** Media type by part key (Override elements). */
  overrides: Map<string, string>;
}

/** The Media Types stream "[Content_Types].xml" (§7.2.3.2); elements under any prefix. */
export function parseContentTypes(xml: string): ContentTypes {
  const ct: ContentTypes = { defaults: new Map(), overrides: new Map() };
  const t = newTag();
  for (let p = 0; nextTag(xml, p, t); p = t.end) {
    if (t.closing) continue;
    const type = attr(xml, t, 'ContentType');
    if (type === null) continue;
    if (t.name === 'Default') {
      const ext = attr(xml, t, 'Extension');
      if (ext !== null) ct.defaults.set(ext.trim().toLowerCase(), type.trim());
    } else if (t.name === 'Override') {
      const part = attr(xml, t, 'PartName');
      if (part !== null) ct.overrides.set(partKey(part.trim()), type.trim());
    }
  }
  return ct;
}

/** A part's media type (§7.2.3.5): the Override for its name, else the Default for its extension, both ASCII case-insensitive. */
export function contentTypeOf(ct: ContentTypes, part: string): string | null {
  const o = ct.overrides.get(partKey(part));
  if (o !== undefined) return o;
  const last = part.slice(part.lastIndexOf('/') + 1);
  const dot = last.lastIndexOf('.');
  return dot < 0 ? null : (ct.defaults.get(last.slice(dot + 1).toLowerCase()) ?? null);
}

/** Media types of a SpreadsheetML workbook part (ECMA-376 Part 1 §12.3.23), macro-enabled and template ones too. */
const WORKBOOK_TYPES = /^application\/vnd\.(?:openxmlformats-officedocument\.spreadsheetml\.(?:sheet|template)|ms-excel\.(?:sheet|template|addin)\.macroEnabled)\.main\+xml$/i;

export type MainPart = { part: string; via: 'relationship' | 'content-type' | 'default-name' } | null;

/**
 * The workbook part: the target of the package's officeDocument relationship
 * (Part 1 §12.3.23 reaches the workbook from the package this way); failing
 * that, the part whose media type is a workbook's; failing that, the name
 * every writer uses. Each candidate must exist in the archive.
 */
export function findMainPart(rootRels: Relationship[], ct: ContentTypes | null, index: PartIndex): MainPart {
  for (const r of rootRels) {
    if (relKind(r.type) !== 'officeDocument' || !r.part) continue;
    const found = index.find(r.part);
    if (found) return { part: found, via: 'relationship' };
  }
  if (ct) {
    for (const [key, type] of ct.overrides) {
      if (!WORKBOOK_TYPES.test(type)) continue;
      const found = index.find(key);
      if (found) return { part: found, via: 'content-type' };
    }
  }
  const found = index.find('xl/workbook.xml');
  return found ? { part: found, via: 'default-name' } : null;
}

/** Whether a media type is XML (…/xml or …+xml, RFC 7303). */
export const isXmlType = (type: string | null): boolean => type !== null && /[/+]xml(?:\s*;|$)/i.test(type);
