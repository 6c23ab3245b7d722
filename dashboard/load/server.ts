// The local server's data API (server/serve.ts): the listing of the data
// folder, the bytes of one file, and change events. Same origin only (CSP).
export interface DataFile {
  name: string;
  size: number;
  mtime: string;
}

export interface DataListing {
  sample: boolean;
  folder: string | null;
  files: DataFile[];
  version: string;
}

export async function fetchListing(): Promise<DataListing | null> {
  try {
    const res = await fetch('/api/data', { cache: 'no-store' });
    if (!res.ok) return null;
    return (await res.json()) as DataListing;
  } catch {
    // Opened from a file or a static host without the API: no server data.
    return null;
  }
}

export async function fetchFile(name: string): Promise<Uint8Array> {
  const res = await fetch('/api/data/file/' + encodeURIComponent(name), { cache: 'no-store' });
  if (!res.ok) throw new Error(`服务器返回 ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

/** Calls back with the new listing whenever the folder changes. Returns the unsubscribe. */
export function watchListing(onChange: (l: DataListing) => void): () => void {
  if (typeof EventSource === 'undefined') return () => {};
  const es = new EventSource('/api/data/events');
  es.addEventListener('change', (e) => onChange(JSON.parse((e as MessageEvent).data) as DataListing));
  return () => es.close();
}

/**
 * Starts fetching every file at once (a few at a time) so the network never
 * waits on parsing; each loader resolves when its bytes are in.
 */
export function prefetch(names: string[], concurrency = 6): Map<string, () => Promise<Uint8Array>> {
  const pending = new Map<string, { promise: Promise<Uint8Array>; resolve: (b: Uint8Array) => void; reject: (e: unknown) => void }>();
  for (const name of names) {
    let resolve!: (b: Uint8Array) => void;
    let reject!: (e: unknown) => void;
    const promise = new Promise<Uint8Array>((a, b) => ((resolve = a), (reject = b)));
    promise.catch(() => {}); // reported when the merge asks for it
    pending.set(name, { promise, resolve, reject });
  }
  const queue = [...names];
  const worker = async () => {
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
      const p = pending.get(name)!;
      await fetchFile(name).then(p.resolve, p.reject);
    }
  };
  for (let i = 0; i < Math.min(concurrency, names.length); i++) void worker();
  return new Map([...pending].map(([name, p]) => [name, () => p.promise]));
}
