// Suggestions for a name the directory does not hold, ranked. With a
// jurisdiction (asked, or read off the front of the name: 成都市锦江区教育屬),
// its own entries are few and are scored directly; without one, the bigram
// postings pick the candidates. Edit distance ranks them. A Suggester owns its
// scratch buffers; each directory has its own.
import type { DirectoryIndex } from '../build';
import { keyOf } from '../normalize';
import { innerLevelOf, levelPrefixOf } from '../rules';
import { bigrams, editDistance, similarity } from '../similarity';
import { MAX_SUGGESTIONS } from './result';
import { placesAtFront } from './scope';

/** Confident fuzzy matches only: below this a near name is a suggestion, not a match. */
export const FUZZY_THRESHOLD = 0.8;
/** A fuzzy match must be this far ahead of the next unit. */
export const FUZZY_MARGIN = 0.05;
/** Below this a candidate shares too little with the name to be worth showing. */
const MIN_SUGGESTION = 0.35;
/** Entries scored with edit distance after the bigram count picked them. */
const MAX_CANDIDATES = 60;

export interface Ranked {
  readonly unit: number;
  readonly score: number;
}

export class Suggester {
  private readonly counts: Int32Array;
  private readonly row: number[] = [];

  constructor(private readonly index: DirectoryIndex) {
    this.counts = new Int32Array(index.entries.length);
  }

  /** Ranked units for `d`; `prefix` adds the prefixed form as a second query (统计局 → 区统计局). */
  suggest(d: string, jurisdiction: string | null, prefix: string): Ranked[] {
    const queries = [keyOf(d)];
    if (prefix && !levelPrefixOf(d) && !innerLevelOf(d)) queries.push(keyOf(prefix + d));
    const js = jurisdiction ? [jurisdiction] : placesAtFront(this.index, queries[0]!);
    if (js) {
      const pool = js.flatMap((j) => this.index.entriesByJurisdiction.get(j) ?? []);
      if (js[0] !== '国家') pool.push(...(this.index.entriesByJurisdiction.get('国家') ?? []));
      const ranked = this.rank(pool, queries);
      if (jurisdiction || (ranked[0] && ranked[0].score >= FUZZY_THRESHOLD)) return ranked;
    }
    return this.rank(this.byBigrams(queries), queries);
  }

  private rank(ids: readonly number[], queries: readonly string[]): Ranked[] {
    const { entries, units } = this.index;
    // Cheap edit-distance pass first; the bigram nudge only for the close ones.
    const close: { id: number; s: number }[] = [];
    let bestLev = 0;
    for (const id of ids) {
      const k = entries[id]!.key;
      let sBest = 0;
      for (const q of queries) {
        const len = Math.max(q.length, k.length);
        if (Math.abs(q.length - k.length) > len * 0.6) continue;
        const sv = 1 - editDistance(q, k, this.row) / len;
        if (sv > sBest) sBest = sv;
      }
      if (sBest > 0) close.push({ id, s: sBest });
      if (sBest > bestLev) bestLev = sBest;
    }
    const best = new Map<number, number>();
    for (const { id, s } of close) {
      if (s < bestLev - 0.25) continue;
      const e = entries[id]!;
      let sc = 0;
      for (const q of queries) sc = Math.max(sc, similarity(q, e.key, this.row));
      if (sc > (best.get(e.unit) ?? 0)) best.set(e.unit, sc);
    }
    return [...best.entries()]
      .map(([unit, score]) => ({ unit, score: Math.round(score * 1000) / 1000 }))
      .filter((x) => x.score >= MIN_SUGGESTION)
      .sort((a, b) => b.score - a.score || (units[a.unit]!.name < units[b.unit]!.name ? -1 : 1))
      .slice(0, MAX_SUGGESTIONS);
  }

  private byBigrams(queries: readonly string[]): number[] {
    const counts = this.counts;
    const touched: number[] = [];
    let max = 0;
    for (const q of queries) {
      for (const g of new Set(bigrams(q))) {
        const ids = this.index.postings.get(g);
        if (!ids) continue;
        for (const id of ids) {
          if (counts[id] === 0) touched.push(id);
          const c = ++counts[id];
          if (c > max) max = c;
        }
      }
    }
    // Only the best-overlapping entries get the (dearer) edit-distance score.
    const floor = Math.max(1, max - 2);
    let picked = touched.filter((id) => counts[id]! >= floor);
    if (picked.length > MAX_CANDIDATES) picked = picked.sort((a, b) => counts[b]! - counts[a]!).slice(0, MAX_CANDIDATES);
    for (const id of touched) counts[id] = 0;
    return picked;
  }
}
