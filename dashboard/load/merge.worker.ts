// A Web Worker of the dashboard's pool (pool.ts): reads one file at a time
// with the core's mergeFile, the same per-file step `kesu merge` runs, and
// keeps the core's caches warm across the files it is given. Results go back
// packed (wire.ts), with one string table per batch.
import { workbookReader } from '../../shared/io';
import { MergeCache, mergeFile } from '../../shared/merge';
import { Packer } from './wire';
import type { PoolJob, PoolReply } from './pool';

const scope = self as unknown as { onmessage: ((e: MessageEvent<PoolJob>) => void) | null; postMessage(m: PoolReply, transfer?: Transferable[]): void };
const packers = new Map<number, Packer>();
// The worker's own: readings, directories and template parts stay warm across
// every batch it is given (a folder re-read after one file changed): the
// reader keeps the template parts, the cache the rest.
const read = workbookReader();
const cache = new MergeCache();

scope.onmessage = async (e) => {
  const job = e.data;
  if (job.type === 'end') return void packers.delete(job.batch);
  const { batch, id, name, bytes, asOf } = job;
  try {
    const file = await mergeFile({ name, bytes }, { read, asOf: new Date(asOf), asOfPerFile: true, cache });
    let packer = packers.get(batch);
    if (!packer) packers.set(batch, (packer = new Packer()));
    // The page shows how many findings a file has (report.findings), not the
    // findings themselves, nor the file's 单位名录: they are not sent.
    const packed = packer.pack({ ...file, findings: [], units: [] });
    scope.postMessage({ batch, id, packed }, [packed.data.buffer]);
  } catch (err) {
    scope.postMessage({ batch, id, error: String((err as Error)?.message ?? err) });
  }
};

// Loaded and listening: the page starts loading its views now (index.tsx),
// not while this script is still being fetched and compiled.
scope.postMessage({ ready: true });
