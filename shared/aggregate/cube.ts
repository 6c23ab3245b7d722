// The dashboard's tasks coded once, for filter changes. Every filter change
// used to group 100,000 tasks by strings (a Map lookup per task and group:
// about ten per task), which was a third of the time a leader waited for the
// charts. Here each task's jurisdiction, period, population, project, status,
// light and lead units become small numbers when the data is loaded, with
// whether its period is its jurisdiction's latest and what changed since the
// previous period (changes.ts, worked out once per load); a filter is a
// comparison of numbers and a summary is counting into arrays. The results
// are the same as filterTasks and dashboardSummary (cube.test.ts checks it
// filter by filter); the accumulators' own finish() orders them.
import { LIGHTS, STATUSES } from '../model';
import type { Light, Status } from '../model';
import { cappedCompletion, countsToList, emptyCounts, emptyLights, GroupAccumulator, lightsToList, OTHERS } from './groups';
import { facetsOf } from './filter';
import { isHeadlineTask } from './headline';
import type { HeadlineTask } from './headline';
import { CHANGE_BIT, periodChanges } from './changes';
import type { PeriodChanges } from './changes';
import { keyOf, unitKeys } from './keys';
import { emptyChangeCounts } from './summary';
import type { ChangeRow, DashboardSummary } from './summary';
import { TrendAccumulator } from './trend';
import type { AggTask, FilterKey, LightCounts, StatusCounts, TaskFilter, UnitSummary } from './types';
import { CHANGE_KINDS, LATEST, NONE } from './types';
import { emptyUnit, UNIT_COUNT_OF, UNIT_COUNTS, UNIT_LIGHT_OF, UnitAccumulator } from './units';

type Dim = 'jurisdiction' | 'period' | 'population' | 'project' | 'status' | 'light';
const DIMS: readonly Dim[] = ['jurisdiction', 'period', 'population', 'project', 'status', 'light'];
const S = STATUSES.length;
const L = LIGHTS.length;
const STATUS_CODE = new Map<Status, number>(STATUSES.map((s, i) => [s, i]));
const LIGHT_CODE = new Map<Light, number>(LIGHTS.map((l, i) => [l, i]));
// Per unit: led, then the UNIT_COUNTS; the column each status and light code adds to (-1: none).
const UNIT_WIDTH = 1 + UNIT_COUNTS.length;
const UNIT_COLUMN = STATUSES.map((s) => {
  const k = UNIT_COUNT_OF[s];
  return k ? 1 + UNIT_COUNTS.indexOf(k) : -1;
});
const UNIT_LIGHT_COLUMN = LIGHTS.map((l) => 1 + UNIT_COUNTS.indexOf(UNIT_LIGHT_OF[l]));
const UNIT_STALE_COLUMN = 1 + UNIT_COUNTS.indexOf('stale');

export interface TaskCube<T extends AggTask = AggTask> {
  /** How many tasks. */
  size: number;
  /** Every task (a cube brought back from the local server makes them on first use: see task). */
  readonly tasks: readonly T[];
  /** Task i, without making the others (what a filter shows of a cube brought back whole). */
  task(i: number): T;
  /** The keys of each dimension, by code. */
  keys: Record<Dim, string[]> & { unit: string[] };
  codes: Record<Dim, Uint32Array>;
  /** Lead units of task i: unitCodes[unitStart[i] .. unitStart[i + 1]). */
  unitStart: Uint32Array;
  unitCodes: Uint32Array;
  /** cappedCompletion per task; NaN for none. */
  capped: Float64Array;
  /** Each task against its jurisdiction's previous period; the periods in time order. */
  changes: PeriodChanges;
  /** Per task: 1 when its period is its jurisdiction's latest. */
  latest: Uint8Array;
  /** Per task: 1 when it is a headline indicator's row (isHeadlineTask). */
  headline: Uint8Array;
}

/** A task the cube codes may lack what the headline reads (AggTask has no targets): then it is not one. */
const isHeadline = (t: AggTask): boolean => Array.isArray((t as Partial<HeadlineTask>).targets) && isHeadlineTask(t as AggTask & HeadlineTask);

export function buildCube<T extends AggTask>(tasks: readonly T[], changes: PeriodChanges = periodChanges(tasks)): TaskCube<T> {
  const n = tasks.length;
  const keys = { jurisdiction: [], period: [], population: [], project: [], status: [...STATUSES], light: [...LIGHTS], unit: [] } as TaskCube['keys'];
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
  const latest = new Uint8Array(n);
  const headline = new Uint8Array(n);
  const { steps, stepOf } = changes.timeline;
  for (let i = 0; i < n; i++) {
    const t = tasks[i]!;
    codes.jurisdiction[i] = codeOf('jurisdiction', keyOf(t, 'jurisdiction'));
    codes.period[i] = codeOf('period', keyOf(t, 'period'));
    codes.population[i] = codeOf('population', keyOf(t, 'population'));
    codes.project[i] = codeOf('project', keyOf(t, 'project'));
    codes.status[i] = STATUS_CODE.get(t.status)!;
    codes.light[i] = LIGHT_CODE.get(t.light)!;
    unitStart[i] = units.length;
    for (const u of unitKeys(t)) units.push(codeOf('unit', u));
    const c = cappedCompletion(t);
    capped[i] = c === null ? NaN : c;
    latest[i] = steps[stepOf[i]!]!.latest ? 1 : 0;
    headline[i] = isHeadline(t) ? 1 : 0;
  }
  unitStart[n] = units.length;
  return { size: n, tasks, task: (i) => tasks[i]!, keys, codes, unitStart, unitCodes: Uint32Array.from(units), capped, changes, latest, headline };
}

/** Rows (task indexes, in task order) that pass the filter. */
export function cubeRows(cube: TaskCube, filter: TaskFilter): Uint32Array {
  const n = cube.size;
  const tests: [Uint32Array, number][] = [];
  for (const d of DIMS) {
    const want = filter[d];
    if (want === undefined || (d === 'period' && want === LATEST)) continue;
    const c = cube.keys[d].indexOf(want);
    if (c < 0) return new Uint32Array(0);
    tests.push([cube.codes[d], c]);
  }
  const latest = filter.period === LATEST ? cube.latest : null;
  const bit = filter.change === undefined ? 0 : CHANGE_BIT[filter.change];
  const flags = cube.changes.flags;
  let unit = -1;
  if (filter.unit !== undefined) {
    unit = cube.keys.unit.indexOf(filter.unit);
    if (unit < 0) return new Uint32Array(0);
  }
  const out = new Uint32Array(n);
  let m = 0;
  // (indexed, not for…of over the pairs: no iterator made per row; the loop
  // runs 100,000 times on a reload, before the engine has optimised it)
  const testCodes = tests.map(([codes]) => codes);
  const testWant = tests.map(([, c]) => c);
  const T = tests.length;
  next: for (let i = 0; i < n; i++) {
    if (latest && !latest[i]) continue;
    if (bit && !(flags[i]! & bit)) continue;
    for (let j = 0; j < T; j++) if (testCodes[j]![i] !== testWant[j]) continue next;
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
  if (rows.length === cube.size) return cube.tasks as T[];
  const out = new Array<T>(rows.length);
  for (let k = 0; k < rows.length; k++) out[k] = cube.task(rows[k]!);
  return out;
}

/** The rows of the headline indicator (isHeadlineTask), in task order. */
export function cubeHeadlineRows(cube: TaskCube): Uint32Array {
  const out = new Uint32Array(cube.size);
  let m = 0;
  for (let i = 0; i < cube.size; i++) if (cube.headline[i]) out[m++] = i;
  return out.subarray(0, m);
}

/**
 * dashboardSummary of the rows' tasks; the trends over trendRows (the rows
 * of trendFilter(filter): every period), or over the rows when not given.
 */
export function cubeSummary(cube: TaskCube, rows: Uint32Array, trendRows: Uint32Array = rows): DashboardSummary {
  const { codes, capped, keys } = cube;
  const { flags, previous, timeline } = cube.changes;
  const nPop = keys.population.length;
  const nProj = keys.project.length;
  const popNone = keys.population.indexOf(NONE);
  const projNone = keys.project.indexOf(NONE);
  // per key: counts by status, by light, then quantified, then sum
  const W = S + L + 2;
  const pop = new Float64Array(nPop * W);
  const proj = new Float64Array(nProj * W);
  const other = new Float64Array(W);
  const juris = new Float64Array(keys.jurisdiction.length * W);
  const unit = new Float64Array(keys.unit.length * UNIT_WIDTH);
  const status = new Float64Array(S);
  const light = new Float64Array(L);
  // per step: compared, then the change kinds
  const K = CHANGE_KINDS.length;
  const steps = new Float64Array(timeline.steps.length * (K + 1));
  const stepSeen = new Uint8Array(timeline.steps.length);
  const group = (acc: Float64Array, code: number, s: number, l: number, c: number): void => {
    const o = code * W;
    acc[o + s]!++;
    acc[o + S + l]!++;
    if (c === c) {
      acc[o + S + L]!++;
      acc[o + S + L + 1]! += c;
    }
  };
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k]!;
    const s = codes.status[i]!;
    const l = codes.light[i]!;
    const c = capped[i]!;
    const p = codes.population[i]!;
    const q = codes.project[i]!;
    status[s]!++;
    light[l]!++;
    if (p !== popNone) group(pop, p, s, l, c);
    if (q !== projNone) group(proj, q, s, l, c);
    if (p === popNone && q === projNone) group(other, 0, s, l, c);
    group(juris, codes.jurisdiction[i]!, s, l, c);
    const f = flags[i]!;
    const col = UNIT_COLUMN[s]!;
    const lightCol = UNIT_LIGHT_COLUMN[l]!;
    const stale = f & CHANGE_BIT.stale;
    for (let u = cube.unitStart[i]!; u < cube.unitStart[i + 1]!; u++) {
      const o = cube.unitCodes[u]! * UNIT_WIDTH;
      unit[o]!++;
      if (col > 0) unit[o + col]!++;
      unit[o + lightCol]!++;
      if (stale) unit[o + UNIT_STALE_COLUMN]!++;
    }
    const st = timeline.stepOf[i]!;
    stepSeen[st] = 1;
    const so = st * (K + 1);
    if (previous[i]! >= 0) steps[so]!++;
    if (f) for (let b = 0; b < K; b++) if (f & (1 << b)) steps[so + 1 + b]!++;
  }

  const finishGroups = (dim: 'population' | 'project' | 'jurisdiction', acc: Float64Array) => {
    const g = new GroupAccumulator(dim);
    keys[dim].forEach((key, code) => {
      const o = code * W;
      if (!STATUSES.some((_, s) => acc[o + s])) return;
      g.addTotals(key, statusCountsAt(acc, o), lightCountsAt(acc, o + S), acc[o + S + L]!, acc[o + S + L + 1]!);
    });
    return g.finish();
  };
  const others = new GroupAccumulator('others');
  others.addTotals(OTHERS, statusCountsAt(other, 0), lightCountsAt(other, S), other[S + L]!, other[S + L + 1]!);
  const units = new UnitAccumulator();
  keys.unit.forEach((name, code) => {
    const o = code * UNIT_WIDTH;
    if (!unit[o]) return;
    const row: UnitSummary = emptyUnit(name);
    row.led = unit[o]!;
    UNIT_COUNTS.forEach((k, c) => (row[k] = unit[o + 1 + c]!));
    units.addTotals(row);
  });
  const changes: ChangeRow[] = [];
  timeline.steps.forEach((step, st) => {
    if (!stepSeen[st] || step.previous === null) return;
    const so = st * (K + 1);
    const counts = emptyChangeCounts();
    CHANGE_KINDS.forEach((kind, b) => (counts[kind] = steps[so + 1 + b]!));
    changes.push({ jurisdiction: step.jurisdiction, period: step.period, previous: step.previous, compared: steps[so]!, counts });
  });
  const statusCounts = emptyCounts();
  STATUSES.forEach((st, s) => (statusCounts[st] = status[s]!));
  const lightCounts = emptyLights();
  LIGHTS.forEach((li, l) => (lightCounts[li] = light[l]!));
  return {
    total: rows.length,
    status: countsToList(statusCounts),
    lights: lightsToList(lightCounts),
    populations: finishGroups('population', pop),
    projects: finishGroups('project', proj),
    others: others.finish()[0]!,
    jurisdictions: finishGroups('jurisdiction', juris),
    units: units.finish(),
    changes,
    ...cubeTrends(cube, trendRows),
  };
}

function statusCountsAt(acc: Float64Array, o: number): StatusCounts {
  const counts = emptyCounts();
  STATUSES.forEach((st, s) => (counts[st] = acc[o + s]!));
  return counts;
}

function lightCountsAt(acc: Float64Array, o: number): LightCounts {
  const counts = emptyLights();
  LIGHTS.forEach((li, l) => (counts[li] = acc[o + l]!));
  return counts;
}

/** Completion per period and population / project over the rows (every period: trendFilter). */
export function cubeTrends(cube: TaskCube, rows: Uint32Array): Pick<DashboardSummary, 'populationTrend' | 'projectTrend'> {
  const { codes, capped, keys } = cube;
  const nPeriod = keys.period.length;
  const nPop = keys.population.length;
  const nProj = keys.project.length;
  const popTrend = new Float64Array(nPeriod * nPop * 2);
  const projTrend = new Float64Array(nPeriod * nProj * 2);
  const periodSeen = new Uint8Array(nPeriod);
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k]!;
    const c = capped[i]!;
    const per = codes.period[i]!;
    periodSeen[per] = 1;
    if (c === c) {
      const a = (per * nPop + codes.population[i]!) * 2;
      popTrend[a]!++;
      popTrend[a + 1]! += c;
      const b = (per * nProj + codes.project[i]!) * 2;
      projTrend[b]!++;
      projTrend[b + 1]! += c;
    }
  }
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
  return { populationTrend: finishTrend('population', popTrend, nPop), projectTrend: finishTrend('project', projTrend, nProj) };
}

/** facets(tasks) from the codes: the values present, in display order, without another pass over the task objects. */
export function cubeFacets(cube: TaskCube): Record<FilterKey, string[]> {
  // Statuses in the order first met, as facets lists them; lights present.
  // (The typed arrays' own indexOf: a loop over 100,000 codes, run once on a
  // reload before the engine has compiled it, took the first render 35–40 ms.)
  const order = STATUSES.map((s, c) => [s, cube.codes.status.indexOf(c)] as const)
    .filter(([, at]) => at >= 0)
    .sort((a, b) => a[1] - b[1])
    .map(([s]) => s);
  return facetsOf({
    jurisdiction: cube.keys.jurisdiction,
    period: cube.keys.period,
    population: cube.keys.population,
    project: cube.keys.project,
    unit: cube.keys.unit,
    status: order,
    light: LIGHTS.filter((_, l) => cube.codes.light.includes(l)),
    change: CHANGE_KINDS,
  });
}
