// 导出: the standard workbook (任务台账 / 说明 / 单位名录) the dashboard reads,
// built from the ledger on the active sheet with the jurisdiction, period and
// as-of date the user chose. Read-only for the open workbook.
import { toStandardWorkbook } from '../../shared/enrich';
import { writeWorkbook } from '../../shared/io';
import { isoDate } from '../../shared/merge';
import type { LedgerMeta } from '../../shared/model';
import type { WorkbookGateway } from '../gateway';
import { loadLedger, type RunOptions } from './context';
import { ok, type Outcome } from './result';

export interface ExportOptions extends RunOptions {
  period?: string;
}

export interface ExportResult {
  bytes: Uint8Array;
  fileName: string;
  tasks: number;
  meta: LedgerMeta;
}

export function exportFileName(meta: LedgerMeta): string {
  const parts = [meta.jurisdiction, meta.period, '标准台账', meta.asOf].filter(Boolean) as string[];
  return `${parts.join('-').replace(/[\\/:*?"<>|\s]+/g, '')}.xlsx`;
}

export async function runExport(gateway: WorkbookGateway, opts: ExportOptions): Promise<Outcome<ExportResult>> {
  const loaded = await loadLedger(gateway, opts);
  if (!loaded.ok) return loaded;
  const ctx = loaded.value;
  const meta: LedgerMeta = {
    ...ctx.meta,
    jurisdiction: opts.jurisdiction || ctx.meta.jurisdiction,
    period: opts.period || ctx.meta.period || ctx.ledger.header.progressPeriod,
    asOf: isoDate(ctx.asOf),
  };
  const spec = toStandardWorkbook(ctx.tasks, meta, ctx.directory.units, ctx.settings);
  const bytes = await writeWorkbook(spec);
  return ok({ bytes, fileName: exportFileName(meta), tasks: ctx.tasks.length, meta });
}
