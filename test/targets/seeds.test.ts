// Every quantitative target of seeds 000 (锦江区) and 004 (綦江区), read from
// the documents by hand. Parsing the whole document must give exactly these,
// in order: anything more is a false positive (a year, a 第N届, a page counter).
import { describe, expect, it } from 'vitest';
import type { Comparator, Target } from '../../shared/model';
import { parseTargets } from '../../shared/targets';
import { seedText } from '../support/paths';

const SEED_000 = seedText('000');
const SEED_004 = seedText('004');

interface Row {
  /** A piece of the target's phrase, as written in the seed. */
  phrase: string;
  value: number;
  unit: string;
  comparator: Comparator;
  year: number | null;
  recurrence?: 'annual' | null;
  stretch?: number | null;
}

const r = (
  phrase: string,
  value: number,
  unit: string,
  comparator: Comparator,
  year: number | null,
  recurrence: 'annual' | null = null,
  stretch: number | null = null,
): Row => ({ phrase, value, unit, comparator, year, recurrence, stretch });

// Seed 000, in document order. Counts written before their noun (配备1名…) are
// '='; a count after its noun (示范校5所) is a quota, '>='.
const EXPECTED_000: Row[] = [
  r('比例超过18%,力争达到20%', 18, '%', '>', 2025, null, 20), // 工作目标
  r('重点实施5项提升行动', 5, '项', '=', null),
  r('建立现代课程教学示范校5所', 5, '所', '>=', null), // task 1
  r('等科普活动不少于50场', 50, '场', '>=', null, 'annual'), // task 2
  r('早期培养基地学校3所', 3, '所', '>=', null), // task 3
  r('重点建设少年科学院3所', 3, '所', '>=', null),
  r('建设科技教育特色学校5所', 5, '所', '>=', 2025),
  r('配备1名专兼职科技副校长', 1, '名', '=', null), // task 4
  r('1名以上专职科技教师', 1, '名', '>=', null),
  r('建成2个区级', 2, '个', '=', null),
  r('1个以上市级科技辅导员名师工作室', 1, '个', '>=', null),
  r('开展1场以上科技类教师专业培训', 1, '场', '>=', null, 'annual'),
  r('培训人数80人次以上', 80, '人次', '>=', null, 'annual'),
  r('科技教师培训全覆盖', 100, '%', '>=', 2025),
  r('每年培训不少于2000名专业技能工人', 2000, '名', '>=', null, 'annual'), // task 8
  r('免费技能培训不少于30场', 30, '场', '>=', null, 'annual'),
  r('培训不少于1000人次', 1000, '人次', '>=', null, 'annual'),
  r('不少于2个工种', 2, '个', '>=', null, 'annual'), // task 9
  r('工匠人才超过200名', 200, '名', '>', 2025),
  r('等活动不少于2场', 2, '场', '>=', null, 'annual'), // task 10
  r('每年培训干部不少于500人次', 500, '人次', '>=', null, 'annual'), // task 15
  r('等5项重点工程', 5, '项', '=', null),
  r('新增区级以上科普基地3个', 3, '个', '>=', 2025), // task 16
  r('打造绿道科普场景3个', 3, '个', '>=', 2025),
  r('建设特色社区科普场景5个', 5, '个', '>=', 2025), // task 17
  r('居民健康素养水平达到31%', 31, '%', '>=', 2025), // task 23
  r('队伍人数不少于8000人', 8000, '人', '>=', 2025), // task 29
];

const EXPECTED_004: Row[] = [
  // Background: 2020年…达到8.8%,比2017年的6.5%提高了2.3个百分点 — the baseline and the
  // achieved change are not targets.
  r('比例达到8.8%', 8.8, '%', '>=', 2020),
  r('比例超过15%', 15, '%', '>', 2025), // 工作目标
  r('开展农民教育培训3000人次以上', 3000, '人次', '>=', null),
  r('在边远涉农镇村全覆盖', 100, '%', '>=', null),
];

function check(source: string, got: Target, want: Row) {
  expect(got.text).toContain(want.phrase);
  expect(source.slice(got.start!, got.start! + got.text.length)).toBe(got.text);
  expect({
    value: got.value,
    unit: got.unit,
    comparator: got.comparator,
    year: got.year,
    recurrence: got.recurrence,
    stretch: got.stretch,
  }).toEqual({
    value: want.value,
    unit: want.unit,
    comparator: want.comparator,
    year: want.year,
    recurrence: want.recurrence ?? null,
    stretch: want.stretch ?? null,
  });
}

describe.each([
  ['000 锦江区', SEED_000, EXPECTED_000],
  ['004 綦江区', SEED_004, EXPECTED_004],
])('seed %s', (_name, source, expected) => {
  const got = parseTargets(source);

  it('finds exactly the hand-read targets, in order', () => {
    expect(got.map((t) => t.value)).toEqual(expected.map((e) => e.value));
  });

  it.each(expected.map((e, i) => [e.phrase, i, e] as const))('%s', (_p, i, want) => {
    check(source, got[i], want);
  });
});

// The same targets when the ledger holds one task per cell: parse each task
// paragraph of seed 000 alone (the year then comes from the cell only).
const TASKS_000 = SEED_000.split('\n').filter((l) => /^\d+\./.test(l));

describe('seed 000 task by task', () => {
  it('has 29 numbered tasks', () => {
    expect(TASKS_000).toHaveLength(29);
  });

  const perTask: [number, number[]][] = [
    [1, [5]],
    [2, [50]],
    [3, [3, 3, 5]],
    [4, [1, 1, 2, 1, 1, 80, 100]],
    [8, [2000, 30, 1000]],
    [9, [2, 200]],
    [10, [2]],
    [15, [500]],
    [16, [3, 3]],
    [17, [5]],
    [23, [31]],
    [29, [8000]],
  ];
  const withTargets = new Set(perTask.map(([n]) => n));

  it.each(perTask)('task %i: %j', (n, values) => {
    expect(parseTargets(TASKS_000[n - 1]).map((t) => t.value)).toEqual(values);
  });

  it.each(TASKS_000.map((t, i) => [i + 1, t] as const).filter(([n]) => !withTargets.has(n)))(
    'task %i is qualitative: no targets',
    (_n, task) => {
      expect(parseTargets(task)).toEqual([]);
    },
  );

  it('task 3 keeps its deadline to the target after 到2025年 only', () => {
    expect(parseTargets(TASKS_000[2]).map((t) => t.year)).toEqual([null, null, 2025]);
  });
});
