// Every finding's wording, keyed by code. Checks produce codes and params; the
// zh-CN text is made here so faces can show, sort and count findings as data.
import type { Finding, Severity } from '../model';

export type Params = Record<string, string | number | null>;

/** How each face names a severity (the pane's badges, the CLI's headings). */
export const SEVERITY_LABEL: Readonly<Record<Severity, string>> = { error: '错误', warning: '警告', info: '提示' };

interface Entry {
  severity: Severity;
  text: (p: Params) => string;
  fix?: (p: Params) => string | null;
}

const s = (v: string | number | null | undefined): string => (v === null || v === undefined ? '' : String(v));
const pct = (v: string | number | null | undefined): string =>
  typeof v === 'number' ? `${+(v * 100).toFixed(1)}%` : s(v);
/** A gap between two shares in percentage points: 0.036 → 3.6. */
const points = (v: number): string => String(+(v * 100).toFixed(1));

export const MESSAGES = {
  // 结构
  'structure.no-header': {
    severity: 'error',
    text: (p) => `工作表「${s(p.sheet)}」前${s(p.rows)}行中没有找到表头行(应含「重点任务」或「任务内容」、「牵头单位」等列名)`,
    fix: () => '在表格上方加一行列名:序号、类别、重点任务、任务内容、牵头单位、责任单位、完成时限、工作进展、完成值',
  },
  'structure.sheet-skipped': {
    severity: 'info',
    text: (p) => `工作表「${s(p.sheet)}」没有台账表头,已跳过`,
  },
  'structure.missing-column': {
    severity: 'error',
    text: (p) => `缺少必需的列「${s(p.column)}」`,
    fix: (p) => `在表头中添加「${s(p.column)}」列`,
  },
  'structure.duplicate-header': {
    severity: 'warning',
    text: (p) => `列「${s(p.header)}」与「${s(p.first)}」表示同一项(${s(p.field)}),只读取第一列「${s(p.first)}」`,
    fix: (p) => `删除或改名重复的列「${s(p.header)}」`,
  },
  'structure.duplicate-id': {
    severity: 'warning',
    text: (p) => `序号「${s(p.id)}」重复(第${s(p.first)}行已使用)`,
    fix: () => '改为不重复的序号',
  },
  'structure.merged-header': {
    severity: 'warning',
    text: (p) => `表头单元格 ${s(p.range)} 是合并单元格`,
    fix: () => '取消表头的合并单元格,每列只写一个列名',
  },
  'structure.no-tasks': {
    severity: 'warning',
    text: (p) => `工作表「${s(p.sheet)}」表头下没有任务行`,
  },
  // 责任单位
  'owners.missing-lead': {
    severity: 'error',
    text: () => '任务没有牵头单位',
    fix: () => '填写牵头单位',
  },
  'owners.unknown': {
    severity: 'warning',
    text: (p) =>
      `单位「${s(p.name)}」不在单位名录中` + (p.suggestion ? `,是否为「${s(p.suggestion)}」${p.others ? `(或${s(p.others)})` : ''}?` : ''),
    fix: (p) => (p.suggestion ? `改为「${s(p.suggestion)}」` : `核对单位名称,或在「单位名录」中添加「${s(p.name)}」`),
  },
  'owners.fuzzy': {
    severity: 'warning',
    text: (p) => `单位「${s(p.name)}」与名录中的「${s(p.match)}」相近(相似度 ${pct(p.score)}),未自动采用`,
    fix: (p) => `改为「${s(p.match)}」`,
  },
  'owners.variant': {
    severity: 'info',
    text: (p) => `单位「${s(p.name)}」按写法规则识别为「${s(p.match)}」`,
    fix: (p) => `改为「${s(p.match)}」`,
  },
  'owners.group': {
    severity: 'info',
    text: (p) =>
      `「${s(p.name)}」是单位集合,不是单个单位` + (p.members ? `(名录定义了${s(p.members)}个成员单位)` : '(名录未定义成员)'),
  },
  'owners.both': {
    severity: 'warning',
    text: (p) => `「${s(p.name)}」同时是本任务的牵头单位和责任单位`,
    fix: (p) => `从责任单位中删除「${s(p.name)}」`,
  },
  // 量化目标
  'targets.unit-unusual': {
    severity: 'warning',
    text: (p) => `目标「${s(p.text)}」的计量单位「${s(p.unit)}」不常见`,
    fix: () => '核对目标的数值和计量单位',
  },
  'targets.deadline-outside-plan': {
    severity: 'warning',
    text: (p) => `完成时限 ${s(p.year)} 年不在规划期 ${s(p.start)}—${s(p.end)} 年内`,
    fix: (p) => `核对完成时限(规划期 ${s(p.start)}—${s(p.end)} 年)`,
  },
  'targets.deadline-unparsed': {
    severity: 'warning',
    text: (p) => `无法识别完成时限「${s(p.text)}」`,
    fix: () => '写成「2025年底」「2023年6月底前」「年底前」「每季度」或「长期坚持」等',
  },
  'targets.actual-no-target': {
    severity: 'info',
    text: (p) => `填写了完成值「${s(p.value)}」,但任务没有量化目标,无法计算完成率`,
  },
  // 进展
  'progress.not-number': {
    severity: 'warning',
    text: (p) => `完成值「${s(p.value)}」不是数字`,
    fix: (p) => (p.unit ? `只填写数字(单位为「${s(p.unit)}」),如 ${s(p.example)}` : '只填写数字'),
  },
  'progress.unit-mismatch': {
    severity: 'warning',
    text: (p) => `完成值的单位「${s(p.unit)}」与目标的单位「${s(p.target)}」不一致`,
    fix: (p) => `按「${s(p.target)}」填写完成值`,
  },
  'status.behind': {
    severity: 'warning',
    text: (p) =>
      typeof p.progress === 'number' && typeof p.expected === 'number'
        ? `进度滞后:完成 ${pct(p.progress)},序时进度 ${pct(p.expected)}(落后 ${points(p.expected - p.progress)} 个百分点;时间过半、任务过半)`
        : `进度滞后:${s(p.evidence)}`,
    fix: () => '加快推进,并在工作进展中说明原因和措施',
  },
  'status.overdue': {
    severity: 'error',
    text: (p) =>
      `已逾期:完成时限${p.deadline ? `「${s(p.deadline)}」` : ''}(${s(p.due)})已过,任务未完成` +
      (typeof p.progress === 'number' ? `(完成 ${pct(p.progress)})` : ''),
    fix: () => '说明未完成的原因和完成的时间安排',
  },
  'status.unreported': {
    severity: 'warning',
    text: () => '未填报:工作进展、完成状态、完成进度和完成值都没有填写',
    fix: () => '填写本期的工作进展(或完成状态、完成值)',
  },
  'progress.stale': {
    severity: 'warning',
    text: (p) => `进展未更新:工作进展与上期${p.previous ? `(${s(p.previous)})` : ''}相同`,
    fix: () => '填写本期新的工作进展;任务已完成的,注明「已完成」',
  },
  'progress.due_soon': {
    severity: 'info',
    text: (p) => (p.days === 0 ? `临近完成时限:今天(${s(p.due)})到期,任务尚未完成` : `临近完成时限:距 ${s(p.due)} 还有 ${s(p.days)} 天,任务尚未完成`),
    fix: () => '抓紧推进,按时完成',
  },
  'progress.unknown_status': {
    severity: 'warning',
    text: (p) => `无法识别完成状态「${s(p.word)}」,本项按其他进展信息判断`,
    fix: () => '改为「已完成」「序时推进」「滞后」「未启动」等常用说法',
  },
  'progress.share_out_of_range': {
    severity: 'warning',
    text: (p) => `完成进度「${s(p.value)}」${p.side === 'below' ? '小于 0' : '超过 100%'},本项不按此判断`,
    fix: () => '填写 0% 到 100% 之间的完成比例',
  },
  'progress.share_unreadable': {
    severity: 'warning',
    text: (p) => `无法识别完成进度「${s(p.value)}」,本项不按此判断`,
    fix: () => '填写完成比例,如 60% 或 0.6',
  },
  'progress.done_contradicted': {
    severity: 'warning',
    text: (p) => `完成状态为「${s(p.status)}」,但填报的「${s(p.value)}」未达到目标 ${s(p.target)}`,
    fix: () => '核对完成状态与完成值(或完成进度),改正其中之一',
  },
  // 设置
  'settings.bad_value': {
    severity: 'warning',
    text: (p) => `设置「${s(p.key)}」的值「${s(p.value)}」无法识别,已按默认值判断`,
    fix: (p) => `填写${s(p.expected)}`,
  },
  'settings.unknown_key': {
    severity: 'info',
    text: (p) => `设置项「${s(p.key)}」无法识别,已忽略`,
    fix: (p) => `可用的设置项:${s(p.known)}`,
  },
} satisfies Record<string, Entry>;

/**
 * Every finding code, typed from the table: a check cannot produce, and a face
 * cannot test for, a code that has no wording.
 */
export type FindingCode = keyof typeof MESSAGES;

const entryOf = (code: FindingCode): Entry => MESSAGES[code];

/** A code read back from data (JSON, an older report): the table's, or null. */
export function findingCode(code: string): FindingCode | null {
  return Object.hasOwn(MESSAGES, code) ? (code as FindingCode) : null;
}

export function severityOf(code: FindingCode): Severity {
  return entryOf(code).severity;
}

export function message(code: FindingCode, params: Params = {}): string {
  return entryOf(code).text(params);
}

export function fixFor(code: FindingCode, params: Params = {}): string | null {
  return entryOf(code).fix?.(params) ?? null;
}

export interface Where {
  file?: string;
  sheet: string;
  row: number | null;
  column: string | null;
  col?: number | null;
}

/** A finding with its severity, message and fix from the table. */
export function finding(code: FindingCode, where: Where, params: Params = {}): Finding {
  return stamp(where, code, params, message(code, params), fixFor(code, params));
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
