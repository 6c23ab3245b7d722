// readWorkbook: bytes → SheetGrid[] (plain values, merges, sheet state), or a
// FileProblem. Never throws on bad bytes: the guards refuse what would hurt,
// and anything that still goes wrong is mapped to a message naming the file.
//
// The .xlsx parts are read directly (fflate to inflate, then one indexOf
// scan per part; see sheet-xml.ts) instead of through exceljs `load`, which
// built a full object model of every cell and style and took ~5× the time
// and memory. exceljs still writes workbooks (write.ts, columns.ts); its old
// reading path lives on in read-exceljs.ts as the tests' reference.
import type { SheetGrid } from '../model';
import { inflateSync } from 'fflate';
import { GridBuilder, MAX_CELL_WARNINGS, describeError, finishRead, type ReadResult } from './grid';
import { DEFAULT_LIMITS, guardWorkbook, resolvePart, type GuardResult, type ReadLimits } from './guard';
import { problem } from './messages';
import { parseSharedStrings } from './shared-strings';
import { scanSheet, type SheetContext } from './sheet-xml';
import { dateStyles } from './styles';
import { attr, newTag, nextTag } from './xml-text';
import { entryData, readZipDirectory, type ZipEntry } from './zip';

export type { ReadResult } from './grid';

export interface ReadOptions {
  limits?: Partial<ReadLimits>;
}

/**
 * The guard's verdict as a reader needs it: a finished ReadResult (refused, or a
 * CSV read whole), or the vetted package to parse. Both readers start here.
 */
export function guardForRead(bytes: Uint8Array, file: string, limits: ReadLimits): { done: ReadResult } | { guarded: Extract<GuardResult, { kind: 'xlsx' }> } {
  let guarded: GuardResult;
  try {
    guarded = guardWorkbook(bytes, file, limits);
  } catch (e) {
    return { done: { ok: false, problem: problem('parse-failed', file, { detail: describeError(e) }) } };
  }
  if (guarded.kind === 'refused') return { done: { ok: false, problem: guarded.problem } };
  if (guarded.kind === 'csv') return { done: { ok: true, sheets: [guarded.sheet], warnings: guarded.warnings } };
  return { guarded };
}

export async function readWorkbook(bytes: Uint8Array, file: string, opts: ReadOptions = {}): Promise<ReadResult> {
  const limits: ReadLimits = { ...DEFAULT_LIMITS, ...opts.limits };
  const verdict = guardForRead(bytes, file, limits);
  if ('done' in verdict) return verdict.done;
  const { guarded } = verdict;

  const warnings = [...guarded.warnings];
  const sheets: SheetGrid[] = [];
  try {
    const pkg = openPackage(guarded.bytes, guarded.parts);
    const ctx = workbookContext(pkg);
    const budget = { left: MAX_CELL_WARNINGS };
    for (const s of guarded.sheets) {
      // Chart sheets (and dialog or macro sheets) hold no cells and are left
      // out, as is a sheet whose part is missing — as exceljs did.
      if (ctx.worksheets.size > 0 && !ctx.worksheets.has(s.path)) continue;
      const xml = s.path ? pkg.text(s.path) : null;
      if (xml === null) continue;
      const g = new GridBuilder(s.name, file, limits, warnings, budget);
      scanSheet(xml, ctx, g);
      sheets.push(g.finish(guarded.merges.get(s.name) ?? [], s.state));
    }
  } catch (e) {
    return { ok: false, problem: problem('parse-failed', file, { detail: describeError(e) }) };
  }
  return finishRead(file, sheets, warnings);
}

interface Package {
  text(path: string): string | null;
}

const utf8 = new TextDecoder('utf-8');

/**
 * The archive the guard vetted (sizes and checksums checked). Its XML parts
 * come inflated from the guard; anything else is inflated here on demand into
 * a buffer of its known size.
 */
function openPackage(bytes: Uint8Array, kept: Map<string, Uint8Array | string>): Package {
  let byName: Map<string, ZipEntry> | null = null;
  return {
    text(path) {
      const b = kept.get(path);
      if (b !== undefined) {
        // Each part is read once; let it go as soon as it is handed out.
        kept.delete(path);
        return typeof b === 'string' ? b : utf8.decode(b);
      }
      if (!byName) {
        const dir = readZipDirectory(bytes);
        if (!dir.ok) throw new Error('压缩结构损坏');
        byName = new Map(dir.entries.map((e) => [e.name, e]));
      }
      const e = byName.get(path);
      if (!e) return null;
      const data = entryData(bytes, e);
      if (!data) throw new Error(`部件 ${path} 缺失或残缺`);
      const raw = e.method === 0 ? data : inflateSync(data, { out: new Uint8Array(e.size) });
      return utf8.decode(raw);
    },
  };
}

/** Relationship targets of a part as [type suffix (e.g. "/styles"), path resolved against the part]. */
function relTargets(pkg: Package, part: string): [string, string][] {
  const i = part.lastIndexOf('/');
  const xml = pkg.text(`${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`) ?? '';
  const out: [string, string][] = [];
  const t = newTag();
  for (let p = 0; nextTag(xml, p, t); p = t.end) {
    if (t.closing || t.name !== 'Relationship') continue;
    const type = attr(xml, t, 'Type') ?? '';
    const target = attr(xml, t, 'Target');
    if (!target || /^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
    out.push([type.slice(type.lastIndexOf('/')), resolvePart(part, target)]);
  }
  return out;
}

const first = (rels: [string, string][], kind: string): string | undefined => rels.find(([k]) => k === kind)?.[1];

/** Shared strings, date styles and the date system: what every sheet's cells refer to; and which parts are worksheets. */
function workbookContext(pkg: Package): SheetContext & { worksheets: Set<string> } {
  const wbPath = first(relTargets(pkg, ''), '/officeDocument') ?? 'xl/workbook.xml';
  const wbXml = pkg.text(wbPath) ?? '';
  let date1904 = false;
  const t = newTag();
  for (let p = 0; nextTag(wbXml, p, t); p = t.end) {
    if (t.name === 'workbookPr' && !t.closing) {
      const v = attr(wbXml, t, 'date1904');
      date1904 = v === '1' || v === 'true';
      break;
    }
    if (t.name === 'sheets') break;
  }
  const rels = relTargets(pkg, wbPath);
  const sst = pkg.text(first(rels, '/sharedStrings') ?? 'xl/sharedStrings.xml');
  const styles = pkg.text(first(rels, '/styles') ?? 'xl/styles.xml');
  return {
    sharedStrings: sst ? parseSharedStrings(sst) : [],
    dateStyles: styles ? dateStyles(styles) : new Uint8Array(0),
    date1904,
    worksheets: new Set(rels.filter(([k]) => k === '/worksheet').map(([, p]) => p)),
  };
}
