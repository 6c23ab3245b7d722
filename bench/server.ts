// The local server under abuse (issue 12), each in a server process of its
// own so its memory is measured alone (VmHWM/VmRSS from /proc, Linux):
// - server.stalled_listener_mb: how much the server grows in 20 s while one
//   page listens for changes without reading, the folder (800 workbooks)
//   changing 20 times a second (it used to grow by hundreds of MB);
// - server.bundle_200mb_peak_mb: the server's peak while two pages take the
//   bundle of a folder holding a 200 MB workbook at once (it read each file
//   whole: 870 MB).
// KESU_SERVER_MODULE=/path/to/server/serve.ts measures another checkout's
// server (a before/after comparison in the same run).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const MODULE = process.env.KESU_SERVER_MODULE ?? path.resolve(here, '../server/serve.ts');

/** Child mode: start the server on a folder, print the port, run until killed. */
async function child(module: string, dir: string, root: string): Promise<void> {
  const { startServer } = (await import(pathToFileURL(module).href)) as typeof import('../server/serve');
  const s = await startServer({ root, dataDir: dir, pollMs: 50 });
  process.stdout.write(new URL(s.url).port + '\n');
}

const mem = (pid: number, field: 'VmRSS' | 'VmHWM'): number => {
  const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
};

async function startChild(dir: string, root: string): Promise<{ pid: number; port: number; stop: () => void }> {
  const p = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', MODULE, dir, root], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    p.stdout.once('data', (d: Buffer) => resolve(Number(d.toString().trim())));
    p.once('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  return { pid: p.pid!, port, stop: () => p.kill('SIGKILL') };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function stalledListener(tmp: string, root: string, log: (s: string) => void): Promise<number> {
  const dir = path.join(tmp, 'many');
  mkdirSync(dir);
  const name = (i: number) => `${'很长的区县台账文件名'.repeat(8)}-${i}.xlsx`;
  for (let i = 0; i < 800; i++) writeFileSync(path.join(dir, name(i)), '');
  const s = await startChild(dir, root);
  try {
    const sock = net.connect(s.port, '127.0.0.1', () => sock.write('GET /api/data/events HTTP/1.1\r\nHost: localhost\r\n\r\n'));
    sock.pause();
    sock.on('error', () => undefined);
    await sleep(500);
    const before = mem(s.pid, 'VmRSS');
    const started = Date.now();
    for (let k = 0; Date.now() - started < 20_000; k++) {
      utimesSync(path.join(dir, name(0)), new Date(), new Date(Date.now() + k * 1000));
      await sleep(50);
    }
    const after = mem(s.pid, 'VmRSS');
    log(`停滞监听 20 秒: 服务器 RSS ${before.toFixed(0)} → ${after.toFixed(0)} MB`);
    sock.destroy();
    return after - before;
  } finally {
    s.stop();
  }
}

async function bundle200(tmp: string, root: string, log: (s: string) => void): Promise<number> {
  const dir = path.join(tmp, 'big');
  mkdirSync(dir);
  writeFileSync(path.join(dir, '全市汇总.xlsx'), '');
  truncateSync(path.join(dir, '全市汇总.xlsx'), 200 * 1024 * 1024);
  const s = await startChild(dir, root);
  try {
    const take = () =>
      new Promise<number>((resolve, reject) => {
        let n = 0;
        http
          .get({ host: '127.0.0.1', port: s.port, path: '/api/data/bundle', headers: { Host: 'localhost' } }, (res) => {
            res.on('data', (c: Buffer) => (n += c.length));
            res.on('end', () => resolve(n));
          })
          .on('error', reject);
      });
    const [a, b] = await Promise.all([take(), take()]);
    const peak = mem(s.pid, 'VmHWM');
    log(`两个请求同时取 200 MB 文件的 bundle(各 ${(a / 2 ** 20).toFixed(0)}、${(b / 2 ** 20).toFixed(0)} MB): 服务器峰值 ${peak.toFixed(0)} MB`);
    return peak;
  } finally {
    s.stop();
  }
}

export async function run(log: (s: string) => void): Promise<Record<string, number | string>> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'kesu-bench-server-'));
  const root = path.join(tmp, 'dist');
  mkdirSync(root);
  writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
  try {
    log(`服务器: ${path.relative(process.cwd(), MODULE) || MODULE}`);
    const stalled = await stalledListener(tmp, root, log);
    const bundle = await bundle200(tmp, root, log);
    return { 'server.stalled_listener_mb': Math.round(stalled), 'server.bundle_200mb_peak_mb': Math.round(bundle) };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') await child(process.argv[3]!, process.argv[4]!, process.argv[5]!);
