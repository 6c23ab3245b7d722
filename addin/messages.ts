// Every message the pane shows, zh-CN, in one table. Commands return a code
// and params; the pane turns them into text here. Excel's failures are told
// by `e.code`: Microsoft documents the codes as stable and the message as
// "not intended for consumption by end users" ("Error handling with the
// application-specific JavaScript APIs"), so e.message is only ever a
// details line under our own sentence.
import type { MessageTable } from '../shared/wording';
import { errorCode } from './excel-rules';

export const ADDIN_MESSAGES = {
  noLedger: (p: { sheet: string }) => `工作表「${p.sheet}」中没有找到台账表头（需要「牵头单位」「任务内容」等列）。请切换到台账所在的工作表后重试。`,
  emptySheet: (p: { sheet: string }) => `工作表「${p.sheet}」是空的。请切换到台账所在的工作表，或先在「生成台账」中生成一张台账。`,
  noTasks: (p: { sheet: string }) => `工作表「${p.sheet}」的表头下没有任务行。请在表头下填写任务后重试，或切换到有任务的台账工作表。`,
  noEnrichBlock: () => '当前工作表中没有补全列，无需移除。',
  staleCell: (p: { cell: string }) => `单元格 ${p.cell} 在查找后已被修改，请重新点击「查找未识别单位」后再接受建议。`,
  wrongSheet: (p: { sheet: string }) => `建议来自工作表「${p.sheet}」，当前已切换到其他工作表。请切换回「${p.sheet}」并重新点击「查找未识别单位」后再接受建议。`,
  noSuggestion: () => '没有可接受的单位名称建议。',
  planEmpty: () => '请粘贴方案文本或选择 .docx / .txt 文件。',
  planNoTasks: () => '未能从文本中识别出任务。请确认粘贴的是实施方案或工作要点正文（含「一、」「（一）」「1.」等编号）。',
  noDirectorySheet: () => '工作簿中还没有「单位名录」工作表，请先点击「创建/打开单位名录」。',
  noOwnerColumns: () => '台账中没有「牵头单位」或「责任单位」列，无法添加下拉列表。',
  badDate: () => '截至日期无效，暂按今天计算；请选择一个日期。',
  noComments: () => '当前 Excel 版本不支持批注和备注（需要 ExcelApi 1.10），原值未能保留。新值已写入；如需保留原值，请升级 Excel 或手动记录。',
  commentFailed: (p: { why: string }) => `部分原值未能写入批注或备注：${p.why} 新值已写入；如需保留原值，请手动为这些单元格添加备注。`,
  commentFailedAt: (p: { cells: readonly string[]; why: string }) => `单元格 ${p.cells.join('、')} 的原值未能写入批注或备注（这些单元格可能已有旧式批注）：${p.why} 新值已写入，其他单元格的原值已保留；请手动为这些单元格补记原值。`,
  mergesSkipped: (p: { from: number; to: number }) => `第 ${p.from}–${p.to} 行的合并单元格过多（Excel 一次最多返回 512 个），未能读取这些行的合并信息，合并单元格按未合并处理（如「类别」只在首行有值）。如结果不对，请取消部分合并后重试。`,
  /**
   * The pane's floor, ExcelApi 1.9: Excel 2021 (also LTSC), Microsoft 365 or retail Office updated to
   * Windows version 1903 / Mac 16.24, or Excel on the web; volume-licensed Excel 2019 stops at 1.7 and
   * Excel 2016 at 1.1 ("Excel JavaScript API requirement sets").
   */
  oldExcel: () => '当前 Excel 版本过旧：科素台账需要 ExcelApi 1.9，即 Excel 2021（含 LTSC 批量授权版）、Microsoft 365 或零售版 Office（Windows 版本 1903 或更高、Mac 版本 16.24 或更高），或 Excel 网页版。批量授权版 Excel 2019 和 Excel 2016 不支持，请升级 Office 或改用 Excel 网页版。',
  notInExcel: () => '此页面是科素台账的 Excel 任务窗格，需要在 Excel 中打开。没有 Excel 时，请打开同一地址下的 demo.html 演示页。',
  /** Shown while a command waits: Excel holds it (delayForCellEdit) until the user leaves the cell being edited. */
  editModeHint: () => '如果 Excel 中有单元格正处于编辑状态，命令会等到编辑结束：请在该单元格中按 Enter 或 Tab，或点击其他单元格。',
  exportOpened: (p: { file: string; tasks: number }) => `已在新的 Excel 窗口中打开导出的标准台账（${p.tasks} 项任务）。请在该窗口中用「文件 > 另存为」保存为「${p.file}」，再在看板中打开。`,
  exportSaved: (p: { file: string; tasks: number }) => `已导出「${p.file}」（${p.tasks} 项任务），可在看板中打开。`,
  failureDetails: (p: { why: string }) => `详细信息（Excel 原文）：${p.why}`,
} as const satisfies MessageTable;

/**
 * What to tell the user when Excel refuses, by `e.code` (Excel.ErrorCodes and
 * the codes in "Error handling with the application-specific JavaScript APIs").
 */
export const HOST_ERROR_TEXT: Record<string, string> = {
  AccessDenied: 'Excel 拒绝修改：工作表或工作簿受保护，或文件以只读方式打开。请在「审阅 > 撤消工作表保护」后重试；只读文件请先另存一份再操作。',
  InvalidOperationInCellEditMode: 'Excel 正处于单元格编辑状态，无法执行命令。请在正在编辑的单元格中按 Enter 或 Tab（或点击其他单元格）结束编辑后重试。',
  ItemNotFound: '要操作的工作表或对象已不存在，可能刚被重命名、删除或移动。请重新点击命令；如仍失败，请先重新校验。',
  ItemAlreadyExists: '同名的工作表或对象已存在（Excel 不区分大小写）。请改名或删除原有的同名工作表后重试。',
  ResponsePayloadSizeLimitExceeded: 'Excel 网页版单次最多返回 5 MB 数据，读取已分段仍超出限制。请在桌面版 Excel 中操作，或把台账拆分到多个工作表后重试。',
  RequestPayloadSizeLimitExceeded: 'Excel 网页版单次最多接收 5 MB 数据，写入已分段仍超出限制。请在桌面版 Excel 中操作，或拆分台账后重试。',
  GeneralException: 'Excel 内部出错，命令未能完成。请保存工作簿、关闭后重新打开再试；如仍出错，请改用桌面版 Excel 或 Excel 网页版操作。',
  InvalidArgument: 'Excel 拒绝了这次操作（地址或内容超出 Excel 的限制，例如超过第 1,048,576 行）。请检查台账是否超出 Excel 的行列范围后重试。',
  InvalidReference: 'Excel 中引用的区域已失效，可能刚被删除或移动。请重新点击命令。',
  InvalidOperation: 'Excel 当前不允许这项操作（例如区域与表格、合并单元格冲突）。请检查台账中的表格和合并单元格后重试。',
  InsertDeleteConflict: '插入或删除列与工作表中的表格、合并单元格冲突。请先取消相关合并或转换表格为普通区域后重试。',
  MergedRangeConflict: '操作与合并单元格冲突。请取消相关单元格的合并后重试。',
  UnsupportedSheet: '当前工作表是图表或宏工作表，不支持此操作。请切换到普通工作表后重试。',
  UnsupportedOperation: '当前 Excel 不支持这项操作。请升级 Excel，或改用 Excel 网页版。',
  NotImplemented: '当前 Excel 平台尚未实现这项功能。请改用 Windows 版 Excel 或 Excel 网页版。',
  ApiNotFound: '当前 Excel 版本缺少所需的功能。请升级到 Microsoft 365 或 Excel 2021 后重试。',
  ActivityLimitReached: 'Excel 暂时繁忙（操作次数达到上限）。请稍候片刻再试。',
  RequestAborted: '命令在执行中被中断（可能切换或关闭了工作簿）。请回到台账工作簿后重试。',
  InactiveWorkbook: '打开了多个工作簿，命令所在的工作簿已不是当前窗口。请切换回台账工作簿后重试。',
  Conflict: '工作簿正被他人同时编辑，发生冲突。请稍候片刻再试。',
  RangeExceedsLimit: '区域的单元格数超过 Excel 的上限。请拆分台账后重试。',
  OperationCellsExceedLimit: '操作涉及的单元格超过 Excel 网页版的上限。请检查工作表右侧或下方是否有多余内容，删除后重试。',
};

/** Any other failure: Excel's own words go in the details line. */
const UNKNOWN = 'Excel 未能完成操作，部分改动可能已写入。请检查工作表后重试；如仍失败，请关闭并重新打开工作簿。';

/** What the status line says about a failure: our sentence by `e.code`, and Excel's message as details. */
export function hostFailure(e: unknown): { text: string; details: string | null } {
  const code = errorCode(e);
  const why = e instanceof Error ? e.message : e == null ? '' : String(e);
  const text = (code && HOST_ERROR_TEXT[code]) || UNKNOWN;
  const details = why || code ? ADDIN_MESSAGES.failureDetails({ why: [code, why].filter(Boolean).join('：') }) : null;
  return { text, details };
}
