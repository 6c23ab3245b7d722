// Numbers as plans and ledgers write them: Arabic (1,200 / 1.5 / full-width
// １２００), Chinese numerals (三, 十二, 两千五百, 零), magnitudes (42万, 1.5亿)
// and percent (27.6% → 27.6). Everything here is allocation-light: it runs on
// every cell of a 100,000-row ledger.

const CN_DIGIT: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const CN_SMALL_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const CN_BIG_UNIT: Record<string, number> = { 万: 1e4, 亿: 1e8 };

const FULLWIDTH = /[０-９％．，]/;
const FULLWIDTH_G = /[０-９％]|(?<=[0-9０-９])[．，](?=[0-9０-９])/g;

/**
 * Full-width digits, ％ and a full-width dot or comma between digits become
 * half-width. Length is preserved, so offsets into the result are offsets
 * into the input.
 */
export function normaliseWidth(text: string): string {
  if (!FULLWIDTH.test(text)) return text;
  return text.replace(FULLWIDTH_G, (ch) => {
    if (ch === '％') return '%';
    if (ch === '．') return '.';
    if (ch === '，') return ',';
    return String.fromCharCode(ch.charCodeAt(0) - 0xfee0);
  });
}

/** Avoid 2.3 × 10000 = 22999.999999999996. */
export function cleanFloat(x: number): number {
  return Number(x.toPrecision(12));
}

/**
 * Value of a Chinese numeral (三, 十二, 二十五, 三百, 两千五百, 三万五千, 零),
 * or null when the string is not a well-formed numeral: digit runs such as
 * 十四五 or 二〇二五 are names and years, not quantities.
 */
export function parseChineseNumeral(s: string): number | null {
  if (s.length === 0) return null;
  let total = 0; // finished 亿/万 sections
  let section = 0; // below 万
  let digit = -1; // pending digit, -1 when none
  let lastSmall = 10000; // last 十/百/千 seen in this section, must decrease
  let sawZero = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    const d = CN_DIGIT[ch];
    if (d !== undefined) {
      // Two digits in a row (十四五, 二〇二五) are not a numeral, except 零 as a filler (一百零五).
      if (digit !== -1 && !(sawZero && digit === 0)) return null;
      if (d === 0) sawZero = true;
      digit = d;
      continue;
    }
    const small = CN_SMALL_UNIT[ch];
    if (small !== undefined) {
      if (small >= lastSmall) return null;
      // 十 alone means 一十; 百/千 need a digit.
      if (digit === -1 && small !== 10) return null;
      if (digit === -1 && small === 10 && (section !== 0 || total !== 0)) return null;
      section += (digit === -1 ? 1 : digit) * small;
      lastSmall = small;
      digit = -1;
      sawZero = false;
      continue;
    }
    const big = CN_BIG_UNIT[ch];
    if (big !== undefined) {
      const sec = section + (digit === -1 ? 0 : digit);
      if (sec === 0 && (big === 1e4 || total === 0)) return null;
      // 一亿五千万: 万 scales only its own section; 亿 scales everything before it.
      total = big === 1e4 ? total + sec * big : (total + sec) * big;
      section = 0;
      digit = -1;
      lastSmall = 10000;
      sawZero = false;
      continue;
    }
    return null;
  }
  return total + section + (digit === -1 ? 0 : digit);
}

/** True when the numeral has at least one digit character (bare 万/千/十 are words: 万家, 千人, 十佳). */
export function hasChineseDigit(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (CN_DIGIT[s[i]] !== undefined) return true;
  return false;
}

const MAGNITUDE: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 1e4, 亿: 1e8 };

/** Arabic number (with thousands separators) followed by optional magnitudes: 42万, 1.5亿, 3千万. */
export function parseArabic(digits: string, magnitudes: string): number | null {
  const n = Number(digits.replace(/,/g, ''));
  if (!Number.isFinite(n)) return null;
  let m = 1;
  for (let i = 0; i < magnitudes.length; i++) {
    const f = MAGNITUDE[magnitudes[i]];
    if (f === undefined) return null;
    m *= f;
  }
  return m === 1 ? n : cleanFloat(n * m);
}

// A whole cell: optional approximation word, the number, optional percent or
// a short unit, optional 以上/余/多/左右. Anything else makes it "not a number".
const WHOLE =
  /^\s*(?:约|近|共|计|累计|达|合计)?\s*(?:(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|\.\d+)\s*([十百千万亿]*)|([零〇一二两三四五六七八九十百千万亿]+))\s*(?:余|多)?\s*(%|个百分点|百分点|人次|场次|平方米|[场所个人名家期项次篇部支元户件座处册本门批种份])?\s*(?:及以上|以上|以下|以内|左右|余|多)?\s*$/;

/**
 * A number written in a cell or phrase: '1,200', '1.5', '１２００', '三', '十二',
 * '42万', '1.5亿', '27.6%' (→ 27.6), '1200人次' (the unit is tolerated).
 * Returns null for anything that is not just a number; it never throws.
 */
export function parseNumber(text: string | number | null | undefined): number | null {
  if (typeof text === 'number') return Number.isFinite(text) ? text : null;
  if (typeof text !== 'string' || text.length === 0 || text.length > 40) return null;
  const m = WHOLE.exec(normaliseWidth(text));
  if (!m) return null;
  if (m[1] !== undefined) return parseArabic(m[1], m[2] ?? '');
  const cn = m[3];
  // 万 alone is a word; 十 alone is ten.
  if (!hasChineseDigit(cn) && cn !== '十') return null;
  return parseChineseNumeral(cn);
}
