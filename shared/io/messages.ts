// zh-CN wording of every file-level problem the io layer reports. Codes are
// stable (tests, the CLI's --json and the merge report key on them); the
// wording names the file and, where it applies, the sheet, row and column.
import type { FileProblem } from '../model';
import { codesOf, word, type MessageTable, type ParamsOf } from '../wording';

/** A value a message shows (a count may come formatted, '200,000'). */
type Shown = string | number;

const CONVERT = '请用 Excel 或 WPS 打开后「另存为」Excel 工作簿 (.xlsx) 再导入。';
/** For a file damaged in transit: another copy, else Excel's own repair. */
const REFETCH = '请重新获取原文件（重新下载，或请发送人重新发送）；若只有这一份，可先用 Excel 或 WPS 打开（会提示修复），修复后另存为 .xlsx 再导入。';
/** For a package a program wrote incompletely. */
const RESAVE = '文件可能由其他程序生成得不完整。请用 Excel 或 WPS 打开后另存为 .xlsx 再导入；打不开时请向提供文件的人要一份完整的。';

// Every message names the file and says, in the user's terms, what is wrong
// and what to do. A library's own text (fflate's "invalid distance", a
// stack overflow, an index out of bounds …) never goes into a message: the
// caller passes it as `detail`, which problem() keeps in FileProblem.detail
// for support (the CLI's --json shows it).
const MESSAGES = {
  'empty-file': (p: { file: string }) => `文件「${p.file}」是空文件（0 字节），没有可读的内容。请确认选对了文件，或重新获取原文件。`,
  'not-xlsx': (p: { file: string; reason?: Shown }) => `文件「${p.file}」不是 Excel 工作簿 (.xlsx)${p.reason ? `（${p.reason}）` : ''}。${CONVERT}`,
  'zip-truncated': (p: { file: string; entry?: Shown }) =>
    `文件「${p.file}」不完整（文件被截断，可能下载或拷贝未完成）${p.entry ? `，部件 ${p.entry} 缺失或残缺` : ''}。请重新获取原文件。`,
  'zip-corrupt': (p: { file: string; entry?: Shown }) => `文件「${p.file}」已损坏：部件 ${p.entry ?? ''} 的压缩数据损坏，无法解压。${REFETCH}`,
  'zip-directory-corrupt': (p: { file: string }) => `文件「${p.file}」已损坏：文件目录（压缩包的中央目录）损坏，找不到其中的工作表。${REFETCH}`,
  'zip-encrypted-entry': (p: { file: string; entry: Shown }) => `文件「${p.file}」的部件 ${p.entry} 被压缩软件加了密码，无法读取。请用 Excel 或 WPS 打开（输入密码）后另存为 .xlsx 再导入。`,
  'zip-unsupported-method': (p: { file: string; entry: Shown; method: Shown }) => `文件「${p.file}」的部件 ${p.entry} 使用了不支持的压缩方式（${p.method}）。${CONVERT}`,
  'zip-too-many-entries': (p: { file: string; count: Shown; limit: Shown }) => `文件「${p.file}」包含 ${p.count} 个部件，超过上限 ${p.limit} 个，不像正常的 Excel 工作簿，已拒绝读取。请确认选对了文件。`,
  'zip-unsafe-path': (p: { file: string; entry: Shown }) => `文件「${p.file}」包含不安全的部件路径「${p.entry}」（指向工作簿以外的位置），已拒绝读取。请向提供文件的人核实来源，或用 Excel 打开后另存为 .xlsx。`,
  'zip-name-not-utf8': (p: { file: string; entry: Shown }) => `文件「${p.file}」中有部件名不是 UTF-8 编码（按 GBK 解读为「${p.entry}」），已忽略该部件名的编码问题继续读取。`,
  'zip-bomb-declared': (p: { file: string; entry: Shown; size: Shown; limit: Shown }) =>
    `文件「${p.file}」的部件 ${p.entry} 声明解压后大小为 ${p.size}，超过上限 ${p.limit}（疑似“压缩炸弹”），已在解析前拒绝读取。若确为超大台账，请按年度或单位拆分为多个文件。`,
  'zip-bomb-actual': (p: { file: string; entry: Shown; limit: Shown; declared?: Shown }) =>
    `文件「${p.file}」的部件 ${p.entry} 实际解压超过上限 ${p.limit}${p.declared ? `（声明大小仅 ${p.declared}）` : ''}（疑似“压缩炸弹”），已在解析前拒绝读取。请向提供文件的人核实来源。`,
  'xml-doctype': (p: { file: string; entry: Shown }) =>
    `文件「${p.file}」的部件 ${p.entry} 含有 DOCTYPE/ENTITY 声明（可被用于“实体膨胀”攻击，正常 Excel 文件不会有），已拒绝读取。请用 Excel 打开后另存为 .xlsx。`,
  encrypted: (p: { file: string }) => `文件「${p.file}」设置了打开密码（已加密），无法读取。请在 Excel 中「文件 → 信息 → 保护工作簿 → 用密码进行加密」清除密码后另存为 .xlsx 再导入。`,
  'legacy-xls': (p: { file: string }) => `文件「${p.file}」是旧版 Excel 97-2003 工作簿 (.xls)（可能只是改了扩展名），本工具只读 .xlsx。${CONVERT}`,
  'legacy-et': (p: { file: string }) => `文件「${p.file}」是 WPS 表格 (.et) 格式，本工具只读 .xlsx。请用 WPS 打开后「另存为」Excel 工作簿 (.xlsx) 再导入。`,
  'cfb-other': (p: { file: string; reason?: Shown }) => `文件「${p.file}」是旧版 Office 复合文档${p.reason ? `（${p.reason}）` : ''}，不是 .xlsx 工作簿。${CONVERT}`,
  'word-document': (p: { file: string }) => `文件「${p.file}」是 Word 文档，不是 Excel 工作簿。方案文档请用「导入方案」功能；台账请另存为 .xlsx。`,
  ods: (p: { file: string }) => `文件「${p.file}」是 OpenDocument 表格 (.ods)（可能只是改了扩展名）。${CONVERT}`,
  'spreadsheetml-2003': (p: { file: string }) => `文件「${p.file}」是 Excel 2003 XML 表格（常见于系统导出的“伪 .xls”）。${CONVERT}`,
  'html-table': (p: { file: string }) => `文件「${p.file}」其实是网页 (HTML) 表格（常见于系统导出的“伪 .xls”）。${CONVERT}`,
  'csv-read': (p: { file: string; encoding: Shown; delimiter: Shown; sheet: string }) => `文件「${p.file}」是 CSV/文本文件，已按 ${p.encoding} 编码、以“${p.delimiter}”分隔读取为一张工作表「${p.sheet}」（CSV 不含合并单元格与格式）。`,
  'csv-gbk': (p: { file: string }) => `文件「${p.file}」不是 UTF-8 编码，已按 GB18030/GBK 读取；如有乱码，请用 Excel 另存为 .xlsx 后再导入。`,
  'csv-too-many-rows': (p: { file: string; count: Shown; limit: Shown }) => `文件「${p.file}」有 ${p.count} 行，超过上限 ${p.limit} 行，已拒绝读取。请按年度或单位拆分为多个文件后分别导入。`,
  'csv-field-too-long': (p: { file: string; row: number; column: string; length: Shown; limit: Shown }) =>
    `文件「${p.file}」是 CSV/文本文件，第 ${p.row} 行 ${p.column} 列有 ${p.length} 个字符，超过上限 ${p.limit}（Excel 一个单元格最多 32,767 个字符），不像台账，已拒绝读取。请确认选对了文件；若是系统导出的台账，请用 Excel 打开检查该处后另存为 .xlsx 再导入。`,
  'csv-too-wide': (p: { file: string; row: number; count: Shown; limit: Shown }) =>
    `文件「${p.file}」是 CSV/文本文件，第 ${p.row} 行有 ${p.count} 列以上，超过上限 ${p.limit} 列，不像台账，已拒绝读取。请确认选对了文件，或检查分隔符是否正确。`,
  'csv-too-many-cells': (p: { file: string; rows: Shown; width: Shown; limit: Shown }) =>
    `文件「${p.file}」是 CSV/文本文件，${p.rows} 行、最宽处 ${p.width} 列，合计超过 ${p.limit} 个单元格，已拒绝读取。请删去表格右侧零散的内容，或按年度、单位拆分为多个文件后分别导入。`,
  'part-missing': (p: { file: string; what: Shown; part: Shown }) => `文件「${p.file}」缺少${p.what}部件（${p.part}），无法读取。${RESAVE}`,
  'workbook-rels-missing': (p: { file: string; part: Shown; sheets: Shown }) =>
    `文件「${p.file}」缺少工作簿的关系部件（${p.part}），无法找到各工作表的数据（工作表：${p.sheets}）。${RESAVE}`,
  'no-sheets': (p: { file: string }) => `文件「${p.file}」的工作簿里没有列出任何工作表，没有可读的内容。${RESAVE}`,
  'chart-sheets-only': (p: { file: string; sheets: Shown }) => `文件「${p.file}」只有图表工作表（${p.sheets}），没有含单元格的工作表，没有可读的数据。请确认选对了文件。`,
  'sheet-parts-missing': (p: { file: string; sheets: Shown }) => `文件「${p.file}」中工作表 ${p.sheets} 的数据部件缺失，没有可读的数据。${RESAVE}`,
  'sheet-part-missing': (p: { file: string; sheet: string }) => `文件「${p.file}」中工作表「${p.sheet}」的数据部件缺失，该表未读取（其余工作表照常读取）。${RESAVE}`,
  'empty-workbook': (p: { file: string; reason?: Shown }) => `文件「${p.file}」是空工作簿：${p.reason ?? '所有工作表都没有内容'}。请确认选对了文件。`,
  'only-beyond-cap': (p: { file: string; rows: Shown; cols: Shown }) =>
    `文件「${p.file}」的内容都在读取范围之外（超过第 ${p.rows} 行或第 ${p.cols} 列），在范围内没有数据，未读取。请把数据移到表格左上方附近后保存，再导入。`,
  'only-hidden-sheets': (p: { file: string; sheets: Shown }) => `文件「${p.file}」的工作表全部被隐藏（${p.sheets}）；已照常读取，请确认这是要导入的文件，必要时在 Excel 中「取消隐藏」。`,
  'formula-error': (p: { file: string; sheet: string; row: number; column: string; cell: Shown; value: Shown }) => `文件「${p.file}」工作表「${p.sheet}」第 ${p.row} 行 ${p.column} 列（${p.cell}）的公式结果是错误值 ${p.value}，已按文本“${p.value}”读取。请在 Excel 中修正该公式。`,
  'formula-no-result': (p: { file: string; sheet: string; row: number; column: string; cell: Shown }) => `文件「${p.file}」工作表「${p.sheet}」第 ${p.row} 行 ${p.column} 列（${p.cell}）的公式没有保存计算结果（文件可能由程序生成），按空值读取。请在 Excel 中打开并保存一次。`,
  'cell-over-limit': (p: { file: string; sheet: string; row: number; column: string; length: Shown }) =>
    `文件「${p.file}」工作表「${p.sheet}」第 ${p.row} 行 ${p.column} 列的内容有 ${p.length} 个字符，超过 Excel 单元格上限 32,767（Excel 打开时会截断或报错）；已完整读取，导出时会截断并标注。`,
  'sheet-too-many-rows': (p: { file: string; sheet: string; count: Shown; limit: Shown }) =>
    `文件「${p.file}」工作表「${p.sheet}」有 ${p.count} 行数据，超过上限 ${p.limit} 行，该表未读取（其余工作表照常读取）。请按年度或单位把它拆分为多个工作表或文件（每个不超过 ${p.limit} 行）。`,
  'rows-beyond-cap': (p: { file: string; sheet: string; row: number; limit: Shown; count: Shown }) =>
    `文件「${p.file}」工作表「${p.sheet}」在第 ${p.row} 行（远在数据之后，超过上限 ${p.limit} 行）有 ${p.count} 行零散内容，已忽略。常见原因是误把格式或内容拖到了表格最底部；如需要这些内容，请把它们移到数据附近。`,
  'formatted-rows-ignored': (p: { file: string; sheet: string; count: Shown }) =>
    `文件「${p.file}」工作表「${p.sheet}」有 ${p.count} 个没有内容、只带格式的空行（常因把格式刷到了表格最底部），已跳过，不影响数据。删除这些行可让文件变小、打开更快。`,
  'columns-beyond-cap': (p: { file: string; sheet: string; limit: Shown; row: number; column: string }) =>
    `文件「${p.file}」工作表「${p.sheet}」的数据跨越超过 ${p.limit} 列，第 ${p.row} 行 ${p.column} 列起超出的零散内容已忽略。`,
  'parse-failed': (p: { file: string; entry?: Shown; reason?: Shown }) =>
    `文件「${p.file}」${p.entry ? `的部件 ${p.entry} ` : ''}无法解析为 Excel 工作簿${p.reason ? `（${p.reason}）` : '（内容结构异常）'}。请用 Excel 或 WPS 打开并另存为 .xlsx 后再导入。`,
  'write-cell-truncated': (p: { sheet: string; row: number; column: string; length: Shown; marker: Shown }) =>
    `工作表「${p.sheet}」第 ${p.row} 行 ${p.column} 列的内容有 ${p.length} 个字符，超过 Excel 单元格上限 32,767，已截断并标注「${p.marker}」。`,
  'write-sheet-renamed': (p: { from: Shown; to: Shown }) => `工作表名「${p.from}」不符合 Excel 规则（不超过 31 字、不含 []:*?/\\、不重名），已改为「${p.to}」。`,
  'write-merge-skipped': (p: { sheet: string; range: Shown }) => `工作表「${p.sheet}」的合并区域 ${p.range} 与其他合并区域重叠，已跳过。`,
  'write-invalid-chars': (p: { sheet: string; row: number; column: string }) => `工作表「${p.sheet}」第 ${p.row} 行 ${p.column} 列含有 Excel 不允许的控制字符，已删除。`,
  'write-bad-number': (p: { sheet: string; row: number; column: string; value: Shown }) => `工作表「${p.sheet}」第 ${p.row} 行 ${p.column} 列的数值无效（${p.value}），已留空。`,
  'columns-sheet-missing': (p: { file: string; sheet: string }) => `文件「${p.file}」中没有工作表「${p.sheet}」（可能在读取之后被改名、删除或损坏），无法添加补全列，没有生成补全后的副本。请确认文件完好后重新补全。`,
  'columns-no-room': (p: { file: string; sheet: string; needed: Shown }) =>
    `文件「${p.file}」工作表「${p.sheet}」右侧已没有空余的列（Excel 每张表最多 16,384 列，补全需要 ${p.needed} 列），没有生成补全后的副本。请删除表格右侧不用的列或零散内容后保存，再补全。`,
  'columns-sheet-unusual': (p: { file: string; sheet: string; reason: Shown }) =>
    `文件「${p.file}」工作表「${p.sheet}」的内部结构不标准（${p.reason}），无法在不改动原有内容的前提下添加补全列，没有生成补全后的副本。请用 Excel 或 WPS 打开该文件「另存为」.xlsx 后再补全。`,
  'columns-failed': (p: { file: string }) =>
    `文件「${p.file}」补全时出错，没有生成补全后的副本，原文件未改动。请用 Excel 或 WPS 打开该文件「另存为」.xlsx 后再试；如仍不行，请把文件和 --json 输出中的 detail 一并发给技术支持。`,
  'columns-sheet-thinned': (p: { file: string; sheet: string }) =>
    `文件「${p.file}」工作表「${p.sheet}」底部有大量只带格式的空行（常因把格式刷到了表格最底部），读取时已跳过；补全是在原文件上添加列，跳过这些行再保存会丢掉它们的格式，因此没有生成补全后的副本。请在 Excel 中删除表格底部只带格式的空行或零散内容后保存，再补全。`,
} satisfies MessageTable;

/** The table itself, for the tests that word every code. */
export { MESSAGES as IO_MESSAGES };

/** Every file-level problem code, typed from the table. */
export type IoCode = keyof typeof MESSAGES;

/** The params a code's wording takes. */
export type IoParams<C extends IoCode> = ParamsOf<typeof MESSAGES, C>;

/** Every code of the table (for the tests that check each message). */
export const IO_CODES: readonly IoCode[] = codesOf(MESSAGES);

export function ioMessage<C extends IoCode>(code: C, params: IoParams<C>): string {
  return word(MESSAGES, code, params);
}

type WhereKey = 'sheet' | 'row' | 'column';
/** Where in the file: FileProblem's own fields, and the params that word them. */
type Where = { sheet?: string; row?: number; column?: string };
/** What a caller passes: the code's params but the file and the place, plus the internal `detail`. */
type Given<C extends IoCode> = C extends IoCode ? Omit<IoParams<C>, 'file' | WhereKey> & { detail?: string } : never;
/** The place, required where the wording names it. */
type At<C extends IoCode> = C extends IoCode ? Pick<IoParams<C>, Extract<keyof IoParams<C>, WhereKey>> & Where : never;
type ProblemArgs<C extends IoCode> = {} extends At<C>
  ? {} extends Given<C>
    ? [params?: Given<C>, where?: At<C>]
    : [params: Given<C>, where?: At<C>]
  : [params: Given<C>, where: At<C>];

/**
 * Builds a FileProblem with its zh-CN message. `params.detail` is not worded
 * into the message: it is the internal text (a library's error, a checksum)
 * kept in FileProblem.detail for support.
 */
export function problem<C extends IoCode>(code: C, file: string, ...args: ProblemArgs<C>): FileProblem {
  const [params = {}, where = {}] = args as [({ detail?: string } & object)?, Where?];
  const { detail, ...shown } = params;
  const p: FileProblem = { file, code, message: word(MESSAGES, code, { ...shown, file, ...where }) };
  if (detail !== undefined && detail !== '') p.detail = String(detail);
  if (where.sheet !== undefined) p.sheet = where.sheet;
  if (where.row !== undefined) p.row = where.row;
  if (where.column !== undefined) p.column = where.column;
  return p;
}

export function formatBytes(n: number): string {
  if (n >= 1 << 30) return `${(n / (1 << 30)).toFixed(1)} GB`;
  if (n >= 1 << 20) return `${(n / (1 << 20)).toFixed(1)} MB`;
  if (n >= 1 << 10) return `${(n / (1 << 10)).toFixed(1)} KB`;
  return `${n} B`;
}
