// Finds the rows that report the same task in several files (identity.ts),
// keeps one and names the others on it.
//
// Which row wins: the file with the later as-of date (截至日期: its progress is
// newer); when the dates are equal or missing, the file given first (the
// order the clerk listed them, folders expanded in name order).
import type { LedgerMeta } from '../model';
import type { Duplicate, DuplicateRule, MergedTask } from './types';
import { batchScope, fileIdentities, scopeOf } from './identity';
import type { FileIdentities } from './identity';

export interface DedupeResult {
  tasks: MergedTask[];
  duplicates: Duplicate[];
  /** Rows dropped, by file index. */
  dropped: Map<number, number>;
}

/**
 * tasks[i] came from file fileIndex[i]; metas[f] is file f's meta.
 * identities, when given, hold the keys of taskIdentity(tasks[i]) at index i
 * (computed earlier, by the reader of the file); otherwise they are computed here.
 * Returns the tasks to keep (input order), with alsoIn set on the winners.
 */
export function dedupe(tasks: MergedTask[], fileIndex: number[], metas: LedgerMeta[], identities?: FileIdentities): DedupeResult {
  const batch = batchScope(metas);
  // one scope string per file, not per task
  const scopes = metas.map((m) => scopeOf(m, batch));
  const parent = tasks.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const joinedBy = new Map<number, { key: string; rule: DuplicateRule }>();

  // key → the first row of each file that has it. Most keys belong to one
  // file, so the other files' rows are an array made only when one appears
  // (a Map per key was most of the merge's garbage on 100,000 tasks). One map
  // per scope, keyed by the identity string itself: the strings repeat across
  // the files of a batch (and arrive shared from the dashboard's workers), so
  // their hashes are computed once, where "scope|key" made and hashed a new
  // string per task. The entries list keeps the order keys were first met.
  type Entry = { scope: string; id: string; rule: DuplicateRule; first: number; others: number[] | null };
  const entries: Entry[] = [];
  const maps = new Map<string, Map<string, Entry>>();
  const mapOfFile = scopes.map((scope) => {
    let m = maps.get(scope);
    if (!m) maps.set(scope, (m = new Map()));
    return m;
  });
  const ids = identities ?? fileIdentities(tasks);
  const note = (i: number, rule: DuplicateRule, id: string | null): void => {
    if (id === null) return;
    const f = fileIndex[i]!;
    const map = mapOfFile[f]!;
    const entry = map.get(id);
    if (!entry) {
      const e: Entry = { scope: scopes[f]!, id, rule, first: i, others: null };
      map.set(id, e);
      entries.push(e);
    } else if (fileIndex[entry.first] !== f && !entry.others?.some((j) => fileIndex[j] === f)) (entry.others ??= []).push(i);
  };
  for (let i = 0; i < tasks.length; i++) {
    note(i, 'numbered', ids.numbered[i] ?? null);
    note(i, 'text-lead', ids.text[i] ?? null);
  }
  for (const { scope, id, rule, first, others } of entries) {
    if (!others) continue;
    const key = `${scope}|${id}`;
    for (const other of others) {
      const a = find(first);
      const b = find(other);
      if (a === b) continue;
      const root = Math.min(a, b);
      parent[Math.max(a, b)] = root;
      // the 'numbered' rule is the more telling name for a group; keep it when both matched
      const prev = joinedBy.get(a) ?? joinedBy.get(b);
      joinedBy.set(root, !prev || (prev.rule === 'text-lead' && rule === 'numbered') ? { key, rule } : prev);
    }
  }

  // Groups of rows joined above; a root is the smallest index of its group,
  // so it comes first and members stay in input order.
  const groups = new Map<number, number[]>();
  for (let i = 0; i < tasks.length; i++) {
    const r = find(i);
    if (r === i) continue;
    const g = groups.get(r);
    if (g) g.push(i);
    else groups.set(r, [r, i]);
  }

  const drop = new Set<number>();
  const dropped = new Map<number, number>();
  const duplicates: Duplicate[] = [];
  // in the order of their first rows, as the report lists them
  for (const [root, members] of [...groups].sort((a, b) => a[0] - b[0])) {
    const files = [...new Set(members.map((i) => fileIndex[i]!))];
    const winnerFile = files.reduce((best, f) => {
      const a = metas[f]!.asOf ?? '';
      const b = metas[best]!.asOf ?? '';
      return a > b || (a === b && f < best) ? f : best;
    });
    const winnerAsOf = metas[winnerFile]!.asOf ?? '';
    const newest = files.every((f) => f === winnerFile || (metas[f]!.asOf ?? '') < winnerAsOf);
    const kept = members.filter((i) => fileIndex[i] === winnerFile);
    const lost = members.filter((i) => fileIndex[i] !== winnerFile);
    for (const i of lost) {
      drop.add(i);
      dropped.set(fileIndex[i]!, (dropped.get(fileIndex[i]!) ?? 0) + 1);
    }
    const head = tasks[kept[0]!]!;
    head.alsoIn = lost.map((i) => tasks[i]!.source);
    fillBlanks(head, lost.map((i) => tasks[i]!));
    const how = joinedBy.get(root)!;
    duplicates.push({
      key: how.key,
      rule: how.rule,
      sources: [...kept, ...lost].map((i) => tasks[i]!.source),
      kept: head.source,
      reason: newest ? 'later-as-of' : 'first-file',
      title: head.title || head.content.slice(0, 30),
    });
  }
  return { tasks: tasks.filter((_, i) => !drop.has(i)), duplicates, dropped };
}

/**
 * A newer report may leave out columns the older one had (a unit's update
 * without 类别 or 责任单位). Those describe the task, not its progress, so the
 * kept row takes them from the other reports of the same task; progress,
 * values and status stay the kept row's own.
 */
function fillBlanks(head: MergedTask, others: MergedTask[]): void {
  for (const o of others) {
    if (!head.category.trim() && o.category.trim()) {
      head.category = o.category;
      head.population ??= o.population;
      head.project ??= o.project;
    }
    if (!head.partnersText.trim() && o.partnersText.trim()) {
      head.partnersText = o.partnersText;
      head.partners = o.partners;
    }
  }
}
