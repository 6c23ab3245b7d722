// Status counts and per-group summaries (population, project, jurisdiction):
// how many tasks, how far the quantified ones got, and their statuses side by side.
// The accumulators let dashboardSummary fill every group-by in one pass.
import { POPULATIONS, PROJECTS, STATUSES } from '../model';
import type { Status } from '../model';
import { keyOf } from './keys';
import type { AggTask, GroupSummary, StatusCounts } from './types';
import { NONE } from './types';
import { zhCompare } from './collate';

export function emptyCounts(): StatusCounts {
  return { 已完成: 0, 正常: 0, 滞后: 0, 逾期: 0, 未启动: 0, 未填报: 0 };
}

export function countsToList(c: StatusCounts): { status: Status; count: number }[] {
  return STATUSES.map((status) => ({ status, count: c[status] }));
}

export function statusCounts(tasks: readonly AggTask[]): { status: Status; count: number }[] {
  const c = emptyCounts();
  for (const t of tasks) c[t.status]++;
  return countsToList(c);
}

/** min(completion, 1) clamped at 0, or null when the task has no usable figure. */
export function cappedCompletion(t: AggTask): number | null {
  const c = t.completion;
  return c === null || !Number.isFinite(c) ? null : c < 0 ? 0 : c > 1 ? 1 : c;
}

interface Acc {
  total: number;
  quantified: number;
  sum: number;
  counts: StatusCounts;
}

export type GroupDim = 'population' | 'project' | 'jurisdiction' | 'period';

/**
 * Summaries per key of one dimension. Populations and projects come in the
 * canonical order and always list every canonical key (an empty group is a
 * finding for a leader too); other keys follow, NONE last.
 */
export class GroupAccumulator {
  private readonly acc = new Map<string, Acc>();
  private readonly order: readonly string[];

  constructor(dim: GroupDim) {
    this.order = dim === 'population' ? POPULATIONS : dim === 'project' ? PROJECTS : [];
    for (const k of this.order) this.acc.set(k, { total: 0, quantified: 0, sum: 0, counts: emptyCounts() });
  }

  add(key: string, status: Status, capped: number | null): void {
    let g = this.acc.get(key);
    if (!g) this.acc.set(key, (g = { total: 0, quantified: 0, sum: 0, counts: emptyCounts() }));
    g.total++;
    g.counts[status]++;
    if (capped !== null) {
      g.quantified++;
      g.sum += capped;
    }
  }

  /** A key's totals added at once (the cube, cube.ts, counts by code first). */
  addTotals(key: string, counts: StatusCounts, quantified: number, sum: number): void {
    let g = this.acc.get(key);
    if (!g) this.acc.set(key, (g = { total: 0, quantified: 0, sum: 0, counts: emptyCounts() }));
    for (const s of STATUSES) {
      g.counts[s] += counts[s];
      g.total += counts[s];
    }
    g.quantified += quantified;
    g.sum += sum;
  }

  finish(): GroupSummary[] {
    const order = this.order;
    const rest = [...this.acc.keys()].filter((k) => !order.includes(k) && k !== NONE).sort(zhCompare);
    const keys = [...order, ...rest, ...(this.acc.has(NONE) ? [NONE] : [])];
    return keys.map((key) => {
      const g = this.acc.get(key)!;
      return { key, total: g.total, quantified: g.quantified, completionRate: g.quantified ? g.sum / g.quantified : null, counts: g.counts };
    });
  }
}

export function groupSummaries(tasks: readonly AggTask[], dim: GroupDim): GroupSummary[] {
  const acc = new GroupAccumulator(dim);
  for (const t of tasks) acc.add(keyOf(t, dim), t.status, cappedCompletion(t));
  return acc.finish();
}

export const byPopulation = (tasks: readonly AggTask[]) => groupSummaries(tasks, 'population');
export const byProject = (tasks: readonly AggTask[]) => groupSummaries(tasks, 'project');
export const byJurisdiction = (tasks: readonly AggTask[]) => groupSummaries(tasks, 'jurisdiction');
