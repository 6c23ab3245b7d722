// The dashboard's loader outside a browser (no Web Workers: the files are
// read on the calling thread by the same mergeFile): inputs arriving one by
// one, a file whose bytes cannot be had, two files of one name, progress.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadWorkbooks } from '../../dashboard/load';
import type { MergeInput } from '../../shared/merge';
import { makeSampleData } from '../../scripts/make-sample-data';

describe('loadWorkbooks', () => {
  it('reads inputs as they arrive, names a file it could not get, and keeps two files of one name apart', async () => {
    const sample = await makeSampleData();
    const [a, b] = sample.files;
    const bytes = (n: string) => new Uint8Array(readFileSync(path.join(sample.dir, n!)));
    async function* arriving(): AsyncGenerator<MergeInput> {
      yield { name: a!, bytes: bytes(a!) };
      await new Promise((r) => setTimeout(r, 5));
      yield { name: '断开.xlsx', bytes: () => Promise.reject(new Error('服务器返回 500')) };
      yield { name: b!, bytes: bytes(b!) };
      yield { name: a!, bytes: bytes(a!) };
    }
    const seen: [number, number][] = [];
    let total = 3;
    const files = await loadWorkbooks(arriving(), () => total, 'server', (done, n) => {
      seen.push([done, n]);
      total = 4;
    });
    expect(files.map((f) => f.report.file)).toEqual([a, '断开.xlsx', b, `${a} (2)`]);
    expect(files.map((f) => f.report.status)).toEqual(['ok', 'refused', 'ok', 'ok']);
    expect(files[1]!.report.reason).toBe('断开.xlsx: 无法打开文件(服务器返回 500)。');
    // the copy of the first file reports the same tasks: caught as duplicates, counted once
    expect(files[3]!.tasks).toHaveLength(0);
    expect(files[3]!.report.duplicatesDropped).toBe(files[0]!.tasks.length);
    expect(files.every((f) => f.origin === 'server')).toBe(true);
    expect(seen.map(([d]) => d).sort((x, y) => x - y)).toEqual([1, 2, 3, 4]);
    expect(seen.at(-1)![1]).toBe(4);
  });
});
