// The first read of the server's folder starts when the page's script runs:
// the bundle of every file is asked for at once (no listing round trip
// first) and the workers start while React draws the empty page. Waiting for
// the first render and then the listing cost the benchmark's page most of a
// second before the first byte was read.
import { loadWorkbooks, warmWorkers } from './index';
import type { LoadedFile } from './index';
import { bundleSource, fetchListing } from './server';
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
  first: Promise<{ files: LoadedFile[]; stamps: Map<string, string> }>;
  /** Progress of the first read: the latest at once, then each update. Returns the unsubscribe. */
  onProgress(cb: Progress): () => void;
}

let boot: Boot | null = null;

export function bootLoad(): Boot {
  return (boot ??= start());
}

/**
 * Files of the data folder (all of them when names is null) from one bundle,
 * read and joined; with the stamp (size|mtime) of each as read. The first
 * read and every later look at a changed folder go through here.
 */
export async function readServerFiles(names: ReadonlySet<string> | null, onProgress?: Progress): Promise<{ files: LoadedFile[]; stamps: Map<string, string> }> {
  performance.mark('kesu:load-start');
  const source = bundleSource(names);
  const files = await loadWorkbooks(source.inputs, source.total, 'server', onProgress);
  performance.mark('kesu:merged');
  return { files, stamps: source.stamps };
}

function start(): Boot {
  const workers = warmWorkers();
  const listing = fetchListing();
  const subscribers = new Set<Progress>();
  let latest: Parameters<Progress> | null = null;
  const progress: Progress = (...args) => {
    latest = args;
    for (const s of subscribers) s(...args);
  };
  const first = readServerFiles(null, progress);
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
