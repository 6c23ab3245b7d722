// zh-CN wording of the merge's own messages (the reader's and the checks'
// messages come from their modules).
import type { MessageTable } from '../wording';
import type { Duplicate } from './types';

/** Each code's wording, from that code's params (shared/wording.ts). */
export const MERGE_MESSAGES = {
  noLedger: (p: { file: string; why: string | null }) =>
    p.why ? `${p.file}: ${p.why}` : `${p.file}: 未找到任务台账。请确认有一行表头含“重点任务”或“任务内容”、“牵头单位”等列。`,
  readFailed: (p: { file: string; why: string }) => `${p.file}: 读取失败(${p.why})。请用 Excel 或 WPS 打开后另存为 .xlsx 再试。`,
  loadFailed: (p: { file: string; why: string }) => `${p.file}: 无法打开文件(${p.why})。`,
  /** The dashboard read the file in a worker but could not take the result in: the file itself may be fine. */
  handBackFailed: (p: { file: string; why: string }) => `${p.file}: 读取结果未能传回页面(${p.why})。文件本身可能没有问题,请刷新页面后重试。`,
  dropped: (p: { count: number }) => `${p.count} 项任务与其他文件重复,未重复计入`,
  readerWarnings: (p: { count: number }) => `读取提示 ${p.count} 条`,
  noTasks: () => '未读到任务行',
  earlierMerge: () => '此文件本身是合并结果(含“导入报告”),与其他文件重复的任务只计一次',
} as const satisfies MessageTable;

export const STATUS_LABEL = { ok: '已合并', refused: '未能读取' } as const;

export const RULE_LABEL: Record<NonNullable<Duplicate['rule']>, string> = {
  numbered: '序号及任务名称相同',
  'text-lead': '任务内容及牵头单位相同',
};

export const REASON_LABEL: Record<NonNullable<Duplicate['reason']>, string> = {
  'later-as-of': '截至日期较新',
  'first-file': '截至日期相同或未注明,保留先列出的文件',
};

/** '文件 › 工作表 › 第N行': how a source reads in the 来源 column and the reports. */
export function formatSource(s: { file: string; sheet: string; row: number }): string {
  return `${s.file} › ${s.sheet} › 第${s.row}行`;
}

/** The reason text always names the file, whatever module wrote it. */
export function namingFile(file: string, reason: string): string {
  return reason.includes(file) ? reason : `${file}: ${reason}`;
}

export function sameSource(a: { file: string; sheet: string; row: number }, b: { file: string; sheet: string; row: number }): boolean {
  return a.file === b.file && a.sheet === b.sheet && a.row === b.row;
}
