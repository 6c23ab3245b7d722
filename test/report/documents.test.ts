// The 通报 and the 督办单 written as Word, read back with mammoth and held
// against the core's own report (leadersReport over the dashboard's hand-
// counted fixture): the sections, the counts by status and light, the tables
// per population, project and unit, the red list by unit, the changes, and
// each lagging unit's tasks with what is asked.
import { beforeAll, describe, expect, it } from 'vitest';
import { leadersReport, LATEST } from '../../shared/aggregate';
import type { LeadersReport, TaskFilter } from '../../shared/aggregate';
import { STATUSES } from '../../shared/model';
import { askText, buildBulletin, buildNotice, noticeFileNames, toDocx } from '../../shared/report';
import type { ReportTask } from '../../shared/report';
import { FIXTURE, ROWS, taskOf } from '../dashboard/fixture';
import { readDocx } from './read-docx';
import type { DocxText } from './read-docx';

const J = '成都市锦江区';
const TASKS: ReportTask[] = FIXTURE.map((t, i) => ({ ...t, deadlineText: t.due ? '' : '长期坚持', source: { file: `${t.meta.jurisdiction}${t.meta.period}.xlsx` }, row: i + 2 }));

const STATUS_WORD: Record<string, string> = { 已完成: '已完成', 正常: '正常推进', 滞后: '滞后', 逾期: '逾期', 未启动: '未启动', 未填报: '未填报' };

/** The table whose header row starts with these titles. */
const tableOf = (d: DocxText, ...head: string[]) => {
  const t = d.tables.find((x) => head.every((h, i) => x.head[i] === h));
  if (!t) throw new Error(`no table headed ${head.join(' | ')}: ${d.tables.map((x) => x.head.join('|')).join(' / ')}`);
  return t;
};

async function bulletinOf(report: LeadersReport<ReportTask>, opts = {}): Promise<DocxText> {
  return readDocx(await toDocx(buildBulletin(report, opts)));
}

describe('工作进展通报', () => {
  // the default view: each jurisdiction's latest period
  const report = leadersReport(TASKS);
  let d: DocxText;
  beforeAll(async () => {
    d = await bulletinOf(report, { issuer: '某某科协', issued: '2024-01-10' });
  });

  it('has the sections leaders read, in order, and one chart image per chart', () => {
    expect(d.headings.filter((h) => h.level === 1).map((h) => h.text)).toEqual([
      '一、总体情况',
      '二、核心指标',
      '三、分类推进情况',
      '四、红灯任务清单',
      '五、与上期比较',
      '六、下一步工作要求',
    ]);
    // status, population, project, unit
    expect(d.images).toBe(4);
    expect(d.lines[0]).toBe('全民科学素质行动工作进展通报');
    // both jurisdictions' latest period is the same half-year
    expect(d.lines).toContain('（2023年下半年）');
    expect(d.lines).toContain('数据截至2023年12月31日');
    expect(d.lines.slice(-2)).toEqual(['某某科协', '2024年1月10日']);
  });

  it('counts the latest period only: tasks by status and by light as the core does', () => {
    expect(report.summary.total).toBe(8);
    const t = tableOf(d, '完成状态', '任务数');
    for (const { status, count } of report.summary.status) expect(t.rows.find((r) => r[0] === STATUS_WORD[status])?.[1]).toBe(String(count));
    for (const { light, count } of report.summary.lights) expect(t.rows.find((r) => r[3] === `${light}灯`)?.[4]).toBe(String(count));
    expect(t.rows.at(-1)!.slice(0, 2)).toEqual(['合计', '8']);
    const overview = d.lines.find((l) => l.startsWith('本期共汇总台账'))!;
    expect(overview).toContain('本期共汇总台账2份，涉及牵头单位');
    expect(overview).toContain(`重点任务${report.summary.total}项`);
    expect(overview).toContain('红灯2项（占25%）');
  });

  it('tables population tasks by population and project tasks by project, with no 未分类 row, and the others apart', () => {
    const pop = tableOf(d, '重点人群');
    expect(pop.rows.slice(0, -1).map((r) => [r[0], r[1]])).toEqual(report.summary.populations.map((g) => [g.key, String(g.total)]));
    expect(pop.rows.map((r) => r[0])).not.toContain('未分类');
    // each row: total, the six statuses, red, yellow, green
    for (const g of report.summary.populations) {
      const row = pop.rows.find((r) => r[0] === g.key)!;
      expect(row.slice(2, 8)).toEqual(STATUSES.map((s) => String(g.counts[s])));
      expect(row.slice(8)).toEqual([g.lights.红, g.lights.黄, g.lights.绿].map(String));
    }
    expect(pop.rows.at(-1)![1]).toBe(String(report.summary.populations.reduce((n, g) => n + g.total, 0)));
    const proj = tableOf(d, '重点工程');
    expect(proj.rows.slice(0, -1).map((r) => [r[0], r[1]])).toEqual(report.summary.projects.map((g) => [g.key, String(g.total)]));
    const others = tableOf(d, '任务类别');
    expect(others.rows).toHaveLength(1);
    expect(others.rows[0]!.slice(0, 2)).toEqual([report.summary.others.key, String(report.summary.others.total)]);
  });

  it('lists every lead unit with its scorecard, the unit with most red first', () => {
    const t = tableOf(d, '牵头单位', '牵头任务');
    expect(t.rows).toHaveLength(report.summary.units.length);
    for (const u of report.summary.units) {
      const row = t.rows.find((r) => r[0] === u.unit)!;
      expect(row.slice(1)).toEqual([u.led, u.completed, u.green, u.yellow, u.red, u.overdue, u.unreported, u.stale].map(String));
    }
    const reds = t.rows.map((r) => Number(r[5]));
    expect(reds).toEqual([...reds].sort((a, b) => b - a));
  });

  it('lists the red tasks by unit with the reason', () => {
    expect(report.red.map((r) => r.unit).sort()).toEqual(['区农业农村局', '区科协']);
    const at = d.lines.indexOf('四、红灯任务清单');
    expect(d.lines[at + 1]).toBe('本期红灯任务2项，涉及牵头单位2家，按单位列示如下（一项任务有多个牵头单位的，分别列入各单位）。');
    report.red.forEach(({ unit, tasks }, i) => {
      const heading = `（${'一二'[i]}）${unit}（${tasks.length}项）`;
      expect(d.headings.map((h) => h.text)).toContain(heading);
      const table = d.tables[d.tables.findIndex((x) => x.head[0] === '序号' && x.head[4] === '原因' && x.rows.some((r) => tasks.some((t) => r[0] === t.id)))]!;
      expect(table.rows.map((r) => r[0])).toEqual(tasks.map((t) => t.id));
    });
    const farm = d.lines.find((l) => l.startsWith('9 | '))!;
    // two jurisdictions: the task is named with its own
    expect(farm).toBe('9 | 【成都市锦江区】提升农民科学素质 | 2023年9月30日 | 逾期 | 已过完成时限（2023年9月30日）仍未完成（依据：工作进展「尚未完成」）');
    expect(d.lines.find((l) => l.startsWith('30 | '))).toMatch(/^30 \| 【成都市锦江区】加强组织领导 \| 2023年12月31日 \| 滞后 \| 进展滞后/);
  });

  it('compares with the previous period: each kind counted and listed', () => {
    const counts = { done: report.changed.done.length, red: report.changed.red.length, still: report.changed['still-red'].length, stale: report.changed.stale.length };
    expect(counts).toEqual({ done: 1, red: 1, still: 1, stale: 2 });
    expect(d.lines).toContain('与成都市锦江区2023年上半年相比：新完成1项，新亮红灯1项，连续红灯1项，进展未更新2项。');
    expect(d.lines).toContain('重庆市綦江区没有上一期台账，未作比较。');
    expect(d.headings.map((h) => h.text)).toEqual(expect.arrayContaining(['（一）新完成（1项）', '（二）新亮红灯（1项）', '（三）连续红灯（1项）', '（四）进展未更新（2项）']));
    expect(d.lines).toContain('2 | 【成都市锦江区】开展青少年科技活动 | 区教育局、区科协 | 滞后（黄灯） | 已完成（绿灯）');
    expect(d.lines).toContain('9 | 【成都市锦江区】提升农民科学素质 | 区农业农村局 | 未填报（黄灯） | 逾期（红灯）');
  });

  it('asks of red, yellow and not-updated units what the period calls for', () => {
    const at = d.lines.indexOf('六、下一步工作要求');
    expect(d.lines.slice(at + 1, at + 5).map((l) => l.slice(0, 3))).toEqual(['（一）', '（二）', '（三）', '（四）']);
    expect(d.lines[at + 1]).toContain('红灯任务牵头单位');
  });

  it('reads one filter: a unit’s report counts its own tasks, of the chosen period', async () => {
    const filter: TaskFilter = { jurisdiction: J, period: '2023年上半年', unit: '区科协' };
    const one = leadersReport(TASKS, filter);
    const r = await bulletinOf(one);
    expect(r.lines[0]).toBe('成都市锦江区全民科学素质行动工作进展通报');
    expect(r.lines).toContain('（2023年上半年）');
    expect(tableOf(r, '完成状态').rows.at(-1)!.slice(0, 2)).toEqual(['合计', String(one.summary.total)]);
    expect(one.summary.total).toBe(3);
    // the first period has nothing to compare with
    expect(r.lines).toContain('所汇总台账中没有上一期台账，本期不作比较。');
    // one jurisdiction: names without 【辖区】
    expect(r.lines.some((l) => l.startsWith('30 | 加强组织领导 | '))).toBe(true);
  });

  it('says so when the filter leaves no task', async () => {
    const r = await bulletinOf(leadersReport(TASKS, { period: LATEST, status: '未启动', jurisdiction: J }));
    expect(r.lines).toContain('所选范围内没有任务。');
    expect(r.tables).toHaveLength(0);
  });

  it.each([
    // value, goal comparator, goal → the verdict under the goal's own comparator
    [17.3, '>', 18, '距目标尚差0.7个百分点。'],
    [18, '>', 18, '与目标持平，尚未超过。'],
    [18, '>=', 18, '已达到目标。'],
    [19.5, '>', 18, '已达到目标。'],
  ] as const)('the headline at %s against %s %s: %s', async (actual, comparator, goal, verdict) => {
    const head: ReportTask = {
      ...taskOf(ROWS[11]!),
      id: '1',
      title: '公民具备科学素质的比例',
      targets: [{ text: `超过${goal}%`, value: goal, unit: '%', comparator, stretch: null, year: 2025, recurrence: null }],
      actual,
      note: '基线：2020年 8.8%',
      deadlineText: '2025年',
    };
    const r = await bulletinOf(leadersReport([...TASKS, head]));
    const word = comparator === '>' ? '超过' : '不低于';
    expect(r.lines).toContain(`成都市锦江区公民具备科学素质的比例为${actual}%（2023年下半年），目标为${word}${goal}%（2025年），基线为8.8%（2020年），${verdict}`);
  });
});

describe('督办单', () => {
  const report = leadersReport(TASKS, { period: LATEST, jurisdiction: J });
  let docs: DocxText[];
  beforeAll(async () => {
    docs = await Promise.all(report.notices.map(async (n) => readDocx(await toDocx(buildNotice(n, report, { issuer: '区科学素质工作领导小组办公室', replyBy: '2024-01-20' })))));
  });

  it('writes one per lagging unit, each naming its unit, the matter and the deadline', () => {
    expect(report.notices.map((n) => n.unit)).toEqual(['区农业农村局', '区科协', '区教育局']);
    report.notices.forEach((n, i) => {
      const d = docs[i]!;
      expect(d.lines[0]).toBe('全民科学素质行动重点任务督办单');
      expect(d.lines[1]).toBe('（成都市锦江区2023年下半年）');
      const form = d.tables[0]!;
      const field = (label: string) => form.rows.find((r) => r[0] === label)?.[1];
      expect(field('承办单位')).toBe(n.unit);
      expect(field('办理时限')).toBe('请于2024年1月20日前反馈办理情况。');
      expect(field('反馈方式')).toContain('区科学素质工作领导小组办公室');
      expect(field('数据来源')).toBe('成都市锦江区2023年下半年台账（数据截至2023年12月31日）');
    });
  });

  it('lists the unit’s yellow, red, overdue and stale tasks with due dates and what is asked', () => {
    report.notices.forEach((n, i) => {
      const list = tableOf(docs[i]!, '序号', '重点任务', '完成时限');
      expect(list.rows.map((r) => r[0])).toEqual(n.items.map((it) => it.task.id));
      n.items.forEach((it, k) => expect(list.rows[k]![6]).toBe(askText(it)));
    });
    const farm = tableOf(docs[0]!, '序号').rows[0]!;
    expect(farm).toEqual(['9', '提升农民科学素质', '2023年9月30日', '逾期', '红灯', '工作进展「尚未完成」', '说明逾期原因和整改措施，明确完成时间']);
    const kx = docs[1]!;
    // 区科协: task 30 red and stale, task 3 stale only
    expect(kx.tables[0]!.rows.find((r) => r[0] === '督办事项')![1]).toBe('你单位牵头的全民科学素质行动重点任务中，红灯1项、进展未更新2项，详见督办任务清单。');
    expect(tableOf(kx, '序号').rows.map((r) => [r[0], r[6]])).toEqual([
      ['30', '说明滞后原因和整改措施，限期报送进展；本期进展与上期相同，请如实更新'],
      ['3', '如实更新本期进展'],
    ]);
  });

  it('names the files for the units, safe on Windows and distinct', () => {
    expect(noticeFileNames(report.notices.map((n) => ({ jurisdiction: J, unit: n.unit })))).toEqual(['督办单-区农业农村局.docx', '督办单-区科协.docx', '督办单-区教育局.docx']);
    expect(
      noticeFileNames([
        { jurisdiction: 'A', unit: 'x/y' },
        { jurisdiction: 'A', unit: 'x:y' },
        { jurisdiction: 'B', unit: 'CON' },
        { jurisdiction: 'B', unit: 'Abc' },
        { jurisdiction: 'B', unit: 'abc' },
      ]),
    ).toEqual(['督办单-A-x_y.docx', '督办单-A-x_y(2).docx', '督办单-B-_CON.docx', '督办单-B-Abc.docx', '督办单-B-abc(2).docx']);
  });
});
