// mergeLedgers: many ledgers (any layout the core's header detection reads)
// into one list of tasks, each with where it came from. Also the multi-file
// loader of the dashboard and the add-in, hence pure: bytes in, data out.
//
// Memory: one file at a time is read, turned into tasks, and its grid dropped
// before the next is opened (inputs may be loaders, so the caller need not
// hold every file's bytes either). Between files it yields to the event loop
// so a page stays responsive while a clerk drops a folder of 200 files.
import type { Finding, LedgerMeta, Task, Unit } from '../model';
import { readWorkbook } from '../io/read';
import { readLedger } from '../ledger/read';
import { validate } from '../checks/validate';
import { REPORT_SHEET } from '../ledger/standard';
import type { FileReport, MergedTask, MergeInput, MergeOptions, MergeResult } from './types';
import { dedupe } from './dedupe';
import { MERGE_MESSAGES, namingFile } from './messages';

const EMPTY_META: LedgerMeta = { jurisdiction: null, period: null, asOf: null, title: null, planPeriod: null };

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

export function isoDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

interface FileOutcome {
  report: FileReport;
  tasks: MergedTask[];
  findings: Finding[];
  units: Unit[];
}

export async function mergeLedgers(files: MergeInput[], opts: MergeOptions): Promise<MergeResult> {
  const total = files.length;
  const reports: FileReport[] = [];
  const all: MergedTask[] = [];
  const fileIndex: number[] = [];
  const findings: Finding[] = [];
  const units = new Map<string, Unit>();

  const names = uniqueNames(files.map((x) => x.name));
  const breathe = yielder();
  for (let f = 0; f < total; f++) {
    const input = { ...files[f]!, name: names[f]! };
    opts.onProgress?.(f, total, input.name);
    await breathe();
    const outcome = await mergeOne(input, opts.asOf, opts.asOfPerFile === true);
    reports.push(outcome.report);
    for (const t of outcome.tasks) {
      all.push(t);
      fileIndex.push(f);
    }
    // no push(...spread): a 1,048,576-row sheet can bring more findings than a call takes arguments
    for (const x of outcome.findings) findings.push(x);
    for (const u of outcome.units) {
      const k = `${u.jurisdiction}|${u.name}`;
      if (!units.has(k)) units.set(k, u);
    }
  }
  opts.onProgress?.(total, total, '');

  const { tasks, duplicates, dropped } = dedupe(
    all,
    fileIndex,
    reports.map((r) => r.meta),
  );
  for (const [f, n] of dropped) {
    const r = reports[f]!;
    r.duplicatesDropped = n;
    r.note = [r.note, MERGE_MESSAGES.dropped(n)].filter(Boolean).join(';');
  }
  // per-file dates: the merged workbook is as of the newest file's date
  const stated = reports.map((r) => r.meta.asOf).filter((d): d is string => !!dateOf(d));
  const asOf = opts.asOfPerFile && stated.length ? stated.reduce((a, b) => (a > b ? a : b)) : isoDate(opts.asOf);
  return { files: reports, tasks, duplicates, directory: [...units.values()], findings, asOf };
}

/**
 * Two inputs of one name (区教育局.xlsx from two folders dropped on the page)
 * would make 来源 ambiguous: the second becomes 区教育局.xlsx (2).
 */
function uniqueNames(names: string[]): string[] {
  const seen = new Set<string>();
  return names.map((n) => {
    let name = n;
    for (let i = 2; seen.has(name); i++) name = `${n} (${i})`;
    seen.add(name);
    return name;
  });
}

function refused(file: string, reason: string, meta: LedgerMeta = EMPTY_META): FileOutcome {
  return {
    report: { file, status: 'refused', rows: 0, findings: 0, reason: namingFile(file, reason), meta },
    tasks: [],
    findings: [],
    units: [],
  };
}

/** yyyy-mm-dd → local midnight of that day; null when absent or not a date. */
function dateOf(iso: string | null): Date | null {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  if (!m) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(d.getTime()) ? null : d;
}

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** One file: read → ledger → tasks. Its grids live only inside this call. */
async function mergeOne(input: MergeInput, mergeAsOf: Date, perFile: boolean): Promise<FileOutcome> {
  const file = input.name;
  let bytes: Uint8Array;
  try {
    bytes = typeof input.bytes === 'function' ? await input.bytes() : input.bytes;
  } catch (e) {
    return refused(file, MERGE_MESSAGES.loadFailed(file, errorText(e)));
  }
  // The reader returns its refusals as data; a throw is a bug in it, and one
  // bad file must still not stop the batch.
  let read: Awaited<ReturnType<typeof readWorkbook>>;
  try {
    read = await readWorkbook(bytes, file);
  } catch (e) {
    return refused(file, MERGE_MESSAGES.readFailed(file, errorText(e)));
  }
  if (!read.ok) return refused(file, read.problem.message);

  try {
    const ledger = readLedger(read.sheets, file);
    const meta = { ...EMPTY_META, ...ledger.meta };
    if (ledger.sheets.length === 0) {
      const why = ledger.findings.find((x: Finding) => x.severity === 'error') ?? ledger.findings[0];
      return refused(file, MERGE_MESSAGES.noLedger(file, why?.message ?? null), meta);
    }
    // validate picks the directory as `kesu validate` does (the workbook's
    // 单位名录, else the bundled one for its jurisdiction), so the 问题数 of
    // the 导入报告 matches what the clerk sees when checking the file alone
    const asOf = (perFile && dateOf(meta.asOf)) || mergeAsOf;
    const checked = validate(ledger, { asOf, file });
    const fileFindings = checked.findings.map((x: Finding) => (x.file ? x : { ...x, file }));
    const tasks = checked.tasks.map((t: Task): MergedTask => ({ ...t, source: { file, sheet: t.sheet, row: t.row }, meta }));
    const notes = [
      read.sheets.some((g) => g.name.trim() === REPORT_SHEET) ? MERGE_MESSAGES.earlierMerge : null,
      read.warnings.length ? MERGE_MESSAGES.readerWarnings(read.warnings.length) : null,
      tasks.length ? null : MERGE_MESSAGES.noTasks,
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
      findings: fileFindings,
      units: checked.directory?.units ?? [],
    };
  } catch (e) {
    return refused(file, MERGE_MESSAGES.readFailed(file, errorText(e)));
  }
}
