// Every finding's wording, keyed by code. Checks produce codes and params; the
// zh-CN text is made here so faces can show, sort and count findings as data.
import type { Finding, Severity } from '../model';
import { word, wordFix, type Coded, type Fixes, type MessageTable, type ParamsArg, type ParamsOf } from '../wording';

export type Params = Record<string, string | number | null>;

/** How each face names a severity (the pane's badges, the CLI's headings). */
export const SEVERITY_LABEL: Readonly<Record<Severity, string>> = { error: '错误', warning: '警告', info: '提示' };

const s = (v: string | number | null | undefined): string => (v === null || v === undefined ? '' : String(v));
const pct = (v: string | number | null | undefined): string =>
  typeof v === 'number' ? `${+(v * 100).toFixed(1)}%` : s(v);
/** A gap between two shares in percentage points: 0.036 → 3.6. */
const points = (v: number): string => String(+(v * 100).toFixed(1));

/** Each code's wording, from that code's params (shared/wording.ts). */
export const MESSAGES = {
  // 结构
  'structure.no-header': (p: { sheet: string; rows: number }) => `工作表「${s(p.sheet)}」前${s(p.rows)}行中没有找到表头行(应含「重点任务」或「任务内容」、「牵头单位」等列名)`,
  'structure.sheet-skipped': (p: { sheet: string; rows: number }) => `工作表「${s(p.sheet)}」没有台账表头,已跳过`,
  'structure.missing-column': (p: { column: string; sheet: string }) => `缺少必需的列「${s(p.column)}」`,
  'structure.duplicate-header': (p: { header: string; first: string; field: string }) => `列「${s(p.header)}」与「${s(p.first)}」表示同一项(${s(p.field)}),只读取第一列「${s(p.first)}」`,
  'structure.duplicate-id': (p: { id: string; first: number }) => `序号「${s(p.id)}」重复(第${s(p.first)}行已使用)`,
  'structure.merged-header': (p: { range: string }) => `表头单元格 ${s(p.range)} 是合并单元格`,
  'structure.no-tasks': (p: { sheet: string }) => `工作表「${s(p.sheet)}」表头下没有任务行`,
  // 责任单位
  'owners.missing-lead': () => '任务没有牵头单位',
  'owners.unknown': (p: { name: string; suggestion: string | null; score: number | null; others: string | null }) =>
    `单位「${s(p.name)}」不在单位名录中` + (p.suggestion ? `,是否为「${s(p.suggestion)}」${p.others ? `(或${s(p.others)})` : ''}?` : ''),
  'owners.fuzzy': (p: { name: string; match: string | null; score: number | null }) => `单位「${s(p.name)}」与名录中的「${s(p.match)}」相近(相似度 ${pct(p.score)}),未自动采用`,
  'owners.variant': (p: { name: string; match: string; rule: string | null }) => `单位「${s(p.name)}」按写法规则识别为「${s(p.match)}」`,
  'owners.group': (p: { name: string; members: number | null }) =>
    `「${s(p.name)}」是单位集合,不是单个单位` + (p.members ? `(名录定义了${s(p.members)}个成员单位)` : '(名录未定义成员)'),
  'owners.both': (p: { name: string }) => `「${s(p.name)}」同时是本任务的牵头单位和责任单位`,
  // 量化目标
  'targets.unit-unusual': (p: { text: string; unit: string }) => `目标「${s(p.text)}」的计量单位「${s(p.unit)}」不常见`,
  'targets.deadline-outside-plan': (p: { year: number; start: number; end: number }) => `完成时限 ${s(p.year)} 年不在规划期 ${s(p.start)}—${s(p.end)} 年内`,
  'targets.deadline-unparsed': (p: { text: string }) => `无法识别完成时限「${s(p.text)}」`,
  'targets.actual-no-target': (p: { value: string }) => `填写了完成值「${s(p.value)}」,但任务没有量化目标,无法计算完成率`,
  // 进展
  'progress.not-number': (p: { value: string; unit: string | null; example: number | null }) => `完成值「${s(p.value)}」不是数字`,
  'progress.unit-mismatch': (p: { unit: string; target: string }) => `完成值的单位「${s(p.unit)}」与目标的单位「${s(p.target)}」不一致`,
  'status.behind': (p: { progress: number | null; expected: number | null; evidence: string }) =>
    typeof p.progress === 'number' && typeof p.expected === 'number'
      ? `进度滞后:完成 ${pct(p.progress)},序时进度 ${pct(p.expected)}(落后 ${points(p.expected - p.progress)} 个百分点;时间过半、任务过半)`
      : `进度滞后:${s(p.evidence)}`,
  'status.overdue': (p: { due: string | null; deadline: string | null; progress: number | null }) =>
    `已逾期:完成时限${p.deadline ? `「${s(p.deadline)}」` : ''}(${s(p.due)})已过,任务未完成` +
    (typeof p.progress === 'number' ? `(完成 ${pct(p.progress)})` : ''),
  'status.unreported': () => '未填报:工作进展、完成状态、完成进度和完成值都没有填写',
  'progress.stale': (p: { previous: string }) => `进展未更新:工作进展与上期${p.previous ? `(${s(p.previous)})` : ''}相同`,
  'progress.due_soon': (p: { due: string | null; days: number | null }) => (p.days === 0 ? `临近完成时限:今天(${s(p.due)})到期,任务尚未完成` : `临近完成时限:距 ${s(p.due)} 还有 ${s(p.days)} 天,任务尚未完成`),
  'progress.unknown_status': (p: { word: string }) => `无法识别完成状态「${s(p.word)}」,本项按其他进展信息判断`,
  'progress.share_out_of_range': (p: { value: string; side: 'below' | 'above' }) => `完成进度「${s(p.value)}」${p.side === 'below' ? '小于 0' : '超过 100%'},本项不按此判断`,
  'progress.share_unreadable': (p: { value: string }) => `无法识别完成进度「${s(p.value)}」,本项不按此判断`,
  'progress.done_contradicted': (p: { status: string; value: string; target: string }) => `完成状态为「${s(p.status)}」,但填报的「${s(p.value)}」未达到目标 ${s(p.target)}`,
  // 设置
  'settings.bad_value': (p: { key: string; value: string; expected: string }) => `设置「${s(p.key)}」的值「${s(p.value)}」无法识别,已按默认值判断`,
  'settings.unknown_key': (p: { key: string; known: string }) => `设置项「${s(p.key)}」无法识别,已忽略`,
} satisfies MessageTable;

/**
 * Every finding code, typed from the table: a check cannot produce, and a face
 * cannot test for, a code that has no wording.
 */
export type FindingCode = keyof typeof MESSAGES;

/** The params a code's wording takes: a check passing others does not compile. */
export type FindingParams<C extends FindingCode> = ParamsOf<typeof MESSAGES, C>;

/** A code with its params as one value (a check's hit, a judging problem). */
export type CodedFinding<C extends FindingCode = FindingCode> = Coded<typeof MESSAGES, C>;

const SEVERITY: Readonly<Record<FindingCode, Severity>> = {
  'structure.no-header': 'error',
  'structure.sheet-skipped': 'info',
  'structure.missing-column': 'error',
  'structure.duplicate-header': 'warning',
  'structure.duplicate-id': 'warning',
  'structure.merged-header': 'warning',
  'structure.no-tasks': 'warning',
  'owners.missing-lead': 'error',
  'owners.unknown': 'warning',
  'owners.fuzzy': 'warning',
  'owners.variant': 'info',
  'owners.group': 'info',
  'owners.both': 'warning',
  'targets.unit-unusual': 'warning',
  'targets.deadline-outside-plan': 'warning',
  'targets.deadline-unparsed': 'warning',
  'targets.actual-no-target': 'info',
  'progress.not-number': 'warning',
  'progress.unit-mismatch': 'warning',
  'status.behind': 'warning',
  'status.overdue': 'error',
  'status.unreported': 'warning',
  'progress.stale': 'warning',
  'progress.due_soon': 'info',
  'progress.unknown_status': 'warning',
  'progress.share_out_of_range': 'warning',
  'progress.share_unreadable': 'warning',
  'progress.done_contradicted': 'warning',
  'settings.bad_value': 'warning',
  'settings.unknown_key': 'info',
};

/** What to do about it, for the codes that have a fix. */
const FIXES: Fixes<typeof MESSAGES> = {
  'structure.no-header': () => '在表格上方加一行列名:序号、类别、重点任务、任务内容、牵头单位、责任单位、完成时限、工作进展、完成值',
  'structure.missing-column': (p) => `在表头中添加「${s(p.column)}」列`,
  'structure.duplicate-header': (p) => `删除或改名重复的列「${s(p.header)}」`,
  'structure.duplicate-id': () => '改为不重复的序号',
  'structure.merged-header': () => '取消表头的合并单元格,每列只写一个列名',
  'owners.missing-lead': () => '填写牵头单位',
  'owners.unknown': (p) => (p.suggestion ? `改为「${s(p.suggestion)}」` : `核对单位名称,或在「单位名录」中添加「${s(p.name)}」`),
  'owners.fuzzy': (p) => `改为「${s(p.match)}」`,
  'owners.variant': (p) => `改为「${s(p.match)}」`,
  'owners.both': (p) => `从责任单位中删除「${s(p.name)}」`,
  'targets.unit-unusual': () => '核对目标的数值和计量单位',
  'targets.deadline-outside-plan': (p) => `核对完成时限(规划期 ${s(p.start)}—${s(p.end)} 年)`,
  'targets.deadline-unparsed': () => '写成「2025年底」「2023年6月底前」「年底前」「每季度」或「长期坚持」等',
  'progress.not-number': (p) => (p.unit ? `只填写数字(单位为「${s(p.unit)}」),如 ${s(p.example)}` : '只填写数字'),
  'progress.unit-mismatch': (p) => `按「${s(p.target)}」填写完成值`,
  'status.behind': () => '加快推进,并在工作进展中说明原因和措施',
  'status.overdue': () => '说明未完成的原因和完成的时间安排',
  'status.unreported': () => '填写本期的工作进展(或完成状态、完成值)',
  'progress.stale': () => '填写本期新的工作进展;任务已完成的,注明「已完成」',
  'progress.due_soon': () => '抓紧推进,按时完成',
  'progress.unknown_status': () => '改为「已完成」「序时推进」「滞后」「未启动」等常用说法',
  'progress.share_out_of_range': () => '填写 0% 到 100% 之间的完成比例',
  'progress.share_unreadable': () => '填写完成比例,如 60% 或 0.6',
  'progress.done_contradicted': () => '核对完成状态与完成值(或完成进度),改正其中之一',
  'settings.bad_value': (p) => `填写${s(p.expected)}`,
  'settings.unknown_key': (p) => `可用的设置项:${s(p.known)}`,
};

/** A code read back from data (JSON, an older report): the table's, or null. */
export function findingCode(code: string): FindingCode | null {
  return Object.hasOwn(MESSAGES, code) ? (code as FindingCode) : null;
}

export function severityOf(code: FindingCode): Severity {
  return SEVERITY[code];
}

export function message<C extends FindingCode>(code: C, ...params: ParamsArg<FindingParams<C>>): string {
  return word(MESSAGES, code, params[0]);
}

export function fixFor<C extends FindingCode>(code: C, ...params: ParamsArg<FindingParams<C>>): string | null {
  return wordFix(FIXES, code, params[0]);
}

/**
 * The wording of a code and params made earlier: a hit (typed when it was
 * made) or a finding read back as data (its params are what it carries).
 */
export function wordingOf(f: { code: FindingCode; params: Readonly<Params> }): { message: string; fix: string | null } {
  return { message: word(MESSAGES, f.code, f.params), fix: wordFix(FIXES, f.code, f.params) };
}

export interface Where {
  file?: string;
  sheet: string;
  row: number | null;
  column: string | null;
  col?: number | null;
}

/** A finding with its severity, message and fix from the table. */
export function finding<C extends FindingCode>(code: C, where: Where, ...params: ParamsArg<FindingParams<C>>): Finding {
  const p: Params = params[0] ?? {};
  return stamp(where, code, p, word(MESSAGES, code, p), wordFix(FIXES, code, p));
}

/** A finding from a code and params made earlier (a hit, a 设置 problem): typed when they were made. */
export function findingFrom(where: Where, c: CodedFinding): Finding {
  return stamp(where, c.code, c.params, word(MESSAGES, c.code, c.params), wordFix(FIXES, c.code, c.params));
}

/** A finding whose wording was made already (the same owner text on many rows shares one). */
export function stamp(where: Where, code: FindingCode, params: Params, msg: string, fix: string | null): Finding {
  const f: Finding = {
    sheet: where.sheet,
    row: where.row,
    column: where.column,
    col: where.col ?? null,
    code,
    severity: severityOf(code),
    params,
    message: msg,
    fix,
  };
  if (where.file !== undefined) f.file = where.file;
  return f;
}
