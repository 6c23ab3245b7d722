// importPlan: plan text → plan metadata, outline and the tasks of its ledger.
import type { FileProblem, Finding, OwnerMatch } from '../model';
import { classify } from '../classify';
import { adminLevelOf, defaultDirectory, resolveOwners, type Directory } from '../owners';
import { parseTargets } from '../targets';
import { ledgerAnnex, ownerTable, readTables, type LedgerItem, type OwnerTableRow, type Table } from './annex';
import { planFinding, planProblem, type NoLeadReason } from './messages';
import { findBody, goalOf, jurisdictionOf, periodOf } from './meta';
import { clean, fold, fromMarkdown, isFurniture, looksLikeMarkdown, trimLine, unwrap } from './normalize';
import { buildOutline, markerOf, publicOutline, splitTitle, type Line, type OutlineNode } from './outline';
import { applyOwnerTable, bodyTasks, categoryOf, deadlineFor } from './tasks';
import type { PlanCategory, PlanImport, PlanInfo, PlanOwners, PlanTask } from './types';

const NO_OWNERS: PlanOwners = { leadsText: '', partnersText: '', raw: '', source: 'none', faults: [] };
const ANNEX_START = /^附件\s*\d*\s*([:：].*)?$/;
/** A ledger annex may also start at its own heading: …任务台账, …任务清单, …分工表. */
const ANNEX_HEADING = /^[^。,;:]{0,40}(任务台账|任务清单|工作台账|分工表|任务分工)$/;
const isAnnexStart = (line: string): boolean => {
  const f = fold(trimLine(line)).trim();
  return ANNEX_START.test(f) || (ANNEX_HEADING.test(f) && !markerOf(f));
};

export interface ImportOptions {
  /** Owner directory to resolve against; defaults to the bundled one of the plan's jurisdiction. */
  directory?: Directory | null;
}

export function importPlan(text: string, file?: string, options: ImportOptions = {}): PlanImport | { problem: FileProblem } {
  const name = file ?? '方案';
  const cleaned = clean(text ?? '');
  const source = /\.(md|markdown)$/i.test(name) || (!file && looksLikeMarkdown(cleaned)) ? fromMarkdown(cleaned) : cleaned;
  const all: Line[] = source.split('\n').map((t, i) => ({ no: i + 1, text: t }));
  const lines = unwrap(all.filter((l) => !isFurniture(fold(trimLine(l.text)).trim())));
  if (!lines.some((l) => l.text.trim())) return { problem: planProblem('plan.empty', name) };

  const body = findBody(lines);
  const wrapper = lines.slice(0, body.start).map((l) => l.text).join('\n');
  const rest = lines.slice(body.start);

  // Owner tables (类别/任务内容/牵头部门/责任部门) are read apart from the prose,
  // from their header row on. Other tab-holding lines (tab-indented paragraphs,
  // tables without owners) stay prose.
  const owned = readTables(rest)
    .map((t) => ({ t, o: ownerTable(t) }))
    .filter((x): x is { t: Table; o: NonNullable<ReturnType<typeof ownerTable>> } => x.o !== null);
  const inTable = new Set<number>();
  for (const { t, o } of owned) for (let n = o.first; n <= t.last; n++) inTable.add(n);
  const prose = rest.filter((l) => !inTable.has(l.no));

  // A ledger annex (附件 … 任务台账) after the body.
  const annexAt = prose.findIndex((l) => isAnnexStart(l.text));
  const annex = annexAt >= 0 ? ledgerAnnex(prose.slice(annexAt)) : null;
  const bodyLines = annex ? prose.slice(0, annexAt) : prose;

  const { roots, preamble } = buildOutline(bodyLines);
  const findings: Finding[] = [];

  const ownerRows = owned.flatMap(({ o }) => o.rows);
  const unmatched = applyOwnerTable(roots, ownerRows);
  // A table whose rows name no section of the body is itself the ledger
  // (重点任务分工表): its rows are the tasks.
  const tableLedger = !annex && unmatched.length >= 3 && unmatched.length >= ownerRows.length * 0.6 ? unmatched : null;
  if (!tableLedger) for (const r of unmatched) findings.push(planFinding('plan.annex-row-unmatched', 'warning', r.line, { name: r.name }, file));

  const period = periodOf(body.title, source);
  const jurisdiction = body.title ? jurisdictionOf(body.title, wrapper) : null;
  const plan: PlanInfo = {
    title: body.title,
    jurisdiction,
    level: adminLevelOf(jurisdiction),
    period,
    goal: goalOf(rest.map((l) => l.text).join('\n'), period),
    draft: body.draft,
    preamble,
  };
  if (!period) findings.push(planFinding('plan.no-period', 'info', null, {}, file));
  if (!jurisdiction) findings.push(planFinding('plan.no-jurisdiction', 'info', null, {}, file));
  if (!plan.goal?.target) findings.push(planFinding('plan.no-goal', 'info', null, {}, file));

  let directory: Directory | null = null;
  if (options.directory !== undefined) directory = options.directory;
  else {
    try {
      directory = defaultDirectory(jurisdiction ?? undefined);
    } catch {
      directory = null; // rules-only lookup still works
    }
  }
  const ctx = jurisdiction ? { jurisdiction } : {};
  // Every measure of an action shares its owner text: resolve each text once.
  // The partners are resolved with the leads before them: one enumeration.
  const resolved = new Map<string, OwnerMatch[]>();
  const resolve = (t: string, before = ''): OwnerMatch[] => {
    if (!t.trim()) return [];
    const k = `${before}\u0000${t}`;
    let hit = resolved.get(k);
    if (!hit) resolved.set(k, (hit = resolveOwners(t, directory, { ...ctx, before })));
    return hit.map((m) => ({ ...m }));
  };

  const drafts: Omit<PlanTask, 'leads' | 'partners' | 'targets' | 'population' | 'project'>[] = [];
  let taskSource: PlanImport['taskSource'] = 'body';
  if (annex) {
    taskSource = 'ledger-annex';
    for (const it of annex.items) drafts.push(fromLedgerItem(it));
  } else if (tableLedger) {
    taskSource = 'ledger-annex';
    for (const r of tableLedger) drafts.push(fromTableRow(r));
  } else {
    for (const t of bodyTasks(roots)) drafts.push(fromBodyTask(t.node, t.kind, t.category, t.categoryLabel, t.group, t.owners));
  }
  if (!drafts.length) return { problem: planProblem('plan.not-plan', name) };

  const tasks: PlanTask[] = drafts.map((d) => {
    const { population, project } = classify({ category: d.group || d.categoryLabel, title: d.title, content: d.content });
    const task: PlanTask = {
      ...d,
      population,
      project,
      leads: resolve(d.owners.leadsText),
      partners: resolve(d.owners.partnersText, d.owners.leadsText),
      // A measure with no content beyond its title is read once, not twice.
      targets: parseTargets(d.content && d.content !== d.title ? `${d.title}。${d.content}` : d.title),
    };
    for (const fault of d.owners.faults) findings.push(planFinding('plan.owner-fault', 'info', d.line, { id: d.id, fault }, file));
    if (!task.leads.length) findings.push(planFinding('plan.no-lead', 'warning', d.line, { id: d.id, title: d.title, reason: noLeadReason(d.owners) }, file));
    for (const m of [...task.leads, ...task.partners]) {
      if (m.matched === 'none' || m.matched === 'fuzzy') {
        findings.push(planFinding('plan.owner-unknown', 'info', d.line, { id: d.id, name: m.input, suggestion: m.suggestions[0]?.name ?? null }, file));
      }
    }
    return task;
  });

  const used = new Set(tasks.flatMap((t) => [...t.leads, ...t.partners]).map((m) => m.name));
  const units = (directory?.units ?? []).filter((u) => used.has(u.name));
  return { plan, tasks, outline: publicOutline(roots), taskSource, findings, units, ...(file ? { file } : {}) };
}

function fromBodyTask(
  n: OutlineNode,
  kind: PlanTask['kind'],
  category: PlanCategory,
  categoryLabel: string,
  group: string,
  owners: PlanOwners | null,
): Omit<PlanTask, 'leads' | 'partners' | 'targets' | 'population' | 'project'> {
  return {
    id: n.id,
    kind,
    category,
    categoryLabel,
    group,
    title: n.title,
    content: n.content || n.title,
    owners: owners ?? NO_OWNERS,
    ...(deadlineFor(n) ? { deadline: deadlineFor(n) } : {}),
    line: n.line,
  };
}

function fromLedgerItem(it: LedgerItem): Omit<PlanTask, 'leads' | 'partners' | 'targets' | 'population' | 'project'> {
  return {
    id: it.num,
    kind: 'ledger-item',
    category: '其他',
    categoryLabel: '',
    group: '',
    title: it.title,
    content: it.content || it.title,
    owners: it.owners ?? NO_OWNERS,
    line: it.line,
  };
}

function fromTableRow(r: OwnerTableRow): Omit<PlanTask, 'leads' | 'partners' | 'targets' | 'population' | 'project'> {
  const text = r.name.replace(/^\s*[(（]?\s*(\d{1,3}|[一二三四五六七八九十]{1,3})\s*[)）]?\s*[、.．,，]\s*/, '');
  const { title, rest } = splitTitle(text);
  // The row's action or project: its own 类别, else the task column beside it (工作任务 next to 工作措施).
  const group = r.section || r.category;
  return {
    id: r.num,
    kind: 'ledger-item',
    category: categoryOf(r.category) ?? categoryOf(group) ?? '其他',
    categoryLabel: r.category || group,
    group,
    title,
    content: rest || title,
    owners: r.owners,
    ...(r.deadline ? { deadline: r.deadline } : {}),
    line: r.line,
  };
}

/** Why a task has no lead, for the finding: nothing found, or owner text that names no lead. */
function noLeadReason(o: PlanOwners): NoLeadReason {
  if (o.source === 'none') return 'no-owner-text';
  return o.leadsText.trim() ? 'unreadable' : 'partners-only';
}

export function isProblem(r: PlanImport | { problem: FileProblem }): r is { problem: FileProblem } {
  return 'problem' in r;
}
