// Text normalisation for task identity. Clerks retype, copy between Excel and
// WPS, and switch between full- and half-width forms, so identity compares
// text with width, spaces, punctuation and case folded away.

import { TextCache } from '../text-cache';

const PUNCT = /[\s\p{P}\p{S}\u3000]/gu;

const folded = new TextCache((text: string) => text.normalize('NFKC').replace(PUNCT, '').toLowerCase());

/** NFKC (full-width → half-width), no spaces or punctuation, lower case. */
export function normText(text: string | null | undefined): string {
  return folded.get(String(text ?? ''));
}

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 → 1, 十二 → 12, 二十三 → 23; null when not a Chinese numeral below 100. */
function chineseNumber(s: string): number | null {
  if (!/^[零〇一二两三四五六七八九十]+$/.test(s)) return null;
  const ten = s.indexOf('十');
  if (ten < 0) return s.length === 1 ? DIGITS[s]! : null;
  const tens = ten === 0 ? 1 : DIGITS[s.slice(0, ten)];
  const ones = ten === s.length - 1 ? 0 : DIGITS[s.slice(ten + 1)];
  return tens === undefined || ones === undefined ? null : tens * 10 + ones;
}

/**
 * A 序号 as a comparable token: '（一）' and '一' and '1' are the same number,
 * '1.' and '01' are 1; hierarchical '1.2' stays 1.2.
 */
export function normId(id: string | number | null | undefined): string {
  return ids.get(String(id ?? ''));
}

// 序号 repeat in every ledger of a batch (1, 2, 3 … or （一）, （二） …).
const ids = new TextCache(normIdText);

function normIdText(id: string): string {
  const parts = id
    .normalize('NFKC')
    .split(/[.．、\-—_\s()（）〔〕[\]]+/u)
    .filter(Boolean)
    .map((p) => {
      const cn = chineseNumber(p);
      if (cn !== null) return String(cn);
      if (/^\d+$/.test(p)) return String(Number(p));
      return normText(p);
    })
    .filter(Boolean);
  return parts.join('.');
}
