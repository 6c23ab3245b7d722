// The ledger under the cursor: read the active sheet (and the 单位名录 sheet
// when there is one) in one call, then let the core find the header, read the
// rows and check them. Every command starts here.
import type { Finding, LedgerMeta, SheetGrid, Task } from '../../shared/model';
import { directoryFor, DIRECTORY_SHEET, readLedger, validate, type LedgerSheet } from '../../shared/ledger';
import { CheckCache } from '../../shared/checks';
import type { Directory } from '../../shared/owners';
import { SETTINGS_SHEET, type ProgressSettings } from '../../shared/progress';
import { dateOf, todayDate } from '../../shared/merge';
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
  /** The date the tasks were judged as of, and where it came from. */
  asOf: Date;
  asOfSource: AsOfSource;
  /** The thresholds in force (defaults, or the workbook's 设置 sheet). */
  settings: ProgressSettings;
}

/** 'chosen': picked in the pane; 'ledger': the 截至日期 of the ledger's title rows (or 说明 sheet); 'today': neither. */
export type AsOfSource = 'chosen' | 'ledger' | 'today';

/**
 * The date to judge as of: the one picked in the pane, else the ledger's own
 * 截至日期 (a 2023年上半年 ledger is judged at 30 June 2023, not today), else today.
 */
export function asOfFor(chosen: Date | undefined, meta: LedgerMeta, now?: Date): { asOf: Date; source: AsOfSource } {
  if (chosen) return { asOf: chosen, source: 'chosen' };
  const own = dateOf(meta.asOf);
  return own ? { asOf: own, source: 'ledger' } : { asOf: todayDate(now), source: 'today' };
}

export interface RunOptions {
  /** The 截至日期 picked in the pane; absent: the ledger's own (asOfFor). */
  asOf?: Date;
  /** 辖区 picked in the pane (e.g. 成都市锦江区): its bundled directory completes the workbook's 单位名录 (or stands in for it), and owner matching uses it. */
  jurisdiction?: string;
  /**
   * The pane's, kept for its life: the 单位名录's Directory and the owner
   * readings keyed on it survive from one click to the next. Absent: each
   * command builds its own.
   */
  cache?: CheckCache;
}

/** Pure part: from what was read to the checked ledger. */
export function ledgerFrom(read: ReadBack, opts: RunOptions): Outcome<LedgerContext> {
  const sheet = read.active;
  if (!sheet) return fail(ADDIN_MESSAGES.emptySheet({ sheet: '' }));
  if (!sheet.rows.length) return fail(ADDIN_MESSAGES.emptySheet({ sheet: sheet.name }));
  const grids: SheetGrid[] = [sheet];
  const dirSheet = read.sheets[DIRECTORY_SHEET];
  if (dirSheet && dirSheet.name !== sheet.name) grids.push(dirSheet);
  // The 设置 sheet's thresholds (red gap …) judge the ledger as kesu validate does.
  const setSheet = read.sheets[SETTINGS_SHEET];
  if (setSheet && setSheet.name !== sheet.name) grids.push(setSheet);
  const ledger = readLedger(grids);
  const own = ledger.sheets.find((s) => s.sheet === sheet.name);
  if (!own) return fail(ADDIN_MESSAGES.noLedger({ sheet: sheet.name }));
  // The 辖区 picked in the pane wins over the one the title rows state; validate
  // gets it too, so owner matching (上级/本级 rules) uses the same one.
  const jurisdiction = opts.jurisdiction || ledger.meta.jurisdiction || null;
  // The pane's cache keeps one Directory per 单位名录 content, so the owner
  // readings keyed on that object survive from one click to the next.
  const cache = opts.cache ?? new CheckCache();
  const directory = directoryFor(ledger, jurisdiction, cache.directories);
  const when = asOfFor(opts.asOf, ledger.meta);
  const checked = validate({ ...ledger, sheets: [own] }, { directory, jurisdiction, asOf: when.asOf, plan: ledger.meta.planPeriod, cache });
  // validate already returns readLedger's structural findings (this sheet's and
  // the 单位名录's) ahead of the row findings: each once.
  return ok({
    read,
    sheet,
    ledger: own,
    tasks: checked.tasks,
    findings: checked.findings,
    directory,
    meta: ledger.meta,
    asOf: when.asOf,
    asOfSource: when.source,
    settings: checked.settings,
  });
}

export async function loadLedger(gateway: WorkbookGateway, opts: RunOptions, extra: { highlights?: boolean } = {}): Promise<Outcome<LedgerContext>> {
  const read = await gateway.read({ active: true, names: [DIRECTORY_SHEET, SETTINGS_SHEET], ...extra });
  return ledgerFrom(read, opts);
}
