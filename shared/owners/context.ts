// The context of each name in an owner field (issue 13), in this order:
//  1. the enumeration: neighbours that carry a level (市委宣传部、市科技局、
//     民族宗教局 → 市; 由自治区教育厅、科协、团委 → 自治区; 团市委 → 市), or,
//     when none does, national-only neighbours (教育部、中国科协、气象局 → 国家);
//     a neighbour that names its place (成都市锦江区教育局) gives the place too;
//  2. the document's or ledger's own jurisdiction (plan title, title rows, 说明);
//  3. the directory (its one jurisdiction), left to the lookup.
// A bare name takes the level of its context; a name that carries a level, a
// place or the nation, and a group word, take none.
import { groupKeyOf } from './groups';
import { isNationalOnly } from './national';
import { displayName } from './normalize';
import { carriesPlace } from './places';
import { jurisdictionForms, jurisdictionInName, levelOfJurisdiction } from './rules';
import { isNationalWord, ownLevelOf } from './match/scope';

export type ContextSource = 'enumeration' | 'document' | 'directory';

/** What the document says about itself. */
export interface DocumentContext {
  /** The jurisdiction as written (成都市锦江区, 哈尔滨市, 国家) or null. */
  jurisdiction: string | null;
  /** Jurisdictions the directory knows: names that start with one give their place. */
  known: readonly string[];
  /** True when the name (as written) is a full name in the directory: never expanded. */
  isKnownName?: (display: string) => boolean;
}

export interface NameContext {
  /** The level prefix the name takes ('' for none); only set for bare names. */
  readonly prefix: string;
  /** Where the prefix came from; null when the name takes none or nothing gave one. */
  readonly source: ContextSource | null;
  /** The jurisdiction to look the name up in (国家 for a national context), or null. */
  readonly jurisdiction: string | null;
  /** The name takes no prefix: a group word, or it carries a level, a place or the nation. */
  readonly complete: boolean;
  /**
   * The name carries a level other than the document's, and no neighbour names
   * that place (市科协 in a county plan): another jurisdiction's unit, kept as
   * written when the directory has no one unit for it.
   */
  readonly elsewhere: boolean;
}

interface Fact {
  display: string;
  /** Level the name carries (区 for 区科协, 团区委, 中共X区委…). */
  level: string | null;
  /** Level it gives its neighbours: its own, or its place's (锦江区教育局 → 区). */
  gives: string | null;
  national: boolean;
  /** The place the name starts with, when it names one (成都市锦江区教育局 → 成都市锦江区). */
  place: string | null;
}

function factOf(name: string, known: readonly string[]): Fact {
  const display = displayName(name);
  const group = groupKeyOf(display) !== null;
  const level = group ? null : ownLevelOf(display);
  const place = group ? null : jurisdictionInName(display, known);
  return {
    display,
    level,
    gives: level ?? (place ? levelOfJurisdiction(place) || null : null),
    national: !group && isNationalOnly(display),
    place,
  };
}

/** The level of the nearest neighbour carrying one: before the name first, then after. */
function neighbourLevel(facts: readonly Fact[], i: number): string | null {
  for (let k = i - 1; k >= 0; k--) if (facts[k]!.gives) return facts[k]!.gives;
  for (let k = i + 1; k < facts.length; k++) if (facts[k]!.gives) return facts[k]!.gives;
  return null;
}

/** A place some neighbour names, of the given level (the enumeration's own jurisdiction). */
function neighbourPlace(facts: readonly Fact[], level: string): string | null {
  for (const f of facts) if (f.place && levelOfJurisdiction(f.place) === level) return f.place;
  return null;
}

/**
 * The context of each name. `before` are names of the same owner text that
 * precede these (the leads when resolving the partners): neighbours too.
 */
export function contextsOf(names: readonly string[], doc: DocumentContext, before: readonly string[] = []): NameContext[] {
  const facts = [...before, ...names].map((n) => factOf(n, doc.known));
  const offset = before.length;
  const docNational = isNationalWord(doc.jurisdiction);
  const docLevel = doc.jurisdiction && !docNational ? levelOfJurisdiction(doc.jurisdiction) : '';
  const anyLocal = facts.some((f) => f.gives);
  const anyNational = facts.some((f) => f.national);
  const lookupJ = (level: string): string | null => {
    if (doc.jurisdiction && !docNational && levelOfJurisdiction(doc.jurisdiction) === level) return doc.jurisdiction;
    return neighbourPlace(facts, level);
  };
  return names.map((_, n) => {
    const i = n + offset;
    const f = facts[i]!;
    const forms = [doc.jurisdiction, neighbourPlace(facts, f.level ?? docLevel)].flatMap((j) => (j ? jurisdictionForms(j) : []));
    const complete = groupKeyOf(f.display) !== null || f.level !== null || f.national || carriesPlace(f.display, forms) || !!doc.isKnownName?.(f.display);
    if (complete) {
      // Its own level decides where to look: 市科协 in a district plan is the city's.
      const j = f.level ? lookupJ(f.level) : docNational ? '国家' : doc.jurisdiction;
      const elsewhere = !!f.level && !j && !!doc.jurisdiction;
      return { prefix: f.level ?? '', source: null, jurisdiction: j, complete: true, elsewhere };
    }
    const level = neighbourLevel(facts, i);
    const bare = { complete: false, elsewhere: false } as const;
    if (level) return { ...bare, prefix: level, source: 'enumeration', jurisdiction: lookupJ(level) };
    if (!anyLocal && anyNational) return { ...bare, prefix: '', source: 'enumeration', jurisdiction: '国家' };
    if (docNational) return { ...bare, prefix: '', source: 'document', jurisdiction: '国家' };
    if (docLevel) return { ...bare, prefix: docLevel, source: 'document', jurisdiction: doc.jurisdiction };
    return { ...bare, prefix: '', source: null, jurisdiction: null };
  });
}
