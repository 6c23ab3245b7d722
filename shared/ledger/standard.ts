// The standard ledger workbook (标准台账): what import-plan, the add-in's 导出,
// kesu enrich/merge and the sample-data script write, and what the dashboard
// reads first. Raw officials' ledgers are read too (header detection); the
// standard layout only makes the round trip exact.
//
// Layout:
//   sheet 任务台账  — header row 1 with STANDARD_COLUMNS, one task per row
//   sheet 说明      — key/value rows (META_KEYS), 项目 | 内容
//   sheet 单位名录  — 单位名称 | 简称/别名 | 类别 | 辖区 | 联系人 | 联系电话
//   sheet 设置      — 设置项 | 值 | 说明 (thresholds of the lights, when not the defaults)
//
// 完成状态 and 完成进度 are what the units reported, kept so that reading the
// workbook back judges the same; 状态, 红黄绿灯 and 判断依据 are kesu's own
// judgement (never read back as a report).
//   (merge adds 导入报告)
export const LEDGER_SHEET = '任务台账';
export const META_SHEET = '说明';
export const DIRECTORY_SHEET = '单位名录';
export const REPORT_SHEET = '导入报告';

export const STANDARD_COLUMNS = [
  '序号',
  '类别',
  '人群',
  '工程',
  '重点任务',
  '任务内容',
  '牵头单位',
  '责任单位',
  '完成时限',
  '量化目标',
  '目标值',
  '单位',
  '截止年份',
  '工作进展',
  '完成状态',
  '完成进度',
  '完成值',
  '完成率',
  '状态',
  '红黄绿灯',
  '判断依据',
  '备注',
  '来源',
] as const;
export type StandardColumn = (typeof STANDARD_COLUMNS)[number];

/** Keys of the 说明 sheet, in order. */
export const META_KEYS = {
  jurisdiction: '辖区',
  level: '层级',
  period: '报告期',
  asOf: '截至日期',
  planStart: '规划起始年',
  planEnd: '规划截止年',
  title: '标题',
  generator: '生成工具',
} as const;

export const DIRECTORY_COLUMNS = ['单位名称', '简称/别名', '类别', '辖区', '联系人', '联系电话'] as const;
