// Rules-only lookup: no directory, or one that does not hold the context's
// place or level. The name is normalised; a bare name takes the context's
// level prefix (气象局 → 市气象局 in a city); a name that carries its level,
// its place or the nation is kept as written. Reported as 'rule' when it looks
// like a unit, 'none' otherwise. Never a silent guess: the rule says that no
// directory unit was checked.
import type { OwnerMatch } from '../../model';
import { groupKeyOf } from '../groups';
import { isNationalOnly, PARTY_DEPARTMENTS } from '../national';
import { splitComposite } from '../normalize';
import { carriesPlace } from '../places';
import { looksLikeUnit } from '../rules';
import { ownLevelOf } from './scope';
import { nothing, SCORE } from './result';

/** A name that takes no prefix: it carries its level, a place, or is national. */
export function isComplete(display: string, forms: readonly string[]): boolean {
  return ownLevelOf(display) !== null || isNationalOnly(display) || carriesPlace(display, forms);
}

/** 统战部 with 市 → 市委统战部; 气象局 with 市 → 市气象局. */
export function prefixed(prefix: string, display: string): string {
  return prefix + (PARTY_DEPARTMENTS.test(display) ? '委' : '') + display;
}

export function rulesOnly(input: string, d: string, prefix: string, forms: readonly string[]): OwnerMatch {
  const family = groupKeyOf(d);
  if (family) return { input, name: d, matched: 'group', score: SCORE.group, suggestions: [], rule: `group:${family}`, members: [] };
  if (!looksLikeUnit(splitComposite(d)?.main ?? d)) return nothing(input, 'rules-only:not-a-unit');
  const main = splitComposite(d)?.main ?? d;
  if (ownLevelOf(main) !== null || isNationalOnly(main)) return { input, name: d, matched: 'rule', score: SCORE.rulesOnly, suggestions: [], rule: 'rules-only' };
  if (carriesPlace(main, forms)) return { input, name: d, matched: 'rule', score: SCORE.rulesOnly, suggestions: [], rule: 'rules-only:carries-place' };
  if (!prefix) return { input, name: d, matched: 'rule', score: SCORE.rulesOnly, suggestions: [], rule: 'rules-only' };
  return { input, name: prefixed(prefix, d), matched: 'rule', score: SCORE.rulesOnly, suggestions: [], rule: 'rules-only:level-prefix' };
}
