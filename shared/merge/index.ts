// shared/merge: many ledgers into one (kesu merge, and the dashboard's and the
// add-in's multi-file imports).
export { mergeLedgers, mergeFile } from './merge';
export { MergeCache } from './cache';
export { IdentityCache } from './identity';
export { combineFiles, isoDate, dateOf, todayDate } from './combine';
export { refusedFile, uniqueNames, uniqueNamer, type MergedFile } from './file';
export { dedupe, type DedupeResult } from './dedupe';
export { mergeToWorkbook, mergedMeta, reportRows, sourceCell, REPORT_COLUMNS, DUPLICATE_COLUMNS } from './workbook';
export { formatSource, sameSource, MERGE_MESSAGES, STATUS_LABEL } from './messages';
export { taskKeys, taskIdentity, fileIdentities, batchScope, scopeOf } from './identity';
export type { TaskIdentity, FileIdentities } from './identity';
export { normText, normId } from './normalize';
export { staleAcrossPeriods } from './periods';
export type { IdentityTask } from './identity';
export type { FileReport, MergedTask, MergeResult, MergeInput, MergeOptions, ReadFile, Duplicate, DuplicateRule, TaskSource } from './types';
