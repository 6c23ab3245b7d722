// Parse once, joined: what a reload of an unchanged folder gets back from the
// local server (server/parse-cache.ts, form=joined) is not each file's parse
// but the page's own result after the join: the files' reports, the cube's
// coded arrays (shared/aggregate/cube.ts: codes, lead units, completion,
// timeline, changes, latest and headline flags) and the tasks field by field
// (columns.ts: each distinct value once). A reload then does one fetch and
// no join, no identity matching, no coding; the charts come from the arrays
// at once, and a task object is made only when something shows it (the
// table's rows, a file's list, the documents): the default view shows one
// period of each jurisdiction, a twentieth of the tasks.
//
// Payload (opaque to the server): u32 LE n, n bytes of JSON (padded with
// spaces to a multiple of 8), then the typed arrays the JSON lists, each
// starting at a multiple of 8 (the page reads them in place).
import type { PeriodStep, TaskCube } from '../../shared/aggregate';
import type { DataFile } from '../../shared/io';
import type { LedgerMeta } from '../../shared/model';
import type { FileReport, MergedTask } from '../../shared/merge';
import type { LoadedFile } from './index';
import { frameHead, idle, readFrameHead } from './frame';
import { encodeColumns, readColumns } from './columns';
import type { ColumnHead, Typed as ColumnArray } from './columns';

export const JOINED_VERSION = 2;

type Dim = keyof TaskCube['codes'];
const DIMS: readonly Dim[] = ['jurisdiction', 'period', 'population', 'project', 'status', 'light'];

const KINDS = { u8: Uint8Array, u16: Uint16Array, i32: Int32Array, u32: Uint32Array, f64: Float64Array } as const;
type Kind = keyof typeof KINDS;
type Typed = Uint8Array | Uint16Array | Int32Array | Uint32Array | Float64Array;

interface JoinedHead {
  version: number;
  size: number;
  files: { report: FileReport; origin: LoadedFile['origin']; count: number }[];
  keys: TaskCube['keys'];
  steps: PeriodStep[];
  /** The tasks (without the meta their file holds): their columns, and the table's strings and shapes. */
  columns: { head: ColumnHead; strings: string[]; shapes: string[][] };
  /** The arrays that follow, in order: name, kind, length. */
  arrays: [string, Kind, number][];
}

/** What a joined answer gives the page: the files (their tasks made on first use) and the cube over them. */
export interface Joined {
  form: 'joined';
  files: LoadedFile[];
  cube: TaskCube<MergedTask>;
  /** The files' size and mtime as stored (the page's stamps). */
  entries: DataFile[];
}

const kindOf = (a: Typed): Kind => (a instanceof Uint8Array ? 'u8' : a instanceof Uint16Array ? 'u16' : a instanceof Int32Array ? 'i32' : a instanceof Uint32Array ? 'u32' : 'f64');

/** Codes below 256 or 65,536 travel as bytes or 16-bit numbers (most folders have a few hundred of each key). */
function narrow(codes: Uint32Array, keys: number): Typed {
  return keys <= 256 ? Uint8Array.from(codes) : keys <= 65536 ? Uint16Array.from(codes) : codes;
}


/**
 * The joined form of the files and their cube (the cube of allTasks(files),
 * in that order). Packing 100,000 tasks takes the page's thread a while: it
 * gives way every sliceMs so the page stays responsive.
 */
export async function encodeJoined(files: readonly LoadedFile[], cube: TaskCube<MergedTask>, sliceMs = 12): Promise<Blob> {
  const n = cube.size;
  const rows: Record<string, unknown>[] = [];
  for (const f of files) {
    const meta = f.report.meta;
    for (const t of f.tasks) {
      if (t !== cube.task(rows.length)) throw new Error('cube and files disagree');
      // The file's meta is the same object for each of its tasks: kept once, in the report.
      const { meta: own, ...rest } = t;
      rows.push(own === meta ? rest : { ...t });
    }
  }
  if (rows.length !== n) throw new Error('cube and files disagree');
  await idle();
  let since = performance.now();
  const columns = await encodeColumns(rows, async () => {
    if (performance.now() - since < sliceMs) return;
    await idle();
    since = performance.now();
  });
  const arrays: [string, Typed][] = [
    ...DIMS.map((d): [string, Typed] => [d, narrow(cube.codes[d], cube.keys[d].length)]),
    ['unitStart', cube.unitStart],
    ['unitCodes', narrow(cube.unitCodes, cube.keys.unit.length)],
    ['capped', cube.capped],
    ['flags', cube.changes.flags],
    ['previous', cube.changes.previous],
    ['stepOf', narrow(cube.changes.timeline.stepOf, cube.changes.timeline.steps.length)],
    ['latest', cube.latest],
    ['headline', cube.headline],
    ['entryStart', columns.entryStart],
    ['entries', columns.bytes],
    ['numbers', columns.numbers],
    ...columns.arrays.map((a, k): [string, Typed] => [`column${k}`, a]),
  ];
  const head: JoinedHead = {
    version: JOINED_VERSION,
    size: n,
    files: files.map((f) => ({ report: f.report, origin: f.origin, count: f.tasks.length })),
    keys: cube.keys,
    steps: cube.changes.timeline.steps,
    columns: { head: columns.head, strings: columns.strings, shapes: columns.shapes },
    arrays: arrays.map(([name, a]) => [name, kindOf(a), a.length]),
  };
  // One array at a time, with a pause between (a Blob of Blobs copies nothing more).
  const blobs: Blob[] = [new Blob([frameHead(head) as BlobPart])];
  for (const [, a] of arrays) {
    const pad = (8 - (a.byteLength % 8)) % 8;
    blobs.push(new Blob(pad ? [a as unknown as BlobPart, new Uint8Array(pad) as BlobPart] : [a as unknown as BlobPart]));
    await idle();
  }
  return new Blob(blobs);
}

/**
 * The files and cube back from a payload (an 8-aligned view into the
 * response). Throws on damaged data (the caller reads the folder instead).
 */
export function decodeJoined(payload: Uint8Array, entries: DataFile[]): Joined {
  const { head, rest } = readFrameHead<JoinedHead>(payload);
  if (head.version !== JOINED_VERSION || rest.byteOffset % 8) throw new Error('传送数据已损坏');
  const arrays = new Map<string, Typed>();
  let at = rest.byteOffset;
  const end = payload.byteOffset + payload.length;
  for (const [name, kind, length] of head.arrays) {
    const T = KINDS[kind];
    if (!T || at + length * T.BYTES_PER_ELEMENT > end) throw new Error('传送数据已损坏');
    arrays.set(name, new T(payload.buffer as ArrayBuffer, at, length));
    at += length * T.BYTES_PER_ELEMENT;
    at += (8 - (at % 8)) % 8;
  }
  const get = <K extends Kind>(name: string, kind: K, length: number): InstanceType<(typeof KINDS)[K]> => {
    const a = arrays.get(name);
    if (!a || !(a instanceof KINDS[kind]) || a.length !== length) throw new Error('传送数据已损坏');
    return a as InstanceType<(typeof KINDS)[K]>;
  };
  const n = head.size;
  const entryStart = arrays.get('entryStart');
  const entryBytes = arrays.get('entries');
  const numbers = arrays.get('numbers');
  if (!(entryStart instanceof Uint32Array && entryBytes instanceof Uint8Array && numbers instanceof Float64Array) || !head.columns) throw new Error('传送数据已损坏');
  const unitStart = get('unitStart', 'u32', n + 1);
  const fileOf = new Uint32Array(n);
  const metas: LedgerMeta[] = head.files.map((f) => f.report.meta);
  let i = 0;
  head.files.forEach((f, k) => fileOf.fill(k, i, (i += f.count)));
  if (i !== n) throw new Error('传送数据已损坏');

  /** Codes sent narrow (narrow()), as the cube holds them. */
  const wide = (name: string, length: number): Uint32Array => {
    const a = arrays.get(name);
    if (!(a instanceof Uint8Array || a instanceof Uint16Array || a instanceof Uint32Array) || a.length !== length) throw new Error('传送数据已损坏');
    return a instanceof Uint32Array ? a : Uint32Array.from(a);
  };
  const codes = Object.fromEntries(DIMS.map((d) => [d, wide(d, n)])) as TaskCube['codes'];
  const unitCodes = wide('unitCodes', unitStart[n]!);
  const stepOf = wide('stepOf', n);
  const previous = get('previous', 'i32', n);
  // Every code within its table, every range within its array: a task is
  // made when shown, so damage must show now, not in the middle of a render.
  const within = (a: ArrayLike<number>, limit: number, low = 0): boolean => {
    for (let k = 0; k < a.length; k++) if (!(a[k]! >= low && a[k]! < limit)) return false;
    return true;
  };
  const rising = (a: Uint32Array): boolean => {
    for (let k = 1; k < a.length; k++) if (a[k]! < a[k - 1]!) return false;
    return a[0] === 0;
  };
  const keyCount = (d: Dim): number => head.keys[d].length;
  if (!DIMS.every((d) => within(codes[d], keyCount(d))) || !within(unitCodes, head.keys.unit.length) || !within(stepOf, head.steps.length) || !within(previous, n, -1) || !rising(unitStart)) {
    throw new Error('传送数据已损坏');
  }

  // column0, column1, …: as encodeColumns numbered them (readColumns checks each is where the head says)
  const columnArrays: (ColumnArray | undefined)[] = [];
  for (let k = 0; arrays.has(`column${k}`); k++) {
    const a = arrays.get(`column${k}`);
    columnArrays.push(a instanceof Uint8Array || a instanceof Uint16Array || a instanceof Uint32Array ? a : undefined);
  }
  const row = readColumns(head.columns.head, columnArrays, { strings: head.columns.strings, shapes: head.columns.shapes, entryStart, bytes: entryBytes, numbers }, n);
  const made: (MergedTask | undefined)[] = new Array(n);
  const task = (k: number): MergedTask => {
    let t = made[k];
    if (t) return t;
    if (!(k >= 0 && k < n)) throw new RangeError(`no task ${k}`);
    t = row(k) as MergedTask;
    if (!('meta' in t)) (t as { meta: LedgerMeta }).meta = metas[fileOf[k]!]!;
    return (made[k] = t);
  };
  let all: MergedTask[] | null = null;
  const cube: TaskCube<MergedTask> = {
    size: n,
    get tasks() {
      return (all ??= Array.from({ length: n }, (_, k) => task(k)));
    },
    task,
    keys: head.keys,
    codes,
    unitStart,
    unitCodes,
    capped: get('capped', 'f64', n),
    changes: { timeline: { steps: head.steps, stepOf }, flags: get('flags', 'u8', n), previous },
    latest: get('latest', 'u8', n),
    headline: get('headline', 'u8', n),
  };
  let first = 0;
  const files = head.files.map((f): LoadedFile => {
    const from = first;
    first += f.count;
    let list: MergedTask[] | null = null;
    return {
      report: f.report,
      origin: f.origin,
      count: f.count,
      get tasks() {
        return (list ??= Array.from({ length: f.count }, (_, k) => task(from + k)));
      },
    };
  });
  return { form: 'joined', files, cube, entries };
}
