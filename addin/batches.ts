// How a list of ops becomes round trips. Both gateways use this one function,
// so the sync counts the memory gateway reports are the ones Excel would see.
//
// Excel on the web refuses a request over 5 MB (and large ranges hit cell
// limits), so a batch stays under `maxBytes` / `maxCells` and a big value
// write is split by rows into chunks, one round trip each. Comments go last in
// their own batch: the host may refuse one (a cell that already has a thread)
// and that must not cost the values.
import type { Op } from './ops';
import { MAX_ROWS } from './excel-rules';

export interface Limits {
  /** Bytes per request; Excel on the web's hard limit is 5 MB, we keep headroom. */
  maxBytes: number;
  /** Cells per request. */
  maxCells: number;
}

// 2.5 MB of values leaves room for the JSON Office.js wraps around them (addresses, action ids).
export const DEFAULT_LIMITS: Limits = { maxBytes: 2_500_000, maxCells: 500_000 };

export interface Batch {
  ops: Op[];
  /** Estimated request size in bytes (JSON of what is sent). */
  bytes: number;
  cells: number;
  /** Reads the host must make before this batch (clearing highlights looks them up first). */
  reads: number;
  /** Value chunks in this batch. */
  chunks: number;
}

const encoder = new TextEncoder();
export function jsonBytes(x: unknown): number {
  return encoder.encode(JSON.stringify(x, (_k, v) => (v instanceof Date ? v.toISOString() : v))).length;
}

/** A1 size of an address such as 'Sheet'!$AB$1234 — what a highlight or note costs on the wire. */
const ADDRESS_BYTES = 24;

export function opCells(op: Op): number {
  switch (op.kind) {
    case 'values':
      return op.values.length * (op.values[0]?.length ?? 0);
    case 'format':
    case 'validationList':
      return 1; // one call over the block, whatever its size
    case 'highlight':
      return op.cells.length;
    default:
      return 1;
  }
}

export function opBytes(op: Op): number {
  switch (op.kind) {
    case 'values':
      return jsonBytes(op.values) + ADDRESS_BYTES;
    case 'highlight':
      return op.cells.length * ADDRESS_BYTES + 200;
    case 'note':
      return jsonBytes(op.text) + ADDRESS_BYTES + 40;
    default:
      return jsonBytes(op) + 40;
  }
}

/** Split a values op into row chunks that each fit the limits. */
export function chunkValues(op: Extract<Op, { kind: 'values' }>, limits: Limits): Extract<Op, { kind: 'values' }>[] {
  const width = Math.max(1, op.values[0]?.length ?? 1);
  const out: Extract<Op, { kind: 'values' }>[] = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < op.values.length; i++) {
    const rowBytes = jsonBytes(op.values[i]) + 1;
    const cells = (i - start + 1) * width;
    if (i > start && (bytes + rowBytes > limits.maxBytes - ADDRESS_BYTES || cells > limits.maxCells)) {
      out.push({ ...op, row: op.row + start, values: op.values.slice(start, i) });
      start = i;
      bytes = 0;
    }
    bytes += rowBytes;
  }
  out.push({ ...op, row: op.row + start, values: op.values.slice(start) });
  return out;
}

export function planBatches(ops: Op[], limits: Limits = DEFAULT_LIMITS): Batch[] {
  const batches: Batch[] = [];
  let cur: Batch = { ops: [], bytes: 0, cells: 0, reads: 0, chunks: 0 };
  const flush = () => {
    if (cur.ops.length) batches.push(cur);
    cur = { ops: [], bytes: 0, cells: 0, reads: 0, chunks: 0 };
  };
  const push = (op: Op) => {
    const bytes = opBytes(op);
    const cells = opCells(op);
    if (cur.ops.length && (cur.bytes + bytes > limits.maxBytes || cur.cells + cells > limits.maxCells)) flush();
    cur.ops.push(op);
    cur.bytes += bytes;
    cur.cells += cells;
    if (op.kind === 'values') cur.chunks += 1;
    if (op.kind === 'clearHighlights' && !op.ids) cur.reads = 1;
  };
  const notes = ops.filter((o) => o.kind === 'note');
  for (const op of ops) {
    if (op.kind === 'note') continue;
    if (op.kind === 'values' && (opBytes(op) > limits.maxBytes || opCells(op) > limits.maxCells)) {
      for (const part of chunkValues(op, limits)) push(part);
    } else push(op);
  }
  if (notes.length) {
    flush();
    for (const op of notes) push(op);
  }
  flush();
  return batches;
}

/** Round trips a list of batches costs: one per batch plus the reads some need. */
export function syncsOf(batches: Batch[]): number {
  return batches.reduce((n, b) => n + 1 + b.reads, 0);
}

/**
 * Rows of the first read round trip. Excel on the web refuses a response over
 * 5 MB too; 3,000 ledger rows with long 任务内容 text are about 2 MB. A read
 * takes band 0 (sheet rows [0, READ_ROWS)) with the first round trip (with the
 * sheet list and the used range's size); the rest of the used range follows in
 * bands sized from what band 0 weighed (bandRowsAfter), each one more round
 * trip; named sheets (the 单位名录) ride on the second round trip.
 */
export const READ_ROWS = 3000;

/** What one later read band may weigh: under Excel on the web's 5 MB response limit, with headroom. */
export const READ_BUDGET = 4_000_000;

/**
 * Rows per later band, from the bytes of the first band: a ledger of short rows
 * is read in fewer round trips (10,000 rows of the example ledger: 3 reads, not 4),
 * one of very long rows in more, smaller ones (over 1.3 KB a row, 3,000 rows
 * would pass the limit). 25 % headroom covers later rows that are longer than
 * the first ones; a band Excel still refuses is halved (rounds.ts).
 */
export function bandRowsAfter(firstBandBytes: number, firstBandRows: number): number {
  if (firstBandRows <= 0 || firstBandBytes <= 0) return READ_ROWS;
  const perRow = (firstBandBytes / firstBandRows) * 1.25;
  return Math.max(1, Math.floor(READ_BUDGET / perRow));
}

/**
 * Later bands, as [from, to) sheet rows (0-based), that cover a used range of
 * `rows` rows starting at `start` after the first band (which read up to
 * `readTo`). None reaches past the used range or row 1,048,576: Excel refuses
 * a range beyond the last row (InvalidArgument).
 */
export function extraBands(start: number, rows: number, bandRows: number = READ_ROWS, readTo: number = READ_ROWS): { from: number; to: number }[] {
  const end = Math.min(start + rows, MAX_ROWS);
  const out: { from: number; to: number }[] = [];
  for (let from = Math.max(readTo, start); from < end; from += bandRows) out.push({ from, to: Math.min(from + bandRows, end) });
  return out;
}

/** Round trips of one read: what both gateways count. */
export function readSyncs(extra: number, namedExist: boolean): number {
  return 1 + Math.max(extra, namedExist ? 1 : 0);
}
