// Every finding's wording, keyed by code. Checks produce codes and params; the
// zh-CN text is made here so faces can show, sort and count findings as data.
import type { Finding, Severity } from '../model';

export type Params = Record<string, string | number | null>;

interface Entry {
  severity: Severity;
  text: (p: Params) => string;
  fix?: (p: Params) => string | null;
}

const s = (v: string | number | null | undefined): string => (v === null || v === undefined ? '' : String(v));
const pct = (v: string | number | null | undefined): string =>
  typeof v === 'number' ? `${+(v * 100).toFixed(1)}%` : s(v);

export const MESSAGES: Record<string, Entry> = {
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
    fix: () => '写成「2025年底」「2025年」或「每年」',
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
    text: (p) => `进度滞后:目标完成 ${pct(p.completion)},时间已过 ${pct(p.elapsed)}(时间过半、任务过半)`,
  },
  'status.overdue': {
    severity: 'error',
    text: (p) => `已逾期:完成时限 ${s(p.deadline)} 已过,目标未完成(完成 ${pct(p.completion)})`,
  },
  'status.unreported': {
    severity: 'warning',
    text: () => '未填报:任务有量化目标,但未填写工作进展或完成值',
    fix: () => '填写工作进展和完成值',
  },
};

export function severityOf(code: string): Severity {
  return MESSAGES[code]?.severity ?? 'warning';
}

export function message(code: string, params: Params = {}): string {
  const e = MESSAGES[code];
  return e ? e.text(params) : code;
}

export function fixFor(code: string, params: Params = {}): string | null {
  return MESSAGES[code]?.fix?.(params) ?? null;
}

export interface Where {
  file?: string;
  sheet: string;
  row: number | null;
  column: string | null;
  col?: number | null;
}

/** A finding with its severity, message and fix from the table. */
export function finding(code: string, where: Where, params: Params = {}): Finding {
  return stamp(where, code, params, message(code, params), fixFor(code, params));
}

/** A finding whose wording was made already (the same owner text on many rows shares one). */
export function stamp(where: Where, code: string, params: Params, msg: string, fix: string | null): Finding {
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
