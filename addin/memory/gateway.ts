// The in-memory workbook behind the same gateway as Excel: the demo page, the
// tests and the bench run the real commands against it. Reads and changes go
// through the same rounds (../rounds.ts) as the Office.js gateway, so the
// round trips it counts are the ones Excel would see, and each round is
// refused where Excel refuses it (workbook.ts): a response or request over
// 5 MB, more than 512 merged areas, edit mode, a protected sheet …
import type { ApplyReport, Capabilities, ReadBack, ReadRequest, SheetInfo, SyncStats, WorkbookGateway } from '../gateway';
import type { Op } from '../ops';
import { DEFAULT_LIMITS, jsonBytes, type Limits } from '../batches';
import { Counters, runApply, runRead, type BandGot, type ReadReply, type ReadRound, type RoundHost, type UsedInfo, type WriteOp, type WriteReply, type WriteRound } from '../rounds';
import { HostError, PAYLOAD_LIMIT } from '../excel-rules';
import { highlightFormula, highlightTag } from '../highlights';
import { areaGroups, quoteSheet, rangeA1 } from '../a1';
import { MemoryWorkbook, type MemorySheet } from './workbook';

export { MemorySheet, MemoryWorkbook, key, type MemoryHighlight, type MemoryValidation } from './workbook';

export interface MemoryOptions {
  /** As Excel.run's delayForCellEdit: hold each round while the user edits a cell, instead of failing it. */
  delayForCellEdit: boolean;
}

/** Every set the pane can use (ExcelApi 1.18 and up). */
export const ALL_CAPABILITIES: Capabilities = { comments: true, notes: true, merges: true, rangeAreas: true };

export class MemoryGateway implements WorkbookGateway {
  readonly kind = 'memory' as const;
  private counters = new Counters();
  private rounds: MemoryRounds;

  constructor(
    readonly workbook: MemoryWorkbook,
    private readonly limits: Limits = DEFAULT_LIMITS,
    private readonly caps: Capabilities = ALL_CAPABILITIES,
    options: MemoryOptions = { delayForCellEdit: true },
  ) {
    this.rounds = new MemoryRounds(workbook, options);
  }

  capabilities(): Capabilities {
    return this.caps;
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

  read(req: ReadRequest): Promise<ReadBack> {
    return runRead(this.rounds, req, this.caps, this.counters);
  }

  apply(ops: Op[]): Promise<ApplyReport> {
    return runApply(this.rounds, ops, this.caps, this.limits, this.counters);
  }
}

/** Excel's used range (values only): A1 on a blank sheet. */
function usedOf(s: MemorySheet): UsedInfo {
  const b = s.usedBounds() ?? { row: 0, col: 0, rows: 1, cols: 1 };
  return { ...b, address: `${quoteSheet(s.name)}!${rangeA1(b.row, b.col, b.rows, b.cols)}` };
}

/** One round = one context.sync(), run against the in-memory workbook with Excel's refusals. */
export class MemoryRounds implements RoundHost {
  constructor(
    private readonly wb: MemoryWorkbook,
    private readonly options: MemoryOptions,
  ) {}

  /** Edit mode: Excel fails the batch, or holds it until the user leaves the cell (delayForCellEdit). */
  private async gate(): Promise<void> {
    if (this.options.delayForCellEdit) await this.wb.whenNotEditing();
    this.wb.assertNotEditing();
  }

  async read(round: ReadRound): Promise<ReadReply> {
    await this.gate();
    const wb = this.wb;
    const sheetOf = (ref: string | null) => wb.mustSheet(ref ?? wb.active);
    const used = round.used.map((ref) => usedOf(sheetOf(ref)));
    const bands = round.bands.map((ask): BandGot | null => {
      const s = sheetOf(ask.sheet);
      const u = usedOf(s);
      const merges = [];
      for (let a = ask.from; ask.mergeRows > 0 && a < ask.to; a += ask.mergeRows) merges.push(...wb.mergedAreas(s.name, a, Math.min(a + ask.mergeRows, ask.to)));
      const from = Math.max(ask.from, u.row);
      const to = Math.min(ask.to, u.row + u.rows);
      if (from >= to) return null;
      const block = wb.readBlock(s.name, from, u.col, to - from, u.cols);
      const columnFormats: Record<number, string[]> = {};
      if (ask.formats !== 'all') for (const c of ask.formats) columnFormats[c] = wb.readBlock(s.name, ask.from, c, ask.to - ask.from, 1).formats.map((r) => r[0]);
      return { row: from, col: u.col, values: block.values, formats: ask.formats === 'all' ? block.formats : null, columnFormats, merges };
    });
    const list: SheetInfo[] | null = round.list ? wb.sheets.map((s) => ({ name: s.name, active: s.name === wb.active, visible: s.state === 'visible' })) : null;
    const highlightIds = round.highlights ? wb.conditionalFormatList(wb.active).filter((cf) => highlightTag(cf.formula) !== null).map((cf) => cf.id) : null;
    const reply: ReadReply = { list, used, bands, highlightIds };
    if (jsonBytes(reply) > PAYLOAD_LIMIT) throw new HostError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.');
    return reply;
  }

  async write(round: WriteRound): Promise<WriteReply> {
    await this.gate();
    const wb = this.wb;
    if (jsonBytes(round.ops) > PAYLOAD_LIMIT) throw new HostError('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.');
    try {
      // In order; a refused op stops the batch and leaves the ones before it applied, as in Excel.
      for (const op of round.ops) applyWrite(wb, op);
    } finally {
      if (round.ops.length) wb.changed();
    }
    const highlights: Record<string, string[]> = {};
    for (const s of round.findHighlights) highlights[s] = wb.conditionalFormatList(s).filter((cf) => highlightTag(cf.formula) !== null).map((cf) => cf.id);
    const comments: Record<string, string[]> = {};
    for (const s of round.findComments) comments[s] = wb.commentsOf(s).map((c) => c.id);
    const commentCells: WriteReply['commentCells'] = {};
    for (const id of round.locateComments) {
      const at = wb.sheets.flatMap((s) => wb.commentsOf(s.name).filter((c) => c.id === id).map((c) => ({ sheet: s.name, row: c.row, col: c.col })))[0];
      commentCells[id] = at ?? null;
    }
    return { highlights, notes: round.findNotes.map((c) => wb.noteAt(c.sheet, c.row, c.col)), comments, commentCells };
  }
}

/** One op as Excel carries it out (the Office.js gateway's queueOp, against the in-memory workbook). */
export function applyWrite(wb: MemoryWorkbook, op: WriteOp): void {
  switch (op.kind) {
    case 'values':
      return wb.writeValues(op.sheet, op.row, op.col, op.values);
    case 'format':
      return wb.setFormat(op.sheet, op.row, op.col, op.rows, op.cols, op.format);
    case 'highlight':
      // One conditional format per address list, as getRanges(list).conditionalFormats.add makes them.
      for (const cells of areaGroups(op.cells)) wb.addConditionalFormat(op.sheet, cells, op.color, highlightFormula(op.tag));
      return;
    case 'clearHighlights':
      for (const id of op.ids ?? []) wb.deleteConditionalFormat(op.sheet, id);
      return;
    case 'noteWrite':
      if (op.how === 'addNote') return wb.addNote(op.sheet, op.row, op.col, op.text);
      if (op.how === 'appendNote') return wb.setNote(op.sheet, op.row, op.col, op.text);
      if (op.how === 'addComment') return wb.addComment(op.sheet, op.row, op.col, op.text);
      return wb.addReply(op.commentId ?? '', op.text);
    case 'validationList':
      return wb.setValidation(op.sheet, { row: op.row, col: op.col, rows: op.rows, cols: op.cols, source: op.source });
    case 'deleteColumns':
      return wb.deleteColumns(op.sheet, op.col, op.count);
    case 'addSheet':
      return wb.addSheet(op.name);
    case 'activate':
      return wb.activate(op.sheet);
    case 'select':
      return wb.select(op.sheet, op.row, op.col);
  }
}

