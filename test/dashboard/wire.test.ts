// The packed form in which the dashboard's workers hand read files to the
// page: what goes in comes out equal (real files of the sample data, and the
// odd values plain data can hold), shared objects stay shared, and strings
// are sent once per batch.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { mergeFile } from '../../shared/merge';
import { Packer, Unpacker } from '../../dashboard/load/wire';
import { makeSampleData } from '../../scripts/make-sample-data';
import { workbookReader } from '../../shared/io';

describe('Packer / Unpacker', () => {
  it('every sample workbook, read by mergeFile, comes out deep-equal', async () => {
    const sample = await makeSampleData();
    const packer = new Packer();
    const unpacker = new Unpacker();
    for (const name of sample.files) {
      const file = await mergeFile({ name, bytes: new Uint8Array(readFileSync(path.join(sample.dir, name))) }, { read: workbookReader(), asOf: new Date(2024, 0, 1), asOfPerFile: true });
      expect(file.tasks.length).toBeGreaterThan(0);
      // strict: same keys (undefined ones too) and plain objects, not look-alikes
      expect(unpacker.unpack(packer.pack(file))).toStrictEqual(file);
    }
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['a number', 42.5],
    ['NaN', NaN],
    ['-0', -0],
    ['Infinity', -Infinity],
    ['an empty string', ''],
    ['a Chinese string', '区教育局、团区委'],
    ['a date', new Date(Date.UTC(2023, 5, 30))],
    ['nested arrays', [[1, [2, ['三']]], []]],
    ['an object with undefined and optional keys', { a: undefined, b: null, c: false, d: true, e: { f: [] } }],
    ['objects of two shapes with the same first key', [{ a: 1, b: 2 }, { a: 1, c: 3 }, { a: 4, b: 5 }, { a: 6 }]],
  ])('%s round-trips', (_name, value) => {
    const back = new Unpacker().unpack(new Packer().pack(value));
    expect(back).toEqual(value);
    if (typeof value === 'number') expect(Object.is(back, value)).toBe(true);
  });

  it('objects come out as plain objects (Object.prototype), however they were built', () => {
    const back = new Unpacker().unpack(new Packer().pack({ task: { id: '1', leads: [{ input: '区科协' }] } })) as { task: { leads: object[] } };
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(back.task)).toBe(Object.prototype);
    expect(back.task.constructor).toBe(Object);
    expect(Object.getPrototypeOf(back.task.leads[0])).toBe(Object.prototype);
    expect(JSON.stringify(back)).toBe('{"task":{"id":"1","leads":[{"input":"区科协"}]}}');
  });

  it('an object met twice in one message comes out as one object', () => {
    const lead = { input: '区科协', name: '区科协' };
    const back = new Unpacker().unpack(new Packer().pack([{ leads: [lead] }, { leads: [lead] }])) as { leads: object[] }[];
    expect(back[0]!.leads[0]).toBe(back[1]!.leads[0]);
  });

  it('a string is sent once per batch; the next message refers to it', () => {
    const packer = new Packer();
    const unpacker = new Unpacker();
    const first = packer.pack({ unit: '区新经济和科技局', text: '每年开展科普活动不少于50场' });
    const second = packer.pack({ unit: '区新经济和科技局', text: '每年开展科普活动不少于50场' });
    expect(first.strings).toEqual(['区新经济和科技局', '每年开展科普活动不少于50场']);
    expect(second.strings).toEqual([]);
    expect(second.shapes).toEqual([]);
    expect(unpacker.unpack(first)).toEqual(unpacker.unpack(second));
  });

  it('a function or symbol cannot be sent: the packer says so instead of sending something else', () => {
    expect(() => new Packer().pack({ f: () => 1 })).toThrow(/无法传送/);
  });

  it('after a refused message the batch goes on: its new strings and shapes are sent with the next message', () => {
    const packer = new Packer();
    const unpacker = new Unpacker();
    expect(unpacker.unpack(packer.pack({ unit: '区科协' }))).toEqual({ unit: '区科协' });
    // numbers '团区委' and the shape {owner, f}, then fails: the page never sees this message
    expect(() => packer.pack({ owner: '团区委', f: () => 1 })).toThrow(/无法传送/);
    const next = { owner: '团区委', f: '区教育局', unit: '区科协' };
    expect(unpacker.unpack(packer.pack(next))).toEqual(next);
    expect(unpacker.unpack(packer.pack([{ owner: '团区委', f: 1 }]))).toEqual([{ owner: '团区委', f: 1 }]);
  });

  it('damaged data is refused, not read as something else', () => {
    const packed = new Packer().pack({ a: 1 });
    packed.data[0] = 99;
    expect(() => new Unpacker().unpack(packed)).toThrow('传送数据已损坏');
  });
});
