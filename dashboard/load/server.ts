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
