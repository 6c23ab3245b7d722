// What Excel allows and how it fails, as plain data and pure functions. Both
// gateways plan with these numbers, and the in-memory workbook (memory/) and
// the test mock refuse exactly where Excel refuses, so a fix is tested against
// the same rule it answers. References are listed in docs/addin.md.
import { isDateFormat, needsNeutralising, serialToDate } from '../shared/io';
import type { CellValue } from '../shared/model';

/** Rows and columns of a worksheet (Excel specifications and limits). A range past them is an InvalidArgument. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/**
 * Range.getMergedAreasOrNullObject (ExcelApi 1.13): "if the merged areas count
 * in this range is more than 512, then this method will fail to return the
 * result" (Excel.Range reference). It also reports only the areas whose
 * top-left cell lies in the range (office-js issue #3611).
 */
export const MAX_MERGED_AREAS = 512;

/**
 * Excel on the web refuses a request or a response over 5 MB with
 * RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded
 * ("Resource limits and performance optimization", Excel add-ins; error
 * handling reference: "This error only occurs in Office on the web").
 */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

/** Sheet names: at most 31 characters, none of \ / ? * [ ] :, no ' at either end, unique ignoring case, never "History". */
export const MAX_SHEET_NAME = 31;
const SHEET_NAME_BAD = /[\\/?*[\]:]/;
/** Excel keeps "History" for the change-tracking sheet and refuses it as a name, in any case. */
export const RESERVED_SHEET_NAMES = ['history'];

export type SheetNameProblem = 'empty' | 'tooLong' | 'badChar' | 'apostrophe' | 'reserved' | 'taken';

export function sheetNameProblem(name: string, taken: readonly string[]): SheetNameProblem | null {
  if (!name.trim()) return 'empty';
  if ([...name].length > MAX_SHEET_NAME) return 'tooLong';
  if (SHEET_NAME_BAD.test(name)) return 'badChar';
  if (name.startsWith("'") || name.endsWith("'")) return 'apostrophe';
  const low = name.toLowerCase();
  if (RESERVED_SHEET_NAMES.includes(low)) return 'reserved';
  if (taken.some((t) => t.toLowerCase() === low)) return 'taken';
  return null;
}

/**
 * The error Excel's batch rejects with. Office.js errors carry a stable
 * `code` (OfficeExtension.ErrorCodes / Excel.ErrorCodes) and a localized
 * `message` "not intended for consumption by end users" ("Error handling
 * with the application-specific JavaScript APIs"). The in-memory workbook and
 * the test mock throw this with Excel's codes.
 */
export class HostError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
  }
}

/** `e.code` of an Office.js (or simulated) error; null for anything else. */
export function errorCode(e: unknown): string | null {
  const c = (e as { code?: unknown } | null)?.code;
  return typeof c === 'string' && c ? c : null;
}

// Ideographs that Excel in a Chinese locale reads as part of a date, a time or
// an amount (2023年6月30日, 上午9:00, 5元); any other ideograph keeps a cell text.
const DATE_WORDS = /[年月日时分秒上下午元]/g;
const IDEOGRAPH = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
// ASCII and full-width digits (Excel in East Asian locales reads ２０２３ as a number).
const DIGIT = /[0-9\uff10-\uff19]/;

/**
 * What to send through Range.values so that the cell holds exactly `s`, as
 * text. Excel parses a string written to `values` as if it were typed:
 * "If the returned value starts with a plus ("+"), minus ("-"), or equal sign
 * ("="), Excel interprets this value as a formula" (Excel.Range.values), and
 * 007 becomes 7, 1/2 and 6月30日 become dates, TRUE a boolean. A leading
 * apostrophe is Excel's own "this is text" mark: the cell stores the rest as
 * text with the quotePrefix flag, and Range.values reads it back without the
 * apostrophe (office-js issue #6687 shows the same flag on typed text). We
 * prefix every string that could be read as something else: anything starting
 * with = + - @ or ' (needsNeutralising, the rule the core's writer applies),
 * and, unless an ideograph makes it plain Chinese text, anything with a digit,
 * TRUE/FALSE, or a # error literal; so no formula ever comes from user or
 * generated text. Chinese text and plain words are sent unchanged.
 */
export function textForExcel(s: string): string {
  if (s === '') return s;
  if (needsNeutralising(s) || s.startsWith("'")) return `'${s}`;
  if (IDEOGRAPH.test(s.replace(DATE_WORDS, ''))) return s;
  // Without a digit only TRUE/FALSE and #N/A-style error literals turn into something else.
  return DIGIT.test(s) || /^\s*(true|false)\s*$/i.test(s) || s.trimStart().startsWith('#') ? `'${s}` : s;
}

/**
 * A cell as the core reads it, from Range.values and Range.numberFormat:
 * Excel returns a date as its serial number, so a number shown with a date
 * format becomes a Date, as the CLI's reader makes it (shared/io/styles.ts).
 * The 1900 date system is assumed (1904 workbooks are Mac files from before
 * Excel 2011; docs/addin.md). '' is an empty cell.
 */
export function cellFromExcel(v: unknown, format: string | null | undefined): CellValue {
  if (v === '' || v === undefined || v === null) return null;
  if (typeof v === 'number' && format && isDateFormat(format)) return serialToDate(v, false);
  return v as CellValue;
}

/** Whether a number format shows a date (for choosing the columns whose formats later bands load). */
export const showsDate = (format: string | null | undefined): boolean => !!format && isDateFormat(format);

/** Sheet rows [from, to) cut to the worksheet: a band past row 1,048,576 is an InvalidArgument. */
export function clampRows(band: { from: number; to: number }): { from: number; to: number } {
  return { from: Math.min(band.from, MAX_ROWS), to: Math.min(band.to, MAX_ROWS) };
}
