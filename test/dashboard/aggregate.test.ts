// Aggregates against figures counted by hand from test/dashboard/fixture.ts.
import { describe, expect, it } from 'vitest';
import {
  byJurisdiction,
  byPopulation,
  byProject,
  byUnit,
  dashboardSummary,
  facets,
  filterTasks,
  formatCount,
  formatPercent,
  NONE,
  periodSortKey,
  sortUnits,
  statusCounts,
  trend,
} from '../../shared/aggregate';
import type { TaskFilter } from '../../shared/aggregate';
import { FIXTURE } from './fixture';

describe('statusCounts', () => {
  it.each([
    [{}, { 已完成: 3, 正常: 3, 滞后: 2, 逾期: 1, 未启动: 1, 未填报: 1 }],
    [{ jurisdiction: '成都市锦江区' }, { 已完成: 3, 正常: 3, 滞后: 1, 逾期: 1, 未启动: 0, 未填报: 1 }],
    [{ period: '2023年上半年' }, { 已完成: 1, 正常: 2, 滞后: 1, 逾期: 0, 未启动: 0, 未填报: 1 }],
    [{ unit: '区科协' }, { 已完成: 1, 正常: 2, 滞后: 1, 逾期: 0, 未启动: 1, 未填报: 0 }],
  ] as [TaskFilter, Record<string, number>][])('filter %j', (filter, want) => {
    const got = Object.fromEntries(statusCounts(filterTasks(FIXTURE, filter)).map((s) => [s.status, s.count]));
    expect(got).toEqual(want);
  });

  it('lists the six statuses in the fixed order', () => {
    expect(statusCounts([]).map((s) => s.status)).toEqual(['已完成', '正常', '滞后', '逾期', '未启动', '未填报']);
  });
});

describe('byPopulation', () => {
  const rows = byPopulation(FIXTURE);
  it.each([
    // key, total, quantified, completion (mean of min(c,1)), 已完成, 滞后
    ['青少年', 5, 4, (0.46 + 0.2 + 1 + 0.4) / 4, 1, 1],
    ['农民', 2, 1, 0.3, 0, 0],
    ['老年人', 1, 0, null, 0, 0],
    ['产业工人', 0, 0, null, 0, 0],
    [NONE, 3, 3, (1 + 1 + 0.5) / 3, 2, 1],
  ])('%s', (key, total, quantified, rate, done, behind) => {
    const g = rows.find((r) => r.key === key)!;
    expect(g.total).toBe(total);
    expect(g.quantified).toBe(quantified);
    if (rate === null) expect(g.completionRate).toBeNull();
    else expect(g.completionRate).toBeCloseTo(rate as number, 10);
    expect(g.counts['已完成']).toBe(done);
    expect(g.counts['滞后']).toBe(behind);
  });

  it('lists the six populations in canonical order, unclassified last', () => {
    expect(rows.map((r) => r.key)).toEqual(['青少年', '农民', '产业工人', '老年人', '领导干部和公务员', '城镇居民', NONE]);
  });
});

describe('byProject and byJurisdiction', () => {
  it.each([
    ['科普基础设施工程', 2, 1, 2],
    ['科普信息化提升工程', 1, 0.5, 0],
    ['科技资源科普化工程', 0, null, 0],
  ])('project %s: %i tasks', (key, total, rate, done) => {
    const g = byProject(FIXTURE).find((r) => r.key === key)!;
    expect([g.total, g.completionRate, g.counts['已完成']]).toEqual([total, rate, done]);
  });

  it.each([
    ['成都市锦江区', 9],
    ['重庆市綦江区', 2],
  ])('jurisdiction %s: %i tasks', (key, total) => {
    expect(byJurisdiction(FIXTURE).find((r) => r.key === key)!.total).toBe(total);
  });
});

describe('byUnit', () => {
  const units = byUnit(FIXTURE);
  it.each([
    // unit, led, completed, behind, overdue, unreported
    ['区教育局', 5, 1, 1, 0, 0],
    ['区科协', 5, 1, 1, 0, 0],
    ['区农业农村局', 2, 0, 0, 1, 1],
    ['区新经济和科技局', 2, 2, 0, 0, 0],
    ['区委宣传部', 1, 0, 1, 0, 0],
  ])('%s', (unit, led, completed, behind, overdue, unreported) => {
    const u = units.find((x) => x.unit === unit)!;
    expect([u.led, u.completed, u.behind, u.overdue, u.unreported]).toEqual([led, completed, behind, overdue, unreported]);
  });

  it('counts a task once per lead unit', () => {
    expect(units.reduce((n, u) => n + u.led, 0)).toBe(FIXTURE.reduce((n, t) => n + t.leads.length, 0));
  });

  it.each([
    ['overdue', 'desc', '区农业农村局'],
    ['behind', 'desc', '区教育局'],
    ['led', 'asc', '区委宣传部'],
    ['completed', 'desc', '区新经济和科技局'],
  ] as const)('sorted by %s %s starts with %s', (key, dir, first) => {
    expect(sortUnits(units, key, dir)[0]!.unit).toBe(first);
  });
});

describe('trend', () => {
  it('averages completion per population per period, in time order', () => {
    const t = trend(FIXTURE, 'population');
    expect(t.periods).toEqual(['2023年上半年', '2023年下半年']);
    expect(t.keys).toEqual(['青少年', '农民', NONE]);
    expect(t.rows[0]!['青少年']).toBeCloseTo((0.46 + 0.2) / 2, 10);
    expect(t.rows[1]!['青少年']).toBeCloseTo((1 + 0.4) / 2, 10);
    expect(t.rows[0]!['农民']).toBeNull();
    expect(t.rows[1]!['农民']).toBeCloseTo(0.3, 10);
  });

  it('caps completion at 100% per task', () => {
    const t = trend(FIXTURE, 'project');
    expect(t.rows[0]!['科普基础设施工程']).toBe(1);
    expect(t.rows[1]!['科普信息化提升工程']).toBe(0.5);
  });
});

describe('filters and facets', () => {
  it.each([
    [{ population: '青少年' }, 5],
    [{ population: '青少年', period: '2023年下半年' }, 2],
    [{ project: '科普基础设施工程', status: '已完成' }, 2],
    [{ population: NONE }, 3],
    [{ unit: '区农业农村局', status: '逾期' }, 1],
    [{ jurisdiction: '重庆市綦江区', unit: '区教育局' }, 0],
  ] as [TaskFilter, number][])('%j keeps %i tasks', (filter, n) => {
    expect(filterTasks(FIXTURE, filter)).toHaveLength(n);
    expect(dashboardSummary(FIXTURE, filter).total).toBe(n);
  });

  it('offers each value once, periods in time order', () => {
    const f = facets(FIXTURE);
    expect(f.jurisdiction).toEqual(['成都市锦江区', '重庆市綦江区']);
    expect(f.period).toEqual(['2023年上半年', '2023年下半年']);
    expect(f.population).toEqual(['青少年', '农民', '老年人', NONE]);
    expect(f.unit).toHaveLength(6);
  });
});

describe('periods and numbers', () => {
  it.each([
    ['2023年第一季度', '2023Q2'],
    ['2023Q2', '2023年下半年'],
    ['2023年上半年', '2023年第三季度'],
    ['2022年', '2023年第一季度'],
    ['2023年第四季度', '2024Q1'],
  ])('%s comes before %s', (a, b) => {
    expect(periodSortKey(a)).toBeLessThan(periodSortKey(b));
  });

  it.each([
    [42, '42'],
    [9999, '9999'],
    [12345, '1.23万'],
    [100000, '10万'],
    [150000000, '1.5亿'],
  ])('formatCount(%d) = %s', (n, s) => expect(formatCount(n)).toBe(s));

  it.each([
    [0.1234, '12.3%'],
    [1, '100%'],
    [0, '0%'],
    [null, '—'],
  ])('formatPercent(%s) = %s', (r, s) => expect(formatPercent(r)).toBe(s));
});

describe('dashboardSummary (one pass) agrees with the separate group-bys', () => {
  it.each([{}, { jurisdiction: '成都市锦江区' }, { population: '青少年' }, { unit: '区科协', period: '2023年下半年' }] as TaskFilter[])('%j', (filter) => {
    const tasks = filterTasks(FIXTURE, filter);
    const s = dashboardSummary(FIXTURE, filter);
    expect(s.status).toEqual(statusCounts(tasks));
    expect(s.populations).toEqual(byPopulation(tasks));
    expect(s.projects).toEqual(byProject(tasks));
    expect(s.jurisdictions).toEqual(byJurisdiction(tasks));
    expect(s.units).toEqual(byUnit(tasks));
    expect(s.populationTrend).toEqual(trend(tasks, 'population'));
    expect(s.projectTrend).toEqual(trend(tasks, 'project'));
  });
});
