// The worker pool's side of the hand-back, with a stand-in Worker (Node has
// none): the pool is ready when a worker says so, every file is answered even
// when a reply cannot be read, and the other files of the load are unharmed.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Packer } from '../../dashboard/load/wire';
import type { PoolJob, PoolReply } from '../../dashboard/load/pool';

/** A worker that answers each file with a packed report of that name, or with damaged data for names starting with 坏. */
class FakeWorker {
  static made: FakeWorker[] = [];
  onmessage: ((e: { data: PoolReply }) => void) | null = null;
  onerror: ((e: unknown) => void) | null = null;
  private packer = new Packer();
  constructor() {
    FakeWorker.made.push(this);
    queueMicrotask(() => this.onmessage?.({ data: { ready: true } }));
  }
  postMessage(job: PoolJob): void {
    if (job.type !== 'read') return;
    const packed = this.packer.pack({ report: { file: job.name, status: 'ok' }, tasks: [], identities: { numbered: [], text: [] }, findings: [], units: [] });
    if (job.name.startsWith('坏')) packed.data[0] = 99;
    queueMicrotask(() => this.onmessage?.({ data: { batch: job.batch, id: job.id, packed } }));
  }
  terminate(): void {}
}

afterEach(() => {
  vi.unstubAllGlobals();
  FakeWorker.made = [];
});

describe('createPool', () => {
  it('is ready once a worker says so, and fails a file whose reply is damaged with the reason, the others read', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const { createPool } = await import('../../dashboard/load/pool');
    const pool = createPool(2);
    await pool.warm();
    expect(FakeWorker.made).toHaveLength(2);
    const session = pool.session();
    const asOf = new Date(Date.UTC(2024, 0, 1));
    const files = await Promise.all(['甲.xlsx', '坏.xlsx', '乙.xlsx'].map((n) => session.read(n, new Uint8Array(4), asOf)));
    session.end();
    expect(files.map((f) => f.report.file)).toEqual(['甲.xlsx', '坏.xlsx', '乙.xlsx']);
    expect(files.map((f) => f.report.status)).toEqual(['ok', 'refused', 'ok']);
    expect(files[1]!.report.reason).toContain('坏.xlsx');
    expect(files[1]!.report.reason).toContain('传送数据已损坏');
  });
});
