// The dashboard's tasks coded once, for filter changes. Every filter change
// used to group 100,000 tasks by strings (a Map lookup per task and group:
// about ten per task), which was a third of the time a leader waited for the
// charts. Here each task's jurisdiction, period, population, project, status
// and lead units become small numbers when the data is loaded; a filter is a
// comparison of numbers and a summary is counting into arrays. The results
// are the same as filterTasks and dashboardSummary (cube.test.ts checks it
// filter by filter); the accumulators' own finish() orders them.
import { STATUSES } from '../model';
import type { Status } from '../model';
import { cappedCompletion, countsToList, emptyCounts, GroupAccumulator } from './groups';
import { facetsOf } from './filter';
import { keyOf, unitKeys } from './keys';
import type { DashboardSummary } from './summary';
import { TrendAccumulator } from './trend';
import type { AggTask, FilterKey, StatusCounts, TaskFilter, UnitSummary } from './types';
import { UNIT_COUNT_OF, UNIT_COUNTS, UnitAccumulator } from './units';

type Dim = Exclude<FilterKey, 'unit'>;
const DIMS: readonly Dim[] = ['jurisdiction', 'period', 'population', 'project', 'status'];
const S = STATUSES.length;
const STATUS_CODE = new Map<Status, number>(STATUSES.map((s, i) => [s, i]));
// Per unit: led, then the UNIT_COUNTS; the column each status code adds to (-1: none).
const UNIT_WIDTH = 1 + UNIT_COUNTS.length;
const UNIT_COLUMN = STATUSES.map((s) => {
  const k = UNIT_COUNT_OF[s];
  return k ? 1 + UNIT_COUNTS.indexOf(k) : -1;
});

export interface TaskCube<T extends AggTask = AggTask> {
  tasks: readonly T[];
  /** The keys of each dimension, by code. */
  keys: Record<Dim, string[]> & { unit: string[] };
  codes: Record<Dim, Uint32Array>;
  /** Lead units of task i: unitCodes[unitStart[i] .. unitStart[i + 1]). */
  unitStart: Uint32Array;
  unitCodes: Uint32Array;
  /** cappedCompletion per task; NaN for none. */
  capped: Float64Array;
}

export function buildCube<T extends AggTask>(tasks: readonly T[]): TaskCube<T> {
  const n = tasks.length;
  const keys = { jurisdiction: [], period: [], population: [], project: [], status: [...STATUSES], unit: [] } as TaskCube['keys'];
  const lookup = new Map<string, Map<string, number>>();
  const codeOf = (dim: Dim | 'unit', key: string): number => {
    let m = lookup.get(dim);
    if (!m) lookup.set(dim, (m = new Map(keys[dim].map((k, i) => [k, i]))));
    let c = m.get(key);
    if (c === undefined) {
      c = keys[dim].length;
      keys[dim].push(key);
      m.set(key, c);
    }
    return c;
  };
  const codes = Object.fromEntries(DIMS.map((d) => [d, new Uint32Array(n)])) as Record<Dim, Uint32Array>;
  const unitStart = new Uint32Array(n + 1);
  const units: number[] = [];
  const capped = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t = tasks[i]!;
    for (const d of DIMS) codes[d][i] = d === 'status' ? STATUS_CODE.get(t.status)! : codeOf(d, keyOf(t, d));
    unitStart[i] = units.length;
    for (const u of unitKeys(t)) units.push(codeOf('unit', u));
    const c = cappedCompletion(t);
    capped[i] = c === null ? NaN : c;
  }
  unitStart[n] = units.length;
  return { tasks, keys, codes, unitStart, unitCodes: Uint32Array.from(units), capped };
}

/** Rows (task indexes, in task order) that pass the filter. */
export function cubeRows(cube: TaskCube, filter: TaskFilter): Uint32Array {
  const n = cube.tasks.length;
  const tests: [Uint32Array, number][] = [];
  for (const d of DIMS) {
    const want = filter[d];
    if (want === undefined) continue;
    const c = cube.keys[d].indexOf(want);
    if (c < 0) return new Uint32Array(0);
    tests.push([cube.codes[d], c]);
  }
  let unit = -1;
  if (filter.unit !== undefined) {
    unit = cube.keys.unit.indexOf(filter.unit);
    if (unit < 0) return new Uint32Array(0);
  }
  const out = new Uint32Array(n);
  let m = 0;
  next: for (let i = 0; i < n; i++) {
    for (const [codes, c] of tests) if (codes[i] !== c) continue next;
    if (unit >= 0) {
      let has = false;
      for (let k = cube.unitStart[i]!; k < cube.unitStart[i + 1]!; k++) if (cube.unitCodes[k] === unit) has = true;
      if (!has) continue;
    }
    out[m++] = i;
  }
  return out.subarray(0, m);
}

/** The tasks of some rows; the cube's own array when the rows are all of them. */
export function cubeTasks<T extends AggTask>(cube: TaskCube<T>, rows: Uint32Array): T[] {
  if (rows.length === cube.tasks.length) return cube.tasks as T[];
  const out = new Array<T>(rows.length);
  for (let k = 0; k < rows.length; k++) out[k] = cube.tasks[rows[k]!]!;
  return out;
}

/** dashboardSummary of the rows' tasks. */
export function cubeSummary(cube: TaskCube, rows: Uint32Array): DashboardSummary {
  const { codes, capped, keys } = cube;
  const nPeriod = keys.period.length;
  const nPop = keys.population.length;
  const nProj = keys.project.length;
  // per key: counts by status, then quantified, then sum
  const W = S + 2;
  const pop = new Float64Array(nPop * W);
  const proj = new Float64Array(nProj * W);
  const juris = new Float64Array(keys.jurisdiction.length * W);
  const unit = new Float64Array(keys.unit.length * UNIT_WIDTH);
  const popTrend = new Float64Array(nPeriod * nPop * 2);
  const projTrend = new Float64Array(nPeriod * nProj * 2);
  const periodSeen = new Uint8Array(nPeriod);
  const status = new Float64Array(S);
  const group = (acc: Float64Array, code: number, s: number, c: number): void => {
    const o = code * W;
    acc[o + s]!++;
    if (c === c) {
      acc[o + S]!++;
      acc[o + S + 1]! += c;
    }
  };
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k]!;
    const s = codes.status[i]!;
    const c = capped[i]!;
    const p = codes.population[i]!;
    const q = codes.project[i]!;
    const per = codes.period[i]!;
    status[s]!++;
    group(pop, p, s, c);
    group(proj, q, s, c);
    group(juris, codes.jurisdiction[i]!, s, c);
    periodSeen[per] = 1;
    if (c === c) {
      const a = (per * nPop + p) * 2;
      popTrend[a]!++;
      popTrend[a + 1]! += c;
      const b = (per * nProj + q) * 2;
      projTrend[b]!++;
      projTrend[b + 1]! += c;
    }
    const col = UNIT_COLUMN[s]!;
    for (let u = cube.unitStart[i]!; u < cube.unitStart[i + 1]!; u++) {
      const o = cube.unitCodes[u]! * UNIT_WIDTH;
      unit[o]!++;
      if (col > 0) unit[o + col]!++;
    }
  }

  const finishGroups = (dim: 'population' | 'project' | 'jurisdiction', acc: Float64Array) => {
    const g = new GroupAccumulator(dim);
    keys[dim].forEach((key, code) => {
      const o = code * W;
      if (!STATUSES.some((_, s) => acc[o + s])) return;
      const counts: StatusCounts = emptyCounts();
      STATUSES.forEach((st, s) => (counts[st] = acc[o + s]!));
      g.addTotals(key, counts, acc[o + S]!, acc[o + S + 1]!);
    });
    return g.finish();
  };
  const finishTrend = (dim: 'population' | 'project', acc: Float64Array, width: number) => {
    const tr = new TrendAccumulator(dim);
    keys.period.forEach((period, per) => {
      if (!periodSeen[per]) return;
      tr.addTotals(period, '', 0, 0);
      keys[dim].forEach((key, code) => {
        const a = (per * width + code) * 2;
        if (acc[a]) tr.addTotals(period, key, acc[a]!, acc[a + 1]!);
      });
    });
    return tr.finish();
  };
  const units = new UnitAccumulator();
  keys.unit.forEach((name, code) => {
    const o = code * UNIT_WIDTH;
    if (!unit[o]) return;
    const row: UnitSummary = { unit: name, led: unit[o]!, completed: 0, behind: 0, overdue: 0, unreported: 0 };
    UNIT_COUNTS.forEach((k, c) => (row[k] = unit[o + 1 + c]!));
    units.addTotals(row);
  });
  const statusCounts = emptyCounts();
  STATUSES.forEach((st, s) => (statusCounts[st] = status[s]!));
  return {
    total: rows.length,
    status: countsToList(statusCounts),
    populations: finishGroups('population', pop),
    projects: finishGroups('project', proj),
    jurisdictions: finishGroups('jurisdiction', juris),
    units: units.finish(),
    populationTrend: finishTrend('population', popTrend, nPop),
    projectTrend: finishTrend('project', projTrend, nProj),
  };
}

/** facets(tasks) from the codes: the values present, in display order, without another pass over the task objects. */
export function cubeFacets(cube: TaskCube): Record<FilterKey, string[]> {
  // statuses in the order first met, as facets lists them
  const order: string[] = [];
  const met = new Uint8Array(S);
  const codes = cube.codes.status;
  for (let i = 0; i < codes.length && order.length < S; i++) {
    const c = codes[i]!;
    if (!met[c]) {
      met[c] = 1;
      order.push(STATUSES[c]!);
    }
  }
  return facetsOf({
    jurisdiction: cube.keys.jurisdiction,
    period: cube.keys.period,
    population: cube.keys.population,
    project: cube.keys.project,
    unit: cube.keys.unit,
    status: order,
  });
}
