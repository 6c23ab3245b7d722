// The dashboard reads workbooks in Web Workers, a file at a time, as the
// bytes arrive (a data folder streams in as one bundle, see server.ts): each
// file goes to the worker with the fewest files waiting, so reading starts
// with the first file and every core is busy until the last. The page then
// joins the files once (combineFiles: duplicates across all of them).
// Results come back packed (wire.ts): structured clone of 100,000 tasks
// took the page's thread longer than reading them.
import { MERGE_MESSAGES, refusedFile, type MergedFile } from '../../shared/merge';
import { Unpacker } from './wire';
import type { Packed } from './wire';
import type { RecordedStream } from './parsed';

/** One file to read, in batch `batch` (one load of the page: a folder, a drop). */
export type PoolJob = { type: 'read'; batch: number; id: number; name: string; bytes: Uint8Array; asOf: string } | { type: 'end'; batch: number };

export type PoolReply = { batch: number; id: number; packed: Packed } | { batch: number; id: number; error: string } | { ready: true };

type ReadFile = (name: string, bytes: Uint8Array, asOf: Date) => Promise<MergedFile>;

/** The files of one load: read them, then end() so both sides drop the batch's string tables. */
export interface PoolSession {
  read: ReadFile;
  end(): void;
  /** With record: each worker's messages of this batch as they came (parsed.ts stores them); null otherwise. */
  recorded?(): RecordedStream[] | null;
}

interface Slot {
  worker: Worker;
  /** The worker has loaded its script (it said so): files can be handed over for good. */
  ready: boolean;
  waiting: Set<number>;
  unpackers: Map<number, Unpacker>;
  /** Batches being recorded: this worker's messages of each, in order. */
  records: Map<number, RecordedStream>;
}

interface Job {
  name: string;
  batch: number;
  asOf: Date;
  /** Kept while the worker holding the file has not said it is ready: its script may yet fail to load. */
  bytes: Uint8Array | null;
  resolve: (f: MergedFile) => void;
}

/** Workers for the machine: one per core up to four (more only fight over memory bandwidth). */
function poolSize(): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
  return Math.max(1, Math.min(4, cores));
}

/** A file read on the page's own thread: where no worker can start (and in Node, where there are none). */
export async function readHere(name: string, bytes: Uint8Array, asOf: Date): Promise<MergedFile> {
  const [{ mergeFile }, { workbookReader }] = await Promise.all([import('../../shared/merge'), import('../../shared/io')]);
  return mergeFile({ name, bytes }, { read: workbookReader(), asOf, asOfPerFile: true });
}

/**
 * A pool of merge workers, started on first use and kept for the page's
 * life (a worker's start is the parse of the core's code, paid once).
 *
 * A worker that dies while reading (out of memory on a huge sheet) fails
 * its own files with the reason and is replaced. One that dies before it
 * has loaded its script (blocked, or the script missing) is not replaced:
 * its files go to the other workers, or are read on the page's thread when
 * none is left. Until a worker has said it is ready the page keeps a copy
 * of the files it was given, so none is lost that way.
 */
export function createPool(size = poolSize()): { session(opts?: { record?: boolean }): PoolSession; warm(): Promise<void> } {
  // Resolved when the first worker can take a file, or when none can start.
  let markReady = (): void => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const slots: Slot[] = [];
  const pending = new Map<number, Job>();
  let started = false;
  let nextId = 0;
  let nextBatch = 0;
  const recording = new Set<number>();
  /** Every stream ever recorded for a batch, also of workers since replaced. */
  const streams = new Map<number, RecordedStream[]>();

  const failed = (name: string, why: string): MergedFile => refusedFile(name, MERGE_MESSAGES.readFailed({ file: name, why }));

  function start(): Slot | null {
    let worker: Worker;
    try {
      worker = new Worker(/* webpackChunkName: "merge-worker" */ new URL('./merge.worker.ts', import.meta.url));
    } catch {
      return null;
    }
    const slot: Slot = { worker, ready: false, waiting: new Set(), unpackers: new Map(), records: new Map() };
    for (const batch of recording) slot.records.set(batch, []);
    worker.onmessage = (e: MessageEvent<PoolReply>) => {
      const reply = e.data;
      if ('ready' in reply) {
        slot.ready = true;
        for (const id of slot.waiting) pending.get(id)!.bytes = null;
        return markReady();
      }
      const job = pending.get(reply.id);
      if (!job) return;
      pending.delete(reply.id);
      slot.waiting.delete(reply.id);
      if ('error' in reply) return job.resolve(failed(job.name, reply.error));
      let unpacker = slot.unpackers.get(reply.batch);
      if (!unpacker) slot.unpackers.set(reply.batch, (unpacker = new Unpacker()));
      // Damaged data fails its own file with the reason; the load still ends.
      let file: MergedFile;
      try {
        file = unpacker.unpack(reply.packed) as MergedFile;
        slot.records.get(reply.batch)?.push({ name: job.name, packed: reply.packed });
      } catch (err) {
        // a stream that failed once fails again on replay: not kept
        recording.delete(reply.batch);
        slot.records.delete(reply.batch);
        file = refusedFile(job.name, MERGE_MESSAGES.handBackFailed({ file: job.name, why: err instanceof Error ? err.message : String(err) }));
      }
      job.resolve(file);
    };
    worker.onerror = (e) => {
      e.preventDefault();
      worker.terminate();
      const i = slots.indexOf(slot);
      if (slot.ready) {
        if (i >= 0) slots.splice(i, 1);
        for (const [batch, stream] of slot.records) if (stream.length) streams.get(batch)?.push(stream);
        const next = start();
        if (next) slots.push(next);
        for (const id of slot.waiting) {
          const job = pending.get(id)!;
          pending.delete(id);
          job.resolve(failed(job.name, e.message || '读取进程意外退出'));
        }
        return;
      }
      // Never started: not replaced (its script would fail again); its files go elsewhere.
      if (i >= 0) slots.splice(i, 1);
      if (!slots.length) markReady();
      for (const id of slot.waiting) {
        const job = pending.get(id)!;
        pending.delete(id);
        dispatch(job);
      }
    };
    return slot;
  }

  /** Hands a file to the worker with the fewest files waiting, or reads it here when there is none. */
  function dispatch(job: Job): void {
    const bytes = job.bytes!;
    if (!slots.length) {
      void readHere(job.name, bytes, job.asOf).then(job.resolve, (err) => job.resolve(failed(job.name, String((err as Error)?.message ?? err))));
      return;
    }
    const slot = slots.reduce((a, b) => (b.waiting.size < a.waiting.size ? b : a));
    const id = nextId++;
    slot.waiting.add(id);
    pending.set(id, job);
    const message: PoolJob = { type: 'read', batch: job.batch, id, name: job.name, bytes, asOf: job.asOf.toISOString() };
    if (slot.ready) {
      // Transfer, not copy: the page keeps no bytes of a file once it is handed over.
      job.bytes = null;
      slot.worker.postMessage(message, [bytes.buffer as ArrayBuffer]);
    } else slot.worker.postMessage(message);
  }

  /** Starts the workers (once); resolves when the first can take a file, or none can start. */
  const warm = (): Promise<void> => {
    if (!started) {
      started = true;
      for (let i = 0; i < size; i++) {
        const slot = start();
        if (slot) slots.push(slot);
      }
      if (!slots.length) markReady();
    }
    return ready;
  };

  return {
    warm,
    session(opts: { record?: boolean } = {}) {
      const batch = nextBatch++;
      if (opts.record) {
        recording.add(batch);
        streams.set(batch, []);
        for (const slot of slots) slot.records.set(batch, []);
      }
      return {
        recorded() {
          if (!recording.has(batch)) return null;
          const out = [...(streams.get(batch) ?? []), ...slots.map((s) => s.records.get(batch) ?? [])].filter((s) => s.length);
          recording.delete(batch);
          streams.delete(batch);
          for (const slot of slots) slot.records.delete(batch);
          return out;
        },
        read(name, bytes, asOf) {
          void warm();
          return new Promise<MergedFile>((resolve) => dispatch({ name, batch, asOf, bytes, resolve }));
        },
        end() {
          for (const slot of slots) {
            slot.unpackers.delete(batch);
            slot.worker.postMessage({ type: 'end', batch } satisfies PoolJob);
          }
        },
      };
    },
  };
}
