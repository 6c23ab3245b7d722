// Per-task checks: owners, targets, progress and status (docs/domain.md §6, §8).
// Each returns (code, field, params) triples; validate.ts stamps them with the
// row and column. Owner findings depend only on the cell text, so they are
// computed once per distinct text.
import type { FieldKey, OwnerMatch, PlanPeriod, Target, Task } from '../model';
import { wordingOf, type CodedFinding } from './messages';
import type { Judgement } from '../progress';

/** A code with its own params (typed by the message table), on a field. */
export type Hit = CodedFinding & {
  field: FieldKey | null;
  /** Wording made once, for hits shared by many rows. */
  message?: string;
  fix?: string | null;
};

const NO_PARAMS = Object.freeze({});

/** Units targets are counted in, in ledgers we have seen; anything else gets a second look. */
export const PLAUSIBLE_UNITS = new Set(
  (
    '% ‰ 个 家 所 座 处 间 支 名 人 人次 万人 万人次 亿人次 次 场 场次 期 批 项 件 篇 部 本 册 套 份 种 类 门 课 节 堂 小时 学时 天 日 周 月 年 ' +
    '元 万元 亿元 平方米 万平方米 公里 千米 米 亩 户 村 个村 社区 所学校 块 台 辆 条 集 档 版 幅 首 集 讲 站 点 基地 团队 队 支队伍 人/年 万册 万件 万份 个百分点 分'
  ).split(/\s+/),
);

const worded = (h: Hit): Hit => ({ ...h, ...wordingOf(h) });
const MISSING_LEAD = worded({ code: 'owners.missing-lead', field: 'leads', params: NO_PARAMS });
const UNREPORTED = worded({ code: 'status.unreported', field: 'progress', params: NO_PARAMS });

/** Owner hits come worded: validate caches them per cell text. */
export function ownerHits(matches: readonly OwnerMatch[], field: 'leads' | 'partners'): Hit[] {
  const hits: Hit[] = [];
  for (const m of matches) {
    const best = m.suggestions[0];
    switch (m.matched) {
      case 'none':
        hits.push({
          code: 'owners.unknown',
          field,
          params: {
            name: m.input,
            suggestion: best?.name ?? null,
            score: best?.score ?? null,
            others: m.suggestions.slice(1, 3).map((x) => `「${x.name}」`).join('') || null,
          },
        });
        break;
      case 'fuzzy':
        hits.push({ code: 'owners.fuzzy', field, params: { name: m.input, match: m.name ?? best?.name ?? null, score: m.score } });
        break;
      case 'rule':
        if (m.name && m.name !== m.input) hits.push({ code: 'owners.variant', field, params: { name: m.input, match: m.name, rule: m.rule ?? null } });
        break;
      case 'group':
        hits.push({ code: 'owners.group', field, params: { name: m.input, members: m.members?.length || null } });
        break;
    }
  }
  return hits.map(worded);
}

/** Findings of one task, pushed onto `hits` (validate reuses one array for all rows). */
export function taskHits(task: Task, detail: Judgement, plan: PlanPeriod | null, hasActualColumn: boolean, hits: Hit[] = []): Hit[] {
  if (!task.leadsText.trim()) hits.push(MISSING_LEAD);
  for (const name of bothLeadAndPartner(task.leads, task.partners)) hits.push({ code: 'owners.both', field: 'partners', params: { name } });

  const targetField: FieldKey = task.targetText.trim() ? 'target' : 'content';
  for (const t of task.targets) {
    if (t.unit && !PLAUSIBLE_UNITS.has(t.unit)) hits.push({ code: 'targets.unit-unusual', field: targetField, params: { text: t.text, unit: t.unit } });
  }
  if (plan && task.deadlineYear !== null && (task.deadlineYear < plan.start || task.deadlineYear > plan.end))
    hits.push({ code: 'targets.deadline-outside-plan', field: 'deadline', params: { year: task.deadlineYear, start: plan.start, end: plan.end } });
  // Bad input met while judging (an unknown status word, a share over 100%, an
  // unreadable deadline …): the task was judged on the rest.
  for (const p of detail.problems) hits.push(p);

  const raw = task.actualRaw;
  const primary: Target | undefined = task.targets[0];
  if (hasActualColumn && raw !== null && !(typeof raw === 'string' && !raw.trim())) {
    if (task.actual === null)
      hits.push({ code: 'progress.not-number', field: 'actual', params: { value: String(raw), unit: primary?.unit ?? null, example: primary ? primary.value : null } });
    else if (!primary) hits.push({ code: 'targets.actual-no-target', field: 'actual', params: { value: String(raw) } });
    else if (typeof raw === 'string') {
      const unit = unitSuffix(raw);
      if (unit && primary.unit && !sameUnit(unit, primary.unit))
        hits.push({ code: 'progress.unit-mismatch', field: 'actual', params: { unit, target: primary.unit } });
    }
  }
  if (task.status === '滞后') hits.push({ code: 'status.behind', field: 'progress', params: { progress: detail.progress, expected: detail.expected, evidence: task.evidence } });
  else if (task.status === '逾期') hits.push({ code: 'status.overdue', field: 'progress', params: { due: detail.due, deadline: task.deadlineText || null, progress: detail.progress } });
  else if (task.status === '未填报') hits.push(UNREPORTED);
  if (detail.dueSoon) hits.push({ code: 'progress.due_soon', field: 'deadline', params: { due: detail.due, days: detail.daysLeft } });
  return hits;
}

/** Units named both as lead and as partner (by canonical name; groups excluded). Memoised per owner-array pair. */
const bothMemo = new WeakMap<readonly OwnerMatch[], WeakMap<readonly OwnerMatch[], string[]>>();
function bothLeadAndPartner(leads: readonly OwnerMatch[], partners: readonly OwnerMatch[]): string[] {
  if (!leads.length || !partners.length) return [];
  let inner = bothMemo.get(leads);
  if (!inner) bothMemo.set(leads, (inner = new WeakMap()));
  let out = inner.get(partners);
  if (!out) {
    const names = new Set(leads.filter((m) => m.name && m.matched !== 'group').map((m) => m.name!));
    out = [...new Set(partners.filter((p) => p.name && names.has(p.name)).map((p) => p.name!))];
    inner.set(partners, out);
  }
  return out;
}

/** The unit written after a number in a cell: '23场' → 场, '46 人次' → 人次. */
export function unitSuffix(text: string): string | null {
  const m = /[\d.,，]+\s*(?:万|亿|千|百)?\s*([%％‰]|[\u4e00-\u9fa5]{1,3})\s*$/.exec(text.trim());
  return m ? m[1]!.replace('％', '%') : null;
}

const PERSON = new Set(['人', '名', '位']);

function sameUnit(a: string, b: string): boolean {
  return a === b || (PERSON.has(a) && PERSON.has(b)) || a.endsWith(b) || b.endsWith(a);
}
