// zh-CN wording of the plan importer's problems and findings. Codes and params
// are the data; this table is the only place that words them.
import type { FileProblem, Finding, Severity } from '../model';
import { word, wordFix, type Fixes, type MessageTable, type ParamsArg, type ParamsOf } from '../wording';

/** planProblem() adds the file's name to the params itself. */
type File = { file: string };
/** Why a task has no lead (plan.no-lead's reason). */
export type NoLeadReason = 'no-owner-text' | 'partners-only' | 'unreadable';

/** Each code's wording, from that code's params (shared/wording.ts). */
const MESSAGES = {
  'plan.empty': (p: File) => `「${p.file}」是空的或没有可读的文字，无法生成台账。`,
  'plan.not-plan': (p: File) =>
    `「${p.file}」中没有找到编号的任务条目（如“一、”“（一）”“1.”“（1）”），看起来不是一份实施方案或工作要点，无法生成台账。`,
  'plan.no-lead': (p: { id: string; title: string; reason: NoLeadReason }) => `任务 ${p.id}「${p.title}」没有找到牵头单位：${NO_LEAD_REASON[String(p.reason)] ?? '未写明责任单位'}。`,
  'plan.owner-fault': (p: { id: string; fault: string }) => `任务 ${p.id} 的责任单位括注有标点问题（${p.fault}），已按原意读取。`,
  'plan.annex-row-unmatched': (p: { name: string }) => `附件表格中的「${p.name}」没有对应到正文中的行动或工程，该行的单位未能套用。`,
  'plan.no-goal': () => '没有找到方案的总体目标（如“公民具备科学素质的比例超过15%”）。',
  'plan.no-period': () => '没有从标题中读出方案的规划期（如“2021—2025年”）。',
  'plan.no-jurisdiction': () => '没有从标题中读出方案所属的地区。',
  'plan.owner-unknown': (p: { id: string; name: string; suggestion: string | null }) => `任务 ${p.id} 的单位「${p.name}」在单位名录中没有找到${p.suggestion ? `，是否为「${p.suggestion}」？` : '。'}`,
  'plan.pdf': (p: File) => `「${p.file}」是 PDF 文件，无法直接读取。请复制其中的文字另存为 .txt，或用 Word/WPS 转为 .docx 后再导入。`,
  'plan.too-long': (p: File & { count: string; unit: string; limit: string }) =>
    `「${p.file}」有 ${p.count} ${p.unit}，超过上限 ${p.limit} 个字符（一份实施方案通常只有几万字），不像一份方案，已拒绝读取。请确认选对了文件；如是多份文件合在一起，请分开导入。`,
  'plan.binary': (p: File) => `「${p.file}」不是文本文件，也不是 Word 文档（.docx），无法读取。请导入 .txt、.md 或 .docx 格式的方案。`,
} satisfies MessageTable;

/** The table itself, for the tests that word every code. */
export { MESSAGES as PLAN_MESSAGES };

/** The plan importer's problem and finding codes, typed from the table. */
export type PlanCode = keyof typeof MESSAGES;

/** plan.no-lead's reason in words. */
const NO_LEAD_REASON: Readonly<Record<string, string>> = {
  'no-owner-text': '该条、所属部分（分工段落）和附件分工表都没有写责任单位',
  'partners-only': '责任单位只写了配合（参与）单位，没有写牵头单位',
  unreadable: '写了牵头单位，但读不出单位名称',
};

const FIXES: Fixes<typeof MESSAGES> = {
  'plan.no-lead': () => '在「牵头单位」列填写牵头单位。',
  'plan.owner-unknown': (p: { id: string; name: string; suggestion: string | null }) => (p.suggestion ? `改为「${p.suggestion}」，或在「单位名录」中补充该单位。` : '在「单位名录」中补充该单位。'),
  'plan.annex-row-unmatched': () => '核对附件表格的“任务内容”与正文的行动或工程名称是否一致。',
};

/** The params a code's wording takes. */
export type PlanParams<C extends PlanCode> = ParamsOf<typeof MESSAGES, C>;

export function planMessage<C extends PlanCode>(code: C, ...params: ParamsArg<PlanParams<C>>): string {
  return word(MESSAGES, code, params[0]);
}

export function planProblem<C extends PlanCode>(code: C, file: string, ...params: ParamsArg<Omit<PlanParams<C>, 'file'>>): FileProblem {
  return { file, code, message: word(MESSAGES, code, { file, ...params[0] }) };
}

export function planFinding<C extends PlanCode>(
  code: C,
  severity: Severity,
  line: number | null,
  params: PlanParams<C>,
  file?: string,
): Finding {
  return {
    ...(file ? { file } : {}),
    sheet: '方案',
    row: line,
    column: null,
    code,
    severity,
    params,
    message: word(MESSAGES, code, params),
    fix: wordFix(FIXES, code, params),
  };
}
