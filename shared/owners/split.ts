// splitOwners: an owner field → the unit names in it, as written (stray spaces
// and labels removed). Separators are 、，,；;／/ and line breaks at bracket
// depth 0, spaces between two complete names, and 和/与/及 only where they join
// two complete names (never inside 区规划和自然资源局 or 文化和旅游部).
import { dropStrayBrackets, foldWidth, isCloser, isOpener } from './normalize';
import { groupKeyOf } from './groups';
import { looksLikeUnit } from './rules';

const SEPARATORS = new Set(['、', '，', ',', '；', ';', '／', '/', '\n', '\r', '\t', '。', '|', '｜']);

/** Labels in front of a list of names: 牵头单位：, 责任单位:, 由…, 分工： */
const LEAD_LABEL =
  /^(?:(?:任务)?分工\s*[:：]\s*)?(?:由\s*)?(?:(?:主要)?(?:牵头|责任|配合|协办|参与|主办|承办|协同|协助|实施|落实)(?:单位|部门)?\s*[:：]\s*|(?:牵头|责任|配合|协办|参与|主办|承办|协同|协助)(?:单位|部门)\s*(?:为|是)?\s*)/;

/** Role words after a name or list: …牵头, …配合, …等单位, …等. */
const TRAIL_ROLE = /(?:共同|按职责分工|按照职责分工|按职责|按照职责|分别|各自)?(?:牵头|配合|参与|负责|协助|协办|落实|实施|承办|主办|参加)$/;
const TRAIL_ETC = /等(?:有关|相关)?(?:单位|部门|成员单位)?$/;

/** A bracket that holds a role note rather than an alias: 区科协（牵头）. */
const ROLE_NOTE = /[（(〔【\[](?:牵头|配合|责任|参与|负责|协办|主责|牵头单位|责任单位|配合单位)[)）〕】\]]/g;

export function splitOwners(text: string): string[] {
  if (typeof text !== 'string') return [];
  let s = foldWidth(text).replace(ROLE_NOTE, '');
  s = stripOuter(s.trim());
  const out: string[] = [];
  for (const piece of splitTop(s)) {
    for (const name of splitInner(piece)) if (name) out.push(name);
  }
  return out;
}

/** Removes one pair of brackets that wraps the whole field: (教育部、中国科协), 〔牵头单位:…）. */
function stripOuter(s: string): string {
  let t = s.replace(/^[\s。.]+|[\s。.]+$/g, '');
  for (;;) {
    const first = t[0];
    const last = t[t.length - 1];
    if (!first || !isOpener(first)) break;
    // The wrap must close at the very end, or never (a stray opener).
    let depth = 0;
    let closesAt = -1;
    for (let i = 0; i < t.length; i++) {
      if (isOpener(t[i])) depth++;
      else if (isCloser(t[i])) {
        depth--;
        if (depth === 0) {
          closesAt = i;
          break;
        }
      }
    }
    if (closesAt === t.length - 1 && last && isCloser(last)) t = t.slice(1, -1).trim();
    else if (closesAt === -1) t = t.slice(1).trim();
    else break;
  }
  return t;
}

/** Splits at separators outside brackets. */
function splitTop(s: string): string[] {
  return splitOutsideBrackets(s, (ch) => SEPARATORS.has(ch));
}

/** Splits at the characters `isSeparator` accepts, outside brackets only (各县（市，区） stays one piece). */
export function splitOutsideBrackets(s: string, isSeparator: (ch: string) => boolean): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (isOpener(ch)) depth++;
    else if (isCloser(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && isSeparator(ch)) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  return parts;
}

function stripLabels(piece: string): string {
  let t = piece.trim();
  for (let guard = 0; guard < 4; guard++) {
    const before = t;
    t = t.replace(LEAD_LABEL, '').replace(/^(?:任务)?分工\s*[:：]\s*/, '').replace(/^由(?=.{2,})/, '').trim();
    t = t.replace(TRAIL_ROLE, '').trim();
    // 各区县政府等单位 → 各区县政府 (a group word may end with 等单位 too).
    const bare = t.replace(TRAIL_ETC, '').trim();
    if (bare) t = bare;
    t = t.replace(/^[:：]+|[:：]+$/g, '').trim();
    if (t === before) break;
  }
  return t;
}

/** One separated piece → one or more names (spaces, 和/与/及 between complete names). */
function splitInner(piece: string): string[] {
  const cleaned = dropStrayBrackets(stripLabels(piece));
  const t = stripLabels(stripOuter(cleaned));
  if (!t) return [];
  // Spaces: a separator when the left part is a complete name, otherwise stray.
  const words = t.split(/\s+/).filter(Boolean);
  const names: string[] = [];
  let cur = '';
  for (const w of words) {
    // 区委 宣传部: a two-character left part (区委, 市委) is a level, not a name.
    if (cur && cur.length >= 3 && looksLikeUnit(cur) && w.length >= 2) {
      names.push(cur);
      cur = w;
    } else cur += w;
  }
  if (cur) names.push(cur);
  return names.flatMap(splitConjunction).map(stripLabels).filter(Boolean);
}

/** 教育部和中国科协 → two names; 区规划和自然资源局 stays one. */
function splitConjunction(name: string): string[] {
  let depth = 0;
  for (let i = 1; i < name.length - 1; i++) {
    const ch = name[i];
    if (isOpener(ch)) depth++;
    else if (isCloser(ch)) depth = Math.max(0, depth - 1);
    if (depth > 0) continue;
    let width = 0;
    if (name.startsWith('以及', i)) width = 2;
    else if (ch === '和' || ch === '与' || ch === '及') width = 1;
    if (!width) continue;
    const left = name.slice(0, i);
    const right = name.slice(i + width);
    if (looksLikeUnit(left) && right.length >= 2 && (looksLikeUnit(right) || groupKeyOf(right) !== null)) {
      return [left, ...splitConjunction(right)];
    }
  }
  return [name];
}
