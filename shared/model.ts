// Types that cross the faces (add-in, dashboard, CLI). They live here once;
// every other module of the core imports them from this file.
// Nothing here may import Office.js, React, the DOM or Node built-ins.

/** A cell value as the core sees it: already resolved from rich text, formulas and dates. */
export type CellValue = string | number | boolean | Date | null;

/** A rectangular merged range, 0-based and inclusive on both ends. */
export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * One worksheet as plain data. Produced by io/ from .xlsx, by the add-in gateway
 * from Office.js ranges, and by the in-memory gateway. rows[r][c] is 0-based;
 * Excel's row number is r + 1 + (origin?.row ?? 0).
 */
export interface SheetGrid {
  name: string;
  rows: CellValue[][];
  merges: MergeRange[];
  /** 'visible' unless the workbook hides the sheet. */
  state?: 'visible' | 'hidden' | 'veryHidden';
  /** Where rows[0][0] sits in the sheet when the grid is a sub-range (0-based). */
  origin?: { row: number; col: number };
}

export type Severity = 'error' | 'warning' | 'info';

/**
 * A check result as data (code + params); wording lives in checks/messages.ts.
 * row is the row number as Excel shows it (1-based); column is the header text,
 * or the column letter where there is none.
 */
export interface Finding {
  file?: string;
  sheet: string;
  row: number | null;
  column: string | null;
  /** 0-based column index in the sheet, when known (lets the add-in select the cell). */
  col?: number | null;
  code: string;
  severity: Severity;
  params: Record<string, string | number | null>;
  message: string;
  fix: string | null;
}

export type Comparator = '>=' | '>' | '=' | '<=';

/** One quantitative target found in prose (DOMAIN.md §5). */
export interface Target {
  /** The phrase the target was read from, as written. */
  text: string;
  value: number;
  unit: string;
  comparator: Comparator;
  /** 力争 value, when the text gives one beside the firm value. */
  stretch: number | null;
  /** Deadline year (到2025年, 十四五期末 → 2025), or null when the text gives none. */
  year: number | null;
  recurrence: 'annual' | null;
  /** Character offset of `text` in the source string. */
  start?: number;
}

export type UnitKind = '党委部门' | '政府部门' | '群团' | '街镇' | '其他';

/** A unit in the directory (单位名录). */
export interface Unit {
  name: string;
  aliases: string[];
  kind: UnitKind;
  /** e.g. 成都市锦江区, 重庆市綦江区, 国家 */
  jurisdiction: string;
  contact?: { person?: string; phone?: string };
}

/** A named group of units (各街道, 纲要办其他成员单位 …). */
export interface UnitGroup {
  name: string;
  /** The jurisdiction whose units the group gathers (各街道 of 锦江区 …). */
  jurisdiction?: string;
  /** Words that mean this group. */
  aliases: string[];
  members: string[];
}

export type MatchKind = 'exact' | 'alias' | 'rule' | 'fuzzy' | 'group' | 'none';

/** How one owner name in a ledger resolved. Never a silent guess: fuzzy/none carry suggestions. */
export interface OwnerMatch {
  input: string;
  /** Canonical (or rule-expanded) name; null when nothing matched. */
  name: string | null;
  matched: MatchKind;
  /** 0..1 */
  score: number;
  suggestions: { name: string; score: number }[];
  /** Which rule produced the name (variant, prefix-expansion, level-prefix, composite …). */
  rule?: string;
  /** For groups: the members the directory defines (may be empty). */
  members?: string[];
}

/** A canonical population or project, with the words the document used. */
export interface Label {
  canonical: string;
  label: string;
}

export type Status = '已完成' | '正常' | '滞后' | '逾期' | '未填报' | '无量化目标';
export const STATUSES: readonly Status[] = ['已完成', '正常', '滞后', '逾期', '未填报', '无量化目标'];

export const POPULATIONS = ['青少年', '农民', '产业工人', '老年人', '领导干部和公务员', '城镇居民'] as const;
export type Population = (typeof POPULATIONS)[number];

export const PROJECTS = [
  '科技资源科普化工程',
  '科普信息化提升工程',
  '科普基础设施工程',
  '基层科普能力提升工程',
  '科学素质国际交流合作工程',
  '科普人才建设工程',
  '科技教育与培训基础工程',
  '社区科普益民工程',
  '科普产业助力工程',
] as const;
export type Project = (typeof PROJECTS)[number];

/** Logical ledger columns; header synonyms map onto these (ledger/headers.ts). */
export type FieldKey =
  | 'id'
  | 'category'
  | 'title'
  | 'content'
  | 'leads'
  | 'partners'
  | 'deadline'
  | 'progress'
  | 'actual'
  | 'target'
  | 'note'
  /** 人群 / 工程 columns: written by kesu's standard workbook, or by officials who classify by hand. */
  | 'population'
  | 'project';

/** A task row of a ledger, as read (before enrichment). Text fields are as the user wrote them. */
export interface LedgerRow {
  sheet: string;
  /** Excel row number (1-based). */
  row: number;
  /** The ledger's own 序号 when it has one, else a generated one. */
  id: string;
  category: string;
  title: string;
  content: string;
  leadsText: string;
  partnersText: string;
  deadlineText: string;
  progressText: string;
  /** The raw 完成值 cell. */
  actualRaw: CellValue;
  targetText: string;
  note: string;
  /** The 人群 / 工程 cells, when the ledger has such columns; they win over classification from the text. */
  populationText?: string;
  projectText?: string;
}

/** A task: a ledger row plus everything the core derives from it. */
export interface Task extends LedgerRow {
  population: Label | null;
  project: Label | null;
  leads: OwnerMatch[];
  partners: OwnerMatch[];
  targets: Target[];
  /** Reported value as a number, when the 完成值 cell holds one. */
  actual: number | null;
  /** actual / primary target value, 0..n; null when either is missing. */
  completion: number | null;
  status: Status;
  /** Deadline year of the task (from the 完成时限 cell or its targets). */
  deadlineYear: number | null;
  recurrence: 'annual' | null;
}

/** Plan-level facts the status rules need. */
export interface PlanPeriod {
  start: number;
  end: number;
}

/**
 * Metadata of a standard (exported/merged) workbook: what the dashboard needs
 * to tell ledgers apart.
 */
export interface LedgerMeta {
  jurisdiction: string | null;
  /** Reporting period label, e.g. 2023年上半年, 2024Q1. */
  period: string | null;
  /** As-of date (ISO yyyy-mm-dd). */
  asOf: string | null;
  title: string | null;
  planPeriod: PlanPeriod | null;
}

/** A problem reading a whole file (not a finding inside it). Message is zh-CN. */
export interface FileProblem {
  file: string;
  code: string;
  message: string;
  sheet?: string;
  row?: number;
  column?: string;
  /** What went wrong inside (a library's own words), for support; never part of the message. */
  detail?: string;
}
