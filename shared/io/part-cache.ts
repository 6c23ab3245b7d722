// Parts that repeat from workbook to workbook. Ledgers made from one template
// (every district's copy of the city's sheet, every quarter's export of the
// add-in) carry byte-identical theme, styles, workbook and relationship parts:
// seven of the ten parts of a typical ledger. The guard inflates, checks and
// decodes each such part once per process and reuses the text for the next
// workbook whose compressed bytes are the same, byte for byte. Inflating is a
// pure function of those bytes, so the reused text is exactly what inflating
// again would give, with the same size and checksum verdicts.

/** Parts up to this compressed size are kept (a theme is ~1.6 KB, styles ~0.7 KB). */
export const PART_CACHE_MAX_COMPRESSED = 16 * 1024;
/** … and up to this inflated size. */
export const PART_CACHE_MAX_SIZE = 64 * 1024;

interface Kept {
  compressed: Uint8Array;
  text: string;
}

export interface CacheablePart {
  method: number;
  crc: number;
  size: number;
}

const keyOf = (e: CacheablePart, data: Uint8Array): string => `${e.method}|${e.crc}|${data.length}|${e.size}`;

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A few dozen checked parts as text, the least recently used dropped first. */
export class PartCache {
  private kept = new Map<string, Kept>();

  constructor(private readonly max = 32) {}

  /** The text of a part read before whose compressed bytes equal `data`, else null. */
  get(e: CacheablePart, data: Uint8Array): string | null {
    if (data.length > PART_CACHE_MAX_COMPRESSED || e.size > PART_CACHE_MAX_SIZE) return null;
    const key = keyOf(e, data);
    const k = this.kept.get(key);
    if (!k || !sameBytes(k.compressed, data)) return null;
    this.kept.delete(key);
    this.kept.set(key, k);
    return k.text;
  }

  /** Keeps a part that passed every check (size, checksum, no DOCTYPE), with a copy of its compressed bytes. */
  put(e: CacheablePart, data: Uint8Array, text: string): void {
    if (data.length > PART_CACHE_MAX_COMPRESSED || e.size > PART_CACHE_MAX_SIZE) return;
    const key = keyOf(e, data);
    this.kept.delete(key);
    this.kept.set(key, { compressed: data.slice(), text });
    if (this.kept.size > this.max) this.kept.delete(this.kept.keys().next().value!);
  }

  get size(): number {
    return this.kept.size;
  }
}
