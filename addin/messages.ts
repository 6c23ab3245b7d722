// Every message the pane shows, zh-CN, in one table. Commands return a code
// and params; the pane turns them into text here.
export const ADDIN_MESSAGES = {
  noLedger: (sheet: string) => `工作表「${sheet}」中没有找到台账表头（需要「牵头单位」「任务内容」等列）。请切换到台账所在的工作表后重试。`,
  emptySheet: (sheet: string) => `工作表「${sheet}」是空的。请切换到台账所在的工作表，或先在「生成台账」中生成一张台账。`,
  noTasks: (sheet: string) => `工作表「${sheet}」的表头下没有任务行。请在表头下填写任务后重试，或切换到有任务的台账工作表。`,
  noEnrichBlock: '当前工作表中没有补全列，无需移除。',
  staleCell: (cell: string) => `单元格 ${cell} 在查找后已被修改，请重新点击「查找未识别单位」后再接受建议。`,
  wrongSheet: (sheet: string) => `建议来自工作表「${sheet}」，当前已切换到其他工作表。请切换回「${sheet}」并重新点击「查找未识别单位」后再接受建议。`,
  noSuggestion: '没有可接受的单位名称建议。',
  planEmpty: '请粘贴方案文本或选择 .docx / .txt 文件。',
  planNoTasks: '未能从文本中识别出任务。请确认粘贴的是实施方案或工作要点正文（含「一、」「（一）」「1.」等编号）。',
  hostFailed: (why: string) => `Excel 未能完成操作：${why}。部分改动可能已写入，请检查工作表后重试。`,
  noDirectorySheet: '工作簿中还没有「单位名录」工作表，请先点击「创建/打开单位名录」。',
  noOwnerColumns: '台账中没有「牵头单位」或「责任单位」列，无法添加下拉列表。',
  badDate: '截至日期无效，暂按今天计算；请选择一个日期。',
  noComments: '当前 Excel 版本不支持批注（需要 ExcelApi 1.10），原值未能以批注保留。新值已写入；如需保留原值，请升级 Excel 或手动记录。',
  commentFailed: (why: string) => `部分批注未能写入：${why}。新值已写入；如需保留原值，请手动为这些单元格添加批注。`,
} as const;

/** Wording of an unexpected failure, for the status line. */
export function failureText(e: unknown): string {
  const why = e instanceof Error ? e.message : String(e);
  return ADDIN_MESSAGES.hostFailed(why || '未知错误');
}
