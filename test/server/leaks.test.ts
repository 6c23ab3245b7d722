// Never leak a ledger from the local server, never let one client exhaust it:
// links out of the served folders are not followed (files, listing, events,
// bundle), only loopback Host names are answered (DNS rebinding gets a 421
// and no data), HEAD answers on every route, a listener that stops reading
// is dropped with the server's buffer bounded, and a 200 MB file goes out
// in a bundle without being held in memory.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer, type RunningServer } from '../../server/serve';
import { allowedHost, hostName, parseAllowedHosts } from '../../server/host';
import { sendBundle } from '../../server/bundle-stream';
import { BundleReader } from '../../shared/io/bundle';

const tmp = mkdtempSync(path.join(tmpdir(), 'kesu-leaks-'));
const root = path.join(tmp, 'dist');
const data = path.join(tmp, 'data');
const SECRET = '机密台账内容-不应被读取';
const LEDGER = Buffer.from('PK\u0003\u0004 一份台账');
let server: RunningServer;

beforeAll(async () => {
  mkdirSync(root);
  mkdirSync(data);
  mkdirSync(path.join(tmp, 'private'));
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>看板</title>');
  writeFileSync(path.join(tmp, 'private', '机密.xlsx'), SECRET);
  writeFileSync(path.join(data, '锦江区.xlsx'), LEDGER);
  // a link out of the folder (absolute and relative), one inside it, and one out of dist/
  symlinkSync(path.join(tmp, 'private', '机密.xlsx'), path.join(data, '外链.xlsx'));
  symlinkSync('../private/机密.xlsx', path.join(data, '相对外链.xlsx'));
  symlinkSync('锦江区.xlsx', path.join(data, '内链.xlsx'));
  symlinkSync(path.join(tmp, 'private', '机密.xlsx'), path.join(root, 'leak.html'));
  server = await startServer({ root, dataDir: data, pollMs: 50 });
});

afterAll(async () => {
  await server?.close();
  rmSync(tmp, { recursive: true, force: true });
});

const port = (): number => Number(new URL(server.url).port);

/** A folder holding one sparse workbook of `size` bytes (no disk or page cache to fill; it reads as zeros). */
function sparseFolder(name: string, size: number): string {
  const dir = path.join(tmp, name);
  mkdirSync(dir);
  writeFileSync(path.join(dir, '全市汇总.xlsx'), '');
  truncateSync(path.join(dir, '全市汇总.xlsx'), size);
  return dir;
}

/** A raw connection that sends one GET and then never reads what comes back. */
function stalledGet(s: RunningServer, p: string): net.Socket {
  const sock = net.connect(Number(new URL(s.url).port), '127.0.0.1', () => sock.write(`GET ${p} HTTP/1.1\r\nHost: localhost\r\n\r\n`));
  sock.pause();
  sock.on('error', () => undefined);
  return sock;
}

/** A raw request with the Host header as given (or none), the whole answer. */
function request(p: string, opts: { host?: string | null; method?: string; s?: RunningServer } = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  const u = new URL((opts.s ?? server).url);
  const headers: Record<string, string> = {};
  if (opts.host !== null) headers.Host = opts.host ?? `localhost:${u.port}`;
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: u.port, path: p, method: opts.method ?? 'GET', headers, setHost: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.setTimeout(5_000, () => req.destroy(new Error(`no answer to ${opts.method ?? 'GET'} ${p}`)));
    req.on('error', reject);
    req.end();
  });
}

describe('symbolic links that leave the served folder', () => {
  it('are not listed; a link inside the folder is', async () => {
    const names = JSON.parse((await request('/api/data')).body.toString()).files.map((f: { name: string }) => f.name);
    expect(names.sort()).toEqual(['内链.xlsx', '锦江区.xlsx'].sort());
  });

  it.each(['外链.xlsx', '相对外链.xlsx'])('/api/data/file/%s is 404 without the file', async (name) => {
    const res = await request('/api/data/file/' + encodeURIComponent(name));
    expect(res.status).toBe(404);
    expect(res.body.toString()).not.toContain(SECRET);
  });

  it('a link inside the folder is served', async () => {
    const res = await request('/api/data/file/' + encodeURIComponent('内链.xlsx'));
    expect(res.status).toBe(200);
    expect(res.body.equals(LEDGER)).toBe(true);
  });

  it('a page of dist/ that is a link out is not served', async () => {
    const res = await request('/leak.html');
    expect([403, 404]).toContain(res.status);
    expect(res.body.toString()).not.toContain(SECRET);
  });

  it('the bundle carries the files inside and nothing from outside', async () => {
    const res = await request('/api/data/bundle');
    expect(res.body.includes(Buffer.from(SECRET))).toBe(false);
    const reader = new BundleReader();
    const entries = reader.push(new Uint8Array(res.body));
    expect(reader.finish()).toEqual({ complete: true });
    expect(entries.map((e) => e.name).sort()).toEqual(['内链.xlsx', '锦江区.xlsx'].sort());
  });

  it('a file swapped for a link out between the listing and the read gets an error frame, not the file', async () => {
    const dir = path.join(tmp, 'swap');
    mkdirSync(dir);
    symlinkSync(path.join(tmp, 'private', '机密.xlsx'), path.join(dir, 'a.xlsx'));
    const chunks: Buffer[] = [];
    const res = Object.assign(new http.ServerResponse(new http.IncomingMessage(new net.Socket())), {
      writeHead: () => res,
      write: (c: Uint8Array) => (chunks.push(Buffer.from(c)), true),
      end: (c?: Uint8Array) => (c && chunks.push(Buffer.from(c)), res),
    });
    await sendBundle({ method: 'GET' } as http.IncomingMessage, res as unknown as http.ServerResponse, {}, dir, [{ name: 'a.xlsx', size: 10, mtime: new Date().toISOString() }], 1000);
    const body = Buffer.concat(chunks);
    expect(body.includes(Buffer.from(SECRET))).toBe(false);
    const entries = new BundleReader().push(new Uint8Array(body));
    expect(entries).toEqual([{ name: 'a.xlsx', error: expect.stringContaining('数据文件夹以外') }]);
  });

  it('a change event never names a link out of the folder', async () => {
    const u = new URL(server.url);
    const change = await new Promise<string>((resolve, reject) => {
      const req = http.get({ host: u.hostname, port: u.port, path: '/api/data/events' }, (res) => {
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          if (chunk.includes('event: hello')) symlinkSync(path.join(tmp, 'private', '机密.xlsx'), path.join(data, '新外链.xlsx'));
          if (chunk.includes('event: hello')) writeFileSync(path.join(data, '新增.xlsx'), LEDGER);
          if (chunk.includes('event: change')) {
            req.destroy();
            resolve(chunk);
          }
        });
      });
      req.on('error', reject);
    });
    expect(change).toContain('新增.xlsx');
    expect(change).not.toContain('外链');
  });
});

describe('Host', () => {
  it.each([
    ['localhost', 'localhost'],
    ['localhost:3000', 'localhost'],
    ['LocalHost:3000', 'localhost'],
    ['127.0.0.1:80', '127.0.0.1'],
    ['[::1]:8080', '[::1]'],
    ['evil.example', 'evil.example'],
    ['localhost:abc', null],
    ['', null],
    [undefined, null],
    ['a b', null],
  ])('hostName(%j) → %j', (h, want) => expect(hostName(h)).toBe(want));

  it('parseAllowedHosts takes commas or spaces, lowercases, brackets IPv6', () => {
    expect(parseAllowedHosts(' Ledger.LAN, 192.168.1.20  fe80::1 ,')).toEqual(['ledger.lan', '192.168.1.20', '[fe80::1]']);
    expect(parseAllowedHosts(undefined)).toEqual([]);
    expect(allowedHost('ledger.lan:3000', ['ledger.lan'])).toBe(true);
  });

  const routes = ['/', '/index.html', '/api/data', '/api/data/bundle', '/api/data/events', '/api/data/file/' + encodeURIComponent('锦江区.xlsx')];
  const rebinding = ['evil.example', 'evil.example:PORT', '127.0.0.1.evil.example', '127.0.0.1.evil.example:PORT', 'localhost.evil.example', 'localhost.', '0.0.0.0:PORT', '192.168.1.20:PORT', '127.0.0.2:PORT'];
  it.each(rebinding)('Host %s gets 421 and no data, on every route', async (host) => {
    for (const p of routes) {
      const res = await request(p, { host: host.replace('PORT', String(port())) });
      expect(res.status, p).toBe(421);
      expect(res.body.toString(), p).toContain('--allow-host');
      expect(res.body.includes(LEDGER), p).toBe(false);
      expect(res.body.toString(), p).not.toContain('锦江区');
    }
  });

  it('a request without Host is refused too', async () => {
    const answer = await new Promise<string>((resolve, reject) => {
      const s = net.connect(port(), '127.0.0.1', () => s.write('GET /api/data HTTP/1.0\r\n\r\n'));
      let got = '';
      s.on('data', (c) => (got += c.toString()));
      s.on('end', () => resolve(got));
      s.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.[01] 421/);
    expect(answer).not.toContain('锦江区');
  });

  it.each(['localhost:PORT', '127.0.0.1:PORT', '[::1]:PORT', 'localhost'])('Host %s is answered', async (host) => {
    expect((await request('/api/data', { host: host.replace('PORT', String(port())) })).status).toBe(200);
  });

  it('a name the user allows (--allow-host) is answered, others still not', async () => {
    const s = await startServer({ root, dataDir: data, allowHosts: parseAllowedHosts('ledger.lan') });
    try {
      expect((await request('/api/data', { host: 'ledger.lan:3000', s })).status).toBe(200);
      expect((await request('/api/data', { host: 'evil.example', s })).status).toBe(421);
    } finally {
      await s.close();
    }
  });
});

describe('HEAD', () => {
  it.each([
    ['/', 200],
    ['/index.html', 200],
    ['/missing.html', 404],
    ['/api/data', 200],
    ['/api/data/events', 200],
    ['/api/data/bundle', 200],
    ['/api/data/file/' + encodeURIComponent('锦江区.xlsx'), 200],
    ['/api/data/file/none.xlsx', 404],
    ['/api/nothing', 404],
  ])('HEAD %s answers %i at once, with no body and no listener kept', async (p, status) => {
    const res = await request(p, { method: 'HEAD' });
    expect(res.status).toBe(status);
    expect(res.body.length).toBe(0);
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    await new Promise((r) => setTimeout(r, 20));
    expect(server.stats().listeners).toBe(0);
  });
});

describe('a listener that stops reading', () => {
  it('gets no more writes once its buffer is full, is dropped after the stall bound; a reading listener is not', async () => {
    const dir = path.join(tmp, 'many');
    mkdirSync(dir);
    // a listing of ~250 KB, sent again on every change
    for (let i = 0; i < 800; i++) writeFileSync(path.join(dir, `${'很长的区县台账文件名'.repeat(8)}-${i}.xlsx`), '');
    const maxQueued = 512 * 1024;
    const s = await startServer({ root, dataDir: dir, pollMs: 20, limits: { stallMs: 1_500, maxQueued } });
    const u = new URL(s.url);
    try {
      // The stalled one: a raw socket that never reads after sending its request.
      const stalled = stalledGet(s, '/api/data/events');
      // (a paused socket reports no close: the server's own count says when it is gone)
      const stalledDropped = (): boolean => s.stats().listeners === 1;
      // The reading one counts its change events.
      let changes = 0;
      const reading = http.get({ host: '127.0.0.1', port: u.port, path: '/api/data/events', headers: { Host: 'localhost' } }, (res) => {
        res.setEncoding('utf8');
        res.on('data', (c: string) => (changes += c.split('event: change').length - 1));
      });
      reading.on('error', () => undefined);
      // both connected (a busy machine may take longer than a moment)
      for (const until = Date.now() + 5_000; s.stats().listeners < 2 && Date.now() < until; ) await new Promise((r) => setTimeout(r, 20));
      expect(s.stats().listeners).toBe(2);
      let peak = 0;
      const started = Date.now();
      // (a window, not a speed goal: on a loaded machine the polls and writes take longer)
      for (let k = 0; Date.now() - started < 15_000 && !(stalledDropped() && changes > 20); k++) {
        utimesSync(path.join(dir, `${'很长的区县台账文件名'.repeat(8)}-0.xlsx`), new Date(), new Date(Date.now() + k * 1000));
        await new Promise((r) => setTimeout(r, 30));
        peak = Math.max(peak, s.stats().queuedBytes);
      }
      expect(stalledDropped()).toBe(true);
      expect(changes).toBeGreaterThan(20);
      // bounded: never more than the bound plus one event for the two listeners
      expect(peak).toBeLessThan(maxQueued + 2 * 300 * 1024);
      reading.destroy();
      stalled.destroy();
    } finally {
      await s.close();
    }
  }, 30_000);
});

describe('the bundle of a 200 MB file', () => {
  it('streams it whole with the server holding a few MB, not the file', async () => {
    const SIZE = 200 * 1024 * 1024;
    const dir = sparseFolder('big', SIZE);
    writeFileSync(path.join(dir, '小.xlsx'), LEDGER);
    const s = await startServer({ root, dataDir: dir });
    const u = new URL(s.url);
    try {
      const base = process.memoryUsage().arrayBuffers;
      let peak = 0;
      const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().arrayBuffers - base)), 5);
      // Count the bytes without keeping them; check the tail frame arrives.
      let total = 0;
      let tail = Buffer.alloc(0);
      await new Promise<void>((resolve, reject) => {
        http.get({ host: '127.0.0.1', port: u.port, path: '/api/data/bundle', headers: { Host: 'localhost' } }, (res) => {
          res.on('data', (c: Buffer) => {
            total += c.length;
            tail = Buffer.concat([tail, c]).subarray(-64);
          });
          res.on('end', resolve);
          res.on('error', reject);
        }).on('error', reject);
      });
      clearInterval(sample);
      expect(total).toBeGreaterThan(SIZE + LEDGER.length);
      expect(tail.toString()).toContain('"end":true');
      expect(peak).toBeLessThan(64 * 1024 * 1024);
    } finally {
      await s.close();
    }
  }, 60_000);

  it('a client that stops reading is dropped after the stall bound, its file closed', async () => {
    const s = await startServer({ root, dataDir: sparseFolder('big2', 64 * 1024 * 1024), limits: { stallMs: 800 } });
    try {
      stalledGet(s, '/api/data/bundle');
      await new Promise((r) => setTimeout(r, 300));
      expect(s.stats().requests).toBe(1);
      const started = Date.now();
      while (s.stats().requests > 0 && Date.now() - started < 5_000) await new Promise((r) => setTimeout(r, 20));
      expect(s.stats().requests).toBe(0);
      expect(Date.now() - started).toBeGreaterThan(300);
    } finally {
      await s.close();
    }
  }, 20_000);
});

describe('bounds on requests', () => {
  it('more bundles at once than allowed get 503 in Chinese; the next one after goes', async () => {
    const s = await startServer({ root, dataDir: sparseFolder('big3', 64 * 1024 * 1024), limits: { maxBundles: 1, stallMs: 60_000 } });
    try {
      // one bundle held open by a client that does not read
      const first = stalledGet(s, '/api/data/bundle');
      await new Promise((r) => setTimeout(r, 300));
      const second = await request('/api/data/bundle', { s, method: 'HEAD' });
      expect(second.status).toBe(503);
      expect((await request('/api/data/bundle', { s })).body.toString()).toContain('请稍后刷新页面');
      // the listing and the pages still answer meanwhile
      expect((await request('/api/data', { s })).status).toBe(200);
      first.destroy();
      await new Promise((r) => setTimeout(r, 100));
      expect((await request('/api/data/bundle', { s, method: 'HEAD' })).status).toBe(200);
    } finally {
      await s.close();
    }
  }, 20_000);

  it('more requests at once than allowed get 503', async () => {
    const s = await startServer({ root, dataDir: data, limits: { maxRequests: 2 } });
    try {
      // two requests whose answers are never read nor finished: sockets that send a request and stall
      writeFileSync(path.join(root, 'big.bin'), '');
      truncateSync(path.join(root, 'big.bin'), 64 * 1024 * 1024);
      const held = [stalledGet(s, '/big.bin'), stalledGet(s, '/big.bin')];
      await new Promise((r) => setTimeout(r, 300));
      const third = await request('/api/data', { s });
      expect(third.status).toBe(503);
      expect(third.body.toString()).toContain('服务器正忙');
      for (const c of held) c.destroy();
      await new Promise((r) => setTimeout(r, 100));
      expect((await request('/api/data', { s })).status).toBe(200);
    } finally {
      await s.close();
    }
  }, 20_000);
});
