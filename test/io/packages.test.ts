// What real programs write, end to end through readWorkbook: packages that
// are valid but unusual (names in other cases or with backslashes, prefixed
// relationships in single quotes, UTF-16 parts, Strict Open XML, no package
// relationships), cells as other writers put them, and a named reason for
// each way a workbook can have nothing to read; enrich copies them as they are.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { addColumnsReport, readWorkbook, writeWorkbook, type ReadResult } from '../../shared/io';
import type { SheetGrid } from '../../shared/model';
import { messageFaults } from '../../scripts/message-check';
import { NS, PKG_RELS, R, STRICT_NS, STRICT_R, baseParts, pkg, rel, rels, sheetXml, utf16, zipParts } from '../support/xlsx-package';

const FILE = '台账（外来）.xlsx';

async function grids(bytes: Uint8Array): Promise<SheetGrid[]> {
  const r = await readWorkbook(bytes, FILE);
  if (!r.ok) throw new Error(r.problem.message);
  return r.sheets;
}

async function refused(bytes: Uint8Array): Promise<Extract<ReadResult, { ok: false }>['problem']> {
  const r = await readWorkbook(bytes, FILE);
  if (r.ok) throw new Error(`read: ${JSON.stringify(r.sheets.map((s) => s.rows))}`);
  expect(messageFaults(r.problem.message, FILE)).toEqual([]);
  return r.problem;
}

const BASE_ROWS = [['台账', 7]];

describe('packages other programs write read like Excel\'s', () => {
  it('entry names written with backslashes (Windows zip tools)', async () => {
    const parts = Object.fromEntries(Object.entries(baseParts()).map(([k, v]) => [k.replace(/\//g, '\\'), v]));
    expect((await grids(zipParts(parts)))[0].rows).toEqual(BASE_ROWS);
  });

  it('part names in other cases than the relationships name them (Part 2 §6.2.2.3)', async () => {
    const parts = baseParts();
    const bytes = zipParts({
      '[Content_Types].xml': parts['[Content_Types].xml'],
      '_rels/.rels': parts['_rels/.rels'],
      'xl/WorkBook.xml': parts['xl/workbook.xml'],
      'xl/_rels/WorkBook.xml.rels': rels(rel('rId1', 'worksheet', 'worksheets/sheet1.xml'), rel('rId2', 'sharedStrings', 'sharedStrings.xml')),
      'XL/WorkSheets/SHEET1.xml': sheetXml(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>7</v></c></row>`),
      'xl/SharedStrings.xml': `<sst xmlns="${NS}"><si><t>台账</t></si></sst>`,
    });
    expect((await grids(bytes))[0].rows).toEqual(BASE_ROWS);
  });

  it('relationships under a namespace prefix, attributes in single quotes, any prefix on r:id, absolute targets', async () => {
    const prefixed = (id: string, kind: string, target: string): string => `<ns0:Relationship Id='${id}' Type='${R}/${kind}' Target='${target}'/>`;
    const bytes = pkg({
      '_rels/.rels': `<ns0:Relationships xmlns:ns0='${PKG_RELS}'>${prefixed('rId1', 'officeDocument', '/xl/workbook.xml')}</ns0:Relationships>`,
      'xl/workbook.xml': `<s:workbook xmlns:s='${NS}'><s:sheets><s:sheet xmlns:rel='${R}' name='数据' sheetId='1' rel:id='rId7'/></s:sheets></s:workbook>`,
      'xl/_rels/workbook.xml.rels': `<ns0:Relationships xmlns:ns0="${PKG_RELS}">\n  ${prefixed('rId7', 'worksheet', '/xl/worksheets/sheet1.xml')}\n</ns0:Relationships>`,
    });
    const [s] = await grids(bytes);
    expect(s.name).toBe('数据');
    expect(s.rows).toEqual(BASE_ROWS);
  });

  it.each([[false], [true]])('UTF-16 parts (big-endian %s), with and without a byte order mark', async (be) => {
    const p = baseParts();
    const bytes = pkg({
      'xl/workbook.xml': utf16((p['xl/workbook.xml'] as string).replace('UTF-8', 'UTF-16'), be),
      'xl/_rels/workbook.xml.rels': utf16(rels(rel('rId1', 'worksheet', 'worksheets/sheet1.xml'), rel('rId2', 'sharedStrings', 'sharedStrings.xml')), be, false),
      'xl/worksheets/sheet1.xml': utf16(sheetXml(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>7</v></c></row>`).replace('UTF-8', 'UTF-16'), be),
      'xl/sharedStrings.xml': utf16(`<?xml version="1.0" encoding="UTF-16"?><sst xmlns="${NS}"><si><t>台账</t></si></sst>`, be),
    });
    expect((await grids(bytes))[0].rows).toEqual(BASE_ROWS);
  });

  it('a large UTF-16 sheet (over 64 KB compressed: inflated in chunks) is counted, merged and read as text', async () => {
    const rows = Array.from({ length: 6000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${(i * 7919) % 104729}</v></c><c r="B${i + 1}" t="inlineStr"><is><t>第${i + 1}项${(i * 31) % 97}</t></is></c></row>`).join('');
    const xml = `<?xml version="1.0" encoding="UTF-16"?><worksheet xmlns="${NS}"><sheetData>${rows}</sheetData><mergeCells count="1"><mergeCell ref="C1:D2"/></mergeCells></worksheet>`;
    const [s] = await grids(pkg({ 'xl/worksheets/sheet1.xml': utf16(xml) }));
    expect(s.rows).toHaveLength(6000);
    expect(s.rows[5999]).toEqual([(5999 * 7919) % 104729, `第6000项${(5999 * 31) % 97}`]);
    expect(s.merges).toEqual([{ top: 0, left: 2, bottom: 1, right: 3 }]);
  });

  it('Strict Open XML (ISO/IEC 29500 strict namespaces) reads like transitional', async () => {
    const bytes = pkg({
      '_rels/.rels': rels(rel('rId1', 'officeDocument', 'xl/workbook.xml', STRICT_R)),
      'xl/workbook.xml': `<workbook xmlns="${STRICT_NS}" xmlns:r="${STRICT_R}" conformance="strict"><workbookPr dateCompatibility="false"/><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels': rels(rel('rId1', 'worksheet', 'worksheets/sheet1.xml', STRICT_R), rel('rId2', 'styles', 'styles.xml', STRICT_R)),
      'xl/styles.xml': `<styleSheet xmlns="${STRICT_NS}"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>`,
      'xl/worksheets/sheet1.xml': sheetXml(`<row r="1"><c r="A1" t="inlineStr"><is><t>台账</t></is></c><c r="B1"><v>7</v></c><c r="C1" s="1"><v>45107</v></c></row>`, STRICT_NS),
    });
    expect((await grids(bytes))[0].rows).toEqual([['台账', 7, new Date(Date.UTC(2023, 5, 30))]]);
  });

  it('no package relationships: the workbook is found by its media type (Part 2 §7.2.3)', async () => {
    const p = baseParts();
    const bytes = zipParts({
      '[Content_Types].xml': `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/book.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
      'book.xml': p['xl/workbook.xml'],
      '_rels/book.xml.rels': rels(rel('rId1', 'worksheet', 'sheet1.xml')),
      'sheet1.xml': p['xl/worksheets/sheet1.xml'],
    });
    expect((await grids(bytes))[0].rows).toEqual(BASE_ROWS);
  });

  it('a worksheet part without an extension, its XML-ness from the media types', async () => {
    const bytes = pkg({
      'xl/_rels/workbook.xml.rels': rels(rel('rId1', 'worksheet', 'worksheets/sheet1')),
      'xl/worksheets/sheet1.xml': null,
      'xl/worksheets/sheet1': sheetXml(`<row r="1"><c r="A1" t="inlineStr"><is><t>台账</t></is></c><c r="B1"><v>7</v></c></row>`),
    });
    expect((await grids(bytes))[0].rows).toEqual(BASE_ROWS);
  });
});

describe('cells as other writers put them', () => {
  it('shared strings: plain text before rich-text runs, phonetic runs left out (Part 1 §18.4.8)', async () => {
    const bytes = pkg({
      'xl/_rels/workbook.xml.rels': rels(rel('rId1', 'worksheet', 'worksheets/sheet1.xml'), rel('rId2', 'sharedStrings', 'sharedStrings.xml')),
      'xl/sharedStrings.xml': `<sst xmlns="${NS}"><si><t>tval</t><r><t>rval1</t></r><r><rPr><b/></rPr><t>rval2</t></r><rPh sb="0" eb="1"><t>ア</t></rPh></si></sst>`,
      'xl/worksheets/sheet1.xml': sheetXml(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`),
    });
    expect((await grids(bytes))[0].rows).toEqual([['tvalrval1rval2']]);
  });

  it('an inline string is its <is>, not a <v> beside it; text before runs kept; _xHHHH_ undone', async () => {
    const bytes = pkg({
      'xl/worksheets/sheet1.xml': sheetXml(
        `<row r="1"><c r="A1" t="inlineStr"><v>1.0</v><is><r><t>1.</t></r></is></c><c r="B1" t="inlineStr"><is><t xml:space="preserve">for </t><r><t>01/30/17</t></r></is></c><c r="C1"><is><t>ABC_x000D_DEF</t></is></c></row>`,
      ),
    });
    expect((await grids(bytes))[0].rows).toEqual([['1.', 'for 01/30/17', 'ABC\rDEF']]);
  });

  it('t="d" dates, times of day and durations; serials past a Date kept; dates in upper-case formats', async () => {
    const bytes = pkg({
      'xl/_rels/workbook.xml.rels': rels(rel('rId1', 'worksheet', 'worksheets/sheet1.xml'), rel('rId2', 'styles', 'styles.xml')),
      'xl/styles.xml': `<styleSheet xmlns="${NS}"><numFmts count="2"><numFmt numFmtId="164" formatCode="YYYY-MM-DD"/><numFmt numFmtId="165" formatCode="[RED]0.00"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="14"/></cellXfs></styleSheet>`,
      'xl/worksheets/sheet1.xml': sheetXml(
        `<row r="1"><c r="A1" t="d"><v>2021-03-04T10:10:10</v></c><c r="B1" t="d"><v>10:10:10</v></c><c r="C1" t="d"><v>PT36H</v></c><c r="D1" t="d"><v>明天</v></c></row>` +
          `<row r="2"><c r="A2" s="1"><v>45107</v></c><c r="B2" s="2"><v>45107</v></c><c r="C2" s="3"><v>1.0E12</v></c><c r="D2" s="3"><v>123456789</v></c></row>`,
      ),
    });
    expect((await grids(bytes))[0].rows).toEqual([
      [new Date(Date.UTC(2021, 2, 4, 10, 10, 10)), new Date(Date.UTC(1899, 11, 30, 10, 10, 10)), new Date(Date.UTC(1899, 11, 31, 12)), '明天'],
      [new Date(Date.UTC(2023, 5, 30)), 45107, 1e12, 123456789],
    ]);
  });
});

describe('a workbook with nothing to read says why', () => {
  const wb = (sheets: string): string => `<workbook xmlns="${NS}" xmlns:r="${R}"><sheets>${sheets}</sheets></workbook>`;
  it.each([
    ['no workbook relationships', 'workbook-rels-missing', { 'xl/_rels/workbook.xml.rels': null }, /xl\/_rels\/workbook\.xml\.rels.*「Sheet1」/],
    ['no sheets listed', 'no-sheets', { 'xl/workbook.xml': wb('') }, /没有列出任何工作表/],
    ['only a chart sheet', 'chart-sheets-only', { 'xl/_rels/workbook.xml.rels': rels(rel('rId1', 'chartsheet', 'chartsheets/sheet1.xml')), 'xl/chartsheets/sheet1.xml': `<chartsheet xmlns="${NS}"/>` }, /只有图表/],
    ['the sheet part missing', 'sheet-parts-missing', { 'xl/worksheets/sheet1.xml': null }, /「Sheet1」.*数据部件缺失/],
    ['a relationship id nobody has', 'sheet-parts-missing', { 'xl/workbook.xml': wb('<sheet name="Sheet1" sheetId="1" r:id="rId9"/>') }, /「Sheet1」/],
    ['data only past the row cap', 'only-beyond-cap', { 'xl/worksheets/sheet1.xml': sheetXml('<row r="300000"><c r="A300000"><v>1</v></c></row>') }, /200,000/],
    ['truly empty', 'empty-workbook', { 'xl/worksheets/sheet1.xml': sheetXml('<row r="1"><c r="A1" s="1"/></row>') }, /空工作簿.*「Sheet1」/],
    ['no workbook part in a package', 'part-missing', { 'xl/workbook.xml': null }, /缺少工作簿部件/],
  ])('%s → %s', async (_what, code, over, text) => {
    const p = await refused(pkg(over as Record<string, string | null>));
    expect(p.code).toBe(code);
    expect(p.message).toMatch(text);
  });

  it('a plain zip is not a workbook', async () => {
    const p = await refused(zipParts({ 'notes.txt': '会议纪要' }));
    expect(p.code).toBe('not-xlsx');
  });

  it('one sheet missing, another read: a warning naming the sheet', async () => {
    const r = await readWorkbook(
      pkg({
        'xl/workbook.xml': `<workbook xmlns="${NS}" xmlns:r="${R}"><sheets><sheet name="缺" sheetId="2" r:id="rId2"/><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
        'xl/_rels/workbook.xml.rels': rels(rel('rId1', 'worksheet', 'worksheets/sheet1.xml'), rel('rId2', 'worksheet', 'worksheets/gone.xml')),
      }),
      FILE,
    );
    if (!r.ok) throw new Error(r.problem.message);
    expect(r.sheets.map((s) => s.name)).toEqual(['Sheet1']);
    expect(r.warnings.map((w) => [w.code, w.sheet])).toEqual([['sheet-part-missing', '缺']]);
  });

  it('a sheet whose data all sits past the column cap is read from where it is', async () => {
    const rows = [100000, 100001].map((r, i) => `<row r="${r}"><c r="FOO${r}"><v>${i + 6}</v></c></row>`).join('');
    const [s] = await grids(pkg({ 'xl/worksheets/sheet1.xml': sheetXml(rows) }));
    expect(s.origin).toEqual({ row: 0, col: 4460 });
    expect(s.rows.slice(99999)).toEqual([[6], [7]]);
  });
});

describe('what stays refused', () => {
  it.each([['..\\..\\evil.sh'], ['xl\\..\\..\\evil.sh'], ['/etc/cron.d/x']])('entry %j climbs out of the archive', async (name) => {
    const p = await refused(pkg({ [name]: '#!/bin/sh' }));
    expect(p.code).toBe('zip-unsafe-path');
  });

  it('a DOCTYPE in a UTF-16 part', async () => {
    const p = await refused(pkg({ 'xl/worksheets/sheet1.xml': utf16(`<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY a "aaaa">]><worksheet xmlns="${NS}"><sheetData/></worksheet>`) }));
    expect(p.code).toBe('xml-doctype');
  });
});

describe('enrich copies a package other programs write as it is', () => {
  // The copy patches the sheet's XML in place and copies every other part (columns.ts): a quirk of the
  // package is kept, the parts we add follow it (Strict's namespaces, UTF-8 declared as UTF-8), and the
  // copy reads back with the user's cells, our columns and the light's fill.
  const edit = [{ sheet: 'Sheet1', headerRow: 1, startCol: 2, headers: ['状态', '红黄绿灯'], rows: [{ row: 2, values: ['正常', '绿'], fills: [null, '#00B050'] }] }];
  const p = baseParts();
  const sheet = p['xl/worksheets/sheet1.xml'] as string;
  const strictParts = {
    '_rels/.rels': rels(rel('rId1', 'officeDocument', 'xl/workbook.xml', STRICT_R)),
    'xl/workbook.xml': (p['xl/workbook.xml'] as string).replace(NS, STRICT_NS).replace(R, STRICT_R),
    'xl/_rels/workbook.xml.rels': rels(rel('rId1', 'worksheet', 'worksheets/sheet1.xml', STRICT_R)),
    'xl/worksheets/sheet1.xml': sheet.replace(NS, STRICT_NS),
  };
  const cases: [string, Record<string, string | Uint8Array | null>][] = [
    ['Strict', { ...p, ...strictParts }],
    ['backslash names', Object.fromEntries(Object.entries(p).map(([k, v]) => [k.replace(/\//g, '\\'), v]))],
    ['names in another case', { ...p, 'xl/workbook.xml': null, 'xl/WORKBOOK.xml': p['xl/workbook.xml'] }],
    ['a UTF-16 sheet', { ...p, 'xl/worksheets/sheet1.xml': utf16(sheet.replace('UTF-8', 'UTF-16')) }],
    ['prefixed relationships', { ...p, '_rels/.rels': `<a:Relationships xmlns:a="${PKG_RELS}"><a:Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></a:Relationships>` }],
  ];
  it.each(cases)('%s: enriched, and read back with the user\'s cells and ours', async (what, parts) => {
    const bytes = zipParts(parts);
    const r = await addColumnsReport(bytes, edit, FILE);
    if (!r.ok) throw new Error(r.problem.message);
    const [s] = await grids(r.bytes);
    expect(s.rows).toEqual([['台账', 7, '状态', '红黄绿灯'], [null, null, '正常', '绿']]);
    const before = unzipSync(bytes);
    const after = unzipSync(r.bytes);
    // every part but the sheet and the package's own lists comes back byte for byte, under its own name
    for (const [name, data] of Object.entries(before)) {
      expect(after[name], name).toBeDefined();
      if (!/sheet1\.xml$|Content_Types|\.rels$/.test(name)) expect(after[name], name).toEqual(data);
    }
    const sheetName = Object.keys(after).find((n) => /sheet1\.xml$/i.test(n))!;
    const written = strFromU8(after[sheetName]!);
    // the sheet is now UTF-8, and says so
    expect(written.startsWith('<?xml version="1.0" encoding="UTF-8"?>'), what).toBe(true);
    const styles = strFromU8(after['xl/styles.xml']!);
    expect(styles).toContain('<fgColor rgb="FF00B050"/>');
    if (what === 'Strict') {
      expect(styles).toContain(`xmlns="${STRICT_NS}"`);
      expect(strFromU8(after['xl/worksheets/_rels/sheet1.xml.rels']!)).toContain(`${STRICT_R}/comments`);
      expect(strFromU8(after['xl/_rels/workbook.xml.rels']!)).toContain(`${STRICT_R}/styles`);
    }
  });

  it('enriching the copy again updates the same columns', async () => {
    const first = await addColumnsReport(zipParts(cases[0]![1]), edit, FILE);
    if (!first.ok) throw new Error(first.problem.message);
    const again = await addColumnsReport(first.bytes, edit, FILE);
    if (!again.ok) throw new Error(again.problem.message);
    expect((await grids(again.bytes))[0].rows).toEqual([['台账', 7, '状态', '红黄绿灯'], [null, null, '正常', '绿']]);
  });
});
