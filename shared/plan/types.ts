// What a plan document becomes: plan metadata, its numbered structure, and the
// tasks of the ledger (生成台账).
import type { Finding, Label, OwnerMatch, PlanPeriod, Target, Unit } from '../model';
import type { AdminLevel } from '../owners';

/** The level adminLevelOf (shared/owners) reads off the jurisdiction. */
export type PlanLevel = AdminLevel;

/** 提升行动 / 重点工程 / 保障措施 / 组织实施 / 其他 */
export type PlanCategory = '提升行动' | '重点工程' | '保障措施' | '组织实施' | '其他';

export interface PlanGoal {
  /** e.g. 公民具备科学素质的比例 */
  indicator: string;
  baseline: { year: number; value: number }[];
  target: { year: number | null; value: number; stretch: number | null; comparator: '>' | '>=' } | null;
  /** The sentence the target was read from. */
  text: string | null;
}

export interface PlanInfo {
  title: string;
  /** 成都市锦江区, 重庆市綦江区, 国家 … null when the document does not say. */
  jurisdiction: string | null;
  level: PlanLevel | null;
  period: PlanPeriod | null;
  goal: PlanGoal | null;
  /** The title was followed by (征求意见稿) or similar. */
  draft: boolean;
  /** The paragraph(s) between the title and the first section (为贯彻落实…). */
  preamble: string;
}

/** Where a task's owners came from. */
export type OwnerSource =
  | 'bracket' // 〔牵头单位:…,责任单位:…〕 after the task
  | 'parenthesis' // (教育部、中国科协) at the end of a ledger item
  | 'annex-table' // a row of the annex table 类别/任务内容/牵头部门/责任部门
  | 'division' // 分工: X牵头,Y等单位配合 after the section's measures
  | 'label' // 牵头单位：… / 责任单位：… on lines of their own after the measure
  | 'none';

export interface PlanOwners {
  leadsText: string;
  partnersText: string;
  /** The owner text as written, brackets included. */
  raw: string;
  source: OwnerSource;
  /** Punctuation faults noticed while reading it (a 〔 closed by ）…). */
  faults: string[];
  /** 完成时限 written inside the owner bracket, as written. */
  deadline?: string;
}

/** One numbered item of the document (一、 / （一） / 1. / （1）) with what it holds. */
export interface PlanNode {
  /** 1 = 一、, 2 = （一）, 3 = 1., 4 = （1） */
  rank: 1 | 2 | 3 | 4;
  /** The number as written: 三, 二, 3 … */
  num: string;
  /** Path id, e.g. 三.（二）.3 */
  id: string;
  title: string;
  content: string;
  /** 1-based line in the cleaned text. */
  line: number;
  owners: PlanOwners | null;
  /** 完成时限 the document gives for this item, as written. */
  deadline?: string;
  children: PlanNode[];
}

export interface PlanTask {
  /** Path id (三.（二）.3) or the ledger annex number (55). */
  id: string;
  kind: 'measure' | 'section' | 'ledger-item';
  category: PlanCategory;
  /** The heading the category came from, as written (二、提升行动 → 提升行动). */
  categoryLabel: string;
  /** The action or project heading above the task, as written (实施青少年科学素质提升行动). */
  group: string;
  population: Label | null;
  project: Label | null;
  title: string;
  content: string;
  owners: PlanOwners;
  leads: OwnerMatch[];
  partners: OwnerMatch[];
  targets: Target[];
  /** A deadline the document states for the task (完成时限 column of a table), as written. */
  deadline?: string;
  /** 1-based line in the cleaned text. */
  line: number;
}

export interface PlanImport {
  plan: PlanInfo;
  tasks: PlanTask[];
  /** The numbered structure of the plan body (work points, sections, measures). */
  outline: PlanNode[];
  /** Where the tasks came from: the body's measures or a ledger annex (任务台账). */
  taskSource: 'body' | 'ledger-annex';
  findings: Finding[];
  /** Directory entries of the units the tasks name (for the 单位名录 sheet). */
  units?: Unit[];
  file?: string;
}
