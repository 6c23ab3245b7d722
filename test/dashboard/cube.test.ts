// The coded tasks (cube.ts) give what filterTasks and dashboardSummary give,
// for every filter the page offers: on the hand-counted fixture and on the
// sample data (three plans × four quarters, 600+ tasks), one filter key at a
// time, pairs of keys, and values that match nothing.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildCube, CHANGE_KINDS, cubeFacets, cubeRows, cubeSummary, cubeTasks, dashboardSummary, facets, filterTasks, FILTER_KEYS, LATEST, trendFilter } from '../../shared/aggregate';
import type { AggTask, TaskFilter } from '../../shared/aggregate';
import { loadWorkbooks } from '../../dashboard/load';
import { makeSampleData } from '../../scripts/make-sample-data';
import { FIXTURE } from './fixture';

function filtersOf(tasks: readonly AggTask[]): TaskFilter[] {
  const values = facets(tasks);
  const one = FILTER_KEYS.flatMap((k) => values[k].map((v) => ({ [k]: v }) as TaskFilter));
  const pairs = values.population.flatMap((p) => values.status.map((s) => ({ population: p, status: s }) as TaskFilter));
  const units = values.unit.slice(0, 5).flatMap((u) => values.period.map((p) => ({ unit: u, period: p }) as TaskFilter));
  const latest = [{ period: LATEST }, ...values.light.map((l) => ({ period: LATEST, light: l })), ...CHANGE_KINDS.map((c) => ({ period: LATEST, change: c })), ...values.unit.slice(0, 5).map((u) => ({ period: LATEST, unit: u, light: '红' }))] as TaskFilter[];
  return [{}, ...one, ...pairs, ...units, ...latest, { jurisdiction: '没有这个辖区' }, { unit: '没有这个单位' }];
}

function same(tasks: readonly AggTask[]): void {
  const cube = buildCube(tasks);
  expect(cubeFacets(cube)).toEqual(facets(tasks));
  for (const f of filtersOf(tasks)) {
    const rows = cubeRows(cube, f);
    const want = filterTasks(tasks, f);
    expect(cubeTasks(cube, rows), JSON.stringify(f)).toEqual(want);
    expect(cubeSummary(cube, rows, cubeRows(cube, trendFilter(f))), JSON.stringify(f)).toEqual(dashboardSummary(tasks, f));
  }
}

describe('cube', () => {
  it('matches filterTasks and dashboardSummary on the hand-counted fixture', () => same(FIXTURE));

  it('matches them on the sample data, filter by filter', async () => {
    const sample = await makeSampleData();
    const files = sample.files.map((name) => ({ name, bytes: new Uint8Array(readFileSync(path.join(sample.dir, name))) }));
    const tasks = (await loadWorkbooks(files, files.length, 'server')).flatMap((f) => f.tasks);
    expect(tasks.length).toBeGreaterThan(500);
    same(tasks);
    // the sample's quarters change: some tasks of each kind (the filters above are not all empty)
    const latest = dashboardSummary(tasks, { period: LATEST });
    expect(latest.changes.map((c) => c.period)).toEqual(['2023年第四季度', '2023年第四季度', '2023年第四季度']);
    for (const kind of CHANGE_KINDS) expect(latest.changes.reduce((n, c) => n + c.counts[kind], 0), kind).toBeGreaterThan(0);
  });

  it('the unfiltered rows give the task list itself (no copy for the table)', () => {
    const cube = buildCube(FIXTURE);
    expect(cubeTasks(cube, cubeRows(cube, {}))).toBe(FIXTURE);
  });

  it('a unit named twice on one task counts once', () => {
    const t = { ...FIXTURE[0]!, leads: [{ input: '区科协', name: '区科协' }, { input: ' 区科协 ', name: null }] };
    const cube = buildCube([t]);
    expect(cubeSummary(cube, cubeRows(cube, {})).units).toEqual(dashboardSummary([t]).units);
    expect(cubeSummary(cube, cubeRows(cube, {})).units[0]!.led).toBe(1);
  });
});
