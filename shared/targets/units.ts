// Units a quantitative target can carry (docs/domain.md §5), and the characters
// that, right after a unit character, show it is the start of an ordinary
// word instead (部门, 场馆, 名单 …).

/** Canonical unit for each written unit. 场次 counts events like 场. */
export const UNIT_CANONICAL: Record<string, string> = {
  个百分点: '百分点',
  百分点: '百分点',
  人次: '人次',
  场次: '场',
  平方米: '平方米',
  '%': '%',
};

/** Count units: a plain count written after its noun (建设特色学校5所) is a floor (≥). */
export const COUNT_UNITS = new Set([
  '场', '所', '个', '人', '名', '家', '期', '项', '次', '篇', '部', '支', '户', '件', '座', '处', '册', '本', '门', '批', '种', '份', '人次',
]);

/**
 * After a one-character unit, a following character that turns the pair into
 * a word: 3部门 is not "3 部", 5场馆 is not "5 场".
 */
export const UNIT_NOT_BEFORE: Record<string, string> = {
  场: '馆所景地合域面',
  所: '以有在属得长需能',
  个: '人性体别案',
  人: '才民员口群类士物格心选工',
  名: '单录称片义额牌',
  家: '庭长属乡',
  期: '末间限待望刊货',
  次: '要序数级年日',
  部: '门分署长委级',
  支: '持撑出付部',
  户: '外籍口',
  座: '谈',
  处: '理置室长于在',
  本: '地级身区市土质领科',
  门: '户类诊槛口',
  批: '准复评示',
  种: '植养子类',
  元: '素旦',
  份: '额子',
};

/** After 次: page furniture such as 1825 次浏览. */
export const FURNITURE_AFTER = /^\s*(?:浏览|阅读|点击|下载|播放|访问|转发|评论)/;
