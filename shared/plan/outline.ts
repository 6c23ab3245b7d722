// The numbered structure of a plan: 一、 > （一）/(一) > 1./1． > （1）/(1).
// Ranks come from the marker's shape, not from depth, so a plan that goes
// straight from 一、 to 1. (work points) reads the same way.
import { fold } from './normalize';
import { divisionOf, findBracketOwners, findDeadline, findTrailingOwners, isOwnerLine, isOwnerSentence, labelOnly, looksLikeUnits, parseDivision } from './ownertext';
import type { PlanNode, PlanOwners } from './types';

export interface Line {
  /** 1-based line number in the cleaned text. */
  no: number;
  text: string;
}

export interface Marker {
  rank: 1 | 2 | 3 | 4;
  num: string;
  /** Length of the marker in the line (after leading spaces). */
  length: number;
}

const MARKERS: { rank: Marker['rank']; re: RegExp }[] = [
  { rank: 2, re: /^\(\s*([一二三四五六七八九十]{1,3})\s*\)\s*[、.,]?\s*/ },
  { rank: 4, re: /^\(\s*(\d{1,3})\s*\)\s*[、.,]?\s*/ },
  { rank: 1, re: /^([一二三四五六七八九十]{1,3})\s*[、.,]\s*/ },
  { rank: 3, re: /^(\d{1,3})\s*[.、](?!\d)\s*/ },
  // 1) / 1） without the opening bracket: the fourth level in some plans
  { rank: 4, re: /^(\d{1,3})\s*\)\s*/ },
];

/** The numbering marker at the start of a (trimmed) line, or null. */
export function markerOf(line: string): Marker | null {
  const f = fold(line);
  for (const { rank, re } of MARKERS) {
    const m = re.exec(f);
    if (m && m[0].length < f.length) return { rank, num: m[1]!, length: m[0].length };
  }
  return null;
}

/** How a marker shows in a task id: 三, （二）, 3, （1）. */
export function idPart(rank: Marker['rank'], num: string): string {
  return rank === 2 || rank === 4 ? `（${num}）` : num;
}

/** Internal node: the public PlanNode plus what the importer attaches. */
export interface OutlineNode extends PlanNode {
  children: OutlineNode[];
  parent: OutlineNode | null;
  /** Text after the marker, with its continuation lines. */
  text: string;
  /** Owners of a division paragraph that applies to this section's measures. */
  division: PlanOwners | null;
  /** Owners given by an annex table row matched to this node. */
  annex: PlanOwners | null;
  /** 完成时限 of that annex row. */
  annexDeadline?: string;
  /** Owner lines that followed the node's text on lines of their own (牵头单位：… / 责任单位：…). */
  ownerLines: string[];
}

/**
 * The first sentence (up to 。 outside quotes and brackets) and the rest.
 * A heading without 。 is all title.
 */
export function splitTitle(text: string): { title: string; rest: string } {
  const firstLine = text.split('\n')[0] ?? '';
  let depth = 0;
  for (let i = 0; i < firstLine.length; i++) {
    const ch = firstLine[i]!;
    if ('“《（(〔【「'.includes(ch)) depth++;
    else if ('”》）)〕】」'.includes(ch)) depth = Math.max(0, depth - 1);
    else if ((ch === '。' || ch === '！' || ch === '？') && depth === 0) {
      return { title: firstLine.slice(0, i).trim(), rest: (firstLine.slice(i + 1) + text.slice(firstLine.length)).trim() };
    }
  }
  return { title: firstLine.trim(), rest: text.slice(firstLine.length).trim() };
}

/** Where a division paragraph belongs: after a section's measures it closes the section; directly under a heading, that heading. */
function divisionTarget(deepest: OutlineNode): OutlineNode {
  return deepest.rank >= 3 && deepest.parent && !deepest.children.length ? deepest.parent : deepest;
}

/** A label on a line of its own (任务分工： / 责任单位：) waiting for the owners in the next paragraph(s). */
interface PendingLabel {
  kind: 'division' | 'key';
  label: string;
  line: string;
  owners: string[];
}

export function buildOutline(lines: Line[]): { roots: OutlineNode[]; preamble: string } {
  const roots: OutlineNode[] = [];
  const stack: OutlineNode[] = [];
  const preamble: string[] = [];
  let pending: PendingLabel | null = null;
  const addText = (line: string) => {
    const deepest = stack[stack.length - 1];
    if (deepest) deepest.text += '\n' + line;
    else preamble.push(line);
  };
  const flush = () => {
    const p = pending;
    pending = null;
    if (!p) return;
    const deepest = stack[stack.length - 1];
    const body = p.owners.join('');
    if (!deepest || !body) return addText([p.line, ...p.owners].join('\n'));
    if (p.kind === 'division') {
      const owners = divisionOf(body, [p.line, ...p.owners].join('\n'));
      if (owners) divisionTarget(deepest).division = owners;
      else addText([p.line, ...p.owners].join('\n'));
    } else deepest.ownerLines.push(`${p.label}：${body}`);
  };
  for (const { no, text } of lines) {
    // Leading tabs are indentation here (tables were taken out before).
    const line = text.trim();
    if (!line) continue;
    if (pending && !markerOf(line) && !labelOnly(line) && looksLikeUnits(line)) {
      pending.owners.push(line);
      continue;
    }
    flush();
    const label = labelOnly(line);
    if (label) {
      pending = { ...label, line, owners: [] };
      continue;
    }
    const division = parseDivision(line);
    if (division) {
      const deepest = stack[stack.length - 1];
      if (deepest) divisionTarget(deepest).division = division;
      continue;
    }
    const mk = markerOf(line);
    if (!mk && stack.length && (isOwnerLine(line) || isOwnerSentence(line))) {
      stack[stack.length - 1]!.ownerLines.push(line);
      continue;
    }
    if (mk) {
      while (stack.length && stack[stack.length - 1]!.rank >= mk.rank) stack.pop();
      const parent = stack[stack.length - 1] ?? null;
      const id = [...stack.map((n) => idPart(n.rank, n.num)), idPart(mk.rank, mk.num)].join('.');
      const node: OutlineNode = {
        rank: mk.rank,
        num: mk.num,
        id,
        title: '',
        content: '',
        line: no,
        owners: null,
        children: [],
        parent,
        text: line.slice(mk.length).trim(),
        division: null,
        annex: null,
        ownerLines: [],
      };
      (parent ? parent.children : roots).push(node);
      stack.push(node);
      continue;
    }
    addText(line);
  }
  flush();
  const finish = (n: OutlineNode) => {
    const found = findBracketOwners(n.text) ?? findTrailingOwners(n.text);
    let body = found ? found.rest : n.text;
    n.owners = found?.owners ?? ownersOfLines(n.ownerLines);
    const dl = findDeadline(body);
    if (dl) body = dl.rest;
    const deadline = n.owners?.deadline ?? dl?.deadline;
    if (deadline) n.deadline = deadline;
    const { title, rest } = splitTitle(body);
    n.title = title;
    n.content = rest;
    n.children.forEach(finish);
  };
  roots.forEach(finish);
  roots.forEach(liftSectionOwners);
  return { roots, preamble: preamble.join('\n') };
}

/** Owner lines (牵头单位：X / 配合单位：Y, or 责任单位：Z) read as one owner text. */
function ownersOfLines(lines: readonly string[]): PlanOwners | null {
  if (!lines.length) return null;
  const raw = lines.join('\n');
  // 牵头单位：…（keys）, else 市教育局牵头，市科协配合。 (role words).
  const owners = findBracketOwners(raw)?.owners ?? divisionOf(lines.join('，'), raw);
  return owners ? { ...owners, source: 'label', raw } : null;
}

/**
 * Owner lines after the last of a section's measures, when none of the other
 * measures has owners of its own, are the section's: they follow its last
 * measure only because that is where a section ends.
 */
function liftSectionOwners(n: OutlineNode): void {
  n.children.forEach(liftSectionOwners);
  const kids = n.children;
  const last = kids[kids.length - 1];
  if (kids.length < 2 || !last || last.owners?.source !== 'label' || n.division) return;
  if (kids.slice(0, -1).some((k) => k.owners)) return;
  n.division = last.owners;
  last.owners = null;
}

export function* walk(nodes: OutlineNode[]): Generator<OutlineNode> {
  for (const n of nodes) {
    yield n;
    yield* walk(n.children);
  }
}

export function ancestors(n: OutlineNode): OutlineNode[] {
  const out: OutlineNode[] = [];
  for (let p = n.parent; p; p = p.parent) out.unshift(p);
  return out;
}

/** The public, cycle-free shape of the outline (for JSON and the add-in). */
export function publicOutline(nodes: OutlineNode[]): PlanNode[] {
  return nodes.map((n) => ({
    rank: n.rank,
    num: n.num,
    id: n.id,
    title: n.title,
    content: n.content,
    line: n.line,
    owners: n.owners ?? n.annex ?? n.division,
    ...(n.deadline ? { deadline: n.deadline } : {}),
    children: publicOutline(n.children),
  }));
}
