// The set of loaded files, keyed by name: a reload of one file replaces its
// tasks, a file removed from the data folder drops them. Immutable updates so
// React sees each change.
import type { LoadedFile, MergedTask } from './index';

export type FileMap = ReadonlyMap<string, LoadedFile>;

export function putFiles(map: FileMap, files: LoadedFile[]): FileMap {
  if (!files.length) return map;
  const next = new Map(map);
  for (const f of files) next.set(f.report.file, f);
  return next;
}

/** The same map when every file is kept: a new one would make the page recount and redraw 100,000 tasks for nothing. */
export function dropFiles(map: FileMap, keep: (f: LoadedFile) => boolean): FileMap {
  const next = new Map<string, LoadedFile>();
  for (const [k, f] of map) if (keep(f)) next.set(k, f);
  return next.size === map.size ? map : next;
}

export function allTasks(map: FileMap): MergedTask[] {
  const out: MergedTask[] = [];
  for (const f of map.values()) for (const t of f.tasks) out.push(t);
  return out;
}

/** A file's task count, without making its tasks (a file of a joined answer makes them on first use). */
export const taskCount = (f: LoadedFile): number => f.count ?? f.tasks.length;
