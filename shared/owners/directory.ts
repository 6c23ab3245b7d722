// The directory (单位名录) and its lookup: an index built once (build.ts), then
// per name a fixed order of matchers (match/): group word, direct (exact,
// alias, variant, jurisdiction name), composite, level prefix, national body,
// then ranked suggestions with a fuzzy match only when one is clearly right.
// Where to look comes from the caller's context (match/scope.ts), computed per
// lookup and passed to each matcher.
import type { OwnerMatch, Unit, UnitGroup } from '../model';
import { buildIndex, type DirectoryIndex, type OwnerGroup } from './build';
import { isNationalOnly } from './national';
import { displayName, keyOf } from './normalize';
import { looksLikeUnit } from './rules';
import { composite } from './match/composite';
import { direct } from './match/direct';
import { matchGroup } from './match/group';
import { withLevel } from './match/level';
import { nationalMatch } from './match/national';
import { nothing } from './match/result';
import { isComplete, rulesOnly } from './match/rules-only';
import { acceptor, ownLevelOf, placesAtFront, resolveJurisdiction, scopeOf, type LookupContext, type Scope } from './match/scope';
import { carriesPlace } from './places';
import { FUZZY_MARGIN, FUZZY_THRESHOLD, Suggester } from './match/suggest';

export type { LookupContext } from './match/scope';
export type { OwnerGroup } from './build';
export { FUZZY_THRESHOLD } from './match/suggest';

export interface Directory {
  /** Shared with every caller: never changed in place. */
  readonly units: readonly Unit[];
  readonly groups: readonly UnitGroup[];
  lookup(name: string, ctx?: LookupContext): OwnerMatch;
  contactOf(canonical: string): Unit['contact'] | undefined;
  // The members below are extras of createDirectory (the contract needs only the
  // four above); resolveOwners uses them when present.
  /** Jurisdictions the directory knows, in order of first appearance. */
  readonly jurisdictions?: readonly string[];
  /** The jurisdiction assumed when a lookup names none (set when there is only one besides 国家). */
  readonly defaultJurisdiction?: string | null;
  /** The known jurisdiction a full or short name refers to (锦江区 → 成都市锦江区). */
  resolveJurisdiction?(j: string | undefined | null): string | null;
  /** True when the name (as written) is a full name or alias of a unit: used to decide prefix expansion. */
  isKnownName?(name: string): boolean;
}

/** A fuzzy hit must be of the level the name states (市人社局 is never 区人社局) and one the scope accepts. */
function fuzzyAllowed(index: DirectoryIndex, d: string, unit: number, accept: (u: number) => boolean): boolean {
  const own = ownLevelOf(d);
  return accept(unit) && (own === null || index.unitLevels[unit] === own);
}

function lookupIn(index: DirectoryIndex, suggester: Suggester, name: string, ctx: LookupContext | undefined): OwnerMatch {
  const input = typeof name === 'string' ? name : '';
  const d = displayName(input);
  if (!d) return nothing(input, 'empty');
  const scope: Scope = scopeOf(index, ctx);
  const group = matchGroup(index, input, d, scope.jurisdiction);
  if (group) return group;
  const nationalAsked = () => scope.national || isNationalOnly(d);
  if (scope.rulesOnly) return (nationalAsked() ? nationalMatch(index, input, d) : null) ?? rulesOnly(input, d, scope.prefix, scope.forms);

  const accept = acceptor(index, scope, d);
  const bare = (part: string) => !isComplete(part, scope.forms);
  // With no place and no level (several jurisdictions, no context), a bare name
  // is found by its bare form only to be offered, never picked.
  const guessing = scope.jurisdiction === null && !scope.prefix;
  const m =
    direct(index, input, d, accept) ??
    composite(index, input, d, scope.prefix, accept, bare) ??
    (bare(d) ? withLevel(index, input, d, scope.prefix, accept, guessing) : null);
  if (m && m.name) return m;
  const national = nationalAsked() ? nationalMatch(index, input, d) : null;
  if (national) return national;
  if (m && m.suggestions.length) {
    // 气象局 with no context: the local ones and the national body, all offered.
    const nat = nationalMatch(index, input, d);
    return nat && !m.suggestions.some((s) => s.name === nat.name) ? { ...m, suggestions: [...m.suggestions, { name: nat.name!, score: 0.9 }] } : m;
  }

  const sugg = suggester.suggest(d, scope.jurisdiction, scope.prefix);
  const top = sugg[0];
  const second = sugg.find((s) => s.unit !== top?.unit);
  const clear = !m && top && top.score >= FUZZY_THRESHOLD && (!second || top.score - second.score >= FUZZY_MARGIN) && d.length >= 4;
  if (!clear && ownLevelOf(d) === null && carriesPlace(d) && !placesAtFront(index, keyOf(d))) {
    // 哈尔滨广播电视台 where the directory holds no 哈尔滨: another place's unit, kept as written.
    return rulesOnly(input, d, '', []);
  }
  // 农业部, 安全监管总局: a national body by its name, one the table does not hold (an older name).
  if (!clear && isNationalOnly(d)) return rulesOnly(input, d, '', []);
  if (clear && fuzzyAllowed(index, d, top.unit, accept)) {
    return {
      input,
      name: index.units[top.unit]!.name,
      matched: 'fuzzy',
      score: top.score,
      suggestions: sugg.map((s) => ({ name: index.units[s.unit]!.name, score: s.score })),
      rule: 'fuzzy',
    };
  }
  const suggestions = sugg.map((s) => ({ name: index.units[s.unit]!.name, score: s.score }));
  return nothing(input, m?.rule ?? (looksLikeUnit(d) ? 'unknown' : 'not-a-unit'), suggestions);
}

export function createDirectory(units: readonly Unit[], groups?: readonly UnitGroup[]): Directory {
  const index = buildIndex(units, groups ?? []);
  // Scratch buffers for ranking suggestions: this directory's own.
  const suggester = new Suggester(index);
  return {
    units: index.units,
    groups: index.groups as readonly OwnerGroup[],
    lookup: (name, ctx) => lookupIn(index, suggester, name, ctx),
    contactOf: (canonical) => {
      const u = index.byName.get(canonical);
      return u === undefined ? undefined : index.units[u]!.contact;
    },
    jurisdictions: index.jurisdictions,
    defaultJurisdiction: index.defaultJurisdiction,
    resolveJurisdiction: (j) => resolveJurisdiction(index, j),
    isKnownName: (n) => {
      // A national body's bare short name (统计局) is not a full name anywhere but in a national plan.
      const hits = index.raw.get(n.trim()) ?? index.byKey.get(keyOf(n));
      return !!hits?.some((h) => index.units[h.unit]!.jurisdiction !== '国家' || isNationalOnly(displayName(n)));
    },
  };
}
