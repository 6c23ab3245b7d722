// The kind (类别) a unit name suggests, and the words a 类别 cell may hold.
import type { UnitKind } from '../model';

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
export const KIND_SYNONYMS: Readonly<Record<string, UnitKind>> = {
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
