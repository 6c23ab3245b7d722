// A whole read as rounds (see rounds.ts): the sheet list, the active sheet's
// used range and first band in round 1, later bands and the named sheets
// after, with Excel's refusals handled (a band too big for the 5 MB
// response is halved; merged areas over 512 are read in finer slices, then
// skipped with a notice). Sources: docs/addin.md.
import type { CellValue, MergeRange } from '../shared/model';
import type { Capabilities, ReadBack, ReadRequest, SheetRead } from './gateway';
import { READ_ROWS, bandRowsAfter, extraBands, jsonBytes } from './batches';
import { cellFromExcel, errorCode, showsDate } from './excel-rules';
import { ADDIN_MESSAGES } from './messages';
import type { BandAsk, Counters, ReadReply, ReadRound, RoundHost, SheetRef, UsedInfo } from './rounds';

/** Merged areas are read this many rows per call, well under 512 areas even for a ledger merged row by row. */
export const MERGE_ROWS = 1000;
/** …and, when Excel refuses that, this many. */
export const MERGE_ROWS_FINE = 100;

/** Codes after which retrying the same round differently cannot help. */
const FATAL = new Set(['InvalidOperationInCellEditMode', 'AccessDenied', 'RequestPayloadSizeLimitExceeded', 'ItemNotFound', 'ApiNotFound']);

const refKey = (ref: SheetRef) => (ref === null ? '\u0000active' : ref);

interface Reading {
  used: UsedInfo | null;
  rows: CellValue[][];
  merges: Map<string, MergeRange>;
  /** Columns band 0 showed dates in; later bands load only their formats. */
  dateCols: number[];
  /** Bytes and rows of the first band, which size the later ones. */
  weight: number;
  weightRows: number;
}

/**
 * A whole read: the sheet list, the active sheet's used range and its first
 * band of rows in round 1; later bands (sized from what band 0 weighed) and
 * the named sheets in the next rounds. A band Excel refuses as too big is
 * halved and retried ("If you hit a limit error, retry with a smaller block
 * size", Excel docs, "Read or write to a large range"); merged areas Excel
 * refuses are retried in smaller slices, then skipped with a notice.
 */
export async function runRead(host: RoundHost, req: ReadRequest, caps: Capabilities, counters: Counters): Promise<ReadBack> {
  const mergeRows = caps.merges ? MERGE_ROWS : 0;
  const readings = new Map<string, Reading>();
  const queue: BandAsk[] = [];
  const reading = (ref: SheetRef) => {
    let r = readings.get(refKey(ref));
    if (!r) readings.set(refKey(ref), (r = { used: null, rows: [], merges: new Map(), dateCols: [], weight: 0, weightRows: 0 }));
    return r;
  };

  // A read request is small whatever it reads: counted as what was asked (the request, or the band and the names).
  const attempt = async (first: ReadRound, bytes: number): Promise<{ round: ReadRound; reply: ReadReply }> => {
    let round = first;
    for (;;) {
      counters.sync(bytes);
      try {
        return { round, reply: await host.read(round) };
      } catch (e) {
        const code = errorCode(e);
        if (code === 'ResponsePayloadSizeLimitExceeded') {
          const i = largestBand(round.bands);
          if (i < 0) throw e;
          const b = round.bands[i];
          const mid = b.from + Math.ceil((b.to - b.from) / 2);
          queue.unshift({ ...b, from: mid });
          round = { ...round, bands: round.bands.map((x, k) => (k === i ? { ...b, to: mid } : x)) };
          continue;
        }
        if (code !== null && FATAL.has(code)) throw e;
        if (!round.bands.some((b) => b.mergeRows > 0)) throw e;
        // Excel refuses merged areas over 512 at once (Range.getMergedAreasOrNullObject): finer slices, then none.
        round = {
          ...round,
          bands: round.bands.map((b) => {
            const next = b.mergeRows > MERGE_ROWS_FINE ? MERGE_ROWS_FINE : 0;
            if (b.mergeRows > 0 && next === 0) counters.notice(ADDIN_MESSAGES.mergesSkipped({ from: b.from + 1, to: b.to }));
            return { ...b, mergeRows: next };
          }),
        };
      }
    }
  };

  const absorb = (round: ReadRound, reply: ReadReply) => {
    round.used.forEach((ref, i) => (reading(ref).used = reply.used[i]));
    round.bands.forEach((ask, i) => {
      const got = reply.bands[i];
      const r = reading(ask.sheet);
      if (!got || !r.used) return;
      const first = r.weightRows === 0 && ask.formats === 'all';
      const dates = new Set<number>();
      got.values.forEach((vals, i) => {
        r.rows[got.row - r.used!.row + i] = vals.map((v, j) => {
          const fmt = got.formats ? got.formats[i]?.[j] : got.columnFormats[got.col + j]?.[i];
          if (first && typeof v === 'number' && showsDate(fmt)) dates.add(got.col + j);
          return cellFromExcel(v, fmt);
        });
      });
      for (const m of got.merges) r.merges.set(`${m.top},${m.left},${m.bottom},${m.right}`, m);
      if (first) {
        r.dateCols = [...dates].sort((a, b) => a - b);
        // What band 0 weighed, as the later bands will be asked for: values and the date columns' formats.
        const colFormats = got.formats ? r.dateCols.map((c) => got.formats!.map((f) => f[c - got.col])) : [];
        r.weight = jsonBytes(got.values) + (colFormats.length ? jsonBytes(colFormats) : 0);
        r.weightRows = got.values.length;
      }
    });
  };

  // Round 1: the list, the active sheet's size and its first band (and our highlights).
  const r1 = await attempt({
    list: true,
    used: req.active ? [null] : [],
    bands: req.active ? [{ sheet: null, from: 0, to: READ_ROWS, formats: 'all', mergeRows }] : [],
    highlights: !!(req.active && req.highlights),
  }, jsonBytes(req));
  absorb(r1.round, r1.reply);
  const list = r1.reply.list ?? [];
  const active = req.active ? reading(null) : null;
  if (active?.used) {
    const u = active.used;
    const size = bandRowsAfter(active.weight, active.weightRows);
    // Band 0 may have been halved: the rest is planned afresh from what its first part weighed.
    const readTo = r1.round.bands[0]?.to ?? READ_ROWS;
    queue.splice(0, queue.length);
    // Cut to the used range, so a band's column formats line up with its values.
    for (const b of extraBands(u.row, u.rows, size, readTo)) queue.push({ sheet: null, from: b.from, to: b.to, formats: active.dateCols, mergeRows });
  }
  // Named sheets (the 单位名录) are read only once the list shows they exist, in one band, riding on round 2.
  let named = (req.names ?? []).filter((n) => list.some((s) => s.name === n));
  while (queue.length || named.length) {
    const bands: BandAsk[] = [];
    const ask = queue.shift();
    if (ask) bands.push(ask);
    for (const n of named) bands.push({ sheet: n, from: 0, to: READ_ROWS, formats: 'all', mergeRows });
    const { round, reply } = await attempt({ list: false, used: named, bands, highlights: false }, jsonBytes({ band: ask ? { from: ask.from, to: ask.to } : null, names: named }));
    named = [];
    absorb(round, reply);
  }

  const out: ReadBack = { active: null, sheets: {}, list };
  const activeName = list.find((s) => s.active)?.name ?? '';
  if (active) out.active = toSheetRead(activeName, active);
  if (out.active && r1.reply.highlightIds) out.active.highlightIds = r1.reply.highlightIds;
  for (const n of req.names ?? []) out.sheets[n] = readings.has(n) ? toSheetRead(n, readings.get(n)!) : null;
  return out;
}

function largestBand(bands: BandAsk[]): number {
  let best = -1;
  bands.forEach((b, i) => {
    if (b.to - b.from > 1 && (best < 0 || b.to - b.from > bands[best].to - bands[best].from)) best = i;
  });
  return best;
}

function toSheetRead(name: string, r: Reading): SheetRead {
  const u = r.used;
  if (!u) return { name, rows: [], merges: [], origin: { row: 0, col: 0 }, address: '' };
  const rows: CellValue[][] = Array.from({ length: u.rows }, (_x, i) => r.rows[i] ?? []);
  // Excel's used range of a blank sheet is A1 with nothing in it.
  const blank = u.rows === 1 && u.cols === 1 && (rows[0][0] ?? null) === null;
  if (blank) return { name, rows: [], merges: [], origin: { row: u.row, col: u.col }, address: '' };
  const merges: MergeRange[] = [];
  for (const m of r.merges.values()) {
    // Areas whose top-left cell holds nothing lie outside the used range and mean nothing to the reader.
    if (m.top < u.row || m.top >= u.row + u.rows || m.left < u.col || m.left >= u.col + u.cols) continue;
    merges.push({ top: m.top - u.row, left: m.left - u.col, bottom: m.bottom - u.row, right: m.right - u.col });
  }
  merges.sort((a, b) => a.top - b.top || a.left - b.left);
  return { name, rows, merges, origin: { row: u.row, col: u.col }, address: u.address };
}
