// combineFiles: the files of a merge, each read by mergeFile (here or in a
// Web Worker), joined into one result: the duplicates across files removed
// (dedupe.ts), the reports noted, the findings and the directory gathered.
import type { Finding, Unit } from '../model';
import type { FileReport, MergedTask, MergeOptions, MergeResult } from './types';
import { dedupe } from './dedupe';
import { fileIdentities } from './identity';
import type { FileIdentities } from './identity';
import { MERGE_MESSAGES } from './messages';
import type { MergedFile } from './file';
import { staleAcrossPeriods } from './periods';

/**
 * The files of a merge, each read by mergeFile, in the order given (which
 * decides ties between duplicates): one list of tasks with the duplicates
 * across files removed, the reports, the findings and the directory.
 */
export function combineFiles(outcomes: MergedFile[], opts: Pick<MergeOptions, 'asOf' | 'asOfPerFile'>): MergeResult {
  const reports: FileReport[] = [];
  const all: MergedTask[] = [];
  const identities: FileIdentities = { numbered: [], text: [] };
  const fileIndex: number[] = [];
  const findings: Finding[] = [];
  const units = new Map<string, Unit>();
  outcomes.forEach((outcome, f) => {
    reports.push(outcome.report);
    // keys computed while reading; computed here for a file that came without them
    const ids = outcome.identities?.numbered?.length === outcome.tasks.length ? outcome.identities : fileIdentities(outcome.tasks);
    outcome.tasks.forEach((t, i) => {
      all.push(t);
      identities.numbered.push(ids.numbered[i]!);
      identities.text.push(ids.text[i]!);
      fileIndex.push(f);
    });
    // no push(...spread): a 1,048,576-row sheet can bring more findings than a call takes arguments
    for (const x of outcome.findings) findings.push(x);
    for (const u of outcome.units) {
      const k = `${u.jurisdiction}|${u.name}`;
      if (!units.has(k)) units.set(k, u);
    }
  });

  // Before the duplicates go: a period's tasks are compared whole with the period before.
  // (reports by name once: a find per finding grew with files × findings)
  const reportOf = new Map<string, FileReport>();
  for (const r of reports) if (!reportOf.has(r.file)) reportOf.set(r.file, r);
  for (const x of staleAcrossPeriods(outcomes)) {
    findings.push(x);
    const r = x.file ? reportOf.get(x.file) : undefined;
    if (r) r.findings += 1;
  }

  const { tasks, duplicates, dropped } = dedupe(
    all,
    fileIndex,
    reports.map((r) => r.meta),
    identities,
  );
  for (const [f, n] of dropped) {
    const r = reports[f]!;
    r.duplicatesDropped = n;
    r.note = [r.note, MERGE_MESSAGES.dropped({ count: n })].filter(Boolean).join(';');
  }
  // per-file dates: the merged workbook is as of the newest file's date
  const stated = reports.map((r) => r.meta.asOf).filter((d): d is string => !!dateOf(d));
  const asOf = opts.asOfPerFile && stated.length ? stated.reduce((a, b) => (a > b ? a : b)) : isoDate(opts.asOf);
  // One set of thresholds for the merged workbook when every file was judged with the same.
  const used = [...new Set(outcomes.filter((o) => o.report.status === 'ok' && o.settings).map((o) => JSON.stringify(o.settings)))];
  const settings = used.length === 1 ? JSON.parse(used[0]!) : undefined;
  return { files: reports, tasks, duplicates, directory: [...units.values()], findings, asOf, ...(settings ? { settings } : {}) };
}

// A Date here stands for its UTC calendar day, as in shared/checks/status.ts and
// kesu's --as-of: 2024-01-01 is Date.UTC(2024, 0, 1) and reads back as
// 2024-01-01 in any time zone. (Local midnight would be 2023-12-31 in UTC for a
// machine in China time, and the checks would judge a day early.)

/** Today where the user is (their calendar day), as that day at 00:00 UTC. */
export function todayDate(now: Date = new Date()): Date {
  return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
}

/** The UTC calendar day of d, yyyy-mm-dd. */
export function isoDate(d: Date): string {
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

/** yyyy-mm-dd → that day at 00:00 UTC; null when absent or no such day (2023-02-30 is not 3 March). */
export function dateOf(iso: string | null): Date | null {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]) ? d : null;
}
