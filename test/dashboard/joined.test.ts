// Parse once, joined (dashboard/load/joined.ts): the page's result after the
// join, stored and read back, is the same files and the same cube (every
// filter counts the same), with each task made only when asked for; numbers
// of every kind survive the compact bytes; damaged data is refused whole.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildCube, cubeFacets, cubeHeadlineRows, cubeRows, cubeSummary, cubeTasks, DEFAULT_FILTER, LATEST, trendFilter } from '../../shared/aggregate';
import type { TaskCube, TaskFilter } from '../../shared/aggregate';
import { loadWorkbooks } from '../../dashboard/load';
import type { LoadedFile, MergedTask } from '../../dashboard/load';
import { decodeJoined, encodeJoined, JOINED_VERSION } from '../../dashboard/load/joined';
import { allTasks, taskCount } from '../../dashboard/load/store';
import { makeSampleData } from '../../scripts/make-sample-data';

/** As the server gives it back: the payload 8-aligned inside a larger response. */
async function roundTrip(files: LoadedFile[], cube: TaskCube<MergedTask>, damage?: (bytes: Uint8Array) => Uint8Array | void) {
  const whole = new Uint8Array(await (await encodeJoined(files, cube, 1)).arrayBuffer());
  const payload = damage?.(whole) ?? whole;
  const response = new Uint8Array(24 + payload.length);
  response.set(payload, 24);
  return decodeJoined(response.subarray(24), [{ name: 'x.xlsx', size: 1, mtime: 'm' }]);
}

async function sample(): Promise<{ files: LoadedFile[]; cube: TaskCube<MergedTask> }> {
  const data = await makeSampleData();
  const files = await loadWorkbooks(
    data.files.map((n) => ({ name: n, bytes: new Uint8Array(readFileSync(path.join(data.dir, n))) })),
    data.files.length,
    'server',
  );
  return { files, cube: buildCube(allTasks(new Map(files.map((f) => [f.report.file, f])))) };
}

describe('the joined form (parse once)', () => {
  it('reads back the same files and the same cube, every filter counting the same', async () => {
    const { files, cube } = await sample();
    const back = await roundTrip(files, cube);
    expect(back.cube.size).toBe(cube.size);
    expect(back.files.map((f) => [f.report, f.origin, taskCount(f)])).toEqual(files.map((f) => [f.report, f.origin, f.tasks.length]));
    expect(cubeFacets(back.cube)).toEqual(cubeFacets(cube));
    const filters: TaskFilter[] = [DEFAULT_FILTER, {}, ...cube.keys.jurisdiction.map((j) => ({ jurisdiction: j, period: LATEST })), ...cube.keys.unit.slice(0, 4).map((unit) => ({ unit })), { change: 'stale' }, { light: '红', period: LATEST }];
    for (const f of filters) {
      const rows = cubeRows(back.cube, f);
      expect(rows, JSON.stringify(f)).toEqual(cubeRows(cube, f));
      expect(cubeSummary(back.cube, rows, cubeRows(back.cube, trendFilter(f))), JSON.stringify(f)).toEqual(cubeSummary(cube, rows, cubeRows(cube, trendFilter(f))));
      expect(cubeTasks(back.cube, rows)).toEqual(cubeTasks(cube, rows));
    }
    expect(cubeHeadlineRows(back.cube)).toEqual(cubeHeadlineRows(cube));
    // every task, and each file's, as read (its meta the file's own, shared)
    expect(back.cube.tasks).toEqual(cube.tasks);
    back.files.forEach((f, i) => expect(f.tasks).toEqual(files[i]!.tasks));
    expect(back.files[0]!.tasks[0]!.meta).toBe(back.files[0]!.report.meta);
    // one object per task, whichever way it was asked for
    expect(back.files[0]!.tasks[0]).toBe(back.cube.task(0));
  });

  it('keeps numbers of every kind: negative, fractional, large, not a number', async () => {
    const { files, cube } = await sample();
    const odd = [-3, 0.1, 2 ** 31, 2 ** 53 + 2, -0.5, NaN, Infinity, 1e-300];
    const tasks = files[0]!.tasks.map((t, i) => ({ ...t, actual: odd[i % odd.length]!, source: { ...t.source, row: 2 ** 32 + i } }));
    const one: LoadedFile[] = [{ ...files[0]!, tasks }];
    const back = await roundTrip(one, buildCube(tasks));
    expect(back.cube.tasks.map((t) => [t.actual, t.source.row])).toEqual(tasks.map((t) => [t.actual, t.source.row]));
  });

  it.each([
    ['a code beyond its table', (b: Uint8Array) => b.set([255, 255, 255, 255], codeAt(b))],
    ['cut short', (b: Uint8Array) => b.subarray(0, b.length - 64)],
    // (a version of as many digits: the head keeps its length)
    ['another version', (b: Uint8Array) => replaceInHead(b, `"version":${JOINED_VERSION}`, `"version":${(JOINED_VERSION % 9) + 1}`)],
  ] as [string, (b: Uint8Array) => Uint8Array | void][])('refuses data %s', async (_, damage) => {
    const { files, cube } = await sample();
    await expect(roundTrip(files, cube, damage)).rejects.toThrow('传送数据已损坏');
  });
});

/** Where the first array (the jurisdiction codes) starts. */
function codeAt(b: Uint8Array): number {
  return 4 + new DataView(b.buffer, b.byteOffset, 4).getUint32(0, true);
}

function replaceInHead(b: Uint8Array, from: string, to: string): void {
  const n = codeAt(b);
  const text = new TextDecoder().decode(b.subarray(4, n)).replace(from, to);
  b.set(new TextEncoder().encode(text), 4);
}
