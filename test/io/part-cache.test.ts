// Parts repeated across workbooks of one template are inflated and checked
// once (part-cache.ts). A part is reused only when its compressed bytes are
// the same byte for byte: a damaged copy with the same declared checksum and
// sizes is still inflated, checked and refused.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { PartCache, PART_CACHE_MAX_COMPRESSED } from '../../shared/io/part-cache';
import { readWorkbook } from '../../shared/io/read';
import { entryData, readZipDirectory } from '../../shared/io/zip';
import { EXAMPLE_XLSX } from '../support/paths';

const EXAMPLE = new Uint8Array(readFileSync(EXAMPLE_XLSX));
const bytes = (...xs: number[]) => new Uint8Array(xs);
const part = { method: 8, crc: 0x1234abcd, size: 100 };

describe('PartCache', () => {
  it('gives back the text only for the same compressed bytes', () => {
    const c = new PartCache();
    c.put(part, bytes(1, 2, 3, 4), '<styleSheet/>');
    expect(c.get(part, bytes(1, 2, 3, 4))).toBe('<styleSheet/>');
    // same method, checksum and sizes, other bytes: not the same part
    expect(c.get(part, bytes(1, 2, 9, 4))).toBeNull();
    expect(c.get({ ...part, crc: 1 }, bytes(1, 2, 3, 4))).toBeNull();
    expect(c.get({ ...part, size: 101 }, bytes(1, 2, 3, 4))).toBeNull();
  });

  it('keeps its own copy of the bytes: the caller may reuse its buffer', () => {
    const c = new PartCache();
    const data = bytes(5, 6, 7);
    c.put(part, data, 'x');
    data[0] = 0;
    expect(c.get(part, bytes(5, 6, 7))).toBe('x');
    expect(c.get(part, data)).toBeNull();
  });

  it('drops the least recently used part when full', () => {
    const c = new PartCache(2);
    const p = (crc: number) => ({ ...part, crc });
    c.put(p(1), bytes(1), 'a');
    c.put(p(2), bytes(2), 'b');
    expect(c.get(p(1), bytes(1))).toBe('a'); // a is now the most recent
    c.put(p(3), bytes(3), 'c');
    expect(c.size).toBe(2);
    expect(c.get(p(2), bytes(2))).toBeNull();
    expect(c.get(p(1), bytes(1))).toBe('a');
    expect(c.get(p(3), bytes(3))).toBe('c');
  });

  it('a part with the same checksum and sizes but other bytes takes the place of the first', () => {
    const c = new PartCache();
    c.put(part, bytes(1, 2), 'first');
    c.put(part, bytes(2, 1), 'second');
    expect(c.get(part, bytes(1, 2))).toBeNull();
    expect(c.get(part, bytes(2, 1))).toBe('second');
  });

  it('keeps no large part', () => {
    const c = new PartCache();
    c.put(part, new Uint8Array(PART_CACHE_MAX_COMPRESSED + 1), 'big');
    expect(c.size).toBe(0);
    c.put({ ...part, size: 1 << 20 }, bytes(1), 'big');
    expect(c.size).toBe(0);
  });
});

describe('the guard with parts read before (a PartCache the caller passes)', () => {
  const dir = readZipDirectory(EXAMPLE);
  if (!dir.ok) throw new Error('example is not a zip');
  const styles = dir.entries.find((e) => e.name === 'xl/styles.xml')!;

  it('the same workbook read again reads the same', async () => {
    const parts = new PartCache();
    const first = await readWorkbook(EXAMPLE, 'a.xlsx', { parts });
    expect(parts.size).toBeGreaterThan(0);
    const kept = parts.size;
    const again = await readWorkbook(EXAMPLE.slice(), 'a.xlsx', { parts });
    expect(first.ok).toBe(true);
    expect(again).toEqual(first);
    expect(parts.size).toBe(kept);
    expect(await readWorkbook(EXAMPLE, 'a.xlsx')).toEqual(first);
  });

  it('keeps parts only in the cache it is given: none by default, none shared between caches', async () => {
    const mine = new PartCache();
    const yours = new PartCache();
    await readWorkbook(EXAMPLE, 'a.xlsx');
    await readWorkbook(EXAMPLE, 'a.xlsx', { parts: mine });
    expect(yours.size).toBe(0);
    expect(mine.size).toBeGreaterThan(0);
  });

  it('a copy whose styles part is damaged (declared checksum unchanged) is refused, not read from the cache', async () => {
    expect(entryData(EXAMPLE, styles)!.length).toBeLessThanOrEqual(PART_CACHE_MAX_COMPRESSED);
    const parts = new PartCache();
    expect((await readWorkbook(EXAMPLE, 'a.xlsx', { parts })).ok).toBe(true);
    const damaged = EXAMPLE.slice();
    const data = entryData(damaged, styles)!;
    data[data.length >> 1] ^= 0x55;
    const r = await readWorkbook(damaged, '损坏.xlsx', { parts });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(['zip-corrupt', 'zip-truncated']).toContain(r.problem.code);
    expect(r.problem.message).toContain('xl/styles.xml');
    expect(r.problem.message).toContain('损坏.xlsx');
  });
});
