// Text normalisation for task identity. Clerks retype, copy between Excel and
// WPS, and switch between full- and half-width forms, so identity compares
// text with width, spaces, punctuation and case folded away.

import { parseChineseNumeral } from '../targets';
import { TextCache } from '../text-cache';

const PUNCT = /[\s\p{P}\p{S}\u3000]/gu;

const folded = new TextCache((text: string) => text.normalize('NFKC').replace(PUNCT, '').toLowerCase());

/** NFKC (full-width → half-width), no spaces or punctuation, lower case. */
export function normText(text: string | null | undefined): string {
  return folded.get(String(text ?? ''));
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
      // The targets' numeral reader: 十二 → 12, 一百零五 → 105; digit runs such as
      // 十四五 or 二〇 are names, not numbers, and stay text.
      const cn = parseChineseNumeral(p);
      if (cn !== null) return String(cn);
      if (/^\d+$/.test(p)) return String(Number(p));
      return normText(p);
    })
    .filter(Boolean);
  return parts.join('.');
}
