// The bundle format between the local server and the dashboard: files come
// out whole however the stream is cut into chunks, error frames name their
// file, and a stream cut short is told apart from a finished one.
import { describe, expect, it } from 'vitest';
import { BundleReader, endFrame, errorFrame, fileFrameHead, startFrame } from '../../shared/io/bundle';
import type { BundleEntry } from '../../shared/io/bundle';

const enc = new TextEncoder();
const concat = (parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
};

const FILES: [string, Uint8Array][] = [
  ['锦江区-2023H1.xlsx', enc.encode('PK 第一个文件的字节')],
  ['空文件.xlsx', new Uint8Array(0)],
  ['綦江区 (2).xlsx', Uint8Array.from({ length: 3000 }, (_, i) => (i * 7) % 256)],
];

function stream(opts: { end?: boolean; error?: boolean } = {}): Uint8Array {
  const parts: Uint8Array[] = [startFrame(FILES.length + (opts.error ? 1 : 0))];
  for (const [name, bytes] of FILES) parts.push(fileFrameHead(name, bytes.length, '2023-06-30T00:00:00.000Z'), bytes);
  if (opts.error) parts.push(errorFrame('被占用.xlsx', '服务器无法读取该文件：EBUSY'));
  if (opts.end !== false) parts.push(endFrame(FILES.length + (opts.error ? 1 : 0)));
  return concat(parts);
}

function readIn(bytes: Uint8Array, size: number): { entries: BundleEntry[]; reader: BundleReader } {
  const reader = new BundleReader();
  const entries: BundleEntry[] = [];
  for (let i = 0; i < bytes.length; i += size) entries.push(...reader.push(bytes.slice(i, i + size)));
  return { entries, reader };
}

describe('BundleReader', () => {
  it.each([1, 2, 3, 5, 7, 64, 1000, 1 << 20])('chunks of %i bytes give every file whole, in order', (size) => {
    const { entries, reader } = readIn(stream({ error: true }), size);
    expect(entries.map((e) => e.name)).toEqual([...FILES.map(([n]) => n), '被占用.xlsx']);
    FILES.forEach(([, bytes], i) => {
      const e = entries[i]!;
      expect('bytes' in e && [...e.bytes]).toEqual([...bytes]);
      expect('mtime' in e && e.mtime).toBe('2023-06-30T00:00:00.000Z');
    });
    expect(entries[3]).toEqual({ name: '被占用.xlsx', error: '服务器无法读取该文件：EBUSY' });
    expect(reader.total).toBe(4);
    expect(reader.finish()).toEqual({ complete: true });
  });

  it('each file is its own buffer, so it can be transferred to a worker alone', () => {
    const { entries } = readIn(stream(), 4096);
    const first = entries[0] as { bytes: Uint8Array };
    expect(first.bytes.byteOffset).toBe(0);
    expect(first.bytes.buffer.byteLength).toBe(first.bytes.length);
  });

  it('a stream without its end frame is reported as cut short', () => {
    const { entries, reader } = readIn(stream({ end: false }), 100);
    expect(entries).toHaveLength(3);
    const end = reader.finish();
    expect(end.complete).toBe(false);
    expect(!end.complete && end.reason).toBe('数据传输中断（已收到 3 个文件），请确认本地服务仍在运行后刷新页面');
  });

  it('a stream cut inside a file gives the files before it and says so', () => {
    const whole = stream();
    const { entries, reader } = readIn(whole.slice(0, whole.length - 3000 - 60), 50);
    expect(entries.map((e) => e.name)).toEqual(FILES.slice(0, 2).map(([n]) => n));
    expect(reader.finish().complete).toBe(false);
  });

  it('an end frame that counts more files than came is not complete', () => {
    const bytes = concat([startFrame(2), fileFrameHead('a.xlsx', 1, ''), new Uint8Array([1]), endFrame(2)]);
    const end = readIn(bytes, 3).reader.finish();
    expect(end).toEqual({ complete: false, reason: '数据包应有 2 个文件，只收到 1 个，请确认本地服务仍在运行后刷新页面' });
  });

  it.each([
    ['not a bundle at all', enc.encode('<!doctype html><title>404</title>')],
    ['a header that is not JSON', concat([new Uint8Array([0, 0, 0, 3]), enc.encode('{{{')])],
    ['a negative size', concat([new Uint8Array([0, 0, 0, 22]), enc.encode('{"name":"a","size":-1}')])],
  ])('%s: nothing is read and the reason is given', (_name, bytes) => {
    const { entries, reader } = readIn(bytes, 7);
    expect(entries).toEqual([]);
    const end = reader.finish();
    expect(end.complete).toBe(false);
    expect(!end.complete && end.reason).toMatch(/数据包格式不对|数据传输中断/);
  });
});
