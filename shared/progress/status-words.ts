// The words clerks put in a status column (完成状态 / 进展状态 / 推进状态 /
// 是否完成, or a 完成情况 column of short words), docs/domain.md §8. A word is
// looked up whole, after folding width, spaces, punctuation and a bracketed
// remark (滞后（受汛期影响）); a short sentence falls back to the progress
// phrase table. Anything else is unknown: a finding that quotes it, never a guess.
import { classifyPhrase } from './phrases';
import { foldWords, type WordKind } from './words';

const TABLE: [WordKind, string[]][] = [
  [
    'done',
    [
      '已完成', '完成', '全面完成', '全部完成', '已全面完成', '已全部完成', '圆满完成', '顺利完成', '按期完成', '如期完成', '提前完成',
      '已办结', '办结', '已完结', '完结', '已落实', '落实', '已落实到位', '已结束', '结束', '已销号', '销号', '已完成销号', '完成销号',
      '已实现', '实现', '已建成', '建成', '已达标', '达标', '已验收', '已完成并销号', '已完成已销号', '是', '已完成年度任务',
    ],
  ],
  [
    'ongoing',
    [
      '序时推进', '按序时推进', '按时序推进', '正常推进', '持续推进', '有序推进', '稳步推进', '扎实推进', '积极推进', '按计划推进', '按进度推进',
      '按期推进', '正在推进', '推进中', '正推进', '进行中', '正在进行', '正在实施', '实施中', '正在开展', '开展中', '持续开展', '正常开展',
      '常态化推进', '常态化开展', '长期推进', '长期坚持', '推进', '正常', '序时', '进展顺利', '顺利推进', '正在办理', '办理中', '在办',
      '在建', '建设中', '已启动', '已开展', '基本完成', '部分完成', '大部分完成', '初步完成', '阶段性完成', '按计划', '符合序时', '达到序时',
      '序时完成', '同步推进', '跟踪推进',
    ],
  ],
  ['not-done', ['未完成', '尚未完成', '暂未完成', '没有完成', '未办结', '尚未办结', '否']],
  [
    'behind',
    [
      '滞后', '进度滞后', '进展滞后', '滞后推进', '严重滞后', '稍有滞后', '略有滞后', '滞后于序时', '滞后序时', '低于序时', '慢于序时',
      '进展缓慢', '推进缓慢', '进度缓慢', '缓慢', '进展较慢', '推进较慢', '较慢', '落后', '落后于序时', '未按期', '未按期推进', '未达序时',
      '未达到序时', '延期', '延迟', '推迟',
    ],
  ],
  [
    'not-started',
    [
      '未启动', '尚未启动', '暂未启动', '还未启动', '未开展', '尚未开展', '暂未开展', '未开始', '尚未开始', '暂未开始', '未实施', '尚未实施',
      '暂未实施', '未开工', '尚未开工', '待启动', '待开展', '暂无进展', '无进展', '暂未', '暂无', '未动工',
    ],
  ],
  ['overdue', ['逾期', '已逾期', '超期', '已超期', '逾期未完成', '超期未完成', '逾期未办结']],
];

const INDEX = new Map<string, WordKind>();
for (const [kind, words] of TABLE) for (const w of words) INDEX.set(foldWords(w), kind);
/** Tick and cross marks (folding would take them away as symbols). */
const MARKS: Record<string, WordKind> = { '√': 'done', '✓': 'done', '✔': 'done', '☑': 'done', '×': 'not-done', '✗': 'not-done', '✘': 'not-done', x: 'not-done', X: 'not-done' };

export interface StatusWord {
  kind: WordKind;
  /** The cell as written (trimmed): the evidence. */
  word: string;
}

/** A remark in brackets after the word: 滞后（受汛期影响）, 已完成(已销号). */
const REMARK = /[(（〔【[][^)）〕】\]]*[)）〕】\]]/g;
/** A status cell this long is a sentence; the phrase table reads it. */
const SENTENCE = 40;

/**
 * The meaning of a status cell; null when the cell is empty; 'unknown' when
 * neither the word table nor the phrase table can read it.
 */
export function readStatusWord(text: string): StatusWord | 'unknown' | null {
  const word = text.trim();
  if (!word) return null;
  const mark = MARKS[word.normalize('NFKC')];
  if (mark) return { kind: mark, word };
  const bare = foldWords(word.replace(REMARK, '')) || foldWords(word);
  const kind = INDEX.get(bare) ?? INDEX.get(bare.replace(/(中|了)$/, ''));
  if (kind) return { kind, word };
  if (word.length <= SENTENCE) {
    const p = classifyPhrase(word);
    if (p.kind) return { kind: p.kind, word };
  }
  return 'unknown';
}

/**
 * True when the cell is a status word of the table itself (not a sentence the
 * phrase table reads): how a 完成情况 column of short words is told from one of prose.
 */
export function isStatusWord(text: string): boolean {
  const word = text.trim();
  if (!word) return false;
  if (MARKS[word.normalize('NFKC')]) return true;
  const bare = foldWords(word.replace(REMARK, '')) || foldWords(word);
  return INDEX.has(bare) || INDEX.has(bare.replace(/(中|了)$/, ''));
}

/** The status words by kind, for documentation and tests. */
export const STATUS_WORD_TABLE: readonly (readonly [WordKind, readonly string[]])[] = TABLE;
