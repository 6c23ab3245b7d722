// The plan zoo's Word documents (test/fixtures/plans/zoo/*.docx), written with
// the `docx` package the way Word writes them: real tables (w:tbl) whose merged
// cells are w:gridSpan (across) and w:vMerge restart/continue (down), and
// automatic list numbering (w:numPr) whose 一、 / （一） / 1. markers are not in
// the text. The plans are made up for the tests, in the styles of real ones.
// Run: npx tsx scripts/make-zoo-docx.ts (outputs are committed; rerun after
// editing a plan here and update its .json beside it).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';

const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../test/fixtures/plans/zoo');

type Cell = string | { text: string; rowSpan?: number; colSpan?: number };
type Block =
  | { p: string; center?: boolean; bold?: boolean }
  /** A paragraph numbered by Word (level 0 一、, 1 （一）, 2 1.): the marker is not in the text. */
  | { n: string; level: 0 | 1 | 2 }
  /** Rows of cells; a cell spanning rows is given once, in its first row (docx adds the vMerge continuations). */
  | { table: Cell[][] };

const para = (text: string, opts: { center?: boolean; bold?: boolean } = {}) =>
  new Paragraph({ alignment: opts.center ? AlignmentType.CENTER : undefined, children: [new TextRun({ text, bold: opts.bold })] });

function table(rows: Cell[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (cells, r) =>
        new TableRow({
          tableHeader: r === 0,
          children: cells.map((c) => {
            const spec = typeof c === 'string' ? { text: c } : c;
            return new TableCell({
              children: spec.text.split('\n').map((t) => para(t, { bold: r === 0 })),
              ...(spec.rowSpan ? { rowSpan: spec.rowSpan } : {}),
              ...(spec.colSpan ? { columnSpan: spec.colSpan } : {}),
            });
          }),
        }),
    ),
  });
}

async function write(file: string, title: string, blocks: Block[]): Promise<void> {
  const doc = new Document({
    creator: '科素台账 测试样本',
    title,
    numbering: {
      config: [
        {
          reference: 'plan',
          levels: [
            { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT },
            { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.LEFT },
            { level: 2, format: LevelFormat.DECIMAL, text: '%3.', alignment: AlignmentType.LEFT },
          ],
        },
      ],
    },
    sections: [
      {
        children: blocks.map((b) => {
          if ('table' in b) return table(b.table);
          if ('n' in b) return new Paragraph({ numbering: { reference: 'plan', level: b.level }, children: [new TextRun(b.n)] });
          return para(b.p, b);
        }),
      },
    ],
  });
  const bytes = await Packer.toBuffer(doc);
  writeFileSync(path.join(OUT, file), bytes);
  console.log(`${file}: ${bytes.length} 字节`);
}

// E — a city, 2021–2025. Measures numbered 1–10 through the whole body, no
// owners in the body; the annex 分工表 keys its rows by that number (序号), its
// 重点任务 cells shortened. Section rows span the table (gridSpan); one lead
// cell covers two rows (vMerge).
const E: Block[] = [
  { p: '襄阳市全民科学素质行动规划纲要实施方案（2021—2025年）', center: true, bold: true },
  { p: '为贯彻落实《全民科学素质行动规划纲要（2021—2035年）》和《湖北省全民科学素质行动规划纲要实施方案（2021—2025年）》，结合我市实际，制定本方案。' },
  { p: '一、总体目标' },
  { p: '到2025年，全市公民具备科学素质的比例超过13%，力争达到14%。' },
  { p: '二、五大提升行动' },
  { p: '（一）青少年科学素质提升行动' },
  { p: '1.开展科学家精神进校园活动。组织院士专家、科技工作者走进中小学，每年开展宣讲报告不少于40场。' },
  { p: '2.推进中小学科技教育特色学校建设。到2025年，创建市级科技教育特色学校50所。' },
  { p: '3.深化馆校合作。推动中小学利用科技馆、博物馆开展研学实践，实现全市中小学研学实践全覆盖。' },
  { p: '（二）农民科学素质提升行动' },
  { p: '4.实施高素质农民培育计划。围绕优质粮油、茶叶、食用菌等特色产业，每年培育高素质农民2000人。' },
  { p: '5.深入推行科技特派员制度。每年选派市级科技特派员100名以上，服务乡村产业振兴。' },
  { p: '（三）产业工人科学素质提升行动' },
  { p: '6.实施职业技能提升行动。面向汽车及零部件等重点产业开展技能培训，每年培训产业工人3万人次。' },
  { p: '7.开展“襄阳工匠”选树活动。每年评选“襄阳工匠”20名。' },
  { p: '三、五大重点工程' },
  { p: '（一）科普基础设施工程' },
  { p: '8.推进襄阳科技馆新馆建设。到2025年，建成开放襄阳科技馆新馆。' },
  { p: '9.加强科普教育基地建设。每年新认定市级科普教育基地15个。' },
  { p: '（二）科普信息化提升工程' },
  { p: '10.推动科普中国落地应用。到2025年，全市科普中国注册信息员达到3万名。' },
  { p: '四、保障措施' },
  { p: '（一）加强组织领导。各县（市、区）政府、开发区管委会要把科学素质建设纳入经济社会发展规划。' },
  { p: '（二）加强经费保障。市、县两级财政按规定安排科普经费。' },
  { p: '附件' },
  { p: '襄阳市全民科学素质行动规划纲要实施方案重点任务分工表', center: true },
  {
    table: [
      ['序号', '重点任务', '牵头单位', '配合单位', '完成时限'],
      [{ text: '一、五大提升行动', colSpan: 5 }],
      ['1', '科学家精神进校园', { text: '市教育局、市科协', rowSpan: 2 }, '市委宣传部、市科技局、团市委', '长期坚持'],
      ['2', '科技教育特色学校建设', '市财政局、市科技局', '2025年'],
      ['3', '馆校合作', '市教育局', '市科协、市文化和旅游局、各县（市、区）政府', '2025年'],
      ['4', '高素质农民培育', '市农业农村局', '市人社局、市科协、市妇联', '每年'],
      ['5', '科技特派员', '市科技局', '市农业农村局、市科协', '每年'],
      ['6', '职业技能提升', '市人社局、市总工会', '市经信局、市教育局、团市委', '每年'],
      ['7', '“襄阳工匠”选树', '市总工会', '市人社局、市科协', '每年'],
      [{ text: '二、五大重点工程', colSpan: 5 }],
      ['8', '科技馆新馆建设', '市科协', '市发改委、市财政局、市住建局、东津新区管委会', '2025年'],
      ['9', '科普教育基地', '市科协、市科技局', '有关成员单位', '每年'],
      ['10', '科普中国落地应用', '市科协', '市委网信办、市融媒体中心、各县（市、区）科协', '2025年'],
    ],
  },
];

// H — a banner (旗), 2021–2025. Headings numbered by Word itself (一、（一）); the
// measures typed 1. 2. …; the annex table has no 序号, its columns in another
// order (牵头部门 first), rows keyed by the measures' titles, one row covering a
// whole action whose measures have no row of their own.
const H: Block[] = [
  { p: '准格尔旗全民科学素质行动规划纲要实施方案（2021—2025年）', center: true, bold: true },
  { p: '为深入贯彻《全民科学素质行动规划纲要（2021—2035年）》，进一步提高全旗公民科学素质，结合旗情，制定本方案。' },
  { n: '发展目标', level: 0 },
  { p: '到2025年，全旗公民具备科学素质的比例达到13%。' },
  { n: '提升行动', level: 0 },
  { n: '青少年科学素质提升行动', level: 1 },
  { p: '1.激发青少年好奇心和想象力。在中小学开展“小小科学家”科普活动，每年不少于50场。' },
  { p: '2.加强科技辅导员队伍建设。到2025年，全旗中小学专兼职科技辅导员配备率达到100%，实现全覆盖。' },
  { n: '农牧民科学素质提升行动', level: 1 },
  { p: '1.开展农牧民实用技术培训。围绕舍饲养殖、设施农业开展培训，每年培训农牧民3000人次。' },
  { p: '2.建设苏木乡镇科普阵地。推进苏木乡镇（街道）科普活动站建设，到2025年实现全覆盖。' },
  { n: '老年人科学素质提升行动', level: 1 },
  { p: '1.实施智慧助老行动。依托老年大学和社区开展智能手机使用培训，每年培训老年人1500人次。' },
  { n: '重点工程', level: 0 },
  { n: '基层科普能力提升工程', level: 1 },
  { p: '1.建立应急科普宣教协同机制。开展煤矿安全、草原防火等应急科普，每年不少于20场。' },
  { p: '2.壮大科技志愿服务队伍。到2025年，全旗注册科技志愿者达到2000人。' },
  { p: '附件：准格尔旗全民科学素质行动重点任务责任分工' },
  {
    table: [
      ['牵头部门', '重点任务', '协同部门'],
      ['旗教育体育局', '激发青少年好奇心和想象力', '旗科协、团旗委、旗委宣传部'],
      ['旗教育体育局', '加强科技辅导员队伍建设', '旗科协、旗财政局'],
      ['旗农牧局、旗科协', '农牧民科学素质提升行动', '旗妇联、旗人社局，各苏木乡镇（街道）'],
      ['旗卫生健康委、旗民政局', '实施智慧助老行动', '旗科协、旗老干部局、准格尔旗融媒体中心'],
      ['旗应急管理局', '建立应急科普宣教协同机制', '旗科协、气象局、消防救援大队'],
      ['旗科协、团旗委', '壮大科技志愿服务队伍', '旗文明办、有关成员单位'],
    ],
  },
];

// J — a province, 2021–2025, in the style of seed 004: body measures without
// owners, one annex row per action or project (covering its whole section);
// 类别 merged down its rows, the header's words unlike seed 004's.
const J: Block[] = [
  { p: '四川省全民科学素质行动规划纲要实施方案（2021—2025年）', center: true, bold: true },
  { p: '为贯彻落实国务院印发的《全民科学素质行动规划纲要（2021—2035年）》，结合我省实际，制定本实施方案。' },
  { p: '一、目标任务' },
  { p: '到2025年，全省公民具备科学素质的比例超过15%，各地区、各人群科学素质发展不均衡状况明显改善。' },
  { p: '二、提升行动' },
  { p: '（一）青少年科学素质提升行动。' },
  { p: '1.将科学精神融入育人全过程。实施科学家精神进校园行动，每年开展科学家精神宣讲不少于200场。' },
  { p: '2.实施科技创新后备人才培育计划。深入实施英才计划，每年培养科技创新后备人才300名。' },
  { p: '（二）农民科学素质提升行动。' },
  { p: '1.实施高素质农民培育计划。每年培育高素质农民5万人。' },
  { p: '2.实施乡村振兴科技支撑行动。推广“专家大院+农技协+农户”服务模式。' },
  { p: '三、重点工程' },
  { p: '（一）科普信息化提升工程。' },
  { p: '1.实施智慧科普建设工程。推动“天府科技云”科普服务平台建设，到2025年注册用户达到500万人。' },
  { p: '2.实施全媒体科学传播能力提升计划。推动主流媒体开设科普专栏。' },
  { p: '（二）科普基础设施工程。' },
  { p: '1.加强现代科技馆体系建设。到2025年，全省科技馆达到60座。' },
  { p: '附件' },
  { p: '四川省全民科学素质行动重点任务分工', center: true },
  {
    table: [
      ['类别', '行动或工程名称', '牵头单位', '参与单位'],
      [{ text: '提升行动', rowSpan: 2 }, '青少年科学素质提升行动', '省教育厅、省科协', '省委宣传部、省科技厅、民族宗教委、省财政厅、团省委、省妇联、四川日报报业集团'],
      ['农民科学素质提升行动', '省农业农村厅、省科协', '省委组织部、省人力资源社会保障厅、乡村振兴局、省妇联、省气象局'],
      [{ text: '重点工程', rowSpan: 2 }, '科普信息化提升工程', '省委宣传部、省科协', '省委网信办、省经济和信息化厅、省广播电视局、四川广播电视台'],
      ['科普基础设施工程', '省科协、省发展改革委', '省财政厅、省住房城乡建设厅、各市（州）人民政府'],
    ],
  },
];

// M — a district, 2016–2020, Word paragraphs only. Owners under labels on lines
// of their own: 分工： with the owners in the next paragraph, 责任单位： likewise,
// and 牵头单位 / 配合单位 on two lines after a section's measures.
const M: Block[] = [
  { p: '成都市武侯区全民科学素质行动计划纲要实施方案（2016—2020年）', center: true, bold: true },
  { p: '为提高全区公民科学素质，根据《成都市全民科学素质行动计划纲要实施方案（2016—2020年）》，结合武侯实际，制定本方案。' },
  { n: '工作目标', level: 0 },
  { p: '到2020年，全区公民具备科学素质的比例达到15%以上。' },
  { n: '重点任务', level: 0 },
  { n: '实施青少年科学素质行动', level: 1 },
  { n: '加强中小学科技教育。推进科技特色学校建设，到2020年建成科技特色学校20所。', level: 2 },
  { n: '开展青少年科技竞赛。每年举办区级青少年科技创新大赛1次，参赛学生不少于3000人次。', level: 2 },
  { p: '分工：' },
  { p: '区教育局、区科协牵头，区科技局、团区委、区妇联、各街道办事处配合。' },
  { n: '实施社区居民科学素质行动', level: 1 },
  { n: '建设社区科普大学。到2020年，社区科普大学教学点达到40个。', level: 2 },
  { n: '开展社区科普活动。每个社区每年开展科普活动不少于6次。', level: 2 },
  { p: '牵头单位：区科协' },
  { p: '配合单位：区民政局、区文旅体局、区卫计局、各街道办事处' },
  { n: '实施科普基础设施工程', level: 1 },
  { n: '建设科普教育基地。每年新增区级科普教育基地5个。', level: 2 },
  { p: '责任单位：' },
  { p: '区科技局、区科协、区财政局、武侯区图书馆' },
  { n: '保障措施', level: 0 },
  { p: '区财政每年安排科普专项经费，保障本方案顺利实施。' },
];

// P — a county, 2016–2020, Word: the body names no measure; the tasks are the
// rows of the annex 任务分解表 (工作任务 merged down beside 工作措施), owners in
// one 责任单位 column, the lead marked （牵头） or listed first.
const P: Block[] = [
  { p: '宾阳县全民科学素质行动计划纲要实施方案（2016—2020年）', center: true, bold: true },
  { p: '为贯彻落实《广西壮族自治区全民科学素质行动计划纲要实施方案（2016—2020年）》，结合我县实际，制定本方案。' },
  { p: '一、工作目标' },
  { p: '到2020年，全县公民具备科学素质的比例达到6%。' },
  { p: '二、主要任务' },
  { p: '围绕青少年、农民、城镇劳动者等重点人群开展科学素质行动，具体任务见附件。' },
  { p: '三、保障措施' },
  { p: '县财政每年安排科普工作经费，各成员单位按照任务分解表抓好落实。' },
  { p: '附件：宾阳县全民科学素质工作任务分解表' },
  {
    table: [
      ['序号', '工作任务', '工作措施', '责任单位', '完成时限'],
      ['1', { text: '青少年科学素质行动', rowSpan: 2 }, '开展青少年科技创新大赛，每年参赛作品不少于100件。', '县教育局（牵头）、县科协、团县委', '每年'],
      ['2', '建设校园科技活动室20个。', '县教育局、县科协', '2020年'],
      ['3', { text: '农民科学素质行动', rowSpan: 2 }, '开展农村实用技术培训，每年培训农民5000人次。', '县农业局、县科协、县妇联', '每年'],
      ['4', '创建科普示范村10个。', '县科协（牵头）、各乡镇人民政府', '2020年'],
      ['5', '城镇劳动者科学素质行动', '开展职业技能培训，每年培训3000人次。', '县人社局、县总工会', '每年'],
    ],
  },
];

await write('e-city-2021-xiangyang.docx', '襄阳市全民科学素质行动规划纲要实施方案（2021—2025年）', E);
await write('h-banner-2021-zhunger.docx', '准格尔旗全民科学素质行动规划纲要实施方案（2021—2025年）', H);
await write('j-province-2021-sichuan.docx', '四川省全民科学素质行动规划纲要实施方案（2021—2025年）', J);
await write('m-district-2016-wuhou.docx', '成都市武侯区全民科学素质行动计划纲要实施方案（2016—2020年）', M);
await write('p-county-2016-binyang.docx', '宾阳县全民科学素质行动计划纲要实施方案（2016—2020年）', P);
