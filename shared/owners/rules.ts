// Rules about Chinese unit names that need no directory (docs/domain.md §4):
// level prefixes and their look-alikes, jurisdiction names, group words,
// what a unit name looks like, and the kind a name suggests.
import type { UnitKind } from '../model';

/** Level prefixes, longest first so 自治区 wins over 区. */
export const LEVEL_PREFIXES = ['自治区', '自治州', '自治县', '省', '市', '区', '县', '州', '旗'] as const;

/**
 * Words that start with a level character without being a level prefix:
 * 市场监管局 still lacks its level (区市场监管局 / 市市场监督管理局).
 */
const LOOK_ALIKES = ['市场', '区域', '县域', '市容', '州府'];

/** The level prefix a name starts with (区, 市, 自治区 …), or null. */
export function levelPrefixOf(name: string): string | null {
  if (LOOK_ALIKES.some((w) => name.startsWith(w))) return null;
  for (const p of LEVEL_PREFIXES) if (name.startsWith(p) && name.length > p.length) return p;
  return null;
}

/**
 * Names that carry their level inside: 团区委, 团市委, 共青团X区委, 中共X市委…;
 * returns the level they carry.
 */
export function innerLevelOf(name: string): string | null {
  const m = /^(?:共青)?团(自治区|区|市|县|省|州|旗)委/.exec(name);
  if (m) return m[1];
  const c = /^中共.*?(自治区|区|市|县|省|州|旗)委/.exec(name);
  if (c) return c[1];
  return null;
}

/** National-level name shapes: 中国科协, 全国妇联, 国家民委, 中央宣传部, 共青团中央, 国务院… */
export function looksNational(name: string): boolean {
  return /^(中国|中华|全国|国家|中央|国务院|共青团中央|中共中央)/.test(name);
}

/** Characters a unit name ends with (局, 委, 办, 科协, 妇联, 街道 …). */
const UNIT_END = /(局|委|办|部|会|联|院|校|厅|署|府|队|社|馆|站|所|处|司|中心|室|协|镇|乡|街道|公司|集团|台|报|分局|总局|组|团|盟)$/;

/** The name ends like a unit; split.ts also uses it to decide where 和 or a space separates two names. */
export function looksLikeUnit(name: string): boolean {
  return name.length >= 2 && UNIT_END.test(name);
}

/**
 * Group words (docs/domain.md §4): not units, they stand for the members of a group.
 * Tested on the display form.
 */
const GROUP_PATTERNS: { re: RegExp; group: GroupKey }[] = [
  { re: /^各(街道|街道办事处|街道办)$/, group: 'streets' },
  { re: /^各(镇街|街镇|镇|乡镇|镇乡|乡镇街道|镇人民政府|街道办事处和镇人民政府|乡镇\(街道\)|乡镇（街道）)$/, group: 'streets' },
  { re: /^各(区县|区|县|区市县|县区|区\(市\)县|区（市）县|市|市州|地市|省|省区市|地)$/, group: 'localities' },
  {
    re: /^(.*(纲要|科学素质).*(办公室|纲要办|工作办|领导小组))?(其他|其余|各|有关|相关)?成员单位$/,
    group: 'members',
  },
  { re: /^(纲要办|纲要实施工作办公室)(其他|其余|各)成员单位$/, group: 'members' },
  { re: /^(各|其他|其余)?(有关|相关)(单位|部门|成员单位)$/, group: 'members' },
  { re: /^(区|市|县|省)?(级)?各(有关)?(部门|单位)$/, group: 'members' },
  { re: /^(区|市|县)级(各|有关|相关)(部门|单位)$/, group: 'members' },
];

export type GroupKey = 'streets' | 'localities' | 'members';

/** Standard group names per kind, as the bundled directory and derived groups name them. */
export const GROUP_NAMES: Record<GroupKey, string> = {
  streets: '各街镇',
  localities: '各区县',
  members: '纲要办其他成员单位',
};

/** The group a group word stands for, or null when the word is not a group word. */
export function groupKeyOf(display: string): GroupKey | null {
  for (const { re, group } of GROUP_PATTERNS) if (re.test(display)) return group;
  return null;
}

/** Level of a jurisdiction name: 成都市锦江区 → 区, 重庆市綦江区 → 区, 四川省 → 省, 国家 → ''. */
export function levelOfJurisdiction(j: string): string {
  if (!j || j === '国家' || j === '全国' || j === '中央') return '';
  if (/自治区$/.test(j) && !/市/.test(j)) return '自治区';
  for (const suf of ['自治州', '自治县', '区', '县', '市', '省', '州', '旗']) if (j.endsWith(suf)) return suf;
  return '';
}

/** Administrative level of a whole jurisdiction, as plans and the 说明 sheet word it. */
export type AdminLevel = '国家' | '省' | '市' | '区县';

// 直辖市 end in 市 but are province-level.
const MUNICIPALITIES = ['北京市', '上海市', '天津市', '重庆市'];

/**
 * Level of a jurisdiction: 国家, 省 (省, 自治区, 特别行政区, 直辖市), 市 (市, 州,
 * 盟, 地区) or 区县 (区, 县, 旗, 特区, 林区); null when the name shows none.
 * Unlike levelOfJurisdiction (the prefix a unit name takes: 区, 县, 市 …).
 */
export function adminLevelOf(jurisdiction: string | null | undefined): AdminLevel | null {
  if (!jurisdiction) return null;
  if (jurisdiction === '国家' || jurisdiction === '全国') return '国家';
  if (MUNICIPALITIES.includes(jurisdiction) || /(省|自治区|特别行政区)$/.test(jurisdiction)) return '省';
  if (/(市|自治州|州|盟|地区)$/.test(jurisdiction)) return '市';
  if (/(区|县|旗|自治县|自治旗|特区|林区)$/.test(jurisdiction)) return '区县';
  return null;
}

/**
 * Short names of a jurisdiction, longest first: 成都市锦江区 → [成都市锦江区, 锦江区, 锦江].
 * The core (锦江) appears in names such as 锦江生态环境局.
 */
export function jurisdictionForms(j: string): string[] {
  if (!j || levelOfJurisdiction(j) === '') return [];
  const forms = [j];
  const m = /^(?:.+?(?:省|自治区))?(?:.+?市)?(.+)$/.exec(j);
  const short = m && m[1] && m[1] !== j ? m[1] : null;
  if (short && short.length >= 2) forms.push(short);
  const base = short ?? j;
  const level = levelOfJurisdiction(j);
  const core = base.slice(0, base.length - level.length);
  if (core.length >= 2 && !forms.includes(core)) forms.push(core);
  return forms;
}

/**
 * Guesses the jurisdiction a full name starts with (成都市锦江区科学技术协会 → 成都市锦江区),
 * first among known ones, then by shape; null when the name does not start with one.
 */
export function jurisdictionInName(name: string, known: readonly string[] = []): string | null {
  // A known jurisdiction may sit a little way in: 成都市锦江生态环境局, 成都市公安局锦江区分局.
  let best: string | null = null;
  const n = name.replace(/^中共/, '').replace(/^共青团/, '');
  for (const j of known) {
    for (const f of jurisdictionForms(j)) {
      const at = n.indexOf(f);
      if (at >= 0 && at <= 6 && (at === 0 || /[市省]$/.test(n.slice(0, at)) || /^.{2,3}市公安局$/.test(n.slice(0, at))) && (best === null || j.length > best.length)) best = j;
    }
  }
  if (best) return best;
  const m = /^(?:中共|共青团)?((?:[\u4e00-\u9fff]{2,3}(?:省|自治区))?(?:[\u4e00-\u9fff]{2,3}市)?[\u4e00-\u9fff]{1,3}?(?:区|县))/.exec(name);
  if (m && m[1].length >= 3 && /[市省]/.test(m[1])) return m[1];
  const city = /^(?:中共|共青团)?((?:[\u4e00-\u9fff]{2,3}(?:省|自治区))?[\u4e00-\u9fff]{2,3}市)/.exec(name);
  if (city && !LOOK_ALIKES.some((w) => name.startsWith(w))) return city[1];
  return null;
}

/** The kind a name suggests, for rows that leave 类别 empty. */
export function inferKind(name: string): UnitKind {
  if (/(街道|街道办事处|镇|乡|镇人民政府|乡人民政府)$/.test(name)) return '街镇';
  if (/(科协|科学技术协会|妇联|妇女联合会|总工会|工会|社科联|社会科学界联合会|文联|文学艺术界联合会|工商联|工商业联合会|红十字会|侨联|归国华侨联合会|残联|残疾人联合会|青联|青年联合会)$/.test(name))
    return '群团';
  if (/^(共青)?团/.test(name) || /^共青团/.test(name) || /团.{0,6}委员会$/.test(name)) return '群团';
  if (/^中共/.test(name) || /^(区|市|县|省|自治区)委/.test(name) || /(党校|工委|工作委员会)$/.test(name) || /^(中央|中共中央).{1,6}部$/.test(name))
    return '党委部门';
  if (/(局|委|委员会|办|办公室|厅|部|署|总局|分局|政府)$/.test(name)) return '政府部门';
  return '其他';
}

/** Kinds a 类别 cell may hold, with common other spellings. */
export const KIND_SYNONYMS: Record<string, UnitKind> = {
  党委部门: '党委部门',
  党委: '党委部门',
  党委机关: '党委部门',
  党群部门: '党委部门',
  政府部门: '政府部门',
  政府: '政府部门',
  政府机关: '政府部门',
  行政机关: '政府部门',
  群团: '群团',
  群团组织: '群团',
  人民团体: '群团',
  群众团体: '群团',
  街镇: '街镇',
  街道: '街镇',
  镇街: '街镇',
  乡镇: '街镇',
  乡镇街道: '街镇',
  其他: '其他',
  其它: '其他',
  事业单位: '其他',
  企业: '其他',
};
