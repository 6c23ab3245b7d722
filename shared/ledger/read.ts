// readLedger: every sheet of a workbook that holds a ledger becomes rows; the
// 单位名录 sheet becomes the directory and the 说明 sheet the metadata. Layout
// quirks officials use are absorbed here so the checks see plain rows:
// titles above the header, merged 类别 cells, section rows, blank rows.
import type { CellValue, FieldKey, Finding, LedgerMeta, LedgerRow, SheetGrid, Unit, UnitGroup } from '../model';
import { directoryFromGrid } from '../owners';
import { finding, findingFrom, type Where } from '../checks/messages';
import { isStatusWord, readSettingsSheet, SETTINGS_SHEET, type SettingsRead } from '../progress';
import { detectHeader, HEADER_SCAN_ROWS, type HeaderInfo } from './headers';
import { emptyMeta, mergeMeta, metaFromSheet, metaFromTitles } from './meta';
import { DIRECTORY_SHEET, META_SHEET, REPORT_SHEET } from './standard';
import { cellText, isBlank, normHeader } from './text';
import { columnLetter0 } from '../io/a1';

export interface LedgerSheet {
  sheet: string;
  header: HeaderInfo;
  rows: LedgerRow[];
}

export interface LedgerRead {
  sheets: LedgerSheet[];
  meta: LedgerMeta;
  findings: Finding[];
  directory: { units: Unit[]; groups: UnitGroup[] } | null;
  /** The 设置 sheet's values (thresholds of the lights …), when the workbook has one; its bad rows are findings. */
  settings: SettingsRead | null;
}

/** Names the header uses for a field, for findings about a missing column. */
export const FIELD_LABEL: Record<FieldKey, string> = {
  id: '序号',
  category: '类别',
  title: '重点任务',
  content: '任务内容',
  leads: '牵头单位',
  partners: '责任单位',
  deadline: '完成时限',
  progress: '工作进展',
  actual: '完成值',
  target: '量化目标',
  note: '备注',
  population: '人群',
  project: '工程',
  status: '完成状态',
  share: '完成进度',
};

/** 一、 / （一） / (一) / 1. — the numbering of a section heading. */
const SECTION_NUMBERING = /^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[（(]\s*[一二三四五六七八九十]+\s*[)）]|第[一二三四五六七八九十]+[部章节项])\s*/;
const SECTION_WORDS = /(行动|工程|任务|部分|领域|方面|工作)$/;
const FOOTNOTE = /^(注|说明|备注|填报人|审核人|联系人|填表人|负责人)/;

function isDirectorySheet(grid: SheetGrid): boolean {
  if (grid.name.trim() === DIRECTORY_SHEET || /名录|通讯录/.test(grid.name)) return true;
  const first = grid.rows.slice(0, 5).map((r) => r.map((v) => normHeader(v)));
  return first.some((r) => r.includes('单位名称') && !r.some((h) => h === '牵头单位' || h === '任务内容'));
}

function isEmptyGrid(grid: SheetGrid): boolean {
  return !grid.rows.some((r) => r.some((v) => !isBlank(v)));
}

/** Copies the master value of every merged range below the header into the cells it spans. */
/** Key of a cell in the set of merge-continued cells (no string per lookup). */
const cellKey = (r: number, c: number) => r * 65_536 + c;

function fillMerges(grid: SheetGrid, from: number): { rows: CellValue[][]; continued: Set<number> } {
  const relevant = grid.merges.filter((m) => m.bottom >= from);
  if (!relevant.length) return { rows: grid.rows, continued: new Set<number>() };
  const rows = grid.rows.slice();
  const copied = new Set<number>();
  const continued = new Set<number>();
  for (const m of relevant) {
    const master = grid.rows[m.top]?.[m.left] ?? null;
    for (let r = Math.max(m.top, from); r <= m.bottom && r < rows.length; r++) {
      if (!copied.has(r)) {
        rows[r] = (rows[r] ?? []).slice();
        copied.add(r);
      }
      const row = rows[r]!;
      for (let c = m.left; c <= m.right; c++) {
        if (r === m.top && c === m.left) continue;
        row[c] = master;
        continued.add(cellKey(r, c));
      }
    }
  }
  return { rows, continued };
}

export function readLedger(sheets: SheetGrid[], file?: string): LedgerRead {
  const out: LedgerRead = { sheets: [], meta: emptyMeta(), findings: [], directory: null, settings: null };
  let sheetMeta: LedgerMeta | null = null;
  let titleMeta: LedgerMeta | null = null;
  const skipped: SheetGrid[] = [];
  const at = (sheet: string, row: number | null, column: string | null, col: number | null = null) => ({
    ...(file ? { file } : {}),
    sheet,
    row,
    column,
    col,
  });

  for (const grid of sheets) {
    const name = grid.name.trim();
    if (name === REPORT_SHEET || isEmptyGrid(grid)) continue;
    if (name === META_SHEET) {
      sheetMeta = metaFromSheet(grid);
      continue;
    }
    if (name === SETTINGS_SHEET) {
      if (!out.settings) {
        out.settings = readSettingsSheet(grid);
        for (const p of out.settings.problems) {
          const header = p.col === (grid.origin?.col ?? 0) ? '设置项' : '值';
          out.findings.push(findingFrom(at(grid.name, p.row, header, p.col), p));
        }
      }
      continue;
    }
    if (isDirectorySheet(grid)) {
      if (!out.directory) {
        const d = directoryFromGrid(grid);
        out.directory = { units: d.units, groups: d.groups };
        out.findings.push(...d.findings.map((f) => (file && !f.file ? { ...f, file } : f)));
      }
      continue;
    }
    const header = detectHeader(grid);
    if (!header) {
      skipped.push(grid);
      continue;
    }
    const sheet = readSheet(grid, header, out.findings, at);
    out.sheets.push(sheet);
    // Title rows of every ledger sheet; the first sheet that states a fact wins.
    {
      const lines: string[] = [];
      for (let r = 0; r < header.index; r++) {
        const seen = new Set<string>();
        for (const v of grid.rows[r] ?? []) {
          const t = cellText(v);
          if (t) seen.add(t);
        }
        if (seen.size) lines.push([...seen].join(' '));
      }
      const m = metaFromTitles(lines, header.progressPeriod);
      titleMeta = titleMeta ? mergeMeta(titleMeta, m) : m;
    }
  }

  for (const grid of skipped) {
    const code = out.sheets.length ? 'structure.sheet-skipped' : 'structure.no-header';
    out.findings.push(finding(code, at(grid.name, null, null), { sheet: grid.name, rows: HEADER_SCAN_ROWS }));
  }
  out.meta = mergeMeta(sheetMeta ?? emptyMeta(), titleMeta ?? emptyMeta());
  return out;
}

type At = (sheet: string, row: number | null, column: string | null, col?: number | null) => Where;

/**
 * A 完成情况 column whose cells are short status words (已完成, 推进中, 未启动)
 * is a status column, not the progress text (docs/domain.md §8); a second progress
 * column, if any, then holds the text. Decided on the cells: at least four in
 * five of the filled ones are words of the status table.
 */
export function statusColumnFromProgress(grid: SheetGrid, header: HeaderInfo): HeaderInfo {
  const col = header.columns.progress;
  if (col === undefined || header.columns.status !== undefined || normHeader(header.headers[col] ?? '') !== '完成情况') return header;
  let filled = 0;
  let words = 0;
  for (let r = header.dataStart; r < grid.rows.length; r++) {
    const v = grid.rows[r]?.[col];
    if (typeof v !== 'string' && typeof v !== 'boolean') continue;
    const t = cellText(v);
    if (!t) continue;
    filled++;
    if (isStatusWord(t)) words++;
  }
  if (!filled || words * 5 < filled * 4) return header;
  const others = header.duplicates.find((d) => d.field === 'progress')?.cols.filter((c) => c !== col) ?? [];
  const columns = { ...header.columns, status: col };
  if (others.length) columns.progress = others[0]!;
  else delete columns.progress;
  const duplicates = header.duplicates
    .map((d) => (d.field === 'progress' ? { ...d, cols: d.cols.filter((c) => c !== col) } : d))
    .filter((d) => d.cols.length > 1);
  return { ...header, columns, duplicates };
}

function readSheet(grid: SheetGrid, detected: HeaderInfo, findings: Finding[], at: At): LedgerSheet {
  const sheet = grid.name;
  const header = statusColumnFromProgress(grid, detected);
  const originRow = grid.origin?.row ?? 0;
  const originCol = grid.origin?.col ?? 0;
  const cols = header.columns;
  const colName = (c: number) => header.headers[c] || columnLetter0(c + originCol);

  // Structure findings about the header itself.
  if (cols.title === undefined && cols.content === undefined)
    findings.push(finding('structure.missing-column', at(sheet, header.row, null), { column: '重点任务或任务内容', sheet }));
  if (cols.leads === undefined)
    findings.push(finding('structure.missing-column', at(sheet, header.row, null), { column: '牵头单位', sheet }));
  for (const d of header.duplicates) {
    for (const c of d.cols.slice(1)) {
      findings.push(
        finding('structure.duplicate-header', at(sheet, header.row, colName(c), c + originCol), {
          header: colName(c),
          first: colName(d.cols[0]!),
          field: FIELD_LABEL[d.field],
        }),
      );
    }
  }
  for (const m of header.mergedHeaders) {
    const range = `${columnLetter0(m.left + originCol)}${m.top + 1 + originRow}:${columnLetter0(m.right + originCol)}${m.bottom + 1 + originRow}`;
    findings.push(finding('structure.merged-header', at(sheet, header.row, colName(m.left), m.left + originCol), { range }));
  }

  const { rows, continued } = fillMerges(grid, header.dataStart);
  // Column of each field, looked up once per sheet (-1: the ledger has no such column).
  const colOf = Object.fromEntries((Object.keys(FIELD_LABEL) as FieldKey[]).map((f) => [f, cols[f] ?? -1])) as Record<FieldKey, number>;
  const text = (row: CellValue[], f: FieldKey): string => {
    const c = colOf[f];
    return c < 0 ? '' : cellText(row[c] ?? null);
  };
  const headerNorm = header.headers.map((h) => normHeader(h));
  const out: LedgerRow[] = [];
  const firstRowOfId = new Map<string, number>();
  let section = '';

  for (let r = header.dataStart; r < rows.length; r++) {
    const row = rows[r];
    if (!row) continue;
    // One distinct value on the row (after merge filling) marks a section heading or a footnote.
    let firstCol = -1;
    let firstRaw: CellValue = null;
    let only = '';
    let single = true;
    for (let c = 0; c < row.length; c++) {
      const v = row[c] ?? null;
      if (isBlank(v)) continue;
      if (firstCol < 0) {
        firstCol = c;
        firstRaw = v;
        only = cellText(v);
      } else if (v !== firstRaw && cellText(v) !== only) {
        single = false;
        break;
      }
    }
    if (firstCol < 0) continue;
    const excelRow = r + 1 + originRow;
    if (single) {
      const spans = grid.merges.some((m) => m.top <= r && m.bottom >= r && m.right > m.left && m.left <= firstCol && m.right >= firstCol);
      const isSection =
        spans ||
        ((SECTION_NUMBERING.test(only) || (SECTION_WORDS.test(only) && only.length <= 30)) && isBlank(grid.rows[r]?.[cols.leads ?? -1] ?? null));
      if (isSection) {
        section = only.replace(SECTION_NUMBERING, '').trim();
        continue;
      }
      if (FOOTNOTE.test(only)) continue;
    }
    // A header repeated further down (a printed ledger pasted page by page).
    if (typeof firstRaw === 'string' && firstRaw.trim() === header.headers[firstCol] && row.every((v, c) => isBlank(v ?? null) || normHeader(v ?? null) === headerNorm[c])) continue;

    const title = text(row, 'title');
    const content = text(row, 'content');
    const leadsText = text(row, 'leads');
    const partnersText = text(row, 'partners');
    // Template rows (序号 pre-filled, or a default 完成时限) name no task and no owner: not tasks.
    if (!title && !content && !leadsText && !partnersText) continue;

    const idCell = cols.id === undefined ? null : row[cols.id] ?? null;
    const ownId = cellText(idCell);
    const id = ownId || `R${excelRow}`;
    if (ownId && !(cols.id !== undefined && continued.has(cellKey(r, cols.id)))) {
      const first = firstRowOfId.get(ownId);
      if (first !== undefined)
        findings.push(finding('structure.duplicate-id', at(sheet, excelRow, colName(cols.id!), cols.id! + originCol), { id: ownId, first }));
      else firstRowOfId.set(ownId, excelRow);
    }
    out.push({
      sheet,
      row: excelRow,
      id,
      category: text(row, 'category') || section,
      title,
      content,
      leadsText,
      partnersText,
      deadlineText: text(row, 'deadline'),
      progressText: text(row, 'progress'),
      actualRaw: cols.actual === undefined ? null : row[cols.actual] ?? null,
      targetText: text(row, 'target'),
      note: text(row, 'note'),
      populationText: text(row, 'population'),
      projectText: text(row, 'project'),
      statusText: text(row, 'status'),
      shareRaw: cols.share === undefined ? null : row[cols.share] ?? null,
    });
  }
  if (!out.length) findings.push(finding('structure.no-tasks', at(sheet, header.row, null), { sheet }));
  return { sheet, header, rows: out };
}

