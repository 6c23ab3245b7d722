// The three plans the sample data is made from (copies of the reference seeds,
// kept in the repo so a fresh clone can build its samples) and the headline
// indicator each states. Goal and baseline are the plans' own figures where the
// text gives them (000: 超过18%; 004: 2020年 8.8%; national outline: 2025年 15%,
// 2020年 10.56%); the "current" figures are made up and labelled 示例数据.
export interface SamplePlan {
  /** Seed file under shared/sample/seeds/. */
  seed: string;
  /** Short name used in file names. */
  short: string;
  jurisdiction: string;
  lead: string;
  /** Plan period for the 说明 sheet when the importer finds none. */
  planStart: number;
  planEnd: number;
  indicator: {
    goal: number | null;
    goalYear: number | null;
    baseline: { year: number; value: number } | null;
    /** Made-up value at the end of each quarter of 2023. */
    quarters: [number, number, number, number];
  };
}

export const SAMPLE_PLANS: SamplePlan[] = [
  {
    seed: '000-jinjiang.txt',
    short: '锦江区',
    jurisdiction: '成都市锦江区',
    lead: '区科协',
    planStart: 2021,
    planEnd: 2025,
    indicator: { goal: 18, goalYear: 2025, baseline: null, quarters: [15.1, 15.4, 15.8, 16.3] },
  },
  {
    seed: '003-national-2023.txt',
    short: '全国',
    jurisdiction: '国家',
    lead: '中国科协',
    planStart: 2023,
    planEnd: 2023,
    indicator: { goal: 15, goalYear: 2025, baseline: { year: 2020, value: 10.56 }, quarters: [13.0, 13.2, 13.5, 13.9] },
  },
  {
    seed: '004-qijiang.txt',
    short: '綦江区',
    jurisdiction: '重庆市綦江区',
    lead: '区科协',
    planStart: 2021,
    planEnd: 2025,
    indicator: { goal: null, goalYear: null, baseline: { year: 2020, value: 8.8 }, quarters: [10.2, 10.5, 10.9, 11.4] },
  },
];

export const SAMPLE_YEAR = 2023;
export const QUARTERS = ['2023年第一季度', '2023年第二季度', '2023年第三季度', '2023年第四季度'] as const;
export const QUARTER_END = ['2023-03-31', '2023-06-30', '2023-09-30', '2023-12-31'] as const;
/** Marks the files as sample data; the dashboard shows 示例数据 when it sees it. */
export const SAMPLE_MARK = '示例数据（进展与完成值为随机生成，非真实数据）';
