// One pass over a worksheet's <sheetData>: each <c> resolved to a plain value
// (shared strings, inline strings, booleans, errors, cached formula results,
// numbers, dates by cell style) and handed to the GridBuilder. The values
// follow what exceljs `load` gave us before, so the grids are the same.
import type { CellValue } from '../model';
import type { GridBuilder } from './grid';
import { skipElement } from './shared-strings';
import { booleanValue, isoValue, numberValue } from './cell-value';
import { attr, decodeOoxmlEscapes, decodeXml, newTag, nextTag, readAttrs, readText } from './xml-text';
import type { Tag } from './xml-text';

export interface SheetContext {
  sharedStrings: string[];
  /** 1 for cell style indexes that display a date. */
  dateStyles: Uint8Array;
  date1904: boolean;
}

/** "AB12" or "$AB$12" → 28 (1-based column); 0 when it does not start with letters. */
export function columnOf(ref: string): number {
  return columnIn(ref, 0, ref.length);
}

const CELL_ATTRS = ['r', 't', 's'] as const;

interface CellTag {
  col: number;
  type: string | null;
  style: number;
}

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

/**
 * The r, t and s attributes of a <c> tag, read in place: the column from the
 * letters of r, the style as a number, no substring but the type. Gives the
 * same as readAttrs + columnOf + parseInt, which copied three strings per
 * cell; false (use those) when a value holds an entity or a style is not
 * plain digits.
 */
export function cellTag(xml: string, t: Tag, out: CellTag): boolean {
  out.col = 0;
  out.type = null;
  out.style = 0;
  let seen = 0;
  let i = t.attrStart;
  const end = t.attrEnd;
  while (i < end) {
    let ch = xml.charCodeAt(i);
    while (i < end && isSpace(ch)) ch = xml.charCodeAt(++i);
    if (i >= end) break;
    const ns = i;
    while (i < end && ch !== 61 /* = */ && !isSpace(ch) && ch !== 62 && ch !== 47) ch = xml.charCodeAt(++i);
    const name = i - ns === 1 ? xml.charCodeAt(ns) : 0;
    while (i < end && xml.charCodeAt(i) !== 61) i++;
    i++;
    while (i < end && xml.charCodeAt(i) !== 34 && xml.charCodeAt(i) !== 39) i++;
    if (i >= end) break;
    const vs = i + 1;
    let ve = xml.indexOf(xml.charCodeAt(i) === 34 ? '"' : "'", vs);
    if (ve < 0 || ve > end) ve = end;
    i = ve + 1;
    // each of r, s, t counts once, as readAttrs takes the first
    const bit = name === 114 ? 1 : name === 115 ? 2 : name === 116 ? 4 : 0;
    if (!bit || seen & bit) continue;
    seen |= bit;
    // (A bounded loop: indexOf('&') would search the rest of the sheet on every cell.)
    for (let k = vs; k < ve; k++) if (xml.charCodeAt(k) === 38 /* & */) return false;
    if (bit === 1) out.col = columnIn(xml, vs, ve);
    else if (bit === 4) out.type = xml.slice(vs, ve);
    else {
      if (ve === vs) continue;
      let n = 0;
      for (let k = vs; k < ve; k++) {
        const d = xml.charCodeAt(k) - 48;
        if (d < 0 || d > 9) return false;
        n = n * 10 + d;
      }
      out.style = n;
    }
  }
  return true;
}

/** columnOf over xml[from, to) without taking it out. */
function columnIn(xml: string, from: number, to: number): number {
  let n = 0;
  let k = 0;
  for (let i = from; i < to && k < 4; i++) {
    const c = xml.charCodeAt(i) | 0x20;
    if (c >= 97 && c <= 122) {
      n = n * 26 + (c - 96);
      k++;
    } else if (xml.charCodeAt(i) === 36 /* $ */ && k === 0) continue;
    else break;
  }
  return k > 3 ? 0 : n;
}

export function scanSheet(xml: string, ctx: SheetContext, g: GridBuilder): void {
  const t = newTag();
  const cell: CellTag = { col: 0, type: null, style: 0 };
  const cellAttrs: (string | null)[] = [null, null, null];
  const at = { pos: 0 };
  let i = 0;
  // Jump to the sheet data: the parts before it (columns, views) hold no values.
  let found = false;
  while (!found && nextTag(xml, i, t)) {
    i = t.end;
    found = t.name === 'sheetData' && !t.closing;
  }
  if (!found || t.selfClosing) return;
  let row = 0;
  let col = 0;
  while (nextTag(xml, i, t)) {
    i = t.end;
    const name = t.name;
    if (name === 'c') {
      if (t.closing) continue;
      let c: number;
      let type: string | null;
      let style: number;
      if (cellTag(xml, t, cell)) {
        ({ col: c, type, style } = cell);
      } else {
        readAttrs(xml, t, CELL_ATTRS, cellAttrs);
        const [ref, ty, s] = cellAttrs;
        c = ref ? columnOf(ref) : 0;
        type = ty;
        style = s ? parseInt(s, 10) : 0;
      }
      col = c > 0 ? c : col + 1;
      if (t.selfClosing || row === 0) {
        if (!t.selfClosing) i = skipElement(xml, t, 'c');
        continue;
      }
      // The common cell, <c …><v>value</v></c>, read in place: three fewer
      // tags to find per cell, most of the time spent on a sheet.
      if (xml.startsWith('<v>', i)) {
        const lt = xml.indexOf('<', i + 3);
        if (lt >= 0 && xml.startsWith('</v></c>', lt)) {
          const text = lt > i + 3 ? decodeXml(xml.slice(i + 3, lt)) : '';
          i = lt + 8;
          g.add(row, col, resolve(text === '' ? undefined : text, type, false, style, ctx, g, row, col));
          continue;
        }
      }
      let raw: string | undefined;
      let formula = false;
      let inline: string[] | null = null;
      // Children up to </c>.
      while (nextTag(xml, i, t)) {
        i = t.end;
        const n = t.name;
        if (n === 'c' && t.closing) break;
        if (t.closing || t.selfClosing) {
          if (n === 'f' && t.selfClosing && attr(xml, t, 't') !== null) formula = true;
          continue;
        }
        if (n === 'v') {
          const text = readText(xml, i, at);
          i = at.pos;
          if (text !== '') raw = raw === undefined ? text : raw + text;
        } else if (n === 'f') {
          if (attr(xml, t, 't') !== null) formula = true;
          const text = readText(xml, i, at);
          i = at.pos;
          if (text !== '') formula = true;
        } else if (n === 'is') {
          inline = [];
          i = readInline(xml, i, inline);
        } else if (n === 'c') {
          // A <c> inside a <c>: malformed; take what we have and go on from here.
          i = t.start;
          break;
        } else if (n === 'row' || n === 'sheetData') {
          i = t.start;
          break;
        }
      }
      if (inline !== null) {
        // An inline string's text is its <is> element (Part 1 §18.3.1.4 c,
        // §18.3.1.53 is); a <v> some writers put beside it is not the value.
        // An <is> in a cell with no t="inlineStr" and no <v> is read as text too.
        const text = inline.join('');
        if (text !== '' && (type === 'inlineStr' || raw === undefined)) {
          raw = text;
          type = 'inlineStr';
        }
      }
      g.add(row, col, resolve(raw, type, formula, style, ctx, g, row, col));
    } else if (name === 'row') {
      if (t.closing) continue;
      const r = attr(xml, t, 'r');
      const n = r ? parseInt(r, 10) : NaN;
      row = n > 0 ? n : row + 1;
      col = 0;
    } else if (name === 'sheetData' && t.closing) break;
  }
}

/**
 * The text of an <is> element (CT_Rst, Part 1 §18.4.8 as for <si>): its
 * <t>, then its rich-text runs' <t>s, joined in order; phonetic runs left
 * out; Excel's _xHHHH_ escapes undone (ST_Xstring, Part 1 §22.9.2.19).
 * Returns the index after </is>.
 */
function readInline(xml: string, from: number, out: string[]): number {
  const t = newTag();
  const at = { pos: 0 };
  let i = from;
  while (nextTag(xml, i, t)) {
    i = t.end;
    if (t.name === 'is' && t.closing) return i;
    if (t.name === 'c') return t.start;
    if (t.name === 'rPh') i = skipElement(xml, t, 'rPh');
    else if (t.name === 't' && !t.closing && !t.selfClosing) {
      const text = readText(xml, i, at);
      i = at.pos;
      out.push(decodeOoxmlEscapes(text));
    }
  }
  return xml.length;
}

function resolve(raw: string | undefined, type: string | null, formula: boolean, style: number, ctx: SheetContext, g: GridBuilder, row: number, col: number): CellValue {
  const isDate = style > 0 && ctx.dateStyles[style] === 1;
  if (formula) {
    if (raw === undefined) {
      g.warnCell('formula-no-result', row, col);
      return null;
    }
    if (type === 'str' || type === 'inlineStr') return raw;
    if (type === 'b') return booleanValue(raw);
    if (type === 'e') {
      g.warnCell('formula-error', row, col, raw);
      return raw;
    }
    if (type === 'd') return isoValue(raw);
    return numberValue(raw, isDate, ctx.date1904);
  }
  if (raw === undefined) return null;
  switch (type) {
    case 's': {
      const v = ctx.sharedStrings[parseInt(raw, 10)];
      return v === undefined ? null : v;
    }
    case 'str':
    case 'inlineStr':
      return raw;
    case 'b':
      return booleanValue(raw);
    case 'e':
      g.warnCell('formula-error', row, col, raw);
      return raw;
    case 'd':
      return isoValue(raw);
    default:
      return numberValue(raw, isDate, ctx.date1904);
  }
}
