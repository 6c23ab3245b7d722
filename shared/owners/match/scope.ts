// Where a lookup looks: the jurisdiction whose units count, the level prefix a
// bare name takes, whether national bodies may answer, and whether the
// directory can answer at all (a context it does not hold means rules only).
// Computed once per lookup from the caller's context and the name, then passed
// to every matcher: no flag is flipped between them.
import type { DirectoryIndex } from '../build';
import { isNationalOnly } from '../national';
import { displayName } from '../normalize';
import { innerLevelOf, jurisdictionForms, levelOfJurisdiction, levelPrefixOf } from '../rules';

export interface LookupContext {
  /** Full or short jurisdiction name (成都市锦江区 or 锦江区); 国家 for a national context. */
  jurisdiction?: string;
  /** Level prefix a bare name takes (区, 市 …). Defaults to the jurisdiction's level. */
  prefix?: string;
}

export interface Scope {
  /** Only this jurisdiction's units count (national ones when allowed); null: any of the right level. */
  readonly jurisdiction: string | null;
  /** The prefix a bare name takes; '' for none. */
  readonly prefix: string;
  /** A national context: bare names (气象局) may mean national bodies. */
  readonly national: boolean;
  /** The context is a place or level the directory does not hold: rules only (national-only names still answer). */
  readonly rulesOnly: boolean;
  /** Short forms of the context's jurisdiction (锦江区, 锦江): names starting so carry their place. */
  readonly forms: readonly string[];
}

const NATIONAL = new Set(['国家', '全国', '中央']);

export const isNationalWord = (j: string | null | undefined): boolean => !!j && NATIONAL.has(displayName(j));

/** The known jurisdiction a full or short name refers to (锦江区 → 成都市锦江区), or null. */
export function resolveJurisdiction(index: DirectoryIndex, j: string | undefined | null): string | null {
  if (!j) return null;
  const t = displayName(j);
  if (NATIONAL.has(t)) return index.byJurisdiction.has('国家') ? '国家' : null;
  if (index.byJurisdiction.has(t)) return t;
  const byForm = index.jurisdictionsByForm.get(t);
  if (byForm) return byForm[0]!;
  for (const k of index.jurisdictions) if (k.endsWith(t)) return k;
  return null;
}

/** Short forms of a jurisdiction: the index's when it knows it. */
const formsIn = (index: DirectoryIndex, j: string): readonly string[] => index.formsOf.get(j) ?? jurisdictionForms(j);

/** The directory's jurisdictions whose units take this prefix. */
function ofLevel(index: DirectoryIndex, prefix: string): string[] {
  return index.jurisdictions.filter((j) => j !== '国家' && levelOfJurisdiction(j) === prefix);
}

export function scopeOf(index: DirectoryIndex, ctx: LookupContext | undefined): Scope {
  const asked = ctx?.jurisdiction ? displayName(ctx.jurisdiction) : null;
  const empty = index.units.length === 0;
  if (asked && NATIONAL.has(asked)) {
    const has = index.byJurisdiction.has('国家');
    return { jurisdiction: has ? '国家' : null, prefix: '', national: true, rulesOnly: !has, forms: [] };
  }
  if (asked) {
    const j = resolveJurisdiction(index, asked);
    const prefix = ctx?.prefix ?? levelOfJurisdiction(j ?? asked);
    return { jurisdiction: j, prefix, national: false, rulesOnly: j === null, forms: formsIn(index, j ?? asked) };
  }
  if (ctx?.prefix) {
    // A level with no place (an enumeration of 市… names): the directory's one
    // jurisdiction of that level, else any unit of that level, else rules.
    const same = ofLevel(index, ctx.prefix);
    const j = same.length === 1 ? same[0]! : null;
    return { jurisdiction: j, prefix: ctx.prefix, national: false, rulesOnly: same.length === 0, forms: j ? formsIn(index, j) : [] };
  }
  const j = index.defaultJurisdiction;
  return { jurisdiction: j, prefix: j ? levelOfJurisdiction(j) : '', national: j === '国家', rulesOnly: empty, forms: j ? formsIn(index, j) : [] };
}

/** The level a name carries itself: 区 for 区科协 and 团区委, null for 科协. */
export function ownLevelOf(display: string): string | null {
  return levelPrefixOf(display) ?? innerLevelOf(display);
}

/**
 * Which units may answer a name in a scope: the scope's jurisdiction; with none,
 * units of the name's own level (区科协 → 区 units) or the context's; national
 * units only for a national-only name or in a national context.
 */
export function acceptor(index: DirectoryIndex, scope: Scope, display: string): (unit: number) => boolean {
  // Worked out only when a unit needs them: most lookups meet one local unit.
  let national: boolean | undefined;
  let level: string | null | undefined;
  return (u) => {
    const j = index.units[u]!.jurisdiction;
    if (j === '国家') return (national ??= scope.national || isNationalOnly(display));
    if (scope.jurisdiction !== null) return j === scope.jurisdiction;
    if (scope.national) return false;
    if (level === undefined) level = ownLevelOf(display) ?? (scope.prefix || null);
    return level === null || index.unitLevels[u] === level;
  };
}

/** Jurisdictions of the directory whose name a text starts with (成都市锦江区…, 锦江区…, 中共锦江区委…). */
export function placesAtFront(index: DirectoryIndex, q: string): readonly string[] | null {
  for (let len = Math.min(q.length - 2, 18); len >= 2; len--) {
    const js = index.jurisdictionsByForm.get(q.slice(0, len));
    if (js) return js;
  }
  return null;
}
