// Seed 000 (锦江区): 29 numbered tasks with bracketed owners, plus the 4 保障措施 items.
import { describe, expect, it } from 'vitest';
import { imported, seed000Owners } from './seeds';

const imp = imported('000');
const numbered = imp.tasks.filter((t) => t.kind === 'measure');
const byNum = new Map(numbered.map((t) => [t.id.split('.').pop()!, t]));
const inputs = (ms: { input: string }[]) => ms.map((m) => m.input);

describe('seed 000: plan', () => {
  it('reads the plan title, not the notice that wraps it', () => {
    expect(imp.plan.title).toBe('成都市锦江区全民科学素质行动规划纲要实施方案(2021—2025年)');
    expect(imp.plan.draft).toBe(true);
    expect(imp.plan.jurisdiction).toBe('成都市锦江区');
    expect(imp.plan.level).toBe('区县');
    expect(imp.plan.period).toEqual({ start: 2021, end: 2025 });
  });

  it('reads the headline goal: 到2025年 超过18%，力争达到20%', () => {
    expect(imp.plan.goal?.indicator).toBe('公民具备科学素质的比例');
    expect(imp.plan.goal?.target).toMatchObject({ year: 2025, value: 18, stretch: 20, comparator: '>' });
  });

  it('drops page furniture', () => {
    const all = JSON.stringify(imp);
    for (const junk of ['次浏览', '分享到', '扫一扫', '当前位置']) expect(all).not.toContain(junk);
  });
});

describe('seed 000: tasks', () => {
  it('finds the 29 numbered tasks in order and the 4 保障措施 items', () => {
    expect(numbered.map((t) => Number(t.id.split('.').pop()))).toEqual(Array.from({ length: 29 }, (_, i) => i + 1));
    const guarantees = imp.tasks.filter((t) => t.category === '保障措施');
    expect(guarantees.map((t) => t.id)).toEqual(['四.（一）', '四.（二）', '四.（三）', '四.（四）']);
    expect(guarantees.map((t) => t.title)).toEqual(['加强组织保障', '强化资金保障', '构建评价体系', '加强宣传引导']);
    expect(guarantees[1]!.leads.map((m) => m.input)).toEqual(['区财政局', '区科协']);
    expect(imp.tasks).toHaveLength(33);
  });

  it.each(seed000Owners())('task $num has the leads and partners its bracket names', ({ num, leads, partners }) => {
    const t = byNum.get(num)!;
    expect(inputs(t.leads)).toEqual(leads);
    expect(inputs(t.partners)).toEqual(partners);
    expect(t.owners.source).toBe('bracket');
    expect(t.content).not.toContain('牵头单位');
  });

  it('reads the faulty brackets: 〔 closed by ) (task 11) and 、 before 责任单位 (task 14)', () => {
    expect(inputs(byNum.get('11')!.partners).at(-1)).toBe('各街道');
    expect(byNum.get('11')!.owners.faults.join()).toContain('结尾');
    expect(inputs(byNum.get('14')!.leads)).toEqual(['区委组织部']);
    expect(inputs(byNum.get('14')!.partners)).toEqual(['区全民科学素质纲要实施工作办公室其他成员单位', '各街道']);
    expect(imp.findings.filter((f) => f.code === 'plan.owner-fault').map((f) => f.params.id)).toEqual(['二.（四）.11', '二.（五）.14']);
  });

  it.each([
    { num: '1', id: '二.（一）.1', category: '提升行动', population: '青少年', title: '培养青少年科学精神' },
    { num: '5', id: '二.（二）.5', category: '提升行动', population: '城镇居民', title: '扩大科普宣传渠道和覆盖面' },
    { num: '8', id: '二.（三）.8', category: '提升行动', population: '产业工人', title: '开展职业技能培训' },
    { num: '12', id: '二.（四）.12', category: '提升行动', population: '老年人', title: '开展健康养老科普服务' },
    { num: '15', id: '二.（五）.15', category: '提升行动', population: '领导干部和公务员', title: '加强科学素质教育培训' },
  ])('task $num: id $id, $category, population $population', ({ num, id, category, population, title }) => {
    const t = byNum.get(num)!;
    expect(t).toMatchObject({ id, category, title });
    expect(t.population?.canonical).toBe(population);
  });

  it.each([
    { num: '16', project: '科普基础设施工程', label: '科普基础设施建设工程' },
    { num: '18', project: '科技资源科普化工程', label: '科技资源科普转化工程' },
    { num: '21', project: '基层科普能力提升工程', label: null },
    { num: '24', project: '科普信息化提升工程', label: '科普信息化工程' },
    { num: '29', project: '科普人才建设工程', label: '人才队伍建设工程' },
  ])('task $num belongs to the project $project', ({ num, project, label }) => {
    const t = byNum.get(num)!;
    expect(t.category).toBe('重点工程');
    expect(t.project?.canonical).toBe(project);
    if (label) expect(t.group).toContain(label);
  });

  it('keeps title and content apart', () => {
    const t = byNum.get('1')!;
    expect(t.title).toBe('培养青少年科学精神');
    expect(t.content.startsWith('将弘扬科学精神贯穿于育人全链条')).toBe(true);
    expect(t.content.endsWith('激发青少年好奇心和想象力。')).toBe(true);
  });
});

describe('seed 000: targets', () => {
  const targets = (num: string) => byNum.get(num)!.targets;

  it('task 2: 每年…不少于50场', () => {
    expect(targets('2')).toHaveLength(1);
    expect(targets('2')[0]).toMatchObject({ value: 50, unit: '场', recurrence: 'annual' });
  });

  it('task 3: 3所, 3所 and 5所 by 2025', () => {
    expect(targets('3').map((t) => [t.value, t.unit])).toEqual([
      [3, '所'],
      [3, '所'],
      [5, '所'],
    ]);
    expect(targets('3')[2]!.year).toBe(2025);
  });

  it('task 29: 8000人 by 2025', () => {
    expect(targets('29')).toHaveLength(1);
    expect(targets('29')[0]).toMatchObject({ value: 8000, unit: '人', year: 2025 });
  });

  it('task 23: 居民健康素养水平达到31% by 2025', () => {
    expect(targets('23')[0]).toMatchObject({ value: 31, unit: '%', year: 2025 });
  });

  it('qualitative tasks carry no targets and no finding', () => {
    expect(targets('6')).toEqual([]);
    expect(imp.findings.some((f) => f.params.id === '二.（二）.6' && f.severity !== 'info')).toBe(false);
  });
});
