// The local server of `npm start`: the built pages of dist/ and, for the
// dashboard, a read-only API over one folder of workbooks (the sample data or
// `--data DIR`). node:http only; it listens on 127.0.0.1, so nothing is exposed
// to the network, and every response carries the CSP of server/csp.ts.
//
// The rules that keep a ledger from leaking (docs/reliability.md):
// - only Host localhost, 127.0.0.1, [::1] (any port) and names the user
//   allows are answered (421 otherwise, no data): DNS rebinding gets nothing;
// - nothing outside the served folders, not even through a symbolic link;
// - bounded: concurrent requests, event listeners (backpressure, stalled ones
//   dropped), what one bundle request holds.
import { createServer } from 'node:http';
import { pipeline } from 'node:stream';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { securityHeaders } from './csp';
import { isListedName, listWorkbooks, mimeOf, onceAtATime, openInside, resolveUnder, signature } from './files';
import { allowedHost } from './host';
import { EVENT_LIMITS, EventHub, type EventLimits } from './events';
import { sendBundle } from './bundle-stream';
import { createParseCache, PARSED_MAX_BYTES, PARSED_PATH } from './parse-cache';
import type { DataListing } from '../shared/io';

export { unreadable } from './bundle-stream';

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
  /** Host names answered besides localhost, 127.0.0.1 and [::1] (--allow-host, KESU_ALLOW_HOSTS). */
  allowHosts?: string[];
  /** Bounds; the defaults suit one person's machine. */
  limits?: Partial<ServerLimits>;
}

export interface ServerLimits extends EventLimits {
  /** Requests handled at once (event listeners not counted); more get 503. */
  maxRequests: number;
  /** Bundles streamed at once; more get 503. */
  maxBundles: number;
  /** A comment line to every listener this often. */
  pingMs: number;
  /** What a page may store in the parse cache, both forms together (parse-cache.ts). */
  parsedBytes: number;
}

export const SERVER_LIMITS: ServerLimits = { ...EVENT_LIMITS, maxRequests: 64, maxBundles: 4, pingMs: 15_000, parsedBytes: PARSED_MAX_BYTES };

export interface RunningServer {
  url: string;
  /** What the server holds now (for monitoring and tests). */
  stats(): { listeners: number; queuedBytes: number; requests: number };
  close(): Promise<void>;
}

const API = '/api/data';

export async function startServer(opts: ServerOptions = {}): Promise<RunningServer> {
  const root = path.resolve(opts.root ?? 'dist');
  const dataDir = opts.dataDir ? path.resolve(opts.dataDir) : null;
  const pollMs = opts.pollMs ?? 1000;
  const limits: ServerLimits = { ...SERVER_LIMITS, ...opts.limits };
  const allow = opts.allowHosts ?? [];
  const hub = new EventHub(limits);
  let requests = 0;
  let bundles = 0;
  // What the page parsed, given back on a reload of an unchanged folder (parse-cache.ts).
  const parsed = dataDir ? createParseCache(dataDir, limits.parsedBytes) : null;

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
  let lastPing = Date.now();
  const timer = setInterval(async () => {
    hub.sweep();
    if (!hub.size || !dataDir) return;
    if (Date.now() - lastPing >= limits.pingMs) {
      lastPing = Date.now();
      hub.ping();
    }
    const l = await listing();
    if (lastVersion !== null && l.version !== lastVersion) hub.send(`event: change\ndata: ${JSON.stringify(l)}\n\n`);
    lastVersion = l.version;
  }, pollMs);
  timer.unref();

  async function handle(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (parsed?.handle(req, res, pathname, async () => (await listing()).files, securityHeaders(pathname))) return;
    if (pathname === API) return json(res, pathname, await listing());
    if (pathname === API + '/events') {
      if (!hub.hasRoom()) return send(res, pathname, 503, '正在监听数据文件夹的页面过多，请关闭不用的看板页面后刷新');
      res.writeHead(200, { ...securityHeaders(pathname), 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      // HEAD: the headers say what the stream is; nothing listens
      if (req.method === 'HEAD') return void res.end();
      const l = await listing();
      lastVersion ??= l.version;
      if (res.destroyed) return;
      res.write(`event: hello\ndata: ${JSON.stringify(l)}\n\n`);
      hub.add(res);
      return;
    }
    if (pathname === API + '/bundle') {
      if (!dataDir) return send(res, pathname, 404, '未配置数据文件夹');
      if (bundles >= limits.maxBundles) return send(res, pathname, 503, '同时读取数据文件夹的请求过多，请稍后刷新页面');
      bundles++;
      try {
        return await sendBundle(req, res, securityHeaders(pathname), dataDir, (await listing()).files, limits.stallMs, parsed?.served);
      } finally {
        bundles--;
      }
    }
    if (pathname.startsWith(API + '/file/')) {
      if (!dataDir) return send(res, pathname, 404, '未配置数据文件夹');
      // Only what the listing would show: a workbook directly in the folder (a link only to a file inside it).
      const name = safeName(pathname.slice((API + '/file/').length));
      if (!name || !isListedName(name)) return send(res, pathname, 404, NO_DATA_FILE);
      return file(req, res, pathname, dataDir, path.join(dataDir, name), 'no-store', NO_DATA_FILE);
    }
    if (pathname.startsWith('/api/')) return send(res, pathname, 404, '没有这个接口');

    const target = resolveUnder(root, pathname === '/' ? '/index.html' : pathname);
    if (!target) return send(res, pathname, 403, '禁止访问');
    return file(req, res, pathname, root, target, /\.[0-9a-f]{8}\.js$/.test(target) ? 'public, max-age=31536000, immutable' : 'no-cache', '找不到该页面');
  }

  const server = createServer((req, res) => {
    // The raw path, not new URL(): URL parsing folds /../ away, and a request
    // that tries to climb out should be refused as such, not served elsewhere.
    const pathname = (req.url ?? '/').split(/[?#]/)[0] || '/';
    if (!allowedHost(req.headers.host, allow)) return send(res, pathname, 421, WRONG_HOST);
    // (POST only for the page to hand back what it parsed: parse-cache.ts)
    if (req.method !== 'GET' && req.method !== 'HEAD' && !(req.method === 'POST' && parsed && pathname === PARSED_PATH)) return send(res, pathname, 405, '不支持的请求方法');
    const long = pathname === API + '/events';
    if (!long && requests >= limits.maxRequests) return send(res, pathname, 503, '服务器正忙，请稍后刷新页面');
    if (!long) {
      requests++;
      res.once('close', () => requests--);
    }
    handle(req, res, pathname).catch((e) => {
      if (!res.headersSent) send(res, pathname, 500, '服务器内部错误: ' + String((e as Error).message ?? e));
      else res.destroy();
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
    stats: () => ({ listeners: hub.size, queuedBytes: hub.queuedBytes(), requests }),
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(timer);
        hub.close();
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

const WRONG_HOST = '本服务只接受以 localhost、127.0.0.1 或 [::1] 访问（防止其他网站借 DNS 重绑定读取台账）。如确需用其他地址访问，请在启动时用 --allow-host 指定该地址。';

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

/** A file of `folder` (links followed only while they stay inside it), streamed. */
async function file(req: IncomingMessage, res: ServerResponse, page: string, folder: string, full: string, cache: string, missing: string): Promise<void> {
  const opened = await openInside(folder, full);
  if (!opened) return send(res, page, 404, missing);
  res.writeHead(200, { ...securityHeaders(page), 'Content-Type': mimeOf(full), 'Content-Length': opened.size, 'Cache-Control': cache });
  if (req.method === 'HEAD') {
    await opened.handle.close();
    return void res.end();
  }
  if (opened.size === 0) {
    await opened.handle.close();
    return void res.end();
  }
  // Read in 64 KB pieces as the connection takes them (backpressure); exactly the size announced.
  // pipeline closes the file however the response ends, a client gone midway included.
  pipeline(opened.handle.createReadStream({ start: 0, end: opened.size - 1 }), res, () => undefined);
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
