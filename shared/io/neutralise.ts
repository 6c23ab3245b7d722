// Keeping text that looks like a formula (=, +, -, @, or a leading tab/CR)
// text in every file we write. Our cells are always written as strings
// (t="s"), which Excel never evaluates on open; but a user who clicks into
// such a cell and presses Enter would turn "=HYPERLINK(…)" into a live
// formula. Excel's own defence is the quotePrefix style flag (what typing a
// leading ' sets): the cell stays text on edit, and the stored value is
// unchanged, so our reader returns the user's exact text. exceljs cannot
// write quotePrefix, so we add it to the saved package: each affected cell
// gets a copy of its style with quotePrefix="1".
import { unzipSync, zipSync, type Zippable } from 'fflate';
import type { MergeRange } from '../model';
import { columnLetter0 } from './a1';
import { StyleEditor } from './style-patch';

export const XLSX_CELL_MAX = 32_767;
export const TRUNCATION_MARKER = '…〔已截断〕';

/** Whether a string would be taken as a formula (or DDE/CSV injection) when typed or pasted. */
export function needsNeutralising(s: string): boolean {
  return /^[=+\-@\t\r\n]/.test(s) || /^[＝＋－＠]/.test(s);
}

/** Characters XML 1.0 forbids (exceljs writes them raw and the file then fails to open). */
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function stripInvalidXml(s: string): { text: string; changed: boolean } {
  INVALID_XML.lastIndex = 0;
  if (!INVALID_XML.test(s)) return { text: s, changed: false };
  return { text: s.replace(INVALID_XML, ''), changed: true };
}

/** Cuts a string to Excel's cell limit, marker included, without splitting a surrogate pair. */
export function truncateCell(s: string): string {
  let end = XLSX_CELL_MAX - TRUNCATION_MARKER.length;
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return s.slice(0, end) + TRUNCATION_MARKER;
}

const dec = new TextDecoder();
const enc = new TextEncoder();

// Elements that follow <mergeCells> in CT_Worksheet, in schema order.
const AFTER_MERGES = ['phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

function insertMerges(xml: string, merges: MergeRange[]): string {
  if (merges.length === 0) return xml;
  const block = `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${columnLetter0(m.left)}${m.top + 1}:${columnLetter0(m.right)}${m.bottom + 1}"/>`).join('')}</mergeCells>`;
  const cleaned = xml.replace(/<mergeCells\b[\s\S]*?<\/mergeCells>|<mergeCells\b[^>]*\/>/, '');
  const dataEnd = Math.max(cleaned.indexOf('</sheetData>'), cleaned.indexOf('<sheetData/>'));
  let at = -1;
  for (const tag of AFTER_MERGES) {
    const re = new RegExp(`<${tag}[\\s>/]`, 'g');
    re.lastIndex = Math.max(0, dataEnd);
    const m = re.exec(cleaned);
    if (m && (at < 0 || m.index < at)) at = m.index;
  }
  if (at < 0) at = cleaned.lastIndexOf('</worksheet>');
  return cleaned.slice(0, at) + block + cleaned.slice(at);
}

/**
 * Finishes a package exceljs saved: adds quotePrefix to the given cells
 * (sheet name → A1 addresses) and writes the merged ranges of each sheet
 * (sheet name → ranges). Merges are written here rather than through
 * exceljs, whose mergeCells checks every new merge against all earlier ones.
 */
export function finishPackage(bytes: Uint8Array, cells: Map<string, Set<string>>, merges: Map<string, MergeRange[]> = new Map()): Uint8Array {
  if (![...cells.values()].some((s) => s.size > 0) && ![...merges.values()].some((m) => m.length > 0)) return bytes;
  const files = unzipSync(bytes) as Zippable;
  const wbXml = dec.decode(files['xl/workbook.xml'] as Uint8Array);
  const relsXml = dec.decode(files['xl/_rels/workbook.xml.rels'] as Uint8Array);
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<Relationship\b[^>]*\bId="([^"]+)"[^>]*\bTarget="([^"]+)"/g)) targets.set(m[1], m[2]);
  for (const m of relsXml.matchAll(/<Relationship\b[^>]*\bTarget="([^"]+)"[^>]*\bId="([^"]+)"/g)) targets.set(m[2], m[1]);
  const unescape = (s: string): string => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

  const stylesXml = files['xl/styles.xml'] as Uint8Array | undefined;
  if (!stylesXml) return bytes;
  // Each affected cell gets a copy of its format with quotePrefix (style-patch.ts), made once per format.
  const styles = new StyleEditor(dec.decode(stylesXml));

  for (const m of wbXml.matchAll(/<sheet\b[^>]*>/g)) {
    const name = unescape(/\bname="([^"]*)"/.exec(m[0])?.[1] ?? '');
    const rid = /\br:id="([^"]*)"/.exec(m[0])?.[1] ?? '';
    const set = cells.get(name) ?? new Set<string>();
    const ranges = merges.get(name) ?? [];
    const target = targets.get(rid);
    if ((set.size === 0 && ranges.length === 0) || !target) continue;
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    const part = files[path] as Uint8Array | undefined;
    if (!part) continue;
    let xml = dec.decode(part);
    if (set.size)
      xml = xml.replace(/<c r="([A-Z]+\d+)"(?: s="(\d+)")?/g, (whole, addr: string, s: string | undefined) => {
        if (!set.has(addr)) return whole;
        return `<c r="${addr}" s="${styles.derive(s ? Number(s) : 0, { quotePrefix: true })}"`;
      });
    files[path] = enc.encode(insertMerges(xml, ranges));
  }
  const patched = styles.result();
  if (patched !== null) files['xl/styles.xml'] = enc.encode(patched);
  return zipSync(files, { level: 6 });
}
