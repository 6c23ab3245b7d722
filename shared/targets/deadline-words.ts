// 完成时限 in words, to the day: what clerks write in the deadline column
// (docs/domain.md §8) read into a due day, the first day of the window the words
// name, a recurring cycle, or 长期/持续 (no end by design).
//
//   2023年6月底前 · 2023年12月 · 6月30日前 · 年底前 · 年内 · 上半年 · 第三季度
//   每年 · 每季度 · 每月10日前 · 长期坚持 · 持续推进 · 常态化
//   2021—2025年 · 2021-2025年 · 2023年3月至6月 · 十四五期间 · 十四五期末
//   2023-06-30 · a Date cell · an Excel serial · a bare year 2025
//
// Words without a year (年底前, 6月底前, 上半年) are resolved against the year
// given (the ledger's year). Days are day numbers: days since 1970-01-01 UTC,
// so 2023-06-30 is that whole day whatever the machine's zone.
import { normaliseWidth } from './number';

export type Cycle = 'year' | 'half' | 'quarter' | 'month';

export interface DeadlineWords {
  /**
   * 'date': a due day (maybe with a first day); 'cycle': recurring (每年, 每季度);
   * 'ongoing': 长期/持续/常态化 or a start with no end (2023年起);
   * 'none': an empty cell; 'unreadable': words that name no time (尽快, 待定, 2023年13月).
   */
  kind: 'date' | 'cycle' | 'ongoing' | 'none' | 'unreadable';
  /** Due day (inclusive), a day number; for a cycle the last day of its range (2022—2025年每年), else null. */
  due: number | null;
  /** First day of the window the words name (2021—2025年, 下半年, 第三季度), null when they name none. */
  from: number | null;
  /** The words place the task inside one year (6月底前, 年底前, 上半年), not a multi-year target. */
  withinYear: boolean;
  cycle: Cycle | null;
  /** Due point inside each cycle: 每年6月底前 → month 6; 每月10日前 → day 10 (null: the cycle's end). */
  cycleDue: { month: number | null; day: number | null } | null;
  /** The latest year named or resolved (parseDeadline's year), null when none. */
  year: number | null;
  /** Words of a yearly recurrence (每年, 年度内每…, 逐年). */
  annual: boolean;
  ongoing: boolean;
  /** The cell as written (trimmed), for evidence. */
  text: string;
}

export interface ReadDeadlineOptions {
  /** The year that words without one refer to (the ledger's reporting year). */
  year?: number | null;
}

const DAY_MS = 86_400_000;
const EXCEL_EPOCH_DAY = Date.UTC(1899, 11, 30) / DAY_MS;

/** Day number of y-m-d (m 1-based); d 0 gives the last day of the month before. */
export const dayOf = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / DAY_MS;
/** Last day of month m of year y. */
export const monthEnd = (y: number, m: number): number => dayOf(y, m + 1, 0);
/** ISO yyyy-mm-dd of a day number. */
export function isoOfDay(day: number): string {
  const d = new Date(day * DAY_MS);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}
/** Calendar year of a day number. */
export const yearOfDay = (day: number): number => new Date(day * DAY_MS).getUTCFullYear();

const validYear = (y: number) => y >= 1949 && y <= 2100;
const validDay = (y: number, m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();

const ONGOING_RE = /长期|持续|常态|长效|经常性|不定期|常年|日常/;
const ANNUAL_RE = /每年|年度内每|年均|每一年|逐年|按年度|每个年度/;
/** Finest cycle named wins: 年度内每季度 is quarterly. */
const CYCLES: [Cycle, RegExp][] = [
  ['month', /每月|按月|每个月|逐月|月度/],
  ['quarter', /每季度?|按季度?|逐季|每个季度|季度内每/],
  ['half', /每半年|半年一次/],
  ['year', ANNUAL_RE],
];
/** 尽快 / 待定: a time that is no time. */
const CN_DIGITS = '〇一二三四五六七八九';

/** 二〇二五年 → 2025年; 六月 → 6月; 十二月三十一日 → 12月31日; 第三季度 → 第3季度. */
function arabic(t: string): string {
  return t
    .replace(/([〇零一二三四五六七八九]{4})(?=年)/g, (s) => [...s].map((c) => String(CN_DIGITS.indexOf(c === '零' ? '〇' : c))).join(''))
    .replace(/([一二三四五六七八九十]{1,3})(?=月|日|号|季度)/g, (s) => {
      const n = smallNumeral(s);
      return n === null ? s : String(n);
    });
}

function smallNumeral(s: string): number | null {
  if (s === '十') return 10;
  const i = s.indexOf('十');
  const digit = (c: string | undefined) => (c ? CN_DIGITS.indexOf(c) : 0);
  if (i < 0) return s.length === 1 ? digit(s) : null;
  const tens = i === 0 ? 1 : digit(s[0]);
  const ones = digit(s[i + 1]);
  return tens < 0 || ones < 0 ? null : tens * 10 + ones;
}

interface Mentions {
  dues: { day: number; withinYear: boolean }[];
  froms: number[];
  years: number[];
  invalid: boolean;
  /** First month/day named without a year: the due point of a cycle. */
  cyclePoint: { month: number | null; day: number | null } | null;
  startOnly: boolean;
}

// Each pattern consumes what it matched (replaced by a space) so a later,
// looser pattern cannot read the same words again: 2021-2025年 is a range,
// not two years; 2023年6月30日 is a day, not a month and a year.
type Rule = { re: RegExp; take: (m: RegExpExecArray, ctx: number | null, out: Mentions) => void };

const END_WORDS = '(?:底|末|下旬)';

function addDue(out: Mentions, y: number, m: number, d: number | 'end', withinYear: boolean): void {
  if (!validYear(y) || m < 1 || m > 12 || (d !== 'end' && !validDay(y, m, d))) {
    out.invalid = true;
    return;
  }
  out.dues.push({ day: d === 'end' ? monthEnd(y, m) : dayOf(y, m, d), withinYear });
  out.years.push(y);
}

function addFrom(out: Mentions, y: number, m: number): void {
  if (validYear(y) && m >= 1 && m <= 12) out.froms.push(dayOf(y, m, 1));
}

/** Day within a month from 上旬/中旬/下旬/底/初 (null: end of month). */
function partOfMonth(word: string | undefined): number | 'end' {
  if (word === '上旬' || word === '初') return 10;
  if (word === '中旬') return 20;
  return 'end';
}

const RULES: Rule[] = [
  // 十四五期间 / “十四五”末
  {
    re: /十([一二三四五六七八九])五[”"」]?(期末|末|期间|时期|内)?/g,
    take: (m, _c, out) => {
      const end = 2010 + CN_DIGITS.indexOf(m[1]!) * 5 - 5;
      if (!validYear(end)) return;
      addDue(out, end, 12, 'end', false);
      if (m[2] !== '期末' && m[2] !== '末') addFrom(out, end - 4, 1);
    },
  },
  // 2021-2025年 · 2021年至2025年 · 2023年3月至2024年6月
  {
    re: /(\d{4})年?(?:(\d{1,2})月(?:份)?)?(?:-|至|到)(\d{4})年?(?:(\d{1,2})月(?:份)?(底|末|上旬|中旬|下旬)?)?/g,
    take: (m, _c, out) => {
      const y1 = Number(m[1]);
      const y2 = Number(m[3]);
      if (y2 < y1) {
        out.invalid = true;
        return;
      }
      addFrom(out, y1, m[2] ? Number(m[2]) : 1);
      if (m[4]) addDue(out, y2, Number(m[4]), partOfMonth(m[5]), false);
      else addDue(out, y2, 12, 'end', false);
    },
  },
  // 2023年3月至6月 · 3-6月 (within one year)
  {
    re: /(?:(\d{4})年)?(\d{1,2})月?(?:-|至|到)(\d{1,2})月(?:份)?(底|末|上旬|中旬|下旬)?/g,
    take: (m, ctx, out) => {
      const y = m[1] ? Number(m[1]) : ctx;
      if (y === null) return;
      const m1 = Number(m[2]);
      const m2 = Number(m[3]);
      if (m2 < m1) {
        out.invalid = true;
        return;
      }
      addFrom(out, y, m1);
      addDue(out, y, m2, partOfMonth(m[4]), true);
    },
  },
  // 2023年6月30日 · 2023.6.30 · 2023/06/30 · 2023-06-30
  {
    re: /(\d{4})(?:年|[./-])(\d{1,2})(?:月|[./-])(\d{1,2})(?:日|号)?/g,
    take: (m, _c, out) => addDue(out, Number(m[1]), Number(m[2]), Number(m[3]), true),
  },
  // 2023年7月起 · 2023年起: a start with no end
  {
    re: /(\d{4})年(?:(\d{1,2})月)?(?:份)?(?:起|开始|以来)/g,
    take: (m, _c, out) => {
      addFrom(out, Number(m[1]), m[2] ? Number(m[2]) : 1);
      out.years.push(Number(m[1]));
      out.startOnly = true;
    },
  },
  // 2023年6月底 · 2023年12月 · 2023.6 · 2023-06
  {
    re: new RegExp(`(\\d{4})(?:年|[./-])(\\d{1,2})(?:月|(?![\\d.]))(?:份)?(${END_WORDS}|上旬|中旬|初)?`, 'g'),
    take: (m, _c, out) => addDue(out, Number(m[1]), Number(m[2]), partOfMonth(m[3]), true),
  },
  // 2023年上半年 · 下半年 · 年中
  {
    re: /(?:(\d{4})年)?(上半年|下半年|年中)(?:末|底)?/g,
    take: (m, ctx, out) => {
      const y = m[1] ? Number(m[1]) : ctx;
      if (y === null) return;
      const second = m[2] === '下半年';
      if (m[2] !== '年中') addFrom(out, y, second ? 7 : 1);
      addDue(out, y, second ? 12 : 6, 'end', true);
    },
  },
  // 2023年第三季度 · 三季度末 · Q3 · 前三季度
  {
    re: /(?:(\d{4})年)?(前)?(?:第?([1-4])季度|[Qq]([1-4]))(?:末|底)?/g,
    take: (m, ctx, out) => {
      const y = m[1] ? Number(m[1]) : ctx;
      if (y === null) return;
      const q = Number(m[3] ?? m[4]);
      addFrom(out, y, m[2] ? 1 : (q - 1) * 3 + 1);
      addDue(out, y, q * 3, 'end', true);
    },
  },
  // 6月30日前 (the year from context; the first one is a cycle's due point)
  {
    re: /(\d{1,2})月(\d{1,2})(?:日|号)/g,
    take: (m, ctx, out) => {
      const mo = Number(m[1]);
      const d = Number(m[2]);
      out.cyclePoint ??= { month: mo, day: d };
      if (ctx !== null) addDue(out, ctx, mo, d, true);
      else if (!validDay(2000, mo, d)) out.invalid = true;
    },
  },
  // 每月10日前 · 10日前
  {
    re: /(?<!\d)(\d{1,2})(?:日|号)(?:前|之前|以前)/g,
    take: (m, _c, out) => {
      const d = Number(m[1]);
      if (d < 1 || d > 31) out.invalid = true;
      else out.cyclePoint ??= { month: null, day: d };
    },
  },
  // 6月底前 · 12月 · 9月中旬
  {
    re: new RegExp(`(?<!\\d)(\\d{1,2})月(?:份)?(${END_WORDS}|上旬|中旬|初)?`, 'g'),
    take: (m, ctx, out) => {
      const mo = Number(m[1]);
      const part = partOfMonth(m[2]);
      out.cyclePoint ??= { month: mo, day: part === 'end' ? null : part };
      if (ctx !== null) addDue(out, ctx, mo, part, true);
      else if (mo < 1 || mo > 12) out.invalid = true;
    },
  },
  // 2025年底 · 2025年 · 2025
  {
    re: /(?<!\d)(\d{4})(?!\d)年?(?:度)?(?:底|末|内|年底|年末)?/g,
    take: (m, _c, out) => {
      const y = Number(m[1]);
      if (validYear(y)) addDue(out, y, 12, 'end', false);
      else out.invalid = true;
    },
  },
  // 年底前 · 年内 · 今年 · 全年 · 明年 (the context year is already next year's for 明年):
  // only when nothing more precise was written (明年6月 is June).
  {
    re: /明年|下一年|次年|年底|年末|年内|今年|本年度?|当年|全年|年度/g,
    take: (_m, ctx, out) => {
      if (ctx !== null && !out.dues.length) addDue(out, ctx, 12, 'end', true);
    },
  },
];

const NONE: DeadlineWords = Object.freeze({
  kind: 'none',
  due: null,
  from: null,
  withinYear: false,
  cycle: null,
  cycleDue: null,
  year: null,
  annual: false,
  ongoing: false,
  text: '',
}) as DeadlineWords;

function result(text: string, over: Partial<DeadlineWords>): DeadlineWords {
  return { ...NONE, text, ...over };
}

/** Reads a 完成时限 cell. Never throws; words that name no time give kind 'unreadable'. */
export function readDeadline(value: unknown, opts: ReadDeadlineOptions = {}): DeadlineWords {
  if (value === null || value === undefined || typeof value === 'boolean') return NONE;
  if (value instanceof Date) {
    const t = value.getTime();
    if (!Number.isFinite(t)) return result('', { kind: 'unreadable' });
    const day = Math.floor(t / DAY_MS);
    return result(isoOfDay(day), { kind: 'date', due: day, withinYear: true, year: yearOfDay(day) });
  }
  if (typeof value === 'number') return fromNumber(value, String(value));
  if (typeof value !== 'string') return NONE;
  const text = value.trim();
  if (!text) return NONE;
  const t = arabic(normaliseWidth(text).normalize('NFKC').replace(/\s+/g, '').replace(/[—–─━－~～〜]+/g, '-'));
  if (/^(?:\d{4}|\d{5}(?:\.\d+)?)$/.test(t)) return fromNumber(Number(t), text);

  // 明年6月: month words then refer to the year after the context year.
  const ctx = opts.year === null || opts.year === undefined ? null : opts.year + (/明年|下一年|次年/.test(t) ? 1 : 0);
  const out: Mentions = { dues: [], froms: [], years: [], invalid: false, cyclePoint: null, startOnly: false };
  let rest = t;
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    rest = rest.replace(rule.re, (...args) => {
      const m = args.slice(0, -2) as unknown as RegExpExecArray;
      rule.take(m, ctx, out);
      return ' ';
    });
  }
  const cycle = CYCLES.find(([, re]) => re.test(t))?.[0] ?? null;
  const annual = ANNUAL_RE.test(t);
  const ongoingWords = ONGOING_RE.test(t);
  const year = out.years.length ? Math.max(...out.years) : null;
  const due = out.dues.length ? Math.max(...out.dues.map((d) => d.day)) : null;
  const from = out.froms.length ? Math.min(...out.froms) : null;
  const withinYear = out.dues.some((d) => d.withinYear && d.day === due);
  const base = { year, annual, text };

  if (cycle) {
    // The due point inside each cycle comes from the month/day words; the years bound the cycles.
    const point = out.cyclePoint;
    const yearsNamed = out.dues.filter((d) => !d.withinYear);
    return result(text, {
      ...base,
      kind: 'cycle',
      cycle,
      cycleDue: point,
      due: yearsNamed.length ? Math.max(...yearsNamed.map((d) => d.day)) : null,
      from,
      ongoing: ongoingWords,
    });
  }
  // 长期 / 持续 win over a year written beside them (2021—2025年持续推进), unless a
  // dated deadline is stated (2023年6月底前完成,长期坚持).
  const dated = /前|之前|以前|截止|完成/.test(t) && due !== null;
  if ((ongoingWords && !dated) || (out.startOnly && due === null)) return result(text, { ...base, kind: 'ongoing', ongoing: true, from });
  if (due === null) return result(text, { ...base, kind: 'unreadable', ongoing: ongoingWords });
  return result(text, { ...base, kind: 'date', due, from: from !== null && from <= due ? from : null, withinYear, ongoing: ongoingWords });
}

function fromNumber(n: number, text: string): DeadlineWords {
  if (!Number.isFinite(n)) return result(text, { kind: 'unreadable' });
  if (n >= 1949 && n <= 2100 && Number.isInteger(n)) return result(text, { kind: 'date', due: monthEnd(n, 12), year: n });
  // An Excel date serial that reached us unconverted (20000 ≈ 1954, 73051 = 2100-01-01).
  if (n >= 20000 && n < 73051) {
    const day = EXCEL_EPOCH_DAY + Math.round(n);
    return result(text, { kind: 'date', due: day, withinYear: true, year: yearOfDay(day) });
  }
  return result(text, { kind: 'unreadable' });
}
