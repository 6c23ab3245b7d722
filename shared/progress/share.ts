// A reported share done (完成进度 / 完成比例 / 进度): 60%, 0.6, 60, 六成,
// 百分之六十, 三分之二, 过半, 完成80%. Read to 0..1; a share above 100% or
// below 0 is bad input the checks report (and the task is judged without it).
import type { CellValue } from '../model';
import { parseChineseNumeral } from '../targets';

export interface ShareRead {
  /** 0..1, null when the cell is empty or bad. */
  value: number | null;
  /** Why the cell could not be used. */
  bad: 'above' | 'below' | 'unreadable' | null;
  /** The cell as written (trimmed), for evidence and findings. */
  text: string;
}

const EMPTY: ShareRead = Object.freeze({ value: null, bad: null, text: '' }) as ShareRead;

const WORDS: [RegExp, number][] = [
  [/^(?:已?全部|全面|已)?完成$/, 1],
  [/^(?:过半|一半|半数|近半|约一半|50%左右)$/, 0.5],
];

/** A share from a number: 0..1 as is (Excel's 60% is 0.6); above 1 up to 100 read as percent points (60 → 60%). */
function fromNumber(n: number, text: string): ShareRead {
  if (!Number.isFinite(n)) return { value: null, bad: 'unreadable', text };
  if (n < 0) return { value: null, bad: 'below', text };
  if (n <= 1) return { value: n, bad: null, text };
  if (n <= 100) return { value: n / 100, bad: null, text };
  return { value: null, bad: 'above', text };
}

function fromPercent(p: number, text: string): ShareRead {
  if (p < 0) return { value: null, bad: 'below', text };
  if (p > 100) return { value: null, bad: 'above', text };
  return { value: p / 100, bad: null, text };
}

const NUM = '(-?\\d+(?:\\.\\d+)?)';
const PERCENT = new RegExp(`${NUM}\\s*[%％]`);
const ALL_PERCENTS = new RegExp(`${NUM}\\s*[%％]`, 'g');
const PLAIN = new RegExp(`^(?:约|近|超过|达到?|为|完成)?${NUM}(?:以上|左右|多)?$`);
const CN_PERCENT = /百分之([零〇一二三四五六七八九十百点]+)/;
const CN_TENTHS = /([一二三四五六七八九十])成(?:[以左]|$)/;
const FRACTION = /([一二三四五六七八九十]|\d+)分之([一二三四五六七八九十]|\d+)/;

/** Reads a share cell. Never throws. */
export function readShare(raw: CellValue): ShareRead {
  if (raw === null || raw === undefined || typeof raw === 'boolean') return EMPTY;
  if (raw instanceof Date) return { value: null, bad: 'unreadable', text: String(raw) };
  if (typeof raw === 'number') return fromNumber(raw, String(+raw.toPrecision(12)));
  const text = String(raw).trim();
  if (!text) return EMPTY;
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  for (const [re, v] of WORDS) if (re.test(t)) return { value: v, bad: null, text };
  // One percentage in the cell (完成80%, 约60%); several (一期100%、二期40%) say no one share.
  const percents = t.match(ALL_PERCENTS);
  if (percents && percents.length === 1) return fromPercent(Number(PERCENT.exec(t)![1]), text);
  const plain = PLAIN.exec(t);
  if (plain) return fromNumber(Number(plain[1]), text);
  const cn = CN_PERCENT.exec(t);
  if (cn) {
    const n = cnNumber(cn[1]!);
    if (n !== null) return fromPercent(n, text);
  }
  const tenths = CN_TENTHS.exec(t);
  if (tenths) {
    const n = parseChineseNumeral(tenths[1]!);
    if (n !== null) return fromPercent(n * 10, text);
  }
  const f = FRACTION.exec(t);
  if (f) {
    const den = cnNumber(f[1]!);
    const num = cnNumber(f[2]!);
    if (den && num !== null) return fromPercent((num / den) * 100, text);
  }
  return { value: null, bad: 'unreadable', text };
}

/** 六十 → 60, 七十五点五 → 75.5, 3 → 3. */
function cnNumber(s: string): number | null {
  if (/^\d+(?:\.\d+)?$/.test(s)) return Number(s);
  const [int, frac] = s.split('点');
  const n = parseChineseNumeral(int!.replace(/〇/g, '零'));
  if (n === null) return null;
  if (!frac) return n;
  const digits = [...frac].map((c) => '零一二三四五六七八九'.indexOf(c === '〇' ? '零' : c));
  return digits.some((d) => d < 0) ? null : Number(`${n}.${digits.join('')}`);
}
