// The joined form's tasks, field by field (dashboard/load/columns.ts): rows
// of any shape come back as they went (types, key order, missing keys,
// numbers of every kind, dates), equal values are one entry, plain-object
// fields are split into their own columns, and damaged data is refused.
import { describe, expect, it } from 'vitest';
import { contentKey, encodeColumns, readColumns } from '../../dashboard/load/columns';
import type { ColumnHead, EncodedColumns } from '../../dashboard/load/columns';

const encode = (rows: Record<string, unknown>[]) => encodeColumns(rows, () => Promise.resolve());
const read = (e: EncodedColumns, n: number, head: ColumnHead = e.head) => readColumns(head, e.arrays, e, n);
const all = (e: EncodedColumns, n: number) => {
  const row = read(e, n);
  return Array.from({ length: n }, (_, k) => row(k));
};

describe('columns of rows (the joined form)', () => {
  it.each([
    ['one row', [{ a: 1, b: 'x' }]],
    ['no rows', []],
    ['keys missing in some rows, in other orders', [{ a: 1, b: 2 }, { b: 3 }, { b: 4, a: 5 }, {}]],
    ['undefined kept apart from a missing key', [{ a: undefined }, {}, { a: null }]],
    ['types kept apart', [{ v: 1 }, { v: '1' }, { v: true }, { v: null }, { v: undefined }, { v: [1] }, { v: { 0: 1 } }]],
    ['numbers of every kind', [-0, 0, NaN, Infinity, -Infinity, 2 ** 53 + 2, -3.5, 1e-300, 2 ** 31].map((v) => ({ v }))],
    ['0 before -0, each kept', [0, -0, 0, -0, NaN, NaN].map((v) => ({ v }))],
    ['dates', [{ d: new Date(0) }, { d: new Date(86_400_000) }, { d: new Date(0) }]],
    ['nested objects, some not plain everywhere', [{ s: { f: 'a', r: 1 }, p: { c: 'x' } }, { s: { f: 'a', r: 2 }, p: null }, { s: { r: 3, f: 'b', extra: [1, { y: 2 }] }, p: { c: 'x' } }]],
  ] as [string, Record<string, unknown>[]][])('%s come back as they went', async (_, rows) => {
    const e = await encode(rows);
    const back = all(e, rows.length);
    expect(back).toEqual(rows);
    back.forEach((r, k) => {
      expect(Object.keys(r as object)).toEqual(Object.keys(rows[k]!));
      for (const [key, v] of Object.entries(rows[k]!)) if (typeof v === 'number') expect(Object.is((r as Record<string, unknown>)[key], v), `${key} ${v}`).toBe(true);
    });
  });

  it('keeps each distinct value once, shared by the rows that hold it', async () => {
    const units = ['区科协', '区教育局', '区卫健局'];
    const rows = Array.from({ length: 3000 }, (_, i) => ({ sheet: '任务台账', leads: [{ name: units[i % 3] }], row: i, source: { file: `f${i % 30}.xlsx`, row: i } }));
    const e = await encode(rows);
    // 任务台账 once, three lead lists; row numbers and source rows share one table of 3,000 numbers each
    expect(e.strings.filter((s) => s === '任务台账')).toHaveLength(1);
    const root = e.head as Extract<ColumnHead, { kind: 'objects' }>;
    const leads = root.children[root.keys.indexOf('leads')]!;
    expect(leads).toMatchObject({ kind: 'values', count: 3 });
    // a constant column has no array at all
    expect(root.children[root.keys.indexOf('sheet')]).toMatchObject({ kind: 'values', count: 1, ids: -1 });
    // the source (plain objects) is split into its keys
    expect(root.children[root.keys.indexOf('source')]).toMatchObject({ kind: 'objects', keys: ['file', 'row'] });
    const row = read(e, rows.length);
    expect((row(0) as (typeof rows)[0]).leads).toBe((row(3) as (typeof rows)[0]).leads);
    expect((row(0) as (typeof rows)[0]).source).not.toBe((row(3) as (typeof rows)[0]).source);
    expect(all(e, rows.length)).toEqual(rows);
    // a small table travels as bytes
    expect(e.arrays[(leads as Extract<ColumnHead, { kind: 'values' }>).ids]).toBeInstanceOf(Uint8Array);
  });

  it('tells values apart by content, exactly', () => {
    const same = [
      [{ a: 1, b: [2] }, { a: 1, b: [2] }],
      [[null], [null]],
    ];
    for (const [x, y] of same) expect(contentKey(x)).toBe(contentKey(y));
    const differ = [
      [{ a: 1, b: 2 }, { b: 2, a: 1 }],
      [[1], ['1']],
      [[null], [undefined]],
      [[0], [-0]],
      [{ a: undefined }, {}],
      [['a,b'], ['a', 'b']],
    ];
    for (const [x, y] of differ) expect(contentKey(x), JSON.stringify([x, y])).not.toBe(contentKey(y));
  });

  it.each([
    ['a row number beyond its table', (e: EncodedColumns) => void e.arrays[0]!.fill(255)],
    ['an entry past the bytes', (e: EncodedColumns) => void (e.entryStart[e.entryStart.length - 1] = e.bytes.length + 9)],
    ['a shape naming a key it lacks', (e: EncodedColumns) => void ((e.head as Extract<ColumnHead, { kind: 'objects' }>).shapes[0]![0] = 99)],
    ['a column of another kind', (e: EncodedColumns) => void ((e.head as { kind: string }).kind = 'other')],
    ['a column array missing', (e: EncodedColumns) => void e.arrays.splice(0, e.arrays.length)],
  ] as [string, (e: EncodedColumns) => void][])('refuses %s', async (_, damage) => {
    const rows = Array.from({ length: 40 }, (_, i) => ({ a: i % 7, b: `t${i % 5}`, c: i % 2 ? { x: 1 } : { y: 2, x: 3 } }));
    const e = await encode(rows);
    damage(e);
    expect(() => read(e, rows.length)).toThrow('传送数据已损坏');
  });

  it('gives the caller its thread back now and then on a large folder', async () => {
    let pauses = 0;
    const rows = Array.from({ length: 50_000 }, (_, i) => ({ a: i, b: i % 3 }));
    await encodeColumns(rows, () => Promise.resolve(void pauses++));
    expect(pauses).toBeGreaterThan(2);
  });
});
