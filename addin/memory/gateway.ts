// An in-memory workbook behind the same gateway as Excel: the demo page, the
// tests and the bench run the real commands against it. It applies ops with
// the same batching as the Excel gateway and counts the round trips and
// request bytes Excel would see.
import type { CellValue, MergeRange, SheetGrid } from '../../shared/model';
import type { ApplyReport, Capabilities, ReadBack, ReadRequest, SheetInfo, SheetRead, SyncStats, WorkbookGateway } from '../gateway';
import type { CellFormat, Op } from '../ops';
import { DEFAULT_LIMITS, READ_ROWS, bandRowsAfter, extraBands, jsonBytes, planBatches, readSyncs, syncsOf, type Limits } from '../batches';
import { quoteSheet, rangeA1 } from '../a1';
import { ADDIN_MESSAGES } from '../messages';

export interface MemoryHighlight {
  color: string;
  tag: string;
}

export interface MemoryValidation {
  row: number;
  col: number;
  rows: number;
  cols: number;
  source: string;
}

export class MemorySheet {
  name: string;
  cells: CellValue[][] = [];
  merges: MergeRange[] = [];
  notes = new Map<string, string>();
  highlights = new Map<string, MemoryHighlight>();
  formats = new Map<string, CellFormat>();
  validations: MemoryValidation[] = [];
  colWidths = new Map<number, number>();
  state: 'visible' | 'hidden' | 'veryHidden' = 'visible';

  constructor(name: string) {
    this.name = name;
  }

  get(row: number, col: number): CellValue {
    return this.cells[row]?.[col] ?? null;
  }

  set(row: number, col: number, v: CellValue): void {
    while (this.cells.length <= row) this.cells.push([]);
    const r = this.cells[row];
    while (r.length <= col) r.push(null);
    // Excel stores an empty string as an empty cell.
    r[col] = v === '' ? null : v;
  }

  /** Bounding box of the cells that hold a value (Excel's used range, values only). */
  usedBounds(): { row: number; col: number; rows: number; cols: number } | null {
    let top = Infinity, left = Infinity, bottom = -1, right = -1;
    this.cells.forEach((r, i) =>
      r.forEach((v, j) => {
        if (v === null || v === '') return;
        top = Math.min(top, i);
        bottom = Math.max(bottom, i);
        left = Math.min(left, j);
        right = Math.max(right, j);
      }),
    );
    if (bottom < 0) return null;
    return { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
  }
}

export const key = (row: number, col: number) => `${row},${col}`;
const unkey = (k: string) => k.split(',').map(Number) as [number, number];

export class MemoryWorkbook {
  sheets: MemorySheet[] = [];
  active = '';
  selection: { sheet: string; row: number; col: number } | null = null;
  private listeners = new Set<() => void>();

  static fromGrids(grids: SheetGrid[]): MemoryWorkbook {
    const wb = new MemoryWorkbook();
    for (const g of grids) {
      const s = new MemorySheet(g.name);
      const o = g.origin ?? { row: 0, col: 0 };
      g.rows.forEach((r, i) => r.forEach((v, j) => v !== null && v !== '' && s.set(i + o.row, j + o.col, v)));
      s.merges = g.merges.map((m) => ({ top: m.top + o.row, bottom: m.bottom + o.row, left: m.left + o.col, right: m.right + o.col }));
      s.state = g.state ?? 'visible';
      wb.sheets.push(s);
    }
    wb.active = wb.sheets.find((s) => s.state === 'visible')?.name ?? '';
    return wb;
  }

  sheet(name: string): MemorySheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /** Whole sheets as plain grids from A1 (for snapshots and export of the demo). */
  toGrids(): SheetGrid[] {
    return this.sheets.map((s) => ({ name: s.name, rows: s.cells.map((r) => [...r]), merges: s.merges.map((m) => ({ ...m })), state: s.state }));
  }

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  changed(): void {
    for (const fn of this.listeners) fn();
  }
}

export class MemoryGateway implements WorkbookGateway {
  readonly kind = 'memory' as const;
  private counters: SyncStats = { syncs: 0, payloads: [], chunks: 0 };

  constructor(
    readonly workbook: MemoryWorkbook,
    private readonly limits: Limits = DEFAULT_LIMITS,
    private readonly caps: Capabilities = { comments: true, rangeAreas: true },
  ) {}

  capabilities(): Capabilities {
    return this.caps;
  }

  stats(): SyncStats {
    return { ...this.counters, payloads: [...this.counters.payloads] };
  }

  resetStats(): void {
    this.counters = { syncs: 0, payloads: [], chunks: 0 };
  }

  async read(req: ReadRequest): Promise<ReadBack> {
    const wb = this.workbook;
    const active = req.active ? readSheet(wb.sheet(wb.active) ?? null) : null;
    // The memory workbook keeps highlights by cell; clearing removes them all, so the ids are the tags.
    if (active && req.highlights) active.highlightIds = [...new Set([...(wb.sheet(wb.active)?.highlights.values() ?? [])].map((h) => h.tag))];
    const sheets: Record<string, SheetRead | null> = {};
    for (const n of req.names ?? []) sheets[n] = readSheet(wb.sheet(n) ?? null);
    const list: SheetInfo[] = wb.sheets.map((s) => ({ name: s.name, active: s.name === wb.active, visible: s.state === 'visible' }));
    // Like Excel: the list, the used range's size and its first band of rows in
    // one round trip; each further band, or the named sheets, in more (batches.ts).
    const wanted = (req.names ?? []).filter((n) => wb.sheet(n));
    const b = req.active ? wb.sheet(wb.active)?.usedBounds() : null;
    // Band 0 is sheet rows [0, READ_ROWS): what it weighs sizes the later bands, as in Excel.
    const band0 = active && b ? active.rows.slice(0, Math.max(0, READ_ROWS - b.row)) : [];
    const extra = b ? extraBands(b.row, b.rows, bandRowsAfter(band0.length ? jsonBytes(band0) : 0, band0.length)).length : 0;
    const syncs = readSyncs(extra, wanted.length > 0);
    this.counters.syncs += syncs;
    this.counters.payloads.push(jsonBytes(req));
    for (let i = 1; i < syncs; i++) this.counters.payloads.push(jsonBytes({ band: i, names: i === 1 ? wanted : [] }));
    return { active, sheets, list };
  }

  async apply(ops: Op[]): Promise<ApplyReport> {
    const batches = planBatches(ops, this.limits);
    const report: ApplyReport = { syncs: syncsOf(batches), payloads: batches.map((b) => b.bytes), chunks: 0, warnings: [] };
    for (const b of batches) {
      for (const op of b.ops) {
        if (op.kind === 'note' && !this.caps.comments) continue;
        applyOp(this.workbook, op);
      }
      report.chunks += b.chunks;
    }
    if (!this.caps.comments && ops.some((o) => o.kind === 'note')) report.warnings.push(ADDIN_MESSAGES.noComments);
    this.counters.syncs += report.syncs;
    this.counters.payloads.push(...report.payloads);
    this.counters.chunks += report.chunks;
    if (batches.length) this.workbook.changed();
    return report;
  }
}

function readSheet(s: MemorySheet | null): SheetRead | null {
  if (!s) return null;
  const b = s.usedBounds();
  if (!b) return { name: s.name, rows: [], merges: [], origin: { row: 0, col: 0 }, address: '', state: s.state };
  const rows: CellValue[][] = [];
  for (let i = 0; i < b.rows; i++) {
    const r: CellValue[] = [];
    for (let j = 0; j < b.cols; j++) r.push(s.get(b.row + i, b.col + j));
    rows.push(r);
  }
  const merges = s.merges
    .filter((m) => m.bottom >= b.row && m.right >= b.col)
    .map((m) => ({ top: m.top - b.row, bottom: m.bottom - b.row, left: m.left - b.col, right: m.right - b.col }));
  return { name: s.name, rows, merges, origin: { row: b.row, col: b.col }, address: `${quoteSheet(s.name)}!${rangeA1(b.row, b.col, b.rows, b.cols)}`, state: s.state };
}

function must(wb: MemoryWorkbook, name: string): MemorySheet {
  const s = wb.sheet(name);
  if (!s) throw new Error(`工作表「${name}」不存在`);
  return s;
}

function shiftKeys<T>(m: Map<string, T>, col: number, count: number): Map<string, T> {
  const out = new Map<string, T>();
  for (const [k, v] of m) {
    const [r, c] = unkey(k);
    if (c >= col && c < col + count) continue;
    out.set(key(r, c >= col + count ? c - count : c), v);
  }
  return out;
}

export function applyOp(wb: MemoryWorkbook, op: Op): void {
  switch (op.kind) {
    case 'values': {
      const s = must(wb, op.sheet);
      op.values.forEach((r, i) =>
        r.forEach((v, j) => {
          // Office.js leaves a cell alone when the value sent is null.
          if (v !== null) s.set(op.row + i, op.col + j, v);
        }),
      );
      return;
    }
    case 'format': {
      const s = must(wb, op.sheet);
      const { columnWidth, ...cell } = op.format;
      for (let i = 0; i < op.rows; i++)
        for (let j = 0; j < op.cols; j++) {
          const k = key(op.row + i, op.col + j);
          if (Object.keys(cell).length) s.formats.set(k, { ...s.formats.get(k), ...cell });
        }
      if (columnWidth) for (let j = 0; j < op.cols; j++) s.colWidths.set(op.col + j, columnWidth);
      return;
    }
    case 'highlight': {
      const s = must(wb, op.sheet);
      for (const c of op.cells) s.highlights.set(key(c.row, c.col), { color: op.color, tag: op.tag });
      return;
    }
    case 'clearHighlights':
      must(wb, op.sheet).highlights.clear();
      return;
    case 'note':
      must(wb, op.sheet).notes.set(key(op.row, op.col), op.text);
      return;
    case 'validationList': {
      const s = must(wb, op.sheet);
      s.validations = s.validations.filter((v) => !(v.row === op.row && v.col === op.col));
      s.validations.push({ row: op.row, col: op.col, rows: op.rows, cols: op.cols, source: op.source });
      return;
    }
    case 'deleteColumns': {
      const s = must(wb, op.sheet);
      for (const r of s.cells) r.splice(op.col, op.count);
      s.notes = shiftKeys(s.notes, op.col, op.count);
      s.highlights = shiftKeys(s.highlights, op.col, op.count);
      s.formats = shiftKeys(s.formats, op.col, op.count);
      s.validations = s.validations
        .filter((v) => v.col + v.cols <= op.col || v.col >= op.col + op.count)
        .map((v) => (v.col >= op.col + op.count ? { ...v, col: v.col - op.count } : v));
      const widths = new Map<number, number>();
      for (const [c, w] of s.colWidths) if (c < op.col) widths.set(c, w);
      else if (c >= op.col + op.count) widths.set(c - op.count, w);
      s.colWidths = widths;
      return;
    }
    case 'addSheet':
      if (!wb.sheet(op.name)) wb.sheets.push(new MemorySheet(op.name));
      return;
    case 'activate':
      must(wb, op.sheet);
      wb.active = op.sheet;
      return;
    case 'select':
      must(wb, op.sheet);
      wb.active = op.sheet;
      wb.selection = { sheet: op.sheet, row: op.row, col: op.col };
      return;
  }
}
