// One file of a merge as plain data (what mergeFile returns and combineFiles
// joins), the refusal of a file, and unique file names. No reader here, so
// the dashboard's page can use it without loading the core's reader (which
// runs in its Web Workers).
import type { Finding, LedgerMeta, Unit } from '../model';
import type { ProgressSettings } from '../progress';
import type { FileReport, MergedTask } from './types';
import type { FileIdentities } from './identity';
import { namingFile } from './messages';

export const EMPTY_META: LedgerMeta = { jurisdiction: null, period: null, asOf: null, title: null, planPeriod: null };

/**
 * One file read for a merge: its report, its tasks with their identity keys
 * (identities.numbered[i] and .text[i] belong to tasks[i]), its findings and its 单位名录. Plain
 * data, so a Web Worker can read files and hand these to combineFiles.
 */
export interface MergedFile {
  report: FileReport;
  tasks: MergedTask[];
  identities: FileIdentities;
  findings: Finding[];
  units: Unit[];
  /** The progress column of each ledger sheet (header text, 0-based column), for findings across periods (progress.stale). */
  progressCells?: Record<string, { column: string | null; col: number | null }>;
  /** The thresholds this file was judged with. */
  settings?: ProgressSettings;
}

/** A file of a merge that could not be read, with the reason (zh-CN, naming the file). */
export function refusedFile(file: string, reason: string, meta: LedgerMeta = EMPTY_META, detail?: string): MergedFile {
  return {
    report: { file, status: 'refused', rows: 0, findings: 0, reason: namingFile(file, reason), meta, ...(detail ? { detail } : {}) },
    tasks: [],
    identities: { numbered: [], text: [] },
    findings: [],
    units: [],
  };
}

/**
 * Two inputs of one name (区教育局.xlsx from two folders dropped on the page)
 * would make 来源 ambiguous: the second becomes 区教育局.xlsx (2).
 */
export function uniqueNames(names: string[]): string[] {
  return names.map(uniqueNamer());
}

/** The same, one name at a time, for files that arrive one by one. */
export function uniqueNamer(): (name: string) => string {
  const seen = new Set<string>();
  return (n) => {
    let name = n;
    for (let i = 2; seen.has(name); i++) name = `${n} (${i})`;
    seen.add(name);
    return name;
  };
}
