// Parse once (issue #16): the dashboard's page reads the data folder's
// workbooks in its Web Workers, then hands what it read back here; a reload
// of an unchanged folder gets that back instead of the workbooks, and
// nothing is parsed again. The server keeps one set (the latest the page
// stored), opaque to it, with each file's size, mtime and the SHA-1 of the
// bytes it served: an entry is given back only while the file on disk has
// the same size, mtime and content, so a file rewritten within the same
// second with the same size is still read again.
//
//   POST /api/data/parsed   u32 LE n, n bytes of JSON { asOf, entries: [{ name, size, mtime }] }, then the payload
//   GET  /api/data/parsed?asOf=YYYY-MM-DD
//        204 nothing kept for this asOf (or nothing still valid)
//        200 u32 LE n, n bytes of JSON { entries: [{ name, size, mtime }], valid: boolean[], missing: string[] }
//            (padded so the payload starts at a multiple of 8), then the payload
//
// asOf is the day the page judged the files without a 截至日期 as of: a parse
// from another day is not given back. A POST must carry X-Kesu-Cache: 1 (a
// page of another origin cannot send that header without a preflight this
// server never approves), so no other page can plant data in the cache.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import type { DataFile } from '../shared/io';
import type { ServedHook } from './bundle-stream';

export const PARSED_PATH = '/api/data/parsed';
/** What a page may store: the parse of a national period (3,000 workbooks) is a few hundred MB. */
export const PARSED_MAX_BYTES = 1024 * 1024 * 1024;

interface Stored {
  asOf: string;
  entries: DataFile[];
  hashes: string[];
  payload: Buffer;
}

export interface ParseCache {
  /** The bundle serves a file: remember what its bytes were (the page may store its parse of them). */
  served: ServedHook;
  /** Answers GET and POST of PARSED_PATH; false for any other path. */
  handle(req: IncomingMessage, res: ServerResponse, pathname: string, listing: () => Promise<DataFile[]>, headers: Record<string, string>): boolean;
}

const sha1 = (bytes: Uint8Array): string => createHash('sha1').update(bytes).digest('hex');
const key = (f: DataFile): string => `${f.name}\u0000${f.size}\u0000${f.mtime}`;

export function createParseCache(dataDir: string): ParseCache {
  /** name|size|mtime → SHA-1 of the bytes served, for the files the page may store. */
  const seen = new Map<string, string>();
  let stored: Stored | null = null;

  const served: ServedHook = (file) => {
    const h = createHash('sha1');
    return {
      update: (piece) => void h.update(piece),
      end: () => void seen.set(key(file), h.digest('hex')),
    };
  };

  /** Which stored entries still match the folder: same size and mtime in the listing, same content on disk. */
  function valid(entries: DataFile[], hashes: string[], files: DataFile[]): boolean[] {
    const now = new Map(files.map((f) => [f.name, f]));
    return entries.map((e, i) => {
      const f = now.get(e.name);
      if (!f || f.size !== e.size || f.mtime !== e.mtime) return false;
      try {
        return sha1(readFileSync(path.join(dataDir, e.name))) === hashes[i];
      } catch {
        return false;
      }
    });
  }

  async function get(req: IncomingMessage, res: ServerResponse, listing: () => Promise<DataFile[]>, headers: Record<string, string>): Promise<void> {
    const asOf = new URL(req.url ?? '/', 'http://localhost').searchParams.get('asOf');
    const s = stored;
    // nothing kept for this day: answered at once (the page waits for this before it starts its workers)
    const files = s && s.asOf === asOf ? await listing() : [];
    const ok = s && s.asOf === asOf ? valid(s.entries, s.hashes, files) : [];
    if (!s || !ok.some(Boolean)) {
      res.writeHead(204, { ...headers, 'Cache-Control': 'no-store' });
      return void res.end();
    }
    const kept = new Set(s.entries.filter((_, i) => ok[i]).map((e) => e.name));
    // padded with spaces so the payload starts 8-aligned (the page reads Float64Arrays in place)
    const json = JSON.stringify({ entries: s.entries, valid: ok, missing: files.filter((f) => !kept.has(f.name)).map((f) => f.name) });
    const head = Buffer.from(json + ' '.repeat((8 - ((4 + Buffer.byteLength(json)) % 8)) % 8));
    const len = Buffer.alloc(4);
    len.writeUInt32LE(head.length);
    res.writeHead(200, { ...headers, 'Content-Type': 'application/octet-stream', 'Cache-Control': 'no-store', 'Content-Length': 4 + head.length + s.payload.length });
    if (req.method === 'HEAD') return void res.end();
    res.write(len);
    res.write(head);
    res.end(s.payload);
  }

  async function post(req: IncomingMessage, res: ServerResponse, headers: Record<string, string>): Promise<void> {
    const refuse = (status: number, why: string): void => {
      req.resume();
      res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(why);
    };
    if (req.headers['x-kesu-cache'] !== '1') return refuse(403, '只接受看板页面自己的解析结果');
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (!(declared <= PARSED_MAX_BYTES)) return refuse(413, '解析结果过大或未声明大小，未保存');
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > declared) return refuse(413, '解析结果与声明的大小不符，未保存');
      chunks.push(chunk);
    }
    const body = Buffer.concat(chunks, size);
    let head: { asOf: string; entries: DataFile[] };
    try {
      const n = body.readUInt32LE(0);
      head = JSON.parse(body.subarray(4, 4 + n).toString('utf8')) as typeof head;
      if (typeof head.asOf !== 'string' || !Array.isArray(head.entries)) throw new Error('shape');
      // Only files this server served, as it served them.
      const hashes = head.entries.map((e) => seen.get(key(e)));
      if (hashes.some((h) => h === undefined)) return refuse(409, '有文件不是本服务刚提供的版本，未保存');
      stored = { asOf: head.asOf, entries: head.entries.map(({ name, size, mtime }) => ({ name, size, mtime })), hashes: hashes as string[], payload: body.subarray(4 + n) };
    } catch {
      return refuse(400, '解析结果的格式不对，未保存');
    }
    res.writeHead(204, { ...headers, 'Cache-Control': 'no-store' });
    res.end();
  }

  return {
    served,
    handle(req, res, pathname, listing, headers) {
      if (pathname !== PARSED_PATH) return false;
      const run = req.method === 'POST' ? post(req, res, headers) : req.method === 'GET' || req.method === 'HEAD' ? get(req, res, listing, headers) : null;
      if (!run) {
        res.writeHead(405, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('不支持的请求方法');
        return true;
      }
      run.catch(() => {
        if (!res.headersSent) res.writeHead(500, headers);
        res.end();
      });
      return true;
    },
  };
}
