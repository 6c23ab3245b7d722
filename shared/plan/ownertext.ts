// Finding owner text in a plan and splitting it into leads and partners.
// The shapes (docs/domain.md §2): a bracket after the task (with real-world faults),
// trailing parentheses of a national ledger, a division-of-labour paragraph.
// Names stay as written here; the owner lookup (shared/owners) resolves them.
import { displayName, isUnitName, splitOutsideBrackets, splitOwners } from '../owners';
import { fold } from './normalize';
import type { PlanOwners } from './types';

const LEAD_KEY = /([[(]\s*)?牵头(?:责任)?(?:单位|部门)?\s*:\s*/g;
const PARTNER_KEY = /([,;、。.]?)\s*(?:责任|配合|参与|协办|协同|参加)(?:单位|部门)?\s*:\s*/;
/** (责任单位：A、B；牵头单位：C): the partners written first, inside the same bracket. */
const PARTNERS_FIRST = /[[(]\s*(?:责任|配合|参与|协办|协同|参加)(?:单位|部门)\s*:\s*([^[\]()\n]*?)\s*[,;、]\s*$/;
const DEADLINE_KEY = /[,;、]?\s*(?:完成时限|完成时间|时间节点|时限要求|时限)\s*:\s*/;
const RESP_ONLY_KEY = /([[(]\s*)?(?:责任|主责)(?:单位|部门)\s*:\s*/g;

/** Index of the bracket's closer after `from`: ']' or ')' at depth 0 (names may hold (…)). */
function closerAt(f: string, from: number): number {
  let depth = 0;
  for (let i = from; i < f.length; i++) {
    const ch = f[i];
    if (ch === '(') depth++;
    else if (ch === ')') {
      if (depth > 0) depth--;
      else return i;
    } else if (ch === ']' && depth === 0) return i;
    else if (ch === '\n') return -1; // a bracket never runs into the next paragraph
  }
  return -1;
}

const trimName = (s: string) => s.replace(/^[\s,;、:：，；。.]+|[\s,;、:：，；。.]+$/g, '');

export interface FoundOwners {
  owners: PlanOwners;
  /** The text with the owner part cut out. */
  rest: string;
}

/**
 * The bracket after a task: 〔牵头单位:A、B,责任单位:C、D〕, also without brackets
 * (牵头单位：A；责任单位：B on its own line), with 、 instead of , before 责任单位,
 * or a 〔 closed by ）. The last one in the text wins (it belongs to the task).
 */
export function findBracketOwners(text: string): FoundOwners | null {
  const f = fold(text);
  let m: RegExpExecArray | null;
  let last: RegExpExecArray | null = null;
  LEAD_KEY.lastIndex = 0;
  while ((m = LEAD_KEY.exec(f))) last = m;
  if (last) return ownersFrom(text, f, last, 'lead');
  RESP_ONLY_KEY.lastIndex = 0;
  while ((m = RESP_ONLY_KEY.exec(f))) last = m;
  if (last) return ownersFrom(text, f, last, 'resp');
  return null;
}

function ownersFrom(text: string, f: string, m: RegExpExecArray, kind: 'lead' | 'resp'): FoundOwners {
  const faults: string[] = [];
  let start = m.index;
  let opener = m[1] ? text[start] ?? '' : '';
  let partnersFirst = '';
  if (kind === 'lead' && !opener) {
    const lineStart = f.lastIndexOf('\n', start - 1) + 1;
    const pf = PARTNERS_FIRST.exec(f.slice(lineStart, start));
    if (pf) {
      const at = lineStart + pf.index;
      partnersFirst = trimName(text.slice(at + pf[0].indexOf(pf[1]!, 1), at + pf[0].indexOf(pf[1]!, 1) + pf[1]!.length));
      start = at;
      opener = text[at] ?? '';
    }
  }
  const bodyStart = m.index + m[0].length;
  const close = closerAt(f, bodyStart);
  let end = close >= 0 ? close : endOfOwners(f, bodyStart);
  if (close < 0 && kind === 'lead' && !PARTNER_KEY.test(f.slice(bodyStart, end))) {
    // 牵头单位：A
    // 责任单位：B        (the two keys on lines of their own)
    const next = /^\n\s*(?:责任|配合|参与|协办|协同|参加)(?:单位|部门)\s*:/.exec(f.slice(end));
    if (next) end = endOfOwners(f, end + next[0].length);
  }
  // 〔牵头单位:A;责任单位:B;完成时限:2025年底〕: the deadline is not an owner.
  const dl = DEADLINE_KEY.exec(f.slice(bodyStart, end));
  const ownersEnd = dl ? bodyStart + dl.index : end;
  const deadline = dl ? trimName(text.slice(bodyStart + dl.index + dl[0].length, end)) : '';
  const body = text.slice(bodyStart, ownersEnd);
  const fb = f.slice(bodyStart, ownersEnd);
  if (opener && close >= 0) {
    const closer = text[close]!;
    const pairs: Record<string, string> = { '〔': '〕', '【': '】', '[': ']', '［': '］', '（': '）', '(': ')' };
    const expected = pairs[opener];
    if (expected && closer !== expected && !(fold(expected) === fold(closer))) faults.push(`“${opener}”以“${closer}”结尾`);
  } else if (opener && close < 0) faults.push(`“${opener}”没有结尾括号`);
  let leadsText = '';
  let partnersText = '';
  if (kind === 'lead') {
    const pm = PARTNER_KEY.exec(fb);
    if (pm) {
      leadsText = trimName(body.slice(0, pm.index));
      partnersText = trimName(body.slice(pm.index + pm[0].length));
      if (pm[1] === '、') faults.push('“责任单位”前用了“、”');
      if (!pm[1] && pm.index > 0 && !pm[0].includes('\n') && !/[,;，；。]\s*$/.test(fb.slice(0, pm.index))) faults.push('“责任单位”前缺少标点');
    } else leadsText = trimName(body);
    if (partnersFirst) partnersText = [partnersFirst, partnersText].filter(Boolean).join('、');
  } else {
    // 责任单位 alone: units marked （牵头） lead; without marks the convention
    // is that the first unit listed leads.
    const names = trimName(body);
    const parts = names.split(/[、,，;；]/).map(trimName).filter(Boolean);
    const marked = /[(（]\s*牵头\s*[)）]$/;
    if (/牵头|参与|配合|协助|负责/.test(names) && !parts.some((p) => marked.test(p))) {
      ({ leadsText, partnersText } = splitLeadPartner(names));
    } else if (parts.some((p) => marked.test(p))) {
      leadsText = parts.filter((p) => marked.test(p)).map((p) => p.replace(marked, '').trim()).join('、');
      partnersText = parts.filter((p) => !marked.test(p)).join('、');
    } else {
      const cut = names.search(/[、,，;；]/);
      leadsText = cut < 0 ? names : names.slice(0, cut);
      partnersText = cut < 0 ? '' : trimName(names.slice(cut + 1));
      faults.push('只写了“责任单位”，第一个单位视为牵头单位');
    }
  }
  const rawEnd = close >= 0 ? close + 1 : end;
  const raw = text.slice(start, rawEnd).trim();
  const rest = (text.slice(0, start) + text.slice(rawEnd)).replace(/[ \t]+\n/g, '\n').trim();
  return { owners: { leadsText, partnersText, raw, source: 'bracket', faults, ...(deadline ? { deadline } : {}) }, rest };
}

/** Without a closer, owner text runs to the end of its line. */
function endOfOwners(f: string, from: number): number {
  const nl = f.indexOf('\n', from);
  return nl < 0 ? f.length : nl;
}

/**
 * Does this read as a list of unit names (not 征求意见稿, 2021—2025年, 所、站)?
 * Labels (牵头单位：), role words (…牵头, …等单位配合) and group words (各乡镇,
 * 有关成员单位) are allowed; every name must look like a unit.
 */
export function looksLikeUnits(s: string): boolean {
  if (/\d/.test(s)) return false;
  const names = splitOwners(s);
  if (!names.length) return false;
  return names.every((n) => {
    const d = displayName(n);
    return d.length >= 2 && d.length <= 30 && !/[。：:]/.test(d) && isUnitName(d);
  });
}

/** 等单位 / 等部门 at the end of a list. */
const ETC = /等(?:有关|相关)?(?:单位|部门)?$/;
/** Role words after a list: who leads, who takes part, who is responsible. */
const LEAD_ROLE = /(?:共同)?(?:(?:为|是)?牵头(?:单位|部门)?|牵头(?:负责|实施|落实|组织))$/;
const PARTNER_ROLE = /(?:(?:为|是)?(?:配合|参与|责任|协办)(?:单位|部门)|参与|配合|协助|协办|协同|参加|负责落实|共同实施|配合实施|共同参与)$/;
/** 市科协（牵头）: the lead marked inside a plain list. */
const LEAD_MARK = /[(（]\s*牵头\s*[)）]/;
const DUTY_ROLE = /(?:按职责分工负责|按职责负责|分别负责|按职责分工落实|负责)$/;

function stripRole(c: string): string {
  return c.replace(LEAD_ROLE, '').replace(PARTNER_ROLE, '').replace(DUTY_ROLE, '').replace(ETC, '').trim();
}

/**
 * Clauses like `X、Y牵头,A、B等单位配合` → leads / partners text. Without a 牵头
 * clause every unit named is responsible (`A、B等按职责分工负责`) and leads,
 * except those marked as taking part.
 */
export function splitLeadPartner(text: string): { leadsText: string; partnersText: string } {
  const clauses = splitTop(text.replace(/[。.]\s*$/, ''), /[,;，；]/)
    .map((c) => c.trim().replace(/^由/, ''))
    .filter(Boolean);
  const hasLead = clauses.some((c) => LEAD_ROLE.test(c));
  const leads: string[] = [];
  const partners: string[] = [];
  const marked = !hasLead && LEAD_MARK.test(text);
  for (const c of clauses) {
    const name = stripRole(c);
    if (!name) continue;
    if (marked && !PARTNER_ROLE.test(c)) {
      // 市科协（牵头）、市教育局: the marked names lead, the others take part.
      for (const n of splitTop(name, /[、]/)) (LEAD_MARK.test(n) ? leads : partners).push(n.replace(LEAD_MARK, '').trim());
    } else if (LEAD_ROLE.test(c)) leads.push(name);
    else if (PARTNER_ROLE.test(c)) partners.push(name);
    else if (hasLead) partners.push(name);
    else leads.push(name);
  }
  return { leadsText: leads.map(trimName).filter(Boolean).join('、'), partnersText: partners.map(trimName).filter(Boolean).join('、') };
}

const splitTop = (s: string, sep: RegExp): string[] => splitOutsideBrackets(s, (ch) => sep.test(ch));

/**
 * A sentence that only assigns owners, with no label: 市教育局牵头，市科协、团市委配合。
 * It needs a role word (牵头, 配合, 负责 …) so a list of names in prose is not one.
 */
export function isOwnerSentence(line: string): boolean {
  return /(?:牵头|配合|参与|参加|协助|协办|负责)(?:单位|部门)?[。.]?\s*$/.test(fold(line)) && looksLikeUnits(line);
}

/**
 * Trailing parentheses of a national ledger item: `…五项学科竞赛。(教育部、中国科协)`
 * or `(中国科协牵头,各成员单位参与)`. Only when the inside reads as unit names.
 */
export function findTrailingOwners(text: string): FoundOwners | null {
  const t = text.replace(/\s+$/, '');
  const f = fold(t);
  if (!f.endsWith(')')) return null;
  let depth = 0;
  let open = -1;
  for (let i = f.length - 1; i >= 0; i--) {
    if (f[i] === ')') depth++;
    else if (f[i] === '(') {
      depth--;
      if (depth === 0) {
        open = i;
        break;
      }
    }
  }
  if (open < 0) return null;
  const inner = t.slice(open + 1, t.length - 1);
  if (!looksLikeUnits(inner)) return null;
  const { leadsText, partnersText } = splitLeadPartner(inner);
  return {
    owners: { leadsText, partnersText, raw: t.slice(open), source: 'parenthesis', faults: [] },
    rest: t.slice(0, open).trim(),
  };
}

const DIVISION_WORD = '(?:任务分工|责任分工|职责分工|工作分工|分工负责|分工)';
const DIVISION = new RegExp(`^\\s*[[(]?\\s*${DIVISION_WORD}\\s*[:：]\\s*(.+?)[\\])]?\\s*$`);

/** A division-of-labour paragraph (分工: X、Y牵头,A、B、C等单位配合。) or null. */
export function parseDivision(line: string): PlanOwners | null {
  const m = DIVISION.exec(fold(line));
  if (!m) return null;
  const at = m[0].indexOf(m[1]!);
  const body = line.slice(at, at + m[1]!.length).trim();
  return divisionOf(body, line.trim());
}

/** The owners a division text states (X、Y牵头，A、B等单位配合。), or null when it names no unit. */
export function divisionOf(body: string, raw: string): PlanOwners | null {
  if (!looksLikeUnits(body)) return null;
  const { leadsText, partnersText } = splitLeadPartner(body);
  if (!leadsText && !partnersText) return null;
  return { leadsText, partnersText, raw, source: 'division', faults: [] };
}

/**
 * A label on a line of its own, the owners in the next paragraph(s):
 *   任务分工：                        → 'division' (applies to the section's measures)
 *   责任单位： / 牵头单位：            → 'key' (the measure's, or its section's)
 */
const LABEL_ONLY = new RegExp(
  `^\\s*[[(]?\\s*(${DIVISION_WORD}|(?:主要)?(?:牵头|责任|配合|参与|协办|主责)(?:单位|部门)(?:和|及|、)?(?:(?:牵头|责任|配合|参与|协办)(?:单位|部门))?)\\s*[:：]?\\s*[\\])]?\\s*$`,
);

export function labelOnly(line: string): { kind: 'division' | 'key'; label: string } | null {
  const m = LABEL_ONLY.exec(fold(line));
  if (!m) return null;
  return { kind: new RegExp(`^${DIVISION_WORD}$`).test(m[1]!) ? 'division' : 'key', label: m[1]! };
}

/** A whole line that states owners under a key (牵头单位：区科协 / 配合单位：… / （责任单位：…）). */
const OWNER_LINE = /^\s*[[(]?\s*(?:主要)?(?:牵头|责任|配合|参与|协办|主责|协同)(?:责任)?(?:单位|部门)\s*[:：]/;

export function isOwnerLine(line: string): boolean {
  return OWNER_LINE.test(fold(line)) && looksLikeUnits(line);
}

const DEADLINE_LINE = /(^|\n)\s*[[(]?\s*(?:完成时限|完成时间|时间节点|时限要求)\s*:\s*([^\n\])]+?)\s*[\])]?\s*(?=\n|$)/;

/** A deadline on a line of its own after a task: 完成时限：2025年底 (also in brackets). */
export function findDeadline(text: string): { deadline: string; rest: string } | null {
  const m = DEADLINE_LINE.exec(fold(text));
  if (!m) return null;
  const start = m.index + m[1]!.length;
  const valueAt = m.index + m[0].indexOf(m[2]!, m[1]!.length);
  const deadline = text.slice(valueAt, valueAt + m[2]!.length).trim();
  const rest = (text.slice(0, start) + text.slice(m.index + m[0].length)).trim();
  return { deadline, rest };
}
