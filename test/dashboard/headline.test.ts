// The headline indicator read off ledger rows (goal in the target, measured
// value in 完成值, baseline in 备注); latest period per jurisdiction.
import { describe, expect, it } from 'vitest';
import { headlines } from '../../shared/aggregate';
import type { HeadlineTask } from '../../shared/aggregate';

function row(jurisdiction: string, period: string, title: string, goal: number | null, actual: number | null, note = ''): HeadlineTask {
  return {
    id: '指标1',
    title,
    content: !title.includes('比例') ? '每年开展科普活动不少于50场' : goal === null ? '' : `全区公民具备科学素质的比例超过${goal}%`,
    note,
    status: '正常',
    light: '绿',
    population: null,
    project: null,
    leads: [{ input: '区科协', name: '区科协' }],
    leadsText: '区科协',
    progressText: '',
    sheet: '任务台账',
    row: 3,
    completion: null,
    meta: { jurisdiction, period },
    targets: goal === null ? [] : [{ text: `超过${goal}%`, value: goal, unit: '%', comparator: '>', stretch: null, year: 2025, recurrence: null }],
    actual,
    deadlineYear: 2025,
  };
}

describe('headlines', () => {
  const tasks = [
    row('成都市锦江区', '2023年第一季度', '公民具备科学素质的比例', 18, 15.1),
    row('成都市锦江区', '2023年第四季度', '公民具备科学素质的比例', 18, 16.3),
    row('重庆市綦江区', '2023年第二季度', '公民具备科学素质的比例', null, 10.5, '基线：2020年 8.8%'),
    row('重庆市綦江区', '2023年第二季度', '开展青少年科技活动', 50, 23),
  ];

  it.each([
    ['成都市锦江区', { period: '2023年第四季度', goal: 18, comparator: '>', goalYear: 2025, current: 16.3, baseline: null, baselineYear: null, reached: false, gap: 1.7 }],
    ['重庆市綦江区', { period: '2023年第二季度', goal: null, comparator: null, goalYear: null, current: 10.5, baseline: 8.8, baselineYear: 2020, reached: null, gap: null }],
  ])('%s', (j, want) => {
    expect(headlines(tasks).find((h) => h.jurisdiction === j)).toEqual({ jurisdiction: j, ...want });
  });

  it.each([
    // comparator, goal, current → reached (超过18% is not reached at 18)
    ['>', 18, 18, false],
    ['>', 18, 18.2, true],
    ['>=', 18, 18, true],
    ['<=', 5, 6, false],
  ] as const)('against the goal: %s %d with %d → %s', (comparator, goal, current, reached) => {
    const t = row('成都市锦江区', '2025年', '公民具备科学素质的比例', goal, current);
    t.targets[0]!.comparator = comparator;
    expect(headlines([t])[0]!.reached).toBe(reached);
    expect(headlines([t])[0]!.gap).toBeCloseTo(goal - current, 9);
  });

  it('ignores ordinary tasks', () => {
    expect(headlines(tasks.slice(3))).toEqual([]);
  });
});
