// The first read of the server's folder starts when the page's script runs:
// the bundle of every file is asked for at once (no listing round trip
// first) and the workers start while React draws the empty page. Waiting for
// the first render and then the listing cost the benchmark's page most of a
// second before the first byte was read.
import { loadWorkbooks, warmWorkers } from './index';
import type { LoadedFile } from './index';
import { bundleSource, entryOf, fetchListing, stampOf } from './server';
import { askParsed, fetchParsed, readParsed, storeParsed, withNewFiles } from './parsed';
import type { Parsed, RecordedStream } from './parsed';
import type { Joined } from './joined';
import type { TaskCube } from '../../shared/aggregate';
import type { MergedTask } from '../../shared/merge';
import { isoDate, todayDate } from '../../shared/merge';
import type { DataListing } from './server';

type Progress = (done: number, total: number, current: string) => void;

export interface Boot {
  /**
   * When the page should load its views: once a worker is reading (or after
   * a second, should the workers be slow to start). Fetched and compiled
   * together with React and recharts, the workers' script was ready 100–150 ms
   * later and every file waited for it.
   */
  viewsMayLoad: Promise<void>;
  listing: Promise<DataListing | null>;
  /** Every file of the folder, read; with the stamp (size, mtime) of each as read. */
  first: Promise<ServerRead>;
  /** Progress of the first read: the latest at once, then each update. Returns the unsubscribe. */
  onProgress(cb: Progress): () => void;
}

/** What a read of the server's folder gives. */
export interface ServerRead {
  files: LoadedFile[];
  /** name → stampOf of each file as read. */
  stamps: Map<string, string>;
  /**
   * Hands the server what the workers read (once, however often called);
   * resolves true when kept (or nothing was new). Called by the page once
   * its charts are drawn: packing the workers' streams took its thread 1.4 s
   * for 3,000 files, and started at once it ran before the first paint.
   */
  store(): Promise<boolean>;
  /** The day files without 截至日期 were judged as of (yyyy-mm-dd). */
  asOf: string;
  /** The cube over the files, when the server gave back the joined result (joined.ts): nothing to join or code. */
  cube?: TaskCube<MergedTask>;
}

let boot: Boot | null = null;

export function bootLoad(): Boot {
  return (boot ??= start());
}

/**
 * Files of the data folder (all of them when names is null) from one bundle,
 * read and joined; with the stamp (size|mtime) of each as read. The first
 * read and every later look at a changed folder go through here.
 *
 * The whole folder is first asked of the server's parse cache (parsed.ts):
 * the files it kept unchanged are not read again, only the others come in
 * the bundle; what the workers read is then handed back to the server
 * (store() hands it over: true when kept).
 */
export async function readServerFiles(names: ReadonlySet<string> | null, onProgress?: Progress, asked?: Promise<Parsed | Joined | null>): Promise<ServerRead> {
  performance.mark('kesu:load-start');
  const asOf = isoDate(todayDate());
  const answer = names === null ? await (asked ?? fetchParsed(asOf)) : null;
  const stamps = new Map<string, string>();
  for (const e of answer?.entries ?? []) stamps.set(e.name, stampOf(e));
  if (answer?.form === 'joined') {
    // The folder as the page last joined it: nothing to read, join or code.
    performance.mark('kesu:parse-cache');
    if (typeof document !== 'undefined') {
      document.body.dataset.parsedFrom = 'server-cache';
      document.body.dataset.parsedForm = 'joined';
    }
    performance.mark('kesu:merged');
    return { files: answer.files, stamps, store: () => Promise.resolve(true), asOf, cube: answer.cube };
  }
  const cached = answer;
  if (cached && !cached.missing.length) {
    performance.mark('kesu:parse-cache');
    if (typeof document !== 'undefined') document.body.dataset.parsedFrom = 'server-cache';
    const files = await loadWorkbooks([], 0, 'server', onProgress, { known: cached.files });
    performance.mark('kesu:merged');
    return { files, stamps, store: () => Promise.resolve(true), asOf };
  }
  const source = bundleSource(cached ? new Set(cached.missing) : names);
  let streams: RecordedStream[] | null = null;
  const files = await loadWorkbooks(source.inputs, source.total, 'server', onProgress, {
    known: cached?.files,
    onRecorded: names === null ? (s) => (streams = s) : undefined,
  });
  performance.mark('kesu:merged');
  for (const [name, stamp] of source.stamps) stamps.set(name, stamp);
  let stored: Promise<boolean> | null = null;
  const read: RecordedStream[] | null = streams;
  const store = (): Promise<boolean> => {
    if (!read) return Promise.resolve(false);
    return (stored ??= (() => {
      const entries = [...source.stamps.keys()].map((name) => entryOf(name, source.stamps.get(name)!));
      const all = withNewFiles(cached?.stored ?? null, entries, read);
      return storeParsed(asOf, all.entries, all.streams);
    })());
  };
  return { files, stamps, store, asOf };
}


function start(): Boot {
  // The server's parse cache first: when it keeps the folder, no worker is
  // started (each compiles the reader: the cores the reload wants; should
  // some files have changed, the read of those starts them) and the views
  // load while its answer streams in. With nothing kept the server answers
  // at once (204) and the workers start.
  const answer = askParsed(isoDate(todayDate()));
  const workers = answer.then((res) => (res ? undefined : warmWorkers()));
  const cached = answer.then((res) => res && readParsed(res));
  const listing = fetchListing();
  const subscribers = new Set<Progress>();
  let latest: Parameters<Progress> | null = null;
  const progress: Progress = (...args) => {
    latest = args;
    for (const s of subscribers) s(...args);
  };
  const first = readServerFiles(null, progress, cached);
  return {
    viewsMayLoad: Promise.race([workers, new Promise<void>((resolve) => setTimeout(resolve, 1000))]),
    listing,
    first,
    onProgress(cb) {
      subscribers.add(cb);
      if (latest) cb(...latest);
      return () => subscribers.delete(cb);
    },
  };
}
