// What the documents read of a task: what the leaders' aggregates read
// (LeaderTask, shared/aggregate) and the 完成时限 as the ledger wrote it.
// MergedTask (shared/merge) has it all.
import type { LeaderTask } from '../aggregate';
import type { Task } from '../model';

export type ReportTask = LeaderTask & Pick<Task, 'deadlineText'> & { source?: { file: string } };
