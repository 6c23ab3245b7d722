// The example ledger: seed 000's 29 tasks (锦江区) laid out the way a district
// office lays out its 任务台账, with made-up progress for 2023年上半年.
// `npx tsx scripts/make-example-ledger.ts [out.xlsx]` writes it (by default to
// test/fixtures/example/jinjiang-2023H1.xlsx, committed); the tests read that
// file, and test/scripts/example-ledger.test.ts checks it is what this script makes.
//
// What makes it an officials' ledger, and what the readers must cope with:
//  - two title rows merged across the table (the ledger's name with its
//    period in （）, then 填报单位 and 截至日期), the header on row 3;
//  - 类别 merged down over each section's tasks (only the first cell holds it);
//  - the reporting period written into the progress header
//    (「2023年上半年工作进展」);
//  - 完成值 as numbers where a figure was reported, empty elsewhere;
//  - owners exactly as the plan writes them (区新经济与科技局 beside
//    区新经济和科技局, a 、 or a , between names, group words such as 各街道);
//  - empty-string cells where a clerk cleared a cell (备注, an empty 责任单位);
//  - a 单位名录 sheet naming three units in full with their short forms.
// The task text comes from the published plan (shared/sample/seeds/000-jinjiang.txt),
// read here by a small parser of its own so the fixture does not depend on the
// importer it helps to test. Deadlines follow what each task says (到2025年 →
// 2025年底, 每年 → 每年, otherwise 2025年). Progress and 完成值 are invented.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';

const here = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(here, '..');
export const EXAMPLE_NAME = 'jinjiang-2023H1.xlsx';
export const EXAMPLE_PATH = path.join(REPO, 'test', 'fixtures', 'example', EXAMPLE_NAME);
const SEED_000 = path.join(REPO, 'shared', 'sample', 'seeds', '000-jinjiang.txt');

export const TITLE = '锦江区全民科学素质行动规划纲要实施方案重点任务台账（2023年上半年）';
export const SUBTITLE = '填报单位：区科协　　截至日期：2023年6月30日　　（进展与完成值为虚构的示例数据）';
export const HEADER = ['序号', '类别', '重点任务', '任务内容', '牵头单位', '责任单位', '完成时限', '2023年上半年工作进展', '完成值', '备注'];
const WIDTHS = [6, 14, 22, 60, 24, 40, 10, 30, 10, 8];

/** Made-up progress by task number: the words a unit reports and, where it gave one, the figure. */
const PROGRESS: Record<number, [string, number?]> = {
  1: ['已启动现代课程教学示范校遴选'],
  2: ['开展科技月、院士专家进校园等活动20场', 20],
  3: ['重点培育拔尖创新人才早期培养基地学校2所', 2],
  4: ['组织科技教师培训2场,培训52人次', 52],
  7: ['开展“最美科技工作者”宣传'],
  8: ['开展免费技能培训9场,培训380人次', 380],
  9: ['举办职工技能大赛,涉及3个工种', 3],
  10: ['举办企业家科学素质讲座1场', 1],
  12: ['开展老年健康宣传周进社区活动'],
  13: ['按计划推进'],
  15: ['举办干部读书班2期,培训干部310人次', 310],
  16: ['新认定区级科普基地2个', 2],
  19: ['已将科普工作纳入基地考核'],
  22: ['组织防灾减灾应急演练'],
  23: ['居民健康素养水平监测为28.3%', 28.3],
  25: ['按计划推进'],
  28: ['按计划推进'],
  29: ['注册科技志愿者4730人', 4730],
};

/** Units of the 单位名录 sheet: full name, short form, 类别 (contacts left for the office to fill). */
const UNITS: [string, string, string][] = [
  ['成都市锦江区科学技术协会', '区科协', '群团'],
  ['成都市锦江区教育局', '区教育局', '政府部门'],
  ['成都市锦江区新经济和科技局', '区新经济和科技局', '政府部门'],
];

export interface PlanTask {
  id: number;
  category: string;
  title: string;
  content: string;
  leads: string;
  partners: string;
}

/**
 * The numbered tasks of seed 000's 提升行动 and 重点工程 sections. A section
 * heading is 「(一)实施…」; a task is 「N.title。content〔牵头单位:…,责任单位:…〕」,
 * where the bracket may close with ）/) and 、 may stand before 责任单位.
 */
export function seed000Tasks(text = readFileSync(SEED_000, 'utf8')): PlanTask[] {
  const tasks: PlanTask[] = [];
  let category = '';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (/^四、/.test(line)) break; // 保障措施: not tasks of a section
    const heading = /^\([一二三四五六七八九十]+\)(实施.+)$/.exec(line);
    if (heading) {
      category = heading[1]!;
      continue;
    }
    const m = /^(\d+)\.([^。]*)。(.*)〔([^〔〕]*)[〕)）]\s*$/.exec(line);
    if (!m || !category) continue;
    const [lead, partners = ''] = m[4]!.split(/[,，、]?责任单位[:：]/);
    tasks.push({
      id: Number(m[1]),
      category,
      title: m[2]!.trim(),
      content: m[3]!.trim(),
      leads: lead!.replace(/^牵头单位[:：]/, '').trim(),
      partners: partners.trim(),
    });
  }
  return tasks;
}

/** What the task itself says about its time frame. */
export function deadlineOf(content: string): string {
  if (/到2025年/.test(content)) return '2025年底';
  if (/每年/.test(content)) return '每年';
  return '2025年';
}

const DATA_FONT: Partial<ExcelJS.Font> = { size: 11 };
const DATA_ALIGN: Partial<ExcelJS.Alignment> = { vertical: 'top', wrapText: true };

/** The example workbook's bytes. */
export async function exampleLedger(tasks: PlanTask[] = seed000Tasks()): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  // Fixed dates: the same script makes the same file.
  wb.created = wb.modified = new Date(Date.UTC(2023, 6, 3, 9, 0, 0));
  wb.creator = wb.lastModifiedBy = '区科协';
  const ws = wb.addWorksheet('任务台账');
  ws.columns = WIDTHS.map((width) => ({ width }));
  const last = HEADER.length;

  ws.getCell(1, 1).value = TITLE;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, last);
  ws.getCell(2, 1).value = SUBTITLE;
  ws.mergeCells(2, 1, 2, last);
  ws.getRow(3).values = HEADER;
  ws.getRow(3).eachCell((c) => (c.font = { bold: true }));

  let groupStart = 4;
  tasks.forEach((t, i) => {
    const r = 4 + i;
    const [progress, actual] = PROGRESS[t.id] ?? [''];
    const first = i === 0 || tasks[i - 1]!.category !== t.category;
    const values: (string | number | null)[] = [t.id, first ? t.category : null, t.title, t.content, t.leads, t.partners, deadlineOf(t.content), progress, actual ?? null, ''];
    values.forEach((v, c) => {
      const cell = ws.getCell(r, c + 1);
      if (v !== null) cell.value = v;
      cell.font = DATA_FONT;
      cell.alignment = DATA_ALIGN;
    });
    const lastOfGroup = i === tasks.length - 1 || tasks[i + 1]!.category !== t.category;
    if (first) groupStart = r;
    if (lastOfGroup && r > groupStart) ws.mergeCells(groupStart, 2, r, 2);
  });

  const dir = wb.addWorksheet('单位名录');
  dir.addRow(['单位名称', '简称/别名', '类别', '联系人', '联系电话']).eachCell((c) => (c.font = { bold: true }));
  for (const [name, alias, kind] of UNITS) dir.addRow([name, alias, kind, '', '']);

  return new Uint8Array(await wb.xlsx.writeBuffer());
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = path.resolve(process.argv[2] ?? EXAMPLE_PATH);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, await exampleLedger());
  console.log(`已写入示例台账 → ${path.relative(process.cwd(), out) || out}`);
}
