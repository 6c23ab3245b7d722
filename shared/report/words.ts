// Every word of the 通报 and the 督办单, in one table: the builders hold
// figures and structure, this file holds the Chinese, in the register of the
// documents supervision offices send (督办事项, 督办要求, 办理时限, 反馈方式).
import type { Comparator, Light, Status } from '../model';

/** 1 → 一, 12 → 十二, 20 → 二十, 105 → 一百零五: the numbering of 公文 headings. */
export function cnNumeral(n: number): string {
  const D = '零一二三四五六七八九';
  if (!Number.isInteger(n) || n < 0 || n > 999) return String(n);
  if (n < 10) return D[n]!;
  if (n < 20) return '十' + (n % 10 ? D[n % 10] : '');
  if (n < 100) return D[Math.floor(n / 10)] + '十' + (n % 10 ? D[n % 10] : '');
  const rest = n % 100;
  return D[Math.floor(n / 100)] + '百' + (rest === 0 ? '' : rest < 10 ? '零' + D[rest] : rest < 20 ? '一' + cnNumeral(rest) : cnNumeral(rest));
}

/** 2023-06-30 → 2023年6月30日; other text as given. */
export function cnDate(iso: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : (iso ?? '');
}

/** 0.4 → 40%; 0.6667 → 66.7%. */
export function cnPercent(ratio: number): string {
  return `${+(ratio * 100).toFixed(1)}%`;
}

/** Share of a whole as the 通报 writes it: 占 12.5%; — when the whole is 0. */
export function shareOf(part: number, whole: number): string {
  return whole > 0 ? cnPercent(part / whole) : '—';
}

export const STATUS_PHRASE: Readonly<Record<Status, string>> = Object.freeze({
  已完成: '已完成',
  正常: '正常推进',
  滞后: '滞后',
  逾期: '逾期',
  未启动: '未启动',
  未填报: '未填报',
});

export const LIGHT_NAME: Readonly<Record<Light, string>> = Object.freeze({ 绿: '绿灯', 黄: '黄灯', 红: '红灯' });

/** How a goal reads by its comparator (shared/model Comparator): 超过18%, 不低于18%. */
export const COMPARATOR_WORD: Readonly<Record<Comparator, string>> = Object.freeze({ '>': '超过', '>=': '不低于', '=': '达到', '<=': '不超过' });

/** What a 督办单 asks of one task, by why it is listed. */
export type Ask = 'overdue' | 'red-unreported' | 'red' | 'yellow-unreported' | 'yellow' | 'stale';

export const ASK: Readonly<Record<Ask, string>> = Object.freeze({
  overdue: '说明逾期原因和整改措施，明确完成时间',
  'red-unreported': '立即补报进展，说明未填报原因',
  red: '说明滞后原因和整改措施，限期报送进展',
  'yellow-unreported': '限期补报进展',
  yellow: '加快推进，限期报送进展',
  stale: '如实更新本期进展',
});

/** Added to the ask of a red or yellow task whose progress repeats the previous period's. */
export const ASK_STALE_TOO = '；本期进展与上期相同，请如实更新';

export const W = {
  // ── 通报 ──
  bulletinTitle: (place: string) => `${place}全民科学素质行动工作进展通报`,
  periodLine: (periods: string) => `（${periods}）`,
  asOfLine: (date: string) => `数据截至${date}`,
  opening: (place: string, periods: string) => `现将${place}${periods}全民科学素质行动重点任务推进情况通报如下。`,
  noTasks: '所选范围内没有任务。',

  overview: '总体情况',
  overviewText: (o: { files: number; units: number; total: number; status: string; light: string }) =>
    `本期共汇总台账${o.files}份，涉及牵头单位${o.units}家、重点任务${o.total}项。按完成状态，${o.status}；按红黄绿灯，${o.light}。`,
  countPhrase: (label: string, n: number, share: string) => `${label}${n}项（占${share}）`,
  statusTable: '表',
  statusColumns: ['完成状态', '任务数', '占比'],
  lightColumns: ['红黄绿灯', '任务数', '占比'],
  total: '合计',
  statusChart: (n: number) => `图${n}　各完成状态任务数`,

  headline: '核心指标',
  headlineText: (h: { place: string; current: string; period: string; goal: string; baseline: string; verdict: string }) =>
    `${h.place}公民具备科学素质的比例为${h.current}${h.period}${h.goal}${h.baseline}${h.verdict}`,
  headlinePeriod: (p: string) => `（${p}）`,
  headlineGoal: (comparator: string, goal: number, year: number | null) => `，目标为${comparator}${goal}%${year ? `（${year}年）` : ''}`,
  headlineBaseline: (b: number, year: number | null) => `，基线为${b}%${year ? `（${year}年）` : ''}`,
  headlineMet: '，已达到目标。',
  headlineGap: (points: string) => `，距目标尚差${points}个百分点。`,
  headlineAtGoal: '，与目标持平，尚未超过。',
  headlineNoGoal: '。',
  headlineNotReported: (place: string) => `${place}公民具备科学素质的比例本期未填报。`,
  headlineNone: '所汇总台账中没有核心指标（公民具备科学素质的比例）一行。',

  byCategory: '分类推进情况',
  byPopulation: '按重点人群',
  byProject: '按重点工程',
  byOthers: '其他任务',
  othersText: (n: number) => `既非重点人群也非重点工程的任务（保障措施、组织实施等）共${n}项，单列统计。`,
  othersNone: '所选范围内没有既非重点人群也非重点工程的任务。',
  othersFirst: '任务类别',
  byUnit: '按牵头单位',
  groupColumns: (first: string) => [first, '任务数', '已完成', '正常推进', '滞后', '逾期', '未启动', '未填报', '红灯', '黄灯', '绿灯'],
  populationFirst: '重点人群',
  projectFirst: '重点工程',
  populationChart: (n: number) => `图${n}　各重点人群任务红黄绿灯分布`,
  projectChart: (n: number) => `图${n}　各重点工程任务红黄绿灯分布`,
  unitChart: (n: number, shown: number, all: number) =>
    shown < all ? `图${n}　牵头单位任务红黄绿灯分布（红灯、黄灯较多的前${shown}家，共${all}家）` : `图${n}　各牵头单位任务红黄绿灯分布`,
  unitColumns: ['牵头单位', '牵头任务', '已完成', '绿灯', '黄灯', '红灯', '逾期', '未填报', '进展未更新'],
  unitNote: '一项任务有多个牵头单位的，分别计入各单位。',

  redList: '红灯任务清单',
  redListText: (n: number, units: number) => `本期红灯任务${n}项，涉及牵头单位${units}家，按单位列示如下（一项任务有多个牵头单位的，分别列入各单位）。`,
  redNone: '本期没有红灯任务。',
  redUnit: (i: number, unit: string, n: number) => `（${cnNumeral(i)}）${unit}（${n}项）`,
  redColumns: ['序号', '重点任务', '完成时限', '完成状态', '原因'],

  compare: '与上期比较',
  compareText: (previous: string, c: { done: number; red: number; stillRed: number; stale: number }) =>
    `与${previous}相比：新完成${c.done}项，新亮红灯${c.red}项，连续红灯${c.stillRed}项，进展未更新${c.stale}项。`,
  compareNone: '所汇总台账中没有上一期台账，本期不作比较。',
  compareMissing: (places: string) => `${places}没有上一期台账，未作比较。`,
  changeColumns: ['序号', '重点任务', '牵头单位', '上期', '本期'],
  changeHeading: (i: number, label: string, n: number) => `（${cnNumeral(i)}）${label}（${n}项）`,
  notInPrevious: '上期未列',

  next: '下一步工作要求',
  nextRed: '红灯任务牵头单位要认真分析滞后原因，制定整改措施，明确完成时间，并在下期台账中报告整改进展。',
  nextYellow: '黄灯任务牵头单位要加快工作进度，确保按序时进度完成任务。',
  nextStale: '进展未更新和未填报的单位要如实、及时填报工作进展，不得照搬上期内容。',
  nextAll: '各牵头单位要对照任务清单和完成时限，持续推进各项任务落实。',

  method: (red: number, yellow: number) =>
    `说明：完成状态和红黄绿灯由科素台账依据各台账填报的完成状态、完成值、完成进度、工作进展和完成时限判断。完成进度低于序时进度超过${red}个百分点或已逾期的为红灯，低于序时进度超过${yellow}个百分点的为黄灯，其余为绿灯；进展未更新指本期工作进展与同一辖区上一期相同且任务未完成。`,

  // reasons in the red list, by status
  reason: {
    逾期: (due: string) => `已过完成时限${due ? `（${due}）` : ''}仍未完成`,
    未填报: (due: string) => `未填报进展${due ? `，完成时限${due}` : ''}`,
    未启动: () => '尚未启动',
    滞后: (progress: string, expected: string) => (progress && expected ? `完成进度${progress}，序时进度${expected}` : '进展滞后'),
    正常: () => '进展未达序时要求',
    已完成: () => '',
  } as Record<Status, (a: string, b: string) => string>,
  evidence: (basis: string) => `（依据：${basis}）`,

  // ── 督办单 ──
  noticeTitle: '全民科学素质行动重点任务督办单',
  noticeFields: {
    unit: '承办单位',
    matter: '督办事项',
    asks: '督办要求',
    deadline: '办理时限',
    reply: '反馈方式',
    source: '数据来源',
  },
  noticeMatter: (parts: string) => `你单位牵头的全民科学素质行动重点任务中，${parts}，详见督办任务清单。`,
  matterRed: (n: number, overdue: number) => `红灯${n}项${overdue ? `（其中逾期${overdue}项）` : ''}`,
  matterYellow: (n: number) => `黄灯${n}项`,
  matterStale: (n: number) => `进展未更新${n}项`,
  noticeAsk: {
    red: (n: number) => `对红灯任务（${n}项），请认真分析滞后原因，提出整改措施，明确完成时间。`,
    yellow: (n: number) => `对黄灯任务（${n}项），请加快推进，按序时进度报送进展。`,
    unreported: (n: number) => `对未填报任务（${n}项），请限期补报工作进展。`,
    stale: (n: number) => `对进展未更新任务（${n}项），请如实更新本期工作进展。`,
  },
  noticeDeadline: (date: string) => `请于${date}前反馈办理情况。`,
  noticeReply: (issuer: string) =>
    `书面反馈${issuer || '督办单位'}（加盖单位公章），同时在下期台账中据实更新相关任务的完成状态和工作进展。`,
  noticeSource: (place: string, period: string, date: string) => `${place}${period}台账（数据截至${date}）`,
  noticeList: '督办任务清单',
  noticeColumns: ['序号', '重点任务', '完成时限', '完成状态', '红黄绿灯', '判断依据', '督办要求'],
  noticeFile: (unit: string) => `督办单-${unit}.docx`,
  noticeFileIn: (place: string, unit: string) => `督办单-${place}-${unit}.docx`,
  noDue: '长期',
  unknownPlace: '未注明辖区',
  unknownPeriod: '未注明报告期',
} as const;
