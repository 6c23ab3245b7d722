// Types of the merge (CONTRACTS.md, shared/merge). The dashboard and the add-in
// use the same result for their multi-file imports, so it is plain data.
import type { Finding, LedgerMeta, Task, Unit } from '../model';
import type { ProgressSettings } from '../progress';
import type { ReadResult } from '../io/grid';
import type { MergeCache } from './cache';

/**
 * One file's bytes → its sheets. The merge is given its reader rather than
 * importing one: each face passes shared/io's (workbookReader()), a test may
 * pass another. Refusals come back as data; a throw is taken as a bug in it.
 */
export type ReadFile = (bytes: Uint8Array, file: string) => Promise<ReadResult>;

/** Where a task row came from: the file as the caller named it, the sheet, the Excel row. */
export interface TaskSource {
  file: string;
  sheet: string;
  row: number;
}

/** One input of a merge. bytes may be a loader so a caller with many files never holds them all. */
export interface MergeInput {
  name: string;
  bytes: Uint8Array | (() => Promise<Uint8Array>);
}

export interface MergeOptions {
  /** Reads each file (shared/io workbookReader(): one per batch, its part cache shared by the batch's files). */
  read: ReadFile;
  /** The date statuses are computed against (时间过半、任务过半). */
  asOf: Date;
  /**
   * Judge each file as of its own 截至日期 when it states one (a 2023年上半年
   * ledger at 30 June 2023, not today); asOf is then only for files that state
   * none. Default false: every file as of asOf.
   */
  asOfPerFile?: boolean;
  /** Called before each file (done files, total, the file about to be read) and once at the end. */
  onProgress?(done: number, total: number, current: string): void;
  /** Overrides of each workbook's 设置 sheet (the CLI's flags). */
  settings?: Partial<ProgressSettings>;
  /** What the files of the batch share (readings, directories, identity keys, template parts); mergeLedgers makes one when absent. */
  cache?: MergeCache;
}

export interface FileReport {
  file: string;
  status: 'ok' | 'refused';
  /** Task rows read from the file (0 when refused). */
  rows: number;
  /** Findings of the checks on this file. */
  findings: number;
  /** zh-CN reason when refused (names the file), else null. */
  reason: string | null;
  /** The reader's internal cause of a refusal (FileProblem.detail), for support; never shown as the reason. */
  detail?: string;
  meta: LedgerMeta;
  /** Optional zh-CN note for the 导入报告 (duplicates dropped, warnings of the reader). */
  note?: string | null;
  /** Rows of this file left out because another file reports the same task. */
  duplicatesDropped?: number;
}

export interface MergedTask extends Task {
  source: TaskSource;
  meta: LedgerMeta;
  /** Other files that report the same task (their rows were not kept). */
  alsoIn?: TaskSource[];
}

/** Why two rows were taken for the same task. */
export type DuplicateRule = 'numbered' | 'text-lead';

export interface Duplicate {
  /** The identity both rows share (see identity.ts). */
  key: string;
  /** Every row of the group; sources[0] is the one kept. */
  sources: TaskSource[];
  /** The kept row (same as sources[0]). */
  kept?: TaskSource;
  rule?: DuplicateRule;
  /** Why the kept row won: 'later-as-of' or 'first-file'. */
  reason?: 'later-as-of' | 'first-file';
  /** Task title (or content prefix) for the report. */
  title?: string;
}

export interface MergeResult {
  files: FileReport[];
  tasks: MergedTask[];
  duplicates: Duplicate[];
  directory: Unit[];
  findings: Finding[];
  /** The date the merge computed statuses against (ISO yyyy-mm-dd); with asOfPerFile, the newest file's. */
  asOf?: string;
  /** The thresholds the files were judged with, when every merged file used the same (else undefined). */
  settings?: ProgressSettings;
}
