// enrichColumns: the derived columns written beside a ledger (into a copy by
// the CLI, to the right of the user's table by the add-in). Pure: the add-in
// uses it too, so no io here. The user's own columns are never part of it.
import type { CellValue, OwnerMatch, Task } from '../model';
import type { Directory } from '../owners';
import { basisText } from '../progress/basis';

export const ENRICH_HEADERS = ['规范牵头单位', '规范责任单位', '人群', '工程', '目标值', '单位', '截止年份', '完成率', '状态', '红黄绿灯', '判断依据', '联系人'] as const;
/** Column of the light word in ENRICH_HEADERS: the faces fill that cell in the light's colour (progress/light.ts LIGHT_FILL). */
export const ENRICH_LIGHT_COL = ENRICH_HEADERS.indexOf('红黄绿灯');

/** A resolved owner list as clerks should write it: canonical names, unresolved ones marked. */
const ownerTextMemo = new WeakMap<readonly OwnerMatch[], string>();

/** ownerText memoised by array: the core shares one OwnerMatch[] per distinct cell text. */
function ownerTextOf(matches: readonly OwnerMatch[]): string {
  let s = ownerTextMemo.get(matches);
  if (s === undefined) ownerTextMemo.set(matches, (s = ownerText(matches)));
  return s;
}

export function ownerText(matches: readonly OwnerMatch[]): string {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const m of matches) {
    const name = m.name && m.matched !== 'fuzzy' && m.matched !== 'none' ? m.name : `${m.input}(未识别)`;
    if (!seen.has(name)) {
      seen.add(name);
      out.push(name);
    }
  }
  return out.join('、');
}

/** Completion as a ratio rounded to 4 places (0.46 = 46%), or null. */
export function roundRate(v: number | null): number | null {
  return v === null || !Number.isFinite(v) ? null : Math.round(v * 10_000) / 10_000;
}

const contactMemo = new WeakMap<Directory, WeakMap<readonly OwnerMatch[], string>>();

function contactOf(task: Task, directory: Directory | null): string {
  if (!directory) return '';
  let memo = contactMemo.get(directory);
  if (!memo) contactMemo.set(directory, (memo = new WeakMap()));
  let c = memo.get(task.leads);
  if (c === undefined) memo.set(task.leads, (c = contactOfLeads(task, directory)));
  return c;
}

function contactOfLeads(task: Task, directory: Directory): string {
  for (const m of task.leads) {
    if (!m.name || m.matched === 'group' || m.matched === 'none' || m.matched === 'fuzzy') continue;
    const c = directory.contactOf(m.name);
    if (c && (c.person || c.phone)) return [c.person, c.phone].filter(Boolean).join(' ');
  }
  return '';
}

/** One row per task, in ENRICH_HEADERS order. */
export function enrichRow(task: Task, directory: Directory | null): CellValue[] {
  const t = task.targets[0];
  return [
    ownerTextOf(task.leads),
    ownerTextOf(task.partners),
    task.population?.canonical ?? '',
    task.project?.canonical ?? '',
    t ? t.value : null,
    t ? t.unit : '',
    task.recurrence === 'annual' ? '每年' : task.deadlineYear,
    roundRate(task.completion),
    task.status,
    task.light,
    basisText(task),
    contactOf(task, directory),
  ];
}

export function enrichColumns(tasks: Task[], directory: Directory | null): { headers: string[]; rows: CellValue[][] } {
  return { headers: [...ENRICH_HEADERS], rows: tasks.map((t) => enrichRow(t, directory)) };
}
