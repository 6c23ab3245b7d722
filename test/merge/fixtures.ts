// Ledgers for the merge tests, built from the seeds so nothing is invented:
//  - the example workbook (锦江区 2023年上半年, title rows, merged 类别, 单位名录);
//  - seed 004's annex table (綦江区) laid out differently: other header names,
//    other column order, no title rows;
//  - an update from a 锦江区 unit: a later 截至日期, some of the example's
//    tasks again (same 序号 and title with edited wording; one renumbered with
//    the same text and leads) and one task of its own.
// They are written with exceljs directly (not the product's writer) so the
// tests read files shaped like the ones officials send.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { EXAMPLE_XLSX, seedText } from '../support/paths';

export const EXAMPLE = EXAMPLE_XLSX;

export interface ExampleRow {
  row: number;
  id: number;
  category: string;
  title: string;
  content: string;
  leads: string;
  partners: string;
  deadline: string;
  progress: string;
  actual: number | null;
}

const text = (v: ExcelJS.CellValue): string => (v === null || v === undefined ? '' : String(v));

/** The example's task rows as exceljs reads them (the header is Excel row 3). */
export async function exampleRows(): Promise<ExampleRow[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(EXAMPLE) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('任务台账')!;
  const rows: ExampleRow[] = [];
  ws.eachRow((r, n) => {
    const v = r.values as ExcelJS.CellValue[];
    if (n <= 3 || typeof v[1] !== 'number') return;
    rows.push({
      row: n,
      id: v[1],
      category: text(v[2]),
      title: text(v[3]),
      content: text(v[4]),
      leads: text(v[5]),
      partners: text(v[6]),
      deadline: text(v[7]),
      progress: text(v[8]),
      actual: typeof v[9] === 'number' ? v[9] : null,
    });
  });
  return rows;
}

/** Seed 004's annex: 类别 / 任务内容 / 牵头部门 / 责任部门, one block per action or project. */
export function qijiangAnnex(): { category: string; content: string; leads: string; partners: string }[] {
  const lines = seedText('004').split('\n');
  const start = lines.findIndex((l) => l.replace(/\s/g, '') === '责任部门');
  const out: { category: string; content: string; leads: string; partners: string }[] = [];
  let category = '';
  for (let i = start + 1; i < lines.length; i++) {
    const l = lines[i]!.trim();
    if (!lines[i]!.startsWith('\t') && l) break;
    if (!l) continue;
    if (/^\d+[．.]/.test(l)) {
      out.push({ category, content: l, leads: lines[i + 1]!.trim(), partners: lines[i + 2]!.trim() });
      i += 2;
    } else category = l;
  }
  return out;
}

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The annex as a ledger of another layout: 编号 last, 任务内容 first, no title rows. */
export async function qijiangLedger(): Promise<{ bytes: Uint8Array; tasks: number }> {
  const rows = qijiangAnnex();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(['任务内容', '分类', '牵头部门', '责任部门', '时间节点', '进展情况', '编号']);
  rows.forEach((r, i) => ws.addRow([r.content, r.category, r.leads, r.partners, '2025年', i % 2 ? '已启动' : '', i + 1]));
  return { bytes: await bytesOf(wb), tasks: rows.length };
}

export interface UpdatePlan {
  /** Example ids repeated with the same 序号 and title, wording edited. */
  sameNumber: number[];
  /** Example id repeated under another 序号 with the same text and leads. */
  renumbered: number;
  renumberedAs: number;
  /** A task only the update has. */
  own: { id: number; title: string; content: string; leads: string };
}

export const UPDATE: UpdatePlan = {
  sameNumber: [2, 3],
  renumbered: 5,
  renumberedAs: 31,
  own: {
    id: 30,
    title: '开展科普讲解大赛',
    content: '组织全区科普讲解大赛1场,选拔优秀选手参加市级比赛。',
    leads: '区科协',
  },
};

/**
 * A unit's later report (截至 2023年7月15日) with the example's title row,
 * columns in another order. Returns the Excel row of each data row by 序号.
 */
export async function updateLedger(plan = UPDATE): Promise<{ bytes: Uint8Array; rowOf: Map<number, number> }> {
  const example = await exampleRows();
  const byId = new Map(example.map((r) => [r.id, r]));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('进展更新');
  ws.addRow(['锦江区全民科学素质行动规划纲要实施方案重点任务台账（2023年上半年）']);
  ws.addRow(['填报单位：区教育局　　截至日期：2023年7月15日']);
  ws.mergeCells(1, 1, 1, 8);
  ws.mergeCells(2, 1, 2, 8);
  ws.addRow(['序号', '重点任务', '牵头单位', '任务内容', '责任单位', '完成时限', '2023年上半年工作进展', '完成值']);
  const rowOf = new Map<number, number>();
  const add = (id: number, r: { title: string; content: string; leads: string; partners?: string; deadline?: string }, progress: string, actual: number | null) => {
    const row = ws.addRow([id, r.title, r.leads, r.content, r.partners ?? '', r.deadline ?? '2025年', progress, actual]);
    rowOf.set(id, row.number);
  };
  for (const id of plan.sameNumber) {
    const r = byId.get(id)!;
    // wording edited further down the cell: the numbered rule still pairs it
    add(id, { ...r, content: r.content.replace(/。$/, '') + '(已更新)。' }, `${r.progress || '按计划推进'};7月新增活动`, (r.actual ?? 0) + 5);
  }
  const moved = byId.get(plan.renumbered)!;
  add(plan.renumberedAs, moved, '7月开展宣传活动', null);
  add(plan.own.id, plan.own, '已完成初赛', 1);
  return { bytes: await bytesOf(wb), rowOf };
}

/** Bad files of the kinds a clerk's folder holds, minimal versions of the io fixtures. */
export async function minimalBadFiles(): Promise<{ name: string; bytes: Uint8Array }[]> {
  const example = new Uint8Array(readFileSync(EXAMPLE));
  const empty = new ExcelJS.Workbook();
  empty.addWorksheet('Sheet1');
  const noHeader = new ExcelJS.Workbook();
  const ws = noHeader.addWorksheet('数据');
  ws.addRow(['甲', '乙', '丙']);
  ws.addRow([1, 2, 3]);
  // an old .xls starts with the CFB (OLE2) signature
  const cfb = new Uint8Array(4096);
  cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  return [
    { name: '不是表格.xlsx', bytes: new TextEncoder().encode('这不是一个 Excel 文件,只是文字。\n') },
    { name: '传输中断.xlsx', bytes: example.slice(0, Math.floor(example.length / 2)) },
    { name: '空工作簿.xlsx', bytes: await bytesOf(empty) },
    { name: '没有表头.xlsx', bytes: await bytesOf(noHeader) },
    { name: '旧格式.xls', bytes: cfb },
  ];
}
