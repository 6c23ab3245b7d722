// The status column's words and the progress text's phrases (shared/progress):
// what clerks write, read for what it says about the task.
import { describe, expect, it } from 'vitest';
import { classifyPhrase, isStatusWord, readStatusWord, STATUS_WORD_TABLE } from '../../shared/progress';

describe('readStatusWord: a status column', () => {
  it.each([
    ['已完成', 'done'],
    ['已办结', 'done'],
    ['已办结。', 'done'],
    ['完成', 'done'],
    ['是', 'done'],
    ['√', 'done'],
    ['已完成（已销号）', 'done'],
    ['序时推进', 'ongoing'],
    ['正常推进', 'ongoing'],
    ['正常推进中', 'ongoing'],
    ['持续推进', 'ongoing'],
    ['推进中', 'ongoing'],
    [' 按计划推进 ', 'ongoing'],
    ['基本完成', 'ongoing'],
    ['未完成', 'not-done'],
    ['尚未完成', 'not-done'],
    ['否', 'not-done'],
    ['×', 'not-done'],
    ['滞后', 'behind'],
    ['滞后（受汛期影响）', 'behind'],
    ['进展缓慢', 'behind'],
    ['未启动', 'not-started'],
    ['尚未启动', 'not-started'],
    ['暂未开展', 'not-started'],
    ['逾期', 'overdue'],
    ['超期未完成', 'overdue'],
    // A short sentence in the column: the phrase table reads it.
    ['已完成年度目标任务', 'done'],
    ['已完成初稿', 'ongoing'],
  ])('%s → %s', (cell, kind) => {
    expect(readStatusWord(cell)).toEqual({ kind, word: cell.trim() });
  });

  it.each(['待研究', '良好', '见附件', '？', '100'])('%s is unknown (a finding quotes it, never a guess)', (cell) => {
    expect(readStatusWord(cell)).toBe('unknown');
  });

  it('an empty cell says nothing', () => {
    expect(readStatusWord('  ')).toBeNull();
  });

  it('every word of the table reads as its own kind', () => {
    for (const [kind, words] of STATUS_WORD_TABLE) for (const w of words) expect(readStatusWord(w), w).toMatchObject({ kind });
  });

  it.each([
    ['推进中', true],
    ['已完成', true],
    ['已完成年度目标任务', false],
    ['开展活动23场', false],
  ])('isStatusWord(%s) → %s (a word of the table, not a sentence)', (cell, want) => {
    expect(isStatusWord(cell)).toBe(want);
  });
});

describe('classifyPhrase: the progress text', () => {
  it.each([
    // done: the whole task, in the shapes clerks write it
    ['已完成', 'done'],
    ['已全面完成', 'done'],
    ['全面完成', 'done'],
    ['已建成', 'done'],
    ['已建成并投入使用', 'done'],
    ['已办结', 'done'],
    ['已于8月完成', 'done'],
    ['已于2023年5月底完成', 'done'],
    ['截至6月底已完成全部培训任务', 'done'],
    ['已完成年度任务', 'done'],
    ['已完成2023年度目标任务', 'done'],
    ['年度任务已全部完成', 'done'],
    ['该项工作已完成', 'done'],
    ['各项任务均已完成', 'done'],
    ['已实现全覆盖', 'done'],
    ['完成率100%', 'done'],
    ['已完成。下一步将持续巩固', 'done'],
    ['已完成，未发现滞后', 'done'],
    // a step is not the task
    ['已完成初稿', 'ongoing'],
    ['已完成招标', 'ongoing'],
    ['完成选址', 'ongoing'],
    ['完成方案', 'ongoing'],
    ['实施方案已印发', 'ongoing'],
    ['已完成上半年任务', 'ongoing'],
    ['已完成初稿，正在征求意见', 'ongoing'],
    ['已完成选址，正在开展设计', 'ongoing'],
    ['一期已建成，二期尚未启动', 'ongoing'],
    ['基本完成', 'ongoing'],
    ['初步完成', 'ongoing'],
    ['已完成年度目标的60%', 'ongoing'],
    ['已完成培训46人次', 'ongoing'],
    ['已完成46人次培训', 'ongoing'],
    ['预计8月完成', 'ongoing'],
    // under way
    ['正在推进', 'ongoing'],
    ['有序推进', 'ongoing'],
    ['持续开展', 'ongoing'],
    ['按计划推进', 'ongoing'],
    ['已开展未成年人科普活动3场', 'ongoing'],
    // negations: not done
    ['未完成', 'not-done'],
    ['尚未完成', 'not-done'],
    ['暂未完成', 'not-done'],
    ['还没有完成', 'not-done'],
    // behind
    ['进展缓慢', 'behind'],
    ['因疫情影响，推进较慢', 'behind'],
    ['未按期完成', 'behind'],
    ['进度滞后于序时', 'behind'],
    ['已逾期', 'overdue'],
    // not started
    ['尚未启动', 'not-started'],
    ['未开展', 'not-started'],
    ['暂未', 'not-started'],
    ['暂未开展相关工作', 'not-started'],
    ['目前暂无进展', 'not-started'],
    ['拟于9月启动', 'not-started'],
    ['待启动', 'not-started'],
  ])('%s → %s', (text, kind) => {
    expect(classifyPhrase(text).kind).toBe(kind);
  });

  it.each(['开展院士专家进校园、科技月等活动23场', '实现全覆盖', '下一步将持续推进', '', '  '])('%j has no deciding words', (text) => {
    expect(classifyPhrase(text).kind).toBeNull();
  });

  it.each([
    ['已于8月完成', '已于8月完成'],
    ['截至6月底已完成全部培训任务', '已完成全部培训任务'],
    ['已完成初稿，正在征求意见', '完成初稿'],
    ['尚未启动', '尚未启动'],
    ['受汛期影响进展缓慢', '进展缓慢'],
  ])('keeps the words that decided: %s → %s', (text, words) => {
    expect(classifyPhrase(text).words).toBe(words);
  });
});
