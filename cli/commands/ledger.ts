// Loading and checking one ledger file, shared by validate and enrich.
import type { CliIO } from '../io';
import type { SheetGrid } from '../../shared/model';
import { readLedger, type LedgerRead } from '../../shared/ledger/read';
import { validate, type ValidateResult } from '../../shared/checks/validate';
import { loadWorkbookBytes, today } from './common';
import { dateOf } from '../../shared/merge/combine';

export interface Checked {
  grids: SheetGrid[];
  /** The file as read, so a command that writes a copy does not read it again. */
  bytes: Uint8Array;
  ledger: LedgerRead;
  result: ValidateResult;
  asOf: Date;
}

export async function checkFile(file: string, io: CliIO, asOf: Date | undefined, jurisdiction?: string, json = false): Promise<Checked | null> {
  const loaded = await loadWorkbookBytes(file, io, json);
  if (!loaded) return null;
  const { grids, bytes } = loaded;
  const ledger = readLedger(grids, file);
  const fromMeta = dateOf(ledger.meta.asOf) ?? undefined;
  const when = asOf ?? fromMeta ?? today(io);
  const result = validate(ledger, { asOf: when, jurisdiction: jurisdiction ?? null, file });
  return { grids, bytes, ledger, result, asOf: when };
}

export const isoDay = (d: Date) => d.toISOString().slice(0, 10);
