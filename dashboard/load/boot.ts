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

function start(): Boot {
  performance.mark('kesu:load-start');
  warmWorkers();
  const listing = fetchListing();
  const subscribers = new Set<Progress>();
  let latest: Parameters<Progress> | null = null;
  const progress: Progress = (...args) => {
    latest = args;
    for (const s of subscribers) s(...args);
  };
  const source = bundleSource(null);
  const first = loadWorkbooks(source.inputs, source.total, 'server', progress).then((files) => {
    performance.mark('kesu:merged');
    return { files, stamps: source.stamps };
  });
  return {
    listing,
    first,
    onProgress(cb) {
      subscribers.add(cb);
      if (latest) cb(...latest);
      return () => subscribers.delete(cb);
    },
  };
}
