// Aggregates against figures counted by hand from test/dashboard/fixture.ts
// (row numbers in the comments are the fixture's).
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
  LATEST,
  lightCounts,
  NONE,
  OTHERS,
  othersSummary,
  periodChoices,
  periodSortKey,
  sortUnits,
  statusCounts,
  trend,
  trendFilter,
} from '../../shared/aggregate';
import type { TaskFilter } from '../../shared/aggregate';
import { FIXTURE } from './fixture';

describe('statusCounts', () => {
  it.each([
    [{}, { 已完成: 3, 正常: 4, 滞后: 4, 逾期: 1, 未启动: 1, 未填报: 1 }],
    [{ jurisdiction: '成都市锦江区' }, { 已完成: 3, 正常: 4, 滞后: 3, 逾期: 1, 未启动: 0, 未填报: 1 }],
    [{ period: '2023年上半年' }, { 已完成: 1, 正常: 2, 滞后: 2, 逾期: 0, 未启动: 0, 未填报: 1 }],
    [{ unit: '区科协' }, { 已完成: 1, 正常: 2, 滞后: 3, 逾期: 0, 未启动: 1, 未填报: 0 }],
    // each jurisdiction's latest period: 锦江区 2023年下半年 (rows 6–11) and 綦江区's only one (12, 13)
    [{ period: LATEST }, { 已完成: 2, 正常: 2, 滞后: 2, 逾期: 1, 未启动: 1, 未填报: 0 }],
  ] as [TaskFilter, Record<string, number>][])('filter %j', (filter, want) => {
    const got = Object.fromEntries(statusCounts(filterTasks(FIXTURE, filter)).map((s) => [s.status, s.count]));
    expect(got).toEqual(want);
  });

  it.each([
    [{}, { 绿: 7, 黄: 4, 红: 3 }],
    [{ period: LATEST }, { 绿: 4, 黄: 2, 红: 2 }],
    [{ jurisdiction: '重庆市綦江区' }, { 绿: 0, 黄: 2, 红: 0 }],
  ] as [TaskFilter, Record<string, number>][])('lights %j', (filter, want) => {
    expect(Object.fromEntries(lightCounts(filterTasks(FIXTURE, filter)).map((s) => [s.light, s.count]))).toEqual(want);
    expect(Object.fromEntries(dashboardSummary(FIXTURE, filter).lights.map((s) => [s.light, s.count]))).toEqual(want);
  });

  it('lists the six statuses in the fixed order', () => {
    expect(statusCounts([]).map((s) => s.status)).toEqual(['已完成', '正常', '滞后', '逾期', '未启动', '未填报']);
  });
});

describe('byPopulation', () => {
  const rows = byPopulation(FIXTURE);
  it.each([
    // key, total, quantified, completion (mean of min(c,1)), 已完成, 滞后, 红
    ['青少年', 5, 4, (0.46 + 0.2 + 1 + 0.4) / 4, 1, 1, 0],
    ['农民', 2, 1, 0.3, 0, 0, 1],
    ['老年人', 1, 0, null, 0, 0, 0],
    ['产业工人', 0, 0, null, 0, 0, 0],
  ])('%s', (key, total, quantified, rate, done, behind, red) => {
    const g = rows.find((r) => r.key === key)!;
    expect(g.total).toBe(total);
    expect(g.quantified).toBe(quantified);
    if (rate === null) expect(g.completionRate).toBeNull();
    else expect(g.completionRate).toBeCloseTo(rate as number, 10);
    expect(g.counts['已完成']).toBe(done);
    expect(g.counts['滞后']).toBe(behind);
    expect(g.lights['红']).toBe(red);
  });

  it('lists the six populations in canonical order and counts population tasks only: no 未分类 bar', () => {
    expect(rows.map((r) => r.key)).toEqual(['青少年', '农民', '产业工人', '老年人', '领导干部和公务员', '城镇居民']);
    expect(rows.reduce((n, r) => n + r.total, 0)).toBe(8);
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

  it('projects count project tasks only: no 未分类 bar', () => {
    expect(byProject(FIXTURE).some((g) => g.key === NONE)).toBe(false);
    expect(byProject(FIXTURE).reduce((n, r) => n + r.total, 0)).toBe(3);
  });

  it('tasks of neither a population nor a project are one row of their own', () => {
    // rows 5, 10 (加强组织领导, red twice) and 11 (强化经费保障)
    const o = othersSummary(FIXTURE);
    expect(o).toEqual({ key: OTHERS, total: 3, quantified: 0, completionRate: null, counts: { 已完成: 0, 正常: 1, 滞后: 2, 逾期: 0, 未启动: 0, 未填报: 0 }, lights: { 绿: 1, 黄: 0, 红: 2 } });
    // population + project + others covers every task once (none of the fixture has both)
    expect(8 + 3 + o.total).toBe(FIXTURE.length);
  });

  it.each([
    ['成都市锦江区', 12],
    ['重庆市綦江区', 2],
  ])('jurisdiction %s: %i tasks', (key, total) => {
    expect(byJurisdiction(FIXTURE).find((r) => r.key === key)!.total).toBe(total);
  });
});

describe('byUnit (the scorecard)', () => {
  const units = dashboardSummary(FIXTURE).units;
  it.each([
    // unit, led, completed, behind, overdue, unreported, 绿, 黄, 红, 进展未更新
    ['区教育局', 5, 1, 1, 0, 0, 4, 1, 0, 1],
    ['区科协', 7, 1, 3, 0, 0, 3, 2, 2, 2],
    ['区农业农村局', 2, 0, 0, 1, 1, 0, 1, 1, 0],
    ['区新经济和科技局', 2, 2, 0, 0, 0, 2, 0, 0, 0],
    ['区委宣传部', 1, 0, 1, 0, 0, 0, 1, 0, 0],
    ['区财政局', 1, 0, 0, 0, 0, 1, 0, 0, 0],
    ['区卫生健康委', 1, 0, 0, 0, 0, 0, 1, 0, 0],
  ])('%s', (unit, ...want) => {
    const u = units.find((x) => x.unit === unit)!;
    expect([u.led, u.completed, u.behind, u.overdue, u.unreported, u.green, u.yellow, u.red, u.stale]).toEqual(want);
  });

  it('lists every unit once and counts a task once per lead unit', () => {
    expect(units).toHaveLength(7);
    expect(units.reduce((n, u) => n + u.led, 0)).toBe(FIXTURE.reduce((n, t) => n + t.leads.length, 0));
  });

  it('byUnit alone counts no stale task (it knows no previous period)', () => {
    expect(byUnit(FIXTURE).find((u) => u.unit === '区科协')!.stale).toBe(0);
    expect(byUnit(FIXTURE, (i) => i === 10).find((u) => u.unit === '区科协')!.stale).toBe(1);
  });

  it.each([
    ['overdue', 'desc', '区农业农村局'],
    ['behind', 'desc', '区科协'],
    ['red', 'desc', '区科协'],
    ['stale', 'desc', '区科协'],
    ['led', 'asc', '区委宣传部'],
    ['completed', 'desc', '区新经济和科技局'],
  ] as const)('sorted by %s %s starts with %s', (key, dir, first) => {
    expect(sortUnits(units, key, dir)[0]!.unit).toBe(first);
  });
});

describe('trend', () => {
  it('averages completion per population per period, in time order; no 未分类 series', () => {
    const t = trend(FIXTURE, 'population');
    expect(t.periods).toEqual(['2023年上半年', '2023年下半年']);
    expect(t.keys).toEqual(['青少年', '农民']);
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

  it("the summary's trend uses every period whatever the period filter", () => {
    const latest = dashboardSummary(FIXTURE, { period: LATEST });
    expect(latest.populationTrend).toEqual(trend(FIXTURE, 'population'));
    expect(dashboardSummary(FIXTURE, { period: LATEST, jurisdiction: '重庆市綦江区' }).populationTrend.periods).toEqual(['2023年下半年']);
  });
});

describe('filters and facets', () => {
  it.each([
    [{ population: '青少年' }, 5],
    [{ population: '青少年', period: '2023年下半年' }, 2],
    [{ project: '科普基础设施工程', status: '已完成' }, 2],
    [{ population: NONE }, 6],
    [{ unit: '区农业农村局', status: '逾期' }, 1],
    [{ jurisdiction: '重庆市綦江区', unit: '区教育局' }, 0],
    [{ period: LATEST }, 8],
    [{ light: '红' }, 3],
    [{ period: LATEST, light: '红' }, 2],
    [{ change: 'done' }, 1],
    [{ change: 'red' }, 1],
    [{ change: 'still-red' }, 1],
    [{ change: 'stale' }, 2],
    [{ change: 'stale', unit: '区教育局' }, 1],
    [{ change: 'stale', period: '2023年上半年' }, 0],
  ] as [TaskFilter, number][])('%j keeps %i tasks', (filter, n) => {
    expect(filterTasks(FIXTURE, filter)).toHaveLength(n);
    expect(dashboardSummary(FIXTURE, filter).total).toBe(n);
  });

  it('offers each value once, periods in time order', () => {
    const f = facets(FIXTURE);
    expect(f.jurisdiction).toEqual(['成都市锦江区', '重庆市綦江区']);
    expect(f.period).toEqual(['2023年上半年', '2023年下半年']);
    expect(periodChoices(f.period)).toEqual([LATEST, '2023年上半年', '2023年下半年']);
    expect(f.population).toEqual(['青少年', '农民', '老年人', NONE]);
    expect(f.unit).toHaveLength(7);
    expect(f.light).toEqual(['绿', '黄', '红']);
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
  it.each([{}, { jurisdiction: '成都市锦江区' }, { population: '青少年' }, { unit: '区科协', period: '2023年下半年' }, { period: LATEST }] as TaskFilter[])('%j', (filter) => {
    const tasks = filterTasks(FIXTURE, filter);
    const s = dashboardSummary(FIXTURE, filter);
    expect(s.status).toEqual(statusCounts(tasks));
    expect(s.lights).toEqual(lightCounts(tasks));
    expect(s.populations).toEqual(byPopulation(tasks));
    expect(s.projects).toEqual(byProject(tasks));
    expect(s.others).toEqual(othersSummary(tasks));
    expect(s.jurisdictions).toEqual(byJurisdiction(tasks));
    const staleRows = new Set(filterTasks(FIXTURE, { ...filter, change: 'stale' }));
    expect(s.units).toEqual(byUnit(tasks, (i) => staleRows.has(tasks[i]!)));
    const all = filterTasks(FIXTURE, trendFilter(filter));
    expect(s.populationTrend).toEqual(trend(all, 'population'));
    expect(s.projectTrend).toEqual(trend(all, 'project'));
  });
});
