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

/**
 * Lead units as written, split, folded and sorted. Not the resolved names:
 * two files may be checked against different directories (one carries its
 * own 单位名录), and the same words must still give the same key.
 */
/** What identity reads of a task: any task of the core (merged or not) has it. */
export type IdentityTask = Pick<Task, 'id' | 'title' | 'content' | 'leadsText'> & { leads: readonly Pick<OwnerMatch, 'input'>[] };

function leadKey(task: IdentityTask): string {
  const leads = task.leads;
  if (!leads?.length) return namesKey(String(task.leadsText ?? '').split(/[、，,；;\s]+/u));
  // The core's owner cache gives every row with the same 牵头单位 cell the
  // same list: its key is worked out once per list.
  let key = leadKeys.get(leads);
  if (key === undefined) leadKeys.set(leads, (key = namesKey(leads.map((l) => l.input))));
  return key;
}

const namesKey = (names: string[]): string => [...new Set(names.map(normText).filter(Boolean))].sort().join('+');
const leadKeys = new WeakMap<readonly unknown[], string>();

/**
 * The text part of the 'text-lead' key for folded 重点任务 and 任务内容, once
 * per pair: a plan's task texts repeat in every ledger of a batch (the
 * folded strings come from normText's cache, so looking them up is cheap).
 */
function textKey(title: string, content: string): string {
  let byContent = textKeys.get(title);
  if (!byContent) {
    if (textKeyCount > 50_000) textKeys.clear(), (textKeyCount = 0);
    textKeys.set(title, (byContent = new Map()));
  }
  let key = byContent.get(content);
  if (key === undefined) {
    const text = title + '|' + content;
    byContent.set(content, (key = `文本#${shortHash(text)}:${text.length}`));
    textKeyCount++;
  }
  return key;
}

const textKeys = new Map<string, Map<string, string>>();
let textKeyCount = 0;

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
export function taskIdentity(task: IdentityTask): TaskIdentity[] {
  const keys: TaskIdentity[] = [];
  const title = normText(task.title);
  const content = normText(task.content);
  const id = normId(task.id);
  const start = title ? title.slice(0, TITLE_PREFIX) : content.slice(0, CONTENT_PREFIX);
  if (id && start) keys.push({ key: `序号${id}|${start}`, rule: 'numbered' });
  if (title || content) keys.push({ key: `${textKey(title, content)}|${leadKey(task)}`, rule: 'text-lead' });
  return keys;
}

/** The identity keys of one task, for the given scope string. */
export function taskKeys(task: MergedTask, scope: string): TaskIdentity[] {
  return taskIdentity(task).map(({ key, rule }) => ({ key: `${scope}|${key}`, rule }));
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

export function fileIdentities(tasks: readonly MergedTask[]): FileIdentities {
  const out: FileIdentities = { numbered: [], text: [] };
  for (const t of tasks) {
    let numbered: string | null = null;
    let text: string | null = null;
    for (const k of taskIdentity(t)) {
      if (k.rule === 'numbered') numbered = k.key;
      else text = k.key;
    }
    out.numbered.push(numbered);
    out.text.push(text);
  }
  return out;
}
