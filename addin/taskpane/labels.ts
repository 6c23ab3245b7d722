// Chinese labels for finding topics (the code's prefix), for group titles.
const TOPICS: [string, string][] = [
  ['structure', '结构'],
  ['owners', '责任单位'],
  ['owner', '责任单位'],
  ['targets', '量化目标'],
  ['target', '量化目标'],
  ['deadline', '完成时限'],
  ['progress', '工作进展'],
  ['status', '进度状态'],
  ['directory', '单位名录'],
  ['plan', '方案'],
  ['settings', '设置'],
];

export function topicOf(code: string): string {
  const head = code.split('.')[0];
  return TOPICS.find(([k]) => k === head)?.[1] ?? '其他';
}
