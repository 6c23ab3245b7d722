// The workbook part and its relationships → what a reader needs to find the
// cells: the sheets (name, state, kind, part), the shared strings and styles
// parts, the date system. Read once, by the guard, and handed to the reader.
// Element and attribute names are matched by local name, so transitional
// (http://schemas.openxmlformats.org/spreadsheetml/2006/main) and Strict
// (ISO/IEC 29500-1 strict, http://purl.oclc.org/ooxml/spreadsheetml/main)
// workbooks read alike, whatever prefix the writer chose.
import { PartIndex, relKind, type Relationship } from './opc';
import { attr, newTag, nextTag, prefixedAttr } from './xml-text';

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface SheetPart {
  name: string;
  /** The sheet's part as stored in the archive; '' when the workbook's relationships do not lead to one that exists. */
  path: string;
  state: SheetState;
  /**
   * The relationship kind (ECMA-376 Part 1 §12.3): 'worksheet', 'chartsheet',
   * 'dialogsheet', 'xlMacrosheet' …; 'missing' when no relationship has the
   * sheet's id.
   */
  kind: string;
}

export interface WorkbookParts {
  /** The workbook part as stored. */
  path: string;
  sheets: SheetPart[];
  sharedStrings: string | null;
  styles: string | null;
  /** The 1904 date system (Part 1 §18.2.28 workbookPr date1904; §18.17.4.1). */
  date1904: boolean;
  /** Whether the workbook part has a Relationships part: without one no sheet's cells can be found. */
  hasRels: boolean;
  /** Strict Open XML (ISO/IEC 29500-1 strict namespaces): read like transitional, and enrich's copy adds its parts in Strict's namespaces. */
  strict: boolean;
}

const STRICT_MAIN = 'http://purl.oclc.org/ooxml/spreadsheetml/main';

/** xsd:boolean as SpreadsheetML writes it: "1"/"true" (any case, for lenient writers). */
const xsdTrue = (v: string | null): boolean => v !== null && /^\s*(?:1|true)\s*$/i.test(v);

function sheetState(v: string | null): SheetState {
  // ST_SheetState (Part 1 §18.18.68); case-insensitive for writers that capitalise.
  const s = (v ?? '').trim().toLowerCase();
  return s === 'hidden' ? 'hidden' : s === 'veryhidden' ? 'veryHidden' : 'visible';
}

/**
 * The sheets and shared parts of a workbook. `rels` is null when the workbook
 * part has no Relationships part. Parts a relationship names but the archive
 * lacks come back as '' (sheets) or null.
 */
export function readWorkbookParts(path: string, xml: string, rels: Relationship[] | null, index: PartIndex): WorkbookParts {
  const sheets: SheetPart[] = [];
  let date1904 = false;
  const byId = new Map<string, Relationship>();
  for (const r of rels ?? []) if (!byId.has(r.id)) byId.set(r.id, r);
  const t = newTag();
  // The sheets (Part 1 §18.2.20) and workbookPr come before the defined names
  // and the rest; the scan ends after </sheets>.
  for (let p = 0; nextTag(xml, p, t); p = t.end) {
    if (t.name === 'sheets' && t.closing) break;
    if (t.closing) continue;
    if (t.name === 'workbookPr') date1904 = xsdTrue(attr(xml, t, 'date1904'));
    else if (t.name === 'sheet') {
      // Part 1 §18.2.19: name, sheetId, state and the relationship id r:id.
      const id = (prefixedAttr(xml, t, 'id') ?? '').trim();
      const rel = byId.get(id);
      const found = rel?.part ? index.find(rel.part) : null;
      sheets.push({ name: attr(xml, t, 'name') ?? '', path: found ?? '', state: sheetState(attr(xml, t, 'state')), kind: rel ? relKind(rel.type) : 'missing' });
    }
  }
  // Shared strings and styles by relationship (Part 1 §12.3.15, §12.3.20);
  // failing that, beside the workbook under the usual names, as every
  // reader has done for writers that forget the relationship.
  const folder = path.slice(0, path.lastIndexOf('/') + 1);
  const shared = (kind: string, usual: string): string | null => {
    for (const r of rels ?? []) if (relKind(r.type) === kind && r.part) return index.find(r.part);
    return index.find(folder + usual);
  };
  return {
    path,
    sheets,
    sharedStrings: shared('sharedStrings', 'sharedStrings.xml'),
    styles: shared('styles', 'styles.xml'),
    date1904,
    hasRels: rels !== null,
    strict: xml.includes(STRICT_MAIN),
  };
}
