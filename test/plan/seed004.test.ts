// Seed 004 (綦江区): 5 actions and 5 projects with numbered measures, owners in
// an annex table matched back to each action or project.
import { describe, expect, it } from 'vitest';
import { imported, seed004Rows, split } from './seeds';

const imp = imported('004');
const actions = imp.tasks.filter((t) => t.category === '提升行动');
const projects = imp.tasks.filter((t) => t.category === '重点工程');

describe('seed 004: plan', () => {
  it('reads title (over two lines), jurisdiction, level and period', () => {
    expect(imp.plan.title).toBe('重庆市綦江区全民科学素质行动规划纲要实施方案（2021―2025年）');
    expect(imp.plan.jurisdiction).toBe('重庆市綦江区');
    expect(imp.plan.level).toBe('区县');
    expect(imp.plan.period).toEqual({ start: 2021, end: 2025 });
  });

  it('reads the headline goal: 15% by 2025, baseline 8.8% (2020) and 6.5% (2017)', () => {
    const g = imp.plan.goal!;
    expect(g.indicator).toBe('公民具备科学素质的比例');
    expect(g.target).toMatchObject({ year: 2025, value: 15, stretch: null, comparator: '>' });
    expect(g.baseline).toEqual([
      { year: 2020, value: 8.8 },
      { year: 2017, value: 6.5 },
    ]);
  });
});

describe('seed 004: actions and projects', () => {
  it('has 20 action measures and 19 project measures, nothing else', () => {
    expect(actions).toHaveLength(20);
    expect(projects).toHaveLength(19);
    expect(imp.tasks).toHaveLength(39);
  });

  it.each([
    { n: 1, measures: 6, population: '青少年' },
    { n: 2, measures: 4, population: '农民' },
    { n: 3, measures: 4, population: '产业工人' },
    { n: 4, measures: 3, population: '老年人' },
    { n: 5, measures: 3, population: '领导干部和公务员' },
  ])('action $n has $measures measures for $population', ({ n, measures, population }) => {
    const mine = actions.filter((t) => t.id.startsWith(`三.（一）.${n}.`));
    expect(mine.map((t) => t.id)).toEqual(Array.from({ length: measures }, (_, i) => `三.（一）.${n}.（${i + 1}）`));
    expect(mine.every((t) => t.population?.canonical === population)).toBe(true);
  });

  it.each([
    { n: 1, measures: 4, project: '科技资源科普化工程' },
    { n: 2, measures: 4, project: '科普信息化提升工程' },
    { n: 3, measures: 4, project: '科普基础设施工程' },
    { n: 4, measures: 4, project: '基层科普能力提升工程' },
    { n: 5, measures: 3, project: '科学素质国际交流合作工程' },
  ])('project $n has $measures measures of $project', ({ n, measures, project }) => {
    const mine = projects.filter((t) => t.id.startsWith(`三.（二）.${n}.`));
    expect(mine).toHaveLength(measures);
    expect(mine.every((t) => t.project?.canonical === project)).toBe(true);
  });

  const rows = seed004Rows();
  it('reads 10 rows in the annex table', () => expect(rows).toHaveLength(10));

  it.each(rows)('$category $name: every measure carries the owners of its row', ({ category, name, leads, partners }) => {
    const n = /^(\d)/.exec(name)![1];
    const section = category === '提升行动' ? '（一）' : '（二）';
    const mine = imp.tasks.filter((t) => t.id.startsWith(`三.${section}.${n}.`));
    expect(mine.length).toBeGreaterThan(2);
    for (const t of mine) {
      expect(t.owners.source).toBe('annex-table');
      expect(t.leads.map((m) => m.input)).toEqual(split(leads));
      expect(t.partners.map((m) => m.input)).toEqual(split(partners));
    }
  });

  it('keeps the 组织实施 section as structure (no owners, not tasks)', () => {
    expect(imp.outline.map((n) => n.title)).toContain('组织实施');
    expect(imp.tasks.some((t) => t.id.startsWith('四'))).toBe(false);
  });

  it('action 2 (2): 3000人次以上', () => {
    const t = imp.tasks.find((x) => x.id === '三.（一）.2.（2）')!;
    expect(t.title).toBe('实施高素质农民培育计划');
    expect(t.targets[0]).toMatchObject({ value: 3000, unit: '人次' });
  });

  it('reports no unmatched annex rows', () => {
    expect(imp.findings.filter((f) => f.code === 'plan.annex-row-unmatched')).toEqual([]);
  });
});
