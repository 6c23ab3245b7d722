// styles.xml → which cell style indexes (the `s` of a <c>) show a date, so a
// number in such a cell reads as a Date, as Excel displays it.
import { attr, newTag, nextTag } from './xml-text';

/**
 * Built-in number formats that display dates or times: ids 14–22 and 45–47
 * everywhere, and 27–36 and 50–58, which Excel and WPS in Chinese (and
 * Japanese, Korean) locales use for formats such as yyyy"年"m"月"d"日" and
 * write without a definition. (exceljs knew only the first set, so a
 * 2023年6月30日 typed in Chinese Excel came back as a serial number.)
 */
const BUILTIN_DATE_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/**
 * What in a format code is not a date or time token (Part 1 §18.8.31): quoted
 * literals, backslash-escaped characters, "_x" (a space as wide as x) and
 * "*x" (fill with x), and bracketed colours, conditions and locales ([Red],
 * [>=100], [$-F800], [DBNum1]) — but not the elapsed-time tokens [h], [mm],
 * [ss].
 */
const NOT_DATE_TOKENS = /"[^"]*"|\\.|_.|\*.|\[(?![hms]+\])[^\]]*\]/gi;

/**
 * Whether a format code shows a date or time: a y, m, d, h or s (either case:
 * Excel writes "YYYY-MM-DD" and "HH:MM" as readily as lower case) or a
 * Buddhist-era b, in its first section, once literals, colours, conditions
 * and locales are taken out. The first section is the one a positive number
 * is shown with, and "General" holds none of these letters.
 */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(NOT_DATE_TOKENS, '').split(';')[0];
  return /[ymdhsYMDHSb]/.test(bare);
}

/** For each cellXfs index, 1 when it displays a date. Style 0 never does (exceljs treats it as unstyled). */
export function dateStyles(xml: string): Uint8Array {
  const custom = new Map<number, string>();
  const xfIds: number[] = [];
  const t = newTag();
  let section = '';
  for (let i = 0; nextTag(xml, i, t); i = t.end) {
    const n = t.name;
    if (n === 'numFmts' || n === 'cellXfs' || n === 'cellStyleXfs' || n === 'dxfs') {
      section = t.closing || t.selfClosing ? '' : n;
    } else if (!t.closing && n === 'numFmt' && section === 'numFmts') {
      const id = Number(attr(xml, t, 'numFmtId'));
      const code = attr(xml, t, 'formatCode');
      if (Number.isInteger(id) && code !== null) custom.set(id, code);
    } else if (!t.closing && n === 'xf' && section === 'cellXfs') {
      xfIds.push(parseInt(attr(xml, t, 'numFmtId') ?? '0', 10) || 0);
    }
  }
  const out = new Uint8Array(xfIds.length);
  for (let k = 1; k < xfIds.length; k++) {
    const id = xfIds[k];
    if (!id) continue;
    const code = custom.get(id);
    out[k] = (code ? isDateFormat(code) : BUILTIN_DATE_IDS.has(id)) ? 1 : 0;
  }
  return out;
}

const MS_PER_DAY = 24 * 3600 * 1000;

/** An Excel serial day number as a Date (UTC), in the 1900 or 1904 date system. */
export function serialToDate(v: number, date1904: boolean): Date {
  return new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * MS_PER_DAY));
}
