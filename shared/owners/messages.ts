// zh-CN wording of the 单位名录 findings, keyed by code (findings are data).
import type { Finding, OwnerRule, Severity } from '../model';
import { word, wordFix, type Fixes, type MessageTable, type ParamsArg, type ParamsOf } from '../wording';

const s = (v: string | number | null | undefined): string => (v === null || v === undefined ? '' : String(v));

/** Each code's wording, from that code's params (shared/wording.ts). */
const MESSAGES = {
  'directory.no-header': (p: { sheet: string; rows: number }) =>
    `工作表「${s(p.sheet)}」前${s(p.rows)}行中没有找到单位名录表头(需要「单位名称」列)`,
  'directory.missing-name': () => '此行填写了内容,但「单位名称」为空,已跳过',
  'directory.duplicate': (p: { name: string; first: number }) => `单位「${s(p.name)}」与第${s(p.first)}行重复,两行的别名已合并`,
  'directory.bad-kind': (p: { name: string; value: string; kind: string }) => `类别「${s(p.value)}」无法识别,已按名称推断为「${s(p.kind)}」`,
  'directory.alias-conflict': (p: { alias: string; name: string; first: number; other: string }) =>
    `简称「${s(p.alias)}」同时属于「${s(p.name)}」和第${s(p.first)}行的「${s(p.other)}」,查找时将无法区分`,
  'directory.no-jurisdiction': (p: { name: string }) => `无法判断「${s(p.name)}」所属辖区`,
  'directory.bad-phone': (p: { name: string; value: string }) => `联系电话「${s(p.value)}」不像电话号码`,
} satisfies MessageTable;

/** The table itself, for the tests that word every code. */
export { MESSAGES as DIRECTORY_MESSAGES };

/** The 单位名录 sheet's finding codes, typed from the table. */
export type DirectoryCode = keyof typeof MESSAGES;

const SEVERITY: Readonly<Record<DirectoryCode, Severity>> = {
  'directory.no-header': 'error',
  'directory.missing-name': 'warning',
  'directory.duplicate': 'warning',
  'directory.bad-kind': 'warning',
  'directory.alias-conflict': 'warning',
  'directory.no-jurisdiction': 'info',
  'directory.bad-phone': 'warning',
};

const FIXES: Fixes<typeof MESSAGES> = {
  'directory.no-header': () => '在第一行写列名:单位名称、简称/别名、类别、辖区、联系人、联系电话',
  'directory.missing-name': () => '填写单位全称,或删除此行',
  'directory.duplicate': () => '删除重复的行',
  'directory.bad-kind': (p) => `改为 党委部门、政府部门、群团、街镇、其他 之一(建议「${s(p.kind)}」)`,
  'directory.alias-conflict': (p) => `从其中一个单位的简称中删除「${s(p.alias)}」`,
  'directory.no-jurisdiction': () => '在「辖区」列填写辖区全称,如 成都市锦江区',
  'directory.bad-phone': () => '填写座机或手机号码,如 028-84536567',
};

export function directoryFinding<C extends DirectoryCode>(
  code: C,
  where: { sheet: string; row: number | null; column: string | null; col?: number | null },
  ...params: ParamsArg<ParamsOf<typeof MESSAGES, C>>
): Finding {
  const p = params[0] ?? {};
  return {
    sheet: where.sheet,
    row: where.row,
    column: where.column,
    ...(where.col !== undefined ? { col: where.col } : {}),
    code,
    severity: SEVERITY[code],
    params: p,
    message: word(MESSAGES, code, p),
    fix: wordFix(FIXES, code, p),
  };
}

/** What each owner rule means, in the users' words (CLI --json readers, docs). */
export const OWNER_RULE_LABEL: Readonly<Record<OwnerRule, string>> = {
  variant: '写法不同（与/和、全半角、空格、括号）',
  'jurisdiction-name': '带本地区名称的写法',
  'level-prefix': '按本方案（台账）所属地区补全层级前缀',
  'prefix-expansion': '按同一列举中相邻单位补全层级前缀',
  composite: '括注别名的组合名称',
  fuzzy: '近似匹配',
  'group:streets': '群体：各街道（乡镇）',
  'group:localities': '群体：各下级地区',
  'group:members': '群体：成员单位',
  'group:others': '群体：有关单位',
  group: '群体',
  ambiguous: '多个单位同名，需指定地区',
  'ambiguous-level': '多个地区都有此单位，需指定地区',
  unknown: '单位名录中没有',
  'not-a-unit': '不像单位名称',
  empty: '空白',
  'rules-only': '按原文保留（自带层级或为国家级单位）',
  'rules-only:carries-place': '按原文保留（自带地名）',
  'rules-only:level-prefix': '按本方案所属地区补全层级前缀（未核对名录）',
  'rules-only:prefix-expansion': '按相邻单位补全层级前缀（未核对名录）',
  'rules-only:not-a-unit': '不像单位名称',
};
