// Owner shapes, numbering, normalisation and the 2016–2020 style fixture plan
// (division-of-labour paragraphs), one table per shape.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPlan, planToWorkbook, type PlanImport } from '../../shared/plan';
import { STANDARD_COLUMNS } from '../../shared/ledger/standard';
import { findBracketOwners, findTrailingOwners, parseDivision, splitLeadPartner } from '../../shared/plan/ownertext';
import { markerOf } from '../../shared/plan/outline';
import { clean, fold, isFurniture } from '../../shared/plan/normalize';
import { FIXTURES, imported, seedText } from './seeds';

describe('owner brackets', () => {
  it.each([
    { text: '开展活动。〔牵头单位:区教育局,责任单位:区科协、团区委〕', leads: '区教育局', partners: '区科协、团区委', faults: 0 },
    { text: '开展活动。〔牵头单位：区委组织部、责任单位：各街道〕', leads: '区委组织部', partners: '各街道', faults: 1 },
    { text: '开展活动。〔牵头单位:区民政局,责任单位:区公安分局、各街道)', leads: '区民政局', partners: '区公安分局、各街道', faults: 1 },
    { text: '开展活动。【牵头单位：区文化旅游委（区体育局）；责任单位：区委网信办（区政府网信办）】', leads: '区文化旅游委（区体育局）', partners: '区委网信办（区政府网信办）', faults: 0 },
    { text: '开展活动。\n牵头单位：市科协；配合单位：市教育局、团市委', leads: '市科协', partners: '市教育局、团市委', faults: 0 },
    { text: '开展活动。（牵头部门：县科技局）', leads: '县科技局', partners: '', faults: 0 },
    { text: '开展活动。（责任单位：区科协、区教委）', leads: '区科协', partners: '区教委', faults: 1 },
    { text: '开展活动。\n牵头单位：市科协\n责任单位：市教育局、团市委', leads: '市科协', partners: '市教育局、团市委', faults: 0 },
    { text: '开展活动。（责任单位：区教委、区科协（牵头）、区科技局）', leads: '区科协', partners: '区教委、区科技局', faults: 0 },
    { text: '开展活动。（责任单位：省科协牵头，省教育厅、团省委等参与）', leads: '省科协', partners: '省教育厅、团省委', faults: 0 },
    { text: '开展活动。〔牵头责任单位：县科协；配合单位：县教育局〕', leads: '县科协', partners: '县教育局', faults: 0 },
  ])('$text', ({ text, leads, partners, faults }) => {
    const found = findBracketOwners(text)!;
    expect(found.owners.leadsText).toBe(leads);
    expect(found.owners.partnersText).toBe(partners);
    expect(found.owners.faults).toHaveLength(faults);
    expect(found.rest).toBe('开展活动。');
  });

  it('finds nothing in plain prose', () => {
    expect(findBracketOwners('深化馆校合作，充分利用科技馆（博物馆）开展活动。')).toBeNull();
  });
});

describe('trailing parentheses', () => {
  it.each([
    { text: '开展五项学科竞赛。(教育部、中国科协)', leads: '教育部、中国科协', partners: '' },
    { text: '开展《纲要》实施情况中期评估。(中国科协牵头,各成员单位参与)', leads: '中国科协', partners: '各成员单位' },
    { text: '举办活动。（共青团中央、全国妇联）', leads: '共青团中央、全国妇联', partners: '' },
    { text: '开展科普日活动。（省教育厅、省科协等按职责分工负责）', leads: '省教育厅、省科协', partners: '' },
  ])('$text', ({ text, leads, partners }) => {
    const found = findTrailingOwners(text)!;
    expect(found.owners).toMatchObject({ leadsText: leads, partnersText: partners, source: 'parenthesis' });
  });

  it.each(['实施方案(2021—2025年)', '印发规划(征求意见稿)', '建设工作室(所、站)', '培训人数80人次(含线上)'])('%s is not an owner list', (text) => {
    expect(findTrailingOwners(text)).toBeNull();
  });
});

describe('division-of-labour paragraphs', () => {
  it.each([
    { line: '分工：教育部、中国科协牵头，中央组织部、科技部、共青团中央等单位配合。', leads: '教育部、中国科协', partners: '中央组织部、科技部、共青团中央' },
    { line: '任务分工:市农委、市科协牵头,市妇联、各乡镇等单位配合。', leads: '市农委、市科协', partners: '市妇联、各乡镇' },
    { line: '分工：由县科协牵头，县教育局、县科技局参与。', leads: '县科协', partners: '县教育局、县科技局' },
  ])('$line', ({ line, leads, partners }) => {
    expect(parseDivision(line)).toMatchObject({ leadsText: leads, partnersText: partners, source: 'division' });
  });

  it('a sentence that merely mentions 分工 is not one', () => {
    expect(parseDivision('各部门按职责分工做好具体实施工作。')).toBeNull();
    expect(splitLeadPartner('市科协牵头,市教育局配合')).toEqual({ leadsText: '市科协', partnersText: '市教育局' });
  });
});

describe('numbering and text normalisation', () => {
  it.each([
    ['一、总体要求', 1, '一'],
    ['十二、其他', 1, '十二'],
    ['（一）指导思想', 2, '一'],
    ['(三)实施老年人科学素质提升行动', 2, '三'],
    ['1.培养青少年科学精神。', 3, '1'],
    ['12．加强制度和组织保障。', 3, '12'],
    ['１．全角数字的条目。', 3, '1'],
    ['（4）实施科技创新后备人才培育计划。', 4, '4'],
    ['(10)第十条措施。', 4, '10'],
    ['2）建立校内外衔接机制。', 4, '2'],
  ])('%s → rank %i', (line, rank, num) => {
    const m = markerOf(clean(line));
    expect(m).toMatchObject({ rank, num });
  });

  it.each(['2020年我区公民具备科学素质的比例达到8.8%', '2.3个百分点', '一是加强领导', '（此件公开发布）'])('%s is not a numbered item', (line) => {
    expect(markerOf(line)?.rank ?? null).toBeNull();
  });

  it('fold keeps offsets (one character for one)', () => {
    const s = '〔牵头单位：区科协，责任单位：区教委）２０２５年—';
    expect(fold(s)).toHaveLength(s.length);
    expect(fold(s)).toBe('[牵头单位:区科协,责任单位:区教委)2025年-');
  });

  it.each([
    '当前位置:',
    '政策来源:成都市锦江区科学技术协会 | 发布时间:2022-10-31 | 1825 次浏览: | 分享到:',
    '第2页/共3页',
    '- 3 -',
    '扫一扫在手机打开当前页',
    '首页 > 政务公开 > 通知公告',
    '附件下载：实施方案.docx',
    '实施方案.pdf',
    '【打印本页】',
    '来源:全民科学素质纲要实施工作办公室',
  ])('page furniture: %s', (line) => {
    expect(isFurniture(fold(line))).toBe(true);
  });

  it.each(['1.培养青少年科学精神。', '二、提升行动', '分享科普资源，推动共建共享。'])('not furniture: %s', (line) => {
    expect(isFurniture(fold(line))).toBe(false);
  });
});

describe('fixture: a 2016–2020 city plan with 分工 paragraphs', () => {
  const imp = importPlan(readFileSync(path.join(FIXTURES, 'division-2016.txt'), 'utf8'), 'division-2016.txt') as PlanImport;

  it('reads its metadata and goal', () => {
    expect(imp.plan).toMatchObject({ title: '宜州市全民科学素质行动计划纲要实施方案（2016—2020年）', jurisdiction: '宜州市', level: '市', period: { start: 2016, end: 2020 } });
    expect(imp.plan.goal?.target).toMatchObject({ year: 2020, value: 10, stretch: 11 });
    expect(imp.plan.goal?.baseline).toEqual([{ year: 2015, value: 6.2 }]);
  });

  it.each([
    { section: '二.（一）', n: 3, leads: ['市教育局', '市科协'], partners: ['市委宣传部', '市科技局', '民族宗教局', '团市委'] },
    { section: '二.（二）', n: 2, leads: ['市农委', '市科协'], partners: ['市人力资源社会保障局', '市妇联', '各乡镇'] },
    { section: '二.（三）', n: 2, leads: ['市科协'], partners: ['市委宣传部', '市文广新局'] },
  ])('the division paragraph of $section applies to its $n measures', ({ section, n, leads, partners }) => {
    const mine = imp.tasks.filter((t) => t.id.startsWith(section + '.'));
    expect(mine).toHaveLength(n);
    for (const t of mine) {
      expect(t.owners.source).toBe('division');
      expect(t.leads.map((m) => m.input)).toEqual(leads);
      expect(t.partners.map((m) => m.input)).toEqual(partners);
      expect(t.content).not.toContain('分工');
    }
  });

  it('expands the shared prefix through the owner lookup (民族宗教局 → 市民族宗教局)', () => {
    const t = imp.tasks[0]!;
    expect(t.partners.find((m) => m.input === '民族宗教局')?.name).toBe('市民族宗教局');
  });

  it('numbers in full and half width, categories from the headings, projects from the 2016 names', () => {
    expect(imp.tasks.map((t) => t.id)).toEqual(['二.（一）.1', '二.（一）.2', '二.（一）.3', '二.（二）.1', '二.（二）.2', '二.（三）.1', '二.（三）.2']);
    expect(imp.tasks.map((t) => t.category)).toEqual(['提升行动', '提升行动', '提升行动', '提升行动', '提升行动', '重点工程', '重点工程']);
    expect(imp.tasks[5]!.project?.canonical).toBe('科普信息化提升工程');
    expect(imp.tasks[3]!.population?.canonical).toBe('农民');
  });

  it('reads targets and drops the page markers', () => {
    expect(imp.tasks[1]!.targets[0]).toMatchObject({ value: 30, unit: '场', recurrence: 'annual' });
    expect(imp.tasks[5]!.targets[0]).toMatchObject({ value: 5000, year: 2020 });
    expect(JSON.stringify(imp)).not.toMatch(/第\d页|共3页|扫一扫|打印本页|浏览/);
  });

  it('keeps 保障措施 items without owners as structure only', () => {
    expect(imp.tasks.some((t) => t.category === '保障措施')).toBe(false);
    expect(imp.outline.map((n) => n.title)).toEqual(['指导思想和目标', '重点任务', '保障措施']);
  });
});

describe('plans shaped in other ways', () => {
  const plan = (lines: string[]) => {
    const r = importPlan(lines.join('\n'), 'plan.txt');
    if ('problem' in r) throw new Error(r.problem.message);
    return r;
  };

  it('measures with trailing parentheses in the body (national style)', () => {
    const r = plan([
      '某省全民科学素质行动实施方案（2021—2025年）',
      '一、重点任务',
      '（一）实施青少年科学素质提升行动',
      '1.开展馆校合作。引导中小学利用科普场所开展活动。（省教育厅、省科协）',
      '2.举办青少年科技创新大赛。（省科协牵头，团省委、省妇联参与）',
    ]);
    expect(r.plan).toMatchObject({ jurisdiction: '某省', level: '省' });
    expect(r.tasks.map((t) => [t.leads.map((m) => m.input), t.partners.map((m) => m.input)])).toEqual([
      [['省教育厅', '省科协'], []],
      [['省科协'], ['团省委', '省妇联']],
    ]);
    expect(r.tasks[0]!.content).toBe('引导中小学利用科普场所开展活动。');
  });

  it('annex rows that name only the population or the older project name', () => {
    const r = plan([
      '某区全民科学素质行动实施方案（2021—2025年）',
      '一、提升行动',
      '（一）实施青少年科学素质提升行动',
      '1．开展科技活动。',
      '2．培养科学精神。',
      '（二）实施老年人科学素质提升行动',
      '1．开展智慧助老。',
      '二、重点工程',
      '（一）实施科普信息化提升工程',
      '1．建设科普平台。',
      '类别\t任务内容\t牵头部门\t责任部门',
      '提升行动\t青少年\t区教委\t区科协',
      '\t老年人\t区民政局\t区卫健委',
      '重点工程\t科普信息化工程\t区委宣传部\t区科协',
    ]);
    expect(r.tasks.map((t) => [t.id, t.leads.map((m) => m.input).join('、')])).toEqual([
      ['一.（一）.1', '区教委'],
      ['一.（一）.2', '区教委'],
      ['一.（二）.1', '区民政局'],
      ['二.（一）.1', '区委宣传部'],
    ]);
  });

  it('完成时限 inside the owner bracket or on its own line', () => {
    const r = plan([
      '某区全民科学素质行动实施方案（2021—2025年）',
      '一、重点任务',
      '1．建设科普基地。到2025年新增科普基地3个。〔牵头单位：区科协；责任单位：区教委；完成时限：2025年底〕',
      '2．开展科普日活动。',
      '牵头单位：区科协',
      '完成时限：每年9月',
    ]);
    expect(r.tasks.map((t) => [t.partners.map((m) => m.input).join('、'), t.deadline, t.content])).toEqual([
      ['区教委', '2025年底', '到2025年新增科普基地3个。'],
      ['', '每年9月', '开展科普日活动'],
    ]);
  });

  it('a title that starts with 关于 and puts the place first', () => {
    const r = plan(['宜州市关于进一步加强科普工作的实施意见', '一、重点任务', '（一）实施老年人科学素质提升行动', '1．开展智能技术培训。（市科协、市民政局）']);
    expect(r.plan).toMatchObject({ title: '宜州市关于进一步加强科普工作的实施意见', jurisdiction: '宜州市', level: '市', period: null });
    expect(r.tasks[0]!.leads.map((m) => m.input)).toEqual(['市科协', '市民政局']);
  });

  it('a division table whose rows are the tasks themselves', () => {
    const r = plan([
      '某县2024年全民科学素质工作要点',
      '一、总体要求',
      '坚持以人民为中心，提高全民科学素质。',
      '附表',
      '序号\t重点任务\t牵头单位\t配合单位\t完成时限',
      '1\t开展全国科普日活动。每年开展活动不少于10场。\t县科协\t县教育局、县科技局\t2024年9月',
      '2\t实施高素质农民培育计划。培训农民500人次。\t县农业农村局\t县科协\t2024年12月',
      '3\t开展老年人智能技术培训。\t县民政局\t县卫生健康局\t2024年12月',
    ]);
    expect(r.plan).toMatchObject({ jurisdiction: '某县', level: '区县', period: { start: 2024, end: 2024 } });
    expect(r.taskSource).toBe('ledger-annex');
    expect(r.tasks.map((t) => t.id)).toEqual(['1', '2', '3']);
    expect(r.tasks[0]).toMatchObject({ title: '开展全国科普日活动', owners: { source: 'annex-table' } });
    expect(r.tasks[1]!.leads.map((m) => m.input)).toEqual(['县农业农村局']);
    expect(r.tasks[0]!.targets[0]).toMatchObject({ value: 10, recurrence: 'annual' });
    expect(r.tasks.map((t) => t.deadline)).toEqual(['2024年9月', '2024年12月', '2024年12月']);
    const sheet = planToWorkbook(r).sheets[0]!;
    expect(sheet.rows[1]![STANDARD_COLUMNS.indexOf('完成时限')]).toBe('2024年9月');
    expect(sheet.rows[1]![STANDARD_COLUMNS.indexOf('截止年份')]).toBe(2024);
    expect(r.findings.filter((f) => f.code === 'plan.annex-row-unmatched')).toEqual([]);
  });

  it('a notice with numbered paragraphs of its own before the plan', () => {
    const r = plan([
      '关于印发《某市全民科学素质行动规划纲要实施方案（2021—2025年）》的通知',
      '各区县人民政府：',
      '一、高度重视。各地要把科学素质建设摆上重要议程。',
      '二、抓好落实。请于每年12月底前报送工作总结。',
      '某市人民政府办公室',
      '某市全民科学素质行动规划纲要实施方案（2021—2025年）',
      '一、重点任务',
      '（一）实施农民科学素质提升行动',
      '1．开展农民培训。每年培训农民3000人次。〔牵头单位：市农业农村局，责任单位：市科协〕',
    ]);
    expect(r.plan.title).toBe('某市全民科学素质行动规划纲要实施方案（2021—2025年）');
    expect(r.outline.map((n) => n.title)).toEqual(['重点任务']);
    expect(r.tasks.map((t) => t.id)).toEqual(['一.（一）.1']);
    expect(r.tasks[0]!.population?.canonical).toBe('农民');
  });

  it('markdown: headings, bold and a pipe table', () => {
    const r = importPlan(
      [
        '# 某区全民科学素质行动实施方案（2021—2025年）',
        '## 一、提升行动',
        '### （一）实施老年人科学素质提升行动',
        '1. **开展智慧助老服务。** 每年开展培训不少于12场。',
        '',
        '| 类别 | 任务内容 | 牵头部门 | 责任部门 |',
        '|---|---|---|---|',
        '| 提升行动 | 实施老年人科学素质提升行动 | 区民政局、区科协 | 区卫健委 |',
      ].join('\n'),
      'plan.md',
    );
    if ('problem' in r) throw new Error(r.problem.message);
    expect(r.plan.title).toBe('某区全民科学素质行动实施方案（2021—2025年）');
    expect(r.tasks).toHaveLength(1);
    expect(r.tasks[0]).toMatchObject({ id: '一.（一）.1', title: '开展智慧助老服务', owners: { source: 'annex-table' } });
    expect(r.tasks[0]!.leads.map((m) => m.input)).toEqual(['区民政局', '区科协']);
  });
});

describe('text copied from a PDF (hard-wrapped lines, page numbers)', () => {
  const wrap = (text: string, width: number) => {
    const out: string[] = [];
    for (const line of text.split('\n')) {
      if (line.includes('\t') || line.length <= width) out.push(line);
      else for (let i = 0; i < line.length; i += width) out.push(line.slice(i, i + width));
      if (out.length % 45 === 0) out.push(`- ${out.length / 45} -`);
    }
    return out.join('\n');
  };
  // A wrapped line that happens to end with 。 may or may not end its paragraph:
  // the content may keep a line break there, nothing else may differ.
  const shape = (imp: PlanImport) =>
    imp.tasks.map((t) => [t.id, t.title, t.content.replace(/\n/g, ''), t.leads.map((m) => m.input), t.partners.map((m) => m.input), t.targets.map((x) => x.text)]);

  it.each([
    { id: '000' as const, width: 36 },
    { id: '004' as const, width: 40 },
    { id: '003' as const, width: 33 },
  ])('seed $id wrapped at $width characters gives the same tasks', ({ id, width }) => {
    const r = importPlan(wrap(seedText(id), width), 'pdf.txt');
    if ('problem' in r) throw new Error(r.problem.message);
    const ref = imported(id);
    expect(r.plan.title).toBe(ref.plan.title);
    expect(r.plan.goal).toEqual(ref.plan.goal);
    expect(shape(r)).toEqual(shape(ref));
  });

  it('leaves a web copy (one paragraph per line) alone', () => {
    const text = seedText('000');
    expect(importPlan(text, 'a.txt')).toEqual(importPlan(text, 'a.txt'));
    expect((importPlan(text, 'a.txt') as PlanImport).tasks[0]!.content).toBe(imported('000').tasks[0]!.content);
  });
});

describe('tabs that are not tables', () => {
  const shape = (imp: PlanImport) => imp.tasks.map((t) => [t.id, t.title, t.content, t.leads.map((m) => m.input), t.partners.map((m) => m.input)]);
  // every prose line indented by a tab; a tab after the marker (一、<tab>总体要求), as Word exports numbering
  const indent = (text: string) =>
    text
      .split('\n')
      .map((l) => (!l.trim() || l.includes('\t') ? l : '\t' + l.trim().replace(/^([一二三四五六七八九十]+、|\d+\.|\d+．)/, '$1\t')))
      .join('\n');

  it.each(['000', '003', '004'] as const)('seed %s with tab-indented paragraphs gives the same tasks', (id) => {
    const r = importPlan(indent(seedText(id)), 'tabs.txt');
    if ('problem' in r) throw new Error(r.problem.message);
    expect(r.plan.title).toBe(imported(id).plan.title);
    expect(shape(r)).toEqual(shape(imported(id)));
  });
});
