// A minimal .docx built by hand (fflate): [Content_Types].xml, _rels/.rels and
// word/document.xml with w:p paragraphs and w:tbl tables. Tables can merge
// cells vertically (w:vMerge) the way Word does for a 类别 column.
import { strToU8, zipSync } from 'fflate';

export type Block = { p: string; list?: number } | { table: string[][]; mergeDown?: number[] };

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function paragraph(text: string, list?: number): string {
  // A tab inside a paragraph is a w:tab element, as Word writes it.
  const runs = text.split('\t').map((part) => `<w:t xml:space="preserve">${esc(part)}</w:t>`);
  const pr = list === undefined ? '' : `<w:pPr><w:numPr><w:ilvl w:val="${list}"/><w:numId w:val="1"/></w:numPr></w:pPr>`;
  return `<w:p>${pr}<w:r>${runs.join('<w:tab/>')}</w:r></w:p>`;
}

// Automatic numbering: 一、 / （一） / 1. as Word's chineseCounting and decimal formats.
const NUMBERING =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl><w:lvl w:ilvl="2"><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>';

function table(rows: string[][], mergeDown: number[] = []): string {
  const trs = rows.map((cells, r) => {
    const tcs = cells.map((c, col) => {
      let pr = '';
      if (mergeDown.includes(col) && r > 0) {
        // an empty cell under a filled one continues the merge; a filled one restarts it
        pr = c ? '<w:tcPr><w:vMerge w:val="restart"/></w:tcPr>' : '<w:tcPr><w:vMerge/></w:tcPr>';
      }
      return `<w:tc>${pr}${paragraph(c)}</w:tc>`;
    });
    return `<w:tr>${tcs.join('')}</w:tr>`;
  });
  return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>${trs.join('')}</w:tbl>`;
}

export function buildDocx(blocks: Block[]): Uint8Array {
  const body = blocks.map((b) => ('p' in b ? paragraph(b.p, b.list) : table(b.table, b.mergeDown))).join('');
  const numbered = blocks.some((b) => 'p' in b && b.list !== undefined);
  const doc = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr/></w:body></w:document>`;
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(doc),
    ...(numbered ? { 'word/numbering.xml': strToU8(NUMBERING) } : {}),
  });
}

/** Seed text → blocks: prose lines as paragraphs, the web-copied annex table as a real table. */
export function seedBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  const lines = text.split('\n');
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.includes('\t')) {
      const rows: string[][] = [];
      let cur: string[] = [];
      for (; i < lines.length; i++) {
        const l = lines[i]!;
        if (l.includes('\t')) cur.push(l.split('\t').slice(1).join('\t').trim());
        else if (!l.trim()) {
          if (cur.length) rows.push(cur);
          cur = [];
        } else break;
      }
      if (cur.length) rows.push(cur);
      blocks.push({ table: rows, mergeDown: [0] });
      continue;
    }
    if (line.trim()) blocks.push({ p: line.trim() });
    i++;
  }
  return blocks;
}
