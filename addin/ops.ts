// The operations a command can ask of a workbook. Positions are 0-based and
// absolute in the sheet (row 0 = Excel row 1). Every op is plain data so the
// same list can be applied by Office.js or by the in-memory workbook, sized
// for the request limit, and asserted in tests.
import type { CellValue } from '../shared/model';

export interface Block {
  sheet: string;
  row: number;
  col: number;
}

export interface CellFormat {
  bold?: boolean;
  /** #rrggbb */
  fill?: string;
  fontColor?: string;
  wrap?: boolean;
  /** Column width in characters (applied to every column of the block). */
  columnWidth?: number;
}

export type Op =
  /** Write a rectangle of values; '' clears a cell. Large blocks are chunked by rows. */
  | (Block & { kind: 'values'; values: CellValue[][] })
  | (Block & { kind: 'format'; rows: number; cols: number; format: CellFormat })
  /** Highlight many cells in one go (conditional formats over a multi-area range), tagged so they can be cleared. */
  | { kind: 'highlight'; sheet: string; cells: { row: number; col: number }[]; color: string; tag: string }
  /**
   * Remove every highlight this add-in made on the sheet. With `ids` (found by
   * a read that asked for highlights) no lookup round trip is needed.
   */
  | { kind: 'clearHighlights'; sheet: string; ids?: string[] }
  /** A comment/note on one cell (keeps a user's original text). */
  | (Block & { kind: 'note'; text: string })
  /** A drop-down list (data validation) over a block; the list is a formula such as =单位名录!$A$2:$A$80. */
  | (Block & { kind: 'validationList'; rows: number; cols: number; source: string })
  /** Delete whole columns, shifting the rest left. */
  | { kind: 'deleteColumns'; sheet: string; col: number; count: number }
  | { kind: 'addSheet'; name: string }
  | { kind: 'activate'; sheet: string }
  | (Block & { kind: 'select' });

export type OpKind = Op['kind'];
