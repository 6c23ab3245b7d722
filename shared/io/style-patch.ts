// New cell formats for cells we add to a user's workbook, derived from
// formats already there: the same format in bold (our header cells), with
// quotePrefix (text that looks like a formula stays text when edited), or
// with the built-in date format 14. Existing <xf> and <font> entries are
// never changed; derived ones are appended to styles.xml (ECMA-376 Part 1
// §18.8.10 cellXfs, §18.8.23 fonts), each once.
import { insertChild, rootPrefix, setAttr } from './package-edit';

export interface StyleChange {
  bold?: boolean;
  quotePrefix?: boolean;
  /** A built-in number format id (14: the short date). */
  numFmt?: number;
}

// CT_Stylesheet's children, in schema order.
const STYLESHEET_ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

/** The stylesheet a workbook without one gets: Excel's defaults (one font, the two required fills, one border, one format). */
export const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
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

const attrOf = (tag: string, name: string): string | null => new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`).exec(tag)?.[1] ?? null;

export class StyleEditor {
  private readonly p: string;
  private readonly xfs: ListElement;
  private readonly fonts: ListElement;
  private readonly made = new Map<string, number>();

  /** `xml`: the workbook's styles part, or null when it has none (MINIMAL_STYLES is used). */
  constructor(private readonly xml: string | null) {
    const text = xml ?? MINIMAL_STYLES;
    this.p = rootPrefix(text);
    this.xfs = readList(text, this.p, 'cellXfs', 'xf') ?? { items: [], original: 0 };
    this.fonts = readList(text, this.p, 'fonts', 'font') ?? { items: [], original: 0 };
    // A cell with no s uses format 0: make sure there is one to derive from.
    if (this.xfs.items.length === 0) this.xfs.items.push(`<${this.p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`);
    if (this.fonts.items.length === 0) this.fonts.items.push(`<${this.p}font><${this.p}sz val="11"/><${this.p}name val="Calibri"/></${this.p}font>`);
  }

  /** How many cell formats there are now. */
  get count(): number {
    return this.xfs.items.length;
  }

  /** The index of format `base` with `change` applied (made once, then reused). */
  derive(base: number, change: StyleChange): number {
    if (!change.bold && !change.quotePrefix && change.numFmt === undefined) return base;
    const from = base >= 0 && base < this.xfs.items.length ? base : 0;
    const key = `${from}|${change.bold ? 'b' : ''}|${change.quotePrefix ? 'q' : ''}|${change.numFmt ?? ''}`;
    const known = this.made.get(key);
    if (known !== undefined) return known;
    const xf = this.xfs.items[from]!;
    const tagEnd = xf.indexOf('>') + 1;
    let tag = xf.slice(0, tagEnd);
    const rest = xf.slice(tagEnd);
    if (change.bold) {
      const fontId = Number(attrOf(tag, 'fontId') ?? 0);
      tag = setAttr(setAttr(tag, 'fontId', String(this.boldFont(fontId))), 'applyFont', '1');
    }
    if (change.quotePrefix) tag = setAttr(tag, 'quotePrefix', '1');
    if (change.numFmt !== undefined) tag = setAttr(setAttr(tag, 'numFmtId', String(change.numFmt)), 'applyNumberFormat', '1');
    const index = this.xfs.items.push(tag + rest) - 1;
    this.made.set(key, index);
    return index;
  }

  private boldFont(fontId: number): number {
    const key = `font|${fontId}`;
    const known = this.made.get(key);
    if (known !== undefined) return known;
    const font = this.fonts.items[fontId] ?? this.fonts.items[0]!;
    const p = this.p;
    let bold: string;
    if (new RegExp(`<${p}b(?:\\s+val="(?:1|true)")?\\s*/>`).test(font)) bold = font;
    else {
      // CT_Font's children may come in any order (a choice); an explicit <b val="0"/> is dropped.
      const plain = font.replace(new RegExp(`<${p}b\\b[^>]*/>`, 'g'), '');
      bold = plain.endsWith('/>') ? `${plain.slice(0, -2)}><${p}b/></${p}font>` : plain.replace(/^(<[^>]*>)/, `$1<${p}b/>`);
    }
    const index = this.fonts.items.push(bold) - 1;
    this.made.set(key, index);
    return index;
  }

  /** The styles part with the derived formats, or null when nothing was added and the workbook had one. */
  result(): string | null {
    const changed = this.xfs.items.length !== this.xfs.original || this.fonts.items.length !== this.fonts.original;
    if (!changed && this.xml !== null) return null;
    let xml = this.xml ?? MINIMAL_STYLES;
    if (this.fonts.items.length !== this.fonts.original) xml = writeList(xml, this.p, 'fonts', this.fonts.items);
    if (this.xfs.items.length !== this.xfs.original) xml = writeList(xml, this.p, 'cellXfs', this.xfs.items);
    return xml;
  }
}
