// Plain description of a workbook to write. Faces build a WorkbookSpec with pure
// code; only io/xlsx.ts turns it into bytes (and is the only module that knows exceljs).
import type { CellValue, MergeRange } from '../model';

export interface SheetSpec {
  name: string;
  rows: CellValue[][];
  merges?: MergeRange[];
  /** Column widths in characters, by 0-based column. */
  widths?: number[];
  /** 0-based index of the header row: bolded, frozen below, with an auto-filter. */
  headerRow?: number;
  /** Wrap text in these 0-based columns. */
  wrapColumns?: number[];
  /** Data-validation lists by 0-based column (e.g. owner columns → 单位名录). */
  lists?: { col: number; fromRow: number; toRow: number; formula: string }[];
  state?: 'visible' | 'hidden';
}

export interface WorkbookSpec {
  sheets: SheetSpec[];
  /** Document properties. */
  title?: string;
  creator?: string;
}
