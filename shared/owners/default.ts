// The bundled default directories (built from seeds 000, 003, 004; see
// shared/data). defaultDirectory() holds every bundled jurisdiction;
// defaultDirectory(j) holds only j (so 区科协 is not ambiguous between 锦江 and
// 綦江). A jurisdiction we do not bundle gets an empty directory: lookups then
// work from rules alone (national bodies still answer).
// The directories are built once, when this module loads, from constant data:
// they are constants, not a cache (no state changes after load).
import { BUNDLED } from '../data';
import type { UnitGroup } from '../model';
import { createDirectory, type Directory, type OwnerGroup } from './directory';
import { displayName } from './normalize';
import { jurisdictionForms } from './rules';

const STREET_WORDS = ['各街道', '各镇街', '各街镇', '各镇', '各乡镇', '各街道办事处'];
const MEMBER_WORDS = ['纲要办其他成员单位', '各成员单位', '有关成员单位', '其他成员单位', '纲要办各成员单位'];

/** Groups of each bundled jurisdiction. Street members are not in the seeds: 单位名录 rows with 类别 街镇 add them. */
function bundledGroups(j: string, members: string[]): OwnerGroup[] {
  if (j === '国家') {
    return [{ name: '全民科学素质纲要实施工作办公室各成员单位', aliases: MEMBER_WORDS, members, jurisdiction: j, key: 'members' }];
  }
  if (j === '成都市锦江区') {
    return [
      { name: '各街道', aliases: STREET_WORDS.filter((w) => w !== '各街道'), members: [], jurisdiction: j, key: 'streets' },
      {
        name: '区全民科学素质纲要实施工作办公室其他成员单位',
        aliases: [...MEMBER_WORDS, '区级各部门', '区级有关部门', '有关单位'],
        members,
        jurisdiction: j,
        key: 'members',
      },
    ];
  }
  return [
    { name: '各镇街', aliases: STREET_WORDS.filter((w) => w !== '各镇街'), members: [], jurisdiction: j, key: 'streets' },
    { name: '纲要办其他成员单位', aliases: [...MEMBER_WORDS.filter((w) => w !== '纲要办其他成员单位'), '区级各部门', '区级有关部门', '有关单位'], members, jurisdiction: j, key: 'members' },
  ];
}

/** Shared by every caller for the life of the process: frozen, so no caller can change another's. */
function frozen(dir: Directory): Directory {
  for (const u of dir.units) {
    Object.freeze(u.aliases);
    if (u.contact) Object.freeze(u.contact);
    Object.freeze(u);
  }
  for (const g of dir.groups) {
    Object.freeze(g.aliases);
    Object.freeze(g.members);
    Object.freeze(g);
  }
  Object.freeze(dir.units);
  Object.freeze(dir.groups);
  return Object.freeze(dir);
}

function build(picked: readonly (typeof BUNDLED)[number][]): Directory {
  const units = picked.flatMap((b) => b.units);
  const groups: UnitGroup[] = picked.flatMap((b) => bundledGroups(b.jurisdiction, b.units.filter((u) => u.kind !== '街镇').map((u) => u.name)));
  return frozen(createDirectory(units, groups));
}

const ALL = build(BUNDLED);
const BY_JURISDICTION: ReadonlyMap<string, Directory> = new Map(BUNDLED.map((b) => [b.jurisdiction, build([b])] as const));
// Every jurisdiction we do not bundle gets this one empty directory: it holds
// nothing of the jurisdiction (lookups take it from the call).
const EMPTY = frozen(createDirectory([]));

export function bundledJurisdictions(): string[] {
  return BUNDLED.map((b) => b.jurisdiction);
}

/** The bundled jurisdiction a full or short name means (锦江区 → 成都市锦江区), or null. */
export function bundledJurisdiction(j: string): string | null {
  const t = displayName(j);
  for (const b of BUNDLED) if (b.jurisdiction === t || jurisdictionForms(b.jurisdiction).includes(t)) return b.jurisdiction;
  if (t === '全国' || t === '中央') return '国家';
  return null;
}

export function defaultDirectory(jurisdiction?: string | null): Directory {
  if (!jurisdiction) return ALL;
  const j = bundledJurisdiction(jurisdiction);
  return (j && BY_JURISDICTION.get(j)) || EMPTY;
}
