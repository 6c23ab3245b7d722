// toStandardWorkbook: tasks → the standard ledger workbook (标准台账) of
// shared/ledger/standard.ts: 任务台账 + 说明 + 单位名录. What import-plan,
// 导出, kesu merge write, and what the dashboard reads back exactly.
import type { CellValue, LedgerMeta, Task, Unit } from '../model';
import type { SheetSpec, WorkbookSpec } from '../io/spec';
import { adminLevelOf, directoryToRows } from '../owners';
import { DIRECTORY_SHEET, LEDGER_SHEET, META_KEYS, META_SHEET, STANDARD_COLUMNS, type StandardColumn } from '../ledger/standard';
import { ownerText, roundRate } from './columns';
import { basisText, isDefault, SETTINGS_SHEET, settingsRows, type ProgressSettings } from '../progress';

const WIDTHS: Partial<Record<StandardColumn, number>> = {
  序号: 6, 类别: 18, 人群: 10, 工程: 14, 重点任务: 22, 任务内容: 50, 牵头单位: 24, 责任单位: 30, 完成时限: 10,
  量化目标: 24, 目标值: 8, 单位: 6, 截止年份: 8, 工作进展: 30, 完成状态: 10, 完成进度: 8, 完成值: 8, 完成率: 8, 状态: 8,
  红黄绿灯: 6, 判断依据: 24, 备注: 16, 来源: 20,
};
const WRAP: StandardColumn[] = ['任务内容', '重点任务', '牵头单位', '责任单位', '量化目标', '工作进展', '判断依据'];

/** 量化目标 as written: the 量化目标 cell, else the phrases the targets were read from. */
function targetText(t: Task): string {
  return t.targetText || t.targets.map((x) => x.text).join(';');
}

export function standardRow(t: Task): CellValue[] {
  const primary = t.targets[0];
  const values: Record<StandardColumn, CellValue> = {
    序号: t.id,
    类别: t.category,
    人群: t.population?.canonical ?? '',
    工程: t.project?.canonical ?? '',
    重点任务: t.title,
    任务内容: t.content,
    牵头单位: t.leadsText || ownerText(t.leads),
    责任单位: t.partnersText || ownerText(t.partners),
    完成时限: t.deadlineText || (t.recurrence === 'annual' ? '每年' : t.deadlineYear ? `${t.deadlineYear}年底` : ''),
    量化目标: targetText(t),
    目标值: primary ? primary.value : null,
    单位: primary ? primary.unit : '',
    截止年份: t.recurrence === 'annual' ? '每年' : t.deadlineYear,
    工作进展: t.progressText,
    完成状态: t.statusText ?? '',
    完成进度: t.shareRaw instanceof Date ? null : t.shareRaw ?? null,
    完成值: t.actual ?? (t.actualRaw instanceof Date ? null : t.actualRaw),
    完成率: roundRate(t.completion),
    状态: t.status,
    红黄绿灯: t.light,
    判断依据: basisText(t),
    备注: t.note,
    来源: `${t.sheet}!${t.row}`,
  };
  return STANDARD_COLUMNS.map((c) => values[c]);
}

export function metaRows(meta: LedgerMeta): CellValue[][] {
  return [
    ['项目', '内容'],
    [META_KEYS.jurisdiction, meta.jurisdiction ?? ''],
    [META_KEYS.level, adminLevelOf(meta.jurisdiction) ?? ''],
    [META_KEYS.period, meta.period ?? ''],
    [META_KEYS.asOf, meta.asOf ?? ''],
    [META_KEYS.planStart, meta.planPeriod?.start ?? null],
    [META_KEYS.planEnd, meta.planPeriod?.end ?? null],
    [META_KEYS.title, meta.title ?? ''],
    [META_KEYS.generator, 'kesu 科素台账'],
  ];
}

/**
 * The standard workbook of tasks. settings, when given and not the defaults,
 * become its 设置 sheet, so that reading it back judges with the same thresholds.
 */
export function toStandardWorkbook(tasks: Task[], meta: LedgerMeta, directory?: readonly Unit[], settings?: ProgressSettings): WorkbookSpec {
  const ledger: SheetSpec = {
    name: LEDGER_SHEET,
    rows: [[...STANDARD_COLUMNS], ...tasks.map(standardRow)],
    headerRow: 0,
    widths: STANDARD_COLUMNS.map((c) => WIDTHS[c] ?? 10),
    wrapColumns: WRAP.map((c) => STANDARD_COLUMNS.indexOf(c)),
  };
  const sheets: SheetSpec[] = [ledger, { name: META_SHEET, rows: metaRows(meta), headerRow: 0, widths: [14, 60] }];
  if (directory && directory.length) {
    // No list validation on owner cells: one cell names several units (A、B), which a list would refuse.
    sheets.push({ name: DIRECTORY_SHEET, rows: directoryToRows(directory), headerRow: 0, widths: [30, 24, 10, 16, 10, 14] });
  }
  if (settings && !isDefault(settings)) sheets.push({ name: SETTINGS_SHEET, rows: settingsRows(settings), headerRow: 0, widths: [18, 8, 50] });
  return { sheets, title: meta.title ?? undefined, creator: 'kesu 科素台账' };
}
