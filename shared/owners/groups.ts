// Group words (docs/domain.md §4): not units, they stand for the members of a group
// (各街道, 各区县政府, 有关成员单位 …). A group word never takes a level prefix
// and is never reported as an unknown unit. Tested on the display form.

export type GroupKey = 'streets' | 'localities' | 'members' | 'others';

/** Standard group names per kind, as the bundled directory and derived groups name them. */
export const GROUP_NAMES: Readonly<Record<GroupKey, string>> = {
  streets: '各街镇',
  localities: '各区县',
  members: '纲要办其他成员单位',
  others: '有关单位',
};

// Townships and streets, with the bracketed and joined forms plans use:
// 乡镇（街道）, 镇街, 苏木乡镇 (Inner Mongolia), 街道办事处.
const TOWNS = '(?:乡镇|镇乡|镇|乡|苏木乡镇|苏木|街道|街镇|镇街|街道办事处|街道办|社区|场|农场|林场|管理区|园区)';
const TOWN_LIST = `${TOWNS}(?:[（(]${TOWNS}(?:[、,，]${TOWNS})*[)）]|[、和及]${TOWNS})*`;
// Places below the plan's level: 区县, 县（市、区）, 旗县（市、区）, 市（州）, 盟市, 省（区、市）.
const PLACES = '(?:区|县|市|州|旗|盟|省|地|区县|县区|县市|市县|旗县|盟市|市州|地市|区市县|县市区|省区市|地区|自治县)';
const PLACE_LIST = `${PLACES}(?:[（(]${PLACES}(?:[、,，]${PLACES})*[)）]${PLACES}?)*`;
// What may follow: the place's government, Party committee, 科协 …, or any unit of each.
const OF_EACH = '(?:人民政府|政府|党委|党委和政府|党委、政府|.{0,12}?)';

const GROUP_PATTERNS: { re: RegExp; group: GroupKey }[] = [
  { re: new RegExp(`^(?:全[区县市旗])?各(?:级)?${TOWN_LIST}(?:人民政府|政府|办事处|党(?:工)?委)?(?:[（(]${TOWNS}(?:办事处)?[)）])?$`), group: 'streets' },
  // A bare township word is each of them too: 各乡镇人民政府、街道办事处.
  { re: new RegExp(`^${TOWN_LIST}(?:人民政府|办事处)?$`), group: 'streets' },
  { re: new RegExp(`^(?:全(?:省|市|区|县|州|旗))?各(?:级)?${PLACE_LIST}${OF_EACH}$`), group: 'localities' },
  { re: /^各级(?:科协|政府|党委|党委和政府|人民政府|.{1,8})$/, group: 'localities' },
  {
    re: /^(.*(纲要|科学素质).*(办公室|纲要办|工作办|领导小组))?(其他|其余|各|有关|相关)?成员单位$/,
    group: 'members',
  },
  { re: /^(纲要办|纲要实施工作办公室)(其他|其余|各)成员单位$/, group: 'members' },
  { re: /^(?:各|其他|其余)?(?:有关|相关)(?:单位|部门|成员单位)$/, group: 'members' },
  { re: /^(?:省|市|区|县|旗|州|盟|自治区)?(?:直|级|直属|属)?(?:各|有关|相关|其他|其余)+(?:部门|单位|成员单位)$/, group: 'members' },
  { re: /^(?:省|市|区|县|旗|州|盟|自治区)(?:直|级|直属)(?:各|有关|相关)?(?:部门|单位|机关)(?:和单位|、单位)?$/, group: 'members' },
  // Each of a kind that is not a member list: 各中小学, 各有关企业, 各类科普场馆, 社会各界.
  { re: /^(?:各(?:类|有关|相关)?.{1,10}|社会各界|各界)$/, group: 'others' },
];

/** Every group word holds one of these: most names are told apart without the patterns above. */
const MAY_BE_GROUP = /各|成员|有关|相关|其他|其余|街|乡|镇|社区|苏木|场|园区|界/;

/** The group a group word stands for, or null when the word is not a group word. */
export function groupKeyOf(display: string): GroupKey | null {
  if (!MAY_BE_GROUP.test(display)) return null;
  for (const { re, group } of GROUP_PATTERNS) if (re.test(display)) return group;
  return null;
}
