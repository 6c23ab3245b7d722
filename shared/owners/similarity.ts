// String similarity for suggestions: edit distance decides (a one-character
// typo in a long name is close, in a four-character name it is not), shared
// character bigrams break ties and find candidates through the inverted index.

/** Character bigrams of a key (a one-character key yields itself). */
export function bigrams(s: string): string[] {
  if (s.length < 2) return s ? [s] : [];
  const out: string[] = [];
  for (let i = 0; i < s.length - 1; i++) out.push(s.slice(i, i + 2));
  return out;
}

/**
 * Levenshtein distance (BMP text: unit names are CJK). `row` is scratch space
 * the caller may own to save an allocation per call (a directory's suggester
 * keeps one); it is overwritten.
 */
export function editDistance(a: string, b: string, row: number[] = []): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  for (let j = 0; j <= b.length; j++) row[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (ca === b.charCodeAt(j - 1) ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}

/** 0..1: 1 − distance / longer length, nudged by bigram overlap (Dice) to order ties. */
export function similarity(a: string, b: string, row?: number[]): number {
  const len = Math.max(a.length, b.length);
  if (!len) return 1;
  const lev = 1 - editDistance(a, b, row) / len;
  return Math.min(1, lev * 0.9 + dice(a, b) * 0.1);
}

export function dice(a: string, b: string): number {
  const A = bigrams(a);
  const B = bigrams(b);
  if (!A.length || !B.length) return 0;
  const counts = new Map<string, number>();
  for (const g of A) counts.set(g, (counts.get(g) ?? 0) + 1);
  let shared = 0;
  for (const g of B) {
    const c = counts.get(g);
    if (c) {
      shared++;
      counts.set(g, c - 1);
    }
  }
  return (2 * shared) / (A.length + B.length);
}
