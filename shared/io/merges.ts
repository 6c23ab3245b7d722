// Merged ranges of a sheet, from the text of its <mergeCells> element (Part 1
// §18.3.1.55), read by the guard because exceljs's own merge handling is
// quadratic and the direct reader needs them too.
import type { MergeRange } from '../model';
import { columnOf } from './sheet-xml';

/** "B4:B7" → 0-based inclusive range; single cells and junk give null. */
export function parseRange(ref: string): MergeRange | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+):\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref.trim().toUpperCase());
  if (!m) return null;
  const a = { top: Number(m[2]) - 1, left: columnOf(m[1]) - 1, bottom: Number(m[4]) - 1, right: columnOf(m[3]) - 1 };
  const r = { top: Math.min(a.top, a.bottom), left: Math.min(a.left, a.right), bottom: Math.max(a.top, a.bottom), right: Math.max(a.left, a.right) };
  return r.top === r.bottom && r.left === r.right ? null : r;
}

export function parseMergeCells(xml: string): MergeRange[] {
  const out: MergeRange[] = [];
  // Any prefix (<x:mergeCell>), either quote.
  for (const m of xml.matchAll(/<(?:\w+:)?mergeCell\b[^>]*\bref\s*=\s*(?:"([^"]+)"|'([^']+)')/g)) {
    const r = parseRange(m[1] ?? m[2]);
    if (r) out.push(r);
  }
  return out;
}
