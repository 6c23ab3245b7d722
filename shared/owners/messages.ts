// zh-CN wording of the 单位名录 findings, keyed by code (findings are data).
import type { Finding, Severity } from '../model';

type Params = Record<string, string | number | null>;
const s = (v: string | number | null | undefined): string => (v === null || v === undefined ? '' : String(v));

const TABLE: Record<string, { severity: Severity; text: (p: Params) => string; fix?: (p: Params) => string | null }> = {
  'directory.no-header': {
    severity: 'error',
    text: (p) => `工作表「${s(p.sheet)}」前${s(p.rows)}行中没有找到单位名录表头(需要「单位名称」列)`,
    fix: () => '在第一行写列名:单位名称、简称/别名、类别、辖区、联系人、联系电话',
  },
  'directory.missing-name': {
    severity: 'warning',
    text: () => '此行填写了内容,但「单位名称」为空,已跳过',
    fix: () => '填写单位全称,或删除此行',
  },
  'directory.duplicate': {
    severity: 'warning',
    text: (p) => `单位「${s(p.name)}」与第${s(p.first)}行重复,两行的别名已合并`,
    fix: () => '删除重复的行',
  },
  'directory.bad-kind': {
    severity: 'warning',
    text: (p) => `类别「${s(p.value)}」无法识别,已按名称推断为「${s(p.kind)}」`,
    fix: (p) => `改为 党委部门、政府部门、群团、街镇、其他 之一(建议「${s(p.kind)}」)`,
  },
  'directory.alias-conflict': {
    severity: 'warning',
    text: (p) => `简称「${s(p.alias)}」同时属于「${s(p.name)}」和第${s(p.first)}行的「${s(p.other)}」,查找时将无法区分`,
    fix: (p) => `从其中一个单位的简称中删除「${s(p.alias)}」`,
  },
  'directory.no-jurisdiction': {
    severity: 'info',
    text: (p) => `无法判断「${s(p.name)}」所属辖区`,
    fix: () => '在「辖区」列填写辖区全称,如 成都市锦江区',
  },
  'directory.bad-phone': {
    severity: 'warning',
    text: (p) => `联系电话「${s(p.value)}」不像电话号码`,
    fix: () => '填写座机或手机号码,如 028-84536567',
  },
};

export function directoryFinding(
  code: string,
  where: { sheet: string; row: number | null; column: string | null; col?: number | null },
  params: Params,
): Finding {
  const e = TABLE[code];
  return {
    sheet: where.sheet,
    row: where.row,
    column: where.column,
    ...(where.col !== undefined ? { col: where.col } : {}),
    code,
    severity: e?.severity ?? 'warning',
    params,
    message: e ? e.text(params) : code,
    fix: e?.fix ? e.fix(params) : null,
  };
}
