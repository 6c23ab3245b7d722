// How a read or a change becomes round trips, once for both gateways. A
// "round" is one context.sync(): the Office.js gateway turns it into Excel
// calls, the memory gateway runs it against the in-memory workbook, and both
// refuse it as Excel would. What to ask, in which round, and what to do when
// Excel refuses (a band too big for the 5 MB response limit, more than 512
// merged areas, a highlight id that is gone, a cell that already has a note)
// is decided here, so the two gateways count the same round trips and fail
// the same way. Sources for each rule: docs/addin.md.
import type { CellValue, MergeRange } from '../shared/model';
import type { ApplyReport, Capabilities, ReadBack, ReadRequest, SheetInfo, SheetRead, SyncStats } from './gateway';
import type { Op } from './ops';
import { READ_ROWS, bandRowsAfter, extraBands, jsonBytes, planBatches, type Limits } from './batches';
import { cellFromExcel, errorCode, showsDate, textForExcel } from './excel-rules';
import { deletionOrder } from './highlights';
import { cellA1 } from './a1';
import { ADDIN_MESSAGES, hostFailure } from './messages';

/** A sheet by name; null is the active sheet. */
export type SheetRef = string | null;

export interface BandAsk {
  sheet: SheetRef;
  /** Sheet rows [from, to), 0-based, within the worksheet; the host cuts them to the used range. */
  from: number;
  to: number;
  /** 'all': Range.numberFormat of the band; a list: only these (absolute) columns, the ones band 0 showed dates in. */
  formats: 'all' | number[];
  /** Rows per getMergedAreasOrNullObject call over whole sheet rows; 0 reads no merges. */
  mergeRows: number;
}

export interface ReadRound {
  /** Sheet names, visibility and which is active. */
  list: boolean;
  /** Used ranges (values only) to size. */
  used: SheetRef[];
  bands: BandAsk[];
  /** Ids of our highlights (conditional formats) on the active sheet. */
  highlights: boolean;
}

export interface UsedInfo {
  address: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface BandGot {
  /** Sheet position of values[0][0]. */
  row: number;
  col: number;
  values: unknown[][];
  /** With formats 'all': one per value. */
  formats: string[][] | null;
  /** With a column list: the formats of each listed column over the band's rows, from `row`. */
  columnFormats: Record<number, string[]>;
  /** Merged areas (absolute) whose top-left cell is in the band's rows. */
  merges: MergeRange[];
}

export interface ReadReply {
  list: SheetInfo[] | null;
  used: (UsedInfo | null)[];
  /** null where the band and the used range do not meet. */
  bands: (BandGot | null)[];
  highlightIds: string[] | null;
}

/** How a note op is carried out, once the lookups said what the cell already has. */
export type NoteWrite = {
  kind: 'noteWrite';
  sheet: string;
  row: number;
  col: number;
  text: string;
  /** addNote (ExcelApi 1.18), appendNote to the note already there, addComment (1.10), or reply to the cell's comment thread. */
  how: 'addNote' | 'appendNote' | 'addComment' | 'reply';
  commentId?: string;
};

export type WriteOp = Exclude<Op, { kind: 'note' }> | NoteWrite;

export interface WriteRound {
  ops: WriteOp[];
  /** Our highlights' ids on these sheets, looked up after the ops. */
  findHighlights: string[];
  /** Notes on these cells (NoteCollection.getItemOrNullObject, ExcelApi 1.18). */
  findNotes: { sheet: string; row: number; col: number }[];
  /** Ids of the comment threads on these sheets. */
  findComments: string[];
  /** Cells of these comment threads (Comment.getLocation). */
  locateComments: string[];
}

export interface WriteReply {
  highlights: Record<string, string[]>;
  notes: (string | null)[];
  comments: Record<string, string[]>;
  commentCells: Record<string, { sheet: string; row: number; col: number } | null>;
}

/** One context.sync() each; the gateways implement these, throwing what Excel throws. */
export interface RoundHost {
  read(round: ReadRound): Promise<ReadReply>;
  write(round: WriteRound): Promise<WriteReply>;
}

/** Round trips and the non-fatal problems of the commands since the last reset. */
export class Counters {
  stats: SyncStats = { syncs: 0, payloads: [], chunks: 0 };
  private notices: string[] = [];

  sync(bytes: number): void {
    this.stats.syncs += 1;
    this.stats.payloads.push(bytes);
  }

  notice(text: string): void {
    if (!this.notices.includes(text)) this.notices.push(text);
  }

  takeNotices(): string[] {
    return this.notices.splice(0);
  }

  snapshot(): SyncStats {
    return { ...this.stats, payloads: [...this.stats.payloads] };
  }

  reset(): void {
    this.stats = { syncs: 0, payloads: [], chunks: 0 };
  }
}

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
            if (b.mergeRows > 0 && next === 0) counters.notice(ADDIN_MESSAGES.mergesSkipped(b.from + 1, b.to));
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

/** Text leaves as text, dates as ISO days (Excel stores those as dates), numbers and booleans as they are. */
function prepareValue(v: CellValue): CellValue {
  if (typeof v === 'string') return textForExcel(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return v;
}

function prepare(op: Op): Op {
  if (op.kind === 'values') return { ...op, values: op.values.map((r) => r.map(prepareValue)) };
  if (op.kind === 'clearHighlights' && op.ids) return { ...op, ids: deletionOrder(op.ids) };
  return op;
}

/** Kinds a batch can run twice without harm (so a batch that failed on a stale highlight id can be rerun). */
const IDEMPOTENT = new Set<Op['kind']>(['values', 'format', 'validationList', 'activate', 'select']);

const emptyRound = (): WriteRound => ({ ops: [], findHighlights: [], findNotes: [], findComments: [], locateComments: [] });

/**
 * A whole change, in the batches planBatches fixes. Lookups ride on the round
 * before the one that needs them where there is one, so a change with notes
 * costs no extra round trip (one more only when the sheet has comment
 * threads, whose cells take a second lookup). A refused note or comment
 * costs only itself: the values written before it stay, with a notice.
 */
export async function runApply(host: RoundHost, ops: Op[], caps: Capabilities, limits: Limits, counters: Counters): Promise<ApplyReport> {
  const batches = planBatches(ops.map(prepare), limits);
  const report: ApplyReport = { syncs: 0, payloads: [], chunks: 0, warnings: [] };
  const start = counters.stats.syncs;
  const warn = (text: string) => {
    if (!report.warnings.includes(text)) report.warnings.push(text);
    counters.notice(text);
  };
  const round = async (r: WriteRound, bytes: number): Promise<WriteReply> => {
    counters.sync(bytes);
    report.payloads.push(bytes);
    return host.write(r);
  };
  const notesCan = caps.notes || caps.comments;
  let ride: WriteReply | null = null;

  for (let b = 0; b < batches.length; b++) {
    const batch = batches[b];
    const next = batches[b + 1];
    const isNotes = batch.ops.every((o) => o.kind === 'note');
    if (isNotes && !notesCan) {
      warn(ADDIN_MESSAGES.noComments);
      continue;
    }
    const r: WriteRound = emptyRound();
    // The next batch's note lookups ride on this round.
    if (next && next.ops.every((o) => o.kind === 'note') && notesCan) Object.assign(r, noteLookups(next.ops, caps));
    let writes: WriteOp[];
    if (isNotes) {
      let info = ride;
      if (!info) info = await round({ ...emptyRound(), ...noteLookups(batch.ops, caps) }, jsonBytes(noteLookups(batch.ops, caps)));
      info = await locateThreads(info, round);
      writes = resolveNotes(batch.ops as Extract<Op, { kind: 'note' }>[], info, caps);
    } else {
      writes = batch.ops as WriteOp[];
      // Clearing highlights without ids: find them in this same run first.
      const lookup = [...new Set(writes.flatMap((o) => (o.kind === 'clearHighlights' && !o.ids ? [o.sheet] : [])))];
      if (lookup.length) {
        const found = await round({ ...emptyRound(), findHighlights: lookup }, jsonBytes(lookup));
        writes = withIds(writes, found.highlights);
      }
    }
    r.ops = writes;
    try {
      ride = await round(r, batch.bytes);
    } catch (e) {
      if (isNotes) {
        // A refused note costs only itself: the values are written, and the other cells keep their records.
        await retryNotes(writes as NoteWrite[], e, caps, round, warn);
        ride = null;
        continue;
      }
      if (!(errorCode(e) === 'ItemNotFound' && rerunnable(writes))) throw e;
      // A highlight id from the read is gone or moved: find ours now, in this run, and delete those.
      const sheets = [...new Set(writes.flatMap((o) => (o.kind === 'clearHighlights' ? [o.sheet] : [])))];
      const found = await round({ ...emptyRound(), findHighlights: sheets }, jsonBytes(sheets));
      ride = await round({ ...r, ops: withIds(writes, found.highlights) }, batch.bytes);
    }
    report.chunks += batch.chunks;
  }
  report.syncs = counters.stats.syncs - start;
  counters.stats.chunks += report.chunks;
  return report;
}

function noteLookups(ops: Op[], caps: Capabilities): Pick<WriteRound, 'findNotes' | 'findComments'> {
  const cells = ops.flatMap((o) => (o.kind === 'note' ? [{ sheet: o.sheet, row: o.row, col: o.col }] : []));
  return {
    findNotes: caps.notes ? cells : [],
    findComments: caps.comments ? [...new Set(cells.map((c) => c.sheet))] : [],
  };
}

/** Where the sheets have comment threads, one more round finds their cells. */
async function locateThreads(info: WriteReply, round: (r: WriteRound, bytes: number) => Promise<WriteReply>): Promise<WriteReply> {
  const ids = Object.values(info.comments).flat();
  if (!ids.length) return info;
  const got = await round({ ...emptyRound(), locateComments: ids }, jsonBytes(ids));
  return { ...info, commentCells: got.commentCells };
}

function resolveNotes(ops: Extract<Op, { kind: 'note' }>[], info: WriteReply, caps: Capabilities): NoteWrite[] {
  const threads = new Map<string, string>();
  for (const [id, c] of Object.entries(info.commentCells ?? {})) if (c) threads.set(`${c.sheet}|${c.row},${c.col}`, id);
  const writes = ops.map((o, i): NoteWrite => {
    const base = { kind: 'noteWrite' as const, sheet: o.sheet, row: o.row, col: o.col };
    const thread = threads.get(`${o.sheet}|${o.row},${o.col}`);
    // A cell holds a note or a comment thread, never both, never two: add to what is there.
    if (thread) return { ...base, text: o.text, how: 'reply' as const, commentId: thread };
    if (!caps.notes) return { ...base, text: o.text, how: 'addComment' as const };
    const existing = info.notes[i] ?? null;
    return existing === null ? { ...base, text: o.text, how: 'addNote' as const } : { ...base, text: `${existing}\n${o.text}`, how: 'appendNote' as const };
  });
  // Additions to what is there first: they cannot meet a cell that is taken, so a refused addition comes after them.
  const adds = (w: NoteWrite) => w.how === 'addNote' || w.how === 'addComment';
  return [...writes.filter((w) => !adds(w)), ...writes.filter(adds)];
}

/**
 * A notes round Excel refused (a cell with an older note that an Excel
 * without ExcelApi 1.18 cannot see, say): the ops before the refused one are
 * in, the rest are not. Look again at the cells still to add to, add to each
 * alone, and name the cells that still refuse.
 */
async function retryNotes(
  writes: NoteWrite[],
  first: unknown,
  caps: Capabilities,
  round: (r: WriteRound, bytes: number) => Promise<WriteReply>,
  warn: (text: string) => void,
): Promise<void> {
  const adds = writes.filter((w) => w.how === 'addNote' || w.how === 'addComment');
  if (!adds.length) return warn(ADDIN_MESSAGES.commentFailed(hostFailure(first).text));
  let info = await round({ ...emptyRound(), ...noteLookups(adds.map((w) => ({ kind: 'note', sheet: w.sheet, row: w.row, col: w.col, text: w.text })), caps) }, jsonBytes(adds.length));
  info = await locateThreads(info, round);
  const taken = new Set(Object.values(info.commentCells ?? {}).flatMap((c) => (c ? [`${c.sheet}|${c.row},${c.col}`] : [])));
  const refused: string[] = [];
  let why = hostFailure(first).text;
  for (const [i, w] of adds.entries()) {
    if (info.notes[i] != null || taken.has(`${w.sheet}|${w.row},${w.col}`)) continue;
    try {
      await round({ ...emptyRound(), ops: [w] }, jsonBytes(w));
    } catch (e) {
      refused.push(cellA1(w.row, w.col));
      why = hostFailure(e).text;
    }
  }
  if (refused.length) warn(ADDIN_MESSAGES.commentFailedAt(refused, why));
}

function withIds(ops: WriteOp[], found: Record<string, string[]>): WriteOp[] {
  return ops.map((o) => (o.kind === 'clearHighlights' ? { ...o, ids: deletionOrder(found[o.sheet] ?? []) } : o));
}

/** Whether a batch that failed on a highlight id can run again: nothing before the clearing changes anything twice. */
function rerunnable(ops: WriteOp[]): boolean {
  const at = ops.findIndex((o) => o.kind === 'clearHighlights' && !!o.ids);
  return at >= 0 && ops.slice(0, at).every((o) => IDEMPOTENT.has(o.kind as Op['kind']));
}
