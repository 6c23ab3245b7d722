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
  /** The row's 序号 cell, else the number the task cell starts with, else its position. */
  num: string;
  /** The 完成时限 / 时间节点 cell, when the table has one. */
  deadline: string;
  owners: PlanOwners;
  line: number;
}

const squash = (s: string) => fold(s).replace(/\s+/g, '');

/** An owner table: a header with a 牵头 column and a task/content column. */
export function ownerTable(t: Table): { rows: OwnerTableRow[]; header: number; first: number } | null {
  // Header cells are short labels (类别, 任务内容, 牵头部门, 责 任 部 门); a long
  // cell that mentions 牵头 is prose, not a header.
  const label = (c: string, re: RegExp) => squash(c).length <= 10 && re.test(squash(c));
  const hi = t.rows.findIndex(
    (r) => r.cells.some((c) => label(c, /牵头/)) && r.cells.some((c) => label(c, /任务|内容|项目|名称|行动|工程|事项|措施|工作/) && !/牵头/.test(c)),
  );
  if (hi < 0) return null;
  const header = t.rows[hi]!.cells.map(squash);
  const col = (re: RegExp, not?: RegExp) => header.findIndex((c) => re.test(c) && !(not && not.test(c)));
  const leadCol = col(/牵头/);
  const partnerCol = col(/责任|配合|参与|协办|协同|参加/, /牵头/);
  const nameCol = col(/任务|内容|项目|名称|行动|工程|事项|措施|工作/, /牵头|责任|配合|参与|时限|时间|进度|目标/);
  const catCol = col(/类别|类型|分类|领域/);
  const numCol = col(/^(序号|编号|序|号)$/);
  const deadlineCol = col(/时限|时间|期限|节点|进度安排/);
  const rows: OwnerTableRow[] = [];
  let category = '';
  for (const r of t.rows.slice(hi + 1)) {
    // Merged cells (a 类别 spanning rows) leave rows short: align them on the right.
    const cells = r.cells.length < header.length ? [...Array(header.length - r.cells.length).fill(''), ...r.cells] : r.cells;
    if (catCol >= 0 && cells[catCol]) category = cells[catCol]!;
    const name = cells[nameCol] ?? '';
    if (!name) continue;
    const leadsText = cells[leadCol] ?? '';
    const partnersText = partnerCol >= 0 ? (cells[partnerCol] ?? '') : '';
    const lead = /^\s*[(（]?\s*(\d{1,3}|[一二三四五六七八九十]{1,3})\s*[)）]?\s*[、.．,，]/.exec(name);
    rows.push({
      category,
      name,
      num: (numCol >= 0 && cells[numCol]) || (lead ? lead[1]! : String(rows.length + 1)),
      deadline: deadlineCol >= 0 ? (cells[deadlineCol] ?? '') : '',
      owners: { leadsText, partnersText, raw: [leadsText, partnersText].filter(Boolean).join(' | '), source: 'annex-table', faults: [] },
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
