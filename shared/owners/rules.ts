// Rules about Chinese unit names that need no directory (docs/domain.md §4): level
// prefixes and their look-alikes, jurisdiction names and their levels, what a
// unit name looks like. Group words are in groups.ts, places in places.ts,
// national names in national.ts, kinds in kinds.ts.

/** Level prefixes, longest first so 自治区 wins over 区. */
export const LEVEL_PREFIXES = ['自治区', '自治州', '自治县', '自治旗', '省', '市', '区', '县', '州', '旗', '盟'] as const;

/**
 * Words that start with a level character without being a level prefix:
 * 市场监管局 still lacks its level (区市场监管局 / 市市场监督管理局).
 */
const LOOK_ALIKES = ['市场', '区域', '县域', '市容', '州府', '市政公用', '市政工程', '市政管理', '区块链', '县城'];

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
  const m = /^(?:共青)?团(自治区|区|市|县|省|州|旗|盟)委/.exec(name);
  if (m) return m[1]!;
  const c = /^中共.*?(自治区|区|市|县|省|州|旗|盟)委/.exec(name);
  if (c) return c[1]!;
  return null;
}

/** National-level name shapes: 中国科协, 全国妇联, 国家民委, 中央宣传部, 共青团中央, 国务院… */
export function looksNational(name: string): boolean {
  return /^(中国|中华|全国|国家|中央|国务院|共青团中央|中共中央)/.test(name);
}

/** Characters a unit name ends with (局, 委, 办, 科协, 妇联, 街道 …). */
const UNIT_END = /(局|委|办|部|会|联|院|校|厅|署|府|队|社|馆|站|所|处|司|中心|室|协|镇|乡|街道|公司|集团|台|报|分局|总局|组|团|盟|行|大学|部门|单位)$/;

/** The name ends like a unit; split.ts also uses it to decide where 和 or a space separates two names. */
export function looksLikeUnit(name: string): boolean {
  return name.length >= 2 && UNIT_END.test(name);
}

/**
 * The prefix a jurisdiction's units take: 成都市锦江区 → 区, 宁夏回族自治区 →
 * 自治区, 恩施土家族苗族自治州 → 州 (its units are 州教育局), 准格尔旗 → 旗,
 * 国家 → ''.
 */
export function levelOfJurisdiction(j: string): string {
  if (!j || j === '国家' || j === '全国' || j === '中央') return '';
  if (/自治区$/.test(j) && !/市/.test(j)) return '自治区';
  if (/自治州$/.test(j)) return '州';
  if (/自治县$/.test(j)) return '县';
  if (/自治旗$/.test(j)) return '旗';
  for (const suf of ['区', '县', '市', '省', '州', '旗', '盟']) if (j.endsWith(suf)) return suf;
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

/** 宁夏回族自治区 → 宁夏: the ethnic words between the place and 自治区/州/县. */
const ETHNIC = /(?:回族|壮族|维吾尔|藏族|蒙古族|土家族|苗族|彝族|侗族|布依族|傣族|景颇族|傈僳族|白族|哈尼族|羌族|朝鲜族|哈萨克|黎族|瑶族|畲族|仡佬族|水族|土族|撒拉族|满族|达斡尔族|鄂温克族|各族)+(?=自治)/;

/**
 * Short names of a jurisdiction, longest first: 成都市锦江区 → [成都市锦江区, 锦江区, 锦江];
 * 宁夏回族自治区 → [宁夏回族自治区, 宁夏]. The core (锦江) appears in names such
 * as 锦江生态环境局, 宁夏大学.
 */
export function jurisdictionForms(j: string): string[] {
  if (!j || levelOfJurisdiction(j) === '') return [];
  const forms = [j];
  const m = /^(?:.+?(?:省|自治区))?(?:.+?市)?(.+)$/.exec(j);
  const short = m && m[1] && m[1] !== j ? m[1] : null;
  if (short && short.length >= 2) forms.push(short);
  const base = short ?? j;
  const suffix = /(自治区|自治州|自治县|自治旗|特别行政区|地区|林区|特区|省|市|区|县|州|旗|盟)$/.exec(base)?.[1] ?? '';
  const core = base.slice(0, base.length - suffix.length).replace(ETHNIC, '');
  const bare = base.replace(ETHNIC, '').slice(0, base.replace(ETHNIC, '').length - suffix.length);
  for (const c of [core, bare]) if (c.length >= 2 && !forms.includes(c)) forms.push(c);
  return forms;
}

/**
 * Guesses the jurisdiction a full name starts with (成都市锦江区科学技术协会 → 成都市锦江区),
 * first among known ones, then by shape; null when the name does not start with one.
 */
export function jurisdictionInName(name: string, known: readonly string[] = []): string | null {
  const n = name.replace(/^中共/, '').replace(/^共青团/, '');
  // The full name first, longest first: 成都市锦江区教育局.
  const full = known.filter((j) => j && n.startsWith(j) && n.length > j.length).sort((a, b) => b.length - a.length)[0];
  if (full) return full;
  // A short form, maybe a little way in (成都市锦江生态环境局, 成都市公安局锦江区分局):
  // what stands before it must be the start of that jurisdiction's own name, so
  // 成都市锦江区… is never 重庆市锦江区; two jurisdictions with one short name tell nothing.
  const hits = new Set<string>();
  for (const j of known) {
    for (const f of jurisdictionForms(j).slice(1)) {
      const at = n.indexOf(f);
      if (at < 0 || at > 6) continue;
      const before = n.slice(0, at).replace(/公安局$/, '');
      if (at === 0 || (/[市省]$/.test(before) && j.startsWith(before))) hits.add(j);
    }
  }
  if (hits.size === 1) return [...hits][0]!;
  if (hits.size > 1) return null;
  const m = /^(?:中共|共青团)?((?:[\u4e00-\u9fff]{2,3}(?:省|自治区))?(?:([\u4e00-\u9fff]{2,3})市)?([\u4e00-\u9fff]{1,3}?)(?:区|县))/.exec(name);
  if (m && m[1]!.length >= 3 && /[市省]/.test(m[1]!) && placeHead(m[2] ?? '') && placeHead(m[3]!)) return m[1]!;
  const city = /^(?:中共|共青团)?((?:[\u4e00-\u9fff]{2,3}(?:省|自治区))?([\u4e00-\u9fff]{2,3})市)/.exec(name);
  if (city && !LOOK_ALIKES.some((w) => name.startsWith(w)) && placeHead(city[2]!)) return city[1]!;
  return null;
}

/**
 * The characters before a level word can be a place name: not a common word
 * ending so (社区, 园区, 景区, 城市, 都市, 超市, 公园城市 …). '' passes (no head).
 */
export function placeHead(head: string): boolean {
  return head === '' || !(NOT_PLACE_LAST.includes(head.slice(-1)) || /(园城|公园|超)$/.test(head));
}
// 社区, 园区, 景区, 小区, 校区, 街区, 片区, 辖区, 全区, 牧区, 老区. Not 山, 城, 都:
// 佛山市, 聊城市, 成都市 end so.
const NOT_PLACE_LAST = '社园景小校街片辖全牧老';
