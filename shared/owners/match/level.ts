// A bare name (教育局, 统战部) given its context's level prefix: 区教育局,
// 区委统战部; without a prefix, the bare-name index (the one unit whose name
// without its prefix is the name).
import type { OwnerMatch } from '../../model';
import type { DirectoryIndex } from '../build';
import { keyOf } from '../normalize';
import { direct, type Accept } from './direct';
import { ambiguous, asRule, found, SCORE } from './result';

/** `offerOnly`: the context gives no place or level, so even one fitting unit is a suggestion. */
export function withLevel(index: DirectoryIndex, input: string, d: string, prefix: string, accept: Accept, offerOnly = false): OwnerMatch | null {
  if (prefix) {
    for (const cand of [prefix + d, prefix + '委' + d]) {
      const m = direct(index, input, cand, accept);
      if (m && m.name) return asRule(m, input, SCORE.level, 'level-prefix');
    }
    return null;
  }
  const hits = index.bare.get(keyOf(d));
  if (!hits) return null;
  const us = [...new Set(hits)].filter(accept);
  if (us.length === 1 && !offerOnly) return found(index, input, us[0]!, 'rule', SCORE.level, 'level-prefix');
  if (us.length >= 1) return ambiguous(index, input, us, 'ambiguous-level');
  return null;
}
