// Damaged copies of a workbook for the reader's fuzz test, made from a fixed
// seed. Zip-aware damage (cut short, flipped bytes inside one entry's
// compressed data, a broken central directory, sizes that lie) and XML-aware
// damage (tags cut off, bad entities, deep nesting, huge attributes, wrong
// namespaces, parts renamed or dropped), each applied where it matters.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { seededRandom } from '../../shared/sample/random';
import { readZipDirectory, entryData } from '../../shared/io/zip';

type Rnd = () => number;
const pick = <T>(rnd: Rnd, list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
const int = (rnd: Rnd, n: number): number => Math.floor(rnd() * n);

const u32 = (b: Uint8Array, o: number): number => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000;
const set32 = (b: Uint8Array, o: number, v: number): void => {
  b[o] = v & 0xff;
  b[o + 1] = (v >>> 8) & 0xff;
  b[o + 2] = (v >>> 16) & 0xff;
  b[o + 3] = (v >>> 24) & 0xff;
};

/** Where the central directory and its end record sit (the archive must be sound). */
function layout(b: Uint8Array): { eocd: number; cd: number } {
  let eocd = b.length - 22;
  while (eocd > 0 && u32(b, eocd) !== 0x06054b50) eocd--;
  return { eocd, cd: u32(b, eocd + 16) };
}

// ---------- zip-aware ----------

const truncate = (b: Uint8Array, rnd: Rnd): Uint8Array => b.slice(0, int(rnd, b.length));

/** 1–8 bytes flipped inside one entry's compressed data (the checksum or the inflater must notice). */
function flipInEntry(b: Uint8Array, rnd: Rnd): Uint8Array {
  const dir = readZipDirectory(b);
  if (!dir.ok) return b;
  const out = b.slice();
  const e = pick(rnd, dir.entries.filter((x) => x.compressedSize > 0));
  const data = entryData(out, e);
  if (!data) return out;
  for (let k = 1 + int(rnd, 8); k > 0; k--) data[int(rnd, data.length)] ^= 1 << int(rnd, 8);
  return out;
}

/** Bytes of the central directory or its end record overwritten. */
function breakDirectory(b: Uint8Array, rnd: Rnd): Uint8Array {
  const out = b.slice();
  const { eocd, cd } = layout(out);
  const what = int(rnd, 4);
  if (what === 0) for (let k = 1 + int(rnd, 16); k > 0; k--) out[cd + int(rnd, eocd - cd)] = int(rnd, 256);
  else if (what === 1) set32(out, eocd + 16, int(rnd, 0xffffffff)); // directory offset
  else if (what === 2) out[eocd + 10] = int(rnd, 256); // entry count
  else out.fill(0, cd, cd + 4); // the first header's signature
  return out;
}

/** A declared size that lies: an entry's compressed or inflated size, in the directory or its local header. */
function wrongSize(b: Uint8Array, rnd: Rnd): Uint8Array {
  const out = b.slice();
  const dir = readZipDirectory(out);
  if (!dir.ok) return out;
  const { cd } = layout(out);
  // Walk the directory to the chosen header.
  let p = cd;
  const n = int(rnd, dir.entries.length);
  for (let i = 0; i < n; i++) p += 46 + (out[p + 28] | (out[p + 29] << 8)) + (out[p + 30] | (out[p + 31] << 8)) + (out[p + 32] | (out[p + 33] << 8));
  const e = dir.entries[n];
  const value = pick(rnd, [0, 1, Math.max(0, e.size - 1), e.size + 1, e.size * 1000, 0xfffffffe, int(rnd, 1 << 20)]);
  const field = pick(rnd, [p + 20, p + 24, e.localOffset + 18, e.localOffset + 22]);
  set32(out, field, value);
  return out;
}

// ---------- XML-aware ----------

type Parts = Record<string, Uint8Array>;
const xmlNames = (parts: Parts): string[] => Object.keys(parts).filter((n) => /\.(xml|rels)$/i.test(n));

function cutTag(xml: string, rnd: Rnd): string {
  const lt: number[] = [];
  for (let i = xml.indexOf('<'); i >= 0 && lt.length < 5000; i = xml.indexOf('<', i + 1)) lt.push(i);
  if (!lt.length) return xml.slice(0, int(rnd, xml.length));
  const at = pick(rnd, lt) + int(rnd, 12);
  return int(rnd, 2) ? xml.slice(0, at) : xml.slice(0, at) + xml.slice(at + 1 + int(rnd, 40));
}

const BAD_ENTITIES = ['&bogus;', '&#xFFFFFFFF;', '&#0;', '&', '&#x110000;', '&#55296;', '&amp', '&lt;c&gt;', ']]>', '<![CDATA[', '<!--'];
function badEntities(xml: string, rnd: Rnd): string {
  const chars = [...xml];
  for (let k = 1 + int(rnd, 6); k > 0; k--) chars.splice(int(rnd, chars.length), 0, pick(rnd, BAD_ENTITIES));
  return chars.join('');
}

function deepNesting(xml: string, rnd: Rnd): string {
  const depth = 10_000 + int(rnd, 90_000);
  const name = pick(rnd, ['a', 'c', 'row', 'si', 'r', 'is', 'x:t']);
  const at = Math.max(0, xml.indexOf('>', xml.indexOf('<sheetData') >= 0 ? xml.indexOf('<sheetData') : 0) + 1);
  return xml.slice(0, at) + `<${name}>`.repeat(depth) + (int(rnd, 2) ? `</${name}>`.repeat(depth) : '') + xml.slice(at);
}

function hugeAttribute(xml: string, rnd: Rnd): string {
  const gt = xml.indexOf('>', xml.indexOf('<c ') >= 0 ? xml.indexOf('<c ') : xml.indexOf('<', 1));
  if (gt < 0) return xml;
  const value = pick(rnd, ['A', '&amp;', '"', "'", '1']).repeat(500_000 + int(rnd, 2_000_000));
  return xml.slice(0, gt) + ` x${int(rnd, 9)}="${value}"` + xml.slice(gt);
}

function wrongNamespace(xml: string, rnd: Rnd): string {
  const to = pick(rnd, ['http://example.com/not-spreadsheetml', 'http://purl.oclc.org/ooxml/spreadsheetml/main', '', 'urn:x']);
  const out = xml.replace(/xmlns(:\w+)?="[^"]*"/g, (m, p: string | undefined) => (rnd() < 0.5 ? `xmlns${p ?? ''}="${to}"` : m));
  return int(rnd, 3) === 0 ? out.replace(/<(\/?)(\w+)/g, (m, slash: string, name: string) => (rnd() < 0.3 ? `<${slash}q${int(rnd, 3)}:${name}` : m)) : out;
}

/** A part renamed (case, backslashes, elsewhere), dropped, or doubled under another case. */
function renamePart(parts: Parts, rnd: Rnd): Parts {
  const names = Object.keys(parts);
  const name = pick(rnd, names);
  const out: Parts = { ...parts };
  const what = int(rnd, 4);
  delete out[name];
  if (what === 1) out[name.toUpperCase()] = parts[name];
  else if (what === 2) out[name.replace(/\//g, '\\')] = parts[name];
  else if (what === 3) {
    out[name] = parts[name];
    out[name.replace(/[a-z]/, (c) => c.toUpperCase())] = strToU8('<x/>');
  }
  return out;
}

const XML_MUTATIONS: [string, (xml: string, rnd: Rnd) => string][] = [
  ['cut-tag', cutTag],
  ['bad-entities', badEntities],
  ['deep-nesting', deepNesting],
  ['huge-attribute', hugeAttribute],
  ['wrong-namespace', wrongNamespace],
];

function xmlAware(b: Uint8Array, rnd: Rnd): { kind: string; bytes: Uint8Array } {
  let parts: Parts;
  try {
    parts = unzipSync(b);
  } catch {
    // Already damaged past unzipping (truncated.xlsx): damaged further as a zip.
    return zipAware(b, rnd);
  }
  if (rnd() < 0.15) return { kind: 'xml:rename-part', bytes: zipSync(renamePart(parts, rnd)) };
  const [kind, mutate] = pick(rnd, XML_MUTATIONS);
  // Mostly the parts that matter: the sheets, the strings, the workbook and its relationships.
  const names = xmlNames(parts);
  const core = names.filter((n) => /sheet|sharedStrings|workbook|rels|styles/i.test(n));
  const name = pick(rnd, core.length && rnd() < 0.85 ? core : names);
  const out = { ...parts, [name]: strToU8(mutate(strFromU8(parts[name]), rnd)) };
  return { kind: `xml:${kind}`, bytes: zipSync(out) };
}

const ZIP_MUTATIONS: [string, (b: Uint8Array, rnd: Rnd) => Uint8Array][] = [
  ['truncate', truncate],
  ['flip-in-entry', flipInEntry],
  ['break-directory', breakDirectory],
  ['wrong-size', wrongSize],
];

function zipAware(b: Uint8Array, rnd: Rnd): { kind: string; bytes: Uint8Array } {
  const [kind, mutate] = pick(rnd, ZIP_MUTATIONS);
  return { kind: `zip:${kind}`, bytes: mutate(b, rnd) };
}

/** The n-th mutant of a workbook: the same bytes for the same seed, always. */
export function mutant(base: Uint8Array, seed: number): { kind: string; bytes: Uint8Array } {
  const rnd = seededRandom(seed);
  return rnd() < 0.45 ? zipAware(base, rnd) : xmlAware(base, rnd);
}
