// Reading a zip archive's central directory by hand, and inflating one entry
// with a hard cap on its output. Neither exceljs (JSZip) nor SheetJS caps
// inflation, so a small archive whose sheet XML expands to gigabytes kills
// the process with an uncatchable out-of-memory; we look at the declared sizes
// and count the actual bytes ourselves before any parser sees the file.
import { Inflate, deflateSync, inflateSync } from 'fflate';

export interface ZipEntry {
  /**
   * Entry name as decoded (UTF-8, or GB18030 when the UTF-8 flag is off and
   * the bytes are not UTF-8), with backslashes turned into forward slashes.
   */
  name: string;
  /** True when the name bytes were not valid UTF-8. */
  nameNotUtf8: boolean;
  /** True when the name was written with backslashes (now slashes in `name`). */
  backslashes: boolean;
  /** The name exactly as stored. */
  rawName: Uint8Array;
  crc: number;
  flags: number;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export type ZipDirectory =
  | { ok: true; entries: ZipEntry[] }
  | { ok: false; reason: 'no-eocd' | 'truncated' | 'corrupt'; detail?: string };

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_LOC64 = 0x07064b50;
const SIG_CEN = 0x02014b50;
const SIG_LOC = 0x04034b50;

const u16 = (b: Uint8Array, o: number): number => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number): number => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000;
const u64 = (b: Uint8Array, o: number): number => u32(b, o) + u32(b, o + 4) * 0x100000000;

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeName(bytes: Uint8Array): { name: string; bad: boolean } {
  // The general-purpose UTF-8 flag is not consulted: a name that decodes as
  // UTF-8 is taken as such whatever the flag says.
  try {
    return { name: utf8.decode(bytes), bad: false };
  } catch {
    // Chinese zip tools write GBK names without the UTF-8 flag.
    const name = new TextDecoder('gb18030').decode(bytes);
    return { name, bad: true };
  }
}

/**
 * A name that would leave the folder the archive is unpacked into: absolute,
 * with a drive letter, with a ".." segment, or with a NUL. (Backslashes are
 * already forward slashes here.) Such an entry is never a part of a package
 * (ECMA-376 Part 2 (2021) §6.2.2.2: a part name is "/" segments, none of
 * them "..") and is refused, whatever tool would unpack it later.
 */
export function unsafeEntryName(name: string): boolean {
  return name.startsWith('/') || /^[a-zA-Z]:/.test(name) || name.split('/').some((s) => s === '..') || name.includes('\0');
}

export function startsWithZipSignature(b: Uint8Array): boolean {
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5 || b[2] === 7) && (b[3] === 4 || b[3] === 6 || b[3] === 8);
}

/** Reads the central directory (with zip64 support) without inflating anything. */
export function readZipDirectory(b: Uint8Array): ZipDirectory {
  const min = Math.max(0, b.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = b.length - 22; i >= min; i--) {
    if (u32(b, i) === SIG_EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { ok: false, reason: 'no-eocd' };
  let count = u16(b, eocd + 10);
  let cdSize = u32(b, eocd + 12);
  let cdOffset = u32(b, eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc >= 0 && u32(b, loc) === SIG_LOC64) {
      const e64 = u64(b, loc + 8);
      if (e64 + 56 > b.length || u32(b, e64) !== SIG_EOCD64) return { ok: false, reason: 'corrupt', detail: 'zip64' };
      count = u64(b, e64 + 32);
      cdSize = u64(b, e64 + 40);
      cdOffset = u64(b, e64 + 48);
    }
  }
  if (cdOffset + cdSize > b.length) return { ok: false, reason: 'truncated' };
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > b.length) return { ok: false, reason: 'truncated' };
    if (u32(b, p) !== SIG_CEN) return { ok: false, reason: 'corrupt', detail: 'central directory' };
    const flags = u16(b, p + 8);
    const method = u16(b, p + 10);
    const crc = u32(b, p + 16);
    let compressedSize = u32(b, p + 20);
    let size = u32(b, p + 24);
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    let localOffset = u32(b, p + 42);
    if (p + 46 + nameLen + extraLen > b.length) return { ok: false, reason: 'truncated' };
    const rawName = b.subarray(p + 46, p + 46 + nameLen);
    const decoded = decodeName(rawName);
    const bad = decoded.bad;
    // The ZIP Appnote (4.4.17) asks for forward slashes, but some Windows
    // tools write "_rels\.rels": the same path, read as such. Names that
    // still climb out of the archive are refused by unsafeEntryName.
    const name = decoded.name.includes('\\') ? decoded.name.replace(/\\/g, '/') : decoded.name;
    // zip64 extra field: the 0xFFFFFFFF fields follow in a fixed order.
    let x = p + 46 + nameLen;
    const xEnd = x + extraLen;
    while (x + 4 <= xEnd) {
      const id = u16(b, x);
      const len = u16(b, x + 2);
      if (id === 0x0001) {
        let q = x + 4;
        if (size === 0xffffffff) (size = u64(b, q)), (q += 8);
        if (compressedSize === 0xffffffff) (compressedSize = u64(b, q)), (q += 8);
        if (localOffset === 0xffffffff) localOffset = u64(b, q);
      }
      x += 4 + len;
    }
    entries.push({ name, nameNotUtf8: bad, backslashes: name !== decoded.name, rawName, crc, flags, method, compressedSize, size, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return { ok: true, entries };
}

/** Where an entry's compressed data sits, or null when the archive is cut short. */
export function entryData(b: Uint8Array, e: ZipEntry): Uint8Array | null {
  const o = e.localOffset;
  if (o + 30 > b.length || u32(b, o) !== SIG_LOC) return null;
  const start = o + 30 + u16(b, o + 26) + u16(b, o + 28);
  const end = start + e.compressedSize;
  if (end > b.length) return null;
  return b.subarray(start, end);
}

export type InflateOutcome = { ok: true; size: number } | { ok: false; reason: 'limit'; size: number } | { ok: false; reason: 'corrupt'; detail: string };

/**
 * Inflates one entry in small input slices, handing every output chunk to
 * `visit`, and stops as soon as the output passes `limit`. A 16 KB slice of
 * deflate data expands to at most ~17 MB, so memory stays bounded whatever the
 * archive claims.
 */
export function inflateCapped(
  data: Uint8Array,
  method: number,
  limit: number,
  visit?: (chunk: Uint8Array) => void,
): InflateOutcome {
  if (method === 0) {
    if (data.length > limit) return { ok: false, reason: 'limit', size: data.length };
    visit?.(data);
    return { ok: true, size: data.length };
  }
  let size = 0;
  let over = false;
  let finished = false;
  const inf = new Inflate((chunk, final) => {
    size += chunk.length;
    if (size > limit) over = true;
    else visit?.(chunk);
    if (final) finished = true;
  });
  const SLICE = 16 * 1024;
  try {
    for (let i = 0; i < data.length && !over; i += SLICE) {
      const end = Math.min(data.length, i + SLICE);
      inf.push(data.subarray(i, end), end === data.length);
    }
    if (data.length === 0) inf.push(new Uint8Array(0), true);
  } catch (e) {
    if (over) return { ok: false, reason: 'limit', size };
    return { ok: false, reason: 'corrupt', detail: (e as Error).message || String(e) };
  }
  if (over) return { ok: false, reason: 'limit', size };
  if (!finished) return { ok: false, reason: 'corrupt', detail: 'unexpected end of data' };
  return { ok: true, size };
}

/** Compressed size up to which inflateWhole is used: at most ~66 MB of inflating work if the declared size lies. */
export const ONE_SHOT_MAX = 64 * 1024;

/**
 * Inflates a small entry in one call into a buffer of its declared size
 * (plus one byte, to notice more output than declared). Null when the data
 * is damaged or inflates to more than declared: the caller then takes the
 * capped streaming path, which reports exactly what is wrong.
 */
export function inflateWhole(data: Uint8Array, method: number, size: number): Uint8Array | null {
  if (method === 0) return data.length === size ? data : null;
  if (method !== 8) return null;
  try {
    const out = inflateSync(data, { out: new Uint8Array(size + 1) });
    return out.length > size ? null : out;
  } catch {
    return null;
  }
}

/** Inflates an entry whose size the guard has already checked. */
export function inflateEntry(b: Uint8Array, e: ZipEntry, limit: number): Uint8Array | null {
  const data = entryData(b, e);
  if (!data) return null;
  const parts: Uint8Array[] = [];
  const r = inflateCapped(data, e.method, limit, (c) => parts.push(c));
  if (!r.ok) return null;
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(r.size);
  let o = 0;
  for (const c of parts) out.set(c, o), (o += c.length);
  return out;
}

// Slicing-by-8 tables: eight bytes per step instead of one (the CRC of a
// 16 MB sheet took a quarter of the guard's time byte by byte).
const CRC_TABLES = (() => {
  const t = new Int32Array(256 * 8);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  for (let n = 0; n < 256; n++) for (let k = 1; k < 8; k++) t[k * 256 + n] = (t[(k - 1) * 256 + n] >>> 8) ^ t[t[(k - 1) * 256 + n] & 0xff];
  return t;
})();

/** CRC-32 of `data`, continuing from `crc` (the result for the bytes before). */
export function crc32(data: Uint8Array, crc = 0): number {
  const T = CRC_TABLES;
  let c = ~crc;
  let i = 0;
  const n8 = data.length - (data.length % 8);
  for (; i < n8; i += 8) {
    const a = c ^ (data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24));
    c =
      T[1792 + (a & 0xff)] ^
      T[1536 + ((a >>> 8) & 0xff)] ^
      T[1280 + ((a >>> 16) & 0xff)] ^
      T[1024 + (a >>> 24)] ^
      T[768 + data[i + 4]] ^
      T[512 + data[i + 5]] ^
      T[256 + data[i + 6]] ^
      T[data[i + 7]];
  }
  for (; i < data.length; i++) c = T[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

/** 1 January 1980, the earliest DOS date, which Excel itself stamps on every part (0 is no valid date). */
const DOS_1980 = (1 << 5) | 1;

/** An entry's content already deflated (method 8), with the CRC and length of the inflated bytes. */
export interface DeflatedPart {
  deflated: Uint8Array;
  crc: number;
  size: number;
}

/**
 * Writes the archive again with some entries replaced and others added at the
 * end. Unchanged entries are copied compressed, as they were (no second
 * inflate/deflate); new content is deflated here unless it comes deflated
 * (a part streamed through a Deflate by its writer). Entries are those of
 * readZipDirectory on `b`.
 */
export function rewriteZip(b: Uint8Array, entries: ZipEntry[], replaced: Map<string, Uint8Array | DeflatedPart>, added: [string, Uint8Array | DeflatedPart][] = []): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  const utf8Name = new TextEncoder();
  const all: { rawName: Uint8Array; flags: number; fresh: Uint8Array | DeflatedPart | undefined; old?: ZipEntry }[] = [
    ...entries.map((e) => ({ rawName: e.rawName, flags: e.flags & 0x800, fresh: replaced.get(e.name), old: e })),
    // general-purpose bit 11: the name is UTF-8
    ...added.map(([name, data]) => ({ rawName: utf8Name.encode(name), flags: /^[\x20-\x7e]*$/.test(name) ? 0 : 0x800, fresh: data })),
  ];
  for (const { rawName, flags, fresh, old } of all) {
    const ready = fresh && !(fresh instanceof Uint8Array) ? fresh : null;
    const data = ready ? ready.deflated : fresh ? deflateSync(fresh as Uint8Array, { level: 1 }) : (entryData(b, old!) ?? new Uint8Array(0));
    const method = fresh ? 8 : old!.method;
    const crc = ready ? ready.crc : fresh ? crc32(fresh as Uint8Array) : old!.crc;
    const size = ready ? ready.size : fresh ? (fresh as Uint8Array).length : old!.size;
    const loc = new DataView(new ArrayBuffer(30));
    loc.setUint32(0, SIG_LOC, true);
    loc.setUint16(4, 20, true);
    loc.setUint16(6, flags, true);
    loc.setUint16(8, method, true);
    loc.setUint16(12, DOS_1980, true);
    loc.setUint32(14, crc, true);
    loc.setUint32(18, data.length, true);
    loc.setUint32(22, size, true);
    loc.setUint16(26, rawName.length, true);
    locals.push(new Uint8Array(loc.buffer), rawName, data);
    const cen = new DataView(new ArrayBuffer(46));
    cen.setUint32(0, SIG_CEN, true);
    cen.setUint16(4, 20, true);
    cen.setUint16(6, 20, true);
    cen.setUint16(8, flags, true);
    cen.setUint16(10, method, true);
    cen.setUint16(14, DOS_1980, true);
    cen.setUint32(16, crc, true);
    cen.setUint32(20, data.length, true);
    cen.setUint32(24, size, true);
    cen.setUint16(28, rawName.length, true);
    cen.setUint32(42, offset, true);
    centrals.push(new Uint8Array(cen.buffer), rawName);
    offset += 30 + rawName.length + data.length;
  }
  const cdSize = centrals.reduce((n, c) => n + c.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, SIG_EOCD, true);
  end.setUint16(8, all.length, true);
  end.setUint16(10, all.length, true);
  end.setUint32(12, cdSize, true);
  end.setUint32(16, offset, true);
  const parts = [...locals, ...centrals, new Uint8Array(end.buffer)];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) out.set(p, o), (o += p.length);
  return out;
}
