// The progress text (工作进展) read for what it says about the task: done,
// under way, not done, behind, not started (docs/domain.md §8). The text is cut
// into clauses (一是…；二是…，但…，下一步…) and each clause is read by the
// first rule of the table that matches it; the clauses then combine:
//
//   any clause behind (滞后, 进展缓慢)               → behind
//   every deciding clause done                      → done
//   only not-started or planned clauses (拟于9月启动) → not-started
//   otherwise (a step, under way, a mix)            → ongoing, or not-done alone
//
// A step is not the task: 已完成初稿, 已完成招标, 完成选址, 完成方案, 基本完成,
// 已完成上半年任务 are under way. A negation is not done: 未完成, 尚未完成,
// 暂未完成. Done needs the whole: 已完成, 已于8月完成, 截至6月底已完成全部培训任务,
// 已完成年度目标任务, 已建成并投入使用; a count after the verb (已完成培训46人次)
// is a report of figures, under way. Plans (下一步将…, 预计…) say nothing done.
import { foldWords, type WordKind } from './words';

/** What a clause says; 'planned' is a start still to come, 'neutral' a clause that decides nothing (未发现滞后, 下一步将…). */
type ClauseKind = WordKind | 'planned' | 'neutral';

export interface PhraseReading {
  /** What the text says about the task; null when it has no deciding words (a bare report of activity). */
  kind: WordKind | null;
  /** The words that decided, as in the text (width-folded); '' when none. */
  words: string;
}

const NEG = '(?:尚未|暂未|还未|仍未|均未|未能|未曾|还没有|没有|没能|未|无法|不能)';
const START_V = '(?:启动|开展|开始|实施|动工|开工|推进|部署|着手|组织实施|建设)';
const DONE_V = '(?:完成|建成|办结|竣工|完工|落实|实现|达成|达到|达标|验收|结项|销号|投用|投入使用)';
const STEP_OBJ =
  '(?:初稿|草稿|草案|征求意见稿|送审稿|框架|方案|初步方案|设计|选址|招标|采购|立项|前期|调研|摸底|备案|签约|审批|评审|论证|筹备|报名|遴选|申报|初审|' +
  '规划|可研|可行性研究|施工图|图纸|清单|名单|第一阶段|阶段性|一期|首批|第一批|主体|土建|上半年|一季度|第一季度|二季度|第二季度|三季度|第三季度|本阶段|前三季度|部分)';
/** A future clause: what is planned is not done. */
const FUTURE = '(?:将于|将在|将按|将继续|将进一步|将持续|将全面|将加快|将适时|拟(?:于|在|定|将|启动|开展|开始|实施|建|出台|印发|召开|举办|组织|完成|推进)|(?<!按)计划(?:于|在|年内|年底|下半年)?|预计|力争|争取|即将|下一步|下步|下阶段|接下来|今后|后续将)';

/** The object after a done verb that makes it the whole task (完成全部…, 完成年度目标任务). */
const WHOLE_START = /^(?:全部|全年|年度|既定|各项|所有|整体|本项|该项|此项|本年度|今年|规定|预定)/;
const WHOLE_ONLY = /^(?:了|的|工作|任务|目标|全部|全年|年度|既定|各项|相关|所有|整体|本项|该项|此项|建设|计划|规定动作|预期|本年度|今年)*$/;
const WHOLE_END = /(?:建设|改造|升级|任务|目标|工作|全覆盖|创建|验收|评选|认定|挂牌|投用|使用|运行|开放|全部|计划)$/;
const QUANTITY = /^(?:\d|[一二三四五六七八九十两百千万]+[个项场次期批所家名人件篇部套处])/;

type Rule = [ClauseKind, RegExp];

// Order matters: the first rule that matches a clause reads it.
const RULES: Rule[] = [
  ['neutral', /(?:未|无|没有|不存在)(?:出现|发现)?(?:滞后|延期|逾期|拖延)/],
  ['overdue', /逾期|超期|超过时限|超时限/],
  ['behind', /(?:进展|推进|进度|工作)?(?:缓慢|较慢|偏慢)|滞后|落后于|未按(?:期|时|计划|序时|要求|进度)|未能按(?:期|时)|延期|推迟|延后|未达(?:到)?序时|低于序时|慢于序时/],
  ['not-started', new RegExp(`${NEG}(?:正式)?${START_V}`)],
  ['not-done', new RegExp(`${NEG}(?:全部|全面|按期|如期|按时)?${DONE_V}`)],
  ['not-started', /暂无(?:实质性)?进展|尚无进展|无进展|未有进展|没有进展|^暂未|^暂无|^无$|^未$|待(?:启动|开展|实施|部署)/],
  // 下一步将继续推进 continues what is under way; 拟于9月启动 is a start still to come.
  ['neutral', new RegExp(`${FUTURE}.*?(?:继续|持续|进一步|深入|加快|加大|不断|巩固|常态)`)],
  ['ongoing', new RegExp(`${FUTURE}.*?${DONE_V}`)],
  ['planned', new RegExp(`${FUTURE}.*?${START_V}`)],
  ['neutral', new RegExp(FUTURE)],
  ['ongoing', /基本(?:完成|建成|实现|落实|办结)|初步(?:完成|建成|实现|形成)|部分(?:完成|建成)|大部分|大部|阶段性|过半|即将完成|接近完成/],
  ['ongoing', new RegExp(`(?:完成|形成|拿出|制定|起草|编制|确定|完善)了?[^，,；;。]{0,6}?${STEP_OBJ}`)],
  ['ongoing', new RegExp(`${STEP_OBJ}(?:已经?|均已|基本)?(?:完成|制定|编制|形成|确定|出台|印发|通过|批复|落地|完善)`)],
  ['done', /(?:完成率|完成进度|进度)(?:已?达到?|为)?100(?:\.0+)?%|100%完成/],
];

/**
 * A done verb with what stands before and after it. Weak verbs (实现, 落实, 验收 …)
 * count only with a marker (已, 均已, 全面 …); 完成 as a noun (完成率, 完成情况) never.
 */
const DONE_RE =
  /(已经?|均已|现已|目前已|已全面|已全部|已圆满|已顺利|已按期|已如期|已提前|已按时|全部|全面|圆满|顺利|如期|按期|按时|提前)?((?:于|在)[^，,；;。]{1,14}?)?(完成|建成|办结|竣工|完工|完结|落实到位|实现|落实|达成|验收|结项|销号|投入使用|投用|通过验收)(?!率|值|情况|数|度|量|进度|比例|时限|时间|期限)(了)?(.*)$/;
const STRONG = /^(?:完成|建成|办结|竣工|完工|完结|落实到位|投入使用|通过验收)$/;

function readDone(clause: string): { kind: ClauseKind; words: string } | null {
  const m = DONE_RE.exec(clause);
  if (!m) return null;
  const [whole, marker, when, verb, , rest = ''] = m;
  if (!marker && !when && !STRONG.test(verb!)) return null;
  const head = whole.slice(0, whole.length - rest.length);
  // The object: a year or a 本年度 in front says when, not what.
  const object = rest.replace(/^(?:\d{4}年度?|本年度|今年|当年)/, '');
  const percent = /(\d+(?:\.\d+)?)%/.exec(object);
  if (percent && Number(percent[1]) < 100) return { kind: 'ongoing', words: whole };
  if (!object || WHOLE_ONLY.test(object)) return { kind: 'done', words: head + rest };
  if (new RegExp(`^[^，,；;。]{0,6}?${STEP_OBJ}`).test(object)) return { kind: 'ongoing', words: whole };
  if (WHOLE_START.test(object)) return { kind: 'done', words: whole };
  if (QUANTITY.test(object)) return { kind: 'ongoing', words: whole };
  if (WHOLE_END.test(object)) return { kind: 'done', words: whole };
  return { kind: 'ongoing', words: whole };
}

const ONGOING_RE =
  /正在|正按|正有序|正加快|正积极|正稳步|有序推进|持续推进|持续开展|稳步推进|扎实推进|积极推进|加快推进|深入推进|全力推进|大力推进|按计划推进|按序时推进|序时推进|正常推进|推进中|进行中|实施中|开展中|建设中|施工中|办理中|筹备中|已启动|已开展|已组织|已召开|已举办|已印发|已部署|已制定|已出台|已建立|已开工|已动工|正常开展|有序开展|常态化|稳步开展|积极开展|按计划|按期推进|开工建设|启动|推进/;

function readClause(clause: string): { kind: ClauseKind; words: string } | null {
  for (const [kind, re] of RULES) {
    const m = re.exec(clause);
    if (m) return { kind, words: m[0] };
  }
  const done = readDone(clause);
  if (done) return done;
  const m = ONGOING_RE.exec(clause);
  return m ? { kind: 'ongoing', words: m[0] } : null;
}

/** Clause breaks: punctuation, and the words that turn a sentence (但, 目前, 下一步 …). */
const CLAUSES = /[，,；;。！!？?\n\r]+|(?=但是|但|然而|目前|截至目前|下一步|下步|同时|此外|其中)/;

const NOTHING: PhraseReading = Object.freeze({ kind: null, words: '' }) as PhraseReading;

/** What a progress text says about its task. Pure; callers cache it per distinct text. */
export function classifyPhrase(text: string): PhraseReading {
  const t = text.normalize('NFKC').replace(/[ \t\u3000]+/g, '');
  if (!t) return NOTHING;
  const read: { kind: ClauseKind; words: string }[] = [];
  for (const clause of t.split(CLAUSES)) {
    if (!clause || !foldWords(clause)) continue;
    const r = readClause(clause);
    if (r && r.kind !== 'neutral') read.push(r);
  }
  if (!read.length) return NOTHING;
  const first = (...kinds: ClauseKind[]) => read.find((r) => kinds.includes(r.kind));
  const pick = (kind: WordKind, r: { words: string } | undefined): PhraseReading => ({ kind, words: r?.words ?? '' });
  const overdue = first('overdue');
  if (overdue) return pick('overdue', overdue);
  const behind = first('behind');
  if (behind) return pick('behind', behind);
  if (read.every((r) => r.kind === 'done')) return pick('done', read[0]);
  if (read.every((r) => r.kind === 'not-started' || r.kind === 'planned')) return pick('not-started', read[0]);
  if (read.every((r) => r.kind === 'not-done')) return pick('not-done', read[0]);
  return pick('ongoing', first('ongoing', 'not-done', 'not-started', 'planned'));
}
