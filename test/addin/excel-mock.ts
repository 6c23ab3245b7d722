// A small Office.js for the gateway tests. Calls are queued and run at
// context.sync(), in order, against an in-memory workbook (addin/memory/
// workbook.ts) that refuses as Excel does, so a batch fails where Excel's
// would and the ops before the failing one stay applied. On top of that
// model the mock does what Office.js does at a sync: it refuses a request or
// a response over 5 MB, fails every batch while a cell is being edited
// (or holds it, with delayForCellEdit), and makes loaded properties readable
// only after the sync; range results are office-addin-mock objects, so
// reading a property that was never loaded fails as it would in Excel.
// Every call is logged.
import { OfficeMockObject } from 'office-addin-mock';
import type { ExcelHost, RunOptions } from '../../addin/excel/gateway';
import { MemoryWorkbook, dateToSerial } from '../../addin/memory/workbook';
import { HostError, MAX_ROWS, PAYLOAD_LIMIT } from '../../addin/excel-rules';
import { colIndex, parseA1, quoteSheet, rangeA1 } from '../../addin/a1';
import { jsonBytes } from '../../addin/batches';
import type { SheetGrid } from '../../shared/model';

export interface FakeExcel {
  host: ExcelHost;
  /** What Excel holds. */
  wb: MemoryWorkbook;
  log: string[];
  syncs: () => number;
  /** The values the gateway sent, by sheet!address (before Excel parsed them). */
  sent: Map<string, unknown[][]>;
  /** The options of each Excel.run. */
  runs: RunOptions[];
}

const enums = {
  ConditionalFormatType: { custom: 'Custom' },
  DeleteShiftDirection: { left: 'Left' },
  DataValidationAlertStyle: { information: 'Information' },
};

export function installExcelEnums(): void {
  (globalThis as any).Excel = enums;
}

/** Every ExcelApi set up to 1.18. */
export const ALL_SETS: Record<string, boolean> = Object.fromEntries(Array.from({ length: 18 }, (_x, i) => [`1.${i + 1}`, true]));
export const setsUpTo = (minor: number): Record<string, boolean> => Object.fromEntries(Array.from({ length: minor }, (_x, i) => [`1.${i + 1}`, true]));

/** A workbook from grids (dates as Date, as the core reads them), the first sheet active unless named. */
export function bookOf(grids: SheetGrid[], active?: string): MemoryWorkbook {
  const wb = MemoryWorkbook.fromGrids(grids);
  if (active) wb.active = active;
  return wb;
}

interface Action {
  run(): void;
  /** Bytes this call adds to the request (values written). */
  request?: number;
}

export function fakeExcel(wb: MemoryWorkbook, sets: Record<string, boolean> = ALL_SETS): FakeExcel {
  installExcelEnums();
  const log: string[] = [];
  const sent = new Map<string, unknown[][]>();
  const runs: RunOptions[] = [];
  let syncs = 0;
  let delay = false;
  let queue: Action[] = [];
  /** Results of the actions of the current sync, made readable only when the whole sync succeeds. */
  let publish: (() => Promise<void>)[] = [];
  let response = 0;
  const q = (run: () => void, request?: number) => queue.push({ run, request });
  const answer = (bytes: unknown, done: () => Promise<void> | void) => {
    response += jsonBytes(bytes);
    publish.push(async () => done());
  };
  const guarded = <T extends object>(target: T, loaded: () => boolean, name: string): T =>
    new Proxy(target, {
      get(t, p, r) {
        if (p === 'items' && !loaded()) throw new Error(`PropertyNotLoaded: ${name}.items`);
        return Reflect.get(t, p, r);
      },
    });

  /** A result range: an office-addin-mock object whose properties are filled and loaded at the sync. */
  function resultRange(shape: Record<string, unknown>, methods: Record<string, unknown> = {}) {
    const m = new OfficeMockObject({ ...shape }) as any;
    for (const [k, f] of Object.entries(methods)) m.setValue(k, f);
    let wanted = '';
    const load = m.load.bind(m);
    m.load = (p: string) => {
      wanted = wanted ? `${wanted},${p}` : p;
      load(p);
      return m;
    };
    m.fill = async (data: Record<string, unknown>, isNull = false) => {
      for (const [k, v] of Object.entries(data)) m.setValue(k, v);
      if (wanted) load(wanted);
      await m.sync();
      m.isNullObject = isNull;
    };
    return m;
  }

  /** A result range whose load queues `compute`, run at the sync: its data (or a null object) becomes readable after it. */
  function later(shape: Record<string, unknown>, compute: (props: string) => { data: Record<string, unknown>; isNull?: boolean }, methods: Record<string, unknown> = {}) {
    const m = resultRange(shape, methods);
    const load = m.load;
    m.load = (p: string) => {
      load(p);
      q(() => {
        const r = compute(p);
        if (r.isNull) publish.push(() => m.fill({}, true));
        else answer(r.data, () => m.fill(r.data));
      });
      return m;
    };
    return m;
  }

  const usedOf = (name: string) => {
    const s = wb.mustSheet(name);
    const b = s.usedBounds() ?? { row: 0, col: 0, rows: 1, cols: 1 };
    return { ...b, address: `${quoteSheet(s.name)}!${rangeA1(b.row, b.col, b.rows, b.cols)}` };
  };

  function worksheet(resolve: () => string, label: string): any {
    const ws: any = {
      activate: () => {
        log.push(`activate ${label}`);
        q(() => wb.activate(resolve()));
      },
      getUsedRange: (valuesOnly: boolean) => {
        log.push(`getUsedRange ${label} ${valuesOnly}`);
        const intersect = (rows: { rows: [number, number] }) => {
          const [a, b] = rows.rows;
          log.push(`intersect ${label} ${a + 1}:${b + 1}`);
          return later({ values: [], numberFormat: [], rowIndex: 0, columnIndex: 0 }, (p) => {
            const name = resolve();
            const u = usedOf(name);
            const from = Math.max(a, u.row);
            const to = Math.min(b + 1, u.row + u.rows);
            if (from >= to) return { data: {}, isNull: true };
            const block = wb.readBlock(name, from, u.col, to - from, u.cols);
            return { data: { values: block.values, ...(p.includes('numberFormat') ? { numberFormat: block.formats } : {}), rowIndex: from, columnIndex: u.col } };
          });
        };
        return later({ address: '', rowIndex: 0, columnIndex: 0, rowCount: 0, columnCount: 0 }, () => {
          const u = usedOf(resolve());
          return { data: { address: u.address, rowIndex: u.row, columnIndex: u.col, rowCount: u.rows, columnCount: u.cols } };
        }, { getIntersectionOrNullObject: intersect });
      },
      getRange: (address?: string) => {
        if (address === undefined) return { conditionalFormats: conditionalFormats(resolve, label) };
        const rows = /^(\d+):(\d+)$/.exec(address);
        if (rows) return rowsRange(resolve, label, Number(rows[1]) - 1, Number(rows[2]) - 1);
        const cols = /^([A-Z]+):([A-Z]+)$/.exec(address);
        if (cols)
          return {
            delete: (dir: string) => {
              log.push(`delete ${label}!${address} ${dir}`);
              const c = colIndex(cols[1]);
              q(() => wb.deleteColumns(resolve(), c, colIndex(cols[2]) - c + 1));
            },
          };
        return cellRange(resolve, label, address);
      },
      getRanges: (list: string) => {
        log.push(`getRanges ${label} ${list.split(',').length}`);
        const cells = list.split(',').map((a) => parseA1(a)!).map((a) => ({ row: a.row, col: a.col }));
        return {
          conditionalFormats: {
            add: (type: string) => {
              log.push(`cf.add ${type}`);
              const cf = { type, custom: { rule: { formula: '' }, format: { fill: { color: '' } } } };
              q(() => wb.addConditionalFormat(resolve(), cells, cf.custom.format.fill.color, cf.custom.rule.formula));
              return cf;
            },
          },
        };
      },
    };
    let comments: { id: string }[] | null = null;
    ws.comments = guarded(
      {
        load: (p: string) => {
          log.push(`load comments ${label} ${p}`);
          q(() => {
            const list = wb.commentsOf(resolve()).map((c) => ({ id: c.id }));
            answer(list, () => void (comments = list));
          });
        },
        get items() {
          return comments;
        },
      },
      () => comments !== null,
      'comments',
    );
    return ws;
  }

  function rowsRange(resolve: () => string, label: string, a: number, b: number) {
    // Excel refuses rows past the last one when the batch runs.
    q(() => {
      if (a < 0 || b + 1 > MAX_ROWS) throw new HostError('InvalidArgument', `The argument is invalid or missing or has an incorrect format. (${a + 1}:${b + 1})`);
    });
    return {
      rows: [a, b] as [number, number],
      getMergedAreasOrNullObject: () => {
        log.push(`merged ${label} ${a + 1}:${b + 1}`);
        let items: { address: string }[] | null = null;
        const areas = {
          isNullObject: true,
          areas: guarded({ get items() { return items; } }, () => items !== null, 'areas'),
          load: (p: string) => {
            log.push(`load merged ${p}`);
            q(() => {
              const name = resolve();
              const found = wb.mergedAreas(name, a, b + 1).map((m) => ({ address: `${quoteSheet(name)}!${rangeA1(m.top, m.left, m.bottom - m.top + 1, m.right - m.left + 1)}` }));
              answer(found, () => {
                items = found;
                areas.isNullObject = found.length === 0;
              });
            });
          },
        };
        return areas;
      },
    };
  }

  function cellRange(resolve: () => string, label: string, address: string): any {
    const at = parseA1(address)!;
    const key = `${label}!${address}`;
    const format: Record<string, unknown> = {};
    const fmt = () => ({
      ...(format.bold !== undefined ? { bold: format.bold as boolean } : {}),
      ...(format.fill ? { fill: format.fill as string } : {}),
      ...(format.fontColor ? { fontColor: format.fontColor as string } : {}),
      ...(format.wrap !== undefined ? { wrap: format.wrap as boolean } : {}),
      ...(format.columnWidth ? { columnWidth: (format.columnWidth as number) / 7 } : {}),
    });
    let formatQueued = false;
    const touch = (k: string, v: unknown) => {
      format[k] = v;
      if (formatQueued) return;
      formatQueued = true;
      q(() => wb.setFormat(resolve(), at.row, at.col, at.rows, at.cols, fmt()));
    };
    const dv: any = { rule: null, errorAlert: null };
    const range: any = resultRange({ numberFormat: [] }, {
      select: () => {
        log.push(`select ${key}`);
        q(() => wb.select(resolve(), at.row, at.col));
      },
    });
    const origLoad = range.load;
    range.load = (p: string) => {
      origLoad(p);
      log.push(`load ${key} ${p}`);
      q(() => {
        const f = wb.readBlock(resolve(), at.row, at.col, at.rows, at.cols).formats;
        answer(f, () => range.fill({ numberFormat: f }));
      });
      return range;
    };
    Object.defineProperty(range, 'values', {
      set(values: unknown[][]) {
        sent.set(key, values);
        q(() => wb.writeValues(resolve(), at.row, at.col, values), jsonBytes(values));
      },
    });
    range.format = {
      font: { set bold(v: boolean) { touch('bold', v); }, set color(v: string) { touch('fontColor', v); } },
      fill: { set color(v: string) { touch('fill', v); } },
      set wrapText(v: boolean) { touch('wrap', v); },
      set columnWidth(v: number) { touch('columnWidth', v); },
    };
    range.dataValidation = {
      clear: () => log.push(`dataValidation.clear ${key}`),
      set rule(r: any) {
        dv.rule = r;
        q(() => wb.setValidation(resolve(), { row: at.row, col: at.col, rows: at.rows, cols: at.cols, source: dv.rule.list.source }));
      },
      get rule() { return dv.rule; },
      set errorAlert(e: any) { dv.errorAlert = e; },
      get errorAlert() { return dv.errorAlert; },
    };
    return range;
  }

  function conditionalFormats(resolve: () => string, label: string) {
    let items: any[] | null = null;
    return guarded(
      {
        get items() {
          return items;
        },
        load: (p: string) => {
          log.push(`load cfs ${label} ${p}`);
          q(() => {
            const list = wb.conditionalFormatList(resolve()).map((cf) => ({ id: cf.id, type: 'Custom', customOrNullObject: { isNullObject: false, rule: { formula: cf.formula } } }));
            answer(list, () => void (items = list));
          });
        },
        getItem: (id: string) => ({
          delete: () => {
            log.push(`cf.delete ${label}#${id}`);
            q(() => wb.deleteConditionalFormat(resolve(), id));
          },
        }),
      },
      () => items !== null,
      'conditionalFormats',
    );
  }

  const cellOf = (address: string) => {
    const a = parseA1(address)!;
    return { sheet: a.sheet!, row: a.row, col: a.col };
  };

  let sheetItems: any[] | null = null;
  const worksheets: any = guarded(
    {
      get items() {
        return sheetItems;
      },
      load: (p: string) => {
        log.push(`load worksheets ${p}`);
        q(() => {
          const list = wb.sheets.map((s) => ({ name: s.name, visibility: s.state === 'visible' ? 'Visible' : s.state === 'hidden' ? 'Hidden' : 'VeryHidden' }));
          answer(list, () => void (sheetItems = list));
        });
      },
      getActiveWorksheet: () => {
        const ws = worksheet(() => wb.active, '(active)');
        let name: string | null = null;
        ws.load = (p: string) => {
          log.push(`load active ${p}`);
          q(() => {
            const n = wb.active;
            answer(n, () => void (name = n));
          });
        };
        Object.defineProperty(ws, 'name', { get: () => { if (name === null) throw new Error('PropertyNotLoaded: name'); return name; } });
        return ws;
      },
      // Resolved at the sync: a missing sheet fails the batch there (ItemNotFound), as in Excel.
      getItem: (n: string) => worksheet(() => wb.mustSheet(n).name, n),
      add: (n: string) => {
        log.push(`add sheet ${n}`);
        q(() => wb.addSheet(n));
      },
    },
    () => sheetItems !== null,
    'worksheets',
  );

  const notes = {
    add: (address: string, text: string) => {
      log.push(`note.add ${address} ${text}`);
      const c = cellOf(address);
      q(() => wb.addNote(c.sheet, c.row, c.col, text));
    },
    getItem: (address: string) => ({
      set content(text: string) {
        log.push(`note.content ${address} ${text}`);
        const c = cellOf(address);
        q(() => wb.setNote(c.sheet, c.row, c.col, text));
      },
    }),
    getItemOrNullObject: (address: string) =>
      later({ content: '' }, () => {
        const c = cellOf(address);
        const text = wb.noteAt(c.sheet, c.row, c.col);
        return text === null ? { data: {}, isNull: true } : { data: { content: text } };
      }),
  };

  const comments = {
    add: (address: string, text: string) => {
      log.push(`comment.add ${address} ${text}`);
      const c = cellOf(address);
      q(() => wb.addComment(c.sheet, c.row, c.col, text));
    },
    getItem: (id: string) => ({
      replies: {
        add: (text: string) => {
          log.push(`reply ${id} ${text}`);
          q(() => wb.addReply(id, text));
        },
      },
      getLocation: () =>
        later({ address: '' }, () => {
          const hit = wb.sheets.flatMap((s) => wb.commentsOf(s.name).filter((c) => c.id === id).map((c) => `${quoteSheet(s.name)}!${rangeA1(c.row, c.col, 1, 1)}`))[0];
          if (!hit) throw new HostError('ItemNotFound', "The requested resource doesn't exist.");
          return { data: { address: hit } };
        }),
    }),
  };

  const context: any = {
    workbook: { worksheets, notes, comments },
    sync: async () => {
      syncs += 1;
      log.push('sync');
      const actions = queue;
      queue = [];
      publish = [];
      response = 0;
      if (wb.editing) {
        if (!delay) throw new HostError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.');
        await wb.whenNotEditing();
      }
      const request = actions.reduce((n, a) => n + (a.request ?? 0), 0);
      if (request > PAYLOAD_LIMIT) throw new HostError('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.');
      try {
        for (const a of actions) a.run();
      } finally {
        wb.changed();
      }
      if (response > PAYLOAD_LIMIT) throw new HostError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.');
      for (const p of publish) await p();
    },
  };
  return {
    host: {
      run: async (batch, options) => {
        runs.push(options);
        delay = options.delayForCellEdit;
        return batch(context);
      },
      isSetSupported: (_n, v) => !!sets[v],
    },
    wb,
    log,
    syncs: () => syncs,
    sent,
    runs,
  };
}

export { dateToSerial };
