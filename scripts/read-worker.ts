// Worker side of scripts/worker-pool.ts for the reader: reads one workbook per
// job with readWorkbook and answers with its ReadResult (structured clone keeps
// Dates and NaN) and the heap the read used. An exception out of readWorkbook
// is answered as { error } — for the caller a crash, since the reader promises
// never to throw.
import { readFileSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { readWorkbook, type ReadResult } from '../shared/io';

export interface ReadJob {
  /** Name the reader is given (and must quote in its messages). */
  name: string;
  /** Read from disk … */
  path?: string;
  /** … or these bytes. */
  bytes?: Uint8Array;
}

export interface ReadAnswer {
  result: ReadResult;
  /** Heap in use (JS heap and external buffers) right after the read, before any collection, MB. */
  heapMb: number;
}

const port = parentPort!;
const heapMb = (): number => {
  const h = getHeapStatistics();
  return (h.used_heap_size + (h as { external_memory?: number }).external_memory!) / 1048576;
};

port.on('message', async ({ job }: { job: ReadJob }) => {
  try {
    const bytes = job.bytes ?? new Uint8Array(readFileSync(job.path!));
    const result = await readWorkbook(bytes, job.name);
    const answer: ReadAnswer = { result, heapMb: Math.round(heapMb()) };
    port.postMessage({ value: answer });
  } catch (e) {
    port.postMessage({ error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
  }
});
port.postMessage({ ready: true });
