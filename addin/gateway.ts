// What the task pane needs from a workbook, and nothing more. Two
// implementations: excel/gateway.ts (Office.js, the only file that touches
// Excel.run) and memory/gateway.ts (a plain in-memory workbook for the demo,
// the tests and the bench). Commands never talk to a host directly: they
// compute a list of operations (ops.ts) and hand it to `apply`, which groups
// them into a fixed, small number of round trips (batches.ts) whatever the
// row count.
import type { CellValue, MergeRange, SheetGrid } from '../shared/model';
import type { Op } from './ops';

/** The used range of a sheet as plain data, plus where it sits. */
export interface SheetRead extends SheetGrid {
  /** 0-based position of rows[0][0] in the sheet. */
  origin: { row: number; col: number };
  /** A1 address of the used range (e.g. 任务台账!A1:J32), '' for an empty sheet. */
  address: string;
  /** Ids of the add-in's own highlights on this sheet, when the read asked for them. */
  highlightIds?: string[];
}

export interface SheetInfo {
  name: string;
  active: boolean;
  visible: boolean;
}

/** Round trips and request sizes of one command, as the host saw them. */
export interface SyncStats {
  /** context.sync() calls (or their in-memory equivalent). */
  syncs: number;
  /** Bytes of each request, estimated as the JSON of what was sent. */
  payloads: number[];
  /** Chunks that value writes were split into. */
  chunks: number;
}

export interface ApplyReport {
  syncs: number;
  payloads: number[];
  chunks: number;
  /** Non-fatal problems (e.g. the host cannot hold comments), zh-CN. */
  warnings: string[];
}

export interface Capabilities {
  /** Threaded comments on cells (ExcelApi 1.10). */
  comments: boolean;
  /** Notes, the classic cell note (ExcelApi 1.18): where there, a 原值 record is a note. */
  notes: boolean;
  /** Merged areas of a range (ExcelApi 1.13); without them merged cells read as unmerged. */
  merges: boolean;
  /** Multi-area ranges and their conditional formats (ExcelApi 1.9). */
  rangeAreas: boolean;
}

export interface ReadRequest {
  active?: boolean;
  names?: string[];
  /** Also find the add-in's highlights on the active sheet (same round trip), so clearing them costs none. */
  highlights?: boolean;
}

/** What one read returns: the sheets asked for and the list of all sheets. */
export interface ReadBack {
  /** The active sheet's used range, when asked for. */
  active: SheetRead | null;
  /** Sheets asked for by name; null when the workbook has no such sheet. */
  sheets: Record<string, SheetRead | null>;
  list: SheetInfo[];
}

export interface WorkbookGateway {
  readonly kind: 'excel' | 'memory';
  capabilities(): Capabilities;
  /** Used ranges (values, merges, address) of the active sheet and/or named sheets, plus the sheet list (rounds.ts decides the round trips). */
  read(req: ReadRequest): Promise<ReadBack>;
  /** Apply a whole change. Batches are fixed by batches.ts. */
  apply(ops: Op[]): Promise<ApplyReport>;
  /** Counters since the last reset (the bench and the tests reset before a command). */
  stats(): SyncStats;
  resetStats(): void;
  /** Non-fatal problems met since the last call (merged cells skipped, a note refused…), zh-CN; the pane shows them after each command. */
  takeNotices(): string[];
}

export type { CellValue, MergeRange };
