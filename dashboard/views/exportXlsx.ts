// The filtered table as .xlsx, written by the core's writer (which neutralises
// cells starting with = + - @, so nothing becomes a formula).
import type { CellValue } from '../../shared/model';
import { unitKeys } from '../../shared/aggregate';
import type { MergedTask } from '../load';

const HEADERS = ['辖区', '报告期', '截至日期', '序号', '类别', '人群', '工程', '重点任务', '任务内容', '牵头单位', '责任单位', '完成时限', '工作进展', '完成值', '完成率', '状态', '来源'];

export async function tasksToXlsx(tasks: MergedTask[]): Promise<Uint8Array> {
  const rows: CellValue[][] = [HEADERS];
  for (const t of tasks) {
    rows.push([
      t.meta.jurisdiction,
      t.meta.period,
      t.meta.asOf,
      t.id,
      t.category,
      t.population?.canonical ?? null,
      t.project?.canonical ?? null,
      t.title,
      t.content,
      unitKeys(t).join('、') || t.leadsText,
      t.partnersText,
      t.deadlineText,
      t.progressText,
      t.actual,
      t.completion === null ? null : Math.round(t.completion * 1000) / 1000,
      t.status,
      `${t.source.file} / ${t.source.sheet} 第${t.source.row}行`,
    ]);
  }
  // The writer (exceljs) loads on first export, not with the page.
  const { writeWorkbook } = await import('../../shared/io');
  return writeWorkbook({
    title: '任务明细（看板导出）',
    creator: '科素台账',
    sheets: [{ name: '任务明细', rows, headerRow: 0, widths: [14, 14, 12, 6, 16, 12, 18, 24, 40, 20, 24, 10, 30, 8, 8, 10, 30], wrapColumns: [8] }],
  });
}
