// mergeToWorkbook: the merged tasks as a standard workbook (任务台账 with 来源,
// 说明, 单位名录 — the enrich module's layout) plus the 导入报告 sheet: one
// line per file, then the duplicate groups and which row was kept.
import type { CellValue, LedgerMeta } from '../model';
import type { SheetSpec, WorkbookSpec } from '../io/spec';
import { toStandardWorkbook } from '../enrich';
import { LEDGER_SHEET, REPORT_SHEET } from '../ledger/standard';
import type { MergeResult, MergedTask } from './types';
import { formatSource, sameSource, REASON_LABEL, RULE_LABEL, STATUS_LABEL } from './messages';

export const REPORT_COLUMNS = ['文件', '状态', '读取行数', '问题数', '原因/说明'] as const;
export const DUPLICATE_COLUMNS = ['重复任务', '保留', '未计入的重复行', '判定依据', '保留原因'] as const;

/** 来源 cell: the kept row, then the other files that report the same task. */
export function sourceCell(task: MergedTask): string {
  const own = formatSource(task.source);
  return task.alsoIn?.length ? `${own}(另见 ${task.alsoIn.map(formatSource).join('、')})` : own;
}

/**
 * One meta for the merged workbook: 辖区 and 报告期 when every file that states
 * one states the same (the batch scope of identity.ts), the plan period when
 * all agree, 截至日期 the merge's date.
 */
export function mergedMeta(result: MergeResult): LedgerMeta {
  const metas = result.files.filter((f) => f.status === 'ok').map((f) => f.meta);
  const agreed = <K extends keyof LedgerMeta>(k: K, ignoreMissing: boolean): LedgerMeta[K] | null => {
    const values = [...new Set(metas.map((m) => JSON.stringify(m[k] ?? null)))].filter((v) => !ignoreMissing || v !== 'null');
    return values.length === 1 ? (JSON.parse(values[0]!) as LedgerMeta[K]) : null;
  };
  const jurisdiction = agreed('jurisdiction', true);
  const period = agreed('period', true);
  return {
    jurisdiction,
    period,
    asOf: result.asOf ?? agreed('asOf', false),
    title: `${jurisdiction ?? ''}${period ?? ''}合并台账(${metas.length} 份)`,
    planPeriod: agreed('planPeriod', false),
  };
}

export function reportRows(result: MergeResult): CellValue[][] {
  const rows: CellValue[][] = [[...REPORT_COLUMNS]];
  for (const f of result.files) {
    rows.push([f.file, STATUS_LABEL[f.status], f.rows, f.findings, f.reason ?? f.note ?? '']);
  }
  const ok = result.files.filter((f) => f.status === 'ok').length;
  rows.push([`合计 ${result.files.length} 个文件,已合并 ${ok} 个,未能读取 ${result.files.length - ok} 个`, null, result.tasks.length, result.findings.length, `重复任务 ${result.duplicates.length} 组`]);
  if (result.duplicates.length) {
    rows.push([]);
    rows.push([...DUPLICATE_COLUMNS]);
    for (const d of result.duplicates) {
      const kept = d.kept ?? d.sources[0]!;
      const others = d.sources.filter((s) => !sameSource(s, kept));
      rows.push([
        d.title ?? d.key,
        formatSource(kept),
        others.map(formatSource).join('\n'),
        d.rule ? RULE_LABEL[d.rule] : '',
        d.reason ? REASON_LABEL[d.reason] : '',
      ]);
    }
  }
  return rows;
}

export function mergeToWorkbook(result: MergeResult): WorkbookSpec {
  // The title comes from mergedMeta, which always names one (toStandardWorkbook copies it).
  const spec = toStandardWorkbook(result.tasks, mergedMeta(result), result.directory, result.settings);
  const ledger = spec.sheets.find((s: SheetSpec) => s.name === LEDGER_SHEET);
  if (ledger) fillSources(ledger, result.tasks);
  const report: SheetSpec = {
    name: REPORT_SHEET,
    rows: reportRows(result),
    headerRow: 0,
    widths: [36, 10, 10, 10, 70],
    wrapColumns: [0, 2, 4],
  };
  // the report sits right after the ledger: it is what a clerk checks first
  const at = ledger ? spec.sheets.indexOf(ledger) + 1 : spec.sheets.length;
  spec.sheets.splice(at, 0, report);
  return spec;
}

/** Writes the 来源 column (file › sheet › 第N行, and the duplicates' files) row by row. */
function fillSources(sheet: SheetSpec, tasks: MergedTask[]): void {
  const headerAt = sheet.headerRow ?? sheet.rows.findIndex((r) => r.includes('来源'));
  const header = sheet.rows[headerAt];
  if (!header) return;
  let col = header.indexOf('来源');
  if (col < 0) {
    col = header.length;
    header.push('来源');
  }
  if (sheet.widths) sheet.widths[col] = Math.max(sheet.widths[col] ?? 0, 40);
  tasks.forEach((task, i) => {
    const row = sheet.rows[headerAt + 1 + i];
    if (!row) return;
    while (row.length <= col) row.push(null);
    row[col] = sourceCell(task);
  });
}
