// The dashboard's loader: every workbook (sample data, the data folder, dropped
// files) goes through the core's merge, the same one `kesu merge` and the
// add-in use. Each file is judged as of its own 截至日期 (the merge's
// asOfPerFile), so a 2023Q1 ledger is judged at 31 March 2023, not today.
import { mergeLedgers } from '../../shared/merge';
import type { FileReport, MergedTask, MergeInput } from '../../shared/merge';
import { canUseWorkers, mergeInWorkers } from './parallel';

export type { FileReport, MergedTask } from '../../shared/merge';

export interface LoadedFile {
  report: FileReport;
  tasks: MergedTask[];
  /** Where the file came from: the server's folder (or sample data) or the user's machine. */
  origin: 'server' | 'local';
}

export async function loadWorkbooks(
  inputs: MergeInput[],
  origin: LoadedFile['origin'],
  onProgress?: (done: number, total: number, current: string) => void,
): Promise<LoadedFile[]> {
  const asOf = new Date();
  const result = canUseWorkers(inputs.length) ? await mergeInWorkers(inputs, asOf, onProgress) : await mergeLedgers(inputs, { asOf, asOfPerFile: true, onProgress });
  const byFile = new Map<string, MergedTask[]>();
  for (const t of result.tasks) {
    let list = byFile.get(t.source.file);
    if (!list) byFile.set(t.source.file, (list = []));
    list.push(t);
  }
  return result.files.map((report) => ({ report, tasks: byFile.get(report.file) ?? [], origin }));
}

/** Only .xlsx is read in the page; other files get a reason without being parsed. */
export function isWorkbookName(name: string): boolean {
  return /\.xlsx$/i.test(name);
}
