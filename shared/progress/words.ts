// What a progress word means, in one vocabulary shared by the status column
// (status-words.ts) and the progress text (phrases.ts).
//
//   done         the task is finished (已完成, 已办结, 已建成)
//   ongoing      under way, on its own pace (序时推进, 正在, 已完成初稿)
//   not-done     said not to be finished, nothing about pace (未完成, 否)
//   behind       said to be behind (滞后, 进展缓慢)
//   not-started  nothing begun (未启动, 尚未开展, 暂未)
//   overdue      said to be past its deadline (逾期, 超期)
export type WordKind = 'done' | 'ongoing' | 'not-done' | 'behind' | 'not-started' | 'overdue';

/** Text folded for word lookup: width (NFKC), spaces and punctuation away. */
export function foldWords(text: string): string {
  return text.normalize('NFKC').replace(/[\s\p{P}\p{S}\u3000]+/gu, '');
}
