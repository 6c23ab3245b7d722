// A small fixture for the aggregates: nine tasks of seed 000 (锦江区) over two
// half-years plus two of seed 004 (綦江区), with statuses and completions set
// by hand so every figure in the tests can be counted on paper.
import type { AggTask } from '../../shared/aggregate';
import type { Status } from '../../shared/model';

type Row = [jurisdiction: string, period: string, id: string, title: string, population: string | null, project: string | null, leads: string[], completion: number | null, status: Status];

const ROWS: Row[] = [
  ['成都市锦江区', '2023年上半年', '1', '培养青少年科学精神', '青少年', null, ['区教育局'], null, '正常'],
  ['成都市锦江区', '2023年上半年', '2', '开展青少年科技活动', '青少年', null, ['区教育局', '区科协'], 0.46, '滞后'],
  ['成都市锦江区', '2023年上半年', '3', '培育科技创新后备人才', '青少年', null, ['区教育局', '区科协'], 0.2, '正常'],
  ['成都市锦江区', '2023年上半年', '9', '提升农民科学素质', '农民', null, ['区农业农村局'], null, '未填报'],
  ['成都市锦江区', '2023年上半年', '20', '加强科普基础设施建设', null, '科普基础设施工程', ['区新经济和科技局'], 1.2, '已完成'],
  ['成都市锦江区', '2023年下半年', '2', '开展青少年科技活动', '青少年', null, ['区教育局', '区科协'], 1, '已完成'],
  ['成都市锦江区', '2023年下半年', '3', '培育科技创新后备人才', '青少年', null, ['区教育局', '区科协'], 0.4, '正常'],
  ['成都市锦江区', '2023年下半年', '9', '提升农民科学素质', '农民', null, ['区农业农村局'], 0.3, '逾期'],
  ['成都市锦江区', '2023年下半年', '20', '加强科普基础设施建设', null, '科普基础设施工程', ['区新经济和科技局'], 1, '已完成'],
  ['重庆市綦江区', '2023年下半年', '5', '实施科普信息化提升工程', null, '科普信息化提升工程', ['区委宣传部'], 0.5, '滞后'],
  ['重庆市綦江区', '2023年下半年', '6', '老年人科学素质提升', '老年人', null, ['区卫生健康委', '区科协'], null, '未启动'],
];

export const FIXTURE: AggTask[] = ROWS.map(([jurisdiction, period, id, title, population, project, leads, completion, status]) => ({
  id,
  title,
  status,
  population: population ? { canonical: population, label: population } : null,
  project: project ? { canonical: project, label: project } : null,
  leads: leads.map((l) => ({ input: l, name: l })),
  completion,
  meta: { jurisdiction, period },
}));
