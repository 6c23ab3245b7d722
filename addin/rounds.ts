// How a read or a change becomes round trips, once for both gateways. A
// "round" is one context.sync(): the Office.js gateway turns it into Excel
// calls, the memory gateway runs it against the in-memory workbook, and both
// refuse it as Excel would. What to ask, in which round, and what to do when
// Excel refuses (a band too big for the 5 MB response limit, more than 512
// merged areas, a highlight id that is gone, a cell that already has a note)
// is decided here, so the two gateways count the same round trips and fail
// the same way. The read is in rounds-read.ts, the change in rounds-apply.ts;
// this file holds what a round is. Sources for each rule: docs/addin.md.
import type { MergeRange } from '../shared/model';
import type { SheetInfo, SyncStats } from './gateway';
import type { Op } from './ops';

export { runRead, MERGE_ROWS, MERGE_ROWS_FINE } from './rounds-read';
export { runApply } from './rounds-apply';

/** A sheet by name; null is the active sheet. */
export type SheetRef = string | null;

export interface BandAsk {
  sheet: SheetRef;
  /** Sheet rows [from, to), 0-based, within the worksheet; the host cuts them to the used range. */
  from: number;
  to: number;
  /** 'all': Range.numberFormat of the band; a list: only these (absolute) columns, the ones band 0 showed dates in. */
  formats: 'all' | number[];
  /** Rows per getMergedAreasOrNullObject call over whole sheet rows; 0 reads no merges. */
  mergeRows: number;
}

export interface ReadRound {
  /** Sheet names, visibility and which is active. */
  list: boolean;
  /** Used ranges (values only) to size. */
  used: SheetRef[];
  bands: BandAsk[];
  /** Ids of our highlights (conditional formats) on the active sheet. */
  highlights: boolean;
}

export interface UsedInfo {
  address: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface BandGot {
  /** Sheet position of values[0][0]. */
  row: number;
  col: number;
  values: unknown[][];
  /** With formats 'all': one per value. */
  formats: string[][] | null;
  /** With a column list: the formats of each listed column over the band's rows, from `row`. */
  columnFormats: Record<number, string[]>;
  /** Merged areas (absolute) whose top-left cell is in the band's rows. */
  merges: MergeRange[];
}

export interface ReadReply {
  list: SheetInfo[] | null;
  used: (UsedInfo | null)[];
  /** null where the band and the used range do not meet. */
  bands: (BandGot | null)[];
  highlightIds: string[] | null;
}

/** How a note op is carried out, once the lookups said what the cell already has. */
export type NoteWrite = {
  kind: 'noteWrite';
  sheet: string;
  row: number;
  col: number;
  text: string;
  /** addNote (ExcelApi 1.18), appendNote to the note already there, addComment (1.10), or reply to the cell's comment thread. */
  how: 'addNote' | 'appendNote' | 'addComment' | 'reply';
  commentId?: string;
};

export type WriteOp = Exclude<Op, { kind: 'note' }> | NoteWrite;

export interface WriteRound {
  ops: WriteOp[];
  /** Our highlights' ids on these sheets, looked up after the ops. */
  findHighlights: string[];
  /** Notes on these cells (NoteCollection.getItemOrNullObject, ExcelApi 1.18). */
  findNotes: { sheet: string; row: number; col: number }[];
  /** Ids of the comment threads on these sheets. */
  findComments: string[];
  /** Cells of these comment threads (Comment.getLocation). */
  locateComments: string[];
}

export interface WriteReply {
  highlights: Record<string, string[]>;
  notes: (string | null)[];
  comments: Record<string, string[]>;
  commentCells: Record<string, { sheet: string; row: number; col: number } | null>;
}

/** One context.sync() each; the gateways implement these, throwing what Excel throws. */
export interface RoundHost {
  read(round: ReadRound): Promise<ReadReply>;
  write(round: WriteRound): Promise<WriteReply>;
}

/** Round trips and the non-fatal problems of the commands since the last reset. */
export class Counters {
  stats: SyncStats = { syncs: 0, payloads: [], chunks: 0 };
  private notices: string[] = [];

  sync(bytes: number): void {
    this.stats.syncs += 1;
    this.stats.payloads.push(bytes);
  }

  notice(text: string): void {
    if (!this.notices.includes(text)) this.notices.push(text);
  }

  takeNotices(): string[] {
    return this.notices.splice(0);
  }

  snapshot(): SyncStats {
    return { ...this.stats, payloads: [...this.stats.payloads] };
  }

  reset(): void {
    this.stats = { syncs: 0, payloads: [], chunks: 0 };
  }
}
