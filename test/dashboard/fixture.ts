// A small fixture for the aggregates: tasks of seed 000 (锦江区) over two
// half-years plus two of seed 004 (綦江区), with statuses, lights,
// completions and progress texts set by hand so every figure in the tests can
// be counted on paper. Between 锦江区's two half-years: task 2 gets done,
// task 9 turns red (未填报 → 逾期), task 30 (a 保障措施, of no population or
// project) is red in both, tasks 3 and 30 repeat their progress text (stale),
// task 31 is new. 綦江区 has one period only.
import type { LeaderTask } from '../../shared/aggregate';
import type { Light, Status } from '../../shared/model';

type Row = [
  jurisdiction: string,
  period: string,
  id: string,
  title: string,
  population: string | null,
  project: string | null,
  leads: string[],
  completion: number | null,
  status: Status,
  light: Light,
  progress: string,
  due: string | null,
];

const J = '成都市锦江区';
const Q = '重庆市綦江区';
const H1 = '2023年上半年';
const H2 = '2023年下半年';

export const ROWS: Row[] = [
  /*  0 */ [J, H1, '1', '培养青少年科学精神', '青少年', null, ['区教育局'], null, '正常', '绿', '已制定方案', null],
  /*  1 */ [J, H1, '2', '开展青少年科技活动', '青少年', null, ['区教育局', '区科协'], 0.46, '滞后', '黄', '开展活动23场', '2023-12-31'],
  /*  2 */ [J, H1, '3', '培育科技创新后备人才', '青少年', null, ['区教育局', '区科协'], 0.2, '正常', '绿', '组织竞赛', '2023-12-31'],
  /*  3 */ [J, H1, '9', '提升农民科学素质', '农民', null, ['区农业农村局'], null, '未填报', '黄', '', '2023-09-30'],
  /*  4 */ [J, H1, '20', '加强科普基础设施建设', null, '科普基础设施工程', ['区新经济和科技局'], 1.2, '已完成', '绿', '已建成', '2023-06-30'],
  /*  5 */ [J, H1, '30', '加强组织领导', null, null, ['区科协'], null, '滞后', '红', '正在研究', '2023-06-30'],
  /*  6 */ [J, H2, '2', '开展青少年科技活动', '青少年', null, ['区教育局', '区科协'], 1, '已完成', '绿', '已完成', '2023-12-31'],
  /*  7 */ [J, H2, '3', '培育科技创新后备人才', '青少年', null, ['区教育局', '区科协'], 0.4, '正常', '绿', '组织竞赛', '2023-12-31'],
  /*  8 */ [J, H2, '9', '提升农民科学素质', '农民', null, ['区农业农村局'], 0.3, '逾期', '红', '尚未完成', '2023-09-30'],
  /*  9 */ [J, H2, '20', '加强科普基础设施建设', null, '科普基础设施工程', ['区新经济和科技局'], 1, '已完成', '绿', '已建成', '2023-06-30'],
  /* 10 */ [J, H2, '30', '加强组织领导', null, null, ['区科协'], null, '滞后', '红', '正在研究', '2023-12-31'],
  /* 11 */ [J, H2, '31', '强化经费保障', null, null, ['区财政局'], null, '正常', '绿', '已落实经费', null],
  /* 12 */ [Q, H2, '5', '实施科普信息化提升工程', null, '科普信息化提升工程', ['区委宣传部'], 0.5, '滞后', '黄', '推进中', '2023-12-31'],
  /* 13 */ [Q, H2, '6', '老年人科学素质提升', '老年人', null, ['区卫生健康委', '区科协'], null, '未启动', '黄', '', '2023-12-31'],
];

const metas = new Map<string, LeaderTask['meta']>();
/** One meta object per jurisdiction and period, as the merge gives one per file. */
function metaOf(jurisdiction: string, period: string): LeaderTask['meta'] {
  const key = jurisdiction + period;
  if (!metas.has(key)) metas.set(key, { jurisdiction, period, asOf: period === H1 ? '2023-06-30' : '2023-12-31' });
  return metas.get(key)!;
}

export function taskOf([jurisdiction, period, id, title, population, project, leads, completion, status, light, progress, due]: Row, row = 0): LeaderTask {
  return {
    id,
    title,
    content: '',
    status,
    light,
    population: population ? { canonical: population, label: population } : null,
    project: project ? { canonical: project, label: project } : null,
    leads: leads.map((l) => ({ input: l, name: l })),
    leadsText: leads.join('、'),
    completion,
    meta: metaOf(jurisdiction, period),
    progressText: progress,
    sheet: '任务台账',
    row,
    note: '',
    targets: [],
    actual: null,
    deadlineYear: 2023,
    basis: progress ? 'text' : 'none',
    evidence: progress,
    due,
    expected: null,
    progress: completion,
  };
}

export const FIXTURE: LeaderTask[] = ROWS.map((r, i) => taskOf(r, i + 2));
