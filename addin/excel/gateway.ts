// The only file that touches Office.js. Every round of ../rounds.ts becomes
// Excel calls and one context.sync() here; what to ask and how to recover
// when Excel refuses is decided there, once for both gateways.
//
// Requirement sets: ExcelApi 1.9 is the floor (RangeAreas via getRanges and
// their conditional formats, data validation 1.8, getUsedRange(valuesOnly),
// Excel.RunOptions.delayForCellEdit, documented from the 1.8 reference on).
// Threaded comments need ExcelApi 1.10, merged-area reads 1.13, notes 1.18,
// Excel.createWorkbook 1.8: each is checked at run time and the pane carries
// on without it, with a message. References for every rule: docs/addin.md.
import type { ApplyReport, Capabilities, ReadBack, ReadRequest, SheetInfo, SyncStats, WorkbookGateway } from '../gateway';
import type { Op } from '../ops';
import { DEFAULT_LIMITS, type Limits } from '../batches';
import { Counters, runApply, runRead, type BandGot, type ReadReply, type ReadRound, type RoundHost, type WriteOp, type WriteReply, type WriteRound } from '../rounds';
import { areaLists, cellA1, columnLetter0, columnsA1, parseA1, quoteSheet, rangeA1 } from '../a1';
import { highlightFormula, highlightTag } from '../highlights';
import type { MergeRange } from '../../shared/model';

export interface RunOptions {
  /** Excel.RunOptions.delayForCellEdit: hold the batch while the user edits a cell instead of failing it. */
  delayForCellEdit: boolean;
}

/** What the gateway needs from the host; the tests pass a mock of Office.js here. */
export interface ExcelHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>, options: RunOptions): Promise<T>;
  isSetSupported(name: string, version: string): boolean;
}

export function officeHost(): ExcelHost {
  return {
    run: (batch, options) => Excel.run(options, batch),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
  };
}

/** Which platform the pane runs in (Office.context.platform): Mac and iPad webviews ignore blob downloads. */
export function officePlatform(): 'mac' | 'ios' | 'web' | 'windows' | 'other' {
  const p = Office.context.platform;
  if (p === Office.PlatformType.Mac) return 'mac';
  if (p === Office.PlatformType.iOS) return 'ios';
  if (p === Office.PlatformType.OfficeOnline) return 'web';
  if (p === Office.PlatformType.PC) return 'windows';
  return 'other';
}

/** Whether this Excel has ExcelApi `version` (the pane's floor is 1.9). */
export function excelApiSupported(version: string): boolean {
  return Office.context.requirements.isSetSupported('ExcelApi', version);
}

/** Bytes as base64 (what Excel.createWorkbook takes), in slices so a large file does not overflow the call stack. */
export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/**
 * Opens `bytes` (an .xlsx) as a new workbook in a new Excel window:
 * Excel.createWorkbook(base64), ExcelApi 1.8. The way to hand a file over
 * where the webview ignores downloads (Excel for Mac); the user saves it there.
 */
export async function openAsNewWorkbook(bytes: Uint8Array): Promise<void> {
  await Excel.createWorkbook(toBase64(bytes));
}

const CF_LOAD = 'items/id,items/type,items/customOrNullObject/rule/formula';

/** Ids of the conditional formats this add-in made (custom, with the marker in the formula). */
function ourHighlightIds(cfs: Excel.ConditionalFormatCollection): string[] {
  return cfs.items.filter((cf) => !cf.customOrNullObject.isNullObject && highlightTag(cf.customOrNullObject.rule.formula) !== null).map((cf) => cf.id);
}

/** Excel column width is in points; one Latin digit is about 7 points wide at 11 pt. */
const POINTS_PER_CHAR = 7;

export class ExcelGateway implements WorkbookGateway {
  readonly kind = 'excel' as const;
  private counters = new Counters();

  constructor(
    private readonly host: ExcelHost = officeHost(),
    private readonly limits: Limits = DEFAULT_LIMITS,
  ) {}

  capabilities(): Capabilities {
    const has = (v: string) => this.host.isSetSupported('ExcelApi', v);
    return { comments: has('1.10'), notes: has('1.18'), merges: has('1.13'), rangeAreas: has('1.9') };
  }

  stats(): SyncStats {
    return this.counters.snapshot();
  }

  resetStats(): void {
    this.counters.reset();
  }

  takeNotices(): string[] {
    return this.counters.takeNotices();
  }

  /** One Excel.run per command step: a click while a cell is being edited waits for the edit to end (delayForCellEdit). */
  private run<T>(fn: (rounds: ExcelRounds) => Promise<T>): Promise<T> {
    return this.host.run((context) => fn(new ExcelRounds(context)), { delayForCellEdit: true });
  }

  read(req: ReadRequest): Promise<ReadBack> {
    return this.run((rounds) => runRead(rounds, req, this.capabilities(), this.counters));
  }

  async apply(ops: Op[]): Promise<ApplyReport> {
    if (!ops.length) return { syncs: 0, payloads: [], chunks: 0, warnings: [] };
    return this.run((rounds) => runApply(rounds, ops, this.capabilities(), this.limits, this.counters));
  }
}

/** One round = the Excel calls it needs and one context.sync(). */
export class ExcelRounds implements RoundHost {
  constructor(private readonly context: Excel.RequestContext) {}

  private sheet(ref: string | null): Excel.Worksheet {
    const sheets = this.context.workbook.worksheets;
    return ref === null ? sheets.getActiveWorksheet() : sheets.getItem(ref);
  }

  async read(round: ReadRound): Promise<ReadReply> {
    const wb = this.context.workbook;
    let list: { sheets: Excel.WorksheetCollection; active: Excel.Worksheet } | null = null;
    if (round.list) {
      const sheets = wb.worksheets;
      sheets.load('items/name,items/visibility');
      const active = sheets.getActiveWorksheet();
      active.load('name');
      list = { sheets, active };
    }
    const used = round.used.map((ref) => {
      const u = this.sheet(ref).getUsedRange(true);
      u.load('address,rowIndex,columnIndex,rowCount,columnCount');
      return u;
    });
    const bands = round.bands.map((ask) => {
      const ws = this.sheet(ask.sheet);
      // The used range cut to whole sheet rows [from, to): a null object when they do not meet.
      const range = ws.getUsedRange(true).getIntersectionOrNullObject(ws.getRange(`${ask.from + 1}:${ask.to}`));
      range.load(ask.formats === 'all' ? 'values,numberFormat,rowIndex,columnIndex' : 'values,rowIndex,columnIndex');
      const columns = ask.formats === 'all' ? [] : ask.formats.map((c) => {
        const r = ws.getRange(`${columnLetter0(c)}${ask.from + 1}:${columnLetter0(c)}${ask.to}`);
        r.load('numberFormat');
        return [c, r] as const;
      });
      // Merged areas over whole rows, a slice at a time (Excel refuses over 512 areas in one call).
      const merges: Excel.RangeAreas[] = [];
      for (let a = ask.from; ask.mergeRows > 0 && a < ask.to; a += ask.mergeRows) {
        const m = ws.getRange(`${a + 1}:${Math.min(a + ask.mergeRows, ask.to)}`).getMergedAreasOrNullObject();
        m.load('areas/items/address');
        merges.push(m);
      }
      return { range, columns, merges };
    });
    let cfs: Excel.ConditionalFormatCollection | null = null;
    if (round.highlights) {
      cfs = wb.worksheets.getActiveWorksheet().getRange().conditionalFormats;
      cfs.load(CF_LOAD);
    }
    await this.context.sync();
    const info: SheetInfo[] | null = list ? list.sheets.items.map((s) => ({ name: s.name, active: s.name === list!.active.name, visible: s.visibility === 'Visible' })) : null;
    return {
      list: info,
      used: used.map((u) => ({ address: u.address, row: u.rowIndex, col: u.columnIndex, rows: u.rowCount, cols: u.columnCount })),
      bands: bands.map(({ range, columns, merges }): BandGot | null => {
        if (range.isNullObject) return null;
        const columnFormats: Record<number, string[]> = {};
        for (const [c, r] of columns) columnFormats[c] = (r.numberFormat as string[][]).map((row) => row[0]);
        return {
          row: range.rowIndex,
          col: range.columnIndex,
          values: range.values,
          formats: columns.length || !Array.isArray(range.numberFormat) ? null : (range.numberFormat as string[][]),
          columnFormats,
          merges: merges.flatMap((m) => (m.isNullObject ? [] : m.areas.items.map((a) => toMerge(a.address)).filter((x): x is MergeRange => !!x))),
        };
      }),
      highlightIds: cfs ? ourHighlightIds(cfs) : null,
    };
  }

  async write(round: WriteRound): Promise<WriteReply> {
    const wb = this.context.workbook;
    for (const op of round.ops) this.queue(op);
    // Lookups go after the ops, in the same round trip.
    const highlights = round.findHighlights.map((s) => {
      const cfs = wb.worksheets.getItem(s).getRange().conditionalFormats;
      cfs.load(CF_LOAD);
      return [s, cfs] as const;
    });
    const notes = round.findNotes.map((c) => {
      const n = wb.notes.getItemOrNullObject(`${quoteSheet(c.sheet)}!${cellA1(c.row, c.col)}`);
      n.load('content');
      return n;
    });
    const comments = round.findComments.map((s) => {
      const cs = wb.worksheets.getItem(s).comments;
      cs.load('items/id');
      return [s, cs] as const;
    });
    const located = round.locateComments.map((id) => {
      const at = wb.comments.getItem(id).getLocation();
      at.load('address');
      return [id, at] as const;
    });
    await this.context.sync();
    const commentCells: WriteReply['commentCells'] = {};
    for (const [id, at] of located) {
      const a = parseA1(at.address);
      commentCells[id] = a?.sheet ? { sheet: a.sheet, row: a.row, col: a.col } : null;
    }
    return {
      highlights: Object.fromEntries(highlights.map(([s, cfs]) => [s, ourHighlightIds(cfs)])),
      notes: notes.map((n) => (n.isNullObject ? null : n.content)),
      comments: Object.fromEntries(comments.map(([s, cs]) => [s, cs.items.map((c) => c.id)])),
      commentCells,
    };
  }

  private queue(op: WriteOp): void {
    const wb = this.context.workbook;
    const sheets = wb.worksheets;
    switch (op.kind) {
      case 'values': {
        const cols = op.values[0]?.length ?? 0;
        if (!op.values.length || !cols) return;
        // rounds.ts has already made every string safe (textForExcel) and every date an ISO day.
        sheets.getItem(op.sheet).getRange(rangeA1(op.row, op.col, op.values.length, cols)).values = op.values as (string | number | boolean)[][];
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
        // Ids come in deletion order (rounds.ts): the largest priority first, so the others keep theirs.
        const cfs = sheets.getItem(op.sheet).getRange().conditionalFormats;
        for (const id of op.ids ?? []) cfs.getItem(id).delete();
        return;
      }
      case 'noteWrite': {
        const at = `${quoteSheet(op.sheet)}!${cellA1(op.row, op.col)}`;
        if (op.how === 'addNote') wb.notes.add(at, op.text);
        else if (op.how === 'appendNote') wb.notes.getItem(at).content = op.text;
        else if (op.how === 'addComment') wb.comments.add(at, op.text);
        else wb.comments.getItem(op.commentId ?? '').replies.add(op.text);
        return;
      }
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
}

function toMerge(address: string): MergeRange | null {
  const a = parseA1(address);
  return a ? { top: a.row, left: a.col, bottom: a.row + a.rows - 1, right: a.col + a.cols - 1 } : null;
}

export { areaLists, highlightFormula };
