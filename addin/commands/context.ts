// The ledger under the cursor: read the active sheet (and the 单位名录 sheet
// when there is one) in one call, then let the core find the header, read the
// rows and check them. Every command starts here.
import type { Finding, LedgerMeta, SheetGrid, Task } from '../../shared/model';
import { readLedger, validate, type LedgerSheet } from '../../shared/ledger';
import { createDirectory, defaultDirectory, type Directory } from '../../shared/owners';
import { DIRECTORY_SHEET } from '../../shared/ledger/standard';
import type { ReadBack, SheetRead, WorkbookGateway } from '../gateway';
import { ADDIN_MESSAGES } from '../messages';
import { fail, ok, type Outcome } from './result';

export interface LedgerContext {
  read: ReadBack;
  /** The active sheet as read. */
  sheet: SheetRead;
  ledger: LedgerSheet;
  tasks: Task[];
  findings: Finding[];
  directory: Directory;
  meta: LedgerMeta;
}

export interface RunOptions {
  asOf: Date;
  /** Bundled directory to fall back on when the workbook has no 单位名录 (e.g. 成都市锦江区). */
  jurisdiction?: string;
}

export function directoryFor(own: { units: import('../../shared/model').Unit[]; groups: import('../../shared/model').UnitGroup[] } | null, jurisdiction: string | undefined): Directory {
  const base = defaultDirectory(jurisdiction || undefined);
  if (!own || !own.units.length) return base;
  // The workbook's own names first: officials edit them and they win.
  return createDirectory([...own.units, ...base.units], [...own.groups, ...base.groups]);
}

/** Pure part: from what was read to the checked ledger. */
export function ledgerFrom(read: ReadBack, opts: RunOptions): Outcome<LedgerContext> {
  const sheet = read.active;
  if (!sheet) return fail(ADDIN_MESSAGES.emptySheet(''));
  if (!sheet.rows.length) return fail(ADDIN_MESSAGES.emptySheet(sheet.name));
  const grids: SheetGrid[] = [sheet];
  const dirSheet = read.sheets[DIRECTORY_SHEET];
  if (dirSheet && dirSheet.name !== sheet.name) grids.push(dirSheet);
  const ledger = readLedger(grids);
  const own = ledger.sheets.find((s) => s.sheet === sheet.name);
  if (!own) return fail(ADDIN_MESSAGES.noLedger(sheet.name));
  const jurisdiction = opts.jurisdiction || ledger.meta.jurisdiction || undefined;
  const directory = directoryFor(ledger.directory, jurisdiction);
  const checked = validate({ ...ledger, sheets: [own] }, { directory, asOf: opts.asOf, plan: ledger.meta.planPeriod });
  const findings = uniqueFindings([...ledger.findings.filter((f) => f.sheet === sheet.name), ...checked.findings]);
  return ok({ read, sheet, ledger: own, tasks: checked.tasks, findings, directory, meta: ledger.meta });
}

export async function loadLedger(gateway: WorkbookGateway, opts: RunOptions, extra: { highlights?: boolean } = {}): Promise<Outcome<LedgerContext>> {
  const read = await gateway.read({ active: true, names: [DIRECTORY_SHEET], ...extra });
  return ledgerFrom(read, opts);
}

/** readLedger's structural findings may come back from validate too; keep each once. */
function uniqueFindings(all: Finding[]): Finding[] {
  const seen = new Set<string>();
  return all.filter((f) => {
    const k = `${f.sheet}|${f.row}|${f.col ?? f.column}|${f.code}|${JSON.stringify(f.params)}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
