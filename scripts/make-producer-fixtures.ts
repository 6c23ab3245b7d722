// Small ledgers in the shapes other producers write .xlsx files, assembled
// by hand from their XML so that the enrich copy's fidelity test sees what
// Excel, WPS, LibreOffice and openpyxl (absolute relationship targets) put in
// a file: formulas, formats, merged cells, data validations, notes with
// their VML, pictures, WPS cell images, prefixed namespaces, cells without
// an r. `npx tsx scripts/make-producer-fixtures.ts` writes them into
// test/fixtures/producers/ (committed, a few KB each).
//
// Every fixture holds the same ledger: a title row, a 填报 row, the header
// on row 3 and 17 tasks on rows 4–20; column I (完成值) has a validation
// rule on exactly I4:I20 and B4 a note.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = 'http://schemas.openxmlformats.org/package/2006/content-types';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const T = {
  officeDocument: `${R}/officeDocument`,
  worksheet: `${R}/worksheet`,
  styles: `${R}/styles`,
  sharedStrings: `${R}/sharedStrings`,
  comments: `${R}/comments`,
  vmlDrawing: `${R}/vmlDrawing`,
  drawing: `${R}/drawing`,
  image: `${R}/image`,
  theme: `${R}/theme`,
  hyperlink: `${R}/hyperlink`,
};
const CTYPE = {
  workbook: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  sst: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
  rels: 'application/vnd.openxmlformats-package.relationships+xml',
};

// A 1×1 PNG: the picture every fixture carries.
const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));

const HEADER = ['序号', '类别', '重点任务', '任务内容', '牵头单位', '责任单位', '完成时限', '工作进展', '完成值', '备注'];
const TASKS: [string, string, string, string, string, string, string, number | null][] = [
  ['实施青少年科学素质提升行动', '开展青少年科技活动', '每年开展科普活动不少于50场', '区教育局、区科协', '团区委', '每年', '开展23场', 23],
  ['', '培育科技创新后备人才', '到2025年建设科技教育特色学校5所', '区教育局', '区科协', '2025年', '新认定1所', 1],
  ['', '建设少年科学院', '重点建设少年科学院3所', '区教育局', '', '2025年底', '', null],
  ['实施农民科学素质提升行动', '培训高素质农民', '每年培训高素质农民不少于200人次', '区农业农村局', '各街道', '每年', '培训80人次', 80],
  ['', '开展科普下乡', '每年开展科普下乡活动不少于10次', '区科协', '区农业农村局、各街道', '每年', '开展4次', 4],
  ['实施产业工人科学素质提升行动', '开展职业技能培训', '每年开展职业技能培训不少于1000人次', '区人社局', '区总工会', '每年', '培训620人次', 620],
  ['', '开展技能竞赛', '每年举办技能竞赛不少于2场', '区总工会', '区人社局', '每年', '', null],
  ['实施老年人科学素质提升行动', '开展智能技术培训', '每年开展老年人智能技术培训不少于30场', '区民政局', '各街道', '每年', '开展12场', 12],
  ['', '建设老年大学', '到2025年建成老年大学分校3所', '区委老干部局', '', '2025年', '建成1所', 1],
  ['实施领导干部和公务员科学素质提升行动', '开展科学素质培训', '每年组织领导干部科学素质培训不少于2期', '区委组织部', '区委党校', '每年', '举办1期', 1],
  ['', '开展科普讲座', '每年举办科普讲座不少于4场', '区科协', '区委宣传部', '每年', '举办2场', 2],
  ['科技资源科普化工程', '建设科普基地', '到2025年新建科普教育基地5个', '区科协', '区新经济和科技局', '2025年', '新建2个', 2],
  ['', '开放科研设施', '每年开放科研设施不少于3家', '区新经济和科技局', '', '每年', '', null],
  ['科普信息化提升工程', '建设科普平台', '建设区级科普信息平台1个', '区科协', '区融媒体中心', '2024年', '平台已上线', 1],
  ['', '开展网络科普', '每年发布科普作品不少于100件', '区融媒体中心', '区科协', '每年', '发布46件', 46],
  ['科普基础设施工程', '建设科技馆', '到2025年建成区科技馆1座', '区科协', '区住建局', '2025年', '主体施工', null],
  ['基层科普能力提升工程', '建设科普站', '到2025年每个街道建成科普站', '各街道', '区科协', '2025年', '建成6个', 6],
];

function col(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The ledger's cells: [row (1-based), col (0-based), value, style index, formula?]. */
type Cell = { row: number; col: number; value: string | number | null; style: number; formula?: string };
function ledgerCells(): Cell[] {
  const cells: Cell[] = [];
  cells.push({ row: 1, col: 0, value: '某区全民科学素质行动重点任务台账（2024年上半年）', style: 1 });
  cells.push({ row: 2, col: 0, value: '填报单位：区科协　　截至日期：2024年6月30日', style: 2 });
  HEADER.forEach((h, c) => cells.push({ row: 3, col: c, value: h, style: 3 }));
  TASKS.forEach((t, i) => {
    const row = i + 4;
    cells.push({ row, col: 0, value: i + 1, style: 4 });
    t.slice(0, 7).forEach((v, k) => v !== '' && cells.push({ row, col: k + 1, value: v as string, style: k === 2 ? 5 : 4 }));
    if (t[7] !== null) cells.push({ row, col: 8, value: t[7], style: 6 });
  });
  // A total under the table: a formula with its cached result.
  cells.push({ row: 21, col: 7, value: '合计', style: 3 });
  cells.push({ row: 21, col: 8, value: TASKS.reduce((n, t) => n + (t[7] ?? 0), 0), style: 6, formula: 'SUM(I4:I20)' });
  return cells;
}

/** Shared strings in first-seen order, and each cell's index. */
function sharedStrings(cells: Cell[]): { list: string[]; index: Map<string, number> } {
  const list: string[] = [];
  const index = new Map<string, number>();
  for (const c of cells) if (typeof c.value === 'string' && !index.has(c.value)) index.set(c.value, list.push(c.value) - 1);
  return { list, index };
}

interface Shape {
  /** Element prefix for the main namespace ('' or 'x:'). */
  p: string;
  rowAttrs: (row: number) => string;
  /** Whether a cell carries its r (some writers leave it out in full rows). */
  cellRef: (row: number) => boolean;
  rootAttrs: string;
  formula: (f: string) => string;
  validation: string;
  extraSheetParts?: string;
}

function sheetXml(cells: Cell[], sst: Map<string, number>, s: Shape, tail: string): string {
  const { p } = s;
  const rows = new Map<number, Cell[]>();
  for (const c of cells) rows.set(c.row, [...(rows.get(c.row) ?? []), c]);
  const body = [...rows]
    .sort((a, b) => a[0] - b[0])
    .map(([r, cs]) => {
      const withRef = s.cellRef(r);
      const sorted = cs.sort((a, b) => a.col - b.col);
      // a row written without refs must have no gaps
      const full = withRef ? sorted : Array.from({ length: sorted[sorted.length - 1]!.col + 1 }, (_, k) => sorted.find((c) => c.col === k) ?? { row: r, col: k, value: null, style: 4 });
      const xml = full
        .map((c) => {
          const ref = withRef ? ` r="${col(c.col)}${c.row}"` : '';
          if (c.formula) return `<${p}c${ref} s="${c.style}">${s.formula(c.formula)}<${p}v>${c.value}</${p}v></${p}c>`;
          if (c.value === null) return `<${p}c${ref} s="${c.style}"/>`;
          if (typeof c.value === 'number') return `<${p}c${ref} s="${c.style}"><${p}v>${c.value}</${p}v></${p}c>`;
          return `<${p}c${ref} s="${c.style}" t="s"><${p}v>${sst.get(c.value)}</${p}v></${p}c>`;
        })
        .join('');
      return `<${p}row r="${r}"${s.rowAttrs(r)}>${xml}</${p}row>`;
    })
    .join('');
  return (
    `${XML}<${p}worksheet ${s.rootAttrs}>` +
    `<${p}dimension ref="A1:J21"/><${p}sheetViews><${p}sheetView workbookViewId="0"><${p}pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/></${p}sheetView></${p}sheetViews>` +
    `<${p}sheetFormatPr defaultRowHeight="14.25"/><${p}cols><${p}col min="1" max="1" width="6" customWidth="1"/><${p}col min="4" max="4" width="40" customWidth="1"/><${p}col min="10" max="10" width="12" style="4" customWidth="1"/></${p}cols>` +
    `<${p}sheetData>${body}</${p}sheetData>` +
    `<${p}mergeCells count="4"><${p}mergeCell ref="A1:J1"/><${p}mergeCell ref="A2:J2"/><${p}mergeCell ref="B4:B6"/><${p}mergeCell ref="B7:B8"/></${p}mergeCells>` +
    `<${p}conditionalFormatting sqref="I4:I20"><${p}cfRule type="cellIs" dxfId="0" priority="1" operator="lessThan"><${p}formula>10</${p}formula></${p}cfRule></${p}conditionalFormatting>` +
    s.validation +
    `<${p}pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    tail +
    `</${p}worksheet>`
  );
}

function stylesXml(p = ''): string {
  return (
    `${XML}<${p}styleSheet xmlns${p ? `:${p.slice(0, -1)}` : ''}="${NS}">` +
    `<${p}numFmts count="1"><${p}numFmt numFmtId="176" formatCode="0.0"/></${p}numFmts>` +
    `<${p}fonts count="3"><${p}font><${p}sz val="11"/><${p}name val="等线"/><${p}charset val="134"/></${p}font><${p}font><${p}b/><${p}sz val="16"/><${p}name val="宋体"/><${p}charset val="134"/></${p}font><${p}font><${p}sz val="11"/><${p}color rgb="FFC00000"/><${p}name val="宋体"/><${p}charset val="134"/></${p}font></${p}fonts>` +
    `<${p}fills count="3"><${p}fill><${p}patternFill patternType="none"/></${p}fill><${p}fill><${p}patternFill patternType="gray125"/></${p}fill><${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="FFDDEBF7"/></${p}patternFill></${p}fill></${p}fills>` +
    `<${p}borders count="2"><${p}border><${p}left/><${p}right/><${p}top/><${p}bottom/><${p}diagonal/></${p}border><${p}border><${p}left style="thin"/><${p}right style="thin"/><${p}top style="thin"/><${p}bottom style="thin"/><${p}diagonal/></${p}border></${p}borders>` +
    `<${p}cellStyleXfs count="1"><${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></${p}cellStyleXfs>` +
    `<${p}cellXfs count="7"><${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
    `<${p}xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><${p}alignment horizontal="center"/></${p}xf>` +
    `<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
    `<${p}xf numFmtId="0" fontId="0" fillId="2" borderId="1" xfId="0" applyFill="1" applyBorder="1" applyAlignment="1"><${p}alignment horizontal="center" vertical="center" wrapText="1"/></${p}xf>` +
    `<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><${p}alignment vertical="center" wrapText="1"/></${p}xf>` +
    `<${p}xf numFmtId="0" fontId="2" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1"><${p}alignment wrapText="1"/></${p}xf>` +
    `<${p}xf numFmtId="176" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/></${p}cellXfs>` +
    `<${p}cellStyles count="1"><${p}cellStyle name="常规" xfId="0" builtinId="0"/></${p}cellStyles>` +
    `<${p}dxfs count="1"><${p}dxf><${p}font><${p}color rgb="FF9C0006"/></${p}font></${p}dxf></${p}dxfs></${p}styleSheet>`
  );
}

function sstXml(list: string[], p = ''): string {
  return `${XML}<${p}sst xmlns${p ? `:${p.slice(0, -1)}` : ''}="${NS}" count="${list.length}" uniqueCount="${list.length}">${list.map((s) => `<${p}si><${p}t>${esc(s)}</${p}t></${p}si>`).join('')}</${p}sst>`;
}

function commentsXml(author: string, text: string): string {
  return (
    `${XML}<comments xmlns="${NS}"><authors><author>${esc(author)}</author></authors><commentList>` +
    `<comment ref="B4" authorId="0"><text><r><rPr><b/><sz val="9"/><rFont val="宋体"/><charset val="134"/></rPr><t>${esc(author)}:</t></r><r><rPr><sz val="9"/><rFont val="宋体"/><charset val="134"/></rPr><t xml:space="preserve">\n${esc(text)}</t></r></text></comment>` +
    `</commentList></comments>`
  );
}

function vmlXml(shapeId: number): string {
  return (
    `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">` +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>` +
    `<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>` +
    `<v:shape id="_x0000_s${shapeId}" type="#_x0000_t202" style="position:absolute;margin-left:100pt;margin-top:40pt;width:108pt;height:59.25pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    `<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>` +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>2, 15, 2, 10, 4, 15, 7, 4</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>3</x:Row><x:Column>1</x:Column></x:ClientData></v:shape></xml>`
  );
}

function drawingXml(embed: string): string {
  return (
    `${XML}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">` +
    `<xdr:oneCellAnchor><xdr:from><xdr:col>10</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>0</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="304800" cy="304800"/>` +
    `<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="2" name="图片 1"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr>` +
    `<xdr:blipFill><a:blip xmlns:r="${R}" r:embed="${embed}"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>` +
    `<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="304800" cy="304800"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:oneCellAnchor></xdr:wsDr>`
  );
}

const rels = (list: [string, string, string][]): string =>
  `${XML}<Relationships xmlns="${PKG}">${list.map(([id, type, target]) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`).join('')}</Relationships>`;

const types = (defaults: [string, string][], overrides: [string, string][]): string =>
  `${XML}<Types xmlns="${CT}">${defaults.map(([e, t]) => `<Default Extension="${e}" ContentType="${t}"/>`).join('')}${overrides.map(([p, t]) => `<Override PartName="${p}" ContentType="${t}"/>`).join('')}</Types>`;

const workbookXml = (extra = '', p = ''): string =>
  `${XML}<${p}workbook xmlns${p ? `:${p.slice(0, -1)}` : ''}="${NS}" xmlns:r="${R}"${extra}><${p}bookViews><${p}workbookView/></${p}bookViews><${p}sheets><${p}sheet name="任务台账" sheetId="1" r:id="rId1"/></${p}sheets>` +
  `<${p}definedNames><${p}definedName name="_xlnm.Print_Titles" localSheetId="0">任务台账!$3:$3</${p}definedName></${p}definedNames></${p}workbook>`;

const LIST_RULE = (p: string): string =>
  `<${p}dataValidations count="1"><${p}dataValidation type="decimal" operator="greaterThanOrEqual" allowBlank="1" showErrorMessage="1" errorTitle="完成值" error="请填写不小于 0 的数" sqref="I4:I20"><${p}formula1>0</${p}formula1></${p}dataValidation></${p}dataValidations>`;

type Files = Record<string, string | Uint8Array>;

/** Where a producer puts the parts of a ledger with a note and a picture, and how it names them. */
interface Layout {
  shape: Shape;
  /** The sheet's elements after its data that name its drawings. */
  tail: string;
  /** Targets written from the package root ("/xl/…", as openpyxl does) rather than relative. */
  absolute?: boolean;
  /** The note's parts and their relationship ids; none: a sheet without notes or pictures. */
  notes?: { comments: string; vml: string; vmlShapeId: number; author: string; ids: { comments: string; vml: string; drawing: string } };
  /** Relationships of the workbook beyond sheet, styles and strings, and parts that come with them. */
  extra?: { workbookRels?: [string, string, string][]; rootRels?: [string, string, string][]; sheetRels?: [string, string, string][]; overrides?: [string, string][]; files?: Files };
}

/** The ledger's package as a producer lays it out (see Layout). */
function ledgerFiles(l: Layout): Files {
  const cells = ledgerCells();
  const { list, index } = sharedStrings(cells);
  const p = l.shape.p;
  // relative targets as Excel writes them: from xl/ ("worksheets/…"), from xl/worksheets/ ("../…")
  const fromXl = (to: string): string => (l.absolute ? `/${to}` : to.replace(/^xl\//, ''));
  const fromSub = (to: string): string => (l.absolute ? `/${to}` : `../${to.replace(/^xl\//, '')}`);
  const n = l.notes;
  const files: Files = {
    '[Content_Types].xml': types(
      [['rels', CTYPE.rels], ['xml', 'application/xml'], ...(n ? ([['vml', CTYPE.vml], ['png', 'image/png']] as [string, string][]) : [])],
      [
        ['/xl/workbook.xml', CTYPE.workbook], ['/xl/worksheets/sheet1.xml', CTYPE.worksheet], ['/xl/styles.xml', CTYPE.styles], ['/xl/sharedStrings.xml', CTYPE.sst],
        ...(n ? ([[`/${n.comments}`, CTYPE.comments], ['/xl/drawings/drawing1.xml', CTYPE.drawing]] as [string, string][]) : []),
        ...(l.extra?.overrides ?? []),
      ],
    ),
    '_rels/.rels': rels([['rId1', T.officeDocument, 'xl/workbook.xml'], ...(l.extra?.rootRels ?? [])]),
    'xl/workbook.xml': workbookXml('', p),
    'xl/_rels/workbook.xml.rels': rels([
      ['rId1', T.worksheet, fromXl('xl/worksheets/sheet1.xml')], ['rId2', T.styles, fromXl('xl/styles.xml')], ['rId3', T.sharedStrings, fromXl('xl/sharedStrings.xml')],
      ...(l.extra?.workbookRels ?? []),
    ]),
    'xl/worksheets/sheet1.xml': sheetXml(cells, index, l.shape, l.tail),
    'xl/styles.xml': stylesXml(p),
    'xl/sharedStrings.xml': sstXml(list, p),
    ...(l.extra?.files ?? {}),
  };
  if (n) {
    files['xl/worksheets/_rels/sheet1.xml.rels'] = rels([
      [n.ids.vml, T.vmlDrawing, fromSub(n.vml)], [n.ids.drawing, T.drawing, fromSub('xl/drawings/drawing1.xml')], [n.ids.comments, T.comments, fromSub(n.comments)],
      ...(l.extra?.sheetRels ?? []),
    ]);
    files[n.comments] = commentsXml(n.author, '此类别下有三项任务');
    files[n.vml] = vmlXml(n.vmlShapeId);
    files['xl/drawings/drawing1.xml'] = drawingXml('rId1');
    files['xl/drawings/_rels/drawing1.xml.rels'] = rels([['rId1', T.image, fromSub('xl/media/image1.png')]]);
    files['xl/media/image1.png'] = PNG;
  }
  return files;
}

/** Excel 2016+: mc:Ignorable extensions, x14ac row attributes, relative targets. */
function excel(): Files {
  return ledgerFiles({
    shape: {
      p: '',
      rootAttrs: `xmlns="${NS}" xmlns:r="${R}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac xr" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xr:uid="{00000000-0001-0000-0000-000000000000}"`,
      rowAttrs: (r) => ` spans="1:10"${r === 1 ? ' ht="30" customHeight="1"' : ''} x14ac:dyDescent="0.2"`,
      cellRef: () => true,
      formula: (f) => `<f>${f}</f>`,
      validation: LIST_RULE(''),
    },
    tail: '<drawing r:id="rId2"/><legacyDrawing r:id="rId1"/>',
    notes: { comments: 'xl/comments1.xml', vml: 'xl/drawings/vmlDrawing1.vml', vmlShapeId: 1025, author: '张三', ids: { vml: 'rId1', drawing: 'rId2', comments: 'rId3' } },
  });
}

/** openpyxl: absolute targets ("/xl/…"), comments under xl/comments/, its own relationship ids ("anysvml"). */
function openpyxl(): Files {
  return ledgerFiles({
    shape: {
      p: '',
      rootAttrs: `xmlns="${NS}"`,
      rowAttrs: () => '',
      cellRef: () => true,
      formula: (f) => `<f>${f}</f>`,
      validation: `<dataValidations count="1"><dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="I4:I20"><formula1>"0,1,2,3,4,5"</formula1></dataValidation></dataValidations>`,
    },
    // openpyxl declares the relationships namespace on each element that uses it.
    tail: `<drawing xmlns:r="${R}" r:id="rId1"/><legacyDrawing xmlns:r="${R}" r:id="anysvml"/>`,
    absolute: true,
    notes: { comments: 'xl/comments/comment1.xml', vml: 'xl/drawings/commentsDrawing1.vml', vmlShapeId: 1025, author: 'openpyxl', ids: { comments: 'comments', vml: 'anysvml', drawing: 'rId1' } },
  });
}

/** LibreOffice Calc: every row attribute spelled out with true/false, aca="false" on formulas. */
function libreoffice(): Files {
  return ledgerFiles({
    shape: {
      p: '',
      rootAttrs: `xmlns="${NS}" xmlns:r="${R}" xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"`,
      rowAttrs: () => ' customFormat="false" ht="12.8" hidden="false" customHeight="false" outlineLevel="0" collapsed="false"',
      cellRef: () => true,
      formula: (f) => `<f aca="false">${f}</f>`,
      validation: LIST_RULE(''),
    },
    tail: '<drawing r:id="rId2"/><legacyDrawing r:id="rId3"/>',
    notes: { comments: 'xl/comments1.xml', vml: 'xl/drawings/vmlDrawing1.vml', vmlShapeId: 2049, author: 'LibreOffice', ids: { comments: 'rId1', drawing: 'rId2', vml: 'rId3' } },
  });
}

/** WPS 表格: a cell image (DISPIMG and xl/cellimages.xml), its custom properties, a hyperlink. */
function wps(): Files {
  const files = ledgerFiles({
    shape: {
      p: '',
      rootAttrs: `xmlns="${NS}" xmlns:r="${R}" xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData"`,
      rowAttrs: (r) => (r === 1 ? ' ht="30" customHeight="1"' : ''),
      cellRef: () => true,
      formula: (f) => `<f>${f}</f>`,
      validation: LIST_RULE('') + `<hyperlinks><hyperlink ref="D4" r:id="rId5" display="方案原文"/></hyperlinks>`,
    },
    tail: '<drawing r:id="rId2"/><legacyDrawing r:id="rId1"/>',
    notes: { comments: 'xl/comments1.xml', vml: 'xl/drawings/vmlDrawing1.vml', vmlShapeId: 1025, author: 'WPS用户', ids: { vml: 'rId1', drawing: 'rId2', comments: 'rId4' } },
    extra: {
      rootRels: [['rId2', 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties', 'docProps/custom.xml']],
      workbookRels: [['rId4', 'http://www.wps.cn/officeDocument/2020/cellImage', 'cellimages.xml']],
      sheetRels: [['rId5', T.hyperlink, 'http://www.gov.cn/']],
      overrides: [['/xl/cellimages.xml', 'application/vnd.wps-officedocument.cellimage+xml'], ['/docProps/custom.xml', 'application/vnd.openxmlformats-officedocument.custom-properties+xml']],
      files: {
        'docProps/custom.xml': `${XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="KSOProductBuildVer"><vt:lpwstr>2052-12.1.0.16120</vt:lpwstr></property></Properties>`,
        'xl/cellimages.xml':
          `${XML}<etc:cellImages xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:r="${R}" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData">` +
          `<etc:cellImage><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="2" name="ID_8F5B3C2A" descr="现场照片"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr><xdr:blipFill><a:blip r:embed="rId1"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="304800" cy="304800"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic></etc:cellImage></etc:cellImages>`,
        'xl/_rels/cellimages.xml.rels': rels([['rId1', T.image, 'media/image2.png']]),
        'xl/media/image2.png': PNG,
      },
    },
  });
  // the hyperlink's target is outside the package
  files['xl/worksheets/_rels/sheet1.xml.rels'] = (files['xl/worksheets/_rels/sheet1.xml.rels'] as string).replace('Target="http://www.gov.cn/"', 'Target="http://www.gov.cn/" TargetMode="External"');
  // WPS's in-cell picture: a formula naming the picture in xl/cellimages.xml.
  files['xl/worksheets/sheet1.xml'] = (files['xl/worksheets/sheet1.xml'] as string).replace(
    /(<row r="5"[^>]*>[\s\S]*?)(<\/row>)/,
    `$1<c r="J5" t="str"><f>_xlfn.DISPIMG("ID_8F5B3C2A",1)</f><v>=DISPIMG("ID_8F5B3C2A",1)</v></c>$2`,
  );
  return files;
}

/** Open XML SDK style: the main namespace on an "x:" prefix everywhere, data rows' cells without r, no notes or pictures. */
function prefixed(): Files {
  return ledgerFiles({
    shape: { p: 'x:', rootAttrs: `xmlns:x="${NS}"`, rowAttrs: () => '', cellRef: (r) => r < 4 || r > 20, formula: (f) => `<x:f>${f}</x:f>`, validation: LIST_RULE('x:') },
    tail: '',
  });
}

export const PRODUCERS: Record<string, { what: string; files: () => Files }> = {
  'excel.xlsx': { what: 'Excel 2016+：mc:Ignorable 扩展、行上的 x14ac 属性、相对路径', files: excel },
  'openpyxl.xlsx': { what: 'openpyxl：绝对路径目标（/xl/…）、批注在 xl/comments/、关系 Id「anysvml」', files: openpyxl },
  'libreoffice.xlsx': { what: 'LibreOffice Calc：行属性全部写出（true/false）、公式带 aca="false"', files: libreoffice },
  'wps.xlsx': { what: 'WPS 表格：单元格图片（DISPIMG 与 xl/cellimages.xml）、自定义属性、外部超链接', files: wps },
  'prefixed.xlsx': { what: 'Open XML SDK 风格：主命名空间用前缀 x:，数据行的单元格不写 r', files: prefixed },
};

export function producerFixture(name: string): Uint8Array {
  const files = PRODUCERS[name]!.files();
  // A fixed date: the committed files do not change when regenerated.
  const mtime = new Date('2024-07-01T00:00:00Z');
  return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, [typeof v === 'string' ? strToU8(v) : v, { mtime }]])), { level: 6 });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = process.argv[2] ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../test/fixtures/producers');
  mkdirSync(dir, { recursive: true });
  const lines = ['# 其他软件写出的台账（补全保真测试用）', '', '由 `npx tsx scripts/make-producer-fixtures.ts` 生成，请勿手改。每个文件是同一份台账：', '标题行、填报行、第 3 行表头、第 4–20 行 17 项任务；I4:I20 有数据验证，B4 有批注，另有图片。', '', '| 文件 | 形态 |', '|---|---|'];
  for (const [name, { what }] of Object.entries(PRODUCERS)) {
    writeFileSync(path.join(dir, name), producerFixture(name));
    lines.push(`| ${name} | ${what} |`);
  }
  writeFileSync(path.join(dir, 'README.md'), lines.join('\n') + '\n');
  console.log(`已写入 ${dir}`);
}
