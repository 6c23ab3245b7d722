// What the parse cache's tests (test/server/parse-cache*.test.ts) do as the
// page would: take the folder's bundle, and frame what it stores.
import { BundleReader } from '../../shared/io/bundle';
import type { DataFile } from '../../shared/io/bundle';

/** The files of one bundle of the server at url, as the page gets them: name, size, mtime. */
export async function servedFiles(url: string): Promise<DataFile[]> {
  const reader = new BundleReader();
  const out: DataFile[] = [];
  const bytes = new Uint8Array(await (await fetch(url + 'api/data/bundle')).arrayBuffer());
  for (const e of reader.push(bytes)) if (!('error' in e)) out.push({ name: e.name, size: e.bytes.length, mtime: e.mtime });
  return out;
}

/** A store's frame: u32 LE n, n bytes of JSON, the payload. */
export function storeFrame(head: unknown, payload: string | Buffer): Buffer {
  const json = Buffer.from(JSON.stringify(head));
  const len = Buffer.alloc(4);
  len.writeUInt32LE(json.length);
  return Buffer.concat([len, json, Buffer.from(payload)]);
}
