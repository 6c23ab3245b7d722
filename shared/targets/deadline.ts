// 完成时限 cells: 2025年 / 2025年底 / 2023年6月30日 / 2021-2025年 / 每年 /
// 长期 / 持续推进 / 十四五期末 / a numeric year / an Excel date serial / a Date.

import { normaliseWidth } from './number';

export interface Deadline {
  year: number | null;
  recurrence: 'annual' | null;
  /** 长期 / 持续推进 / 常态化: no end date by design (not a missing deadline). */
  ongoing?: boolean;
}

export interface ParseDeadlineOptions {
  /** Year that 年底 / 今年 / 上半年 refer to (the ledger's reporting year). */
  year?: number;
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const YEAR_RE = /(?<!\d)(19[5-9]\d|20\d\d|2100)(?!\d)/g;
const CN_YEAR_RE = /([〇零一二三四五六七八九]{4})\s*年/;
const PLAN_END_RE = /十([一二三四五六七八九])五[”"]?\s*(?:期末|末|期间|时期)/;
const ANNUAL_RE = /每年|年度内每|年均|每一年|逐年/;
const ONGOING_RE = /长期|持续|常态|长效|经常性|不定期/;
const NO_YEAR_THIS_RE = /年底|年末|今年|本年|年内|上半年|下半年/;
const NEXT_YEAR_RE = /明年/;

function yearOfSerial(n: number): number | null {
  const d = new Date(EXCEL_EPOCH + Math.round(n) * 86_400_000);
  const y = d.getUTCFullYear();
  return Number.isFinite(y) ? y : null;
}

/** Deadline of a task from its 完成时限 cell. Never throws; unknown text gives nulls. */
export function parseDeadline(value: unknown, opts?: ParseDeadlineOptions): Deadline {
  const none: Deadline = { year: null, recurrence: null };
  if (value === null || value === undefined || typeof value === 'boolean') return none;
  if (value instanceof Date) {
    const y = value.getUTCFullYear();
    return Number.isFinite(y) ? { year: y, recurrence: null } : none;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return none;
    if (value >= 1949 && value <= 2100) return { year: Math.trunc(value), recurrence: null };
    // An Excel date serial that reached us unconverted (20000 ≈ 1954, 73051 = 2100-01-01).
    if (value >= 20000 && value < 73051) return { year: yearOfSerial(value), recurrence: null };
    return none;
  }
  if (typeof value !== 'string') return none;
  const text = normaliseWidth(value.trim());
  if (text.length === 0) return none;
  if (/^\d{5}(?:\.\d+)?$/.test(text)) return parseDeadline(Number(text), opts);

  const recurrence = ANNUAL_RE.test(text) ? 'annual' : null;
  let year: number | null = null;
  // The latest year written is the deadline: 2021-2025年 → 2025, 2023年6月30日 → 2023.
  YEAR_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = YEAR_RE.exec(text)) !== null) {
    const y = Number(m[1]);
    if (year === null || y > year) year = y;
  }
  if (year === null) {
    const cn = CN_YEAR_RE.exec(text);
    if (cn) {
      const digits = cn[1].replace(/[〇零一二三四五六七八九]/g, (c) => String('〇一二三四五六七八九'.indexOf(c === '零' ? '〇' : c)));
      year = Number(digits);
    }
  }
  if (year === null) {
    const p = PLAN_END_RE.exec(text);
    if (p) year = 2010 + ('一二三四五六七八九'.indexOf(p[1])) * 5;
  }
  if (year === null && opts?.year !== undefined) {
    if (NEXT_YEAR_RE.test(text)) year = opts.year + 1;
    else if (NO_YEAR_THIS_RE.test(text)) year = opts.year;
  }
  if (year !== null && (year < 1949 || year > 2100)) year = null;
  const out: Deadline = { year, recurrence };
  if (ONGOING_RE.test(text)) out.ongoing = true;
  return out;
}
