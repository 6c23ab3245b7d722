// The local server: CSP and nosniff on every response (pages, scripts, the
// data API, errors), no way out of dist/ or the data folder, the --data listing
// and change events. Runs over a small fake dist/ in a temp folder.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { startServer, unreadable } from '../../server/serve';
import type { RunningServer } from '../../server/serve';
import { contentSecurityPolicy, OFFICE_SCRIPT } from '../../server/csp';
import { onceAtATime, resolveUnder } from '../../server/files';
import { BundleReader } from '../../shared/io/bundle';
import { EXAMPLE_XLSX } from '../support/paths';

const EXAMPLE = EXAMPLE_XLSX;
const tmp = mkdtempSync(path.join(tmpdir(), 'kesu-serve-'));
const root = path.join(tmp, 'dist');
const data = path.join(tmp, 'data');
const example = readFileSync(EXAMPLE);
let server: RunningServer;

beforeAll(async () => {
  mkdirSync(root);
  mkdirSync(data);
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>看板</title>');
  writeFileSync(path.join(root, 'demo.html'), '<!doctype html><title>演示</title>');
  writeFileSync(path.join(root, 'taskpane.html'), '<!doctype html><title>任务窗格</title>');
  writeFileSync(path.join(root, 'dashboard.0123abcd.js'), 'console.log(1)');
  writeFileSync(path.join(tmp, 'secret.txt'), '不应被读取');
  writeFileSync(path.join(data, '锦江区-2023H1.xlsx'), example);
  writeFileSync(path.join(data, '说明.txt'), 'not a workbook');
  writeFileSync(path.join(data, '~$锦江区-2023H1.xlsx'), 'lock file');
  server = await startServer({ root, dataDir: data, pollMs: 100 });
});

afterAll(async () => {
  await server?.close();
  rmSync(tmp, { recursive: true, force: true });
});

/** Raw GET (fetch would normalise ../ away before sending). */
function get(pathname: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  const u = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: u.hostname, port: u.port, path: pathname, method: 'GET' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('security headers', () => {
  it.each([
    ['/', 200],
    ['/index.html', 200],
    ['/demo.html', 200],
    ['/taskpane.html', 200],
    ['/dashboard.0123abcd.js', 200],
    ['/api/data', 200],
    ['/api/data/bundle', 200],
    ['/api/data/file/' + encodeURIComponent('锦江区-2023H1.xlsx'), 200],
    ['/api/data/file/nothing.xlsx', 404],
    ['/api/nothing', 404],
    ['/missing.html', 404],
    ['/../secret.txt', 403],
  ])('%s → %i with CSP and nosniff', async (p, status) => {
    const res = await get(p);
    expect(res.status).toBe(status);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/connect-src[^;]*(https?:|\*|ws:)/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it.each([
    ['/taskpane.html', true],
    ['/index.html', false],
    ['/demo.html', false],
    ['/api/data', false],
  ])('Office script allowed for %s: %s', async (p, office) => {
    const csp = String((await get(p)).headers['content-security-policy']);
    expect(csp.includes(OFFICE_SCRIPT)).toBe(office);
    const script = csp.split(';').map((s) => s.trim()).find((s) => s.startsWith('script-src'))!;
    expect(script).not.toContain("'unsafe-inline'");
    expect(script).not.toContain("'unsafe-eval'");
  });

  it('every directive lists only the page itself, data:, blob: or Office', () => {
    for (const page of ['index.html', 'taskpane.html']) {
      for (const directive of contentSecurityPolicy(page).split(';')) {
        const sources = directive.trim().split(/\s+/).slice(1);
        for (const s of sources) expect(["'self'", "'none'", "'unsafe-inline'", 'data:', 'blob:', OFFICE_SCRIPT]).toContain(s);
      }
    }
  });
});

describe('no traversal', () => {
  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/%2E%2E%2Fsecret.txt', '/..%5csecret.txt', '/a/../../secret.txt', '/%00index.html', '/%E0%A4%A'])('%s is refused', async (p) => {
    const res = await get(p);
    expect([403, 404]).toContain(res.status);
    expect(res.body.toString()).not.toContain('不应被读取');
  });

  it.each(['../secret.txt', '%2e%2e%2Fsecret.txt', '..%2F..%2Fsecret.txt', '%2E%2E', encodeURIComponent('说明.txt'), encodeURIComponent('~$锦江区-2023H1.xlsx')])('data file %s is refused', async (name) => {
    const res = await get('/api/data/file/' + name);
    expect(res.status).toBe(404);
    expect(res.body.toString()).not.toContain('不应被读取');
  });

  it.each([
    ['/index.html', true],
    ['/sub/../index.html', false],
    ['/../x', false],
    ['/a%2F..%2F..%2Fx', false],
  ])('resolveUnder(%s) inside: %s', (p, ok) => {
    const r = resolveUnder(root, p);
    expect(r !== null).toBe(ok);
    if (r) expect(r.startsWith(root)).toBe(true);
  });
});

describe('data folder API', () => {
  it('lists the .xlsx files with size and mtime, skipping lock files and others', async () => {
    const res = await get('/api/data');
    const body = JSON.parse(res.body.toString());
    expect(body.sample).toBe(false);
    expect(body.folder).toBe('data');
    expect(body.files.map((f: { name: string }) => f.name)).toEqual(['锦江区-2023H1.xlsx']);
    expect(body.files[0].size).toBe(example.length);
    expect(Number.isNaN(Date.parse(body.files[0].mtime))).toBe(false);
    expect(JSON.stringify(body)).not.toContain(tmp);
  });

  it('streams every listed file in one bundle, with the listing\'s mtime and nothing else', async () => {
    const listing = JSON.parse((await get('/api/data')).body.toString());
    const res = await get('/api/data/bundle');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/octet-stream');
    const reader = new BundleReader();
    const entries = reader.push(new Uint8Array(res.body));
    expect(reader.finish()).toEqual({ complete: true });
    expect(reader.total).toBe(1);
    expect(entries.map((e) => e.name)).toEqual(['锦江区-2023H1.xlsx']);
    const file = entries[0] as { bytes: Uint8Array; mtime: string };
    expect(Buffer.compare(Buffer.from(file.bytes), example)).toBe(0);
    expect(file.mtime).toBe(listing.files[0].mtime);
  });

  it('serves the bytes of a listed file', async () => {
    const res = await get('/api/data/file/' + encodeURIComponent('锦江区-2023H1.xlsx'));
    expect(Buffer.compare(res.body, example)).toBe(0);
    expect(res.headers['content-type']).toContain('spreadsheetml');
  });

  it('announces a new file over the event stream', async () => {
    const u = new URL(server.url);
    const events: string[] = [];
    const done = new Promise<string>((resolve, reject) => {
      const req = http.get({ host: u.hostname, port: u.port, path: '/api/data/events' }, (res) => {
        expect(res.headers['content-security-policy']).toContain("connect-src 'self'");
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          events.push(chunk);
          if (chunk.includes('event: hello')) writeFileSync(path.join(data, '新增.xlsx'), example);
          if (chunk.includes('event: change')) {
            req.destroy();
            resolve(chunk);
          }
        });
      });
      req.on('error', reject);
    });
    const change = await done;
    expect(change).toContain('新增.xlsx');
    expect(events[0]).toContain('event: hello');
  });
});

describe('onceAtATime (one look at the folder for requests that come together)', () => {
  it('callers while it runs share one run; a call after it settles runs it again', async () => {
    let runs = 0;
    let release!: (n: number) => void;
    const look = onceAtATime(() => {
      runs++;
      return new Promise<number>((resolve) => (release = resolve));
    });
    const a = look();
    const b = look();
    expect(b).toBe(a);
    expect(runs).toBe(1);
    release(7);
    expect(await a).toBe(7);
    await Promise.resolve();
    const c = look();
    expect(c).not.toBe(a);
    expect(runs).toBe(2);
    release(8);
    expect(await c).toBe(8);
  });

  it('a failed run is not kept: the next call runs again', async () => {
    let runs = 0;
    const look = onceAtATime(async () => {
      if (++runs === 1) throw new Error('EBUSY');
      return runs;
    });
    await expect(look()).rejects.toThrow('EBUSY');
    await Promise.resolve();
    expect(await look()).toBe(2);
  });
});

describe('the bundle of a larger folder', () => {
  // Many small files (frames gathered into shared writes), one over the size
  // read in a single blocking call: every file arrives whole, in listing order.
  it('brings every file byte for byte, small and large, in the listing\'s order', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kesu-bundle-'));
    const sizes = [...Array.from({ length: 60 }, (_, i) => 5_000 + i * 97), 3 * 1024 * 1024 + 17, ...Array.from({ length: 30 }, (_, i) => 300_000 + i)];
    const written = new Map<string, Buffer>();
    sizes.forEach((size, i) => {
      const bytes = Buffer.alloc(size, i % 251);
      bytes.write(`文件${i}`, 0);
      const name = `区${String(i).padStart(2, '0')}.xlsx`;
      writeFileSync(path.join(dir, name), bytes);
      written.set(name, bytes);
    });
    const s = await startServer({ root, dataDir: dir });
    // Waiting for the connection to drain must not leave a listener behind per wait.
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on('warning', onWarning);
    try {
      const listing = (await (await fetch(s.url + 'api/data')).json()) as { files: { name: string }[] };
      const reader = new BundleReader();
      const entries = reader.push(new Uint8Array(await (await fetch(s.url + 'api/data/bundle')).arrayBuffer()));
      expect(reader.finish()).toEqual({ complete: true });
      expect(entries.map((e) => e.name)).toEqual(listing.files.map((f) => f.name));
      expect(entries).toHaveLength(sizes.length);
      for (const e of entries) expect(Buffer.compare(Buffer.from((e as { bytes: Uint8Array }).bytes), written.get(e.name)!)).toBe(0);
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings).not.toContain('MaxListenersExceededWarning');
    } finally {
      process.off('warning', onWarning);
      await s.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('without a data folder', () => {
  it('lists nothing and still sends the CSP', async () => {
    const s = await startServer({ root });
    try {
      const res = await fetch(s.url + 'api/data');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect((await res.json()).files).toEqual([]);
      const bundle = await fetch(s.url + 'api/data/bundle');
      expect(bundle.status).toBe(404);
      expect(await bundle.text()).toBe('未配置数据文件夹');
    } finally {
      await s.close();
    }
  });
});

describe('a data file the server cannot read', () => {
  it.each([
    ['EBUSY', '文件被其他程序占用或无权读取（EBUSY），请关闭占用它的程序（如 Excel、WPS）后保存一次，看板会自动重新读取'],
    ['EACCES', '文件被其他程序占用或无权读取（EACCES），请关闭占用它的程序（如 Excel、WPS）后保存一次，看板会自动重新读取'],
    ['ENOENT', '读取时文件已被移走或改名，看板会在下次查看文件夹时更新'],
    ['EIO', '服务器无法读取该文件（EIO），请确认文件完好后保存一次，看板会自动重新读取'],
    [undefined, '服务器无法读取该文件（未知原因），请确认文件完好后保存一次，看板会自动重新读取'],
  ])('%s: says why in Chinese and what to do', (code, text) => {
    expect(unreadable(code)).toBe(text);
  });

  it('a data file that is not there gets a message about the data folder, not about a page', async () => {
    const res = await get('/api/data/file/' + encodeURIComponent('没有这个.xlsx'));
    expect(res.status).toBe(404);
    expect(res.body.toString()).toBe('数据文件夹中没有这个文件（可能刚被移走或改名），请刷新页面');
  });
});
