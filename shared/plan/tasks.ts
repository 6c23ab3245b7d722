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

function numOf(s: string): string | null {
  const m = /^\s*\(?\s*([\d一二三四五六七八九十]+)\s*\)?\s*[、.,]/.exec(fold(s));
  return m ? m[1]! : null;
}

/**
 * Match annex table rows back to the outline (by name, then by number within
 * the category) and attach their owners. Returns the rows nothing matched.
 */
export function applyOwnerTable(roots: OutlineNode[], rows: OwnerTableRow[]): OwnerTableRow[] {
  const nodes = [...walk(roots)];
  const keys = new Map(nodes.map((n) => [n, key(n.title)]));
  const unmatched: OwnerTableRow[] = [];
  const catOf = (n: OutlineNode): PlanCategory | null => {
    for (const a of [...ancestors(n), n]) {
      const c = categoryOf(a.title);
      if (c) return c;
    }
    return null;
  };
  for (const row of rows) {
    const k = key(row.name);
    const num = numOf(row.name);
    const rowCat = categoryOf(row.category) ?? categoryOf(row.name);
    const score = (n: OutlineNode): number => {
      const nk = keys.get(n)!;
      let s = 0;
      if (nk && nk === k) s = 10;
      else if (k.length >= 4 && nk.length >= 4 && (nk.includes(k) || k.includes(nk))) s = 6;
      else return 0;
      if (num && n.num === num) s += 2;
      if (rowCat && catOf(n) === rowCat) s += 1;
      return s;
    };
    let best: OutlineNode | null = null;
    let bestScore = 0;
    for (const n of nodes) {
      const s = score(n);
      if (s > bestScore) {
        best = n;
        bestScore = s;
      }
    }
    if (!best) {
      // Same population or project (a row that says only 青少年, or 科普信息化工程
      // for a body heading 实施科普信息化提升工程), among the section headings.
      const want = classifyPopulation(row.name)?.canonical ?? classifyProject(row.name)?.canonical ?? null;
      if (want) {
        const hits = nodes.filter(
          (n) => n.children.length > 0 && (classifyPopulation(n.title)?.canonical ?? classifyProject(n.title)?.canonical) === want && (!rowCat || catOf(n) === rowCat),
        );
        if (hits.length === 1) best = hits[0]!;
      }
    }
    if (!best && num && rowCat) {
      // Same number within the same category (提升行动 1 ≠ 重点工程 1).
      best = nodes.find((n) => n.num === num && n.children.length > 0 && catOf(n) === rowCat && n.rank >= 2) ?? null;
    }
    if (best) best.annex = row.owners;
    else unmatched.push(row);
  }
  return unmatched;
}
