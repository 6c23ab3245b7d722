// Compound File Binary (OLE2) sniffing: .xls, WPS .et, .doc and password-
// protected .xlsx (Office wraps an encrypted OOXML package in a CFB container
// with EncryptionInfo + EncryptedPackage streams) all start with D0 CF 11 E0.
// We only read the directory's stream names to tell them apart.

export const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function isCfb(b: Uint8Array): boolean {
  return b.length >= 8 && CFB_MAGIC.every((v, i) => b[i] === v);
}

const u16 = (b: Uint8Array, o: number): number => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number): number => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000;

const END = 0xfffffffe;

/** Names of the streams and storages in a CFB file; [] when the directory cannot be followed. */
export function cfbStreamNames(b: Uint8Array): string[] {
  try {
    if (!isCfb(b) || b.length < 512) return [];
    const sectorSize = 1 << u16(b, 0x1e);
    if (sectorSize !== 512 && sectorSize !== 4096) return [];
    const sector = (n: number): number => (n + 1) * sectorSize;
    // FAT sectors: the first 109 are listed in the header (enough for files < ~7 MB;
    // beyond that we fall back to a byte search).
    const fatSectors: number[] = [];
    const nFat = u32(b, 0x2c);
    for (let i = 0; i < Math.min(nFat, 109); i++) fatSectors.push(u32(b, 0x4c + i * 4));
    const per = sectorSize / 4;
    const next = (n: number): number => {
      const fs = fatSectors[Math.floor(n / per)];
      if (fs === undefined) return END;
      const o = sector(fs) + (n % per) * 4;
      return o + 4 <= b.length ? u32(b, o) : END;
    };
    const names: string[] = [];
    let dir = u32(b, 0x30);
    for (let guard = 0; dir < END && guard < 10000; guard++) {
      const base = sector(dir);
      for (let e = 0; e < sectorSize / 128; e++) {
        const o = base + e * 128;
        if (o + 128 > b.length) break;
        const len = u16(b, o + 0x40);
        if (len < 2 || len > 64) continue;
        let s = '';
        for (let i = 0; i < len - 2; i += 2) s += String.fromCharCode(u16(b, o + i));
        names.push(s);
      }
      dir = next(dir);
    }
    return names;
  } catch {
    return [];
  }
}

/** Whether the UTF-16LE text occurs anywhere in the bytes (fallback when the directory is unreadable). */
function containsUtf16(b: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0);
  outer: for (let i = 0; i + text.length * 2 <= b.length; i++) {
    if (b[i] !== first || b[i + 1] !== 0) continue;
    for (let k = 1; k < text.length; k++) if (b[i + 2 * k] !== text.charCodeAt(k) || b[i + 2 * k + 1] !== 0) continue outer;
    return true;
  }
  return false;
}

export type CfbKind = 'encrypted' | 'xls' | 'et' | 'doc' | 'other';

export function cfbKind(b: Uint8Array, file: string): CfbKind {
  const names = cfbStreamNames(b);
  const has = (n: string): boolean => names.includes(n) || (names.length === 0 && containsUtf16(b, n));
  if (has('EncryptionInfo') || has('EncryptedPackage')) return 'encrypted';
  if (has('WordDocument')) return 'doc';
  if (/\.et$/i.test(file) || /\.ett$/i.test(file)) return 'et';
  if (has('Workbook') || has('Book') || /\.xlsx?$/i.test(file)) return 'xls';
  return 'other';
}
