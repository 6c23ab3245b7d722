// Status and light counts and per-group summaries (population, project,
// jurisdiction): how many tasks, how far the quantified ones got, and their
// statuses and lights side by side. The population groups count population
// tasks only and the project groups project tasks only; a task of neither
// (保障措施, 组织实施 …) is in the one OTHERS group (no 「未分类」 bar in a
// dimension that does not apply to it). The accumulators let dashboardSummary
// fill every group-by in one pass.
import { LIGHTS, POPULATIONS, PROJECTS, STATUSES } from '../model';
import type { Light, Status } from '../model';
import { keyOf } from './keys';
import type { AggTask, GroupSummary, LightCounts, StatusCounts } from './types';
import { NONE } from './types';
import { zhCompare } from './collate';

/** The group of tasks that belong to no population and no project. */
export const OTHERS = '其他任务（保障措施等）';

export function emptyCounts(): StatusCounts {
  return { 已完成: 0, 正常: 0, 滞后: 0, 逾期: 0, 未启动: 0, 未填报: 0 };
}

export function emptyLights(): LightCounts {
  return { 绿: 0, 黄: 0, 红: 0 };
}

export function countsToList(c: StatusCounts): { status: Status; count: number }[] {
  return STATUSES.map((status) => ({ status, count: c[status] }));
}

export function lightsToList(c: LightCounts): { light: Light; count: number }[] {
  return LIGHTS.map((light) => ({ light, count: c[light] }));
}

export function statusCounts(tasks: readonly AggTask[]): { status: Status; count: number }[] {
  const c = emptyCounts();
  for (const t of tasks) c[t.status]++;
  return countsToList(c);
}

export function lightCounts(tasks: readonly AggTask[]): { light: Light; count: number }[] {
  const c = emptyLights();
  for (const t of tasks) c[t.light]++;
  return lightsToList(c);
}

/** min(completion, 1) clamped at 0, or null when the task has no usable figure. */
export function cappedCompletion(t: AggTask): number | null {
  const c = t.completion;
  return c === null || !Number.isFinite(c) ? null : c < 0 ? 0 : c > 1 ? 1 : c;
}

/** A task of neither a population nor a project. */
export function isOther(t: AggTask): boolean {
  return !t.population && !t.project;
}

interface Acc {
  total: number;
  quantified: number;
  sum: number;
  counts: StatusCounts;
  lights: LightCounts;
}

const emptyAcc = (): Acc => ({ total: 0, quantified: 0, sum: 0, counts: emptyCounts(), lights: emptyLights() });

export type GroupDim = 'population' | 'project' | 'jurisdiction' | 'period';

/**
 * Summaries per key of one dimension. Populations and projects come in the
 * canonical order and always list every canonical key (an empty group is a
 * finding for a leader too); other keys follow, NONE last.
 */
export class GroupAccumulator {
  private readonly acc = new Map<string, Acc>();
  private readonly order: readonly string[];

  constructor(dim: GroupDim | 'others') {
    this.order = dim === 'population' ? POPULATIONS : dim === 'project' ? PROJECTS : dim === 'others' ? [OTHERS] : [];
    for (const k of this.order) this.acc.set(k, emptyAcc());
  }

  add(key: string, status: Status, light: Light, capped: number | null): void {
    let g = this.acc.get(key);
    if (!g) this.acc.set(key, (g = emptyAcc()));
    g.total++;
    g.counts[status]++;
    g.lights[light]++;
    if (capped !== null) {
      g.quantified++;
      g.sum += capped;
    }
  }

  /** A key's totals added at once (the cube, cube.ts, counts by code first). */
  addTotals(key: string, counts: StatusCounts, lights: LightCounts, quantified: number, sum: number): void {
    let g = this.acc.get(key);
    if (!g) this.acc.set(key, (g = emptyAcc()));
    for (const s of STATUSES) {
      g.counts[s] += counts[s];
      g.total += counts[s];
    }
    for (const l of LIGHTS) g.lights[l] += lights[l];
    g.quantified += quantified;
    g.sum += sum;
  }

  finish(): GroupSummary[] {
    const order = this.order;
    const rest = [...this.acc.keys()].filter((k) => !order.includes(k) && k !== NONE).sort(zhCompare);
    const keys = [...order, ...rest, ...(this.acc.has(NONE) ? [NONE] : [])];
    return keys.map((key) => {
      const g = this.acc.get(key)!;
      return { key, total: g.total, quantified: g.quantified, completionRate: g.quantified ? g.sum / g.quantified : null, counts: g.counts, lights: g.lights };
    });
  }
}

/**
 * Per key of a dimension. For population and project only the tasks the
 * dimension applies to (a population task has no project, and the other way
 * round): no NONE group there.
 */
export function groupSummaries(tasks: readonly AggTask[], dim: GroupDim): GroupSummary[] {
  const acc = new GroupAccumulator(dim);
  const applies = dim === 'population' || dim === 'project';
  for (const t of tasks) {
    const key = keyOf(t, dim);
    if (applies && key === NONE) continue;
    acc.add(key, t.status, t.light, cappedCompletion(t));
  }
  return acc.finish();
}

export const byPopulation = (tasks: readonly AggTask[]) => groupSummaries(tasks, 'population');
export const byProject = (tasks: readonly AggTask[]) => groupSummaries(tasks, 'project');
export const byJurisdiction = (tasks: readonly AggTask[]) => groupSummaries(tasks, 'jurisdiction');

/** The tasks of neither a population nor a project, as one group (OTHERS). */
export function othersSummary(tasks: readonly AggTask[]): GroupSummary {
  const acc = new GroupAccumulator('others');
  for (const t of tasks) if (isOther(t)) acc.add(OTHERS, t.status, t.light, cappedCompletion(t));
  return acc.finish()[0]!;
}
