// Composite names: 区文化旅游委（区体育局） is one unit with an alias in
// brackets; either part identifies it.
import type { OwnerMatch } from '../../model';
import type { DirectoryIndex } from '../build';
import { splitComposite } from '../normalize';
import { direct, type Accept } from './direct';
import { withLevel } from './level';
import { asRule, SCORE } from './result';

export function composite(index: DirectoryIndex, input: string, d: string, prefix: string, accept: Accept, bare: (part: string) => boolean): OwnerMatch | null {
  const c = splitComposite(d);
  if (!c) return null;
  for (const part of [c.main, c.inner]) {
    const m = direct(index, input, part, accept) ?? (bare(part) ? withLevel(index, input, part, prefix, accept) : null);
    if (m && m.name) return asRule(m, input, SCORE.composite, 'composite');
  }
  return null;
}
