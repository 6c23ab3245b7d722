// Issue 13: every owner shape wherever it stands — labels on a line of their
// own, owner lines after a measure or a section, role words, annex tables of
// any column order with merged cells — each with several small plans.
import { describe, expect, it } from 'vitest';
import type { OwnerMatch } from '../../shared/model';
import { importPlan, isProblem, type PlanImport } from '../../shared/plan';
import { htmlToText } from '../../shared/plan/html';
import { findBracketOwners, splitLeadPartner } from '../../shared/plan/ownertext';

const shown = (m: OwnerMatch) => (m.matched === 'group' ? m.input : m.name);

function plan(body: string, title = '某市全民科学素质行动计划纲要实施方案（2016—2020年）'): PlanImport {
  const imp = importPlan(`${title}\n${body}`, '方案.txt');
  if (isProblem(imp)) throw new Error(imp.problem.message);
  return imp;
}

/** id → [leads, partners] as resolved. */
const owners = (imp: PlanImport) => Object.fromEntries(imp.tasks.map((t) => [t.id, [t.leads.map(shown), t.partners.map(shown)]]));

const SECTION = `一、重点任务
（一）实施青少年科学素质行动
1．加强科学教育。每年开展活动20场。
2．开展科技竞赛。`;

describe('a label on a line of its own, the owners below', () => {
  it.each<[string, string, string[], string[]]>([
    ['任务分工：', '市教育局、市科协牵头，市委宣传部、民族宗教局等单位配合。', ['市教育局', '市科协'], ['市委宣传部', '市民族宗教局']],
    ['分工:', '市教育局牵头，团市委、气象局参加。', ['市教育局'], ['团市委', '市气象局']],
    ['责任分工：', '市教育局、市科协按职责分工负责。', ['市教育局', '市科协'], []],
    ['【任务分工】', '由市科协牵头，市教育局、各区县政府参与。', ['市科协'], ['市教育局', '各区县政府']],
    ['分工负责：', '市科协负责，市教育局配合。', ['市科协'], ['市教育局']],
  ])('%s then %s: the whole section', (label, text, leads, partners) => {
    const o = owners(plan(`${SECTION}\n${label}\n${text}`));
    expect(o['一.（一）.1']).toEqual([leads, partners]);
    expect(o['一.（一）.2']).toEqual([leads, partners]);
  });

  it('owners split over two lines under the label', () => {
    const o = owners(plan(`${SECTION}\n任务分工：\n市人社局、市总工会牵头，\n市经信委、团市委等单位配合。`));
    expect(o['一.（一）.2']).toEqual([['市人社局', '市总工会'], ['市经信委', '团市委']]);
  });

  it('责任单位： alone, names below: the first leads', () => {
    const imp = plan(`一、重点任务\n（一）实施科普基础设施工程\n1．建设科普基地。\n责任单位：\n市科技局、市科协、市财政局`);
    expect(owners(imp)['一.（一）.1']).toEqual([['市科技局'], ['市科协', '市财政局']]);
  });

  it('a label with nothing after it stays text, and the measure has no lead (with a reason)', () => {
    const imp = plan(`${SECTION}\n任务分工：\n各部门要高度重视，认真落实。`);
    expect(imp.tasks.every((t) => !t.leads.length)).toBe(true);
    const f = imp.findings.filter((x) => x.code === 'plan.no-lead');
    expect(f).toHaveLength(2);
    expect(f[0]!.params.reason).toBe('no-owner-text');
    expect(f[0]!.message).toMatch(/没有写责任单位/);
  });
});

describe('owner lines after measures', () => {
  it('each measure its own: 牵头单位 / 配合单位 on two lines', () => {
    const o = owners(
      plan(`一、重点任务\n（一）实施农民科学素质行动\n1．开展培训。\n牵头单位：市农委\n配合单位：市科协、市妇联\n2．建设基地。\n牵头单位：市科协\n配合单位：市农委`),
    );
    expect(o['一.（一）.1']).toEqual([['市农委'], ['市科协', '市妇联']]);
    expect(o['一.（一）.2']).toEqual([['市科协'], ['市农委']]);
  });

  it('after the last measure only, when the others have none: the whole section', () => {
    const imp = plan(`${SECTION}\n\n牵头单位：市教育局\n配合单位：市科协、各区县政府\n（二）实施农民科学素质行动\n1．开展培训。（市农委负责）`);
    const o = owners(imp);
    expect(o['一.（一）.1']).toEqual([['市教育局'], ['市科协', '各区县政府']]);
    expect(o['一.（一）.2']).toEqual([['市教育局'], ['市科协', '各区县政府']]);
    expect(o['一.（二）.1']).toEqual([['市农委'], []]);
  });

  it('a sentence of owners with no label, after each measure', () => {
    const o = owners(plan(`一、重点任务\n（一）实施社区居民科学素质行动\n1．建设社区科普大学。\n市科协牵头，市民政局配合。\n2．开展科普活动。\n市文明办牵头，各区县政府参与。`));
    expect(o['一.（一）.1']).toEqual([['市科协'], ['市民政局']]);
    expect(o['一.（一）.2']).toEqual([['市文明办'], ['各区县政府']]);
  });

  it('sub-items each with their owners', () => {
    const o = owners(plan(`一、重点任务\n（一）实施农民科学素质行动\n1．实施培育计划。\n（1）开展培训。（市农委牵头，市科协配合）\n（2）评选带头人。\n责任单位：市妇联、市农委`));
    expect(o['一.（一）.1.（1）']).toEqual([['市农委'], ['市科协']]);
    expect(o['一.（一）.1.（2）']).toEqual([['市妇联'], ['市农委']]);
  });
});

describe('role words and brackets', () => {
  it.each<[string, string, string]>([
    ['市科协牵头，市教育局等单位配合', '市科协', '市教育局'],
    ['市科协、市教育局负责，团市委参加', '市科协、市教育局', '团市委'],
    ['市科协为牵头单位，市教育局为配合单位', '市科协', '市教育局'],
    ['市科协（牵头）、市教育局、市科技局', '市科协', '市教育局、市科技局'],
    ['市科协牵头实施，各县（市，区）政府共同参与', '市科协', '各县（市，区）政府'],
  ])('%s', (text, leads, partners) => {
    expect(splitLeadPartner(text)).toEqual({ leadsText: leads, partnersText: partners });
  });

  it.each<[string, string, string]>([
    ['开展活动。(牵头单位:市科协;配合单位:市教育局、团市委)', '市科协', '市教育局、团市委'],
    ['开展活动。（牵头单位：市科协；配合单位：市教育局）', '市科协', '市教育局'],
    ['开展活动。〔牵头单位：区教育局；责任单位：区科协〕', '区教育局', '区科协'],
    ['开展活动。（责任单位：市教育局、市科技局；牵头单位：市科协）', '市科协', '市教育局、市科技局'],
    ['开展活动。（牵头：市科协；配合：市教育局）', '市科协', '市教育局'],
    ['开展活动。牵头单位：市科协。责任单位：市教育局、市科技局。', '市科协', '市教育局、市科技局'],
  ])('%s', (text, leads, partners) => {
    expect(findBracketOwners(text)!.owners).toMatchObject({ leadsText: leads, partnersText: partners });
  });
});

const BODY = `一、提升行动
（一）青少年科学素质提升行动
1．开展科学家精神进校园活动。每年不少于40场。
2．推进科技教育特色学校建设。
（二）农民科学素质提升行动
3．实施高素质农民培育计划。
4．深入推行科技特派员制度。
附件：重点任务分工表`;

describe('annex tables', () => {
  it.each<[string, string[]]>([
    ['序号 | 重点任务 | 牵头单位 | 配合单位', ['1\t科学家精神进校园\t市教育局\t市科协', '2\t科技教育特色学校\t市教育局\t市财政局', '3\t高素质农民培育\t市农业农村局\t市科协', '4\t科技特派员\t市科技局\t市农业农村局']],
    // Another order, other words, no 序号: keyed by title.
    ['牵头部门 | 工作任务 | 协同部门', ['市教育局\t开展科学家精神进校园活动\t市科协', '市教育局\t推进科技教育特色学校建设\t市财政局', '市农业农村局\t实施高素质农民培育计划\t市科协', '市科技局\t深入推行科技特派员制度\t市农业农村局']],
    // Keyed by number only (the task cells say something else).
    ['编号 | 主要举措 | 牵头单位 | 参与单位', ['1\t进校园\t市教育局\t市科协', '2\t特色学校\t市教育局\t市财政局', '3\t农民培育\t市农业农村局\t市科协', '4\t特派员\t市科技局\t市农业农村局']],
    // Merged lead cells ('' under a filled one) and a section row across the table.
    ['序号 | 重点任务 | 牵头单位 | 配合单位', ['一、提升行动\t\t\t', '1\t科学家精神进校园\t市教育局\t市科协', '2\t科技教育特色学校\t\t市财政局', '3\t高素质农民培育\t市农业农村局\t市科协', '4\t科技特派员\t市科技局\t市农业农村局']],
  ])('%s', (head, rows) => {
    const table = [head.split(' | ').join('\t'), ...rows].join('\n');
    const o = owners(plan(`${BODY}\n${table}`, '某市全民科学素质行动规划纲要实施方案（2021—2025年）'));
    expect(o['一.（一）.1']).toEqual([['市教育局'], ['市科协']]);
    expect(o['一.（一）.2']).toEqual([['市教育局'], ['市财政局']]);
    expect(o['一.（二）.3']).toEqual([['市农业农村局'], ['市科协']]);
    expect(o['一.（二）.4']).toEqual([['市科技局'], ['市农业农村局']]);
  });

  it('a row naming a whole action gives its measures their owners', () => {
    const table = ['类别\t行动名称\t牵头单位\t参与单位', '提升行动\t青少年科学素质提升行动\t市教育局、市科协\t团市委', '\t农民科学素质提升行动\t市农业农村局\t市妇联'].join('\n');
    const o = owners(plan(`${BODY}\n${table}`));
    expect(o['一.（一）.2']).toEqual([['市教育局', '市科协'], ['团市委']]);
    expect(o['一.（二）.4']).toEqual([['市农业农村局'], ['市妇联']]);
  });

  it('only a 责任单位 column: a （牵头） mark leads, else the first; a 责任领导 column is people, not units', () => {
    const table = [
      '序号\t重点任务\t责任领导\t责任单位',
      '1\t科学家精神进校园\t张三\t市科协、市教育局（牵头）',
      '2\t科技教育特色学校\t李四\t市教育局、市财政局',
      '3\t高素质农民培育\t王五\t市农业农村局',
      '4\t科技特派员\t赵六\t市科技局',
    ].join('\n');
    const o = owners(plan(`${BODY}\n${table}`));
    expect(o['一.（一）.1']).toEqual([['市教育局'], ['市科协']]);
    expect(o['一.（一）.2']).toEqual([['市教育局'], ['市财政局']]);
  });

  it('a 具体措施 column beside a merged 重点任务 column, matched by title; 完成时限 goes to the measure', () => {
    const table = [
      '序号\t重点任务\t具体措施\t牵头单位\t责任单位\t完成时限',
      '1\t青少年科学素质提升行动\t开展科学家精神进校园活动\t市教育局\t市科协\t每年',
      '2\t\t推进科技教育特色学校建设\t\t市财政局\t2025年底',
      '3\t农民科学素质提升行动\t实施高素质农民培育计划\t市农业农村局\t市科协\t每年',
      '4\t\t深入推行科技特派员制度\t市科技局\t\t2023年',
    ].join('\n');
    const imp = plan(`${BODY}\n${table}`);
    const o = owners(imp);
    expect(o['一.（一）.2']).toEqual([['市教育局'], ['市财政局']]);
    expect(o['一.（二）.4']).toEqual([['市科技局'], []]);
    expect(imp.tasks.map((t) => t.deadline)).toEqual(['每年', '2025年底', '每年', '2023年']);
  });

  it('an HTML table with rowspan and colspan keeps its columns', () => {
    const html = `<table><tr><th>序号</th><th>任务</th><th>牵头单位</th><th>配合单位</th></tr>
      <tr><td colspan="4">一、提升行动</td></tr>
      <tr><td>1</td><td>进校园</td><td rowspan="2">市教育局</td><td>市科协</td></tr>
      <tr><td>2</td><td>特色学校</td><td>市财政局</td></tr></table>`;
    expect(htmlToText(html).split('\n')).toEqual(['序号\t任务\t牵头单位\t配合单位', '一、提升行动\t\t\t', '1\t进校园\t市教育局\t市科协', '2\t特色学校\t\t市财政局']);
  });
});

describe('plan metadata', () => {
  it('title and period on two lines', () => {
    const imp = plan(`（2016—2020年）\n${SECTION}\n分工：市科协牵头。`, '某省全民科学素质行动计划纲要实施方案');
    expect(imp.plan.title).toBe('某省全民科学素质行动计划纲要实施方案（2016—2020年）');
    expect(imp.plan.period).toEqual({ start: 2016, end: 2020 });
  });

  it('a work-point year’s own goal', () => {
    const imp = plan(`2023年，全市深入实施全民科学素质行动，力争全市公民具备科学素质的比例达到13%。\n${SECTION}\n分工：市科协牵头。`, '2023年某市全民科学素质工作要点');
    expect(imp.plan.goal?.target).toMatchObject({ value: 13, year: 2023 });
  });
});
