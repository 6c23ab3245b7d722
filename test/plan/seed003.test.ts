// Seed 003 (national 2023 work points): 12 work points kept as plan structure,
// the 67 items of the ledger annex (任务台账) as the tasks.
import { describe, expect, it } from 'vitest';
import type { PlanNode } from '../../shared/plan';
import { imported, seed003Items, split } from './seeds';

const imp = imported('003');
const flat = (ns: PlanNode[]): PlanNode[] => ns.flatMap((n) => [n, ...flat(n.children)]);

describe('seed 003: plan', () => {
  it('is a national plan for a single year', () => {
    expect(imp.plan.title).toBe('2023年全民科学素质行动工作要点');
    expect(imp.plan.jurisdiction).toBe('国家');
    expect(imp.plan.level).toBe('国家');
    expect(imp.plan.period).toEqual({ start: 2023, end: 2023 });
  });

  it('keeps the 4 sections and 12 work points as the outline', () => {
    expect(imp.outline.map((n) => n.id)).toEqual(['一', '二', '三', '四']);
    const points = flat(imp.outline).filter((n) => n.rank === 3);
    expect(points.map((n) => Number(n.num))).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(points[0]).toMatchObject({ id: '一.1', title: '全面学习贯彻党的二十大精神' });
    expect(points[11]).toMatchObject({ id: '四.12', title: '加强制度和组织保障' });
    // work point 9 runs over several paragraphs
    expect(points[8]!.content).toContain('实施以智慧助老为重点的银龄科普行动');
    expect(points[8]!.content).toContain('千乡万村气象科普行');
  });
});

describe('seed 003: ledger annex', () => {
  const items = seed003Items();

  it('takes the 67 annex items as the tasks', () => {
    expect(imp.taskSource).toBe('ledger-annex');
    expect(items).toHaveLength(67);
    expect(imp.tasks.map((t) => t.id)).toEqual(items.map((i) => i.num));
    expect(imp.tasks.every((t) => t.kind === 'ledger-item')).toBe(true);
  });

  it.each(items.filter((i) => !/牵头|参与/.test(i.inner)))('item $num: the units in its parentheses lead', ({ num, inner }) => {
    const t = imp.tasks.find((x) => x.id === num)!;
    expect(t.leads.map((m) => m.input)).toEqual(split(inner));
    expect(t.partners).toEqual([]);
    expect(t.owners.source).toBe('parenthesis');
    expect(t.content).not.toMatch(/\([^()]*\)$/);
  });

  it('item 55: 中国科协 leads, the group 各成员单位 takes part', () => {
    const t = imp.tasks.find((x) => x.id === '55')!;
    expect(t.title).toBe('开展《纲要》实施情况中期评估');
    expect(t.leads.map((m) => m.input)).toEqual(['中国科协']);
    expect(t.partners.map((m) => m.input)).toEqual(['各成员单位']);
    expect(t.partners[0]!.matched).toBe('group');
  });

  it('resolves national units through the owner lookup', () => {
    const t = imp.tasks.find((x) => x.id === '11')!;
    expect(t.leads.map((m) => m.matched)).not.toContain('none');
    expect(t.leads.map((m) => m.name)).toContain('中华人民共和国教育部');
  });

  it('drops the page source line after the last item', () => {
    const last = imp.tasks.at(-1)!;
    expect(last.title).toBe('推进全民数字素养与技能监测评估');
    expect(last.content).not.toContain('来源');
  });

  it('item 11: 五项学科竞赛 is a target', () => {
    const t = imp.tasks.find((x) => x.id === '11')!;
    expect(t.targets.map((x) => x.value)).toContain(5);
  });
});
