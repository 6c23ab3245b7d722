// Progress copied from the previous period (shared/progress/stale.ts): tasks
// matched with the merge's identity rules, texts compared without spaces and
// punctuation, done tasks never stale; and the pairing of periods in a merge.
import { describe, expect, it } from 'vitest';
import { findStaleProgress, periodPairs, type StaleTask } from '../../shared/progress';
import type { LedgerMeta, Status } from '../../shared/model';

const task = (row: number, id: string, title: string, progressText: string, status: Status = '正常', leadsText = '区科协'): StaleTask => ({
  sheet: '任务台账',
  row,
  id,
  title,
  content: `${title}的具体内容`,
  leadsText,
  leads: [],
  progressText,
  status,
});

describe('findStaleProgress', () => {
  const previous = [
    task(4, '1', '开展青少年科技活动', '已开展科技月活动，正在推进。'),
    task(5, '2', '建设科普基地', '已完成选址'),
    task(6, '3', '培训科技教师', '尚未启动'),
    task(7, '4', '加强科普宣传', ''),
    task(8, '5', '建设社区科普馆', '已建成'),
  ];

  it.each<[string, StaleTask, boolean]>([
    ['the same text', task(4, '1', '开展青少年科技活动', '已开展科技月活动，正在推进。'), true],
    ['the same words with other spaces and punctuation', task(4, '1', '开展青少年科技活动', '已开展科技月活动 正在推进'), true],
    ['with a full stop added', task(5, '2', '建设科普基地', '已完成选址。'), true],
    ['a new text', task(4, '1', '开展青少年科技活动', '已开展科技月活动，完成培训200人次'), false],
    ['renumbered, found by its text and lead', task(9, '7', '培训科技教师', '尚未启动'), true],
    ['renumbered under another lead: not the same task', task(9, '7', '培训科技教师', '尚未启动', '正常', '区教育局'), false],
    ['done now: never stale', task(8, '5', '建设社区科普馆', '已建成', '已完成'), false],
    ['empty now and before: not a copy, 未填报 says it', task(7, '4', '加强科普宣传', ''), false],
    ['a task the previous period did not have', task(10, '9', '新增任务', '尚未启动'), false],
  ])('%s → %s', (_n, t, stale) => {
    const got = findStaleProgress([t], previous);
    expect(got.length).toBe(stale ? 1 : 0);
    if (stale) expect(got[0]!.previous.progressText.replace(/[\s，。]/g, '')).toBe(t.progressText.replace(/[\s，。]/g, ''));
  });

  it('keeps the order of the current tasks', () => {
    const cur = [task(6, '3', '培训科技教师', '尚未启动'), task(4, '1', '开展青少年科技活动', '已开展科技月活动，正在推进。')];
    expect(findStaleProgress(cur, previous).map((m) => m.task.row)).toEqual([6, 4]);
  });

  it('nothing to compare with: nothing stale', () => {
    expect(findStaleProgress(previous, [])).toEqual([]);
  });
});

describe('periodPairs', () => {
  const meta = (jurisdiction: string | null, period: string | null, asOf: string | null = null): LedgerMeta => ({ jurisdiction, period, asOf, title: null, planPeriod: null });

  it('pairs each period with the one before, per jurisdiction, whatever the file order', () => {
    const pairs = periodPairs([
      meta('成都市锦江区', '2023年下半年'),
      meta('重庆市綦江区', '2023年第二季度'),
      meta('成都市锦江区', '2023年上半年'),
      meta('重庆市綦江区', '2023年第一季度'),
      meta('成都市锦江区', '2023年上半年'), // a second unit of the same period
      meta('成都市锦江区', '2024年第一季度'),
    ]);
    const named = pairs.map((p) => [p.current.jurisdiction, p.previous.period, p.current.period, p.previous.files, p.current.files]);
    expect(named).toEqual([
      ['成都市锦江区', '2023年上半年', '2023年下半年', [2, 4], [0]],
      ['成都市锦江区', '2023年下半年', '2024年第一季度', [0], [5]],
      ['重庆市綦江区', '2023年第一季度', '2023年第二季度', [3], [1]],
    ]);
  });

  it('a file naming no jurisdiction takes the batch’s only one; periods by 截至日期 when unnamed', () => {
    const pairs = periodPairs([meta(null, null, '2023-12-31'), meta('成都市锦江区', null, '2023-06-30')]);
    expect(pairs.map((p) => [p.previous.files, p.current.files])).toEqual([[[1], [0]]]);
  });

  it('one period alone, or files without a period or date, give no pair', () => {
    expect(periodPairs([meta('成都市锦江区', '2023年上半年'), meta('成都市锦江区', '2023年上半年')])).toEqual([]);
    expect(periodPairs([meta('成都市锦江区', null), meta('成都市锦江区', null)])).toEqual([]);
  });
});
