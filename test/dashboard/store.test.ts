// The page's set of loaded files: a change that changes nothing hands back
// the same map, so the page does not recount and redraw every task (after
// each look at the data folder, which is once a second while it is watched).
import { describe, expect, it } from 'vitest';
import { allTasks, dropFiles, putFiles } from '../../dashboard/load/store';
import type { LoadedFile } from '../../dashboard/load';

const file = (name: string, origin: LoadedFile['origin'], n: number): LoadedFile =>
  ({ report: { file: name, status: 'ok', rows: n, findings: 0, reason: null, meta: { jurisdiction: null, period: null, asOf: null, title: null, planPeriod: null } }, tasks: Array.from({ length: n }, (_, i) => ({ id: `${name}#${i}` })), origin }) as unknown as LoadedFile;

describe('file store', () => {
  const start = putFiles(new Map(), [file('a.xlsx', 'server', 2), file('b.xlsx', 'local', 1)]);

  it('keeping every file gives back the same map; dropping one gives a new one without it', () => {
    expect(dropFiles(start, () => true)).toBe(start);
    const next = dropFiles(start, (f) => f.origin === 'local');
    expect(next).not.toBe(start);
    expect([...next.keys()]).toEqual(['b.xlsx']);
    expect(start.size).toBe(2);
  });

  it('putting nothing gives back the same map; a file read again replaces its tasks', () => {
    expect(putFiles(start, [])).toBe(start);
    const next = putFiles(start, [file('a.xlsx', 'server', 5)]);
    expect(allTasks(next)).toHaveLength(6);
    expect(allTasks(start)).toHaveLength(3);
  });
});
