// The shapes a match takes, built in one place so every matcher reports alike.
import type { MatchKind, OwnerMatch, OwnerRule } from '../../model';
import type { DirectoryIndex } from '../build';

/** Scores by how the name was found; a rule never scores as high as the name itself. */
export const SCORE = { exact: 1, alias: 1, variant: 0.97, derived: 0.96, composite: 0.95, level: 0.92, expansion: 0.9, group: 1, rulesOnly: 0.6 } as const;
export const MAX_SUGGESTIONS = 5;

export function found(index: DirectoryIndex, input: string, unit: number, matched: MatchKind, score: number, rule?: OwnerRule): OwnerMatch {
  return { input, name: index.units[unit]!.name, matched, score, suggestions: [], ...(rule ? { rule } : {}) };
}

/** Several units fit: none is picked, all are offered. */
export function ambiguous(index: DirectoryIndex, input: string, units: readonly number[], rule: OwnerRule): OwnerMatch {
  return {
    input,
    name: null,
    matched: 'none',
    score: 0,
    suggestions: units.slice(0, MAX_SUGGESTIONS).map((u) => ({ name: index.units[u]!.name, score: 0.9 })),
    rule,
  };
}

export function nothing(input: string, rule: OwnerRule, suggestions: OwnerMatch['suggestions'] = []): OwnerMatch {
  return { input, name: null, matched: 'none', score: 0, suggestions, rule };
}

/** A match found for another spelling of the name (a prefixed or composite part), reported for the input. */
export function asRule(m: OwnerMatch, input: string, score: number, rule: OwnerRule): OwnerMatch {
  return { ...m, input, matched: 'rule', score: Math.min(m.score, score), rule };
}
