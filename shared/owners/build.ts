// The directory's indexes, built once so a lookup is a few Map reads: names and
// aliases as written, their keys (variant-folded), derived forms (锦江区教育局,
// 成都市锦江区教育局 for 区教育局), bare forms without the level prefix, and a
// character-bigram inverted index for suggestions. Nothing scans the whole
// directory per query. The index is data; match/ reads it.
import type { Unit, UnitGroup } from '../model';
import { GROUP_NAMES, groupKeyOf, type GroupKey } from './groups';
import { displayName, keyOf, splitComposite } from './normalize';
import { innerLevelOf, jurisdictionForms, levelOfJurisdiction, levelPrefixOf } from './rules';
import { bigrams } from './similarity';

/** A group with the jurisdiction it belongs to and the group word family it answers. */
export interface OwnerGroup extends UnitGroup {
  jurisdiction?: string;
  key?: GroupKey;
}

export type Via = 'name' | 'alias' | 'derived';
export interface Hit {
  /** Position of the unit in DirectoryIndex.units. */
  readonly unit: number;
  readonly via: Via;
}
/** A key a suggestion can be ranked against, and its unit. */
export interface Entry {
  readonly key: string;
  readonly unit: number;
}

export interface DirectoryIndex {
  readonly units: readonly Unit[];
  /** The level prefix of each unit's jurisdiction (区, 市 …; '' for 国家), by position. */
  readonly unitLevels: readonly string[];
  /** Names and aliases exactly as written. */
  readonly raw: ReadonlyMap<string, readonly Hit[]>;
  /** Key forms of names and aliases, and derived forms (jurisdiction names, composite mains). */
  readonly byKey: ReadonlyMap<string, readonly Hit[]>;
  /** Names without their level prefix (教育局 for 区教育局): unit positions. */
  readonly bare: ReadonlyMap<string, readonly number[]>;
  readonly byJurisdiction: ReadonlyMap<string, readonly number[]>;
  readonly byName: ReadonlyMap<string, number>;
  readonly entries: readonly Entry[];
  /** Bigram → entry positions. */
  readonly postings: ReadonlyMap<string, readonly number[]>;
  readonly entriesByJurisdiction: ReadonlyMap<string, readonly number[]>;
  /** A jurisdiction's full and short forms (锦江区, 中共成都市锦江区 …) → jurisdictions. */
  readonly jurisdictionsByForm: ReadonlyMap<string, readonly string[]>;
  /** Each known jurisdiction's short forms (jurisdictionForms), computed once. */
  readonly formsOf: ReadonlyMap<string, readonly string[]>;
  /** Jurisdictions in order of first appearance ('' left out). */
  readonly jurisdictions: readonly string[];
  /** The jurisdiction assumed when a lookup names none (the only one besides 国家). */
  readonly defaultJurisdiction: string | null;
  readonly groups: readonly OwnerGroup[];
  readonly groupsByKey: ReadonlyMap<string, readonly OwnerGroup[]>;
}

const push = <T>(m: Map<string, T[]>, k: string, v: T): void => {
  const a = m.get(k);
  if (a) a.push(v);
  else m.set(k, [v]);
};
const RANK: Record<Via, number> = { name: 0, alias: 1, derived: 2 };

/** Same name twice (a workbook's 单位名录 over the bundled one): the first row wins, later rows add aliases and fill a missing contact or jurisdiction. */
export function mergeUnits(units: readonly Unit[]): Unit[] {
  const list: Unit[] = [];
  const seen = new Map<string, Unit>();
  for (const u of units) {
    if (!u || typeof u.name !== 'string' || !u.name.trim()) continue;
    const prev = seen.get(u.name.trim());
    if (prev) {
      for (const a of u.aliases ?? []) if (!prev.aliases.includes(a)) prev.aliases.push(a);
      if (!prev.contact && u.contact) prev.contact = { ...u.contact };
      if (!prev.jurisdiction && u.jurisdiction) prev.jurisdiction = u.jurisdiction;
      continue;
    }
    const copy: Unit = { ...u, name: u.name.trim(), aliases: [...(u.aliases ?? [])], jurisdiction: u.jurisdiction ?? '' };
    seen.set(copy.name, copy);
    list.push(copy);
  }
  return list;
}

/** Keys of a unit: its key forms, and the derived and bare forms its level prefix gives. */
class NameIndex {
  readonly raw = new Map<string, Hit[]>();
  readonly byKey = new Map<string, Hit[]>();
  readonly bare = new Map<string, number[]>();
  readonly entries: Entry[] = [];
  readonly postings = new Map<string, number[]>();
  private readonly jInfo = new Map<string, { level: string; forms: string[] }>();

  addKey(k: string, hit: Hit): void {
    const a = this.byKey.get(k);
    if (!a) return void this.byKey.set(k, [hit]);
    const at = a.findIndex((h) => h.unit === hit.unit);
    if (at < 0) a.push(hit);
    else if (RANK[hit.via] < RANK[a[at]!.via]) a[at] = hit;
  }

  private addEntry(k: string, unit: number, seen: Set<string>): void {
    if (seen.has(k)) return;
    seen.add(k);
    const id = this.entries.length;
    this.entries.push({ key: k, unit });
    for (const g of new Set(bigrams(k))) push(this.postings, g, id);
  }

  add(unit: Unit, u: number): void {
    push(this.raw, unit.name.trim(), { unit: u, via: 'name' });
    for (const a of unit.aliases) push(this.raw, a.trim(), { unit: u, via: 'alias' });
    const texts: [string, Via][] = [[unit.name, 'name'], ...unit.aliases.map((a): [string, Via] => [a, 'alias'])];
    const seen = new Set<string>();
    for (const [t, via] of texts) {
      const k = keyOf(t);
      if (!k) continue;
      this.addKey(k, { unit: u, via });
      this.addEntry(k, u, seen);
      const c = splitComposite(displayName(t));
      if (c) this.addKey(keyOf(c.main), { unit: u, via: 'derived' });
    }
    for (const [t] of texts) this.addLevelForms(t, unit.jurisdiction ?? '', u);
  }

  /** 区教育局 of 成都市锦江区 → 锦江区教育局, 成都市锦江区教育局 (derived) and 教育局 (bare). */
  private addLevelForms(t: string, j: string, u: number): void {
    let info = this.jInfo.get(j);
    if (!info) this.jInfo.set(j, (info = { level: levelOfJurisdiction(j), forms: jurisdictionForms(j) }));
    const { level, forms } = info;
    const d = displayName(t);
    const main = splitComposite(d)?.main ?? d;
    if (level && main.startsWith(level) && levelPrefixOf(main) === level) {
      const rest = main.slice(level.length);
      for (const f of forms) {
        if (f.endsWith(level)) {
          this.addKey(keyOf(f + rest), { unit: u, via: 'derived' });
          if (rest.startsWith('委')) this.addKey(keyOf('中共' + f + rest), { unit: u, via: 'derived' });
        } else if (!rest.startsWith('委')) this.addKey(keyOf(f + rest), { unit: u, via: 'derived' });
      }
      const bareName = rest.startsWith('委') && rest.length > 2 ? rest.slice(1) : rest;
      if (bareName.length >= 2) {
        const bk = keyOf(bareName);
        const a = this.bare.get(bk);
        if (!a) this.bare.set(bk, [u]);
        else if (!a.includes(u)) a.push(u);
      }
    }
    const inner = innerLevelOf(main);
    if (inner && inner === level && /^团/.test(main)) {
      for (const f of forms) if (f.endsWith(level)) this.addKey(keyOf('团' + f + '委'), { unit: u, via: 'derived' });
    }
  }
}

/** The groups given, then derived ones (各街镇, 纲要办其他成员单位) for each jurisdiction that lacks them. */
function buildGroups(units: readonly Unit[], byJ: ReadonlyMap<string, readonly number[]>, jurisdictions: readonly string[], given: readonly UnitGroup[]): OwnerGroup[] {
  const all: OwnerGroup[] = given.map((g) => ({ ...g, aliases: [...(g.aliases ?? [])], members: [...(g.members ?? [])] }));
  for (const j of jurisdictions) {
    for (const key of ['streets', 'members'] as const) {
      const members = (byJ.get(j) ?? []).map((u) => units[u]!).filter((u) => (key === 'streets' ? u.kind === '街镇' : u.kind !== '街镇'));
      const mine = all.filter((g) => g.jurisdiction === j && ((g as OwnerGroup).key ?? groupKeyOf(displayName(g.name))) === key);
      if (mine.length) {
        // A given 各街道 / 成员单位 group also covers the directory's own rows of that
        // kind (a workbook's 街镇 rows fill the bundled, empty 各街道).
        for (const g of mine) for (const u of members) if (!g.members.includes(u.name)) g.members.push(u.name);
        continue;
      }
      if (key === 'streets' && !members.length) continue;
      all.push({ name: GROUP_NAMES[key], aliases: [], members: members.map((u) => u.name), jurisdiction: j, key });
    }
  }
  for (const g of all) g.key ??= groupKeyOf(displayName(g.name)) ?? undefined;
  return all;
}

export function buildIndex(input: readonly Unit[], givenGroups: readonly UnitGroup[] = []): DirectoryIndex {
  const units = mergeUnits(input);
  const names = new NameIndex();
  const byJurisdiction = new Map<string, number[]>();
  const byName = new Map<string, number>();
  units.forEach((unit, u) => {
    push(byJurisdiction, unit.jurisdiction ?? '', u);
    if (!byName.has(unit.name)) byName.set(unit.name, u);
    names.add(unit, u);
  });

  const jurisdictions = [...byJurisdiction.keys()].filter((j) => j !== '');
  const local = jurisdictions.filter((j) => j !== '国家');
  const defaultJurisdiction = local.length === 1 ? local[0]! : local.length === 0 && jurisdictions.length === 1 ? jurisdictions[0]! : null;

  const entriesByJurisdiction = new Map<string, number[]>();
  names.entries.forEach((e, id) => push(entriesByJurisdiction, units[e.unit]!.jurisdiction, id));
  const jurisdictionsByForm = new Map<string, string[]>();
  const formsOf = new Map(jurisdictions.map((j) => [j, jurisdictionForms(j)] as const));
  for (const j of jurisdictions) {
    for (const f of [...formsOf.get(j)!, ...(j === '国家' ? [] : ['中共' + j, '共青团' + j])]) {
      const a = jurisdictionsByForm.get(f);
      if (!a) jurisdictionsByForm.set(f, [j]);
      else if (!a.includes(j)) a.push(j);
    }
  }

  const groups = buildGroups(units, byJurisdiction, jurisdictions, givenGroups);
  const groupsByKey = new Map<string, OwnerGroup[]>();
  for (const g of groups) for (const t of [g.name, ...g.aliases]) push(groupsByKey, keyOf(t), g);

  return {
    units,
    unitLevels: units.map((u) => levelOfJurisdiction(u.jurisdiction ?? '')),
    raw: names.raw,
    byKey: names.byKey,
    bare: names.bare,
    byJurisdiction,
    byName,
    entries: names.entries,
    postings: names.postings,
    entriesByJurisdiction,
    jurisdictionsByForm,
    formsOf,
    jurisdictions,
    defaultJurisdiction,
    groups,
    groupsByKey,
  };
}
