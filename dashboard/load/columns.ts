// The tasks of the joined form (joined.ts), field by field. A plan's ledgers
// repeat most of what their tasks hold, period after period and unit after
// unit: the same units, population, deadline words, sheet name, targets. So
// each field is a column of numbers into that field's table of distinct
// values, and each distinct value is packed once (wire.ts, then as compact
// bytes). Packed whole, task by task, the 100,000 tasks of the benchmark's
// folder were 121 bytes each, 12 MB of the 16 MB a reload fetched, and
// taking that response in was the longest part of a reload.
//
// A field whose values are all plain objects (a task's source: file, sheet,
// row) is split into columns of its own, one per key, as the task is: its
// values are rarely the same twice, their parts often are. Every other
// field keeps a table of its values, compared by content (two equal arrays
// of lead units are one entry); a value is unpacked once, when first asked
// for, and shared by the tasks that hold it (tasks are read-only).
import { ctor, Packer, Unpacker } from './wire';

export type Typed = Uint8Array | Uint16Array | Uint32Array;

/** A column, as its payload's JSON head describes it. Arrays are named by their place in EncodedColumns.arrays. */
export type ColumnHead =
  /** Values from the table: entries [first, first + count); ids: the row's entry (-1: no array, every row holds entry 0). */
  | { kind: 'values'; first: number; count: number; ids: number }
  /** Plain objects: each row's key list (shapes, by shapeIds: -1 when one shape), then one column per key. */
  | { kind: 'objects'; keys: string[]; shapes: number[][]; shapeIds: number; children: ColumnHead[] };

export interface EncodedColumns {
  head: ColumnHead;
  /** Every column's row numbers (narrow: the fewest bytes its table allows). */
  arrays: Typed[];
  /** The table's strings and object shapes, in the order its entries first use them (one Packer). */
  strings: string[];
  shapes: string[][];
  /** Byte offset of each entry in bytes, then the end. */
  entryStart: Uint32Array;
  bytes: Uint8Array;
  /** The numbers of the entries that are not small whole numbers (CompactWriter). */
  numbers: Float64Array;
}

/** The fewest bytes per row number for a table of count entries. */
function narrow(ids: Uint32Array, count: number): Typed {
  return count <= 256 ? Uint8Array.from(ids) : count <= 65536 ? Uint16Array.from(ids) : ids;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
};

/**
 * A value as text that two values share exactly when they are the same data:
 * types kept apart ('1' and 1, null and undefined, -0 and 0), keys in their
 * order (an object's key order is part of what it is here).
 */
export function contentKey(v: unknown): string {
  switch (typeof v) {
    case 'string':
      return JSON.stringify(v);
    case 'number':
      return Object.is(v, -0) ? 'n-0' : `n${v}`;
    case 'boolean':
      return v ? 't' : 'f';
    case 'undefined':
      return 'u';
    case 'object': {
      if (v === null) return 'z';
      if (v instanceof Date) return `d${v.getTime()}`;
      if (Array.isArray(v)) return `[${v.map(contentKey).join(',')}]`;
      const o = v as Record<string, unknown>;
      return `{${Object.keys(o).map((k) => `${JSON.stringify(k)}:${contentKey(o[k])}`).join(',')}}`;
    }
    default:
      // Packer refuses these too: the store fails and the page reads the folder next time.
      throw new TypeError(`无法传送的值：${typeof v}`);
  }
}

/**
 * The values of bytes: one Packer for every entry (strings and shapes
 * numbered once for the whole table), each entry's numbers as LEB128
 * varints: a whole number 0 ≤ x < 2^30 is 2x (one byte for most), any other
 * number 2k+1, k its place in a table of such numbers.
 */
class EntryWriter {
  private readonly packer = new Packer();
  readonly strings: string[] = [];
  readonly shapes: string[][] = [];
  private out = new Uint8Array(1 << 16);
  private o = 0;
  private readonly starts: number[] = [];
  private readonly numbers = new Map<number, number>();
  private readonly table: number[] = [];

  /** Appends one entry; returns its number. */
  add(value: unknown): number {
    const packed = this.packer.pack(value);
    for (const s of packed.strings) this.strings.push(s);
    for (const s of packed.shapes) this.shapes.push(s);
    const values = packed.data;
    this.starts.push(this.o);
    // at most 5 bytes a value
    if (this.out.length - this.o < values.length * 5) {
      const bigger = new Uint8Array(Math.max(this.out.length * 2, this.o + values.length * 5));
      bigger.set(this.out.subarray(0, this.o));
      this.out = bigger;
    }
    const out = this.out;
    let o = this.o;
    for (let q = 0; q < values.length; q++) {
      const x = values[q]!;
      let v: number;
      if (Number.isInteger(x) && x >= 0 && x < 2 ** 30 && !Object.is(x, -0)) v = x * 2;
      else {
        // (NaN is one key of a Map, as it should be here)
        let k = this.numbers.get(x);
        if (k === undefined) this.numbers.set(x, (k = this.table.push(x) - 1));
        v = k * 2 + 1;
      }
      while (v >= 128) {
        out[o++] = (v & 127) | 128;
        v >>>= 7;
      }
      out[o++] = v;
    }
    this.o = o;
    return this.starts.length - 1;
  }

  get count(): number {
    return this.starts.length;
  }

  finish(): Pick<EncodedColumns, 'entryStart' | 'bytes' | 'numbers'> {
    return { entryStart: Uint32Array.from([...this.starts, this.o]), bytes: this.out.slice(0, this.o), numbers: Float64Array.from(this.table) };
  }
}

/**
 * The rows (plain objects: tasks) as columns. pause() is awaited now and
 * then, so the caller can give the page's thread back (joined.ts stores
 * after the charts are drawn, while a leader may be clicking).
 */
export async function encodeColumns(rows: readonly Record<string, unknown>[], pause: () => Promise<void>): Promise<EncodedColumns> {
  const writer = new EntryWriter();
  const arrays: Typed[] = [];
  const n = rows.length;
  let since = 0;
  const tick = async (work: number): Promise<void> => {
    if ((since += work) < 20_000) return;
    since = 0;
    await pause();
  };

  async function values(cells: readonly unknown[]): Promise<ColumnHead> {
    const first = writer.count;
    const ids = new Uint32Array(n);
    // By identity first (a merge hands many tasks the same object), then by content.
    const byValue = new Map<unknown, number>();
    const byContent = new Map<string, number>();
    // (-0 and 0 are one key of a Map: -0 has its own)
    let negativeZero: number | undefined;
    let count = 0;
    for (let i = 0; i < n; i++) {
      const v = cells[i];
      const isNegativeZero = Object.is(v, -0);
      let id = isNegativeZero ? negativeZero : byValue.get(v);
      if (id === undefined) {
        const key = typeof v === 'object' && v !== null ? contentKey(v) : null;
        id = key === null ? undefined : byContent.get(key);
        if (id === undefined) {
          id = writer.add(v) - first;
          count++;
          if (key !== null) byContent.set(key, id);
        }
        if (isNegativeZero) negativeZero = id;
        else byValue.set(v, id);
      }
      ids[i] = id;
      if ((i & 1023) === 1023) await tick(1024);
    }
    if (count <= 1) return { kind: 'values', first, count, ids: -1 };
    return { kind: 'values', first, count, ids: arrays.push(narrow(ids, count)) - 1 };
  }

  async function column(cells: readonly unknown[]): Promise<ColumnHead> {
    if (!(n > 0 && cells.every(isPlainObject))) return values(cells);
    const objects = cells as readonly Record<string, unknown>[];
    const keys: string[] = [];
    const keyIndex = new Map<string, number>();
    const shapes: number[][] = [];
    const shapeIndex = new Map<string, number>();
    const shapeIds = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      const own = Object.keys(objects[i]!);
      const sig = own.join('\u0000');
      let s = shapeIndex.get(sig);
      if (s === undefined) {
        shapeIndex.set(sig, (s = shapes.length));
        shapes.push(
          own.map((k) => {
            let at = keyIndex.get(k);
            if (at === undefined) keyIndex.set(k, (at = keys.push(k) - 1));
            return at;
          }),
        );
      }
      shapeIds[i] = s;
    }
    const shapeArray = shapes.length > 1 ? arrays.push(narrow(shapeIds, shapes.length)) - 1 : -1;
    const children: ColumnHead[] = [];
    // One key's cells at a time (a row without the key holds undefined there, never read back).
    for (const k of keys) children.push(await column(objects.map((o) => o[k])));
    await tick(n);
    return { kind: 'objects', keys, shapes, shapeIds: shapeArray, children };
  }

  const head = await column(rows);
  return { head, arrays, strings: writer.strings, shapes: writer.shapes, ...writer.finish() };
}

/** The values of bytes[from, to) back into out (EntryWriter's inverse); how many. Throws on a value cut short or out of the table. */
function expand(bytes: Uint8Array, from: number, to: number, numbers: Float64Array, out: Float64Array): number {
  let m = 0;
  let at = from;
  while (at < to) {
    let v = 0;
    let shift = 0;
    let b: number;
    do {
      if (at >= to || shift > 28) throw new Error('传送数据已损坏');
      b = bytes[at++]!;
      v |= (b & 127) << shift;
      shift += 7;
    } while (b & 128);
    v >>>= 0;
    if (v & 1) {
      const k = (v - 1) / 2;
      if (k >= numbers.length) throw new Error('传送数据已损坏');
      out[m++] = numbers[k]!;
    } else out[m++] = v / 2;
  }
  return m;
}

const damaged = (): never => {
  throw new Error('传送数据已损坏');
};

/**
 * Row k of the columns, made when asked for. Checks now what it can (every
 * row number within its table, every array where the head says): a row is
 * made while the page draws, so damage must show here.
 */
export function readColumns(
  head: ColumnHead,
  arrays: readonly (Typed | undefined)[],
  table: Pick<EncodedColumns, 'strings' | 'shapes' | 'entryStart' | 'bytes' | 'numbers'>,
  n: number,
): (k: number) => unknown {
  const { entryStart, bytes, numbers } = table;
  const entries = entryStart.length - 1;
  if (entries < 0 || entryStart[0] !== 0 || entryStart[entries]! > bytes.length) damaged();
  for (let k = 1; k <= entries; k++) if (entryStart[k]! < entryStart[k - 1]!) damaged();
  const unpacker = new Unpacker();
  unpacker.learn(table.strings, table.shapes);
  let scratch = new Float64Array(256);
  const made: unknown[] = new Array(entries);
  const done = new Uint8Array(entries);
  const entry = (e: number): unknown => {
    if (done[e]) return made[e];
    const from = entryStart[e]!;
    const to = entryStart[e + 1]!;
    // (at most one value per byte)
    if (scratch.length < to - from) scratch = new Float64Array(to - from);
    const m = expand(bytes, from, to, numbers, scratch);
    done[e] = 1;
    return (made[e] = unpacker.unpack({ strings: [], shapes: [], data: scratch.subarray(0, m) }));
  };
  /** Row numbers of array a, each below limit. */
  const rowsOf = (a: number, limit: number): Typed | null => {
    if (a === -1) return null;
    const ids = arrays[a];
    if (!ids || ids.length !== n) return damaged();
    for (let k = 0; k < n; k++) if (ids[k]! >= limit) damaged();
    return ids;
  };
  const reader = (c: ColumnHead, depth: number): ((k: number) => unknown) => {
    if (depth > 32 || typeof c !== 'object' || c === null) return damaged();
    if (c.kind === 'values') {
      const { first, count } = c;
      if (!(Number.isInteger(first) && Number.isInteger(count) && first >= 0 && count >= (n ? 1 : 0) && first + count <= entries)) return damaged();
      const ids = rowsOf(c.ids, count);
      return ids ? (k) => entry(first + ids[k]!) : () => entry(first);
    }
    if (c.kind !== 'objects' || !Array.isArray(c.keys) || !Array.isArray(c.shapes) || !Array.isArray(c.children) || c.children.length !== c.keys.length || !c.shapes.length) return damaged();
    const { keys, shapes } = c;
    for (const s of shapes) if (!Array.isArray(s) || s.some((i) => !(Number.isInteger(i) && i >= 0 && i < keys.length))) damaged();
    const ids = rowsOf(c.shapeIds, shapes.length);
    const children = c.children.map((child) => reader(child, depth + 1));
    // (a constructor per key list: objects made with `new` keep their properties in place, wire.ts says why)
    const ctors = shapes.map(() => ctor());
    return (k) => {
      const s = ids ? ids[k]! : 0;
      const shape = shapes[s]!;
      const o = new ctors[s]!();
      for (let i = 0; i < shape.length; i++) o[keys[shape[i]!]!] = children[shape[i]!]!(k);
      return o;
    };
  };
  const row = reader(head, 0);
  return (k) => {
    if (!(k >= 0 && k < n)) throw new RangeError(`no row ${k}`);
    return row(k);
  };
}
