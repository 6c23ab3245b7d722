// Quantitative targets (量化目标) read from task prose, docs/domain.md §5.
//
// One left-to-right pass over the text: number candidates are found by one
// regex, each is kept only if a unit follows and no "this is a name" rule
// fires (第37届, “13个强国”, 5G, 3+2, 十四五, years, document numbers, page
// counters). Deadline years and 每年 are tracked as a running state that a
// sentence end resets, so 到2025年 applies to every target after it in the
// same sentence and 每年 to every target after it until a year or the end of
// the sentence.

import type { Comparator, Target } from '../model';
import { hasChineseDigit, normaliseWidth, parseArabic, parseChineseNumeral, parseNumber } from './number';
import { COUNT_UNITS, FURNITURE_AFTER, UNIT_CANONICAL, UNIT_NOT_BEFORE } from './units';

export interface ParseTargetsOptions {
  /** Year that 年底 / 今年 refer to (the ledger's reporting year). */
  year?: number;
}

// Number candidates: Arabic (thousands separators, decimals, then 万/亿 …) or a
// run of Chinese numeral characters (validated afterwards).
const NUM_RE =
  /百分之(\d+(?:\.\d+)?|[零〇一二两三四五六七八九十]+)|(\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?)([百千万亿]*)|([零〇一二两三四五六七八九十百千万亿]+)/g;
// 3-5所 / 3至5所: the high end of a range.
const RANGE_RE = /\s?(?:-|~|～|—|–|至)\s?(\d+(?:\.\d+)?)([百千万亿]*)/y;
// 50场/年, 50场／年
const PER_YEAR_RE = /\s?[/／]\s?(?:每)?年/y;
// A whole cell that is just a number, possibly with a comparator sign.
const BARE_RE = /^\s*(≥|≧|>=|>|＞|≤|≦|<=|<|＜)?\s*((?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*[万亿]?)\s*$/;

// Right after the number: optional 余/多, a unit, optional 以上/以下 ….
const UNIT_RE = /\s?(余|多)?(个百分点|百分点|人次|场次|平方米|%|[场所个人名家期项次篇部支户件座处册本门批种份元])(及以上|以上|以下|以内|左右)?/y;

// Comparator words ending right before the number.
const PRE_RE =
  /(≥|≧|>=|＞=|＞|>|≤|≦|<=|＜|<|不少于|不低于|不超过|不高于|不多于|至少|提高到|提升到|增加到|增长到|提高至|提升至|增加至|增长至|降低到|降低至|降至|减少到|减少至|达到|超过|高于|多于|大于|低于|少于|小于|突破|提高|提升|增长|增加|增至|达|约|控制在|保持在|稳定在)\s*$/;
const PRE_CMP: Record<string, Comparator> = {
  不少于: '>=', 不低于: '>=', 至少: '>=', 达到: '>=', 达: '>=', 提高到: '>=', 提升到: '>=', 增加到: '>=', 增长到: '>=',
  提高至: '>=', 提升至: '>=', 增加至: '>=', 增长至: '>=',
  降低到: '<=', 降低至: '<=', 降至: '<=', 减少到: '<=', 减少至: '<=',
  提高: '>=', 提升: '>=', 增长: '>=', 增加: '>=', 增至: '>=', 保持在: '>=', 稳定在: '>=',
  超过: '>', 高于: '>', 多于: '>', 大于: '>', 突破: '>',
  不超过: '<=', 不高于: '<=', 不多于: '<=', 低于: '<=', 少于: '<=', 小于: '<=', 控制在: '<=',
  约: '=',
  '≥': '>=', '≧': '>=', '>=': '>=', '＞=': '>=', '＞': '>', '>': '>',
  // The model has no strict "less than"; < reads as a ceiling.
  '≤': '<=', '≦': '<=', '<=': '<=', '＜': '<=', '<': '<=',
};
const POST_CMP: Record<string, Comparator> = { 及以上: '>=', 以上: '>=', 以下: '<=', 以内: '<=', 左右: '=' };

const STRETCH_RE = /力争\s*$/;
// 比2017年的6.5%, 由10.5%提高到15%, 从2020年的…: a baseline, not a target.
const BASELINE_RE = /(?:比|较|由|从)\s*(?:\d{4}\s*年(?:底|末)?的?)?\s*$/;
// 提高到2025年的15%: the comparator stands before the year.
const YEAR_BETWEEN_RE = /(?:到|至)?\s*\d{4}\s*年(?:底|末)?的?\s*$/;

// Sentence ends, 每年, plan-period ends (“十四五”末), years (到2025年, 2025年底前), bare 年底.
const CTX_RE =
  /([。；;！!？?\n])|(每年度?|年均|每一年)|[“"]?十([一二三四五六七八九])五[”"]?期?末|(\d{4})\s*年(底前|底|末|前|以前|内)?|(今年|明年)?(年底|年末)/g;

// After 2025年底前: the year closes its clause (…建成基地3个,2025年底前完成。).
const TRAILING_RE = /^(?:完成|建成|实现|到位|落实)?(?:[，,。；;！!\n]|$)/;
// A clause ends at these; the target's text starts after the last one.
const CLAUSE_END = '，,、；;。：:！!？?\n\t';
// After a unit, these mean the count stands after its noun (建设学校5所。).
const POSTPOSED_END = '，,、；;。：:！!？?）)”"\n\t ';
// Opening and closing marks of spans that hold names, not targets: “13个强国”,
// 《…》 titles, 〔2021〕 document numbers.
const OPENERS = '“《「〔';
const CLOSERS = '”》」〕';
/** How far back a quote may open: names in quotes are short. */
const QUOTE_REACH = 120;
const COVER_RE = /全覆盖/g;
const COVER_NEG_RE = /(?:未|没有|尚未|不能|难以)\s*(?:实现)?\s*$/;

interface Ctx {
  pos: number;
  kind: 'end' | 'annual' | 'year';
  year?: number;
  /** 2025年底前完成。 closing a clause: a deadline for the targets before it too. */
  trailing?: boolean;
}

function isAsciiWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[A-Za-z_+@#/\\-]/.test(ch);
}

/** True when pos sits inside an unclosed “…”, 《…》, 「…」 or 〔…〕 that opened nearby. */
function insideQuote(text: string, pos: number, marks: string = OPENERS): boolean {
  // One bounded backward scan: the nearest mark decides. A closer seen first
  // means its span ended; an opener seen first means we are inside it.
  const min = Math.max(0, pos - QUOTE_REACH);
  let closed = 0; // bit k: closer k seen
  for (let i = pos - 1; i >= min; i--) {
    const ch = text[i];
    // Names do not run across lines or sentences; an owner bracket left open
    // (〔牵头单位:…) on one task must not swallow the next task's targets.
    if (ch === '\n' || ch === '。') return false;
    const c = CLOSERS.indexOf(ch);
    if (c !== -1) {
      closed |= 1 << c;
      continue;
    }
    const o = OPENERS.indexOf(ch);
    if (o !== -1 && marks.indexOf(ch) !== -1 && (closed & (1 << o)) === 0) return true;
  }
  return false;
}

function collectContext(text: string, opts: ParseTargetsOptions | undefined): Ctx[] {
  const out: Ctx[] = [];
  CTX_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CTX_RE.exec(text)) !== null) {
    const pos = m.index;
    if (m[1] !== undefined) out.push({ pos, kind: 'end' });
    else if (m[2] !== undefined) out.push({ pos, kind: 'annual' });
    else if (m[3] !== undefined) {
      // 十一五 ends 2010, 十四五 2025, 十五五 2030.
      const n = '一二三四五六七八九'.indexOf(m[3]) + 11;
      out.push({ pos, kind: 'year', year: 2010 + (n - 11) * 5 });
    } else if (m[4] !== undefined) {
      const y = Number(m[4]);
      if (y < 1949 || y > 2100) continue;
      const before = text[pos - 1];
      const after = text[pos + m[0].length];
      // Inside a bracketed range or a document number: (2021—2025年), 〔2021〕.
      if (before !== undefined && /[0-9.〔\[（(]/.test(before)) continue;
      if (after !== undefined && /[)）》〕\]—–─-]/.test(after)) continue;
      if (BASELINE_RE.test(text.slice(Math.max(0, pos - 3), pos + m[0].length))) continue;
      if (insideQuote(text, pos, '《')) continue;
      const end = pos + m[0].length;
      const trailing = m[5] !== undefined && /前/.test(m[5]) && TRAILING_RE.test(text.slice(end, end + 4));
      out.push({ pos, kind: 'year', year: y, trailing });
    } else if (m[7] !== undefined && opts?.year !== undefined) {
      // 年底 needs a year from outside the text (the ledger's reporting year).
      if (/\d/.test(text[pos - 1] ?? '')) continue;
      out.push({ pos, kind: 'year', year: opts.year + (m[6] === '明年' ? 1 : 0) });
    }
  }
  return out;
}

/** Index of the sentence holding pos: how many sentence ends come before it. */
function sentenceOf(ctx: Ctx[], pos: number): number {
  let n = 0;
  for (const c of ctx) {
    if (c.pos >= pos) break;
    if (c.kind === 'end') n++;
  }
  return n;
}

/**
 * Running context (deadline year, 每年, sentence) at a position, advanced
 * lazily: the context scan only runs once a candidate needs it, and most prose
 * has no target at all. A class, not closures, so a call allocates nothing
 * per helper.
 */
class Cursor {
  ctx: Ctx[] | null = null;
  private ci = 0;
  year: number | null = null;
  annual = false;
  sentenceStart = 0;
  sentence = 0;

  constructor(
    private readonly text: string,
    private readonly opts: ParseTargetsOptions | undefined,
  ) {}

  advance(pos: number): void {
    if (this.ctx === null) this.ctx = collectContext(this.text, this.opts);
    const ctx = this.ctx;
    while (this.ci < ctx.length && ctx[this.ci].pos < pos) {
      const c = ctx[this.ci++];
      if (c.kind === 'end') {
        this.year = null;
        this.annual = false;
        this.sentenceStart = c.pos + 1;
        this.sentence++;
      } else if (c.kind === 'annual') this.annual = true;
      else {
        this.year = c.year ?? null;
        this.annual = false;
      }
    }
  }

  reset(): void {
    this.ci = 0;
    this.year = null;
    this.annual = false;
    this.sentenceStart = 0;
    this.sentence = 0;
  }
}

const CLAUSE_LEAD = /[\s和及与或]/;
const BRACKET_OPEN = '（(【〔［[';
const BRACKET_CLOSE = '）)】〕］]';

/**
 * Start of the clause holding pos: after the last clause break, never before
 * floor or 30 chars back. A break inside brackets is not one: the text of
 * 全区旗县（市、区）…达到100% starts at 全区, not inside the brackets.
 */
function clauseStart(text: string, pos: number, floor: number): number {
  let i = pos - 1;
  const min = Math.max(floor, pos - 30);
  let depth = 0;
  for (; i >= min; i--) {
    const ch = text[i]!;
    if (BRACKET_CLOSE.indexOf(ch) !== -1) depth++;
    else if (BRACKET_OPEN.indexOf(ch) !== -1) {
      if (depth === 0) break; // an opener with no closer after it: the clause starts inside it
      depth--;
    } else if (depth === 0 && CLAUSE_END.indexOf(ch) !== -1) break;
  }
  let start = i + 1;
  while (start < pos && CLAUSE_LEAD.test(text[start]!)) start++;
  return start;
}

/** Full coverage and 100%: the same target stated twice (…达到100%，实现全覆盖). */
const isFull = (t: { value: number; unit: string }): boolean => t.value === 100 && t.unit === '%';
const RESTATED_BETWEEN = /^[\s，,、；;]*(?:即|也即|并|从而)?[\s，,、]*$/;

interface Raw extends Target {
  start: number;
  end: number;
  /** Where the number's unit (and any /年) ends: pass 1 searches on from here. */
  unitEnd: number;
  stretchCue: boolean;
  sentence: number;
}

/**
 * Every quantitative target in a text, in order. Qualitative text gives [].
 * Never throws. Five passes, in this order (each below).
 */
export function parseTargets(input: string, opts?: ParseTargetsOptions): Target[] {
  if (typeof input !== 'string' || input.length === 0) return [];
  const text = normaliseWidth(input);
  const cur = new Cursor(text, opts);
  const raws = numberTargets(text, input, cur);
  if (raws.length === 0) {
    const bare = bareNumber(text, input);
    if (bare) return [bare];
  }
  const covers = coverTargets(text, input, cur, raws);
  if (covers.length > 0) {
    raws.push(...covers);
    raws.sort((a, b) => a.start - b.start);
  }
  applyTrailingDeadlines(cur.ctx, raws);
  return foldTargets(text, input, raws);
}

/**
 * Pass 1: each number with a unit (or 百分之…) that states a target, with its
 * comparator, stretch, year and recurrence from the context the cursor has
 * read up to it. Ordinals, codes, baselines, quoted names and articles are
 * skipped.
 */
function numberTargets(text: string, input: string, cur: Cursor): Raw[] {
  const raws: Raw[] = [];
  NUM_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NUM_RE.exec(text)) !== null) {
    const raw = numberTarget(text, input, cur, m, raws.length > 0 ? raws[raws.length - 1].end : 0);
    if (raw === null) continue;
    raws.push(raw);
    // The next search starts after the unit, not after the noun the phrase borrowed.
    NUM_RE.lastIndex = raw.unitEnd;
  }
  return raws;
}

/** One number candidate of pass 1 (a NUM_RE match): the target it states, or null. `prevEnd` ends the target before it. */
function numberTarget(text: string, input: string, cur: Cursor, m: RegExpExecArray, prevEnd: number): Raw | null {
  const s = m.index;
  let e = s + m[0].length;
  const percentWords = m[1] !== undefined; // 百分之二十
  const chinese = m[4] !== undefined;
  if (isOrdinalOrCode(text, s, !chinese && !percentWords)) return null;
  const value = candidateValue(m);
  if (value === null) return null;

  // 3-5所, 3至5所: the low end is the target, the high end its stretch.
  let high: number | null = null;
  if (!percentWords) {
    RANGE_RE.lastIndex = e;
    const r = RANGE_RE.exec(text);
    if (r) {
      high = parseArabic(r[1], r[2]);
      e += r[0].length;
    }
  }
  const u = percentWords ? null : unitAfter(text, e, chinese);
  if (!percentWords && u === null) return null;

  const before = leadIn(text, s);
  if (before === null) return null;
  cur.advance(s);
  if (insideQuote(text, s)) return null;

  const pre = PRE_RE.exec(before);
  const stated = statedComparator(pre, u, high);
  // 一 without a comparator is an article (一支队伍, 一批, 一个): not a target.
  if (chinese && value === 1 && stated === null) return null;
  // 零 / 〇 alone is a word (零部件, 零距离), never a target of nothing.
  if (chinese && value === 0) return null;

  const written = u === null ? '%' : u[2];
  const unit = UNIT_CANONICAL[written] ?? written;
  let end = e + (u ? u[0].length : 0);
  // 50场/年: a per-year rate.
  PER_YEAR_RE.lastIndex = end;
  const perYear = PER_YEAR_RE.exec(text);
  if (perYear) end += perYear[0].length;
  const comparator = stated ?? unstatedComparator(text, unit, end);
  const textEnd = phraseEnd(text, end);
  cur.advance(s);
  const start = clauseStart(text, s, Math.max(prevEnd, cur.sentenceStart));
  return {
    value,
    unit,
    comparator,
    stretch: high,
    stretchCue: STRETCH_RE.test(pre ? before.slice(0, before.length - pre[0].length) : before),
    start,
    end: textEnd,
    unitEnd: end,
    text: input.slice(start, textEnd),
    year: cur.year,
    recurrence: cur.annual || perYear ? 'annual' : null,
    sentence: cur.sentence,
  };
}

/** Ordinals (第37届, 第二届), 每…, 了…; for Arabic numbers also codes (5G, H5, 3+2) and versions (2.0). */
function isOrdinalOrCode(text: string, s: number, arabic: boolean): boolean {
  const prev = text[s - 1];
  if (prev === '第' || prev === '每' || prev === '了') return true;
  return arabic && (isAsciiWordChar(prev) || prev === '.');
}

/** A candidate's value, or null when its numeral is a name or a word. */
function candidateValue(m: RegExpExecArray): number | null {
  if (m[1] !== undefined) return /^\d/.test(m[1]) ? Number(m[1]) : parseChineseNumeral(m[1]);
  // Chinese chars only: 万/千 alone are words (万家, 千人); 十四五 is a name.
  if (m[4] !== undefined) return hasChineseDigit(m[4]) ? parseChineseNumeral(m[4]) : null;
  return parseArabic(m[2], m[3]);
}

/** The unit right after a number ending at e (UNIT_RE's match), or null when none follows or it is not a target's. */
function unitAfter(text: string, e: number, chinese: boolean): RegExpExecArray | null {
  UNIT_RE.lastIndex = e;
  const u = UNIT_RE.exec(text);
  if (!u) return null;
  if (!chinese && !u[0].startsWith(' ') && isAsciiWordChar(text[e])) return null;
  const written = u[2];
  const unitEnd = e + u[0].length - (u[3]?.length ?? 0);
  const next = text[unitEnd];
  const notBefore = UNIT_NOT_BEFORE[written];
  if (u[3] === undefined && notBefore !== undefined && next !== undefined && notBefore.indexOf(next) !== -1) return null;
  if (written === '次' && FURNITURE_AFTER.test(text.slice(unitEnd, unitEnd + 6))) return null;
  return u;
}

/**
 * The words before a number at s that may hold its comparator (提高到2025年的
 * 15%: the year between is cut out), or null when they make it a baseline
 * (比2017年的6.5%).
 */
function leadIn(text: string, s: number): string | null {
  const before = text.slice(Math.max(0, s - 12), s);
  if (BASELINE_RE.test(before)) return null;
  const yearBetween = YEAR_BETWEEN_RE.exec(before);
  return yearBetween ? before.slice(0, yearBetween.index) : before;
}

/** The comparator the words state: before the number (不少于), after the unit (以上), 余/多, or a range's floor. */
function statedComparator(pre: RegExpExecArray | null, u: RegExpExecArray | null, high: number | null): Comparator | null {
  let comparator: Comparator | null = pre ? PRE_CMP[pre[1]] : null;
  if (u?.[3] !== undefined) comparator = POST_CMP[u[3]];
  if (u?.[1] !== undefined && comparator === null) comparator = '>='; // 300余人, 500多名
  if (high !== null && comparator === null) comparator = '>=';
  return comparator;
}

/**
 * With no comparator written: a count after its noun (建设科技教育特色学校5所。)
 * is a quota, hence a floor; a count before its noun (配备1名专兼职科技副校长)
 * states a composition.
 */
function unstatedComparator(text: string, unit: string, end: number): Comparator {
  const after = text[end];
  return COUNT_UNITS.has(unit) && (after === undefined || POSTPOSED_END.indexOf(after) !== -1) ? '>=' : '=';
}

/** Where a target's phrase ends: a count before its noun keeps the noun (1名专兼职科技副校长). */
function phraseEnd(text: string, end: number): number {
  if (end >= text.length || POSTPOSED_END.indexOf(text[end]) !== -1) return end;
  let j = end;
  const max = Math.min(text.length, end + 16);
  while (j < max && CLAUSE_END.indexOf(text[j]) === -1 && !/[0-9和及与]/.test(text[j])) j++;
  return j;
}

/**
 * Pass 2, for a text with no target found: a cell that is only a number (a
 * 目标值 column: 50, 1,200, 1.5万, ≥50) is the target value itself, with no unit.
 */
function bareNumber(text: string, input: string): Target | null {
  const bare = BARE_RE.exec(text);
  const value = bare ? parseNumber(bare[2]) : null;
  if (bare && value !== null) {
    const t = text.trim();
    const start = text.indexOf(t);
    const comparator: Comparator = bare[1] ? PRE_CMP[bare[1]] : '>=';
    return { text: input.slice(start, start + t.length), value, unit: '', comparator, stretch: null, year: null, recurrence: null, start };
  }
  return null;
}

/**
 * Pass 3: 全覆盖 as 100% coverage, each with the context replayed from the
 * start; its phrase starts after the number targets before it (`raws`).
 */
function coverTargets(text: string, input: string, cur: Cursor, raws: readonly Raw[]): Raw[] {
  COVER_RE.lastIndex = 0;
  if (text.indexOf('全覆盖') === -1) return [];
  let m: RegExpExecArray | null;
  const covers: Raw[] = [];
  // Context is replayed from the start for these positions.
  cur.reset();
  while ((m = COVER_RE.exec(text)) !== null) {
    const s = m.index;
    const e = s + m[0].length;
    if (COVER_NEG_RE.test(text.slice(Math.max(0, s - 6), s))) continue;
    cur.advance(s);
    if (insideQuote(text, s)) continue;
    let floor = cur.sentenceStart;
    for (const r of raws) if (r.end <= s && r.end > floor) floor = r.end;
    const start = clauseStart(text, s, floor);
    covers.push({
      text: input.slice(start, e),
      value: 100,
      unit: '%',
      comparator: '>=',
      stretch: null,
      year: cur.year,
      recurrence: cur.annual ? 'annual' : null,
      start,
      end: e,
      unitEnd: e,
      stretchCue: false,
      sentence: cur.sentence,
    });
  }
  return covers;
}

/**
 * Pass 4: a trailing deadline (…3个,2025年底前完成。) also covers the yearless
 * targets before it in its sentence.
 */
function applyTrailingDeadlines(ctx: Cursor['ctx'], raws: Raw[]): void {
  if (ctx === null) return;
  for (const c of ctx) {
    if (!c.trailing) continue;
    for (const r of raws) if (r.year === null && r.end <= c.pos && sentenceOf(ctx, r.start) === sentenceOf(ctx, c.pos)) r.year = c.year!;
  }
}

/**
 * Pass 5: a 力争 figure becomes the stretch of the firm one before it, and
 * 100% restated as 全覆盖 one target; the bookkeeping fields are dropped.
 */
function foldTargets(text: string, input: string, raws: readonly Raw[]): Target[] {
  // 超过18%,力争达到20%: the 力争 figure is the stretch of the firm one before it.
  type Work = Target & { start: number; end: number; sentence: number };
  const out: Work[] = [];
  let last: Work | null = null;
  for (const r of raws) {
    if (
      r.stretchCue &&
      last !== null &&
      last.stretch === null &&
      last.sentence === r.sentence &&
      last.unit === r.unit &&
      /^[\s，,、；;]*(?:并|同时)?[\s，,、；;]*$/.test(text.slice(last.end, r.start))
    ) {
      last.stretch = r.value;
      last.text = input.slice(last.start, r.end);
      last.end = r.end;
      continue;
    }
    // …配备率达到100%，实现全覆盖: one target, its text both halves.
    if (last !== null && isFull(last) && isFull(r) && last.sentence === r.sentence && RESTATED_BETWEEN.test(text.slice(last.end, r.start))) {
      last.text = input.slice(last.start, r.end);
      last.end = r.end;
      last.year ??= r.year;
      continue;
    }
    const t: Work = {
      text: r.text,
      value: r.value,
      unit: r.unit,
      comparator: r.comparator,
      stretch: r.stretch,
      year: r.year,
      recurrence: r.recurrence,
      start: r.start,
      end: r.end,
      sentence: r.sentence,
    };
    out.push(t);
    last = t;
  }
  // Drop the bookkeeping fields so results compare and serialise cleanly.
  return out.map(({ end: _e, sentence: _s, ...t }): Target => t);
}
