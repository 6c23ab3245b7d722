// How a worker hands read files to the page. Structured clone (postMessage
// of the objects) cost the page's thread 2.2 s for 100,000 tasks: it copies
// every string of every task and rebuilds each object property by property.
// Here the worker writes the objects as numbers into one transferable
// Float64Array, and every string once per batch: a plan's task texts, unit
// names and file names repeat across hundreds of ledgers. The page rebuilds
// the objects in plain JavaScript, with repeated strings shared.
//
// Any plain data goes through (objects, arrays, strings, numbers, booleans,
// null, undefined, Dates); an object or array met twice in one message comes
// out as one object, as with structured clone. Both ends keep state for a
// batch: create a Packer and an Unpacker per worker per batch and pass every
// message of that worker through them in order.

const NULL = 0;
const UNDEFINED = 1;
const TRUE = 2;
const FALSE = 3;
const NUMBER = 4;
const STRING = 5;
const ARRAY = 6;
const OBJECT = 7;
const SEEN = 8;
const DATE = 9;

export interface Packed {
  /** Strings first met in this message, in the order the unpacker numbers them. */
  strings: string[];
  /** Key lists of object shapes first met in this message. */
  shapes: string[][];
  data: Float64Array;
}

export class Packer {
  private strings = new Map<string, number>();
  private shapes = new Map<string, { keys: string[]; id: number }[]>();
  private shapeCount = 0;
  private newStrings: string[] = [];
  private newShapes: string[][] = [];
  private out = new Float64Array(4096);
  private n = 0;
  private seen = new Map<object, number>();
  private objects = 0;

  pack(value: unknown): Packed {
    this.newStrings = [];
    this.newShapes = [];
    this.n = 0;
    this.seen.clear();
    this.objects = 0;
    try {
      this.write(value);
    } catch (e) {
      // A refused message never reaches the page: forget the strings and
      // shapes it numbered, or the next message would refer to numbers the
      // page never got and read other strings in their place.
      for (const s of this.newStrings) this.strings.delete(s);
      for (const keys of this.newShapes) {
        const list = this.shapes.get(keys.length ? keys[0]! : '')!;
        list.splice(list.findIndex((x) => x.keys === keys), 1);
        this.shapeCount--;
      }
      throw e;
    }
    return { strings: this.newStrings, shapes: this.newShapes, data: this.out.slice(0, this.n) };
  }

  /**
   * The number of an object's key list. Looked up by first key and compared
   * key by key (property names are interned strings, so each comparison is
   * cheap), not by joining the keys into one string per object.
   */
  private shapeOf(keys: string[]): number {
    const first = keys.length ? keys[0]! : '';
    let list = this.shapes.get(first);
    if (!list) this.shapes.set(first, (list = []));
    outer: for (const s of list) {
      if (s.keys.length !== keys.length) continue;
      for (let i = 1; i < keys.length; i++) if (s.keys[i] !== keys[i]) continue outer;
      return s.id;
    }
    const id = this.shapeCount++;
    list.push({ keys, id });
    this.newShapes.push(keys);
    return id;
  }

  private push(x: number): void {
    if (this.n === this.out.length) {
      const bigger = new Float64Array(this.out.length * 2);
      bigger.set(this.out);
      this.out = bigger;
    }
    this.out[this.n++] = x;
  }

  private string(s: string): number {
    let id = this.strings.get(s);
    if (id === undefined) {
      id = this.strings.size;
      this.strings.set(s, id);
      this.newStrings.push(s);
    }
    return id;
  }

  private write(v: unknown): void {
    switch (typeof v) {
      case 'string':
        this.push(STRING);
        this.push(this.string(v));
        return;
      case 'number':
        this.push(NUMBER);
        this.push(v);
        return;
      case 'boolean':
        this.push(v ? TRUE : FALSE);
        return;
      case 'undefined':
        this.push(UNDEFINED);
        return;
      case 'object': {
        if (v === null) return this.push(NULL);
        const again = this.seen.get(v);
        if (again !== undefined) {
          this.push(SEEN);
          this.push(again);
          return;
        }
        if (v instanceof Date) {
          this.push(DATE);
          this.push(v.getTime());
          return;
        }
        this.seen.set(v, this.objects++);
        if (Array.isArray(v)) {
          this.push(ARRAY);
          this.push(v.length);
          for (const x of v) this.write(x);
          return;
        }
        const keys = Object.keys(v);
        const shape = this.shapeOf(keys);
        this.push(OBJECT);
        this.push(shape);
        const o = v as Record<string, unknown>;
        for (const k of keys) this.write(o[k]);
        return;
      }
      default:
        throw new TypeError(`无法传送的值：${typeof v}`);
    }
  }
}

/**
 * A constructor per object shape. Objects made with `new` get their
 * properties inside the object from the first few on (the engine's slack
 * tracking), where properties added one by one to `{}` grow and move a
 * separate property store several times a task: the page took in 100,000
 * tasks in half the time this way. The prototype is Object.prototype, so the
 * objects are plain objects to everything that looks.
 */
export function ctor(): new () => Record<string, unknown> {
  const F = function () {} as unknown as new () => Record<string, unknown>;
  F.prototype = Object.prototype;
  return F;
}

export class Unpacker {
  private strings: string[] = [];
  private shapes: string[][] = [];
  private data: Float64Array = new Float64Array(0);
  private at = 0;
  private objects: unknown[] = [];
  private ctors: (new () => Record<string, unknown>)[] = [];

  /** Strings and shapes of messages not replayed here (a store of self-contained messages, each unpacked alone: joined.ts). */
  learn(strings: readonly string[], shapes: readonly string[][]): void {
    for (const s of strings) this.strings.push(s);
    for (const s of shapes) this.shapes.push(s);
  }

  unpack(p: Packed): unknown {
    for (const s of p.strings) this.strings.push(s);
    for (const s of p.shapes) this.shapes.push(s);
    this.data = p.data;
    this.at = 0;
    this.objects = [];
    const value = this.read();
    this.objects = [];
    return value;
  }

  private read(): unknown {
    const d = this.data;
    switch (d[this.at++]) {
      case NULL:
        return null;
      case UNDEFINED:
        return undefined;
      case TRUE:
        return true;
      case FALSE:
        return false;
      case NUMBER:
        return d[this.at++];
      case STRING:
        return this.strings[d[this.at++]!];
      case DATE:
        return new Date(d[this.at++]!);
      case SEEN:
        return this.objects[d[this.at++]!];
      case ARRAY: {
        const n = d[this.at++]!;
        const a: unknown[] = [];
        this.objects.push(a);
        for (let i = 0; i < n; i++) a.push(this.read());
        return a;
      }
      case OBJECT: {
        const shape = d[this.at++]!;
        const keys = this.shapes[shape]!;
        const o: Record<string, unknown> = new (this.ctors[shape] ??= ctor())();
        this.objects.push(o);
        for (let i = 0; i < keys.length; i++) o[keys[i]!] = this.read();
        return o;
      }
      default:
        throw new Error('传送数据已损坏');
    }
  }
}
