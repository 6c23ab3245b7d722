// The ledger under the cursor: read the active sheet (and the 单位名录 sheet
// when there is one) in one call, then let the core find the header, read the
// rows and check them. Every command starts here.
import type { Finding, LedgerMeta, SheetGrid, Task } from '../../shared/model';
import { directoryFor, readLedger, validate, type LedgerSheet } from '../../shared/ledger';
import type { Directory } from '../../shared/owners';
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
  /** 辖区 picked in the pane (e.g. 成都市锦江区): its bundled directory completes the workbook's 单位名录 (or stands in for it), and owner matching uses it. */
  jurisdiction?: string;
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
  // The 辖区 picked in the pane wins over the one the title rows state; validate
  // gets it too, so owner matching (上级/本级 rules) uses the same one.
  const jurisdiction = opts.jurisdiction || ledger.meta.jurisdiction || null;
  // The core's directoryFor keeps one Directory per 单位名录 content, so the
  // owner caches keyed on that object survive from one click to the next.
  const directory = directoryFor(ledger, jurisdiction);
  const checked = validate({ ...ledger, sheets: [own] }, { directory, jurisdiction, asOf: opts.asOf, plan: ledger.meta.planPeriod });
  // validate already returns readLedger's structural findings (this sheet's and
  // the 单位名录's) ahead of the row findings: each once.
  return ok({ read, sheet, ledger: own, tasks: checked.tasks, findings: checked.findings, directory, meta: ledger.meta });
}

export async function loadLedger(gateway: WorkbookGateway, opts: RunOptions, extra: { highlights?: boolean } = {}): Promise<Outcome<LedgerContext>> {
  const read = await gateway.read({ active: true, names: [DIRECTORY_SHEET], ...extra });
  return ledgerFrom(read, opts);
}
