// Cell notes ("批注") on a worksheet, read and added in place. A note lives
// in two parts (ECMA-376 Part 1 §18.7): the comments part holds its text,
// and a legacy VML drawing (§18.3.1.50 legacyDrawing; VML per Part 4 §19)
// holds the yellow box Excel draws for it. Notes the sheet already has are
// kept as they are; ours are appended to the same parts, or to new parts
// when the sheet has none.
import { columnLetter0 } from './a1';
import { escapeXml, rootPrefix, type PackageEdit } from './package-edit';
import { columnOf } from './sheet-xml';
import { newTag, nextTag, prefixedAttr, readAttrs, readText } from './xml-text';

const AUTHOR = '科素台账';
const VML_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.vmlDrawing';
const COMMENTS_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml';

// CT_Worksheet's children after <sheetData>, in schema order (§18.3.1.99).
const AFTER_SHEET_DATA = [
  'sheetCalcPr', 'sheetProtection', 'protectedRanges', 'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr',
  'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties',
  'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst',
];

export interface NoteCell {
  row: number;
  col: number;
}

/** The comments part of a sheet, or null. */
function commentsPath(pkg: PackageEdit, sheetPath: string): string | null {
  return pkg.relOfKind(sheetPath, 'comments')?.part ?? null;
}

/** The text of every note on a cell of `row`, by column (1-based). */
export function notesInRow(pkg: PackageEdit, sheetPath: string, row: number): Map<number, string> {
  const out = new Map<number, string>();
  const path = commentsPath(pkg, sheetPath);
  const xml = path ? pkg.text(path) : null;
  if (!xml) return out;
  const t = newTag();
  const at = { pos: 0 };
  const ref: (string | null)[] = [null];
  let col = 0;
  let texts: string[] = [];
  for (let i = 0; nextTag(xml, i, t); i = t.end) {
    if (t.name === 'comment') {
      if (t.closing) {
        if (col > 0) out.set(col, (out.get(col) ?? '') + texts.join(''));
        col = 0;
        continue;
      }
      readAttrs(xml, t, ['ref'], ref);
      const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref[0] ?? '');
      col = m && Number(m[2]) === row ? columnOf(m[1]!) : 0;
      texts = [];
    } else if (t.name === 't' && col > 0 && !t.closing && !t.selfClosing) {
      texts.push(readText(xml, t.end, at));
      t.end = at.pos;
    }
  }
  return out;
}

/** The r:id of the sheet's <legacyDrawing> (any prefix on the id), found in the text after its rows. */
function legacyDrawingId(tail: string): string | null {
  const t = newTag();
  for (let i = 0; nextTag(tail, i, t); i = t.end) {
    if (t.name !== 'legacyDrawing' || t.closing) continue;
    return prefixedAttr(tail, t, 'id');
  }
  return null;
}

/**
 * `element` put among the worksheet's children after <sheetData> (the
 * `tail`: from </sheetData> to the end), at its place in the schema order.
 */
function insertInTail(tail: string, element: string, name: string): string {
  const after = new Set(AFTER_SHEET_DATA.slice(AFTER_SHEET_DATA.indexOf(name) + 1));
  const t = newTag();
  let depth = 0;
  let first = true;
  for (let i = 0; nextTag(tail, i, t); i = t.end) {
    if (first) {
      first = false; // </sheetData> (or <sheetData/>)
      continue;
    }
    if (t.closing) {
      if (depth === 0) return tail.slice(0, t.start) + element + tail.slice(t.start);
      depth--;
    } else if (depth === 0 && after.has(t.name)) return tail.slice(0, t.start) + element + tail.slice(t.start);
    else if (!t.selfClosing) depth++;
  }
  return tail + element;
}

/**
 * The prefix the worksheet's root binds to the relationships namespace
 * `relNs`, and the head with that binding added when the root had none.
 */
function withRelPrefix(head: string, relNs: string): { head: string; prefix: string } {
  const t = newTag();
  if (!nextTag(head, 0, t)) return { head, prefix: 'r' };
  const root = head.slice(t.start, t.end);
  const bound = new Map<string, string>();
  for (const m of root.matchAll(/\sxmlns:([\w.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) bound.set(m[1]!, m[2] ?? m[3]!);
  for (const [prefix, ns] of bound) if (ns === relNs) return { head, prefix };
  const prefix = bound.has('r') ? 'kesur' : 'r';
  return { head: head.slice(0, t.attrStart) + ` xmlns:${prefix}="${relNs}"` + head.slice(t.attrStart), prefix };
}

export interface NotesEdit {
  /** The worksheet's text before its rows, with the relationships namespace declared when it was not. */
  head: string;
  /** The text after its rows, with a <legacyDrawing> when the sheet had none. */
  tail: string;
}

/**
 * Adds a note with `text` to each cell. Edits the comments and VML parts in
 * `pkg` and returns the sheet's head and tail as they must now be written.
 */
export function addNotes(pkg: PackageEdit, sheetPath: string, sheetPrefix: string, head: string, tail: string, cells: NoteCell[], text: string): NotesEdit {
  if (cells.length === 0) return { head, tail };
  addComments(pkg, sheetPath, cells, text);
  const id = legacyDrawingId(tail);
  const existing = id ? pkg.rels(sheetPath).find((r) => r.id === id && r.part !== null)?.part : undefined;
  if (existing && pkg.text(existing) !== null) {
    pkg.setText(existing, appendShapes(pkg.text(existing)!, cells));
    return { head, tail };
  }
  // A new VML drawing, its relationship, and the <legacyDrawing> that names it.
  const path = pkg.freeName((n) => `xl/drawings/vmlDrawing${n}.vml`);
  pkg.setText(path, newVml(pkg, cells));
  pkg.declare(path, VML_CONTENT_TYPE, true);
  const rid = pkg.addRel(sheetPath, 'vmlDrawing', path);
  const bound = withRelPrefix(head, pkg.relNs);
  // an existing <legacyDrawing> whose part is missing is replaced, not doubled
  const cleaned = id ? tail.replace(/<([\w.-]+:)?legacyDrawing\b[^>]*\/>/, '') : tail;
  return { head: bound.head, tail: insertInTail(cleaned, `<${sheetPrefix}legacyDrawing ${bound.prefix}:id="${rid}"/>`, 'legacyDrawing') };
}

function addComments(pkg: PackageEdit, sheetPath: string, cells: NoteCell[], text: string): void {
  let path = commentsPath(pkg, sheetPath);
  let xml = path ? pkg.text(path) : null;
  if (!path || xml === null) {
    path = pkg.freeName((n) => `xl/comments${n}.xml`);
    xml =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${pkg.mainNs}"><authors></authors><commentList></commentList></comments>`;
    pkg.addRel(sheetPath, 'comments', path);
    pkg.declare(path, COMMENTS_CONTENT_TYPE);
  }
  const p = rootPrefix(xml);
  // Our author: reused when a run before ours added it.
  const authors = /<([\w.-]+:)?authors\b[^>]*?(\/?)>([\s\S]*?)(?:<\/\1?authors>|$)/.exec(xml);
  const names = authors && authors[2] !== '/' ? [...authors[3]!.matchAll(/<(?:[\w.-]+:)?author\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?author>/g)].map((m) => m[1]) : [];
  let authorId = names.indexOf(AUTHOR);
  if (authorId < 0) {
    authorId = names.length;
    const el = `<${p}author>${AUTHOR}</${p}author>`;
    if (!authors) xml = xml.replace(/(<([\w.-]+:)?comments\b[^>]*>)/, `$1<${p}authors>${el}</${p}authors>`);
    else if (authors[2] === '/') xml = xml.replace(authors[0], `<${p}authors>${el}</${p}authors>`);
    else xml = xml.replace(/<\/([\w.-]+:)?authors>/, (m) => el + m);
  }
  // One run, as Excel writes a note (some readers take a note's text from its runs only).
  const body = cells.map((c) => `<${p}comment ref="${columnLetter0(c.col - 1)}${c.row}" authorId="${authorId}"><${p}text><${p}r><${p}rPr><${p}sz val="9"/><${p}rFont val="宋体"/><${p}charset val="134"/></${p}rPr><${p}t xml:space="preserve">${escapeXml(text)}</${p}t></${p}r></${p}text></${p}comment>`).join('');
  if (/<([\w.-]+:)?commentList\b[^>]*\/>/.test(xml)) xml = xml.replace(/<([\w.-]+:)?commentList\b[^>]*\/>/, `<${p}commentList>${body}</${p}commentList>`);
  else if (/<\/([\w.-]+:)?commentList>/.test(xml)) xml = xml.replace(/<\/([\w.-]+:)?commentList>/, (m) => body + m);
  else xml = xml.replace(/<\/([\w.-]+:)?comments>\s*$/, (m) => `<${p}commentList>${body}</${p}commentList>` + m);
  pkg.setText(path, xml);
}

// VML as Excel writes it for a note. Each shape declares the namespaces it
// uses itself, so it reads the same in a drawing whose root binds other prefixes.
const VML_NS = 'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"';
const SHAPETYPE =
  `<v:shapetype ${VML_NS} id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">` +
  '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

function shape(id: number, c: NoteCell): string {
  const col0 = c.col - 1;
  const row0 = c.row - 1;
  return (
    `<v:shape ${VML_NS} id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:160pt;height:60pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${col0 + 1}, 15, ${Math.max(0, row0 - 1)}, 10, ${col0 + 3}, 15, ${row0 + 3}, 4</x:Anchor>` +
    `<x:AutoFill>False</x:AutoFill><x:Row>${row0}</x:Row><x:Column>${col0}</x:Column></x:ClientData></v:shape>`
  );
}

/** Shapes added to an existing VML drawing, numbered after its own. */
function appendShapes(vml: string, cells: NoteCell[]): string {
  let max = 1024;
  for (const m of vml.matchAll(/_x0000_s(\d+)/g)) max = Math.max(max, Number(m[1]));
  const shapes = (vml.includes('_x0000_t202') ? '' : SHAPETYPE) + cells.map((c, k) => shape(max + 1 + k, c)).join('');
  const end = vml.lastIndexOf('</xml>');
  return end >= 0 ? vml.slice(0, end) + shapes + vml.slice(end) : vml + shapes;
}

/** A new VML drawing; its shape-id block is one no other drawing in the package uses. */
function newVml(pkg: PackageEdit, cells: NoteCell[]): string {
  let block = 0;
  for (const path of pkg.paths()) {
    if (!/\.vml$/i.test(path)) continue;
    for (const m of (pkg.text(path) ?? '').matchAll(/\bdata\s*=\s*"([\d,\s]+)"/g)) for (const d of m[1]!.split(',')) block = Math.max(block, Number(d) || 0);
  }
  block++;
  return (
    `<xml ${VML_NS}><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block}"/></o:shapelayout>` +
    SHAPETYPE +
    cells.map((c, k) => shape(block * 1024 + 1 + k, c)).join('') +
    '</xml>'
  );
}
