// A minimal .docx built by hand (fflate): [Content_Types].xml, _rels/.rels and
// word/document.xml with w:p paragraphs and w:tbl tables. Tables can merge
// cells vertically (w:vMerge) the way Word does for a 类别 column.
import { strToU8, zipSync } from 'fflate';

export type Block = { p: string } | { table: string[][]; mergeDown?: number[] };

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function paragraph(text: string): string {
  // A tab inside a paragraph is a w:tab element, as Word writes it.
  const runs = text.split('\t').map((part) => `<w:t xml:space="preserve">${esc(part)}</w:t>`);
  return `<w:p><w:r>${runs.join('<w:tab/>')}</w:r></w:p>`;
}

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
  const body = blocks.map((b) => ('p' in b ? paragraph(b.p) : table(b.table, b.mergeDown))).join('');
  const doc = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr/></w:body></w:document>`;
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(doc),
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
