// Large batches (a data folder of hundreds of ledgers) are merged in Web
// Workers, one contiguous share of the files each, then the shares are joined
// and the core's duplicate detection runs once more over the whole, so a task
// reported by files in two shares is still caught. Small batches stay on the
// page's thread (see index.ts).
import { dedupe } from '../../shared/merge';
import type { MergeInput, MergeResult, MergedTask } from '../../shared/merge';

type Progress = (done: number, total: number, current: string) => void;

export const PARALLEL_MIN_FILES = 24;

export function canUseWorkers(n: number): boolean {
  return n >= PARALLEL_MIN_FILES && typeof Worker !== 'undefined' && typeof window !== 'undefined';
}

function runShare(files: { name: string; bytes: Uint8Array }[], asOf: Date, onProgress: (done: number) => void): Promise<MergeResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./merge.worker.ts', import.meta.url));
    worker.onmessage = (e: MessageEvent<{ type: string; done?: number; result?: MergeResult; message?: string }>) => {
      if (e.data.type === 'progress') onProgress(e.data.done!);
      else {
        worker.terminate();
        if (e.data.type === 'done') resolve(e.data.result!);
        else reject(new Error(e.data.message));
      }
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message));
    };
    worker.postMessage({ files, asOf: asOf.toISOString() }, files.map((f) => f.bytes.buffer as ArrayBuffer));
  });
}

export async function mergeInWorkers(inputs: MergeInput[], asOf: Date, onProgress?: Progress): Promise<MergeResult> {
  const n = Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2, inputs.length));
  const size = Math.ceil(inputs.length / n);
  const shares = Array.from({ length: n }, (_, i) => inputs.slice(i * size, (i + 1) * size)).filter((s) => s.length);
  const done = new Array(shares.length).fill(0);
  const report = () => onProgress?.(done.reduce((a, b) => a + b, 0), inputs.length, '');
  const results = await Promise.all(
    shares.map(async (share, s) => {
      // A file whose bytes cannot be fetched is handed over empty: the core
      // refuses it with its own message, and the batch goes on.
      const files = await Promise.all(
        share.map(async (f) => ({ name: f.name, bytes: typeof f.bytes === 'function' ? await f.bytes().catch(() => new Uint8Array()) : f.bytes.slice() })),
      );
      return runShare(files, asOf, (d) => {
        done[s] = d;
        report();
      });
    }),
  );
  onProgress?.(inputs.length, inputs.length, '');
  const files = results.flatMap((r) => r.files);
  const all: MergedTask[] = [];
  const fileIndex: number[] = [];
  const indexOf = new Map(files.map((f, i) => [f.file, i]));
  for (const r of results) for (const t of r.tasks) {
    all.push(t);
    fileIndex.push(indexOf.get(t.source.file) ?? 0);
  }
  const again = dedupe(all, fileIndex, files.map((f) => f.meta));
  for (const [f, count] of again.dropped) {
    const rep = files[f]!;
    rep.duplicatesDropped = (rep.duplicatesDropped ?? 0) + count;
  }
  return {
    files,
    tasks: again.tasks,
    duplicates: [...results.flatMap((r) => r.duplicates), ...again.duplicates],
    directory: results.flatMap((r) => r.directory),
    findings: results.flatMap((r) => r.findings),
    asOf: results[0]?.asOf,
  };
}
