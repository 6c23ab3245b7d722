// The dashboard's loader: every workbook (sample data, the data folder, dropped
// files) goes through the core's merge, the same per-file step and the same
// join that `kesu merge` and the add-in use. Each file is judged as of its own
// 截至日期 (asOfPerFile), so a 2023Q1 ledger is judged at 31 March 2023, not
// today. Files are read in Web Workers as they arrive (pool.ts).
// The page imports the join and the messages, not the reader: reading runs in
// the workers, and the reader's code (and the bundled 单位名录) stays out of
// the page's first download.
// (package.json's sideEffects marks shared/ free of side effects, so webpack
// keeps only what the page uses of shared/merge's index.)
import { combineFiles, MERGE_MESSAGES, refusedFile, todayDate, uniqueNamer } from '../../shared/merge';
import type { FileReport, MergedFile, MergedTask, MergeInput } from '../../shared/merge';
import { createPool, readHere } from './pool';
import type { RecordedStream } from './parsed';
import type { PoolSession } from './pool';

export type { FileReport, MergedTask } from '../../shared/merge';

export interface LoadedFile {
  report: FileReport;
  tasks: MergedTask[];
  /** Where the file came from: the server's folder (or sample data) or the user's machine. */
  origin: 'server' | 'local';
  /** How many tasks, where tasks are made on first use (a joined answer of the server: joined.ts). */
  count?: number;
}

let pool: ReturnType<typeof createPool> | null = null;

const hasWorkers = (): boolean => typeof Worker !== 'undefined' && typeof window !== 'undefined';

/** Starts the workers ahead of the first file; resolves when the first can take one (at once where there are no workers). */
export function warmWorkers(): Promise<void> {
  return hasWorkers() ? (pool ??= createPool()).warm() : Promise.resolve();
}

/** A session of the page's worker pool, or the page's own thread where there are no workers (Node, tests). */
function session(record: boolean): PoolSession {
  if (!hasWorkers()) return { read: readHere, end() {} };
  return (pool ??= createPool()).session({ record });
}

/** Besides the files: files already read (the server's parse cache, parsed.ts), and whether to hand back what the workers sent. */
export interface LoadExtra {
  /** Read before (a reload's files the server kept): joined with the others, ahead of them. */
  known?: readonly MergedFile[];
  /** Called with the workers' messages of this load (for the server's parse cache); not where there are no workers. */
  onRecorded?: (streams: RecordedStream[]) => void;
}

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * Reads the inputs as they come (an async source: the server's bundle
 * streaming in) and joins them. total is for the progress line.
 */
export async function loadWorkbooks(
  inputs: AsyncIterable<MergeInput> | Iterable<MergeInput>,
  /** For the progress line; a function when the count becomes known as the files stream in. */
  total: number | (() => number),
  origin: LoadedFile['origin'],
  onProgress?: (done: number, total: number, current: string) => void,
  extra: LoadExtra = {},
): Promise<LoadedFile[]> {
  // files that state no 截至日期 are judged as of today, the user's calendar day
  const asOf = todayDate();
  const batch = session(!!extra.onRecorded);
  const unique = uniqueNamer();
  const reading: Promise<MergedFile>[] = [];
  let done = 0;
  const counted = (f: MergedFile): MergedFile => {
    onProgress?.(++done, typeof total === 'function' ? total() : total, f.report.file);
    return f;
  };
  for await (const input of inputs) {
    const name = unique(input.name);
    let bytes: Uint8Array;
    try {
      bytes = typeof input.bytes === 'function' ? await input.bytes() : input.bytes;
    } catch (e) {
      reading.push(Promise.resolve(counted(refusedFile(name, MERGE_MESSAGES.loadFailed({ file: name, why: errorText(e) })))));
      continue;
    }
    reading.push(batch.read(name, bytes, asOf).then(counted));
  }
  // In input order: which of two duplicate rows is kept may depend on it.
  const read = await Promise.all(reading).finally(() => {
    const streams = batch.recorded?.();
    if (streams) extra.onRecorded?.(streams);
    batch.end();
  });
  const files = extra.known?.length ? [...extra.known, ...read] : read;
  const result = combineFiles(files, { asOf, asOfPerFile: true });
  const byFile = new Map<string, MergedTask[]>();
  for (const t of result.tasks) {
    let list = byFile.get(t.source.file);
    if (!list) byFile.set(t.source.file, (list = []));
    list.push(t);
  }
  return result.files.map((report) => ({ report, tasks: byFile.get(report.file) ?? [], origin }));
}
