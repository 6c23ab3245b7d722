// Parse once (server/parse-cache.ts): the server keeps what a page stored of
// the files it served, and gives each back only while the file has the same
// size, mtime and content; it refuses a store without the page's header, of
// files it did not serve, or of another day's judgement.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startServer } from '../../server/serve';
import type { RunningServer } from '../../server/serve';
import type { DataFile } from '../../shared/io/bundle';
import { cacheFolders, servedFiles, storeFrame } from '../support/parse-cache';

const { tmp, root, data } = cacheFolders('kesu-parse-cache-');
let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ root, dataDir: data, pollMs: 100 });
});

afterAll(async () => {
  await server?.close();
  rmSync(tmp, { recursive: true, force: true });
});

const served = (): Promise<DataFile[]> => servedFiles(server.url);

const body = storeFrame;

const post = (b: Buffer, headers: Record<string, string> = { 'X-Kesu-Cache': '1' }) =>
  fetch(server.url + 'api/data/parsed', { method: 'POST', body: new Uint8Array(b), headers: { 'Content-Type': 'application/octet-stream', ...headers } });

async function get(asOf: string): Promise<{ status: number; meta?: { entries: DataFile[]; valid: boolean[]; missing: string[] }; payload?: string }> {
  const res = await fetch(server.url + 'api/data/parsed?asOf=' + asOf);
  if (res.status !== 200) return { status: res.status };
  const b = Buffer.from(await res.arrayBuffer());
  const n = b.readUInt32LE(0);
  expect((4 + n) % 8).toBe(0);
  return { status: 200, meta: JSON.parse(b.subarray(4, 4 + n).toString('utf8')), payload: b.subarray(4 + n).toString('utf8') };
}

describe('the parse cache of the local server', () => {
  it('has nothing before a page stored anything', async () => {
    expect((await get('2024-01-02')).status).toBe(204);
  });

  it.each([
    ['no page header', {}, 403],
    ['a header of another value', { 'X-Kesu-Cache': 'yes' }, 403],
  ] as const)('refuses a store with %s', async (_, headers, status) => {
    const files = await served();
    expect((await post(body({ asOf: '2024-01-02', entries: files }, 'x'), headers)).status).toBe(status);
    expect((await get('2024-01-02')).status).toBe(204);
  });

  it('refuses files it did not serve as given (another size or mtime, another name)', async () => {
    const files = await served();
    for (const bad of [{ ...files[0]!, size: 999 }, { ...files[0]!, mtime: '2001-01-01T00:00:00.000Z' }, { ...files[0]!, name: 'c.xlsx' }]) {
      expect((await post(body({ asOf: '2024-01-02', entries: [bad] }, 'x'))).status).toBe(409);
    }
    expect((await post(Buffer.from('garbage'))).status).toBe(400);
  });

  it('gives back what was stored while the files are unchanged, for the same day only', async () => {
    const files = await served();
    expect((await post(body({ asOf: '2024-01-02', entries: files }, 'PAYLOAD'))).status).toBe(204);
    const back = await get('2024-01-02');
    expect(back.status).toBe(200);
    expect(back.meta!.entries).toEqual(files);
    expect(back.meta!.valid).toEqual([true, true]);
    expect(back.meta!.missing).toEqual([]);
    expect(back.payload).toBe('PAYLOAD');
    expect((await get('2024-01-03')).status).toBe(204);
  });

  it('a file rewritten with the same size and mtime is read again (content hash); a new file is listed as missing', async () => {
    const a = path.join(data, 'a.xlsx');
    const { atime, mtime } = statSync(a);
    writeFileSync(a, 'AAAA-ONE');
    utimesSync(a, atime, mtime);
    writeFileSync(path.join(data, 'c.xlsx'), 'CCCC');
    await new Promise((r) => setTimeout(r, 50));
    const back = await get('2024-01-02');
    expect(back.status).toBe(200);
    const names = back.meta!.entries.map((e) => e.name);
    expect(back.meta!.valid[names.indexOf('a.xlsx')]).toBe(false);
    expect(back.meta!.valid[names.indexOf('b.xlsx')]).toBe(true);
    expect(back.meta!.missing.sort()).toEqual(['a.xlsx', 'c.xlsx']);
  });

  it('nothing valid left: no answer', async () => {
    writeFileSync(path.join(data, 'b.xlsx'), 'BBBB-TWO!');
    await new Promise((r) => setTimeout(r, 50));
    expect((await get('2024-01-02')).status).toBe(204);
  });
});
