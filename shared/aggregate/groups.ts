// Status counts and per-group summaries (population, project, jurisdiction):
// how many tasks, how far the quantified ones got, and their statuses side by side.
import { POPULATIONS, PROJECTS, STATUSES } from '../model';
import type { Status } from '../model';
import { keyOf } from './keys';
import type { AggTask, GroupSummary, StatusCounts } from './types';
import { NONE } from './types';

export function emptyCounts(): StatusCounts {
  return { 已完成: 0, 正常: 0, 滞后: 0, 逾期: 0, 未填报: 0, 无量化目标: 0 };
}

export function statusCounts(tasks: readonly AggTask[]): { status: Status; count: number }[] {
  const c = emptyCounts();
  for (const t of tasks) c[t.status]++;
  return STATUSES.map((status) => ({ status, count: c[status] }));
}

type GroupDim = 'population' | 'project' | 'jurisdiction' | 'period';

/**
 * Summaries per key of one dimension. Populations and projects come in the
 * canonical order and always list every canonical key (an empty group is a
 * finding for a leader too); other keys follow, NONE last.
 */
export function groupSummaries(tasks: readonly AggTask[], dim: GroupDim): GroupSummary[] {
  const acc = new Map<string, { total: number; quantified: number; sum: number; counts: StatusCounts }>();
  const order: readonly string[] = dim === 'population' ? POPULATIONS : dim === 'project' ? PROJECTS : [];
  for (const k of order) acc.set(k, { total: 0, quantified: 0, sum: 0, counts: emptyCounts() });
  for (const t of tasks) {
    const k = keyOf(t, dim);
    let g = acc.get(k);
    if (!g) acc.set(k, (g = { total: 0, quantified: 0, sum: 0, counts: emptyCounts() }));
    g.total++;
    g.counts[t.status]++;
    if (t.completion !== null && Number.isFinite(t.completion)) {
      g.quantified++;
      g.sum += Math.min(Math.max(t.completion, 0), 1);
    }
  }
  const rest = [...acc.keys()].filter((k) => !order.includes(k) && k !== NONE).sort((a, b) => a.localeCompare(b, 'zh-CN'));
  const keys = [...order, ...rest, ...(acc.has(NONE) ? [NONE] : [])];
  return keys.map((key) => {
    const g = acc.get(key)!;
    return { key, total: g.total, quantified: g.quantified, completionRate: g.quantified ? g.sum / g.quantified : null, counts: g.counts };
  });
}

export const byPopulation = (tasks: readonly AggTask[]) => groupSummaries(tasks, 'population');
export const byProject = (tasks: readonly AggTask[]) => groupSummaries(tasks, 'project');
export const byJurisdiction = (tasks: readonly AggTask[]) => groupSummaries(tasks, 'jurisdiction');
