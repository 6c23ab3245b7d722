// Loading and checking one ledger file, shared by validate and enrich.
import type { CliIO } from '../io';
import type { SheetGrid } from '../../shared/model';
import { readLedger, type LedgerRead } from '../../shared/ledger';
import { validate, type CheckCache, type ValidateContext, type ValidateResult } from '../../shared/checks';
import type { ProgressSettings } from '../../shared/progress';
import { loadWorkbookBytes, today } from './common';
import { dateOf } from '../../shared/merge';

export interface Checked {
  grids: SheetGrid[];
  /** The file as read, so a command that writes a copy does not read it again. */
  bytes: Uint8Array;
  ledger: LedgerRead;
  result: ValidateResult;
  asOf: Date;
}

export interface CheckOptions {
  /** --as-of; default the ledger's own 截至日期, else today. */
  asOf?: Date;
  jurisdiction?: string;
  /** Setting flags (override the workbook's 设置 sheet). */
  settings?: Partial<ProgressSettings>;
  /** The previous period's ledger, already checked (--previous). */
  previous?: ValidateContext['previous'];
  cache?: CheckCache;
  /** --json: a refused file is printed as JSON on stdout too. */
  json?: boolean;
}

export async function checkFile(file: string, io: CliIO, opts: CheckOptions = {}): Promise<Checked | null> {
  const loaded = await loadWorkbookBytes(file, io, opts.json === true);
  if (!loaded) return null;
  const { grids, bytes } = loaded;
  const ledger = readLedger(grids, file);
  const fromMeta = dateOf(ledger.meta.asOf) ?? undefined;
  const when = opts.asOf ?? fromMeta ?? today(io);
  const result = validate(ledger, {
    asOf: when,
    jurisdiction: opts.jurisdiction ?? null,
    file,
    settings: opts.settings,
    previous: opts.previous,
    cache: opts.cache,
  });
  return { grids, bytes, ledger, result, asOf: when };
}

export const isoDay = (d: Date) => d.toISOString().slice(0, 10);
