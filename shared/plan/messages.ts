// zh-CN wording of the plan importer's problems and findings. Codes and params
// are the data; this table is the only place that words them.
import type { FileProblem, Finding, Severity } from '../model';

type Params = Record<string, string | number | null>;

const MESSAGES = {
  'plan.empty': (p) => `「${p.file}」是空的或没有可读的文字，无法生成台账。`,
  'plan.not-plan': (p) =>
    `「${p.file}」中没有找到编号的任务条目（如“一、”“（一）”“1.”“（1）”），看起来不是一份实施方案或工作要点，无法生成台账。`,
  'plan.no-lead': (p) => `任务 ${p.id}「${p.title}」没有找到牵头单位：${NO_LEAD_REASON[String(p.reason)] ?? '未写明责任单位'}。`,
  'plan.owner-fault': (p) => `任务 ${p.id} 的责任单位括注有标点问题（${p.fault}），已按原意读取。`,
  'plan.annex-row-unmatched': (p) => `附件表格中的「${p.name}」没有对应到正文中的行动或工程，该行的单位未能套用。`,
  'plan.no-goal': () => '没有找到方案的总体目标（如“公民具备科学素质的比例超过15%”）。',
  'plan.no-period': () => '没有从标题中读出方案的规划期（如“2021—2025年”）。',
  'plan.no-jurisdiction': () => '没有从标题中读出方案所属的地区。',
  'plan.owner-unknown': (p) => `任务 ${p.id} 的单位「${p.name}」在单位名录中没有找到${p.suggestion ? `，是否为「${p.suggestion}」？` : '。'}`,
  'plan.pdf': (p) => `「${p.file}」是 PDF 文件，无法直接读取。请复制其中的文字另存为 .txt，或用 Word/WPS 转为 .docx 后再导入。`,
  'plan.too-long': (p) =>
    `「${p.file}」有 ${p.count} ${p.unit}，超过上限 ${p.limit} 个字符（一份实施方案通常只有几万字），不像一份方案，已拒绝读取。请确认选对了文件；如是多份文件合在一起，请分开导入。`,
  'plan.binary': (p) => `「${p.file}」不是文本文件，也不是 Word 文档（.docx），无法读取。请导入 .txt、.md 或 .docx 格式的方案。`,
} satisfies Record<string, (p: Params) => string>;

/** The plan importer's problem and finding codes, typed from the table. */
export type PlanCode = keyof typeof MESSAGES;

/** Why a task has no lead (plan.no-lead's reason). */
const NO_LEAD_REASON: Record<string, string> = {
  'no-owner-text': '该条、所属部分（分工段落）和附件分工表都没有写责任单位',
  'partners-only': '责任单位只写了配合（参与）单位，没有写牵头单位',
  unreadable: '写了牵头单位，但读不出单位名称',
};

const FIXES: Partial<Record<PlanCode, (p: Params) => string>> = {
  'plan.no-lead': () => '在「牵头单位」列填写牵头单位。',
  'plan.owner-unknown': (p) => (p.suggestion ? `改为「${p.suggestion}」，或在「单位名录」中补充该单位。` : '在「单位名录」中补充该单位。'),
  'plan.annex-row-unmatched': () => '核对附件表格的“任务内容”与正文的行动或工程名称是否一致。',
};

export function planMessage(code: PlanCode, params: Params = {}): string {
  return MESSAGES[code](params);
}

export function planProblem(code: PlanCode, file: string, params: Params = {}): FileProblem {
  return { file, code, message: planMessage(code, { file, ...params }) };
}

export function planFinding(code: PlanCode, severity: Severity, line: number | null, params: Params = {}, file?: string): Finding {
  return {
    ...(file ? { file } : {}),
    sheet: '方案',
    row: line,
    column: null,
    code,
    severity,
    params,
    message: planMessage(code, params),
    fix: FIXES[code]?.(params) ?? null,
  };
}
