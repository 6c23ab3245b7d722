// A large ledger workbook written the way Excel writes one (shared strings,
// a styles part, a merged title, column widths), generated here rather than
// committed: the enrich memory bench (enrich.peak_mb_100k) and the kill test
// of the atomic write use it. Hand-assembled XML, so making a 100,000-row
// file costs a second and little memory, whatever the writer under test does.
//
// `npx tsx scripts/big-ledger.ts <rows> <out.xlsx>` writes one.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

const HEADER = ['序号', '类别', '重点任务', '任务内容', '牵头单位', '责任单位', '完成时限', '工作进展', '完成值', '备注'];
const CATEGORIES = ['实施青少年科学素质提升行动', '实施农民科学素质提升行动', '实施产业工人科学素质提升行动', '实施老年人科学素质提升行动', '实施领导干部和公务员科学素质提升行动'];
const TASKS = ['开展青少年科技活动', '培育科技创新后备人才', '开展科普讲座', '建设科普阵地', '培训农村实用人才', '开展职业技能培训', '开展老年人智能技术培训', '组织领导干部科学素质培训'];
const LEADS = ['区教育局', '区科协', '区教育局、区科协', '区农业农村局', '区人社局', '区卫健局', '区委组织部', '区新经济和科技局'];
const OWNERS = ['团区委、区妇联', '各街道', '区文体旅局、区卫健局、区应急局', '区总工会', '区民政局、各街道', ''];
const DEADLINES = ['每年', '2025年', '2025年底', '2024年6月', '持续推进'];
const UNITS = ['场', '人次', '所', '个', '次'];

/** Deterministic pseudo-random numbers (mulberry32): the same seed gives the same file, or the same mutants. */
export function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function columnLetter(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The .xlsx bytes of a 任务台账 with `rows` task rows (plus two title rows and the header) and a 单位名录. */
export function bigLedgerXlsx(rows: number, seed = 42): Uint8Array {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const strings: string[] = [];
  const index = new Map<string, number>();
  const sst = (s: string): number => {
    let i = index.get(s);
    if (i === undefined) index.set(s, (i = strings.push(s) - 1));
    return i;
  };
  const sheet: string[] = [];
  const text = (ref: string, s: string, style: number): string => `<c r="${ref}" s="${style}" t="s"><v>${sst(s)}</v></c>`;
  sheet.push(`<row r="1" spans="1:10" ht="30" customHeight="1">${text('A1', '某区全民科学素质行动重点任务台账（2024年上半年）', 1)}</row>`);
  sheet.push(`<row r="2" spans="1:10">${text('A2', '填报单位：区科协　　截至日期：2024年6月30日', 2)}</row>`);
  sheet.push(`<row r="3" spans="1:10">${HEADER.map((h, c) => text(`${columnLetter(c)}3`, h, 3)).join('')}</row>`);
  for (let i = 0; i < rows; i++) {
    const r = i + 4;
    const target = 1 + Math.floor(rand() * 400);
    const unit = pick(UNITS);
    const done = rand() < 0.2 ? null : Math.floor(rand() * target * 1.2);
    const cells = [
      `<c r="A${r}" s="4"><v>${i + 1}</v></c>`,
      text(`B${r}`, pick(CATEGORIES), 4),
      text(`C${r}`, pick(TASKS), 4),
      text(`D${r}`, `推动全区开展“科技月”等科普活动，每年不少于${target}${unit}，第${i + 1}项任务的具体内容与要求。`, 5),
      text(`E${r}`, pick(LEADS), 4),
      ...(rand() < 0.8 ? [text(`F${r}`, pick(OWNERS) || '各街道', 4)] : []),
      text(`G${r}`, pick(DEADLINES), 4),
      ...(done === null ? [] : [text(`H${r}`, `已开展${done}${unit}`, 5), `<c r="I${r}" s="4"><v>${done}</v></c>`]),
    ];
    sheet.push(`<row r="${r}" spans="1:10">${cells.join('')}</row>`);
  }
  const widths = [6, 18, 16, 50, 16, 24, 10, 30, 8, 10];
  const sheetXml =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}" xmlns:r="${REL}"><dimension ref="A1:J${rows + 3}"/>` +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="14.25"/>` +
    `<cols>${widths.map((w, c) => `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>` +
    `<sheetData>${sheet.join('')}</sheetData><mergeCells count="2"><mergeCell ref="A1:J1"/><mergeCell ref="A2:J2"/></mergeCells>` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
  const dirRows = [['单位名称', '简称/别名', '类别', '联系人', '联系电话'], ['某区科学技术协会', '区科协', '群团', '王五', '028-12345678'], ['某区教育局', '区教育局', '政府部门', '', '']];
  const dirXml =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}" xmlns:r="${REL}"><sheetData>` +
    dirRows.map((row, r) => `<row r="${r + 1}">${row.map((v, c) => (v ? text(`${columnLetter(c)}${r + 1}`, v, 0) : '')).join('')}</row>`).join('') +
    `</sheetData></worksheet>`;
  const sstXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${NS}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t>${esc(s)}</t></si>`).join('')}</sst>`;
  const stylesXml =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS}">` +
    `<fonts count="3"><font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/><scheme val="minor"/></font><font><b/><sz val="16"/><name val="宋体"/><charset val="134"/></font><font><b/><sz val="11"/><name val="宋体"/><charset val="134"/></font></fonts>` +
    `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
    `<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
    `<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>` +
    `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
    `<xf numFmtId="0" fontId="2" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>` +
    `<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>` +
    `<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment horizontal="left" vertical="center" wrapText="1"/></xf></cellXfs>` +
    `<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
  const files: Record<string, string> = {
    '[Content_Types].xml':
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS}" xmlns:r="${REL}"><bookViews><workbookView/></bookViews><sheets><sheet name="任务台账" sheetId="1" r:id="rId1"/><sheet name="单位名录" sheetId="2" r:id="rId2"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels':
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/worksheet" Target="worksheets/sheet2.xml"/>` +
      `<Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId4" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': sheetXml,
    'xl/worksheets/sheet2.xml': dirXml,
    'xl/sharedStrings.xml': sstXml,
    'xl/styles.xml': stylesXml,
  };
  return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])), { level: 6 });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [rows, out] = process.argv.slice(2);
  if (!rows || !out) {
    console.error('用法: npx tsx scripts/big-ledger.ts <行数> <输出.xlsx>');
    process.exit(2);
  }
  writeFileSync(out, bigLedgerXlsx(Number(rows)));
}
