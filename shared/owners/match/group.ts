// Group words (各街道, 有关成员单位, 各区县政府): the directory's group of that
// family in the scope's jurisdiction, with its members.
import type { OwnerMatch } from '../../model';
import type { DirectoryIndex, OwnerGroup } from '../build';
import { groupKeyOf } from '../groups';
import { keyOf } from '../normalize';
import { SCORE } from './result';

export function matchGroup(index: DirectoryIndex, input: string, d: string, jurisdiction: string | null): OwnerMatch | null {
  const explicit = index.groupsByKey.get(keyOf(d));
  const family = groupKeyOf(d);
  if (!explicit && !family) return null;
  const pick = (gs: readonly OwnerGroup[]) =>
    gs.find((g) => jurisdiction && g.jurisdiction === jurisdiction) ??
    gs.find((g) => !g.jurisdiction) ??
    (jurisdiction ? undefined : gs.length === 1 ? gs[0] : undefined);
  let g = explicit ? pick(explicit) : undefined;
  if (!g && family) g = pick(index.groups.filter((x) => x.key === family));
  return {
    input,
    name: g ? g.name : d,
    matched: 'group',
    score: SCORE.group,
    suggestions: [],
    rule: family ? `group:${family}` : 'group',
    members: g ? [...g.members] : [],
  };
}
