// Which population (人群) and key project (工程) a task belongs to.
//
// Evidence is weighed in order: the section label (类别) beats the task title,
// which beats the content. Content is only trusted with care: a population must
// score at least 3 (an outright word such as 青少年 counts 2, a related word such
// as 中小学 counts 1) and twice any other population's score, and a
// project only counts when its full name (… 工程) is written. When unsure the
// answer is null: a wrong bar on a leader's chart is worse than an empty one.

import { POPULATIONS, PROJECTS } from '../model';
import type { Label } from '../model';
import { POPULATION_CONTENT_WORDS, POPULATION_WORDS, PROJECT_WORDS } from './tables';

interface WordIndex {
  re: RegExp;
  canonicalOf: Map<string, string>;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function buildIndex(tables: Record<string, string[]>[], order: readonly string[]): WordIndex {
  const canonicalOf = new Map<string, string>();
  for (const canonical of order) {
    for (const table of tables) for (const w of table[canonical] ?? []) canonicalOf.set(w, canonical);
  }
  const words = [...canonicalOf.keys()].sort((a, b) => b.length - a.length);
  return { re: new RegExp(words.map(escape).join('|'), 'g'), canonicalOf };
}

const POP_STRONG = buildIndex([POPULATION_WORDS], POPULATIONS);
const POP_ALL = buildIndex([POPULATION_WORDS, POPULATION_CONTENT_WORDS], POPULATIONS);
const PROJ = buildIndex([PROJECT_WORDS], PROJECTS);
// In content a project counts only with its 工程 suffix close behind: 科普基础设施建设工程.
const PROJ_FULL = new RegExp(`(?:${PROJ.re.source})[^，。,;；、\\s]{0,6}工程`, 'g');

/** Text short enough to be a label or a title rather than prose. */
const HEADING_MAX = 60;

// Numbering and the verb that opens a heading: （一）实施 / 1．实施 / (1)开展.
const HEADING_PREFIX =
  /^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+\s*[.．、]|[①-⑳])?\s*(?:深入实施|大力实施|组织实施|实施|开展|推进|推动)?/;
const NAME_END = /行动|工程|计划/g;

/** The document's own words for the label: the action or project name when written, else the keyword. */
function labelFor(text: string, keywordAt: number, keyword: string): string {
  const head = HEADING_PREFIX.exec(text);
  const start = head ? head[0].length : 0;
  if (keywordAt >= start && keywordAt - start <= 4) {
    NAME_END.lastIndex = keywordAt + keyword.length;
    const end = NAME_END.exec(text);
    if (end && end.index - start <= 24 && !/[，。,;；、：:]/.test(text.slice(start, end.index))) {
      return text.slice(start, end.index + end[0].length).trim();
    }
  }
  return keyword;
}

/** First sentence of a heading-like text (1．实施青少年科学素质提升行动。完善… → 1．实施青少年科学素质提升行动). */
// A heading is one short phrase: no clause breaks inside it.
function headingOf(text: string): string | null {
  const t = text.trim();
  const stop = t.search(/[。；;\n]/);
  const head = stop === -1 ? t : t.slice(0, stop);
  return head.length > 0 && head.length <= HEADING_MAX && !/[，,：:]/.test(head) ? head : null;
}

/** The single canonical named in a short text, or null when none or several are named. */
function uniqueIn(text: string, index: WordIndex): Label | null {
  let found: Label | null = null;
  let at = -1;
  index.re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = index.re.exec(text)) !== null) {
    const canonical = index.canonicalOf.get(m[0])!;
    if (found === null) {
      found = { canonical, label: m[0] };
      at = m.index;
    } else if (found.canonical !== canonical) return null;
  }
  if (found === null) return null;
  return { canonical: found.canonical, label: labelFor(text, at, found.label) };
}

const STRONG_WORDS = new Set(Object.values(POPULATION_WORDS).flat());
/** Two outright mentions, or one and a related word, or three related words. */
const MIN_SCORE = 3;

/** A population that dominates long prose, or null. */
function dominantIn(text: string): Label | null {
  const counts = new Map<string, { n: number; first: string }>();
  POP_ALL.re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = POP_ALL.re.exec(text)) !== null) {
    const canonical = POP_ALL.canonicalOf.get(m[0])!;
    // A word that names the population outright weighs twice a related word (农村, 中小学).
    const w = STRONG_WORDS.has(m[0]) ? 2 : 1;
    const c = counts.get(canonical);
    if (c) c.n += w;
    else counts.set(canonical, { n: w, first: m[0] });
  }
  let best: string | null = null;
  let bestN = 0;
  let second = 0;
  for (const [canonical, c] of counts) {
    if (c.n > bestN) {
      second = bestN;
      bestN = c.n;
      best = canonical;
    } else if (c.n > second) second = c.n;
  }
  if (best === null || bestN < MIN_SCORE || bestN < 2 * second) return null;
  // Prefer a strong word as the label when the text used one.
  const strong = POPULATION_WORDS[best as keyof typeof POPULATION_WORDS];
  const label = strong.find((w) => text.includes(w)) ?? counts.get(best)!.first;
  return { canonical: best, label };
}

function projectInProse(text: string): Label | null {
  let found: Label | null = null;
  PROJ_FULL.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PROJ_FULL.exec(text)) !== null) {
    PROJ.re.lastIndex = 0;
    const k = PROJ.re.exec(m[0])!;
    const canonical = PROJ.canonicalOf.get(k[0])!;
    if (found === null) found = { canonical, label: m[0] };
    else if (found.canonical !== canonical) return null;
  }
  return found;
}

function populationOfHeading(text: string): Label | null {
  const h = headingOf(text);
  return h === null ? null : uniqueIn(h, POP_STRONG);
}

function projectOfHeading(text: string): Label | null {
  const h = headingOf(text);
  return h === null ? null : uniqueIn(h, PROJ);
}

/**
 * Population of a label, title or text. Short text (a 类别 cell, a heading) is
 * matched on the words of docs/domain.md §3; prose must name one population clearly
 * more often than the others.
 */
export function classifyPopulation(text: string): Label | null {
  if (typeof text !== 'string' || text.trim().length === 0) return null;
  return populationOfHeading(text) ?? dominantIn(text);
}

/** Project of a label, title or text; in prose only a full project name counts. */
export function classifyProject(text: string): Label | null {
  if (typeof text !== 'string' || text.trim().length === 0) return null;
  return projectOfHeading(text) ?? projectInProse(text);
}

/**
 * Population and project of a task. The section label (category) wins and
 * decides both (a label naming both gives both). Without a usable label: the
 * title, then the content with care.
 */
export function classify(parts: { category?: string | null; title?: string | null; content?: string | null }): {
  population: Label | null;
  project: Label | null;
} {
  const category = typeof parts.category === 'string' ? parts.category : '';
  const title = typeof parts.title === 'string' ? parts.title : '';
  const content = typeof parts.content === 'string' ? parts.content : '';

  const catPop = category ? populationOfHeading(category) : null;
  const catProj = category ? projectOfHeading(category) : null;
  // A row belongs to its section: a 提升行动 section gives no project and a 工程
  // section no population, so one task is never counted in both charts by a guess.
  if (catPop !== null || catProj !== null) return { population: catPop, project: catProj };
  // A label that says which kind of section it is (提升行动 / 重点工程) still rules out the other kind.
  const projectSection = /工程/.test(category) && !/行动/.test(category);
  const actionSection = /行动/.test(category) && !/工程/.test(category);
  const population = projectSection ? null : ((title ? populationOfHeading(title) : null) ?? (content ? classifyPopulation(content) : null));
  const project = actionSection ? null : ((title ? projectOfHeading(title) : null) ?? (content ? classifyProject(content) : null));
  return { population, project };
}
