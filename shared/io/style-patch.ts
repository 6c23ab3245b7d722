// New cell formats for cells we add to a user's workbook, derived from
// formats already there: the same format in bold (our header cells), with
// quotePrefix (text that looks like a formula stays text when edited), with
// the built-in date format 14, or with a solid fill (the 红黄绿灯 cell in its
// light's colour) or none (a light cell of an earlier run cleared). Existing
// <xf>, <font> and <fill> entries are never changed; derived ones are
// appended to styles.xml (ECMA-376 Part 1 §18.8.10 cellXfs, §18.8.23 fonts,
// §18.8.21 fills), each once: a format or fill the part already holds, from
// the workbook or from an earlier run, is reused, so enriching a copy again
// adds nothing.
import { insertChild, rootPrefix, setAttr } from './package-edit';
import { attr, newTag, nextTag } from './xml-text';

export interface StyleChange {
  bold?: boolean;
  quotePrefix?: boolean;
  /** A built-in number format id (14: the short date). */
  numFmt?: number;
  /** A solid fill in this colour (#rrggbb), or null for no fill at all; undefined leaves the fill as it is. */
  fill?: string | null;
}

// CT_Stylesheet's children, in schema order.
const STYLESHEET_ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

/** The stylesheet a workbook without one gets: Excel's defaults (one font, the two required fills, one border, one format). */
const minimalStyles = (ns: string): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${ns}">` +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

interface ListElement {
  /** The children, each as its text. */
  items: string[];
  /** How many were there before we added any. */
  original: number;
}

/** The children named `child` of the root's child `list` (e.g. cellXfs → xf), or null when there is no such list. */
function readList(xml: string, p: string, list: string, child: string): ListElement | null {
  const open = new RegExp(`<${p}${list}\\b[^>]*?(/?)>`).exec(xml);
  if (!open) return null;
  if (open[1] === '/') return { items: [], original: 0 };
  const close = xml.indexOf(`</${p}${list}>`, open.index);
  if (close < 0) return null;
  const body = xml.slice(open.index + open[0].length, close);
  const items = [...body.matchAll(new RegExp(`<${p}${child}\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}${child}>)`, 'g'))].map((m) => m[0]);
  return { items, original: items.length };
}

function writeList(xml: string, p: string, list: string, items: string[]): string {
  const element = `<${p}${list} count="${items.length}">${items.join('')}</${p}${list}>`;
  const re = new RegExp(`<${p}${list}\\b[^>]*?/>|<${p}${list}\\b[^>]*>[\\s\\S]*?</${p}${list}>`);
  if (re.test(xml)) return xml.replace(re, () => element);
  return insertChild(xml, element, list, STYLESHEET_ORDER);
}

/** An attribute of an element's start tag (the text of one <xf …>), either quote. */
function attrOf(tag: string, name: string): string | null {
  const t = newTag();
  return nextTag(tag, 0, t) ? attr(tag, t, name) : null;
}

/** Appends `item` to a list unless the list holds it already (same text); its index either way. */
function indexOf(list: ListElement, item: string): number {
  const at = list.items.indexOf(item);
  return at >= 0 ? at : list.items.push(item) - 1;
}

export class StyleEditor {
  private readonly p: string;
  private readonly xfs: ListElement;
  private readonly fonts: ListElement;
  private readonly fills: ListElement;
  private readonly made = new Map<string, number>();

  /**
   * `xml`: the workbook's styles part, or null when it has none (Excel's
   * minimal stylesheet is used, in namespace `ns`: a Strict workbook's is
   * Strict's).
   */
  constructor(
    private readonly xml: string | null,
    private readonly ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  ) {
    const text = xml ?? minimalStyles(ns);
    const p = (this.p = rootPrefix(text));
    this.xfs = readList(text, p, 'cellXfs', 'xf') ?? { items: [], original: 0 };
    this.fonts = readList(text, p, 'fonts', 'font') ?? { items: [], original: 0 };
    this.fills = readList(text, p, 'fills', 'fill') ?? { items: [], original: 0 };
    // A cell with no s uses format 0: make sure there is one to derive from.
    if (this.xfs.items.length === 0) this.xfs.items.push(`<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`);
    if (this.fonts.items.length === 0) this.fonts.items.push(`<${p}font><${p}sz val="11"/><${p}name val="Calibri"/></${p}font>`);
  }

  /** How many cell formats there are now. */
  get count(): number {
    return this.xfs.items.length;
  }

  /** The index of format `base` with `change` applied: `base` itself when it already is so, else a format made once (or found) and reused. */
  derive(base: number, change: StyleChange): number {
    if (!change.bold && !change.quotePrefix && change.numFmt === undefined && change.fill === undefined) return base;
    const from = base >= 0 && base < this.xfs.items.length ? base : 0;
    const key = `${from}|${change.bold ? 'b' : ''}|${change.quotePrefix ? 'q' : ''}|${change.numFmt ?? ''}|${change.fill === undefined ? '' : (change.fill ?? 'none')}`;
    const known = this.made.get(key);
    if (known !== undefined) return known;
    const xf = this.xfs.items[from]!;
    const tagEnd = xf.indexOf('>') + 1;
    let tag = xf.slice(0, tagEnd);
    const rest = xf.slice(tagEnd);
    if (change.bold) {
      const fontId = Number(attrOf(tag, 'fontId') ?? 0);
      const bold = this.boldFont(fontId);
      if (bold !== fontId) tag = setAttr(setAttr(tag, 'fontId', String(bold)), 'applyFont', '1');
    }
    if (change.quotePrefix) tag = setAttr(tag, 'quotePrefix', '1');
    if (change.numFmt !== undefined) tag = setAttr(setAttr(tag, 'numFmtId', String(change.numFmt)), 'applyNumberFormat', '1');
    if (change.fill !== undefined) {
      const fillId = change.fill === null ? 0 : this.solidFill(change.fill);
      if (Number(attrOf(tag, 'fillId') ?? 0) !== fillId) tag = setAttr(setAttr(tag, 'fillId', String(fillId)), 'applyFill', fillId === 0 ? '0' : '1');
    }
    // Unchanged (already bold, already this fill …): the cell keeps its format. Else a format the part holds already, or a new one.
    const index = tag === xf.slice(0, tagEnd) ? from : indexOf(this.xfs, tag + rest);
    this.made.set(key, index);
    return index;
  }

  private boldFont(fontId: number): number {
    const font = this.fonts.items[fontId] ?? this.fonts.items[0]!;
    const p = this.p;
    if (new RegExp(`<${p}b(?:\\s+val\\s*=\\s*["'](?:1|true)["'])?\\s*/>`).test(font)) return this.fonts.items[fontId] ? fontId : 0;
    // CT_Font's children may come in any order (a choice); an explicit <b val="0"/> is dropped.
    const plain = font.replace(new RegExp(`<${p}b\\b[^>]*/>`, 'g'), '');
    const bold = plain.endsWith('/>') ? `${plain.slice(0, -2)}><${p}b/></${p}font>` : plain.replace(/^(<[^>]*>)/, `$1<${p}b/>`);
    return indexOf(this.fonts, bold);
  }

  /** The index of a solid fill of colour `color` (#rrggbb), as Excel writes one (§18.8.32 patternFill, §18.8.19 fgColor). */
  private solidFill(color: string): number {
    const p = this.p;
    // Fills 0 and 1 are reserved for none and gray125 (§18.8.21): a list without them gets them first.
    if (this.fills.items.length === 0) this.fills.items.push(`<${p}fill><${p}patternFill patternType="none"/></${p}fill>`, `<${p}fill><${p}patternFill patternType="gray125"/></${p}fill>`);
    const argb = 'FF' + color.replace('#', '').toUpperCase();
    return indexOf(this.fills, `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`);
  }

  /** The styles part with the derived formats, or null when nothing was added and the workbook had one. */
  result(): string | null {
    const grew = (l: ListElement): boolean => l.items.length !== l.original;
    if (!grew(this.xfs) && !grew(this.fonts) && !grew(this.fills) && this.xml !== null) return null;
    let xml = this.xml ?? minimalStyles(this.ns);
    if (grew(this.fonts)) xml = writeList(xml, this.p, 'fonts', this.fonts.items);
    if (grew(this.fills)) xml = writeList(xml, this.p, 'fills', this.fills.items);
    if (grew(this.xfs)) xml = writeList(xml, this.p, 'cellXfs', this.xfs.items);
    return xml;
  }
}
