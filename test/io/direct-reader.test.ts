// The direct reader on hand-written package XML: what exceljs never writes
// but other producers do (WPS, Google Sheets, .NET's Open XML SDK, scripts):
// namespace prefixes, absolute relationship targets, inline strings, ISO
// dates, phonetic runs, entities, CDATA, rows and cells without addresses,
// the 1904 date system. Plus damaged XML inside a sound zip: never a throw.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../shared/io';
import { columnOf } from '../../shared/io/sheet-xml';
import { parseSharedStrings } from '../../shared/io/shared-strings';
import { dateStyles, isDateFormat } from '../../shared/io/styles';
import { decodeXml } from '../../shared/io/xml-text';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const SST = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="${NS}" count="6" uniqueCount="6">
<si><t>区教育局 &amp; 区科协 &lt;牵头&gt; &#20013;&#x6587; &quot;引号&quot; &apos;单&apos;</t></si>
<si><r><rPr><b/></rPr><t>开展</t></r><r><t xml:space="preserve"> 青少年 </t></r><rPh sb="0" eb="2"><t>カイテン</t></rPh><phoneticPr fontId="1"/></si>
<si><t xml:space="preserve">  前后空格  </t><rPh sb="0" eb="1"><t>ゼン</t></rPh></si>
<si><t>第一行_x000D_
第二行</t></si>
<si><t><![CDATA[<不是标签> & 原样]]></t></si>
<si/>
</sst>`;

const STYLES = `<?xml version="1.0" encoding="UTF-8"?>
<styleSheet xmlns="${NS}">
<numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="165" formatCode="&quot;第&quot;0&quot;项&quot;"/><numFmt numFmtId="166" formatCode="[Red]0.00"/></numFmts>
<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
<cellXfs count="7"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="47"/><xf numFmtId="31"/></cellXfs>
<dxfs count="1"><dxf><numFmt numFmtId="165" formatCode="yyyy"/></dxf></dxfs>
</styleSheet>`;

const SHEET = `<?xml version="1.0" encoding="UTF-8"?>
<x:worksheet xmlns:x="${NS}" xmlns:r="${R}"><x:dimension ref="A1:F6"/>
<x:sheetData>
<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c><x:c r="C1" t="s"><x:v>2</x:v></x:c><x:c r="D1" t="s"><x:v>3</x:v></x:c><x:c r="E1" t="s"><x:v>4</x:v></x:c><x:c r="F1" t="s"><x:v>5</x:v></x:c></x:row>
<!-- a comment <row r="99"><c><v>1</v></c></row> -->
<x:row><x:c t="inlineStr"><x:is><x:t>内联 &amp; 文本</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:r><x:t>富</x:t></x:r><x:r><x:t>文本</x:t></x:r><x:rPh><x:t>フ</x:t></x:rPh></x:is></x:c><x:c t="d"><x:v>2023-06-30T00:00:00</x:v></x:c><x:c t="b"><x:v>1</x:v></x:c><x:c t="b"><x:v>0</x:v></x:c><x:c t="e"><x:v>#N/A</x:v></x:c></x:row>
<x:row r="4" spans="1:6"><x:c r="A4" s="1"><x:v>45107</x:v></x:c><x:c r="B4" s="2"><x:v>45107.5</x:v></x:c><x:c r="C4" s="3"><x:v>7</x:v></x:c><x:c r="D4" s="4"><x:v>-1.5E-3</x:v></x:c><x:c r="E4" s="5"><x:v>0.5</x:v></x:c><x:c r="F4" s="0"><x:v>45107</x:v></x:c></x:row>
<x:row r="5"><x:c r="A5"><x:f>1+1</x:f><x:v>2</x:v></x:c><x:c r="B5" t="str"><x:f>"a"&amp;"b"</x:f><x:v>ab</x:v></x:c><x:c r="C5"><x:f t="shared" ref="C5:C6" si="0">A5*2</x:f><x:v>4</x:v></x:c><x:c r="D5"><x:f>NOW()</x:f></x:c><x:c r="E5" t="e"><x:f>1/0</x:f><x:v>#DIV/0!</x:v></x:c><x:c r="F5" t="b"><x:f>TRUE()</x:f><x:v>1</x:v></x:c></x:row>
<x:row r="6"><x:c r="A6" s="1"/><x:c r="B6" t="s"><x:v>99</x:v></x:c><x:c r="C6"><x:f t="shared" si="0"/><x:v>6</x:v></x:c><x:c r="D6" s="6"><x:v>45107</x:v></x:c><x:c r="E6" t="str"><x:v>第一行&#13;
第二行</x:v></x:c></x:row>
</x:sheetData>
<x:mergeCells count="1"><x:mergeCell ref="A1:B1"/></x:mergeCells>
</x:worksheet>`;

function pkg(over: Record<string, string> = {}, date1904 = false): Uint8Array {
  const files: Record<string, string> = {
    '[Content_Types].xml': `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0"?><workbook xmlns="${NS}" xmlns:r="${R}"><workbookPr${date1904 ? ' date1904="true"' : ''}/><sheets><sheet name="台账 &amp; 明细" sheetId="1" r:id="rId1"/><sheet name="隐藏" sheetId="2" state="hidden" r:id="rId2"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/data.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/other.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="strings/sst.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="../xl/styles.xml"/></Relationships>`,
    'xl/worksheets/data.xml': SHEET,
    'xl/worksheets/other.xml': `<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="B1" t="inlineStr"><is><t>隐藏表</t></is></c></row></sheetData></worksheet>`,
    'xl/strings/sst.xml': SST,
    'xl/styles.xml': STYLES,
    ...over,
  };
  return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));
}

const day = (y: number, m: number, d: number, h = 0): Date => new Date(Date.UTC(y, m - 1, d, h));

describe('direct reader on hand-written XML', () => {
  it.each([[false], [true]])('values, merges, states and warnings (date1904 %s)', async (d1904) => {
    const r = await readWorkbook(pkg({}, d1904), '手写.xlsx');
    if (!r.ok) throw new Error(r.problem.message);
    const [s, hidden] = r.sheets;
    expect(s.name).toBe('台账 & 明细');
    expect(hidden).toMatchObject({ name: '隐藏', state: 'hidden', rows: [[null, '隐藏表']] });
    expect(s.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 1 }]);
    const shift = d1904 ? 1462 : 0;
    expect(s.rows).toEqual([
      // B1 is covered by the A1:B1 merge; its value is dropped as Excel hides it.
      ['区教育局 & 区科协 <牵头> 中文 "引号" \'单\'', null, '  前后空格  ', '第一行\r\n第二行', '<不是标签> & 原样', null],
      ['内联 & 文本', '富文本', day(2023, 6, 30), true, false, '#N/A'],
      [null, null, null, null, null, null],
      [day(2023, 6, 30 + shift), day(2023, 6, 30 + shift, 12), 7, -0.0015, day(1899, 12, 30 + shift, 12), 45107],
      [2, 'ab', 4, null, '#DIV/0!', true],
      // D6: built-in format 31 (yyyy"年"m"月"d"日" in Chinese Excel), written without a definition.
      [null, null, 6, day(2023, 6, 30 + shift), '第一行\r\n第二行', null],
    ]);
    expect(r.warnings.map((w) => [w.code, w.sheet, w.row, w.column])).toEqual([
      ['formula-error', '台账 & 明细', 2, 'F'],
      ['formula-no-result', '台账 & 明细', 5, 'D'],
      ['formula-error', '台账 & 明细', 5, 'E'],
    ]);
  });

  it('shared strings: runs joined, phonetic runs left out, _xHHHH_ and entities decoded', () => {
    expect(parseSharedStrings(SST)).toEqual(['区教育局 & 区科协 <牵头> 中文 "引号" \'单\'', '开展 青少年 ', '  前后空格  ', '第一行\r\n第二行', '<不是标签> & 原样', '']);
  });

  it.each([
    ['yyyy"年"m"月"d"日"', true],
    ['[$-F800]dddd, mmmm dd, yyyy', true],
    ['h:mm:ss', true],
    ['"第"0"项"', false],
    ['[Red]0.00', false],
    ['#,##0.00_ ', false],
    ['0.00%', false],
    ['@', false],
    ['General', false],
  ])('isDateFormat(%s) = %s', (code, want) => {
    expect(isDateFormat(code)).toBe(want);
  });

  it('date styles: built-in ids (East Asian ones too), custom codes, dxf formats ignored, style 0 never a date', () => {
    expect([...dateStyles(STYLES)]).toEqual([0, 1, 1, 0, 0, 1, 1]);
  });

  it('a chart sheet is left out; the worksheets around it are read', async () => {
    const wb = `<workbook xmlns="${NS}" xmlns:r="${R}"><sheets><sheet name="台账" sheetId="1" r:id="rId1"/><sheet name="图表" sheetId="3" r:id="rId5"/><sheet name="隐藏" sheetId="2" r:id="rId2"/></sheets></workbook>`;
    const rels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/data.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/other.xml"/><Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="strings/sst.xml"/></Relationships>`;
    const chart = `<chartsheet xmlns="${NS}" xmlns:r="${R}"><sheetViews><sheetView workbookViewId="0"/></sheetViews><drawing r:id="rId1"/></chartsheet>`;
    const r = await readWorkbook(pkg({ 'xl/workbook.xml': wb, 'xl/_rels/workbook.xml.rels': rels, 'xl/chartsheets/sheet1.xml': chart }), '图表.xlsx');
    if (!r.ok) throw new Error(r.problem.message);
    expect(r.sheets.map((x) => x.name)).toEqual(['台账', '隐藏']);
    expect(r.sheets[0].rows[0][0]).toBe('区教育局 & 区科协 <牵头> 中文 "引号" \'单\'');
  });

  it.each([
    ['&amp;lt;', '&lt;'],
    ['&#x1F600;', '😀'],
    ['&#99999999999;', '&#99999999999;'],
    ['&nbsp; &bogus', '&nbsp; &bogus'],
    ['a\r\nb\rc', 'a\nb\nc'],
  ])('decodeXml(%j)', (raw, want) => {
    expect(decodeXml(raw)).toBe(want);
  });

  it.each([
    ['A1', 1],
    ['$AB$12', 28],
    ['XFD1048576', 16384],
    ['1A', 0],
    ['', 0],
  ])('columnOf(%s) = %i', (ref, col) => {
    expect(columnOf(ref)).toBe(col);
  });

  it('a huge cell full of ampersands and angle brackets reads whole', async () => {
    const text = '&amp;&'.repeat(50_000) + '区科协';
    const sheet = `<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${text}</t></is></c></row></sheetData></worksheet>`;
    const r = await readWorkbook(pkg({ 'xl/worksheets/data.xml': sheet }), '大单元格.xlsx');
    if (!r.ok) throw new Error(r.problem.message);
    const v = r.sheets[0].rows[0][0] as string;
    expect(v.length).toBe(100_000 + 3);
    expect(v.endsWith('&&区科协')).toBe(true);
    expect(r.warnings.map((w) => w.code)).toEqual(['cell-over-limit']);
  });

  it('columns past the cap are left out, with one warning per sheet; a sheet with data only past the cap is read from there', async () => {
    const rows = Array.from({ length: 8 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c><c r="B${i + 1}" t="inlineStr"><is><t>第${i + 1}行</t></is></c></row>`).join('');
    const sheet = `<worksheet xmlns="${NS}"><sheetData>${rows}</sheetData></worksheet>`;
    const r = await readWorkbook(pkg({ 'xl/worksheets/data.xml': sheet }), '封顶.xlsx', { limits: { maxRows: 100, maxCols: 1 } });
    if (!r.ok) throw new Error(r.problem.message);
    expect(r.sheets[0].rows).toHaveLength(8);
    expect(r.sheets[0].rows[7]).toEqual([7]);
    expect(r.warnings.map((w) => [w.code, w.sheet, w.column])).toEqual([['columns-beyond-cap', '台账 & 明细', 'B']]);
    // 隐藏 holds only B1: read as a one-cell grid whose origin says where it sits.
    expect(r.sheets[1]).toMatchObject({ name: '隐藏', rows: [['隐藏表']], origin: { row: 0, col: 1 } });
    expect(r.sheets[0].origin).toBeUndefined();
  });

  it('rows past the cap are not kept; the first one is named', async () => {
    const rows = [1, 2, 3, 9, 12].map((n) => `<row r="${n}"><c r="A${n}"><v>${n}</v></c><c r="B${n}"><v>${n}</v></c></row>`).join('');
    const sheet = `<worksheet xmlns="${NS}"><sheetData>${rows}</sheetData></worksheet>`;
    const r = await readWorkbook(pkg({ 'xl/worksheets/data.xml': sheet }), '封顶.xlsx', { limits: { maxRows: 5 } });
    if (!r.ok) throw new Error(r.problem.message);
    expect(r.sheets[0].rows).toEqual([[1, 1], [2, 2], [3, 3]]);
    expect(r.warnings.map((w) => [w.code, w.row, w.message.includes('4')])).toEqual([['rows-beyond-cap', 9, true]]);
  });

  // Sheet names come from the guard's attribute reader: references it cannot
  // turn into a character (past U+10FFFF) stay as written instead of throwing.
  it.each([
    ['&#x110000;', '&#x110000;'],
    ['&#99999999;', '&#99999999;'],
    ['第&#x31;表 &amp; &#25968;', '第1表 & 数'],
  ])('sheet name %s reads as %s', async (raw, name) => {
    const wb = `<?xml version="1.0"?><workbook xmlns="${NS}" xmlns:r="${R}"><sheets><sheet name="${raw}" sheetId="1" r:id="rId1"/></sheets></workbook>`;
    const r = await readWorkbook(pkg({ 'xl/workbook.xml': wb }), '表名.xlsx');
    if (!r.ok) throw new Error(r.problem.message);
    expect(r.sheets.map((s) => s.name)).toEqual([name]);
  });

  // Damaged XML inside a sound zip (the guard's checksums cannot catch it):
  // bytes of the sheet, shared strings or styles overwritten or cut short.
  const parts = ['xl/worksheets/data.xml', 'xl/strings/sst.xml', 'xl/styles.xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels'];
  const sources: Record<string, string> = { 'xl/worksheets/data.xml': SHEET, 'xl/strings/sst.xml': SST, 'xl/styles.xml': STYLES };
  it.each(Array.from({ length: 80 }, (_, i) => [i + 1]))('damaged XML %i: a result, never an exception', async (seed) => {
    let s = seed * 2654435761;
    const rnd = (): number => ((s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const part = parts[seed % parts.length];
    const base = sources[part] ?? (await partOf(part));
    const chars = [...base];
    if (seed % 3 === 0) chars.length = Math.floor(rnd() * chars.length);
    const n = 1 + Math.floor(rnd() * 12);
    const junk = ['<', '>', '&', '"', '/', '<c>', '</row>', '<v>', '&#xFFFFFFF;', 'r="', '\u0000', '中'];
    for (let k = 0; k < n && chars.length; k++) chars[Math.floor(rnd() * chars.length)] = junk[Math.floor(rnd() * junk.length)];
    const r = await readWorkbook(pkg({ [part]: chars.join('') }), '损坏的XML.xlsx');
    if (r.ok) for (const w of r.warnings) expect(w.message).toContain('「损坏的XML.xlsx」');
    else expect(r.problem.message).toMatch(/^文件「损坏的XML\.xlsx」/);
  });
});

async function partOf(name: string): Promise<string> {
  const { unzipSync, strFromU8 } = await import('fflate');
  return strFromU8(unzipSync(pkg())[name]);
}

describe('merge cells under a namespace prefix', () => {
  const xml = `<x:worksheet><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData><x:mergeCells count="2"><x:mergeCell ref="A1:B1"/><x:mergeCell ref="C2:C5"/></x:mergeCells><x:pageMargins/></x:worksheet>`;
  it.each(Array.from({ length: xml.length - 1 }, (_, i) => [i + 1]))('found whole when the chunks split at %i', async (at) => {
    const { MergeCollector } = await import('../../shared/io/part-scan');
    const { parseMergeCells } = await import('../../shared/io/merges');
    const bytes = strToU8(xml);
    const mc = new MergeCollector();
    mc.feed(bytes.subarray(0, at));
    mc.feed(bytes.subarray(at));
    expect(mc.text).toBe('<x:mergeCells count="2"><x:mergeCell ref="A1:B1"/><x:mergeCell ref="C2:C5"/></x:mergeCells>');
    expect(parseMergeCells(mc.text)).toEqual([
      { top: 0, left: 0, bottom: 0, right: 1 },
      { top: 1, left: 2, bottom: 4, right: 2 },
    ]);
  });
});

describe('thinning a sheet stays linear on malformed rows', () => {
  it('200,000 unterminated <row> tags are counted and thinned in one pass', async () => {
    const { thinSheetXml } = await import('../../shared/io/thin');
    const body = '<row r="1"><c r="A1"><v>1</v></c>'.repeat(200_000);
    const xml = `<worksheet><sheetData>${body}<row r="2"/></sheetData></worksheet>`;
    // No <row> is terminated: the lazy regex this replaced retried to the end of the text from every one.
    const t = thinSheetXml(xml, 10);
    expect(t).toMatchObject({ valueRows: 0, emptyRows: 1, strayRows: 0 });
    expect(t.xml).toBe(`<worksheet><sheetData>${body}</sheetData></worksheet>`);
  });

  it.each([
    ['<rowBreaks count="1"/><row r="1"><c><v>1</v></c></row>', 1],
    ['<row r="1"/><row r="2"></row><row r="3"><c s="1"/></row>', 0],
    ['<row r="1"><c><f>A1</f></c></row><row r="2"><c t="inlineStr"><is><t>x</t></is></c></row>', 2],
  ])('value rows of %s: %i', async (rows, n) => {
    const { thinSheetXml } = await import('../../shared/io/thin');
    expect(thinSheetXml(`<sheetData>${rows}</sheetData>`, 200_000).valueRows).toBe(n);
  });
});
