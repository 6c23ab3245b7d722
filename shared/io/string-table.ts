// The workbook's shared-string table (ECMA-376 Part 1 §18.4.9 sst) seen
// from a writer that adds cells: a few of its strings looked up by index,
// and new strings appended after the existing ones. Our values repeat a lot
// (owner names, 人群, 状态), so a 100,000-row copy adds a few thousand
// strings and each cell carries only a number, as Excel's own files do.
import { escapeXml, rootPrefix } from './package-edit';
import { parseSharedStrings, skipElement } from './shared-strings';
import { newTag, nextTag } from './xml-text';

/** The table a workbook without one gets, in namespace `ns` (a Strict workbook's is Strict's). */
const emptyTable = (ns: string): string => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${ns}" count="0" uniqueCount="0"></sst>`;

/** Text as an <si><t> holds it: XML-escaped, and a literal _xHHHH_ kept literal (§22.9.2.19 ST_Xstring escapes). */
function siText(s: string): string {
  return escapeXml(s).replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1');
}

export class StringTable {
  private readonly existing: number;
  private readonly found = new Map<number, string>();
  private readonly added: string[] = [];
  private readonly index = new Map<string, number>();
  private refs = 0;

  /**
   * `xml`: the part's text, or null when the workbook has none. `wanted`:
   * the indexes whose text the caller needs (at(i) answers only those).
   * `ns`: the main namespace of a table made new.
   */
  constructor(
    private readonly xml: string | null,
    wanted: ReadonlySet<number> = new Set(),
    private readonly ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  ) {
    let n = 0;
    this.each((i, text) => {
      n = i + 1;
      if (wanted.has(i)) this.found.set(i, text());
    });
    this.existing = n;
  }

  /** Visits every <si> of the table with its index and a way to its text (decoded only when asked). */
  private each(visit: (i: number, text: () => string) => void): void {
    const xml = this.xml;
    if (!xml) return;
    const t = newTag();
    let n = 0;
    for (let i = 0; nextTag(xml, i, t); i = t.end) {
      if (t.name !== 'si' || t.closing) continue;
      const start = t.start;
      const end = skipElement(xml, t, 'si');
      visit(n++, () => parseSharedStrings(`<sst>${xml.slice(start, end)}</sst>`)[0] ?? '');
      t.end = end;
    }
  }

  /**
   * Takes the indexes of strings the table already holds among `values`, so
   * that ours reuse them: running enrich again on its own copy adds nothing.
   */
  reuse(values: ReadonlySet<string>): void {
    if (values.size === 0) return;
    this.each((i, text) => {
      const s = text();
      if (values.has(s) && !this.index.has(s)) this.index.set(s, i);
    });
  }

  /** The text of an existing string asked for in the constructor. */
  at(i: number): string | undefined {
    return this.found.get(i);
  }

  /** The index of `s` among the strings, appended when new (ours are shared among themselves, not looked up among the workbook's). */
  ref(s: string): number {
    this.refs++;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.existing + this.added.push(s) - 1;
      this.index.set(s, i);
    }
    return i;
  }

  /** The part's new text, or null when nothing was added. */
  result(): string | null {
    if (this.added.length === 0) return null;
    const xml = this.xml ?? emptyTable(this.ns);
    const p = rootPrefix(xml);
    const body = this.added.map((s) => `<${p}si><${p}t xml:space="preserve">${siText(s)}</${p}t></${p}si>`).join('');
    const unique = this.existing + this.added.length;
    let out: string;
    const selfClosing = new RegExp(`<${p}sst\\b[^>]*/>`).exec(xml);
    if (selfClosing) out = xml.replace(selfClosing[0], () => `${selfClosing[0].slice(0, -2)}>${body}</${p}sst>`);
    else {
      const end = xml.lastIndexOf(`</${p}sst>`);
      out = end >= 0 ? xml.slice(0, end) + body + xml.slice(end) : xml + body;
    }
    // The counts on the root: uniqueCount is exact; count (all references) grows by ours.
    return out.replace(new RegExp(`<${p}sst\\b[^>]*>`), (tag) => {
      let t = tag.replace(/\suniqueCount\s*=\s*"[^"]*"/, ` uniqueCount="${unique}"`);
      t = t.replace(/\scount\s*=\s*"(\d*)"/, (_m, c: string) => ` count="${(Number(c) || 0) + this.refs}"`);
      return t;
    });
  }
}
