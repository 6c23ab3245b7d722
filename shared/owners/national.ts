// National names (docs/domain.md §4). Two kinds of name point at a national body:
//  - national-only names: 中国科协, 全国妇联, 国家民委, 教育部, 中科院, 广电总局 —
//    no province, city or county has a unit so named, so they answer anywhere;
//  - bare names a national body is also called: 气象局, 统计局, 社科院,
//    卫生健康委, 发展改革委 — every level has one, so they mean the national
//    body only in a national context (a national plan, an enumeration of
//    national bodies). In a city plan 气象局 is 市气象局, never 中国气象局.
import { looksNational } from './rules';

/** Party departments: every level has them (区委宣传部), so 宣传部 alone is bare. */
export const PARTY_DEPARTMENTS = /^(组织部|宣传部|统战部|统一战线工作部|政法委|编办|网信办|社治委|老干局|老干部局|党校|办公室|政研室|改革办|外办|台办|610办|武装部|人武部|政研室|直属机关工委|机关工委|文明办)$/;

/**
 * Abbreviations only a national body bears: 中组部, 中宣部, 中科院, 团中央, 工程院
 * (中国工程院; no locality has one), 自然科学基金委, and every 总局.
 */
const NATIONAL_ABBREVIATIONS = /^(中组部|中宣部|中编办|中科院|中国工程院|工程院|团中央|国务院.*|自然科学基金委|.*总局)$/;

/** True when only a national body is so named (ministries 教育部, 中国科协, 国家民委, 广电总局 …). */
export function isNationalOnly(display: string): boolean {
  if (looksNational(display) || NATIONAL_ABBREVIATIONS.test(display)) return true;
  // Ministries: 部 at other levels is only a Party department (市委宣传部) or 武装部.
  if (/部$/.test(display) && display.length >= 3 && !/^(区|市|县|省|州|旗|盟|自治区)/.test(display) && !PARTY_DEPARTMENTS.test(display) && !/(委|武装|人武|工作)部$/.test(display)) {
    return true;
  }
  return false;
}
