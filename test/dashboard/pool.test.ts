// The worker pool with stand-in Workers (Node has none): files go to the
// workers that start, a worker whose script never loads is not restarted
// and loses no file, a worker that dies while reading fails its own files
// and is replaced once, and with no worker at all the page reads the files
// itself. A reply the page cannot read fails only its file.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Packer } from '../../dashboard/load/wire';
import type { PoolJob, PoolReply } from '../../dashboard/load/pool';
import { createPool } from '../../dashboard/load/pool';
import { makeSampleData } from '../../scripts/make-sample-data';

type Mode = 'ok' | 'never-starts' | 'dies-reading';

/** Worker n behaves as modes[n] ('ok' past the list). An 'ok' worker answers each file with a packed report naming it. */
class FakeWorker {
  static modes: Mode[] = [];
  static made: FakeWorker[] = [];
  onmessage: ((e: { data: PoolReply }) => void) | null = null;
  onerror: ((e: { message: string; preventDefault(): void }) => void) | null = null;
  received: string[] = [];
  terminated = false;
  private packer = new Packer();
  private mode: Mode;
  constructor() {
    this.mode = FakeWorker.modes[FakeWorker.made.length] ?? 'ok';
    FakeWorker.made.push(this);
    // the script loads (or not) a little later, as in a browser
    setTimeout(() => {
      if (this.mode === 'never-starts') this.fail('脚本加载失败');
      else this.onmessage?.({ data: { ready: true } });
    }, 5);
  }
  private fail(message: string): void {
    this.onerror?.({ message, preventDefault() {} });
  }
  postMessage(job: PoolJob): void {
    if (this.terminated || job.type !== 'read') return;
    this.received.push(job.name);
    if (this.mode === 'never-starts') return;
    if (this.mode === 'dies-reading') return void setTimeout(() => this.fail('内存不足'), 1);
    const packed = this.packer.pack({ report: { file: job.name, status: 'ok', reason: null }, tasks: [], identities: { numbered: [], text: [] }, findings: [], units: [] });
    if (job.name.startsWith('坏')) packed.data[0] = 99;
    setTimeout(() => this.onmessage?.({ data: { batch: job.batch, id: job.id, packed } }), 1);
  }
  terminate(): void {
    this.terminated = true;
  }
}

const asOf = new Date(Date.UTC(2024, 0, 1));
let workbook: Uint8Array;

beforeAll(async () => {
  const sample = await makeSampleData();
  workbook = new Uint8Array(readFileSync(path.join(sample.dir, sample.files[0]!)));
});

function pool(modes: Mode[], size = 2) {
  FakeWorker.modes = modes;
  vi.stubGlobal('Worker', FakeWorker);
  return createPool(size);
}

async function readAll(p: ReturnType<typeof createPool>, names: string[], bytes = () => new Uint8Array(4)) {
  const s = p.session();
  const files = await Promise.all(names.map((n) => s.read(n, bytes(), asOf)));
  s.end();
  return files;
}

afterEach(() => {
  vi.unstubAllGlobals();
  FakeWorker.made = [];
});

describe('the worker pool', () => {
  it('is ready once a worker says so; a damaged reply fails only its file, with the reason', async () => {
    const p = pool(['ok', 'ok']);
    await p.warm();
    const files = await readAll(p, ['甲.xlsx', '坏.xlsx', '乙.xlsx']);
    expect(files.map((f) => f.report.file)).toEqual(['甲.xlsx', '坏.xlsx', '乙.xlsx']);
    expect(files.map((f) => f.report.status)).toEqual(['ok', 'refused', 'ok']);
    expect(files[1]!.report.reason).toContain('坏.xlsx');
    expect(files[1]!.report.reason).toContain('传送数据已损坏');
    expect(files[1]!.report.reason).toContain('请刷新页面后重试');
  });

  it('a worker whose script never loads is not restarted; the files it was given go to the other one', async () => {
    const p = pool(['never-starts', 'ok']);
    const names = ['一.xlsx', '二.xlsx', '三.xlsx', '四.xlsx'];
    const files = await readAll(p, names);
    expect(files.map((f) => f.report.status)).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(FakeWorker.made).toHaveLength(2);
    expect(FakeWorker.made[0]!.received.length).toBeGreaterThan(0);
    expect([...FakeWorker.made[1]!.received].sort()).toEqual([...names].sort());
  });

  it('with no worker able to start, the page reads the files itself', async () => {
    const p = pool(['never-starts', 'never-starts']);
    const files = await readAll(p, ['区.xlsx'], () => workbook.slice());
    expect(FakeWorker.made).toHaveLength(2);
    expect(files[0]!.report.status).toBe('ok');
    expect(files[0]!.tasks.length).toBeGreaterThan(0);
    await p.warm(); // settles: nothing to wait for
  });

  it('a worker that dies while reading fails its own files with the reason and is replaced once', async () => {
    const p = pool(['dies-reading'], 1);
    await p.warm();
    const first = await readAll(p, ['甲.xlsx']);
    expect(first[0]!.report.status).toBe('refused');
    expect(first[0]!.report.reason).toContain('内存不足');
    expect(FakeWorker.made).toHaveLength(2);
    const later = await readAll(p, ['乙.xlsx']);
    expect(later[0]!.report.status).toBe('ok');
    expect(FakeWorker.made).toHaveLength(2);
  });
});
