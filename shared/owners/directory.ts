// The directory (单位名录) and its lookup. Indexes are built once in
// createDirectory so a lookup is a few Map reads: raw names and aliases, keys
// (variant-folded), derived forms (锦江区教育局, 成都市锦江区教育局 for 区教育局),
// bare forms without the level prefix, and a character-bigram inverted index
// for suggestions. Nothing scans the whole directory per query.
import type { OwnerMatch, Unit, UnitGroup } from '../model';
import { displayName, keyOf, splitComposite } from './normalize';
import {
  GROUP_NAMES,
  groupKeyOf,
  innerLevelOf,
  jurisdictionForms,
  levelOfJurisdiction,
  levelPrefixOf,
  looksLikeUnit,
  looksNational,
  type GroupKey,
} from './rules';
import { bigrams, editDistance, similarity } from './similarity';
import { isNationalName } from './national';

export interface LookupContext {
  /** Level prefix to add to a name that lacks one (区, 市 …). Defaults to the jurisdiction's level. */
  prefix?: string;
  /** Full or short jurisdiction name (成都市锦江区 or 锦江区). */
  jurisdiction?: string;
}

/** A group with the jurisdiction it belongs to and the group word family it answers. */
export interface OwnerGroup extends UnitGroup {
  jurisdiction?: string;
  key?: GroupKey;
}

export interface Directory {
  units: Unit[];
  groups: UnitGroup[];
  lookup(name: string, ctx?: LookupContext): OwnerMatch;
  contactOf(canonical: string): Unit['contact'] | undefined;
  // The members below are extras of createDirectory (the contract needs only the
  // four above); resolveOwners uses them when present.
  /** Jurisdictions the directory knows, in order of first appearance. */
  jurisdictions?: string[];
  /** The jurisdiction assumed when a lookup names none (set when there is only one besides 国家). */
  defaultJurisdiction?: string | null;
  /** The known jurisdiction a full or short name refers to (锦江区 → 成都市锦江区). */
  resolveJurisdiction?(j: string | undefined | null): string | null;
  /** True when the name (as written) is a full name or alias of a unit: used to decide prefix expansion. */
  isKnownName?(name: string): boolean;
}

/** Confident fuzzy matches only: below this a near name is a suggestion, not a match. */
export const FUZZY_THRESHOLD = 0.8;
const FUZZY_MARGIN = 0.05;
const MAX_SUGGESTIONS = 5;
/** Below this a candidate shares too little with the name to be worth showing. */
const MIN_SUGGESTION = 0.35;

type Via = 'name' | 'alias' | 'derived';
interface Hit {
  u: number;
  via: Via;
}

const SCORE = { exact: 1, alias: 1, variant: 0.97, derived: 0.96, composite: 0.95, level: 0.92, group: 1 };

export function createDirectory(units: Unit[], groups?: UnitGroup[]): Directory {
  // Same name twice (a workbook's 单位名录 over the bundled one): the first row
  // wins, later rows add aliases and fill a missing contact or jurisdiction.
  const list: Unit[] = [];
  const seenName = new Map<string, Unit>();
  for (const u of units) {
    if (!u || typeof u.name !== 'string' || !u.name.trim()) continue;
    const prev = seenName.get(u.name.trim());
    if (prev) {
      for (const a of u.aliases ?? []) if (!prev.aliases.includes(a)) prev.aliases.push(a);
      if (!prev.contact && u.contact) prev.contact = { ...u.contact };
      if (!prev.jurisdiction && u.jurisdiction) prev.jurisdiction = u.jurisdiction;
      continue;
    }
    const copy: Unit = { ...u, name: u.name.trim(), aliases: [...(u.aliases ?? [])], jurisdiction: u.jurisdiction ?? '' };
    seenName.set(copy.name, copy);
    list.push(copy);
  }
  const raw = new Map<string, Hit[]>();
  const byKey = new Map<string, Hit[]>();
  const bare = new Map<string, number[]>();
  const byJ = new Map<string, number[]>();
  const byName = new Map<string, number>();
  // Suggestion index: entries are (key, unit); postings are entry ids per bigram.
  const entries: { key: string; u: number }[] = [];
  const postings = new Map<string, number[]>();

  const push = <T>(m: Map<string, T[]>, k: string, v: T) => {
    const a = m.get(k);
    if (a) a.push(v);
    else m.set(k, [v]);
  };
  const addKey = (k: string, hit: Hit) => {
    const a = byKey.get(k);
    if (!a) byKey.set(k, [hit]);
    else if (!a.some((h) => h.u === hit.u)) a.push(hit);
    else {
      const old = a.find((h) => h.u === hit.u)!;
      if (rank(hit.via) < rank(old.via)) old.via = hit.via;
    }
  };
  const addEntry = (k: string, u: number, seen: Set<string>) => {
    if (seen.has(k)) return;
    seen.add(k);
    const id = entries.length;
    entries.push({ key: k, u });
    for (const g of new Set(bigrams(k))) push(postings, g, id);
  };

  const jCache = new Map<string, { level: string; forms: string[] }>();
  list.forEach((unit, u) => {
    const j = unit.jurisdiction ?? '';
    push(byJ, j, u);
    if (!byName.has(unit.name)) byName.set(unit.name, u);
    push(raw, unit.name.trim(), { u, via: 'name' });
    for (const a of unit.aliases) push(raw, a.trim(), { u, via: 'alias' });
    const seen = new Set<string>();
    const texts: [string, Via][] = [[unit.name, 'name'], ...unit.aliases.map((a): [string, Via] => [a, 'alias'])];
    for (const [t, via] of texts) {
      const k = keyOf(t);
      if (!k) continue;
      addKey(k, { u, via });
      addEntry(k, u, seen);
      const c = splitComposite(displayName(t));
      if (c) addKey(keyOf(c.main), { u, via: 'derived' });
    }
    // Derived and bare forms from names that carry the jurisdiction's level prefix.
    let jInfo = jCache.get(j);
    if (!jInfo) jCache.set(j, (jInfo = { level: levelOfJurisdiction(j), forms: jurisdictionForms(j) }));
    const { level, forms } = jInfo;
    for (const [t] of texts) {
      const d = displayName(t);
      const main = splitComposite(d)?.main ?? d;
      if (level && main.startsWith(level) && levelPrefixOf(main) === level) {
        const rest = main.slice(level.length);
        for (const f of forms) {
          const fl = f.endsWith(level) ? f : null;
          if (fl) {
            addKey(keyOf(fl + rest), { u, via: 'derived' });
            if (rest.startsWith('委')) addKey(keyOf('中共' + fl + rest), { u, via: 'derived' });
          } else if (!rest.startsWith('委')) addKey(keyOf(f + rest), { u, via: 'derived' });
        }
        const bareName = rest.startsWith('委') && rest.length > 2 ? rest.slice(1) : rest;
        if (bareName.length >= 2) {
          const bk = keyOf(bareName);
          const a = bare.get(bk);
          if (!a) bare.set(bk, [u]);
          else if (!a.includes(u)) a.push(u);
        }
      }
      const inner = innerLevelOf(main);
      if (inner && inner === level && /^团/.test(main)) {
        for (const f of forms) if (f.endsWith(level)) addKey(keyOf('团' + f + '委'), { u, via: 'derived' });
      }
    }
  });

  const jurisdictions = [...byJ.keys()].filter((j) => j !== '');
  const local = jurisdictions.filter((j) => j !== '国家');
  const defaultJurisdiction = local.length === 1 ? local[0] : local.length === 0 && jurisdictions.length === 1 ? jurisdictions[0] : null;

  // Groups: the ones given, then derived ones for each jurisdiction that lacks them.
  const allGroups: OwnerGroup[] = (groups ?? []).map((g) => ({ ...g, aliases: [...(g.aliases ?? [])], members: [...(g.members ?? [])] }));
  for (const j of jurisdictions) {
    for (const key of ['streets', 'members'] as GroupKey[]) {
      const members = (byJ.get(j) ?? []).map((u) => list[u]).filter((u) => (key === 'streets' ? u.kind === '街镇' : u.kind !== '街镇'));
      const given = allGroups.filter((g) => g.jurisdiction === j && (g.key ?? groupKeyOf(displayName(g.name))) === key);
      if (given.length) {
        // A given 各街道 / 成员单位 group also covers the directory's own rows of that
        // kind (a workbook's 街镇 rows fill the bundled, empty 各街道).
        for (const g of given) for (const u of members) if (!g.members.includes(u.name)) g.members.push(u.name);
        continue;
      }
      if (key === 'streets' && !members.length) continue;
      allGroups.push({ name: GROUP_NAMES[key], aliases: [], members: members.map((u) => u.name), jurisdiction: j, key });
    }
  }
  const groupByKey = new Map<string, OwnerGroup[]>();
  for (const g of allGroups) {
    g.key ??= groupKeyOf(displayName(g.name)) ?? undefined;
    for (const t of [g.name, ...g.aliases]) push(groupByKey, keyOf(t), g);
  }

  const resolveJurisdiction = (j: string | undefined | null): string | null => {
    if (!j) return null;
    const t = displayName(j);
    if (byJ.has(t)) return t;
    for (const k of jurisdictions) if (jurisdictionForms(k).includes(t) || k.endsWith(t)) return k;
    return null;
  };

  // With a jurisdiction, only its units count; national units only when asked
  // (after the level-prefix rule, so a bare 统计局 in a district means 区统计局).
  let allowNational = true;
  const unitsIn = (hits: readonly number[], J: string | null): number[] => {
    const distinct = [...new Set(hits)];
    if (!J) return distinct;
    const inJ = distinct.filter((u) => list[u].jurisdiction === J);
    if (inJ.length || !allowNational) return inJ;
    return distinct.filter((u) => list[u].jurisdiction === '国家');
  };

  const result = (input: string, u: number, matched: OwnerMatch['matched'], score: number, rule?: string): OwnerMatch => ({
    input,
    name: list[u].name,
    matched,
    score,
    suggestions: [],
    ...(rule ? { rule } : {}),
  });

  const ambiguous = (input: string, us: number[], rule: string): OwnerMatch => ({
    input,
    name: null,
    matched: 'none',
    score: 0,
    suggestions: us.slice(0, MAX_SUGGESTIONS).map((u) => ({ name: list[u].name, score: 0.9 })),
    rule,
  });

  /** Exact/alias/variant/derived match of one display form; null when none. */
  const direct = (input: string, d: string, J: string | null): OwnerMatch | null => {
    const asWritten = d === displayName(input) ? raw.get(input.trim()) : undefined;
    const rawHits = asWritten ?? raw.get(d);
    if (rawHits) {
      const us = unitsIn(
        rawHits.map((h) => h.u),
        J,
      );
      if (us.length === 1) {
        const h = rawHits.find((x) => x.u === us[0])!;
        if (!asWritten) return result(input, us[0], 'rule', SCORE.variant, 'variant');
        return h.via === 'name' ? result(input, us[0], 'exact', SCORE.exact) : result(input, us[0], 'alias', SCORE.alias);
      }
      if (us.length > 1) return ambiguous(input, us, 'ambiguous');
    }
    const keyHits = byKey.get(keyOf(d));
    if (keyHits) {
      const us = unitsIn(
        keyHits.map((h) => h.u),
        J,
      );
      if (us.length === 1) {
        const h = keyHits.find((x) => x.u === us[0])!;
        return h.via === 'derived'
          ? result(input, us[0], 'rule', SCORE.derived, 'jurisdiction-name')
          : result(input, us[0], 'rule', SCORE.variant, 'variant');
      }
      if (us.length > 1) return ambiguous(input, us, 'ambiguous');
    }
    return null;
  };

  const withLevel = (input: string, d: string, J: string | null, prefix: string | null): OwnerMatch | null => {
    if (levelPrefixOf(d) || innerLevelOf(d) || looksNational(d)) return null;
    if (prefix) {
      for (const cand of [prefix + d, prefix + '委' + d]) {
        const m = direct(input, cand, J);
        if (m && m.name) return { ...m, matched: 'rule', score: SCORE.level, rule: 'level-prefix' };
      }
      return null;
    }
    const hits = bare.get(keyOf(d));
    if (!hits) return null;
    const us = unitsIn(hits, J);
    if (us.length === 1) return result(input, us[0], 'rule', SCORE.level, 'level-prefix');
    if (us.length > 1) return ambiguous(input, us, 'ambiguous-level');
    return null;
  };

  // Suggestions. With a jurisdiction (asked, or read off the front of the name:
  // 成都市锦江区教育屬), its own entries are few and are scored directly; without
  // one, the bigram postings pick the candidates. Edit distance ranks them.
  const entriesByJ = new Map<string, number[]>();
  entries.forEach((e, id) => push(entriesByJ, list[e.u].jurisdiction, id));
  const jByForm = new Map<string, string[]>();
  for (const j of jurisdictions) {
    for (const f of [...jurisdictionForms(j), ...(j === '国家' ? [] : ['中共' + j, '共青团' + j])]) {
      const a = jByForm.get(f);
      if (!a) jByForm.set(f, [j]);
      else if (!a.includes(j)) a.push(j);
    }
  }
  const detectJ = (q: string): string[] | null => {
    for (let len = Math.min(q.length - 2, 18); len >= 2; len--) {
      const js = jByForm.get(q.slice(0, len));
      if (js) return js;
    }
    return null;
  };
  const counts = new Int32Array(entries.length);

  const rankEntries = (ids: readonly number[], queries: string[]): { u: number; score: number }[] => {
    // Cheap edit-distance pass first; the bigram nudge only for the close ones.
    const lev: { id: number; s: number }[] = [];
    let bestLev = 0;
    for (const id of ids) {
      const k = entries[id].key;
      let sBest = 0;
      for (const q of queries) {
        const len = Math.max(q.length, k.length);
        if (Math.abs(q.length - k.length) > len * 0.6) continue;
        const sv = 1 - editDistance(q, k) / len;
        if (sv > sBest) sBest = sv;
      }
      if (sBest > 0) lev.push({ id, s: sBest });
      if (sBest > bestLev) bestLev = sBest;
    }
    const best = new Map<number, number>();
    for (const { id, s: ls } of lev) {
      if (ls < bestLev - 0.25) continue;
      const e = entries[id];
      let sc = 0;
      for (const q of queries) sc = Math.max(sc, similarity(q, e.key));
      if (sc > (best.get(e.u) ?? 0)) best.set(e.u, sc);
    }
    return [...best.entries()]
      .map(([u, score]) => ({ u, score: Math.round(score * 1000) / 1000 }))
      .filter((x) => x.score >= MIN_SUGGESTION)
      .sort((a, b) => b.score - a.score || (list[a.u].name < list[b.u].name ? -1 : 1))
      .slice(0, MAX_SUGGESTIONS);
  };

  const byBigrams = (queries: string[]): number[] => {
    const touched: number[] = [];
    let max = 0;
    for (const q of queries) {
      for (const g of new Set(bigrams(q))) {
        const ids = postings.get(g);
        if (!ids) continue;
        for (const id of ids) {
          if (counts[id] === 0) touched.push(id);
          const c = ++counts[id];
          if (c > max) max = c;
        }
      }
    }
    // Only the best-overlapping entries get the (dearer) edit-distance score.
    const floor = Math.max(1, max - 2);
    let picked = touched.filter((id) => counts[id] >= floor);
    if (picked.length > 60) picked = picked.sort((a, b) => counts[b] - counts[a]).slice(0, 60);
    for (const id of touched) counts[id] = 0;
    return picked;
  };

  const suggest = (d: string, J: string | null, prefix: string | null): { u: number; score: number }[] => {
    const queries = [keyOf(d)];
    if (prefix && !levelPrefixOf(d) && !innerLevelOf(d)) queries.push(keyOf(prefix + d));
    const js = J ? [J] : detectJ(queries[0]);
    if (js) {
      const pool = js.flatMap((j) => entriesByJ.get(j) ?? []);
      if (js[0] !== '国家') pool.push(...(entriesByJ.get('国家') ?? []));
      const ranked = rankEntries(pool, queries);
      if (J || (ranked[0] && ranked[0].score >= FUZZY_THRESHOLD)) return ranked;
    }
    return rankEntries(byBigrams(queries), queries);
  };

  const lookupGroup = (input: string, d: string, J: string | null): OwnerMatch | null => {
    const explicit = groupByKey.get(keyOf(d));
    const family = groupKeyOf(d);
    if (!explicit && !family) return null;
    const pick = (gs: OwnerGroup[]) =>
      gs.find((g) => J && g.jurisdiction === J) ?? gs.find((g) => !g.jurisdiction) ?? (J ? undefined : gs.length === 1 ? gs[0] : undefined);
    let g = explicit ? pick(explicit) : undefined;
    if (!g && family) g = pick(allGroups.filter((x) => x.key === family));
    return {
      input,
      name: g ? g.name : d,
      matched: 'group',
      score: SCORE.group,
      suggestions: [],
      rule: family ? `group:${family}` : 'group',
      members: g ? [...g.members] : [],
    };
  };

  const lookup = (name: string, ctx?: LookupContext): OwnerMatch => {
    const input = typeof name === 'string' ? name : '';
    const d = displayName(input);
    if (!d) return { input, name: null, matched: 'none', score: 0, suggestions: [], rule: 'empty' };
    const askedJ = ctx?.jurisdiction ? displayName(ctx.jurisdiction) : null;
    const J = askedJ ? resolveJurisdiction(askedJ) : defaultJurisdiction;
    const prefix = ctx?.prefix ?? (askedJ ? levelOfJurisdiction(J ?? askedJ) : J ? levelOfJurisdiction(J) : '') ?? '';

    const group = lookupGroup(input, d, J);
    if (group) return group;

    // A jurisdiction the directory does not know: rules only.
    // (National units still answer: 中国科协 is the same unit in every ledger.)
    if ((askedJ && !J) || list.length === 0) {
      const national = byJ.has('国家') ? direct(input, d, '国家') : null;
      if (national && national.name && list[byName.get(national.name)!]?.jurisdiction === '国家') return national;
      return rulesOnly(input, d, prefix || null);
    }

    let m: OwnerMatch | null = null;
    for (const national of J && J !== '国家' ? [false, true] : [true]) {
      allowNational = national;
      m = direct(input, d, J) ?? composite(input, d, J, prefix || null) ?? withLevel(input, d, J, prefix || null);
      if (m && m.name) break;
    }
    allowNational = true;
    if (m && m.name) return m;

    if (m && m.suggestions.length) return { ...m, input };
    const sugg = suggest(d, J, prefix || null);
    const ambiguousSugg = m?.suggestions ?? [];
    const top = sugg[0];
    const second = sugg.find((s) => s.u !== top?.u);
    if (!m && top && top.score >= FUZZY_THRESHOLD && (!second || top.score - second.score >= FUZZY_MARGIN) && d.length >= 4) {
      return {
        input,
        name: list[top.u].name,
        matched: 'fuzzy',
        score: top.score,
        suggestions: sugg.map((s) => ({ name: list[s.u].name, score: s.score })),
        rule: 'fuzzy',
      };
    }
    const suggestions = ambiguousSugg.length ? ambiguousSugg : sugg.map((s) => ({ name: list[s.u].name, score: s.score }));
    return { input, name: null, matched: 'none', score: 0, suggestions, rule: m?.rule ?? (looksLikeUnit(d) ? 'unknown' : 'not-a-unit') };
  };

  const composite = (input: string, d: string, J: string | null, prefix: string | null): OwnerMatch | null => {
    const c = splitComposite(d);
    if (!c) return null;
    for (const part of [c.main, c.inner]) {
      const m = direct(input, part, J) ?? withLevel(input, part, J, prefix);
      if (m && m.name) return { ...m, matched: 'rule', score: SCORE.composite, rule: 'composite' };
    }
    return null;
  };

  const isKnownName = (n: string): boolean => raw.has(n.trim()) || byKey.has(keyOf(n));

  return {
    units: list,
    groups: allGroups,
    lookup,
    contactOf: (canonical: string) => {
      const u = byName.get(canonical);
      return u === undefined ? undefined : list[u].contact;
    },
    jurisdictions,
    defaultJurisdiction,
    resolveJurisdiction,
    isKnownName,
  };
}

function rank(v: Via): number {
  return v === 'name' ? 0 : v === 'alias' ? 1 : 2;
}

/**
 * Rules-only lookup (no directory, or one that does not know the jurisdiction):
 * the name is normalised and given its level prefix; it is reported as 'rule'
 * when it looks like a unit name, 'none' otherwise. Never a silent guess: the
 * rule note says the name was not checked against a directory.
 */
export function rulesOnly(input: string, d: string, prefix: string | null): OwnerMatch {
  const family = groupKeyOf(d);
  if (family) return { input, name: d, matched: 'group', score: 1, suggestions: [], rule: `group:${family}`, members: [] };
  const needsLevel = !levelPrefixOf(d) && !innerLevelOf(d) && !looksNational(d) && !isNationalName(d);
  const name = prefix && needsLevel ? prefix + d : d;
  const rule = prefix && needsLevel ? 'rules-only:level-prefix' : 'rules-only';
  if (looksLikeUnit(splitComposite(d)?.main ?? d)) return { input, name, matched: 'rule', score: 0.6, suggestions: [], rule };
  return { input, name: null, matched: 'none', score: 0, suggestions: [], rule: 'rules-only:not-a-unit' };
}
