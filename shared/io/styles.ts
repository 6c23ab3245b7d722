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

/** Whether a format code shows a date or time: y/m/d/h/s (and b, M) outside quotes and brackets, as exceljs decides. */
export function isDateFormat(code: string): boolean {
  let inQuote = false;
  let inBracket = false;
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (inQuote) {
      if (c === '"') inQuote = false;
      continue;
    }
    if (inBracket) {
      if (c === ']') inBracket = false;
      continue;
    }
    if (c === '"' && code.indexOf('"', i + 1) >= 0) inQuote = true;
    else if (c === '[' && code.indexOf(']', i + 1) >= 0) inBracket = true;
    else if (c === 'y' || c === 'm' || c === 'd' || c === 'h' || c === 'M' || c === 's' || c === 'b') return true;
  }
  return false;
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
