// Header detection: officials put titles, a 填报单位/截至日期 line and merged
// cells above the header row, and name columns in a dozen ways. We score the
// first rows by how many distinct ledger fields their cells name and take the
// best one, so no fixed layout is assumed.
import type { CellValue, FieldKey, MergeRange, SheetGrid } from '../model';
import { normHeader } from './text';
import { TextCache } from '../text-cache';

/** Rows scanned for a header (titles and notes rarely take more). */
export const HEADER_SCAN_ROWS = 30;

/** Exact header texts (after normHeader) per field. */
const EXACT: Record<FieldKey, string[]> = {
  id: ['序号', '编号', '序', '任务编号', '任务序号', 'No.', 'NO.', 'No'],
  category: ['类别', '分类', '任务类别', '所属类别', '类型', '行动类别', '工作类别', '领域'],
  title: ['任务', '重点任务', '工作任务', '主要任务', '任务名称', '重点工作', '工作事项', '任务事项'],
  content: ['任务内容', '具体措施', '主要内容', '工作内容', '具体内容', '主要措施', '工作措施', '具体任务', '任务措施'],
  leads: ['牵头单位', '牵头部门', '牵头', '牵头责任单位', '牵头领导单位'],
  partners: ['责任单位', '责任部门', '配合单位', '配合部门', '参与单位', '协同单位', '协办单位', '责任(配合)单位', '配合'],
  deadline: ['完成时限', '时间节点', '完成时间', '时限', '时限要求', '完成期限', '时间安排'],
  progress: ['进展情况', '工作进展', '完成情况', '推进情况', '进度情况', '工作完成情况', '进展'],
  actual: ['完成值', '实际完成', '实际完成值', '完成数', '完成数量', '实际值'],
  target: ['目标', '量化目标', '量化指标', '目标任务', '预期目标', '工作目标'],
  note: ['备注', '说明'],
  status: ['完成状态', '进展状态', '推进状态', '是否完成', '任务状态', '办理状态', '办结状态', '完成状况', '进度状态', '工作状态', '落实状态'],
  share: ['完成进度', '完成比例', '完成百分比', '进度', '进度比例', '形象进度', '完成进度(%)', '完成比例(%)', '进度(%)', '完成进度百分比'],
  population: ['人群', '重点人群', '目标人群'],
  project: ['工程', '重点工程', '所属工程'],
};

/**
 * Headers kesu itself writes (enrichment and the standard layout). They must
 * never be taken for a user's field, or a re-read enriched ledger would map
 * 目标值 onto 目标. (人群 and 工程 are read: they carry a classification the text
 * alone may not, e.g. a task of the standard workbook whose 类别 is 重点工程.)
 */
export const DERIVED_HEADERS = new Set([
  '规范牵头单位', '规范责任单位', '目标值', '单位', '截止年份', '完成率', '状态', '红黄绿灯', '判断依据', '联系人', '来源',
]);

const EXACT_INDEX = new Map<string, FieldKey>();
for (const [k, words] of Object.entries(EXACT) as [FieldKey, string[]][]) for (const w of words) EXACT_INDEX.set(normHeader(w), k);

/** Looser patterns, tried in order after the exact texts (e.g. 2023年上半年工作进展, 牵头单位(部门)). */
const PATTERNS: [FieldKey, RegExp][] = [
  // Before progress: 进展状态 is a status, not the progress text.
  ['status', /(完成状态|进展状态|推进状态|是否完成|办结状态|任务状态)/],
  ['share', /(完成进度|完成比例|完成百分比|进度比例|形象进度)/],
  ['progress', /(进展|完成情况|推进情况)/],
  ['actual', /(实际完成|完成值|完成数)/],
  ['leads', /牵头/],
  ['partners', /(责任单位|责任部门|配合|参与单位|协同单位)/],
  ['deadline', /(时限|时间节点|完成时间|完成期限)/],
  ['target', /(量化目标|量化指标|目标)/],
  ['content', /(内容|措施)/],
  ['title', /任务/],
  ['id', /^(序号|编号)/],
  ['category', /(类别|分类)/],
  ['note', /^备注/],
];

/** The reporting period written into a progress header: 2023年上半年工作进展 → 2023年上半年. */
const PERIOD_IN_HEADER = /^(.*?)(?:工作)?(?:进展|完成情况|推进情况)/;

export function fieldOf(header: string): FieldKey | null {
  return fields.get(header);
}

// The first rows of every ledger of a batch are scanned for the header, and
// their texts repeat from file to file.
const fields = new TextCache(fieldOfText);

function fieldOfText(header: string): FieldKey | null {
  const h = normHeader(header);
  if (!h || h.length > 30 || DERIVED_HEADERS.has(h)) return null;
  const exact = EXACT_INDEX.get(h);
  if (exact) return exact;
  for (const [k, re] of PATTERNS) if (re.test(h)) return k;
  return null;
}

export interface HeaderInfo {
  sheet: string;
  /** 0-based index of the header row in grid.rows. */
  index: number;
  /** Excel row number of the header row. */
  row: number;
  /** 0-based index of the first data row in grid.rows (below a header merged over two rows). */
  dataStart: number;
  columns: Partial<Record<FieldKey, number>>;
  /** Header text by 0-based column, as written (trimmed). */
  headers: string[];
  /** Columns the ledger has that are not ledger fields, kept as they are. */
  extras: { col: number; header: string }[];
  /** Period label in the progress header (2023年上半年), if any. */
  progressPeriod: string | null;
  /** A field named by more than one column: the first one is used. */
  duplicates: { field: FieldKey; cols: number[] }[];
  /** Merged ranges that cover header cells. */
  mergedHeaders: MergeRange[];
  /** Number of columns of the table (last header column + 1). */
  width: number;
  /** Sheet column of grid column 0 (0 unless the grid is a sub-range). */
  colOffset?: number;
}

function scoreRow(row: CellValue[] | undefined): number {
  if (!row) return 0;
  const seen = new Set<FieldKey>();
  for (const v of row) {
    if (typeof v !== 'string') continue;
    const f = fieldOf(v);
    if (f) seen.add(f);
  }
  // A header must name something a task is made of, not just 序号 and 备注.
  const core = seen.has('title') || seen.has('content') || seen.has('leads');
  return core ? seen.size : 0;
}

/** Finds the header row, or null when no row in the first rows names at least two ledger fields. */
export function detectHeader(grid: SheetGrid): HeaderInfo | null {
  const limit = Math.min(grid.rows.length, HEADER_SCAN_ROWS);
  let best = -1;
  let bestScore = 1;
  for (let r = 0; r < limit; r++) {
    const s = scoreRow(grid.rows[r]);
    if (s > bestScore) {
      best = r;
      bestScore = s;
    }
  }
  if (best < 0) return null;
  return headerAt(grid, best);
}

export function headerAt(grid: SheetGrid, index: number): HeaderInfo {
  const row = grid.rows[index] ?? [];
  const columns: Partial<Record<FieldKey, number>> = {};
  const colsByField = new Map<FieldKey, number[]>();
  const headers: string[] = [];
  const extras: { col: number; header: string }[] = [];
  let progressPeriod: string | null = null;
  let width = 0;
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    const text = typeof v === 'string' ? v.trim() : v === null || v === undefined ? '' : String(v);
    headers[c] = text;
    if (!text) continue;
    width = c + 1;
    const f = fieldOf(text);
    if (!f) {
      extras.push({ col: c, header: text });
      continue;
    }
    const list = colsByField.get(f) ?? [];
    list.push(c);
    colsByField.set(f, list);
    if (columns[f] === undefined) {
      columns[f] = c;
      if (f === 'progress') {
        const m = PERIOD_IN_HEADER.exec(normHeader(text));
        progressPeriod = m && m[1] ? m[1] : null;
      }
    }
  }
  const duplicates = [...colsByField].filter(([, cols]) => cols.length > 1).map(([field, cols]) => ({ field, cols }));
  const originRow = grid.origin?.row ?? 0;
  const mergedHeaders = grid.merges.filter((m) => m.top <= index && m.bottom >= index && (m.right > m.left || m.bottom > m.top) && m.left < Math.max(width, 1));
  // A header cell merged downwards (two-level headers) pushes the data start below it.
  let dataStart = index + 1;
  for (const m of mergedHeaders) if (m.top === index && m.bottom >= dataStart) dataStart = m.bottom + 1;
  return {
    sheet: grid.name,
    index,
    row: index + 1 + originRow,
    dataStart,
    columns,
    headers,
    extras,
    progressPeriod,
    duplicates,
    mergedHeaders,
    width,
    colOffset: grid.origin?.col ?? 0,
  };
}
