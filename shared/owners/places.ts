// Names that already carry a place (docs/domain.md §4: expand only when the bare
// name is not itself a full name): 哈尔滨广播电视台, 黑龙江日报社, 锦江生态环境局,
// 叙州区政府, 东津新区管委会. Such a name never takes the prefix of its
// context: 市哈尔滨广播电视台 is a name nobody wrote.
import { placeHead } from './rules';

/** Provinces and autonomous regions by the short names their own units use. */
const PROVINCES = [
  '北京', '天津', '河北', '山西', '内蒙古', '辽宁', '吉林', '黑龙江', '上海', '江苏', '浙江', '安徽', '福建', '江西', '山东', '河南',
  '湖北', '湖南', '广东', '广西', '海南', '重庆', '四川', '贵州', '云南', '西藏', '陕西', '甘肃', '青海', '宁夏', '新疆', '台湾', '香港',
  '澳门', '兵团',
];

/**
 * Two or three characters and a level word: 叙州区…, 道里区…, 东津新区…, 恩施市….
 * The heads that are common words, not places (社区, 园区, 景区, 城市, 超市 …), are
 * refused by their last character.
 */
const PLACE_HEAD = /^([\u4e00-\u9fff]{2,4}?)(省|市|区|县|旗|州|盟|新区|开发区|高新区)(?=[\u4e00-\u9fff（(])/;

/**
 * Proper names that are institutions of one place: newspapers, broadcasters,
 * universities, a zone's committee (中关村管委会), companies. Their head (哈尔滨,
 * 襄阳, 东北林业, 中关村) is a place or a brand; the heads here are ordinary words
 * that leave the name bare (市老年大学).
 */
const PROPER_END = /(日报社|日报|晚报|报社|报业集团|日报报业集团|广播电视台|电视台|广播电台|大学|职业技术学院|师范学院|管委会|管理委员会)$/;
const BARE_HEAD = /^(老年|老干部|社区|科普|开放|老年科技|青少年|少年|职工|农民|广播|电视|广播电视|园区|景区)?$/;
/** Companies and banks are proper names wherever they stand. */
const COMPANY_END = /(有限公司|有限责任公司|股份公司|分公司|公司|集团|银行|分行|支行)$/;

/** True when the name starts with a place (its own, a province, a named district) or is a proper name. */
export function carriesPlace(display: string, forms: readonly string[] = []): boolean {
  if (forms.some((f) => f.length >= 2 && display.startsWith(f) && display.length > f.length)) return true;
  if (PROVINCES.some((p) => display.startsWith(p) && display.length > p.length + 1)) return true;
  const head = PLACE_HEAD.exec(display);
  if (head && placeHead(head[1]!)) return true;
  const proper = PROPER_END.exec(display);
  if (proper && !BARE_HEAD.test(display.slice(0, proper.index))) return true;
  return COMPANY_END.test(display);
}
