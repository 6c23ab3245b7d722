// Parse once, joined (server/parse-cache.ts, form=joined): the page's result
// after the join is given back only for exactly the files it was made of,
// each unchanged (size, mtime, content), and for the same judgement day;
// otherwise the per-file form answers as before. A store is refused without
// the page's header, of files not served, of a damaged frame, or beyond the
// cap both forms share.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startServer } from '../../server/serve';
import type { RunningServer } from '../../server/serve';
import type { DataFile } from '../../shared/io/bundle';
import { cacheFolders, servedFiles, storeFrame } from '../support/parse-cache';

const { tmp, root, data } = cacheFolders('kesu-parse-joined-');
const CAP = 4096;
let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ root, dataDir: data, pollMs: 100, limits: { parsedBytes: CAP } });
});

afterAll(async () => {
  await server?.close();
  rmSync(tmp, { recursive: true, force: true });
});

const served = (): Promise<DataFile[]> => servedFiles(server.url);

const frame = storeFrame;

const post = (b: Buffer, form = 'joined', headers: Record<string, string> = { 'X-Kesu-Cache': '1' }) =>
  fetch(`${server.url}api/data/parsed${form ? `?form=${form}` : ''}`, { method: 'POST', body: new Uint8Array(b), headers: { 'Content-Type': 'application/octet-stream', ...headers } });

async function get(asOf: string): Promise<{ status: number; form?: string | null; encoding?: string | null; entries?: DataFile[]; payload?: string }> {
  const res = await fetch(server.url + 'api/data/parsed?asOf=' + asOf, { headers: { 'Accept-Encoding': 'gzip' } });
  if (res.status !== 200) return { status: res.status };
  // (fetch inflates a gzip answer; the header says it came so)
  const b = Buffer.from(await res.arrayBuffer());
  const n = b.readUInt32LE(0);
  expect((4 + n) % 8).toBe(0);
  const meta = JSON.parse(b.subarray(4, 4 + n).toString('utf8')) as { entries: DataFile[] };
  return { status: 200, form: res.headers.get('x-kesu-parsed'), encoding: res.headers.get('content-encoding'), entries: meta.entries, payload: b.subarray(4 + n).toString('utf8') };
}

/** A POST whose Content-Length says more than the cap (nothing of it is sent). */
function declareHuge(bytes: number): Promise<number> {
  const url = new URL(server.url + 'api/data/parsed?form=joined');
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: url.pathname + url.search, method: 'POST', headers: { Host: url.host, 'X-Kesu-Cache': '1', 'Content-Length': String(bytes) } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    req.on('error', reject);
    req.flushHeaders();
  });
}

const touch = async (name: string, text: string, keepTime = false): Promise<void> => {
  const file = path.join(data, name);
  const { atime, mtime } = statSync(file);
  writeFileSync(file, text);
  if (keepTime) utimesSync(file, atime, mtime);
  await new Promise((r) => setTimeout(r, 50));
};

describe('the joined form of the parse cache', () => {
  it.each([
    ['without the page header', () => post(frame({ asOf: '2024-01-02', entries: [] }, 'J'), 'joined', {}), 403],
    ['of an unknown form', () => post(frame({ asOf: '2024-01-02', entries: [] }, 'J'), 'cube'), 400],
    ['whose head is cut short', () => post(Buffer.from([200, 0, 0, 0, 123])), 400],
    ['whose head is not the frame', () => post(frame({ asOf: 7, entries: 'all' }, 'J')), 400],
    ['declared beyond the cap', () => declareHuge(CAP + 1), 413],
  ] as const)('refuses a store %s', async (_, send, status) => {
    const res = await send();
    expect(typeof res === 'number' ? res : res.status).toBe(status);
    expect((await get('2024-01-02')).status).toBe(204);
  });

  it('refuses a file named twice, and files it did not serve as given', async () => {
    const files = await served();
    expect((await post(frame({ asOf: '2024-01-02', entries: [files[0], files[0]] }, 'J'))).status).toBe(400);
    expect((await post(frame({ asOf: '2024-01-02', entries: [{ ...files[0]!, size: 1 }, files[1]] }, 'J'))).status).toBe(409);
    expect((await get('2024-01-02')).status).toBe(204);
  });

  it('is given back, compressed, for exactly its unchanged files and its own day', async () => {
    const files = await served();
    expect((await post(frame({ asOf: '2024-01-02', entries: files }, 'JOINED'))).status).toBe(204);
    const back = await get('2024-01-02');
    expect(back).toMatchObject({ status: 200, form: 'joined', encoding: 'gzip', entries: files, payload: 'JOINED' });
    // another judgement day: not this result
    expect((await get('2024-01-03')).status).toBe(204);
  });

  it('both forms together stay within the cap', async () => {
    const files = await served();
    expect((await post(frame({ asOf: '2024-01-02', entries: files }, 'F'.repeat(CAP - 400)), 'files')).status).toBe(204);
    expect((await post(frame({ asOf: '2024-01-02', entries: files }, 'J'.repeat(600)))).status).toBe(413);
    // what was kept stays
    expect(await get('2024-01-02')).toMatchObject({ form: 'joined', payload: 'JOINED' });
    expect((await post(frame({ asOf: '2024-01-02', entries: files }, 'PER-FILE'), 'files')).status).toBe(204);
  });

  it('a file rewritten with the same size and mtime: the per-file form answers, not the joined one', async () => {
    await touch('a.xlsx', 'AAAA-ONE', true);
    const back = await get('2024-01-02');
    expect(back).toMatchObject({ status: 200, form: 'files', payload: 'PER-FILE' });
  });

  it('a new file in the folder: not the joined form either', async () => {
    const files = await served();
    expect((await post(frame({ asOf: '2024-01-02', entries: files }, 'JOINED-2'))).status).toBe(204);
    expect(await get('2024-01-02')).toMatchObject({ form: 'joined', payload: 'JOINED-2' });
    writeFileSync(path.join(data, 'c.xlsx'), 'CCCC');
    await new Promise((r) => setTimeout(r, 50));
    expect(await get('2024-01-02')).toMatchObject({ form: 'files' });
  });
});
