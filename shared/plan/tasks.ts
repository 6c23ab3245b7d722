// Deciding what a task is, per plan: the numbered measures of the body (leaves
// of the outline in the action/project sections, or any item that carries
// owners), or the items of a ledger annex when the plan has one.
import { classifyPopulation, classifyProject } from '../classify';
import { fold } from './normalize';
import { ancestors, walk, type OutlineNode } from './outline';
import type { OwnerTableRow } from './annex';
import type { PlanCategory, PlanOwners } from './types';

/** Category named by a heading (its first clause), or null. */
export function categoryOf(title: string): PlanCategory | null {
  const head = fold(title).split(/[,.;。:]/)[0] ?? '';
  if (/组织实施|实施步骤|进度安排|组织领导|时间安排|工作步骤/.test(head)) return '组织实施';
  if (/保障/.test(head)) return '保障措施';
  if (/工程/.test(head)) return '重点工程';
  if (/行动|人群/.test(head)) return '提升行动';
  return null;
}

/** Sections that describe the plan rather than assign work. */
const NOT_TASKS = /^(总体要求|指导思想|基本原则|工作原则|主要目标|工作目标|发展目标|总体目标|目标任务|背景|意义|现状|形势|基本情况|总体思路|工作思路|编制依据)/;

export interface BodyTask {
  node: OutlineNode;
  kind: 'measure' | 'section';
  category: PlanCategory;
  categoryLabel: string;
  group: string;
  owners: PlanOwners | null;
}

/** Owners that reach a node: its own, else an annex row or division of it or an ancestor. */
export function ownersFor(n: OutlineNode): PlanOwners | null {
  if (n.owners) return n.owners;
  if (n.annex) return n.annex;
  if (n.division) return n.division;
  for (let p = n.parent; p; p = p.parent) {
    if (p.annex) return p.annex;
    if (p.division) return p.division;
    if (p.owners) return p.owners;
  }
  return null;
}

export function bodyTasks(roots: OutlineNode[]): BodyTask[] {
  const out: BodyTask[] = [];
  for (const n of walk(roots)) {
    if (n.children.length) continue;
    const chain = ancestors(n);
    let category: PlanCategory | null = null;
    let categoryLabel = '';
    for (const a of chain) {
      const c = categoryOf(a.title);
      if (c) {
        category = c;
        categoryLabel = a.title;
        break;
      }
    }
    const group = [...chain].reverse().find((a) => /行动|工程/.test(a.title))?.title ?? chain[chain.length - 1]?.title ?? '';
    const owners = ownersFor(n);
    const excluded = [...chain, n].some((a) => NOT_TASKS.test(fold(a.title)));
    const isTask =
      owners !== null ||
      (!excluded && (category === '提升行动' || category === '重点工程' || (category === null && n.rank >= 3)));
    if (!isTask) continue;
    out.push({ node: n, kind: n.rank >= 3 ? 'measure' : 'section', category: category ?? '其他', categoryLabel, group, owners });
  }
  return out;
}

/** Squashed name for matching: no marker, no 实施, no punctuation or spaces. */
function key(s: string): string {
  return fold(s)
    .replace(/^\s*(\(?\s*[\d一二三四五六七八九十]+\s*\)?\s*[、.,]?)/, '')
    .split('。')[0]!
    .replace(/^实施/, '')
    .replace(/[\s"“”'‘’《》()、,.:;!?]/g, '');
}

/** One name within the other (科技特派员 in 深入推行科技特派员制度), both long enough to mean something. */
const near = (a: string, b: string): boolean => a.length >= 4 && b.length >= 4 && (a.includes(b) || b.includes(a));

/** What the matcher knows about the outline. */
interface Outline {
  nodes: OutlineNode[];
  keys: Map<OutlineNode, string>;
  categoryOf: (n: OutlineNode) => PlanCategory | null;
  /** Leaves by number when the body numbers its measures straight through (1–40, each once). */
  leafByNumber: Map<string, OutlineNode> | null;
}

function outlineOf(roots: OutlineNode[]): Outline {
  const nodes = [...walk(roots)];
  const catOf = (n: OutlineNode): PlanCategory | null => {
    for (const a of [...ancestors(n), n]) {
      const c = categoryOf(a.title);
      if (c) return c;
    }
    return null;
  };
  const leaves = nodes.filter((n) => !n.children.length && n.rank >= 3);
  const nums = new Map<string, OutlineNode>();
  let unique = leaves.length >= 3;
  for (const n of leaves) {
    if (nums.has(n.num)) unique = false;
    nums.set(n.num, n);
  }
  return { nodes, keys: new Map(nodes.map((n) => [n, key(n.title)])), categoryOf: catOf, leafByNumber: unique ? nums : null };
}

/** The section heading a row's 重点任务 / spanning row names, or null. */
function sectionOf(o: Outline, row: OwnerTableRow): OutlineNode | null {
  if (!row.section) return null;
  const k = key(row.section);
  const heads = o.nodes.filter((n) => n.children.length > 0);
  return heads.find((n) => o.keys.get(n) === k) ?? heads.find((n) => near(o.keys.get(n)!, k)) ?? byLabel(o, row.section, null, heads);
}

/** Best node by title: the same or a containing name, nudged by number, category and section. */
function byTitle(o: Outline, row: OwnerTableRow, section: OutlineNode | null): OutlineNode | null {
  const k = key(row.name);
  const rowCat = categoryOf(row.category) ?? categoryOf(row.name);
  let best: OutlineNode | null = null;
  let bestScore = 0;
  for (const n of o.nodes) {
    const nk = o.keys.get(n)!;
    let sc = nk && nk === k ? 10 : near(nk, k) ? 6 : 0;
    if (!sc) continue;
    if (row.numbered && n.num === row.num) sc += 2;
    if (rowCat && o.categoryOf(n) === rowCat) sc += 1;
    if (section && ancestors(n).includes(section)) sc += 3;
    if (sc > bestScore) {
      best = n;
      bestScore = sc;
    }
  }
  return best;
}

/** A row that says only 青少年, or 科普信息化工程 for a heading 实施科普信息化提升工程: the same population or project. */
function byLabel(o: Outline, text: string, rowCat: PlanCategory | null, among: OutlineNode[] = o.nodes.filter((n) => n.children.length > 0)): OutlineNode | null {
  const want = classifyPopulation(text)?.canonical ?? classifyProject(text)?.canonical ?? null;
  if (!want) return null;
  const hits = among.filter((n) => (classifyPopulation(n.title)?.canonical ?? classifyProject(n.title)?.canonical) === want && (!rowCat || o.categoryOf(n) === rowCat));
  return hits.length === 1 ? hits[0]! : null;
}

/** By number: within the row's section, else among measures numbered straight through, else within the category. */
function byNumber(o: Outline, row: OwnerTableRow, section: OutlineNode | null): OutlineNode | null {
  if (!row.numbered) return null;
  if (section) return section.children.find((c) => c.num === row.num) ?? null;
  const straight = o.leafByNumber?.get(row.num);
  if (straight) return straight;
  const rowCat = categoryOf(row.category) ?? categoryOf(row.name);
  if (!rowCat) return null;
  // Same number within the same category (提升行动 1 ≠ 重点工程 1).
  return o.nodes.find((n) => n.num === row.num && n.children.length > 0 && o.categoryOf(n) === rowCat && n.rank >= 2) ?? null;
}

/**
 * Match annex table rows back to the outline (by title, then by population or
 * project, then by number) and attach their owners and deadline. A row may
 * name a measure or a whole section. Returns the rows nothing matched.
 */
export function applyOwnerTable(roots: OutlineNode[], rows: OwnerTableRow[]): OwnerTableRow[] {
  const o = outlineOf(roots);
  const unmatched: OwnerTableRow[] = [];
  for (const row of rows) {
    const section = sectionOf(o, row);
    const node = byTitle(o, row, section) ?? byLabel(o, row.name, categoryOf(row.category) ?? categoryOf(row.name)) ?? byNumber(o, row, section);
    if (!node) {
      unmatched.push(row);
      continue;
    }
    node.annex = row.owners;
    if (row.deadline) node.annexDeadline = row.deadline;
  }
  return unmatched;
}

/** The deadline a node has: its own, else the one its annex row or an ancestor's gives. */
export function deadlineFor(n: OutlineNode): string | undefined {
  if (n.deadline) return n.deadline;
  for (let p: OutlineNode | null = n; p; p = p.parent) if (p.annexDeadline) return p.annexDeadline;
  return undefined;
}
