// One status for every task (shared/progress/judge.ts): the evidence order,
// time (overdue, not begun, due today), the blue notice, and bad input.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, JudgeCache, judge, judgeContext, resolveSettings, type JudgeInput, type ProgressSettings } from '../../shared/progress';
import type { CellValue, Target } from '../../shared/model';

const cache = new JudgeCache();
const target = (value: number, over: Partial<Target> = {}): Target => ({ text: `不少于${value}场`, value, unit: '场', comparator: '>=', stretch: null, year: null, recurrence: null, ...over });
interface Row {
  status?: string;
  share?: CellValue;
  actual?: number | null;
  targets?: Target[];
  text?: string;
  deadline?: string;
}
const input = (r: Row): JudgeInput => ({
  statusText: r.status ?? '',
  shareRaw: r.share ?? null,
  actualRaw: r.actual ?? null,
  actual: r.actual ?? null,
  targets: r.targets ?? [],
  progressText: r.text ?? '',
  deadline: cache.deadline(r.deadline ?? '2023年12月底前', 2023),
});
const at = (asOf: string, settings: ProgressSettings = DEFAULT_SETTINGS) =>
  judgeContext(new Date(asOf + 'T00:00:00Z'), { plan: { start: 2021, end: 2025 }, ledgerYear: 2023, settings, cache });
const judged = (r: Row, asOf = '2023-06-30', settings?: ProgressSettings) => judge(input(r), at(asOf, settings));

describe('evidence order: reported word, target, share, text, deadline', () => {
  it.each<[string, Row, string, string, string]>([
    // [name, row, status, basis, evidence]
    ['a reported word wins over everything', { status: '已办结', actual: 10, targets: [target(50)], share: '20%', text: '尚未启动' }, '已完成', 'reported', '已办结'],
    ['a reported 滞后', { status: '进展缓慢', text: '正在推进' }, '滞后', 'reported', '进展缓慢'],
    ['a reported 未启动', { status: '尚未启动' }, '未启动', 'reported', '尚未启动'],
    ['the target with its 完成值 next', { actual: 30, targets: [target(50)], share: '10%', text: '已完成' }, '正常', 'target', '30/50场'],
    ['the target met', { actual: 50, targets: [target(50)] }, '已完成', 'target', '50/50场'],
    ['a 完成值 of 0: not started', { actual: 0, targets: [target(50)] }, '未启动', 'target', '0/50场'],
    ['a target without 完成值 passes to the share', { targets: [target(50)], share: '60%' }, '正常', 'share', '60%'],
    ['the share behind 序时进度', { share: '30%' }, '滞后', 'share', '30%'],
    ['a share of 100%', { share: '100%', text: '正在推进' }, '已完成', 'share', '100%'],
    ['a share of 0', { share: 0 }, '未启动', 'share', '0'],
    ['then the progress text', { text: '已于5月完成' }, '已完成', 'text', '已于5月完成'],
    ['a step is under way', { text: '已完成初稿，正在征求意见' }, '正常', 'text', '完成初稿'],
    ['a report without deciding words is under way', { text: '开展活动23场' }, '正常', 'text', '开展活动23场'],
    ['nothing reported', {}, '未填报', 'none', ''],
    ['未完成 keeps the pace of the rest', { status: '未完成', share: '20%' }, '滞后', 'share', '20%'],
    ['未完成 never takes the rest’s 已完成', { status: '未完成', text: '已完成' }, '正常', 'reported', '未完成'],
    ['未完成 alone is under way', { status: '否' }, '正常', 'reported', '否'],
  ])('%s', (_n, row, status, basis, evidence) => {
    expect(judged(row)).toMatchObject({ status, basis, evidence });
  });

  it('quantified is a property, not a status', () => {
    expect(judged({ targets: [target(5)], text: '按计划推进' })).toMatchObject({ status: '正常', quantified: true });
    expect(judged({ text: '按计划推进' })).toMatchObject({ status: '正常', quantified: false });
  });
});

describe('time', () => {
  it.each<[string, Row, string, string, string, string]>([
    // [name, row, asOf, status, light, basis]
    ['past its due day, under way → 逾期, red', { deadline: '2023年6月底前', text: '正在推进' }, '2023-07-01', '逾期', '红', 'deadline'],
    ['due on the as-of day: not yet overdue', { deadline: '2023年6月底前', text: '正在推进' }, '2023-06-30', '正常', '绿', 'text'],
    ['due today with the share trailing', { deadline: '2023年6月底前', share: '80%' }, '2023-06-30', '滞后', '黄', 'share'],
    ['past due and done: 已完成', { deadline: '2023年6月底前', text: '已完成' }, '2023-09-30', '已完成', '绿', 'text'],
    ['past due and nothing reported: 未填报, red', { deadline: '2023年6月底前' }, '2023-09-30', '未填报', '红', 'none'],
    ['past due, reported 滞后 → 逾期', { deadline: '2023年6月底前', status: '滞后' }, '2023-07-01', '逾期', '红', 'deadline'],
    ['长期 tasks are never overdue', { deadline: '长期坚持', text: '持续开展' }, '2030-01-01', '正常', '绿', 'text'],
    ['持续推进 and nothing reported: 未填报, not red', { deadline: '持续推进' }, '2030-01-01', '未填报', '黄', 'none'],
    ['a recurring task is judged within its cycle', { deadline: '每季度', text: '正在推进' }, '2024-02-01', '正常', '绿', 'text'],
    ['not begun and not reported: 正常 by its deadline', { deadline: '下半年' }, '2023-06-30', '正常', '绿', 'deadline'],
    ['not started and not yet meant to be: 正常', { deadline: '下半年', text: '尚未启动' }, '2023-06-30', '正常', '绿', 'deadline'],
    ['not started once its period runs: 未启动, never green', { deadline: '下半年', text: '尚未启动' }, '2023-07-02', '未启动', '黄', 'text'],
    ['not started far into its period: red', { deadline: '2023年12月底前', text: '尚未启动' }, '2023-06-30', '未启动', '红', 'text'],
  ])('%s', (_n, row, asOf, status, light, basis) => {
    expect(judged(row, asOf)).toMatchObject({ status, light, basis });
  });

  it('gives due, 序时进度 and the share done', () => {
    expect(judged({ deadline: '2023年12月底前', share: '40%' })).toMatchObject({ due: '2023-12-31', expected: 181 / 365, progress: 0.4 });
    expect(judged({ text: '已完成' })).toMatchObject({ progress: 1 });
    expect(judged({ text: '尚未启动' })).toMatchObject({ progress: 0 });
    expect(judged({ text: '正在推进' })).toMatchObject({ progress: null });
    expect(judged({ deadline: '长期坚持', text: '正在推进' })).toMatchObject({ due: null, expected: null });
  });

  it('a 30-point gap is yellow, beyond it red (序时进度 from the task’s own window)', () => {
    // 第三季度 as of 15 Aug: 46 of 92 days, exactly half.
    expect(judged({ deadline: '第三季度', share: '20%' }, '2023-08-15')).toMatchObject({ expected: 0.5, status: '滞后', light: '黄' });
    expect(judged({ deadline: '第三季度', share: '19%' }, '2023-08-15')).toMatchObject({ status: '滞后', light: '红' });
    expect(judged({ deadline: '第三季度', share: '50%' }, '2023-08-15')).toMatchObject({ status: '正常', light: '绿' });
  });

  it('the settings move the lines: yellow only beyond 10 points', () => {
    const s = resolveSettings({ yellowGap: 0.1 });
    expect(judged({ deadline: '第三季度', share: '45%' }, '2023-08-15', s)).toMatchObject({ status: '正常', light: '绿' });
    expect(judged({ deadline: '第三季度', share: '39%' }, '2023-08-15', s)).toMatchObject({ status: '滞后', light: '黄' });
  });
});

describe('the blue notice (due soon)', () => {
  it.each<[Row, string, boolean, number | null]>([
    [{ deadline: '2023年7月30日前', text: '正在推进' }, '2023-06-30', true, 30],
    [{ deadline: '2023年7月31日前', text: '正在推进' }, '2023-06-30', false, 31],
    [{ deadline: '2023年6月30日前', text: '正在推进' }, '2023-06-30', true, 0], // due on the day
    [{ deadline: '2023年6月30日前' }, '2023-06-20', true, 10], // not reported is not done
    [{ deadline: '2023年6月30日前', text: '已完成' }, '2023-06-20', false, 10],
    [{ deadline: '2023年6月30日前', text: '正在推进' }, '2023-07-01', false, -1], // overdue instead
    [{ deadline: '每月', text: '正在推进' }, '2023-06-20', false, 10], // recurring: not every month
    [{ deadline: '长期坚持', text: '正在推进' }, '2023-06-20', false, null],
  ])('%j as of %s → %s (%s days left)', (row, asOf, dueSoon, days) => {
    expect(judged(row, asOf)).toMatchObject({ dueSoon, daysLeft: days });
  });

  it('follows the setting', () => {
    expect(judged({ deadline: '2023年7月10日前', text: '正在推进' }, '2023-06-30', resolveSettings({ dueSoonDays: 7 })).dueSoon).toBe(false);
  });
});

describe('bad input: a problem naming the field; the task judged on the rest', () => {
  it.each<[string, Row, string, string, Record<string, unknown>, string]>([
    ['an unknown status word', { status: '待研究', text: '正在推进' }, 'progress.unknown_status', 'status', { word: '待研究' }, 'text'],
    ['a share above 100%', { share: '120%', text: '尚未启动' }, 'progress.share_out_of_range', 'share', { value: '120%', side: 'above' }, 'text'],
    ['a share below 0', { share: -0.2 }, 'progress.share_out_of_range', 'share', { side: 'below' }, 'none'],
    ['a share that is no share', { share: '较好', text: '按计划推进' }, 'progress.share_unreadable', 'share', { value: '较好' }, 'text'],
    ['完成值 short of the target with 已完成', { status: '已完成', actual: 30, targets: [target(50)] }, 'progress.done_contradicted', 'actual', { status: '已完成', value: '30', target: '50场' }, 'reported'],
    ['a share short of 100% with 已完成', { status: '已完成', share: '60%' }, 'progress.done_contradicted', 'share', { value: '60%' }, 'reported'],
    ['a deadline that names no time', { deadline: '尽快', text: '正在推进' }, 'targets.deadline-unparsed', 'deadline', { text: '尽快' }, 'text'],
  ])('%s', (_n, row, code, field, params, basis) => {
    const j = judged(row);
    expect(j.problems).toEqual([{ code, field, params: expect.objectContaining(params) }]);
    expect(j.basis).toBe(basis);
  });

  it('a clean row has no problems', () => {
    expect(judged({ status: '已完成', actual: 50, targets: [target(50)], share: '100%' }).problems).toEqual([]);
  });
});
