// How a set of owner matches came out, for the plan zoo's table, the import
// summary and the bench: found in the directory, made by rule (a prefix added,
// or kept as written because it names its level, place or the nation), group
// words, and names nothing answered.
import type { OwnerMatch } from '../model';

export interface OwnerFigures {
  names: number;
  /** A directory unit: exact, alias, or a rule that led to one (variant, level prefix …). */
  resolved: number;
  /** No directory unit; the context's level prefix added (民族宗教局 → 市民族宗教局). */
  expanded: number;
  /** No directory unit; kept as written (市科协, 哈尔滨广播电视台, 农业部). */
  kept: number;
  groups: number;
  /** Nothing answered, or only a fuzzy guess: the user is asked. */
  unresolved: number;
}

export function ownerFigures(matches: readonly OwnerMatch[]): OwnerFigures {
  const f: OwnerFigures = { names: matches.length, resolved: 0, expanded: 0, kept: 0, groups: 0, unresolved: 0 };
  for (const m of matches) {
    if (m.matched === 'group') f.groups++;
    else if (m.matched === 'none' || m.matched === 'fuzzy') f.unresolved++;
    else if (m.rule === 'rules-only:level-prefix' || m.rule === 'rules-only:prefix-expansion') f.expanded++;
    else if (m.rule?.startsWith('rules-only')) f.kept++;
    else f.resolved++;
  }
  return f;
}
