// The only file that touches Office.js. Everything it does is a translation of
// the plain ops in ../ops.ts; batching comes from ../batches.ts so the round
// trips here are the ones the memory gateway counts.
//
// Requirement sets: ExcelApi 1.9 is the floor (RangeAreas via getRanges and
// their conditional formats, data validation 1.8, getUsedRange(valuesOnly)).
// Comments need ExcelApi 1.10 and merged-area reads 1.13; both are checked at
// run time and degrade with a message instead of failing.
import type { CellValue, MergeRange } from '../../shared/model';
import type { ApplyReport, Capabilities, ReadBack, ReadRequest, SheetInfo, SheetRead, SyncStats, WorkbookGateway } from '../gateway';
import type { Op } from '../ops';
import { DEFAULT_LIMITS, READ_ROWS, bandRowsAfter, extraBands, jsonBytes, planBatches, type Limits } from '../batches';
import { cellA1, columnsA1, parseA1, quoteSheet, rangeA1 } from '../a1';
import { ADDIN_MESSAGES } from '../messages';

/** What the gateway needs from the host; the tests pass office-addin-mock here. */
export interface ExcelHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  isSetSupported(name: string, version: string): boolean;
}

export function officeHost(): ExcelHost {
  return {
    run: (batch) => Excel.run(batch),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
  };
}

/** Highlights carry this marker in their formula so they can be found and removed later. */
export const HIGHLIGHT_MARK = 'kesu';
export const highlightFormula = (tag: string) => `=ISTEXT("${HIGHLIGHT_MARK}:${tag}")`;
const CF_LOAD = 'items/id,items/type,items/customOrNullObject/rule/formula';

/** The conditional formats this add-in made (custom, with the marker in the formula). */
function ourHighlights(cfs: Excel.ConditionalFormatCollection): Excel.ConditionalFormat[] {
  return cfs.items.filter((cf) => {
    const c = cf.customOrNullObject;
    return !c.isNullObject && !!c.rule.formula?.includes(`"${HIGHLIGHT_MARK}:`);
  });
}

/** Characters per getRanges address list; Excel refuses very long ones. */
const MAX_AREAS_CHARS = 2000;
/** Excel column width is in points; one CJK character is about 14 points wide at 11 pt, one Latin digit 7. */
const POINTS_PER_CHAR = 7;

export class ExcelGateway implements WorkbookGateway {
  readonly kind = 'excel' as const;
  private counters: SyncStats = { syncs: 0, payloads: [], chunks: 0 };

  constructor(
    private readonly host: ExcelHost = officeHost(),
    private readonly limits: Limits = DEFAULT_LIMITS,
  ) {}

  capabilities(): Capabilities {
    return { comments: this.host.isSetSupported('ExcelApi', '1.10'), rangeAreas: this.host.isSetSupported('ExcelApi', '1.9') };
  }

  stats(): SyncStats {
    return { ...this.counters, payloads: [...this.counters.payloads] };
  }

  resetStats(): void {
    this.counters = { syncs: 0, payloads: [], chunks: 0 };
  }

  private async sync(context: Excel.RequestContext, bytes: number): Promise<void> {
    this.counters.syncs += 1;
    this.counters.payloads.push(bytes);
    await context.sync();
  }

  async read(req: ReadRequest): Promise<ReadBack> {
    const merges = this.host.isSetSupported('ExcelApi', '1.13');
    const out: ReadBack = { active: null, sheets: {}, list: [] };
    return this.host.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name,items/visibility');
      const activeWs = context.workbook.worksheets.getActiveWorksheet();
      activeWs.load('name');
      // Round trip 1: the sheet list, the used range's size and its first band of rows.
      const active = req.active ? queueUsed(activeWs, merges) : null;
      let cfs: Excel.ConditionalFormatCollection | null = null;
      if (active && req.highlights) {
        cfs = activeWs.getRange().conditionalFormats;
        cfs.load(CF_LOAD);
      }
      await this.sync(context, jsonBytes(req));
      const list: SheetInfo[] = sheets.items.map((s) => ({ name: s.name, active: s.name === activeWs.name, visible: s.visibility === 'Visible' }));
      for (const n of req.names ?? []) out.sheets[n] = null;
      // Named sheets are read only once we know they exist: a missing sheet costs nothing.
      const wanted = (req.names ?? []).filter((n) => list.some((s) => s.name === n));
      // Later bands are sized from what band 0 weighed: fewer round trips for short rows.
      const first = active?.bands[0];
      const firstRows = first && !first.isNullObject && Array.isArray(first.values) ? first.values.length : 0;
      const bandRows = bandRowsAfter(firstRows ? jsonBytes(first!.values) : 0, firstRows);
      const bands = active ? extraBands(active.used.rowIndex, active.used.rowCount, bandRows) : [];
      const rounds = Math.max(bands.length, wanted.length ? 1 : 0);
      const named: (readonly [string, QueuedUsed])[] = [];
      for (let i = 0; i < rounds; i++) {
        if (i === 0) for (const n of wanted) named.push([n, queueUsed(sheets.getItem(n), merges)] as const);
        if (active && i < bands.length) active.bands.push(queueBand(activeWs, active.used, bands[i]));
        await this.sync(context, jsonBytes({ band: bands[i] ?? null, names: i === 0 ? wanted : [] }));
      }
      if (active) out.active = toRead(activeWs.name, active);
      if (out.active && cfs) out.active.highlightIds = ourHighlights(cfs).map((cf) => cf.id);
      for (const [n, q] of named) out.sheets[n] = toRead(n, q);
      // Named sheets (the 单位名录) are read in one band: their first READ_ROWS rows.
      out.list = list;
      return out;
    });
  }

  async apply(ops: Op[]): Promise<ApplyReport> {
    const batches = planBatches(ops, this.limits);
    const caps = this.capabilities();
    const report: ApplyReport = { syncs: 0, payloads: [], chunks: 0, warnings: [] };
    if (!batches.length) return report;
    const before = this.counters.syncs;
    await this.host.run(async (context) => {
      for (const batch of batches) {
        const found = new Map<string, Excel.ConditionalFormatCollection>();
        if (batch.reads) {
          // Find our highlights (custom formats carrying the marker) before deleting them.
          for (const op of batch.ops)
            if (op.kind === 'clearHighlights') {
              const cfs = context.workbook.worksheets.getItem(op.sheet).getRange().conditionalFormats;
              cfs.load(CF_LOAD);
              found.set(op.sheet, cfs);
            }
          await this.sync(context, 64 * found.size);
        }
        const isNotes = batch.ops.every((o) => o.kind === 'note');
        if (isNotes && !caps.comments) {
          report.warnings.push(ADDIN_MESSAGES.noComments);
          continue;
        }
        for (const op of batch.ops) queueOp(context, op, found);
        try {
          await this.sync(context, batch.bytes);
        } catch (e) {
          // A refused comment (e.g. the cell already has one) must not undo the values written before it.
          if (!isNotes) throw e;
          report.warnings.push(ADDIN_MESSAGES.commentFailed((e as Error).message));
        }
        report.chunks += batch.chunks;
        report.payloads.push(batch.bytes);
      }
    });
    report.syncs = this.counters.syncs - before;
    this.counters.chunks += report.chunks;
    return report;
  }
}

interface QueuedUsed {
  used: Excel.Range;
  merged: Excel.RangeAreas | null;
  /** Row bands of the used range; band 0 is queued with the size. */
  bands: Excel.Range[];
}

/** Sheet rows [from, to) (0-based) of the used range. */
function queueBand(ws: Excel.Worksheet, used: Excel.Range, band: { from: number; to: number }): Excel.Range {
  const r = used.getIntersectionOrNullObject(ws.getRange(`${band.from + 1}:${band.to}`));
  r.load('values,rowIndex');
  return r;
}

function queueUsed(ws: Excel.Worksheet, merges: boolean): QueuedUsed {
  const used = ws.getUsedRange(true);
  used.load('address,rowIndex,columnIndex,rowCount,columnCount');
  let merged: Excel.RangeAreas | null = null;
  if (merges) {
    merged = used.getMergedAreasOrNullObject();
    merged.load('areas/items/address');
  }
  return { used, merged, bands: [queueBand(ws, used, { from: 0, to: READ_ROWS })] };
}

function toRead(name: string, q: QueuedUsed): SheetRead {
  const origin = { row: q.used.rowIndex, col: q.used.columnIndex };
  const rows: CellValue[][] = Array.from({ length: q.used.rowCount }, () => []);
  for (const band of q.bands) {
    if (band.isNullObject) continue;
    (band.values as unknown[][]).forEach((r, i) => {
      rows[band.rowIndex - origin.row + i] = r.map((v) => (v === '' || v === undefined ? null : (v as CellValue)));
    });
  }
  const blank = rows.length === 1 && (rows[0].length === 0 || (rows[0].length === 1 && rows[0][0] === null));
  const merges: MergeRange[] = [];
  if (q.merged && !q.merged.isNullObject)
    for (const area of q.merged.areas.items) {
      const a = parseA1(area.address);
      if (a) merges.push({ top: a.row - origin.row, left: a.col - origin.col, bottom: a.row - origin.row + a.rows - 1, right: a.col - origin.col + a.cols - 1 });
    }
  return { name, rows: blank ? [] : rows, merges, origin, address: blank ? '' : q.used.address };
}

function toExcelValue(v: CellValue): string | number | boolean | null {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return v;
}

/** Group cell addresses into comma lists short enough for getRanges. */
export function areaLists(cells: { row: number; col: number }[]): string[] {
  const out: string[] = [];
  let cur = '';
  for (const c of cells) {
    const a = cellA1(c.row, c.col);
    if (cur && cur.length + a.length + 1 > MAX_AREAS_CHARS) {
      out.push(cur);
      cur = '';
    }
    cur = cur ? `${cur},${a}` : a;
  }
  if (cur) out.push(cur);
  return out;
}

function queueOp(context: Excel.RequestContext, op: Op, found: Map<string, Excel.ConditionalFormatCollection>): void {
  const sheets = context.workbook.worksheets;
  switch (op.kind) {
    case 'values': {
      const cols = op.values[0]?.length ?? 0;
      if (!op.values.length || !cols) return;
      sheets.getItem(op.sheet).getRange(rangeA1(op.row, op.col, op.values.length, cols)).values = op.values.map((r) => r.map(toExcelValue)) as any[][];
      return;
    }
    case 'format': {
      const r = sheets.getItem(op.sheet).getRange(rangeA1(op.row, op.col, op.rows, op.cols));
      const f = op.format;
      if (f.bold !== undefined) r.format.font.bold = f.bold;
      if (f.fill) r.format.fill.color = f.fill;
      if (f.fontColor) r.format.font.color = f.fontColor;
      if (f.wrap !== undefined) r.format.wrapText = f.wrap;
      if (f.columnWidth) r.format.columnWidth = f.columnWidth * POINTS_PER_CHAR;
      return;
    }
    case 'highlight': {
      // One conditional format per list of areas: hundreds of cells per call, never one call per cell.
      const ws = sheets.getItem(op.sheet);
      for (const list of areaLists(op.cells)) {
        const cf = ws.getRanges(list).conditionalFormats.add(Excel.ConditionalFormatType.custom);
        cf.custom.rule.formula = highlightFormula(op.tag);
        cf.custom.format.fill.color = op.color;
      }
      return;
    }
    case 'clearHighlights': {
      if (op.ids) {
        const cfs = sheets.getItem(op.sheet).getRange().conditionalFormats;
        for (const id of op.ids) cfs.getItem(id).delete();
        return;
      }
      const cfs = found.get(op.sheet);
      if (cfs) for (const cf of ourHighlights(cfs)) cf.delete();
      return;
    }
    case 'note':
      context.workbook.comments.add(`${quoteSheet(op.sheet)}!${cellA1(op.row, op.col)}`, op.text);
      return;
    case 'validationList': {
      const dv = sheets.getItem(op.sheet).getRange(rangeA1(op.row, op.col, op.rows, op.cols)).dataValidation;
      dv.clear();
      dv.rule = { list: { inCellDropDown: true, source: op.source } };
      // A cell may name several units (区教育局、区科协): offer the list, do not refuse other text.
      dv.errorAlert = { showAlert: false, message: '', style: Excel.DataValidationAlertStyle.information, title: '' };
      return;
    }
    case 'deleteColumns':
      sheets.getItem(op.sheet).getRange(columnsA1(op.col, op.count)).delete(Excel.DeleteShiftDirection.left);
      return;
    case 'addSheet':
      sheets.add(op.name);
      return;
    case 'activate':
      sheets.getItem(op.sheet).activate();
      return;
    case 'select': {
      const ws = sheets.getItem(op.sheet);
      ws.activate();
      ws.getRange(cellA1(op.row, op.col)).select();
      return;
    }
  }
}
