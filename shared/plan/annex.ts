// Annexes of a plan: an owner table (类别 / 任务内容 / 牵头部门 / 责任部门) and a
// ledger annex (任务台账: numbered items with trailing owners).
//
// Tables arrive in two shapes: a Word table read by io/docx (one row per line,
// cells joined by '\t'), or a table copied from a web page (each cell on its own
// line after a tab, rows separated by blank lines, as in seed 004).
import { fold, trimLine } from './normalize';
import { findBracketOwners, findTrailingOwners } from './ownertext';
import { markerOf, splitTitle, type Line } from './outline';
import type { PlanOwners } from './types';

export interface TableRow {
  cells: string[];
  line: number;
}

export interface Table {
  rows: TableRow[];
  /** Line range in the cleaned text, inclusive. */
  first: number;
  last: number;
}

/** Every table in the text (runs of lines with tabs, blank lines allowed between rows). */
export function readTables(lines: Line[]): Table[] {
  const tables: Table[] = [];
  let cur: Table | null = null;
  let pending: TableRow | null = null;
  const flush = () => {
    if (pending && cur && pending.cells.some((c) => c.trim())) cur.rows.push(pending);
    pending = null;
  };
  const close = () => {
    flush();
    if (cur && cur.rows.length) tables.push(cur);
    cur = null;
  };
  for (const { no, text } of lines) {
    const line = trimLine(text);
    if (!line.includes('\t')) {
      if (!line.trim()) {
        flush();
        continue;
      }
      close();
      continue;
    }
    if (!cur) cur = { rows: [], first: no, last: no };
    cur.last = no;
    const tabs = line.split('\t').length - 1;
    if (line.startsWith('\t') && tabs === 1) {
      // one cell per line (web copy)
      if (!pending) pending = { cells: [], line: no };
      pending.cells.push(line.slice(1).trim());
    } else {
      flush();
      cur.rows.push({ cells: line.split('\t').map((c) => c.trim()), line: no });
    }
  }
  close();
  return tables;
}

export interface OwnerTableRow {
  category: string;
  /** The task cell as written: 1．实施青少年科学素质提升行动 */
  name: string;
  /** A second task column the row sits under (重点任务 beside 具体措施), or a spanning section row above it. */
  section: string;
  /** The row's 序号 cell, else the number the task cell starts with, else its position. */
  num: string;
  /** True when the number came from a 序号 column or the task cell, not the row's position. */
  numbered: boolean;
  /** The 完成时限 / 时间节点 cell, when the table has one. */
  deadline: string;
  owners: PlanOwners;
  line: number;
}

const squash = (s: string) => fold(s).replace(/\s+/g, '');

/** The columns of an owner table, by what their header says. -1 when absent. */
interface Columns {
  lead: number;
  partner: number;
  /** Only 责任单位 (no 牵头 column): its first unit leads. */
  responsible: number;
  name: number;
  /** Other task columns: the section a row sits under (重点任务 beside 具体措施). */
  sections: number[];
  category: number;
  num: number;
  deadline: number;
}

const TASK_HEADER = /任务|内容|项目|名称|行动|工程|事项|措施|举措|工作|要点/;
const NOT_TASK_HEADER = /牵头|责任|配合|参与|协办|协同|参加|时限|时间|进度|完成|序号|编号|类别|类型|分类|领域|领导|^(?:量化|预期)?目标(?:值)?$/;
/** The more specific a task column, the more likely it names the measure itself. */
const SPECIFIC_TASK = /具体|措施|举措|内容|事项|工作任务|任务名称|主要任务|任务$/;
/** Columns of people, not units: 责任领导, 负责人, 联系人. */
const PEOPLE = /领导|负责人|联系人|责任人/;

function columnsOf(header: string[]): Columns | null {
  const col = (re: RegExp, not?: RegExp) => header.findIndex((c) => re.test(c) && !(not && not.test(c)));
  const lead = col(/牵头/, PEOPLE);
  const owners = /责任|配合|参与|协办|协同|参加|主责/;
  const partner = lead >= 0 ? col(owners, new RegExp(`牵头|${PEOPLE.source}`)) : -1;
  const responsible = lead < 0 ? col(/责任(?:单位|部门)|主责/, PEOPLE) : -1;
  if (lead < 0 && responsible < 0) return null;
  const tasks = header.map((c, i) => (TASK_HEADER.test(c) && !NOT_TASK_HEADER.test(c) ? i : -1)).filter((i) => i >= 0);
  if (!tasks.length) return null;
  const specific = tasks.filter((i) => SPECIFIC_TASK.test(header[i]!));
  // Of two task columns, the more specific (or the later) names the measure.
  const name = specific.length ? specific[specific.length - 1]! : tasks[tasks.length - 1]!;
  return {
    lead,
    partner,
    responsible,
    name,
    sections: tasks.filter((i) => i !== name),
    category: col(/类别|类型|分类|领域/),
    num: col(/^(序号|编号|序|号|任务编号|任务序号)$/),
    deadline: col(/时限|时间|期限|节点|进度安排/, /完成情况/),
  };
}

/** A row that only names a section, across the table (gridSpan / colspan): 一、五大提升行动. */
function spanRow(cells: string[]): string | null {
  const filled = cells.filter((c) => c.trim());
  return filled.length === 1 && cells.length >= 3 && cells.findIndex((c) => c.trim()) === 0 ? filled[0]!.trim() : null;
}

/**
 * An owner table: a header with a 牵头 (or 责任) column and a task column.
 * Merged cells reach this as '' (io/docx and the web copy both leave a merge's
 * other rows empty): a 类别 or section cell carries down; an empty lead carries
 * down too (a 分工表 row always has a lead, so an empty one under a filled one
 * is a merge), and its partners with it when they are empty as well.
 */
export function ownerTable(t: Table): { rows: OwnerTableRow[]; header: number; first: number } | null {
  // Header cells are short labels (类别, 任务内容, 牵头部门, 责 任 部 门); a long
  // cell that mentions 牵头 is prose, not a header.
  const label = (c: string, re: RegExp) => squash(c).length <= 10 && re.test(squash(c));
  const hi = t.rows.findIndex(
    (r) => r.cells.some((c) => label(c, /牵头|责任(?:单位|部门)/)) && r.cells.some((c) => label(c, TASK_HEADER) && !/牵头|责任/.test(c)),
  );
  if (hi < 0) return null;
  const header = t.rows[hi]!.cells.map(squash);
  const cols = columnsOf(header);
  if (!cols) return null;
  const rows: OwnerTableRow[] = [];
  let category = '';
  let spanned = '';
  const carried: string[] = [];
  let prev: { leads: string; partners: string } | null = null;
  const at = (cells: string[], i: number) => (i >= 0 ? (cells[i] ?? '').trim() : '');
  for (const r of t.rows.slice(hi + 1)) {
    // Merged cells of a web copy leave rows short: align them on the right.
    const cells = r.cells.length < header.length ? [...Array(header.length - r.cells.length).fill(''), ...r.cells] : r.cells;
    const across = spanRow(cells);
    if (across) {
      spanned = across;
      category = across;
      continue;
    }
    if (cols.category >= 0 && at(cells, cols.category)) category = at(cells, cols.category);
    cols.sections.forEach((c, k) => {
      if (at(cells, c)) carried[k] = at(cells, c);
    });
    const name = at(cells, cols.name);
    if (!name) continue;
    let leadsText = cols.lead >= 0 ? at(cells, cols.lead) : '';
    let partnersText = cols.partner >= 0 ? at(cells, cols.partner) : '';
    const faults: string[] = [];
    if (cols.responsible >= 0) {
      // Only 责任单位: read as the bracket shape does (a （牵头） mark, else the first leads).
      const all = at(cells, cols.responsible);
      const found = all ? findBracketOwners(`责任单位：${all}`) : null;
      leadsText = found?.owners.leadsText ?? '';
      partnersText = found?.owners.partnersText ?? '';
      faults.push(...(found?.owners.faults ?? []));
    }
    if (!leadsText && prev) {
      leadsText = prev.leads;
      if (!partnersText) partnersText = prev.partners;
    }
    if (leadsText) prev = { leads: leadsText, partners: partnersText };
    const lead = /^\s*[(（]?\s*(\d{1,3}|[一二三四五六七八九十]{1,3})\s*[)）]?\s*[、.．,，]/.exec(name);
    const numCell = cols.num >= 0 ? at(cells, cols.num) : '';
    rows.push({
      category: category || spanned,
      name,
      section: cols.sections.map((_, k) => carried[k] ?? '').find(Boolean) ?? spanned,
      num: numCell || (lead ? lead[1]! : String(rows.length + 1)),
      numbered: !!(numCell || lead),
      deadline: cols.deadline >= 0 ? at(cells, cols.deadline) : '',
      owners: { leadsText, partnersText, raw: [leadsText, partnersText].filter(Boolean).join(' | '), source: 'annex-table', faults },
      line: r.line,
    });
  }
  return { rows, header: hi, first: t.rows[hi]!.line };
}

export interface LedgerItem {
  num: string;
  title: string;
  content: string;
  owners: PlanOwners | null;
  line: number;
}

/**
 * A ledger annex: numbered items, most of them carrying owners. Returns null
 * when the annex is something else (a glossary, the plan itself …).
 */
export function ledgerAnnex(lines: Line[]): { title: string; items: LedgerItem[] } | null {
  const items: { num: string; text: string; line: number }[] = [];
  const head: string[] = [];
  for (const { no, text } of lines) {
    const line = text.trim();
    if (!line) continue;
    const mk = markerOf(line);
    if (mk && (mk.rank === 3 || mk.rank === 4)) items.push({ num: mk.num, text: line.slice(mk.length).trim(), line: no });
    else if (items.length) items[items.length - 1]!.text += '\n' + line.trim();
    else head.push(line.trim());
  }
  const parsed: LedgerItem[] = items.map((it) => {
    const found = findTrailingOwners(it.text) ?? findBracketOwners(it.text);
    const body = found ? found.rest : it.text;
    const { title, rest } = splitTitle(body);
    return { num: it.num, title, content: rest, owners: found?.owners ?? null, line: it.line };
  });
  const owned = parsed.filter((p) => p.owners).length;
  if (parsed.length < 3 || owned < parsed.length * 0.6) return null;
  // The annex title: the lines after a bare 附件 line, else the text of 附件:…
  const bare = head.map((h) => /^附件\s*\d*\s*[:：]?\s*$/.test(fold(h))).lastIndexOf(true);
  const after = head.slice(bare + 1).filter((h) => !/^附件\s*\d*\s*[:：]/.test(h));
  const title = after.length ? after.join('') : (head.find((h) => /^附件\s*\d*\s*[:：]/.test(h)) ?? '').replace(/^附件\s*\d*\s*[:：]\s*/, '');
  return { title, items: parsed };
}
