// Direct matches: the name as written (exact, alias), another spelling of it
// (variant: 与/和, width, spaces, brackets) or a form derived from the
// jurisdiction (锦江区教育局 → 成都市锦江区教育局).
import type { OwnerMatch } from '../../model';
import type { DirectoryIndex, Hit } from '../build';
import { displayName, keyOf } from '../normalize';
import { ambiguous, found, SCORE } from './result';

export type Accept = (unit: number) => boolean;

function pick(hits: readonly Hit[], accept: Accept): Hit[] {
  const seen = new Set<number>();
  const out: Hit[] = [];
  for (const h of hits) {
    if (seen.has(h.unit) || !accept(h.unit)) continue;
    seen.add(h.unit);
    out.push(h);
  }
  return out;
}

/** Exact, alias, variant or derived match of the display form `d`; null when none. */
export function direct(index: DirectoryIndex, input: string, d: string, accept: Accept): OwnerMatch | null {
  const asWritten = d === displayName(input) ? index.raw.get(input.trim()) : undefined;
  const rawHits = asWritten ?? index.raw.get(d);
  if (rawHits) {
    const hs = pick(rawHits, accept);
    if (hs.length === 1) {
      const h = hs[0]!;
      if (!asWritten) return found(index, input, h.unit, 'rule', SCORE.variant, 'variant');
      return h.via === 'name' ? found(index, input, h.unit, 'exact', SCORE.exact) : found(index, input, h.unit, 'alias', SCORE.alias);
    }
    if (hs.length > 1) return ambiguous(index, input, hs.map((h) => h.unit), 'ambiguous');
  }
  const keyHits = index.byKey.get(keyOf(d));
  if (keyHits) {
    const hs = pick(keyHits, accept);
    if (hs.length === 1) {
      const h = hs[0]!;
      return h.via === 'derived' ? found(index, input, h.unit, 'rule', SCORE.derived, 'jurisdiction-name') : found(index, input, h.unit, 'rule', SCORE.variant, 'variant');
    }
    if (hs.length > 1) return ambiguous(index, input, hs.map((h) => h.unit), 'ambiguous');
  }
  return null;
}
