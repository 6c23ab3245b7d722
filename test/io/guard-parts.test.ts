// The guard's streaming pieces: patterns and merge lists split across any
// chunk boundary are still seen, and the sheet thinning keeps exactly the rows
// with values.
import { describe, expect, it } from 'vitest';
import { parseMergeCells, parseRange } from '../../shared/io/merges';
import { Matcher, MergeCollector, hasDoctype } from '../../shared/io/part-scan';
import { thinSheetXml } from '../../shared/io/thin';
import { readZipDirectory } from '../../shared/io/zip';
import { rawZip } from '../../scripts/make-bad-fixtures';

const enc = new TextEncoder();

function splits(text: string): Uint8Array[][] {
  const b = enc.encode(text);
  const out: Uint8Array[][] = [];
  for (let i = 0; i <= b.length; i++) for (const j of [i, Math.min(b.length, i + 3)]) out.push([b.subarray(0, i), b.subarray(i, j), b.subarray(j)]);
  return out;
}

describe('Matcher', () => {
  const xml = '<?xml version="1.0"?><!-- x --><!DOCTYPE sst [<!ENTITY a "b">]><sst><row r="1"><row>x</row></sst><rowBreaks/>';
  it.each(splits(xml).map((parts, i) => [i, parts] as const))('split %i: counts every pattern once', (_i, parts) => {
    const m = new Matcher(['<!DOCTYPE', '<!ENTITY', '<row ', '<row>']);
    for (const p of parts) m.feed(p);
    expect(m.counts).toEqual([1, 1, 1, 1]);
  });
});

describe('MergeCollector', () => {
  const xml = '<worksheet><sheetData><row r="1"/></sheetData><mergeCells count="2"><mergeCell ref="B4:B7"/><mergeCell ref="A1:J1"/></mergeCells><pageMargins/></worksheet>';
  it.each(splits(xml).filter((_, i) => i % 7 === 0).map((parts, i) => [i, parts] as const))('split %i: collects the whole element', (_i, parts) => {
    const c = new MergeCollector();
    for (const p of parts) c.feed(p);
    expect(parseMergeCells(c.text)).toEqual([
      { top: 3, left: 1, bottom: 6, right: 1 },
      { top: 0, left: 0, bottom: 0, right: 9 },
    ]);
  });
});

describe('parseRange', () => {
  it.each([
    ['B4:B7', { top: 3, left: 1, bottom: 6, right: 1 }],
    ['$A$1:$J$1', { top: 0, left: 0, bottom: 0, right: 9 }],
    ['AA10:AB12', { top: 9, left: 26, bottom: 11, right: 27 }],
    ['B7:B4', { top: 3, left: 1, bottom: 6, right: 1 }],
    ['C3:C3', null],
    ['C3', null],
    ['junk', null],
  ])('%s', (ref, want) => expect(parseRange(ref)).toEqual(want));
});

describe('thinSheetXml', () => {
  const rows = [
    '<row r="1"><c r="A1" t="s"><v>0</v></c></row>',
    '<row r="2" s="1" customFormat="1"/>',
    '<row r="3"><c r="A3" s="2"/></row>',
    '<row r="4"><c r="A4"><f>1+1</f></c></row>',
    '<row r="5"><c r="A5" t="inlineStr"><is><t>x</t></is></c></row>',
    '<row r="1048576"><c r="A1048576"><v>9</v></c></row>',
  ];
  const xml = `<worksheet><sheetData>${rows.join('')}</sheetData></worksheet>`;
  it('keeps value rows under the cap, drops empty formatted rows and stray rows beyond it', () => {
    const t = thinSheetXml(xml, 200_000);
    expect(t.xml).toBe(`<worksheet><sheetData>${[rows[0], rows[3], rows[4]].join('')}</sheetData></worksheet>`);
    expect(t).toMatchObject({ valueRows: 4, strayRows: 1, emptyRows: 2, firstStray: 1_048_576 });
  });
});

describe('readZipDirectory', () => {
  it('reads names, sizes and the UTF-8 flag as written', () => {
    const zip = rawZip([{ name: enc.encode('a.xml'), data: enc.encode('<a/>'), method: 0, crc: 0, size: 4, utf8Flag: true }]);
    const d = readZipDirectory(zip);
    expect(d.ok && d.entries.map((e) => [e.name, e.size, e.compressedSize, e.method, e.nameNotUtf8])).toEqual([['a.xml', 4, 4, 0, false]]);
    expect(readZipDirectory(zip.subarray(0, zip.length - 30))).toMatchObject({ ok: false });
  });
});

describe('hasDoctype: the prolog of a part', () => {
  it.each([
    ['<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "b">]><sst/>', true],
    ['<?xml version="1.0"?>\n<!-- a long comment ' + '-'.repeat(10) + ' x --><!DOCTYPE x><x/>', true],
    ['\uFEFF<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?><!ENTITY a "b"><x/>', true],
    ['<?xml version="1.0"?><worksheet><sheetData/></worksheet>', false],
    // after the root element no parser reads a DOCTYPE (it is an error), and our reader expands no entities
    ['<?xml version="1.0"?><worksheet><!DOCTYPE x></worksheet>', false],
    ['<!-- unterminated comment <!DOCTYPE x>', false],
    ['', false],
  ])('%j → %s', (xml, want) => {
    expect(hasDoctype(xml)).toBe(want);
  });
});
