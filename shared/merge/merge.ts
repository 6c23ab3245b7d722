// mergeLedgers: many ledgers (any layout the core's header detection reads)
// into one list of tasks, each with where it came from. Also the multi-file
// loader of the dashboard and the add-in, hence pure: bytes in, data out.
//
// Memory: one file at a time is read, turned into tasks, and its grid dropped
// before the next is opened (inputs may be loaders, so the caller need not
// hold every file's bytes either). Between files it yields to the event loop
// so a page stays responsive while a clerk drops a folder of 200 files.
import type { Finding, Task } from '../model';
import { readLedger } from '../ledger/read';
import { validate } from '../checks/validate';
import { REPORT_SHEET } from '../ledger/standard';
import type { MergedTask, MergeInput, MergeOptions, MergeResult } from './types';
import type { ReadResult } from '../io/grid';
import { fileIdentities } from './identity';
import { MERGE_MESSAGES } from './messages';
import { EMPTY_META, refusedFile, uniqueNames } from './file';
import type { MergedFile } from './file';
import { combineFiles, dateOf } from './combine';
import { MergeCache } from './cache';
import { columnLetter0 } from '../io/a1';

/**
 * Yields to the event loop at most once a frame (16 ms of work). A yield per
 * file cost more than the work on small files: browsers clamp a nested
 * setTimeout(0) to 4 ms, which was 4 s of waiting over 1,000 ledgers.
 */
function yielder(): () => Promise<void> {
  let last = Date.now();
  return async () => {
    if (Date.now() - last < 16) return;
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    last = Date.now();
  };
}

export async function mergeLedgers(files: MergeInput[], opts: MergeOptions): Promise<MergeResult> {
  const total = files.length;
  const names = uniqueNames(files.map((x) => x.name));
  const breathe = yielder();
  const outcomes: MergedFile[] = [];
  // One cache for the batch: its ledgers repeat the same words, owners, directories and template parts.
  const each = { ...opts, cache: opts.cache ?? new MergeCache() };
  for (let f = 0; f < total; f++) {
    opts.onProgress?.(f, total, names[f]!);
    await breathe();
    outcomes.push(await mergeFile({ ...files[f]!, name: names[f]! }, each));
  }
  opts.onProgress?.(total, total, '');
  return combineFiles(outcomes, opts);
}

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * One file of a merge: read → ledger → checked tasks. Its grids live only
 * inside this call. The name is used as given (mergeLedgers makes names
 * unique first; a caller reading files elsewhere should use uniqueNames too).
 */
export async function mergeFile(input: MergeInput, opts: Pick<MergeOptions, 'read' | 'asOf' | 'asOfPerFile' | 'settings' | 'cache'>): Promise<MergedFile> {
  const file = input.name;
  const mergeAsOf = opts.asOf;
  const perFile = opts.asOfPerFile === true;
  // Alone (no batch), the file still shares readings between its own rows.
  const cache = opts.cache ?? new MergeCache();
  let bytes: Uint8Array;
  try {
    bytes = typeof input.bytes === 'function' ? await input.bytes() : input.bytes;
  } catch (e) {
    return refusedFile(file, MERGE_MESSAGES.loadFailed({ file, why: errorText(e) }));
  }
  // The reader returns its refusals as data; a throw is a bug in it, and one
  // bad file must still not stop the batch.
  let read: ReadResult;
  try {
    read = await opts.read(bytes, file);
  } catch (e) {
    return refusedFile(file, MERGE_MESSAGES.readFailed({ file, why: errorText(e) }));
  }
  if (!read.ok) return refusedFile(file, read.problem.message, EMPTY_META, read.problem.detail);

  try {
    const ledger = readLedger(read.sheets, file);
    const meta = { ...EMPTY_META, ...ledger.meta };
    if (ledger.sheets.length === 0) {
      const why = ledger.findings.find((x: Finding) => x.severity === 'error') ?? ledger.findings[0];
      return refusedFile(file, MERGE_MESSAGES.noLedger({ file, why: why?.message ?? null }), meta);
    }
    // validate picks the directory as `kesu validate` does (the workbook's
    // 单位名录, else the bundled one for its jurisdiction), so the 问题数 of
    // the 导入报告 matches what the clerk sees when checking the file alone
    const asOf = (perFile && dateOf(meta.asOf)) || mergeAsOf;
    const checked = validate(ledger, { asOf, file, settings: opts.settings, cache });
    const fileFindings = checked.findings.map((x: Finding) => (x.file ? x : { ...x, file }));
    // The checks built these task objects for this call alone: adding the
    // source in place spares a copy of every task (100,000 in a large batch).
    const tasks = checked.tasks.map((t: Task): MergedTask => Object.assign(t, { source: { file, sheet: t.sheet, row: t.row }, meta }));
    const notes = [
      read.sheets.some((g) => g.name.trim() === REPORT_SHEET) ? MERGE_MESSAGES.earlierMerge() : null,
      read.warnings.length ? MERGE_MESSAGES.readerWarnings({ count: read.warnings.length }) : null,
      tasks.length ? null : MERGE_MESSAGES.noTasks(),
    ].filter(Boolean);
    return {
      report: {
        file,
        status: 'ok',
        rows: tasks.length,
        findings: fileFindings.length,
        reason: null,
        meta,
        note: notes.length ? notes.join(';') : null,
      },
      tasks,
      identities: fileIdentities(tasks, cache.identity),
      findings: fileFindings,
      units: [...(checked.directory?.units ?? [])],
      progressCells: Object.fromEntries(
        ledger.sheets.map((s) => {
          const c = s.header.columns.progress;
          const origin = s.header.colOffset ?? 0;
          return [s.sheet, { column: c === undefined ? null : s.header.headers[c] || columnLetter0(c + origin), col: c === undefined ? null : c + origin }];
        }),
      ),
      settings: checked.settings,
    };
  } catch (e) {
    return refusedFile(file, MERGE_MESSAGES.readFailed({ file, why: errorText(e) }));
  }
}
