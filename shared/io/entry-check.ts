// Inflating one archive entry under the guard's caps and checking it: actual
// size against the declared one and the limits (zip bombs), the CRC-32
// (damaged bytes can inflate to garbage), DOCTYPE/ENTITY in XML parts, and
// for worksheets the number of <row> elements and the <mergeCells> element.
// XML parts are kept (as text when decoded here, else as bytes) so the reader
// inflates nothing twice.
import type { ReadLimits } from './guard';
import type { PartCache } from './part-cache';
import { DOCTYPE, Matcher, MergeCollector, ROW, countRowTags, hasDoctype, mergeElement } from './part-scan';
import { decodeXmlBytes, decodeXmlPart, isUtf16, xmlEncodingOf } from './xml-encoding';
import { ONE_SHOT_MAX, crc32, entryData, inflateCapped, inflateWhole, type InflateOutcome, type ZipEntry } from './zip';

/** What is wrong with an entry, in terms the messages table words (messages.ts). */
export type EntryFault =
  | { code: 'zip-truncated' }
  | { code: 'zip-corrupt'; detail: string }
  | { code: 'zip-bomb-actual'; limit: 'entry' | 'total' }
  | { code: 'xml-doctype' };

export interface EntryRole {
  /** An XML part: scanned for DOCTYPE, kept for the reader (unless `keep` is false). */
  xml: boolean;
  /** Kept for the reader (drawings' VML, say, are checked but not kept). */
  keep: boolean;
  /** A worksheet: its rows counted and its merges collected. */
  sheet: boolean;
}

export interface CheckedEntry {
  /** The part as text (decoded here), or its bytes (inflated, not yet decoded), or null when not kept. */
  kept: string | Uint8Array | null;
  /** <row> elements (worksheets only; 0 when too small to matter). */
  rows: number;
  /** The <mergeCells> element's text (worksheets only). */
  mergeText: string;
}

interface StreamScan {
  utf16: boolean;
  keep: Uint8Array | null;
  doctype: boolean;
  rows: number;
  mergeText: string;
}

/**
 * Inflates and checks entries one by one, keeping the running total of
 * inflated bytes (the limit on all entries together).
 */
export class EntryChecker {
  private total = 0;
  /** Set once an XML part is in another encoding than UTF-8 (UTF-16, a declared single-byte one). */
  foreignEncoding = false;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly limits: ReadLimits,
    /** Checked parts of earlier workbooks, from the caller (a merge's batch, a page's worker); none: no reuse. */
    private readonly parts: PartCache | null = null,
  ) {}

  check(e: ZipEntry, role: EntryRole): { ok: true; entry: CheckedEntry } | { ok: false; fault: EntryFault } {
    const { limits } = this;
    const data = entryData(this.bytes, e);
    if (!data) return { ok: false, fault: { code: 'zip-truncated' } };
    const cap = Math.min(limits.maxEntryBytes, limits.maxTotalBytes - this.total);
    const wantKeep = role.xml && role.keep && e.size <= cap;
    // Small entries in one call into a buffer of the declared size (fflate's
    // streaming inflater allocates and copies ~160 KB per entry, which was most
    // of the guard's time on a small workbook). A lie about the size, or any
    // error, falls back to the capped streaming path, which says what is wrong.
    const small = data.length <= ONE_SHOT_MAX && e.size <= cap;
    // A part this process has already inflated and checked, from another
    // workbook of the same template (part-cache.ts). Worksheets are each
    // workbook's own and are not looked up.
    const cacheable = this.parts !== null && small && role.xml && !role.sheet;
    const known = cacheable ? this.parts!.get(e, data) : null;
    const whole = known === null && small ? inflateWhole(data, e.method, e.size) : null;
    let text: string | null = null;
    let rows = 0;
    let mergeText = '';
    let crc: number;
    let r: InflateOutcome;
    if (known !== null) {
      // Same bytes as a part that passed every check below: same verdicts.
      crc = e.crc;
      text = known;
      r = { ok: true, size: e.size };
    } else if (whole) {
      // Decoded once, here, and checked with the engine's own string search
      // (byte-by-byte scans in JavaScript cost more than inflating).
      crc = crc32(whole, 0);
      if (role.xml) {
        const part = decodeXmlPart(whole);
        if (part.encoding !== 'utf-8') this.foreignEncoding = true;
        text = part.text;
        if (hasDoctype(text)) return { ok: false, fault: { code: 'xml-doctype' } };
        if (role.sheet) {
          // Fewer bytes than maxRows empty <row/> elements cannot hold more rows: not counted.
          rows = whole.length > 6 * limits.maxRows ? countRowTags(text) : 0;
          mergeText = mergeElement(text);
        }
      }
      r = { ok: true, size: whole.length };
    } else {
      const streamed = this.stream(data, e, role, cap, wantKeep);
      ({ crc, r } = streamed);
      if (r.ok) {
        const s = streamed.scan;
        if (s.utf16 && s.keep) {
          // The byte scanners look for ASCII; a UTF-16 part is checked on its text.
          text = decodeXmlBytes(s.keep);
          if (hasDoctype(text)) return { ok: false, fault: { code: 'xml-doctype' } };
          if (role.sheet) {
            rows = countRowTags(text);
            mergeText = mergeElement(text);
          }
        } else {
          if (s.doctype) return { ok: false, fault: { code: 'xml-doctype' } };
          rows = s.rows;
          mergeText = s.mergeText;
          // Kept as bytes: the reader decodes a large part once, when it reads it.
          if (wantKeep) return this.done(e, r, crc, s.keep, rows, mergeText);
        }
      }
    }
    if (!r.ok) return { ok: false, fault: r.reason === 'limit' ? { code: 'zip-bomb-actual', limit: cap === limits.maxEntryBytes ? 'entry' : 'total' } : { code: 'zip-corrupt', detail: r.detail } };
    const out = this.done(e, r, crc, wantKeep ? text : null, rows, mergeText);
    // Only UTF-8 parts are cached, so a part found in the cache is known to be UTF-8.
    if (out.ok && text !== null && known === null && cacheable && !this.foreignEncoding) this.parts!.put(e, data, text);
    return out;
  }

  private done(e: ZipEntry, r: InflateOutcome, crc: number, kept: string | Uint8Array | null, rows: number, mergeText: string): { ok: true; entry: CheckedEntry } | { ok: false; fault: EntryFault } {
    if (!r.ok) return { ok: false, fault: { code: 'zip-corrupt', detail: 'inflate' } };
    // JSZip (inside exceljs) refuses a size mismatch with an English message; it is said here, in Chinese.
    if (r.size !== e.size) return { ok: false, fault: { code: 'zip-corrupt', detail: `inflated ${r.size} bytes, the directory says ${e.size}` } };
    // Damaged bytes can still inflate (to garbage); the checksum says so.
    if (crc !== e.crc) return { ok: false, fault: { code: 'zip-corrupt', detail: `CRC-32 ${crc.toString(16)} ≠ ${e.crc.toString(16)}` } };
    this.total += r.size;
    return { ok: true, entry: { kept, rows, mergeText } };
  }

  /**
   * The capped streaming path for large parts: the kept copy is filled as
   * chunks arrive, up to the declared size (a larger actual size is refused
   * after, so nothing past it is needed). The first chunk tells whether the
   * part is UTF-16; such a part is kept whole to be checked as text.
   */
  private stream(data: Uint8Array, e: ZipEntry, role: EntryRole, cap: number, wantKeep: boolean): { crc: number; r: InflateOutcome; scan: StreamScan } {
    // Streamed (large) parts are scanned for DOCTYPE/ENTITY over all their
    // bytes, not only the prolog that hasDoctype walks for parts decoded
    // whole. That is stricter: a "<!DOCTYPE" inside a later comment or
    // CDATA section is refused too. Acceptable: text cannot hold a raw '<'
    // (it is written &lt;), so only such hand-made markup trips it, and
    // following the prolog across chunk boundaries would add a state
    // machine to a scan that is already running over every byte.
    const dt = role.xml ? new Matcher(DOCTYPE) : null;
    const rowm = role.sheet ? new Matcher(ROW) : null;
    const mc = role.sheet ? new MergeCollector() : null;
    const scan: StreamScan = { utf16: false, keep: null, doctype: false, rows: 0, mergeText: '' };
    let kept = 0;
    let first = true;
    let crc = 0;
    const r = inflateCapped(data, e.method, cap, (chunk) => {
      crc = crc32(chunk, crc);
      if (first) {
        first = false;
        scan.utf16 = role.xml && isUtf16(chunk);
        if (role.xml && xmlEncodingOf(chunk) !== 'utf-8') this.foreignEncoding = true;
        if (wantKeep || scan.utf16) scan.keep = new Uint8Array(e.size);
      }
      if (!scan.utf16) {
        dt?.feed(chunk);
        if (rowm) {
          rowm.feed(chunk);
          mc!.feed(chunk);
        }
      }
      if (scan.keep && kept + chunk.length <= scan.keep.length) scan.keep.set(chunk, kept);
      kept += chunk.length;
    });
    scan.doctype = dt !== null && (dt.counts[0] > 0 || dt.counts[1] > 0);
    if (rowm) {
      scan.rows = rowm.counts[0] + rowm.counts[1];
      scan.mergeText = mc!.text;
    }
    return { crc, r, scan };
  }
}
