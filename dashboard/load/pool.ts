// The dashboard reads workbooks in Web Workers, a file at a time, as the
// bytes arrive (a data folder streams in as one bundle, see server.ts): each
// file goes to the worker with the fewest files waiting, so reading starts
// with the first file and every core is busy until the last. The page then
// joins the files once (combineFiles: duplicates across all of them).
// Results come back packed (wire.ts): structured clone of 100,000 tasks
// took the page's thread longer than reading them.
import { refusedFile } from '../../shared/merge/file';
import type { MergedFile } from '../../shared/merge/file';
import { MERGE_MESSAGES } from '../../shared/merge/messages';
import { Unpacker } from './wire';
import type { Packed } from './wire';

/** One file to read, in batch `batch` (one load of the page: a folder, a drop). */
export type PoolJob = { type: 'read'; batch: number; id: number; name: string; bytes: Uint8Array; asOf: string } | { type: 'end'; batch: number };

export type PoolReply = { batch: number; id: number; packed: Packed } | { batch: number; id: number; error: string } | { ready: true };

type ReadFile = (name: string, bytes: Uint8Array, asOf: Date) => Promise<MergedFile>;

/** The files of one load: read them, then end() so both sides drop the batch's string tables. */
export interface PoolSession {
  read: ReadFile;
  end(): void;
}

interface Slot {
  worker: Worker;
  waiting: Set<number>;
  unpackers: Map<number, Unpacker>;
}

/** Workers for the machine: one per core up to four (more only fight over memory bandwidth). */
function poolSize(): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
  return Math.max(1, Math.min(4, cores));
}

/**
 * A pool of merge workers, started on first use and kept for the page's
 * life (a worker's start is the parse of the core's code, paid once).
 */
export function createPool(size = poolSize()): { session(): PoolSession; warm(): Promise<void> } {
  // Resolved when the first worker has loaded its script and can take a file.
  let markReady = (): void => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const slots: Slot[] = [];
  const pending = new Map<number, { name: string; resolve: (f: MergedFile) => void }>();
  let nextId = 0;
  let nextBatch = 0;

  const failed = (name: string, why: string): MergedFile => refusedFile(name, MERGE_MESSAGES.readFailed(name, why));

  function start(): Slot {
    const worker = new Worker(/* webpackChunkName: "merge-worker" */ new URL('./merge.worker.ts', import.meta.url));
    const slot: Slot = { worker, waiting: new Set(), unpackers: new Map() };
    worker.onmessage = (e: MessageEvent<PoolReply>) => {
      const reply = e.data;
      if ('ready' in reply) return markReady();
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
      } catch (err) {
        file = failed(job.name, err instanceof Error ? err.message : String(err));
      }
      job.resolve(file);
    };
    // A worker that dies (out of memory on a huge sheet) fails its own files
    // with a reason and is replaced; the rest of the batch goes on.
    worker.onerror = (e) => {
      e.preventDefault();
      const i = slots.indexOf(slot);
      if (i >= 0) slots.splice(i, 1, start());
      worker.terminate();
      for (const id of slot.waiting) {
        const job = pending.get(id)!;
        pending.delete(id);
        job.resolve(failed(job.name, e.message || '读取进程意外退出'));
      }
    };
    return slot;
  }

  /** Starts the workers (once); resolves when the first can take a file. */
  const warm = (): Promise<void> => {
    if (!slots.length) for (let i = 0; i < size; i++) slots.push(start());
    return ready;
  };

  return {
    warm,
    session() {
      const batch = nextBatch++;
      return {
        read(name, bytes, asOf) {
          void warm();
          const slot = slots.reduce((a, b) => (b.waiting.size < a.waiting.size ? b : a));
          const id = nextId++;
          slot.waiting.add(id);
          return new Promise<MergedFile>((resolve) => {
            pending.set(id, { name, resolve });
            const job: PoolJob = { type: 'read', batch, id, name, bytes, asOf: asOf.toISOString() };
            // Transfer, not copy: the page keeps no bytes of a file once it is handed over.
            slot.worker.postMessage(job, [bytes.buffer as ArrayBuffer]);
          });
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
