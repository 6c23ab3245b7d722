// A small Excel object model for the gateway tests, built from
// office-addin-mock objects (initial values must not be null: the mock
// treats null as an object) where Office.js has scalar properties (so reading
// a property that was never loaded fails as it would in Excel) and plain
// objects for collections. Every call the gateway makes is logged.
import { OfficeMockObject } from 'office-addin-mock';
import type { ExcelHost } from '../../addin/excel/gateway';

export interface FakeSheet {
  name: string;
  values: unknown[][];
  rowIndex?: number;
  columnIndex?: number;
  merged?: string[];
  visibility?: string;
  /** Existing conditional formats: [type, formula]. */
  cfs?: [string, string | null][];
}

export interface FakeExcel {
  host: ExcelHost;
  log: string[];
  syncs: () => number;
  /** Properties set on ranges, by address. */
  ranges: Map<string, any>;
}

const enums = {
  ConditionalFormatType: { custom: 'Custom' },
  DeleteShiftDirection: { left: 'Left' },
  DataValidationAlertStyle: { information: 'Information' },
};

export function installExcelEnums(): void {
  (globalThis as any).Excel = enums;
}

export function fakeExcel(sheets: FakeSheet[], active: string, sets: Record<string, boolean> = { '1.9': true, '1.10': true, '1.13': true }): FakeExcel {
  installExcelEnums();
  const log: string[] = [];
  let syncs = 0;
  const mocks: OfficeMockObject[] = [];
  const ranges = new Map<string, any>();
  const track = (m: OfficeMockObject) => (mocks.push(m), m as any);

  const a1 = (rowIndex: number, columnIndex: number, rows: number, cols: number) => {
    const col = (c: number) => { let s = ''; let n = c + 1; while (n > 0) { s = String.fromCharCode(65 + ((n - 1) % 26)) + s; n = Math.floor((n - 1) / 26); } return s; };
    return `${col(columnIndex)}${rowIndex + 1}:${col(columnIndex + cols - 1)}${rowIndex + rows}`;
  };

  function range(sheet: string, address: string): any {
    const key = `${sheet}!${address}`;
    if (ranges.has(key)) return ranges.get(key);
    const r = track(
      new OfficeMockObject({
        address: key,
        values: [],
        format: { fill: { color: '' }, font: { bold: false, color: '' }, wrapText: false, columnWidth: 0 },
        dataValidation: { rule: '', errorAlert: '', clear: () => log.push(`dataValidation.clear ${key}`) },
        delete: (dir: string) => log.push(`delete ${key} ${dir}`),
        select: () => log.push(`select ${key}`),
      }),
    );
    ranges.set(key, r);
    return r;
  }

  function worksheet(s: FakeSheet): any {
    const rows = s.values.length;
    const cols = s.values[0]?.length ?? 1;
    const cfItems = (s.cfs ?? []).map(([type, formula], i) => ({
      id: `cf${i}`,
      type,
      customOrNullObject: { isNullObject: type !== 'Custom', rule: { formula } },
      delete: () => log.push(`cf.delete ${s.name}#${i}`),
    }));
    return {
      name: s.name,
      visibility: s.visibility ?? 'Visible',
      load: (p: string) => log.push(`load sheet ${p}`),
      activate: () => log.push(`activate ${s.name}`),
      getUsedRange: (valuesOnly: boolean) => {
        log.push(`getUsedRange ${s.name} ${valuesOnly}`);
        const top = s.rowIndex ?? 0;
        const used = track(
          new OfficeMockObject({
            address: `${s.name}!${a1(top, s.columnIndex ?? 0, rows, cols)}`,
            rowIndex: top,
            columnIndex: s.columnIndex ?? 0,
            rowCount: rows,
            columnCount: cols,
          }),
        );
        used.getMergedAreasOrNullObject = () => {
          log.push(`getMergedAreasOrNullObject ${s.name}`);
          return { isNullObject: !s.merged?.length, areas: { items: (s.merged ?? []).map((address) => ({ address })) }, load: (p: string) => log.push(`load merged ${p}`) };
        };
        // The used range cut to a band of whole rows (ws.getRange('1:3000')).
        used.getIntersectionOrNullObject = (other: { rows: [number, number] }) => {
          const [a, b] = other.rows;
          const from = Math.max(a, top);
          const to = Math.min(b, top + rows - 1);
          log.push(`intersect ${s.name} ${a + 1}:${b + 1}`);
          let loaded = false;
          const guard = <T,>(v: T) => {
            if (!loaded) throw new Error('property read before load');
            return v;
          };
          return {
            load: (p: string) => ((loaded = true), log.push(`load band ${p}`)),
            isNullObject: from > to,
            get values() { return guard(s.values.slice(from - top, to - top + 1)); },
            get rowIndex() { return guard(from); },
          };
        };
        return used;
      },
      getRange: (address?: string) => {
        const band = address && /^(\d+):(\d+)$/.exec(address);
        if (band) return { rows: [Number(band[1]) - 1, Number(band[2]) - 1] };
        if (address === undefined)
          return {
            conditionalFormats: {
              items: cfItems,
              load: (p: string) => log.push(`load cfs ${s.name} ${p}`),
              getItem: (id: string) => ({ delete: () => log.push(`cf.delete ${s.name}#${id.slice(2)}`) }),
            },
          };
        return range(s.name, address);
      },
      getRanges: (list: string) => {
        log.push(`getRanges ${s.name} ${list.split(',').length}`);
        return {
          conditionalFormats: {
            add: (type: string) => {
              const cf = track(new OfficeMockObject({ type, custom: { rule: { formula: '' }, format: { fill: { color: '' } } } }));
              log.push(`cf.add ${type}`);
              cfAdded.push({ sheet: s.name, list, cf });
              return cf;
            },
          },
        };
      },
    };
  }
  const cfAdded: { sheet: string; list: string; cf: any }[] = [];
  const wsList = sheets.map(worksheet);
  const context: any = {
    workbook: {
      worksheets: {
        items: wsList,
        load: (p: string) => log.push(`load worksheets ${p}`),
        getActiveWorksheet: () => wsList.find((w) => w.name === active),
        getItem: (n: string) => {
          const w = wsList.find((x) => x.name === n);
          if (!w) throw new Error(`ItemNotFound ${n}`);
          return w;
        },
        add: (n: string) => log.push(`add sheet ${n}`),
      },
      comments: { add: (addr: string, text: string) => log.push(`comment ${addr} ${text}`) },
    },
    sync: async () => {
      syncs += 1;
      log.push('sync');
      for (const m of mocks) await m.sync();
    },
  };
  (context as any).cfAdded = cfAdded;
  return {
    host: {
      run: async (batch) => batch(context),
      isSetSupported: (_n, v) => !!sets[v],
    },
    log,
    syncs: () => syncs,
    ranges,
  };
}
