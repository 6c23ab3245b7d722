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
//   POST /api/data/parsed?form=joined   the same frame; the payload is the page's
//        result after the join (dashboard/load/joined.ts: the files, the cube's
//        arrays, the tasks), for exactly the folder's files as they were served
//   GET answers with X-Kesu-Parsed: joined when the joined result is kept for
//        this asOf and the folder holds exactly its files, each unchanged (a
//        reload then does no join at all); else X-Kesu-Parsed: files as above.
//
// asOf is the day the page judged the files without a 截至日期 as of: a parse
// from another day is not given back. A POST must carry X-Kesu-Cache: 1 (a
// page of another origin cannot send that header without a preflight this
// server never approves), so no other page can plant data in the cache.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import type { DataFile } from '../shared/io';
import type { ServedHook } from './bundle-stream';

export const PARSED_PATH = '/api/data/parsed';
/** What a page may store, both forms together: the parse of a national period (3,000 workbooks) is a few hundred MB. */
export const PARSED_MAX_BYTES = 1024 * 1024 * 1024;
/** The response header that names the form of a 200 answer. */
export const PARSED_FORM_HEADER = 'X-Kesu-Parsed';

type Form = 'files' | 'joined';

interface Stored {
  asOf: string;
  entries: DataFile[];
  hashes: string[];
  payload: Buffer;
  /**
   * The joined form's whole answer, compressed once when stored: its head
   * does not change, and the page's coded arrays shrink 15-fold (95 MB → 6 MB
   * for 100,000 tasks), which the browser inflates off the page's thread.
   */
  gzipped?: Buffer;
}

const gzipAsync = promisify(gzip);

export interface ParseCache {
  /** The bundle serves a file: remember what its bytes were (the page may store its parse of them). */
  served: ServedHook;
  /** Answers GET and POST of PARSED_PATH; false for any other path. */
  handle(req: IncomingMessage, res: ServerResponse, pathname: string, listing: () => Promise<DataFile[]>, headers: Record<string, string>): boolean;
}

/** u32 LE n and n bytes of JSON, padded with spaces so what follows starts 8-aligned (the page reads Float64Arrays in place). */
function frame(meta: unknown): Buffer {
  const json = JSON.stringify(meta);
  const head = Buffer.from(json + ' '.repeat((8 - ((4 + Buffer.byteLength(json)) % 8)) % 8));
  const len = Buffer.alloc(4);
  len.writeUInt32LE(head.length);
  return Buffer.concat([len, head]);
}

const sha1 = (bytes: Uint8Array): string => createHash('sha1').update(bytes).digest('hex');
const key = (f: DataFile): string => `${f.name}\u0000${f.size}\u0000${f.mtime}`;

export function createParseCache(dataDir: string, maxBytes = PARSED_MAX_BYTES): ParseCache {
  /** name|size|mtime → SHA-1 of the bytes served, for the files the page may store. */
  const seen = new Map<string, string>();
  /** The latest the page stored of each form. */
  const stored: Record<Form, Stored | null> = { files: null, joined: null };

  const served: ServedHook = (file) => {
    const h = createHash('sha1');
    return {
      update: (piece) => void h.update(piece),
      end: () => void seen.set(key(file), h.digest('hex')),
    };
  };

  /**
   * name → the SHA-1 of the file's bytes and the stat it was read under
   * (size, mtime, ctime, inode, in ns): any write sets ctime, which utimes
   * cannot set back, so an unchanged stat means unchanged bytes (git's index
   * relies on the same). Reading and hashing 1,000 files on every reload took
   * the server 0.3–0.6 s before it could answer.
   */
  const hashed = new Map<string, { stamp: string; hash: string }>();
  function contentHash(name: string): string | null {
    const full = path.join(dataDir, name);
    try {
      const st = statSync(full, { bigint: true });
      const stamp = `${st.size}|${st.mtimeNs}|${st.ctimeNs}|${st.ino}`;
      const known = hashed.get(name);
      if (known?.stamp === stamp) return known.hash;
      const hash = sha1(readFileSync(full));
      hashed.set(name, { stamp, hash });
      return hash;
    } catch {
      hashed.delete(name);
      return null;
    }
  }

  /** After a store, off the answer: the files' hashes, so the next reload's check is a stat each. */
  function warm(entries: readonly DataFile[], from = 0): void {
    const until = Math.min(entries.length, from + 50);
    for (let i = from; i < until; i++) contentHash(entries[i]!.name);
    if (until < entries.length) setImmediate(() => warm(entries, until));
  }

  /** Which stored entries still match the folder: same size and mtime in the listing, same content on disk. */
  function valid(entries: DataFile[], hashes: string[], files: DataFile[]): boolean[] {
    const now = new Map(files.map((f) => [f.name, f]));
    for (const name of hashed.keys()) if (!now.has(name)) hashed.delete(name);
    return entries.map((e, i) => {
      const f = now.get(e.name);
      if (!f || f.size !== e.size || f.mtime !== e.mtime) return false;
      return contentHash(e.name) === hashes[i];
    });
  }

  async function get(req: IncomingMessage, res: ServerResponse, listing: () => Promise<DataFile[]>, headers: Record<string, string>): Promise<void> {
    const asOf = new URL(req.url ?? '/', 'http://localhost').searchParams.get('asOf');
    const ofDay = (s: Stored | null): Stored | null => (s && s.asOf === asOf ? s : null);
    const j = ofDay(stored.joined);
    const s = ofDay(stored.files);
    // nothing kept for this day: answered at once (the page waits for this before it starts its workers)
    const files = j || s ? await listing() : [];
    // The joined result only for exactly its files, every one unchanged.
    if (j && files.length === j.entries.length && valid(j.entries, j.hashes, files).every(Boolean)) {
      if (j.gzipped && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
        res.writeHead(200, { ...headers, 'Content-Type': 'application/octet-stream', 'Cache-Control': 'no-store', Vary: 'Accept-Encoding', 'Content-Encoding': 'gzip', [PARSED_FORM_HEADER]: 'joined', 'Content-Length': j.gzipped.length });
        return void (req.method === 'HEAD' ? res.end() : res.end(j.gzipped));
      }
      return send(req, res, headers, 'joined', { entries: j.entries }, j.payload);
    }
    const ok = s ? valid(s.entries, s.hashes, files) : [];
    if (!s || !ok.some(Boolean)) {
      res.writeHead(204, { ...headers, 'Cache-Control': 'no-store' });
      return void res.end();
    }
    const kept = new Set(s.entries.filter((_, i) => ok[i]).map((e) => e.name));
    send(req, res, headers, 'files', { entries: s.entries, valid: ok, missing: files.filter((f) => !kept.has(f.name)).map((f) => f.name) }, s.payload);
  }

  function send(req: IncomingMessage, res: ServerResponse, headers: Record<string, string>, form: Form, meta: unknown, payload: Buffer): void {
    const head = frame(meta);
    res.writeHead(200, { ...headers, 'Content-Type': 'application/octet-stream', 'Cache-Control': 'no-store', Vary: 'Accept-Encoding', [PARSED_FORM_HEADER]: form, 'Content-Length': head.length + payload.length });
    if (req.method === 'HEAD') return void res.end();
    res.write(head);
    res.end(payload);
  }

  async function post(req: IncomingMessage, res: ServerResponse, headers: Record<string, string>): Promise<void> {
    const refuse = (status: number, why: string): void => {
      req.resume();
      res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(why);
    };
    if (req.headers['x-kesu-cache'] !== '1') return refuse(403, '只接受看板页面自己的解析结果');
    const formParam = new URL(req.url ?? '/', 'http://localhost').searchParams.get('form') ?? 'files';
    if (formParam !== 'files' && formParam !== 'joined') return refuse(400, '解析结果的格式不对，未保存');
    const form: Form = formParam;
    // Both forms together stay within the cap (the other one kept counts).
    const other = stored[form === 'joined' ? 'files' : 'joined'];
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (!(declared <= maxBytes - (other?.payload.length ?? 0))) return refuse(413, '解析结果过大或未声明大小，未保存');
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > declared) return refuse(413, '解析结果与声明的大小不符，未保存');
      chunks.push(chunk);
    }
    if (size !== declared) return refuse(400, '解析结果不完整，未保存');
    const body = Buffer.concat(chunks, size);
    let head: { asOf: string; entries: DataFile[] };
    let next: Stored;
    try {
      const n = body.readUInt32LE(0);
      head = JSON.parse(body.subarray(4, 4 + n).toString('utf8')) as typeof head;
      if (typeof head.asOf !== 'string' || !Array.isArray(head.entries)) throw new Error('shape');
      // each file once (the joined form is given back only for exactly the folder's files)
      if (new Set(head.entries.map((e) => e?.name)).size !== head.entries.length) throw new Error('shape');
      // Only files this server served, as it served them.
      const hashes = head.entries.map((e) => seen.get(key(e)));
      if (hashes.some((h) => h === undefined)) return refuse(409, '有文件不是本服务刚提供的版本，未保存');
      const entries = head.entries.map(({ name, size, mtime }) => ({ name, size, mtime }));
      const payload = body.subarray(4 + n);
      next = { asOf: head.asOf, entries, hashes: hashes as string[], payload };
    } catch {
      return refuse(400, '解析结果的格式不对，未保存');
    }
    // (in zlib's own threads: the server answers other requests meanwhile)
    if (form === 'joined') next.gzipped = await gzipAsync(Buffer.concat([frame({ entries: next.entries }), next.payload]));
    stored[form] = next;
    setImmediate(() => warm(next.entries));
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
