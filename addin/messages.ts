// Every message the pane shows, zh-CN, in one table. Commands return a code
// and params; the pane turns them into text here.
export const ADDIN_MESSAGES = {
  noLedger: (sheet: string) => `工作表「${sheet}」中没有找到台账表头（需要「牵头单位」「任务内容」等列）。请切换到台账所在的工作表后重试。`,
  emptySheet: (sheet: string) => `工作表「${sheet}」是空的。`,
  noTasks: (sheet: string) => `工作表「${sheet}」的表头下没有任务行。`,
  noEnrichBlock: '当前工作表中没有补全列，无需移除。',
  staleCell: (cell: string) => `单元格 ${cell} 在校验后已被修改，请重新校验后再接受建议。`,
  noSuggestion: '没有可接受的单位名称建议。',
  planEmpty: '请粘贴方案文本或选择 .docx / .txt 文件。',
  planNoTasks: '未能从文本中识别出任务。请确认粘贴的是实施方案或工作要点正文（含「一、」「（一）」「1.」等编号）。',
  hostFailed: (why: string) => `Excel 未能完成操作：${why}。工作簿未被部分修改之外的内容不受影响，请重试。`,
  noDirectorySheet: '工作簿中还没有「单位名录」工作表，请先点击「创建/打开单位名录」。',
  noOwnerColumns: '台账中没有「牵头单位」或「责任单位」列，无法添加下拉列表。',
  badDate: '截至日期无效，请选择一个日期。',
} as const;

/** Wording of an unexpected failure, for the status line. */
export function failureText(e: unknown): string {
  const why = e instanceof Error ? e.message : String(e);
  return ADDIN_MESSAGES.hostFailed(why || '未知错误');
}
