// Task identity across ledgers: when are two rows of two files the same task?
//
// Two rules, both scoped to one jurisdiction and one reporting period (a task
// of 锦江区 2023年上半年 is never the same task as one of 綦江区, or of 2023年下半年):
//
//  1. 'numbered'  — same normalised 序号 and the same start of the task
//                   (first 16 characters of 重点任务, or of 任务内容 when the
//                   ledger has no title column). Catches a unit that edited
//                   the wording further down or appended progress.
//  2. 'text-lead' — same normalised task text (重点任务 + 任务内容, whole) and
//                   the same lead units as written (order ignored). Catches a ledger that renumbered or
//                   reordered its rows.
//
// Normalisation folds width, spaces, punctuation and case (normalize.ts) and
// reads （一）, 一 and 1 as the same 序号. Rows of one file are never paired
// with each other: repeated numbering inside a ledger is the ledger checks' job.
//
// A file whose title rows name no jurisdiction (or period) takes the batch's
// only one, when every file that names one names the same; otherwise it is
// compared only with files that name none either.
import type { LedgerMeta, OwnerMatch, Task } from '../model';
import type { DuplicateRule, MergedTask } from './types';
import { normId, normText } from './normalize';

export const TITLE_PREFIX = 16;
export const CONTENT_PREFIX = 24;

export interface Scope {
  jurisdiction: string | null;
  period: string | null;
}

/** The batch's scope defaults: the only jurisdiction and period the files name, if there is one. */
export function batchScope(metas: LedgerMeta[]): Scope {
  const only = (values: (string | null)[]): string | null => {
    const set = new Set(values.filter((v): v is string => !!v).map((v) => normText(v)));
    if (set.size !== 1) return null;
    return values.find((v) => v) ?? null;
  };
  return { jurisdiction: only(metas.map((m) => m.jurisdiction)), period: only(metas.map((m) => m.period)) };
}

export function scopeOf(meta: LedgerMeta, batch: Scope): string {
  const j = meta.jurisdiction || batch.jurisdiction || '';
  const p = meta.period || batch.period || '';
  return `${normText(j) || '?'}|${normText(p) || '?'}`;
}

/** FNV-1a, 32 bits, hex: keeps the text key short in reports. */
export function shortHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** What identity reads of a task: any task of the core (merged or not) has it. */
export type IdentityTask = Pick<Task, 'id' | 'title' | 'content' | 'leadsText'> & { leads: readonly Pick<OwnerMatch, 'input'>[] };

const namesKey = (names: readonly string[]): string => [...new Set(names.map(normText).filter(Boolean))].sort().join('+');

/**
 * The keys identity works out once: per lead list and per pair of task texts.
 * A plan's task texts repeat in every ledger of a batch, and the core's
 * TaskCache gives every row with the same 牵头单位 cell the same list. Owned by
 * the caller (a merge's MergeCache, a StaleIndex): no module-level state.
 */
export class IdentityCache {
  private readonly leadKeys = new WeakMap<readonly unknown[], string>();
  // title → content: no concatenated keys of long texts per row.
  private textKeys = new Map<string, Map<string, string>>();
  private textKeyCount = 0;
  constructor(private readonly max = 50_000) {}

  /**
   * Lead units as written, split, folded and sorted. Not the resolved names:
   * two files may be checked against different directories (one carries its
   * own 单位名录), and the same words must still give the same key.
   */
  leadKey(task: IdentityTask): string {
    const leads = task.leads;
    if (!leads?.length) return namesKey(String(task.leadsText ?? '').split(/[、，,；;\s]+/u));
    let key = this.leadKeys.get(leads);
    if (key === undefined) this.leadKeys.set(leads, (key = namesKey(leads.map((l) => l.input))));
    return key;
  }

  /** The text part of the 'text-lead' key for folded 重点任务 and 任务内容 (folded by normText, whose cache makes that cheap). */
  textKey(title: string, content: string): string {
    let byContent = this.textKeys.get(title);
    if (!byContent) {
      if (this.textKeyCount >= this.max) (this.textKeys = new Map()), (this.textKeyCount = 0);
      this.textKeys.set(title, (byContent = new Map()));
    }
    let key = byContent.get(content);
    if (key === undefined) {
      const text = title + '|' + content;
      byContent.set(content, (key = `文本#${shortHash(text)}:${text.length}`));
      this.textKeyCount++;
    }
    return key;
  }
}

/** An identity of one task without its scope: what dedupe prefixes with the file's scope. */
export interface TaskIdentity {
  key: string;
  rule: DuplicateRule;
}

/**
 * The scope-free identity keys of one task. They depend on the task alone, so
 * a merge computes them while it reads each file (in the dashboard: inside the
 * Web Worker that read it) and the final pass over all files only prefixes the
 * scope and groups.
 */
export function taskIdentity(task: IdentityTask, cache: IdentityCache): TaskIdentity[] {
  const keys: TaskIdentity[] = [];
  const title = normText(task.title);
  const content = normText(task.content);
  const id = normId(task.id);
  const start = title ? title.slice(0, TITLE_PREFIX) : content.slice(0, CONTENT_PREFIX);
  if (id && start) keys.push({ key: `序号${id}|${start}`, rule: 'numbered' });
  if (title || content) keys.push({ key: `${cache.textKey(title, content)}|${cache.leadKey(task)}`, rule: 'text-lead' });
  return keys;
}

/** The identity keys of one task, for the given scope string. */
export function taskKeys(task: MergedTask, scope: string, cache: IdentityCache = new IdentityCache()): TaskIdentity[] {
  return taskIdentity(task, cache).map(({ key, rule }) => ({ key: `${scope}|${key}`, rule }));
}

/**
 * A file's identity keys, one entry per task (null where a rule gives none):
 * two arrays of strings instead of two objects per task, which is what a
 * Web Worker hands the page for 100,000 tasks.
 */
export interface FileIdentities {
  numbered: (string | null)[];
  text: (string | null)[];
}

export function fileIdentities(tasks: readonly MergedTask[], cache: IdentityCache = new IdentityCache()): FileIdentities {
  const out: FileIdentities = { numbered: [], text: [] };
  for (const t of tasks) {
    let numbered: string | null = null;
    let text: string | null = null;
    for (const k of taskIdentity(t, cache)) {
      if (k.rule === 'numbered') numbered = k.key;
      else text = k.key;
    }
    out.numbered.push(numbered);
    out.text.push(text);
  }
  return out;
}
