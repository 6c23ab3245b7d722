// The local server of `npm start`: the built pages of dist/ and, for the
// dashboard, a read-only API over one folder of workbooks (the sample data or
// `--data DIR`). node:http only; it listens on 127.0.0.1, so nothing is exposed
// to the network, and every response carries the CSP of server/csp.ts.
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createReadStream, readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { securityHeaders } from './csp';
import { isListedName, listWorkbooks, mimeOf, onceAtATime, resolveUnder, signature } from './files';
import { endFrame, errorFrame, fileFrameHead, startFrame, type DataFile, type DataListing } from '../shared/io';

export interface ServerOptions {
  /** 0 or missing: any free port. */
  port?: number;
  host?: string;
  /** Built pages; default dist/ of the current directory. */
  root?: string;
  /** Folder whose .xlsx files the dashboard loads. */
  dataDir?: string;
  /** The data folder holds the built-in sample data (the page labels it 示例数据). */
  sample?: boolean;
  /** How often the data folder is re-listed while a page listens for changes. */
  pollMs?: number;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}


const API = '/api/data';

export async function startServer(opts: ServerOptions = {}): Promise<RunningServer> {
  const root = path.resolve(opts.root ?? 'dist');
  const dataDir = opts.dataDir ? path.resolve(opts.dataDir) : null;
  const pollMs = opts.pollMs ?? 1000;
  const listeners = new Set<ServerResponse>();

  // Requests that come together share one look at the folder: a page asks
  // for the listing and the bundle at once, and 1,000 stat calls each time
  // cost the machine the page is reading on.
  const listing = onceAtATime(async (): Promise<DataListing> => {
    const files = dataDir ? await listWorkbooks(dataDir) : [];
    return { sample: !!opts.sample, folder: dataDir ? path.basename(dataDir) : null, files, version: hash(signature(files)) };
  });

  // Change detection by polling the listing: fs.watch misses changes on network
  // and container file systems, and a folder of ledgers is small.
  let lastVersion: string | null = null;
  const timer = setInterval(async () => {
    if (!listeners.size || !dataDir) return;
    const l = await listing();
    if (lastVersion !== null && l.version !== lastVersion) {
      for (const res of listeners) res.write(`event: change\ndata: ${JSON.stringify(l)}\n\n`);
    }
    lastVersion = l.version;
  }, pollMs);
  timer.unref();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // The raw path, not new URL(): URL parsing folds /../ away, and a request
    // that tries to climb out should be refused as such, not served elsewhere.
    const pathname = (req.url ?? '/').split(/[?#]/)[0] || '/';
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, pathname, 405, '不支持的请求方法');

    if (pathname === API) return json(res, pathname, await listing());
    if (pathname === API + '/events') {
      res.writeHead(200, { ...securityHeaders(pathname), 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      const l = await listing();
      lastVersion ??= l.version;
      res.write(`event: hello\ndata: ${JSON.stringify(l)}\n\n`);
      listeners.add(res);
      req.on('close', () => listeners.delete(res));
      return;
    }
    if (pathname === API + '/bundle') {
      if (!dataDir) return send(res, pathname, 404, '未配置数据文件夹');
      return bundle(req, res, pathname, dataDir, (await listing()).files);
    }
    if (pathname.startsWith(API + '/file/')) {
      if (!dataDir) return send(res, pathname, 404, '未配置数据文件夹');
      // Only what the listing would show: a workbook directly in the folder.
      const name = safeName(pathname.slice((API + '/file/').length));
      if (!name || !isListedName(name)) return send(res, pathname, 404, NO_DATA_FILE);
      return file(req, res, pathname, path.join(dataDir, name), 'no-store', NO_DATA_FILE);
    }
    if (pathname.startsWith('/api/')) return send(res, pathname, 404, '没有这个接口');

    const target = resolveUnder(root, pathname === '/' ? '/index.html' : pathname);
    if (!target) return send(res, pathname, 403, '禁止访问');
    return file(req, res, pathname, target, /\.[0-9a-f]{8}\.js$/.test(target) ? 'public, max-age=31536000, immutable' : 'no-cache', '找不到该页面');
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      if (!res.headersSent) send(res, req.url ?? '/', 500, '服务器内部错误: ' + String((e as Error).message ?? e));
      else res.end();
    });
  });
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host === '127.0.0.1' || host === '0.0.0.0' ? 'localhost' : host}:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(timer);
        for (const res of listeners) res.end();
        listeners.clear();
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

/** A data file name from the URL: one path segment, no separators. */
function safeName(encoded: string): string | null {
  let name: string;
  try {
    name = decodeURIComponent(encoded);
  } catch {
    return null;
  }
  if (!name || name.includes('/') || name.includes('\\') || name.includes('\0') || name === '.' || name === '..') return null;
  return name;
}

const NO_DATA_FILE = '数据文件夹中没有这个文件（可能刚被移走或改名），请刷新页面';

async function file(req: IncomingMessage, res: ServerResponse, page: string, full: string, cache: string, missing: string): Promise<void> {
  let size: number;
  try {
    const s = await stat(full);
    if (!s.isFile()) return send(res, page, 404, missing);
    size = s.size;
  } catch {
    return send(res, page, 404, missing);
  }
  res.writeHead(200, { ...securityHeaders(page), 'Content-Type': mimeOf(full), 'Content-Length': size, 'Cache-Control': cache });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(full).on('error', () => res.destroy()).pipe(res);
}

/**
 * Every listed workbook in one streamed response (shared/io/bundle.ts), read
 * one file at a time and written as the connection takes it, so a folder of
 * any size never sits in memory whole. A file that cannot be read gets an
 * error frame; the others still go.
 *
 * Cost matters here: the server shares the machine with the page reading
 * the files. A ledger of up to SYNC_READ_MAX bytes is read in one blocking
 * call (the promise API's open/stat/read/close, each a thread-pool round
 * trip, took five times the CPU over 1,000 small files), and frames go out
 * in writes of about WRITE_CHUNK bytes rather than two per file.
 */
async function bundle(req: IncomingMessage, res: ServerResponse, page: string, dir: string, files: DataFile[]): Promise<void> {
  res.writeHead(200, { ...securityHeaders(page), 'Content-Type': 'application/octet-stream', 'Cache-Control': 'no-store' });
  if (req.method === 'HEAD') return void res.end();
  let gone = false;
  res.on('close', () => (gone = true));
  let pending: Uint8Array[] = [startFrame(files.length)];
  let pendingBytes = 0;
  const flush = (): Promise<void> | void => {
    const chunk = pending.length === 1 ? pending[0]! : Buffer.concat(pending);
    pending = [];
    pendingBytes = 0;
    if (res.write(chunk)) return;
    return new Promise((resolve) => {
      const done = (): void => {
        res.off('drain', done).off('close', done);
        resolve();
      };
      res.on('drain', done).on('close', done);
    });
  };
  const add = (chunk: Uint8Array): Promise<void> | void => {
    pending.push(chunk);
    pendingBytes += chunk.length;
    if (pendingBytes >= WRITE_CHUNK) return flush();
  };
  for (const f of files) {
    if (gone) return;
    let bytes: Buffer;
    try {
      const full = path.join(dir, f.name);
      bytes = f.size <= SYNC_READ_MAX ? readFileSync(full) : await readFile(full);
    } catch (e) {
      await add(errorFrame(f.name, unreadable((e as NodeJS.ErrnoException).code)));
      continue;
    }
    await add(fileFrameHead(f.name, bytes.length, f.mtime));
    await add(bytes);
  }
  if (pending.length) await flush();
  if (!gone) res.end(endFrame(files.length));
}

/** Files up to this size (by the listing) are read in one blocking call: a few milliseconds at most. */
const SYNC_READ_MAX = 2 * 1024 * 1024;
/** Frames are gathered into writes of about this size. */
const WRITE_CHUNK = 256 * 1024;

/** Why the server could not read a data file, and what to do (zh-CN). */
export function unreadable(code: string | undefined): string {
  if (code === 'EBUSY' || code === 'EPERM' || code === 'EACCES') return `文件被其他程序占用或无权读取（${code}），请关闭占用它的程序（如 Excel、WPS）后保存一次，看板会自动重新读取`;
  if (code === 'ENOENT') return '读取时文件已被移走或改名，看板会在下次查看文件夹时更新';
  return `服务器无法读取该文件（${code ?? '未知原因'}），请确认文件完好后保存一次，看板会自动重新读取`;
}

function json(res: ServerResponse, page: string, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(200, { ...securityHeaders(page), 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

function send(res: ServerResponse, page: string, status: number, message: string): void {
  res.writeHead(status, { ...securityHeaders(page), 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(message);
}

function hash(s: string): string {
  // FNV-1a: a short, stable version tag for the listing; not security.
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16);
}
