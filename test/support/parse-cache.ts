// What the parse cache's tests (test/server/parse-cache*.test.ts) do as the
// page would: take the folder's bundle, and frame what it stores.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BundleReader } from '../../shared/io/bundle';
import type { DataFile } from '../../shared/io/bundle';

/** A temporary server root (an index.html) and data folder of two small files, a.xlsx and b.xlsx. */
export function cacheFolders(prefix: string): { tmp: string; root: string; data: string } {
  const tmp = mkdtempSync(path.join(tmpdir(), prefix));
  const root = path.join(tmp, 'dist');
  const data = path.join(tmp, 'data');
  mkdirSync(root);
  mkdirSync(data);
  writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
  writeFileSync(path.join(data, 'a.xlsx'), 'AAAA-one');
  writeFileSync(path.join(data, 'b.xlsx'), 'BBBB-two');
  return { tmp, root, data };
}

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
