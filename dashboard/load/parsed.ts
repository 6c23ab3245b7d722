// Parse once: what the workers read of the data folder goes back to the local
// server (server/parse-cache.ts), and a reload of an unchanged folder takes
// it from there instead of reading the workbooks again.
//
// What is stored is the workers' own packed messages (wire.ts), as they came:
// one stream per worker, in the order the worker sent them. A message names
// strings and object shapes only the first time they appear in its stream, so
// a reload replays each stream whole through one Unpacker, then keeps the
// files the server still vouches for (same size, mtime and content). Nothing
// is packed twice, and the page does no work for the cache while it loads.
import type { DataFile } from '../../shared/io';
import type { MergedFile } from '../../shared/merge';
import type { TaskCube } from '../../shared/aggregate';
import type { MergedTask } from '../../shared/merge';
import { frameHead, idle, readFrameHead } from './frame';
import { decodeJoined, encodeJoined } from './joined';
import type { Joined } from './joined';
import type { LoadedFile } from './index';
import { Unpacker } from './wire';
import type { Packed } from './wire';

export const PARSED_URL = '/api/data/parsed';
/** The header of the server's answer that names its form (server/parse-cache.ts). */
const PARSED_FORM_HEADER = 'X-Kesu-Parsed';

/** One message of a worker's stream: the file it holds and the message. */
export interface RecordedMessage {
  name: string;
  packed: Packed;
  /** Its file's index in the entries stored with it (-1: a file no longer kept, whose strings later messages may still use). */
  entry?: number;
}

export type RecordedStream = RecordedMessage[];

interface StreamHead {
  /** Index of the file in entries, per message. */
  entry: number;
  strings: string[];
  shapes: string[][];
  /** Float64 values of the message. */
  length: number;
}

export interface Parsed {
  form: 'files';
  /** The files the server still vouches for, in the order stored. */
  files: MergedFile[];
  /** Their size and mtime (the page's stamps). */
  entries: DataFile[];
  /** Files of the folder not among them: read these. */
  missing: string[];
  /** What was stored, and which entries are still valid: for storing again with the files read anew. */
  stored: { entries: DataFile[]; valid: boolean[]; streams: RecordedStream[] };
}

const u32 = (bytes: Uint8Array, at: number): number => new DataView(bytes.buffer, bytes.byteOffset + at, 4).getUint32(0, true);
const head = frameHead;

/**
 * The payload the server keeps: the streams' heads, then every message's
 * numbers, in stream order. Built a few MB at a time with a pause between
 * (a Blob of Blobs copies nothing more): one Blob of the 3,000 files' numbers
 * held the page's thread 1.4 s, and this runs while a leader may be clicking.
 */
export async function encodeStreams(entries: readonly DataFile[], streams: readonly RecordedStream[], sliceBytes = 4 << 20): Promise<Blob> {
  await idle();
  const index = new Map(entries.map((e, i) => [e.name, i]));
  const heads: StreamHead[][] = streams.map((s) => s.map((m) => ({ entry: m.entry ?? index.get(m.name) ?? -1, strings: m.packed.strings, shapes: m.packed.shapes, length: m.packed.data.length })));
  const blobs: Blob[] = [new Blob([head(heads) as BlobPart])];
  let parts: BlobPart[] = [];
  let bytes = 0;
  const flush = async (): Promise<void> => {
    blobs.push(new Blob(parts));
    parts = [];
    bytes = 0;
    await idle();
  };
  for (const s of streams) {
    for (const m of s) {
      parts.push(m.packed.data as unknown as BlobPart);
      bytes += m.packed.data.byteLength;
      if (bytes >= sliceBytes) await flush();
    }
  }
  if (parts.length) await flush();
  return new Blob(blobs);
}

/** The streams back from a payload (an 8-aligned view into the response). */
export function decodeStreams(payload: Uint8Array, entries: readonly DataFile[]): RecordedStream[] {
  const n = u32(payload, 0);
  const heads = JSON.parse(new TextDecoder().decode(payload.subarray(4, 4 + n))) as StreamHead[][];
  let at = payload.byteOffset + 4 + n;
  return heads.map((s) =>
    s.map((h) => {
      const data = new Float64Array(payload.buffer, at, h.length);
      at += h.length * 8;
      return { name: entries[h.entry]?.name ?? '', entry: h.entry, packed: { strings: h.strings, shapes: h.shapes, data } };
    }),
  );
}

/** Every stream replayed; the files whose entries pass keep. Throws on damaged data (the caller reads the folder instead). */
export function replay(streams: readonly RecordedStream[], keep: (entry: number) => boolean): MergedFile[] {
  const out: MergedFile[] = [];
  for (const s of streams) {
    const unpacker = new Unpacker();
    for (const m of s) {
      const file = unpacker.unpack(m.packed) as MergedFile;
      if (m.entry !== undefined && m.entry >= 0 && keep(m.entry)) out.push(file);
    }
  }
  return out;
}

/** The server's answer for this asOf (yyyy-mm-dd), at its headers: null when it keeps nothing (or there is no server). */
export async function askParsed(asOf: string): Promise<Response | null> {
  try {
    const res = await fetch(`${PARSED_URL}?asOf=${encodeURIComponent(asOf)}`, { cache: 'no-store' });
    return res.status === 200 ? res : null;
  } catch {
    return null;
  }
}

/** The files of a 200 answer, in either form; null when the data is damaged (the caller reads the folder instead). */
export async function readParsed(res: Response): Promise<Parsed | Joined | null> {
  try {
    const body = new Uint8Array(await res.arrayBuffer());
    performance.mark('kesu:parsed-fetched');
    if (res.headers.get(PARSED_FORM_HEADER) === 'joined') {
      const { head: meta, rest } = readFrameHead<{ entries: DataFile[] }>(body);
      const joined = decodeJoined(rest, meta.entries);
      performance.mark('kesu:parsed-replayed');
      return joined;
    }
    const { head: meta, rest } = readFrameHead<{ entries: DataFile[]; valid: boolean[]; missing: string[] }>(body);
    const streams = decodeStreams(rest, meta.entries);
    const files = replay(streams, (entry) => meta.valid[entry] === true);
    performance.mark('kesu:parsed-replayed');
    return { form: 'files', files, entries: meta.entries.filter((_, i) => meta.valid[i]), missing: meta.missing, stored: { entries: meta.entries, valid: meta.valid, streams } };
  } catch {
    return null;
  }
}

/** What the server kept of the folder for this asOf; null when nothing. */
export async function fetchParsed(asOf: string): Promise<Parsed | Joined | null> {
  const res = await askParsed(asOf);
  return res && readParsed(res);
}

/**
 * What to store after a reload that read some files anew: the entries still
 * valid and the new ones; the old streams with their invalid files marked -1
 * (their strings may be needed further on), streams of none dropped.
 */
export function withNewFiles(old: Parsed['stored'] | null, entries: readonly DataFile[], streams: readonly RecordedStream[]): { entries: DataFile[]; streams: RecordedStream[] } {
  const kept: DataFile[] = [];
  const remap = (old?.entries ?? []).map((e, i) => (old!.valid[i] ? kept.push(e) - 1 : -1));
  const oldStreams = (old?.streams ?? [])
    .map((s) => s.map((m) => ({ ...m, entry: m.entry !== undefined && m.entry >= 0 ? remap[m.entry] ?? -1 : -1 })))
    .filter((s) => s.some((m) => m.entry >= 0));
  const index = new Map(entries.map((e, i) => [e.name, kept.length + i]));
  const newStreams = streams.map((s) => s.map((m) => ({ ...m, entry: index.get(m.name) ?? -1 })));
  return { entries: [...kept, ...entries], streams: [...oldStreams, ...newStreams] };
}

/** Hands the server what the workers read (and what it gave back, when some was read again). Resolves true when kept. */
export async function storeParsed(asOf: string, entries: readonly DataFile[], streams: readonly RecordedStream[]): Promise<boolean> {
  try {
    const body = new Blob([head({ asOf, entries }) as BlobPart, await encodeStreams(entries, streams)]);
    const res = await fetch(PARSED_URL, { method: 'POST', headers: { 'Content-Type': 'application/octet-stream', 'X-Kesu-Cache': '1' }, body });
    return res.ok;
  } catch {
    return false;
  }
}

/**
 * Hands the server the page's result after the join (joined.ts): the files
 * read from its folder (entries: each as served) and the cube over them.
 * Resolves true when kept.
 */
export async function storeJoined(asOf: string, entries: readonly DataFile[], files: readonly LoadedFile[], cube: TaskCube<MergedTask>): Promise<boolean> {
  try {
    const body = new Blob([head({ asOf, entries }) as BlobPart, await encodeJoined(files, cube)]);
    const res = await fetch(`${PARSED_URL}?form=joined`, { method: 'POST', headers: { 'Content-Type': 'application/octet-stream', 'X-Kesu-Cache': '1' }, body });
    return res.ok;
  } catch {
    return false;
  }
}
