// The leaders' core (shared/aggregate): each jurisdiction's latest period,
// what changed since the previous one, and the report the 通报 and 督办单 are
// written from; figures counted by hand from test/dashboard/fixture.ts.
import { describe, expect, it } from 'vitest';
import { CHANGE_BIT, changeKinds, DEFAULT_FILTER, latestPeriods, LATEST, leadersReport, periodChanges, periodTimeline, taskReason } from '../../shared/aggregate';
import type { LeaderTask, TaskFilter } from '../../shared/aggregate';
import { findStaleProgress } from '../../shared/progress';
import { FIXTURE, ROWS, taskOf } from './fixture';

const J = '成都市锦江区';
const Q = '重庆市綦江区';
const rowsOf = (tasks: readonly LeaderTask[]) => tasks.map((t) => FIXTURE.indexOf(t));

describe('periodTimeline', () => {
  it('orders each jurisdiction’s periods in time, marks the latest and the one before', () => {
    const { steps, stepOf } = periodTimeline(FIXTURE);
    expect(steps.map((s) => [s.jurisdiction, s.period, s.previous, s.latest, s.tasks])).toEqual([
      [J, '2023年上半年', null, false, 6],
      [J, '2023年下半年', '2023年上半年', true, 6],
      [Q, '2023年下半年', null, true, 2],
    ]);
    expect([...stepOf]).toEqual([0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2]);
  });

  it.each([
    // periods as written (with 截至日期), in the order given → the latest
    [['2023年第四季度', '2023年第一季度', '2023年第三季度'], '2023年第四季度'],
    [['2023年下半年', '2024Q1', '2023年'], '2024Q1'],
    [['2022年', '2023年上半年'], '2023年上半年'],
    // a period no label places (第二批) is latest only when it is alone
    [['第二批', '2023年上半年'], '2023年上半年'],
    [['第二批'], '第二批'],
  ])('%j → latest %s', (periods, latest) => {
    const tasks = periods.map((p) => ({ ...taskOf(ROWS[0]!), meta: { jurisdiction: J, period: p, asOf: null } }));
    expect(latestPeriods(tasks).map((l) => l.period)).toEqual([latest]);
  });

  it('places a period without a label by its 截至日期', () => {
    const tasks = [
      { ...taskOf(ROWS[0]!), meta: { jurisdiction: J, period: null, asOf: '2023-12-31' } },
      { ...taskOf(ROWS[0]!), meta: { jurisdiction: J, period: '2023年上半年', asOf: '2023-06-30' } },
    ];
    expect(latestPeriods(tasks)).toEqual([{ jurisdiction: J, period: '未分类', previous: '2023年上半年', asOf: '2023-12-31' }]);
  });
});

describe('periodChanges', () => {
  const ch = periodChanges(FIXTURE);
  it.each([
    // row, changes, the row it is matched with in the previous period
    [6, ['done'], 1],
    [7, ['stale'], 2],
    [8, ['red'], 3],
    [9, [], 4],
    [10, ['still-red', 'stale'], 5],
    [11, [], -1], // new in 下半年
    [12, [], -1], // 綦江区 has no earlier period
    [0, [], -1], // 锦江区's first period
  ])('row %i: %j (previous row %i)', (row, kinds, previous) => {
    expect(changeKinds(ch.flags[row]!)).toEqual(kinds);
    expect(ch.previous[row]).toBe(previous);
  });

  it('stale is the core’s own progress.stale test (findStaleProgress)', () => {
    const stale = FIXTURE.filter((_, i) => ch.flags[i]! & CHANGE_BIT.stale);
    expect(stale).toEqual(findStaleProgress(FIXTURE.slice(6, 12), FIXTURE.slice(0, 6)).map((m) => m.task));
  });

  it('matches a renumbered task by its text and leads, and not across jurisdictions', () => {
    const renumbered = { ...taskOf(ROWS[8]!), id: '99', content: '农民培训' };
    const before = { ...taskOf(ROWS[3]!), content: '农民培训' };
    const elsewhere = { ...taskOf(ROWS[3]!), meta: { jurisdiction: Q, period: '2023年上半年', asOf: null } };
    const c = periodChanges([before, elsewhere, renumbered]);
    expect(c.previous[2]).toBe(0);
    expect(changeKinds(c.flags[2]!)).toEqual(['red']);
  });
});

describe('leadersReport', () => {
  const report = leadersReport(FIXTURE);

  it('shows each jurisdiction’s latest period by default, with the period compared', () => {
    expect(report.filter).toEqual(DEFAULT_FILTER);
    expect(report.periods).toEqual([
      { jurisdiction: J, period: '2023年下半年', previous: '2023年上半年', asOf: '2023-12-31' },
      { jurisdiction: Q, period: '2023年下半年', previous: null, asOf: '2023-12-31' },
    ]);
    expect(rowsOf(report.tasks)).toEqual([6, 7, 8, 9, 10, 11, 12, 13]);
    expect(report.summary.total).toBe(8);
  });

  it('says what changed, with the previous period’s row', () => {
    expect(report.summary.changes).toEqual([{ jurisdiction: J, period: '2023年下半年', previous: '2023年上半年', compared: 5, counts: { done: 1, red: 1, 'still-red': 1, stale: 2 } }]);
    expect(Object.fromEntries(Object.entries(report.changed).map(([k, list]) => [k, list.map((c) => [FIXTURE.indexOf(c.task), FIXTURE.indexOf(c.previous!)])]))).toEqual({
      done: [[6, 1]],
      red: [[8, 3]],
      'still-red': [[10, 5]],
      stale: [[7, 2], [10, 5]],
    });
  });

  it('lists the red tasks by unit, the unit with most first', () => {
    expect(report.red.map((r) => [r.unit, rowsOf(r.tasks)])).toEqual([
      ['区科协', [10]],
      ['区农业农村局', [8]],
    ]);
    expect(taskReason(FIXTURE[8]!)).toBe('逾期（工作进展「尚未完成」）');
  });

  it('gives each lagging unit its 督办单: red first, then yellow, then stale; units by red, overdue, yellow', () => {
    const byUnit = Object.fromEntries(report.notices.map((n) => [n.unit, n]));
    expect(report.notices.map((n) => n.unit).slice(0, 2)).toEqual(['区农业农村局', '区科协']);
    expect(report.notices.map((n) => n.unit).at(-1)).toBe('区教育局');
    expect(new Set(report.notices.map((n) => n.unit))).toEqual(new Set(['区农业农村局', '区科协', '区委宣传部', '区卫生健康委', '区教育局']));
    expect(byUnit['区科协']!.items.map((i) => [FIXTURE.indexOf(i.task), i.reasons])).toEqual([
      [10, ['red', 'stale']],
      [13, ['yellow']],
      [7, ['stale']],
    ]);
    expect(byUnit['区科协']!.counts).toEqual({ red: 1, yellow: 1, overdue: 0, stale: 2 });
    expect(byUnit['区农业农村局']!.items.map((i) => [FIXTURE.indexOf(i.task), i.reasons])).toEqual([[8, ['red', 'overdue']]]);
  });

  it.each([
    // filter → tasks, red units, notices
    [{}, 14, 2, 5],
    [{ period: '2023年上半年' }, 6, 1, 3],
    [{ period: LATEST, jurisdiction: Q }, 2, 0, 3],
    // a unit's own lists, not its co-leads' (区教育局 on row 7, 区卫生健康委 on row 13)
    [{ period: LATEST, unit: '区科协' }, 4, 1, 1],
  ] as [TaskFilter, number, number, number][])('%j: %i tasks, %i units with red, %i 督办单', (filter, tasks, red, notices) => {
    const r = leadersReport(FIXTURE, filter);
    expect([r.tasks.length, r.red.length, r.notices.length]).toEqual([tasks, red, notices]);
    expect(r.summary.total).toBe(tasks);
  });

  it('the headline indicator is each jurisdiction’s latest unless a period is chosen', () => {
    const head = (period: string, actual: number): LeaderTask => ({
      ...taskOf([J, period, '0', '公民具备科学素质的比例', null, null, ['区科协'], null, '正常', '绿', '', '2025-12-31']),
      targets: [{ text: '超过18%', value: 18, unit: '%', comparator: '>', stretch: null, year: 2025, recurrence: null }],
      actual,
    });
    const tasks = [...FIXTURE, head('2023年上半年', 15.2), head('2023年下半年', 16.3)];
    expect(leadersReport(tasks).headlines.map((h) => [h.jurisdiction, h.period, h.current, h.reached, h.gap])).toEqual([[J, '2023年下半年', 16.3, false, 1.7]]);
    expect(leadersReport(tasks, { period: '2023年上半年' }).headlines.map((h) => h.current)).toEqual([15.2]);
  });
});
