// How the evidence reads in a cell (判断依据) and a report: which column decided, and its words.
import type { Basis, Task } from '../model';

export const BASIS_LABEL: Readonly<Record<Basis, string>> = Object.freeze({
  reported: '填报状态',
  target: '完成值/目标',
  share: '完成进度',
  text: '工作进展',
  deadline: '完成时限',
  none: '未填报',
});

/** 判断依据: 填报状态「已办结」, 完成值/目标「23/50场」, 未填报 … */
export function basisText(t: Pick<Task, 'basis' | 'evidence'>): string {
  return t.evidence ? `${BASIS_LABEL[t.basis]}「${t.evidence}」` : BASIS_LABEL[t.basis];
}
