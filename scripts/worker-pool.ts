// Runs jobs in worker threads, each job under a time limit: a job that does
// not answer in time is a hang (its worker is terminated and a new one
// started), a worker that dies or throws is a crash. Used by the conformance
// run (scripts/conformance.ts) and the reader's fuzz test, so that one
// runaway read cannot stop or poison the others.
import { Worker, type ResourceLimits } from 'node:worker_threads';

export type JobOutcome<R> =
  | { kind: 'done'; value: R; ms: number }
  | { kind: 'hung'; ms: number }
  | { kind: 'crashed'; error: string; ms: number };

export interface PoolOptions {
  /** Worker threads at once. */
  workers: number;
  /** Time limit per job, from the moment the worker starts it. */
  timeoutMs: number;
  /** Heap limits of each worker (an out-of-memory job is a crash, not the end of the run). */
  resourceLimits?: ResourceLimits;
  /** Extra time for a worker to load its script before its first job counts. */
  startMs?: number;
}

/**
 * The worker script is TypeScript: a small bootstrap loads it through tsx's
 * ESM API, which works alike under `tsx` and under vitest (a worker does not
 * inherit vitest's transform, and `--import tsx` in a worker's execArgv does
 * not reach its entry module on Node 20).
 */
function startWorker(script: URL, resourceLimits?: ResourceLimits): Worker {
  const api = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(api)}).then(({ tsImport }) => tsImport(${JSON.stringify(script.href)}, ${JSON.stringify(script.href)}))`;
  return new Worker(code, { eval: true, resourceLimits });
}

/**
 * Runs every job; the worker script answers each `{ job }` message with one
 * `{ ready: true }` when loaded and then one `{ value }` or `{ error }` per job.
 * Results come back in the order of `jobs`.
 */
export async function runPool<J, R>(script: URL, jobs: J[], opts: PoolOptions, onDone?: (i: number, o: JobOutcome<R>) => void): Promise<JobOutcome<R>[]> {
  const results: JobOutcome<R>[] = new Array(jobs.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < jobs.length) {
      const w = startWorker(script, opts.resourceLimits);
      // One worker serves jobs until one of them hangs or crashes it.
      const alive = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), opts.startMs ?? 60_000);
        w.once('message', () => (clearTimeout(timer), resolve(true)));
        w.once('error', () => (clearTimeout(timer), resolve(false)));
        w.once('exit', () => (clearTimeout(timer), resolve(false)));
      });
      if (!alive) {
        await w.terminate();
        throw new Error(`worker ${script.pathname} did not start`);
      }
      for (;;) {
        if (next >= jobs.length) break;
        const i = next++;
        const o = await runOne<R>(w, jobs[i], opts.timeoutMs);
        results[i] = o;
        onDone?.(i, o);
        if (o.kind !== 'done') break;
      }
      w.removeAllListeners();
      await w.terminate();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.workers, jobs.length)) }, lane));
  return results;
}

function runOne<R>(w: Worker, job: unknown, timeoutMs: number): Promise<JobOutcome<R>> {
  const t0 = performance.now();
  const ms = (): number => Math.round(performance.now() - t0);
  return new Promise((resolve) => {
    const finish = (o: JobOutcome<R>): void => {
      clearTimeout(timer);
      w.off('message', onMessage);
      w.off('error', onError);
      w.off('exit', onExit);
      resolve(o);
    };
    const onMessage = (m: { value?: R; error?: string }): void =>
      finish(m.error !== undefined ? { kind: 'crashed', error: m.error, ms: ms() } : { kind: 'done', value: m.value as R, ms: ms() });
    const onError = (e: Error): void => finish({ kind: 'crashed', error: `${e.name}: ${e.message}`, ms: ms() });
    const onExit = (code: number): void => finish({ kind: 'crashed', error: `worker exited (${code})`, ms: ms() });
    const timer = setTimeout(() => finish({ kind: 'hung', ms: ms() }), timeoutMs);
    w.on('message', onMessage);
    w.on('error', onError);
    w.on('exit', onExit);
    w.postMessage({ job });
  });
}
