// CSV / tab-separated text → one SheetGrid. Clerks' CSVs come from Excel
// ("CSV UTF-8" with a BOM, plain "CSV" in the system code page = GBK on
// Chinese Windows, "Unicode text" = UTF-16LE with tabs) or from web systems.
import type { CellValue, SheetGrid } from '../model';

export interface DecodedText {
  text: string;
  encoding: 'UTF-8' | 'UTF-8 (BOM)' | 'UTF-16LE' | 'UTF-16BE' | 'GB18030';
}

export function decodeText(b: Uint8Array): DecodedText {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(b.subarray(3)), encoding: 'UTF-8 (BOM)' };
  if (b[0] === 0xff && b[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(b.subarray(2)), encoding: 'UTF-16LE' };
  if (b[0] === 0xfe && b[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(b.subarray(2)), encoding: 'UTF-16BE' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(b), encoding: 'UTF-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(b), encoding: 'GB18030' };
  }
}

/** Heuristic: does this look like text rather than a binary file? */
export function looksLikeText(b: Uint8Array): boolean {
  if (b.length === 0) return false;
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) return true;
  const n = Math.min(b.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i];
    if (c === 0) return false;
    if (c < 9 || (c > 13 && c < 32 && c !== 27)) control++;
  }
  return control / n < 0.01;
}

/** Picks the delimiter that splits the first lines most consistently. */
export function sniffDelimiter(text: string): string {
  const lines = text.split(/\r?\n/, 20).filter((l) => l.trim() !== '');
  let best = ',';
  let bestScore = -1;
  for (const d of [',', '\t', ';', '|']) {
    const counts = lines.map((l) => l.split(d).length - 1);
    const nonzero = counts.filter((c) => c > 0).length;
    const score = nonzero * 1000 + Math.min(...counts.concat([0]).slice(0, counts.length || 1));
    if (nonzero > 0 && score > bestScore) (best = d), (bestScore = score);
  }
  return best;
}

/** RFC 4180 with quoted fields spanning lines; tolerant of stray quotes. */
export function parseDelimited(text: string, delimiter: string, maxRows: number): { rows: string[][]; truncated: boolean; count: number } {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let count = 0;
  let i = 0;
  const n = text.length;
  const endRow = (): void => {
    row.push(field);
    field = '';
    count++;
    if (rows.length < maxRows) rows.push(row);
    row = [];
  };
  while (i < n) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') (field += '"'), (i += 2);
        else (quoted = false), i++;
      } else (field += c), i++;
    } else if (c === '"' && field === '') (quoted = true), i++;
    else if (c === delimiter) row.push(field), (field = ''), i++;
    else if (c === '\r' || c === '\n') {
      endRow();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else (field += c), i++;
  }
  if (field !== '' || row.length > 0) endRow();
  return { rows, truncated: count > maxRows, count };
}

const NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?$/;

/** A plain decimal becomes a number; everything else (01, 1,200, 42万, dates) stays text for the core's parsers. */
export function csvValue(s: string): CellValue {
  const t = s.trim();
  if (t === '') return null;
  if (NUMBER.test(t) && t.length <= 15) return Number(t);
  return s;
}

export function csvToGrid(rows: string[][], name: string): SheetGrid {
  const out: CellValue[][] = rows.map((r) => r.map(csvValue));
  while (out.length && out[out.length - 1].every((v) => v === null)) out.pop();
  let width = 0;
  for (const r of out) {
    let w = r.length;
    while (w > 0 && r[w - 1] === null) w--;
    if (w > width) width = w;
  }
  for (const r of out) {
    r.length = Math.min(r.length, width);
    while (r.length < width) r.push(null);
  }
  return { name, rows: out, merges: [], state: 'visible' };
}
