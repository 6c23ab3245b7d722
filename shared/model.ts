// Types that cross the faces (add-in, dashboard, CLI). They live here once;
// every other module of the core imports them from this file.
// Nothing here may import Office.js, React, the DOM or Node built-ins.
import type { FindingCode } from './checks/messages';
import type { DirectoryCode } from './owners/messages';
import type { PlanCode } from './plan/messages';

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
/** Worst first: the order findings are listed and counted in. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

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
  /** A code of a message table (checks, 单位名录, plan import): typed, so a typo is a compile error. */
  code: FindingCode | DirectoryCode | PlanCode;
  severity: Severity;
  params: Record<string, string | number | null>;
  message: string;
  fix: string | null;
}

export type Comparator = '>=' | '>' | '=' | '<=';

/** One quantitative target found in prose (docs/domain.md §5). */
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

/**
 * The rule behind an owner match (shared/owners; docs/plans-and-owners.md). A
 * `rules-only…` rule means no directory unit was checked: the name is the one
 * written, or that name with the level prefix of its context.
 */
export type OwnerRule =
  /** 与/和, full/half width, spaces, brackets differ from the directory's spelling. */
  | 'variant'
  /** 锦江区教育局, 綦江科协: the jurisdiction's own short name in front. */
  | 'jurisdiction-name'
  /** A bare name given the level of the document's or directory's jurisdiction (统计局 → 区统计局). */
  | 'level-prefix'
  /** A bare name given the level of its neighbours in the enumeration (市科技局、民族宗教局 → 市民族宗教局). */
  | 'prefix-expansion'
  /** 区文化旅游委（区体育局）: one unit with an alias in brackets. */
  | 'composite'
  | 'fuzzy'
  | 'group:streets'
  | 'group:localities'
  | 'group:members'
  | 'group:others'
  | 'group'
  /** The name fits several units (区科协 with no jurisdiction): suggestions instead of a guess. */
  | 'ambiguous'
  | 'ambiguous-level'
  | 'unknown'
  | 'not-a-unit'
  | 'empty'
  /** Kept as written: it carries its level (市科协, 团省委) or is national (农业部). */
  | 'rules-only'
  /** Kept as written: it carries a place (哈尔滨广播电视台, 叙州区政府) or is a proper name. */
  | 'rules-only:carries-place'
  /** The context's level prefix added: from the document (气象局 → 市气象局 in a city plan) … */
  | 'rules-only:level-prefix'
  /** … or from the enumeration's neighbours. */
  | 'rules-only:prefix-expansion'
  | 'rules-only:not-a-unit';

/** How one owner name in a ledger resolved. Never a silent guess: fuzzy/none carry suggestions. */
export interface OwnerMatch {
  input: string;
  /** Canonical (or rule-expanded) name; null when nothing matched. */
  name: string | null;
  matched: MatchKind;
  /** 0..1 */
  score: number;
  /** Shared between the rows that repeat one owner text: never changed in place. */
  readonly suggestions: readonly { readonly name: string; readonly score: number }[];
  /** Which rule produced the name; absent for exact and alias matches. */
  rule?: OwnerRule;
  /** For groups: the members the directory defines (may be empty). */
  readonly members?: readonly string[];
}

/** A canonical population or project, with the words the document used. */
export interface Label {
  canonical: string;
  label: string;
}

/**
 * How a task stands as of a date, as supervision offices (督查) judge it
 * (docs/domain.md §8). Every task has one, quantified or not; whether it has a
 * numeric target is Task.quantified, not a status.
 */
export type Status = '已完成' | '正常' | '滞后' | '逾期' | '未启动' | '未填报';
export const STATUSES: readonly Status[] = ['已完成', '正常', '滞后', '逾期', '未启动', '未填报'];

/** 红黄绿灯: the gap between the share done and 序时进度, graded by the settings' thresholds. */
export type Light = '绿' | '黄' | '红';
export const LIGHTS: readonly Light[] = ['绿', '黄', '红'];

/**
 * Which evidence decided a task's status, in the order it is consulted: a
 * reported status word, a numeric target with its 完成值, a reported share,
 * the progress text, the deadline; 'none' when nothing was reported.
 */
export type Basis = 'reported' | 'target' | 'share' | 'text' | 'deadline' | 'none';
export const BASES: readonly Basis[] = ['reported', 'target', 'share', 'text', 'deadline', 'none'];

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
  /** A reported status (完成状态, 进展状态, 是否完成 …): short words such as 已完成, 序时推进, 滞后. */
  | 'status'
  /** A reported share done (完成进度, 完成比例): 60%, 0.6, 六成. */
  | 'share'
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
  /** The reported status cell (完成状态 …), when the ledger has such a column. */
  statusText?: string;
  /** The raw reported share cell (完成进度 …), when the ledger has such a column. */
  shareRaw?: CellValue;
}

/** How a task is judged (shared/progress, docs/domain.md §8): plain data, the same in every face. */
export interface TaskJudgement {
  status: Status;
  light: Light;
  /** Which evidence decided the status. */
  basis: Basis;
  /** The words or figures that decided, as the user wrote them ('' when nothing was reported). */
  evidence: string;
  /** The task has a numeric target (量化目标). */
  quantified: boolean;
  /** Last day of the task's current period (ISO yyyy-mm-dd); null for 长期/持续 tasks and unknown deadlines. */
  due: string | null;
  /** 序时进度: the share of the task's period elapsed as of the date (0..1), null without a period. */
  expected: number | null;
  /** The share done (0..1): reported, computed from the target, 1 when judged done, 0 when not started; null when unknown. */
  progress: number | null;
}

/** A task: a ledger row plus everything the core derives from it. */
export interface Task extends LedgerRow, TaskJudgement {
  population: Label | null;
  project: Label | null;
  // Shared: rows with the same cell text get the same array (the TaskCache's
  // reading), so they are readonly. Sort a copy, never these.
  leads: readonly OwnerMatch[];
  partners: readonly OwnerMatch[];
  targets: readonly Target[];
  /** Reported value as a number, when the 完成值 cell holds one. */
  actual: number | null;
  /** actual / primary target value, 0..n; null when either is missing. */
  completion: number | null;
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
  /**
   * The internal cause for support (a library's error text, a checksum …),
   * never shown as the message; the CLI's --json carries it.
   */
  detail?: string;
}
