// Text normalisation for unit names. Two forms:
//   display form — what we show: full-width brackets （）, no stray spaces,
//                  full-width letters/digits folded to ASCII; 与/和 kept as written.
//   key form     — what we index on: display form plus 与→和 and every bracket
//                  type folded to ( ), so 区新经济与科技局 and 区新经济和科技局 meet.

const OPENERS = '(（〔[【［〈｛{';
const CLOSERS = ')）〕]】］〉｝}';

export function isOpener(ch: string): boolean {
  return OPENERS.includes(ch);
}
export function isCloser(ch: string): boolean {
  return CLOSERS.includes(ch);
}

/** Full-width ASCII (！..～) → ASCII, ideographic space → space. */
export function foldWidth(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c === 0x3000) out += ' ';
    else if (c >= 0xff01 && c <= 0xff5e && ch !== '（' && ch !== '）') out += String.fromCharCode(c - 0xfee0);
    else out += ch;
  }
  return out;
}

/**
 * Drops brackets that have no partner (a 〔 closed by nothing, a stray ）), keeping
 * balanced pairs of any bracket type: plans close 〔 with ） (seed 000, task 11).
 */
export function dropStrayBrackets(s: string): string {
  const chars = [...s];
  const keep = chars.map(() => true);
  const stack: number[] = [];
  chars.forEach((ch, i) => {
    if (isOpener(ch)) stack.push(i);
    else if (isCloser(ch)) {
      if (stack.length) stack.pop();
      else keep[i] = false;
    }
  });
  for (const i of stack) keep[i] = false;
  return chars.filter((_, i) => keep[i]).join('');
}

// Names that need no folding at all are the common case: skip the work.
const NEEDS_FOLD = /[\s\u3000\uff01-\uff5e(（〔\[【［〈｛{)）〕\]】］〉｝}]/;

/** Display form of a unit name. */
export function displayName(s: string): string {
  if (!NEEDS_FOLD.test(s)) return s;
  const folded = foldWidth(s).replace(/\s+/g, '');
  let out = '';
  for (const ch of dropStrayBrackets(folded)) {
    if (isOpener(ch)) out += '（';
    else if (isCloser(ch)) out += '）';
    else out += ch;
  }
  return out;
}

/** Index key of a unit name (see the file comment). */
export function keyOf(s: string): string {
  if (!NEEDS_FOLD.test(s) && !s.includes('与')) return s;
  let out = '';
  for (const ch of displayName(s)) {
    if (ch === '（') out += '(';
    else if (ch === '）') out += ')';
    else if (ch === '与') out += '和';
    else out += ch;
  }
  return out;
}

/** Splits `A（B）` into the main name and the bracketed alias; null when not that shape. */
export function splitComposite(display: string): { main: string; inner: string } | null {
  const m = /^([^（）]+)（([^（）]+)）$/.exec(display);
  return m ? { main: m[1], inner: m[2] } : null;
}
