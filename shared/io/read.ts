// readWorkbook: bytes → SheetGrid[] (plain values, merges, sheet state), or a
// FileProblem. Never throws on bad bytes: the guards refuse what would hurt,
// and anything that still goes wrong is mapped to a message naming the file.
//
// The .xlsx parts are read directly (inflated and vetted by the guard, which
// also finds them through the package's relationships; then one indexOf scan
// per part, see sheet-xml.ts) instead of through exceljs `load`, which
// built a full object model of every cell and style and took ~5× the time
// and memory. exceljs still writes workbooks (write.ts, columns.ts); its old
// reading path lives on in read-exceljs.ts as the tests' reference.
import type { SheetGrid } from '../model';
import { GridBuilder, MAX_CELL_WARNINGS, describeError, errorReason, finishRead, type ReadResult } from './grid';
import { DEFAULT_LIMITS, guardWorkbook, type GuardResult, type ReadLimits } from './guard';
import { PartCache } from './part-cache';
import { problem } from './messages';
import { parseSharedStrings } from './shared-strings';
import { scanSheet, type SheetContext } from './sheet-xml';
import { dateStyles } from './styles';
import { decodeXmlBytes } from './xml-encoding';

export type { ReadResult } from './grid';

export interface ReadOptions {
  limits?: Partial<ReadLimits>;
  /** Checked parts of earlier workbooks of a batch to reuse (part-cache.ts); pass one per batch. Default: none. */
  parts?: PartCache;
}

/**
 * The guard's verdict as a reader needs it: a finished ReadResult (refused, or a
 * CSV read whole), or the vetted package to parse. Both readers start here.
 */
export function guardForRead(bytes: Uint8Array, file: string, limits: ReadLimits, parts: PartCache | null = null): { done: ReadResult } | { guarded: Extract<GuardResult, { kind: 'xlsx' }> } {
  let guarded: GuardResult;
  try {
    guarded = guardWorkbook(bytes, file, limits, parts);
  } catch (e) {
    return { done: { ok: false, problem: problem('parse-failed', file, { reason: errorReason(e), detail: describeError(e) }) } };
  }
  if (guarded.kind === 'refused') return { done: { ok: false, problem: guarded.problem } };
  if (guarded.kind === 'csv') return { done: { ok: true, sheets: [guarded.sheet], warnings: guarded.warnings } };
  return { guarded };
}

/** One file's bytes → its sheets: what the merge takes as its `read` (shared/merge MergeOptions). */
export type WorkbookReader = (bytes: Uint8Array, file: string) => Promise<ReadResult>;

/**
 * readWorkbook with its options bound: the reader a face hands to the merge.
 * Make one per batch (the dashboard's worker: one for its life); the files it
 * reads share its PartCache, the checked parts of one template.
 */
export function workbookReader(opts: ReadOptions = {}): WorkbookReader {
  const bound: ReadOptions = { ...opts, parts: opts.parts ?? new PartCache() };
  return (bytes, file) => readWorkbook(bytes, file, bound);
}

export async function readWorkbook(bytes: Uint8Array, file: string, opts: ReadOptions = {}): Promise<ReadResult> {
  const limits: ReadLimits = { ...DEFAULT_LIMITS, ...opts.limits };
  const verdict = guardForRead(bytes, file, limits, opts.parts ?? null);
  if ('done' in verdict) return verdict.done;
  const { guarded } = verdict;

  const warnings = [...guarded.warnings];
  const sheets: SheetGrid[] = [];
  const parts = new PartTexts(guarded.parts);
  // The part being read, named in the refusal if the reader itself fails on it.
  let part = '';
  try {
    const wb = guarded.workbook;
    part = wb.sharedStrings ?? '';
    const sst = wb.sharedStrings ? parts.take(wb.sharedStrings) : null;
    part = wb.styles ?? '';
    const styles = wb.styles ? parts.take(wb.styles) : null;
    const ctx: SheetContext = {
      sharedStrings: sst ? parseSharedStrings(sst) : [],
      dateStyles: styles ? dateStyles(styles) : new Uint8Array(0),
      date1904: wb.date1904,
    };
    const budget = { left: MAX_CELL_WARNINGS };
    for (const s of guarded.sheets) {
      // Chart sheets (and dialog or macro sheets) hold no cells and are left
      // out; a sheet whose part is missing was warned about by the guard.
      if (s.kind !== 'worksheet' || !s.path) continue;
      part = s.path;
      const xml = parts.take(s.path);
      if (xml === null) continue;
      const g = new GridBuilder(s.name, file, limits, warnings, budget);
      scanSheet(xml, ctx, g);
      sheets.push(g.finish(guarded.merges.get(s.name) ?? [], s.state));
    }
  } catch (e) {
    return { ok: false, problem: problem('parse-failed', file, { entry: part || undefined, reason: errorReason(e), detail: describeError(e) }) };
  }
  return finishRead(file, sheets, warnings, limits);
}

/** The parts the guard kept, each handed out once as text (and let go: a sheet's text is the largest thing a read holds). */
class PartTexts {
  constructor(private readonly kept: Map<string, Uint8Array | string>) {}
  take(path: string): string | null {
    const b = this.kept.get(path);
    if (b === undefined) return null;
    this.kept.delete(path);
    return typeof b === 'string' ? b : decodeXmlBytes(b);
  }
}
