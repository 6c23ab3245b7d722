// Hand-built .xlsx packages for the reader's tests: the parts a minimal
// workbook needs, any of which a test replaces, renames or drops, to write
// what other programs write (prefixes, quotes, case, encodings, Strict).
import { strToU8, zipSync } from 'fflate';

export const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const PKG_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const STRICT_NS = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
export const STRICT_R = 'http://purl.oclc.org/ooxml/officeDocument/relationships';

export const rel = (id: string, kind: string, target: string, ns = R): string => `<Relationship Id="${id}" Type="${ns}/${kind}" Target="${target}"/>`;
export const rels = (...items: string[]): string => `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_RELS}">${items.join('')}</Relationships>`;

/** A worksheet part whose rows are given as XML. */
export const sheetXml = (rows: string, ns = NS): string => `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${ns}"><sheetData>${rows}</sheetData></worksheet>`;

/** The parts of a one-sheet workbook: Sheet1 with A1 = "台账" (inline) and B1 = 7. */
export function baseParts(): Record<string, string | Uint8Array> {
  return {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
    '_rels/.rels': rels(rel('rId1', 'officeDocument', 'xl/workbook.xml')),
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${R}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': rels(rel('rId1', 'worksheet', 'worksheets/sheet1.xml')),
    'xl/worksheets/sheet1.xml': sheetXml(`<row r="1"><c r="A1" t="inlineStr"><is><t>台账</t></is></c><c r="B1"><v>7</v></c></row>`),
  };
}

/** Zips parts (text as UTF-8, bytes as they are); a null value leaves the part out. */
export function zipParts(parts: Record<string, string | Uint8Array | null>): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const [name, v] of Object.entries(parts)) if (v !== null) files[name] = typeof v === 'string' ? strToU8(v) : v;
  return zipSync(files);
}

/** The base workbook with some parts replaced (null drops a part). */
export const pkg = (over: Record<string, string | Uint8Array | null> = {}): Uint8Array => zipParts({ ...baseParts(), ...over });

/** Text as UTF-16 with a byte order mark (little- or big-endian). */
export function utf16(text: string, bigEndian = false, bom = true): Uint8Array {
  const out = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  let o = 0;
  const put = (c: number): void => {
    out[o++] = bigEndian ? c >> 8 : c & 0xff;
    out[o++] = bigEndian ? c & 0xff : c >> 8;
  };
  if (bom) put(0xfeff);
  for (let i = 0; i < text.length; i++) put(text.charCodeAt(i));
  return out;
}
