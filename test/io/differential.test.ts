// The direct reader (readWorkbook) against the former exceljs-based one
// (readWorkbookWithExceljs) on the same bytes: identical values, merges,
// sheet states, warnings and refusals. Inputs: the example ledger, every
// committed bad fixture, workbooks written by our own writeWorkbook, and a
// workbook written by exceljs directly with the cell kinds real ledgers hold.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { CellValue, MergeRange } from '../../shared/model';
import { readWorkbook, writeWorkbook, type WorkbookSpec } from '../../shared/io';
import { readWorkbookWithExceljs } from '../../shared/io/read-exceljs';
import { EXAMPLE_XLSX } from '../support/paths';

const committed = path.join(__dirname, '..', 'fixtures', 'bad');

async function same(bytes: Uint8Array, file: string): Promise<void> {
  const [fast, ref] = await Promise.all([readWorkbook(bytes, file), readWorkbookWithExceljs(bytes, file)]);
  expect(fast.ok).toBe(ref.ok);
  if (!fast.ok || !ref.ok) {
    if (!fast.ok && !ref.ok) expect(fast.problem).toEqual(ref.problem);
    return;
  }
  expect(fast.sheets.map((s) => [s.name, s.state])).toEqual(ref.sheets.map((s) => [s.name, s.state]));
  for (let i = 0; i < ref.sheets.length; i++) {
    expect(fast.sheets[i].merges, `${file} 「${ref.sheets[i].name}」 merges`).toEqual(ref.sheets[i].merges);
    expect(fast.sheets[i].rows, `${file} 「${ref.sheets[i].name}」 rows`).toEqual(ref.sheets[i].rows);
  }
  expect(fast.warnings).toEqual(ref.warnings);
}

const CATEGORIES = ['实施青少年科学素质提升行动', '实施农民科学素质提升行动', '实施老年人科学素质提升行动'];
const OWNERS = ['区教育局、区科协', '区新经济和科技局', '区卫健局', '区农业农村局、区科协'];
const FORMULA_LIKE = ['=SUM(A1:A3)', '=HYPERLINK("http://example.com","点我")', '+86 028-8888', '-5%', '@区科协', '＝1+1'];

function ledgerSpec(n: number): WorkbookSpec {
  const rows: CellValue[][] = [['某区全民科学素质行动重点任务台账（2023年上半年）'], ['序号', '类别', '重点任务', '牵头单位', '完成时限', '完成值', '截至日期', '已完成', '备注']];
  const merges: MergeRange[] = [{ top: 0, left: 0, bottom: 0, right: 8 }];
  for (let i = 0; i < n; i++) {
    if (i % 4 === 0 && i + 3 < n) merges.push({ top: i + 2, left: 1, bottom: i + 5, right: 1 });
    rows.push([
      i + 1,
      i % 4 === 0 ? CATEGORIES[i % 3] : null,
      `开展科普活动 <第${i + 1}项> & "进校园" 'A'`,
      OWNERS[i % OWNERS.length],
      i % 3 === 0 ? '每年' : `${2023 + (i % 3)}年底`,
      i % 5 === 0 ? null : i % 2 ? i * 1.25 : -i,
      i % 6 === 0 ? null : new Date(Date.UTC(2023, i % 12, (i % 28) + 1, i % 5 === 0 ? 12 : 0)),
      i % 7 === 0 ? null : i % 2 === 0,
      FORMULA_LIKE[i % FORMULA_LIKE.length] + (i % 3 === 0 ? '\n第二行　全角空格 ' : ''),
    ]);
  }
  return {
    sheets: [
      { name: '任务台账', rows, merges, headerRow: 1 },
      { name: '单位名录', rows: [['单位名称'], ...OWNERS.map((o) => [o])], state: 'hidden' },
      { name: '空表', rows: [] },
    ],
  };
}

/** A workbook as exceljs writes it, with what writeWorkbook never produces. */
async function exceljsWorkbook(date1904: boolean): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  if (date1904) wb.properties.date1904 = true;
  const ws = wb.addWorksheet('任务台账');
  ws.addRow(['序号', '重点任务', '牵头单位', '完成值', '合计', '截至日期', '已完成', '链接', '说明']);
  ws.addRow([1, { richText: [{ text: '开展', font: { bold: true } }, { text: '青少年科技活动' }] }, '区教育局', 23, { formula: 'D2*2', result: 46 }, new Date(Date.UTC(2023, 5, 30)), true, { text: '区科协官网', hyperlink: 'http://kx.example.cn' }, { formula: 'B2&"（进行中）"', result: '开展青少年科技活动（进行中）' }]);
  ws.addRow([2, '培育科技创新后备人才', '区科协', 1.5, { formula: 'D3/0', result: { error: '#DIV/0!' } }, new Date(Date.UTC(2024, 1, 29, 8, 30)), false, { text: '说明文档', hyperlink: 'http://kx.example.cn/doc' }, { formula: 'D3>1', result: true }]);
  ws.addRow([3, '推进科普基础设施建设', { error: '#N/A' }, null, { formula: 'SUM(D2:D3)' }, { formula: 'F2+1', result: new Date(Date.UTC(2023, 6, 1)) }, null, null, '  前后空格  ']);
  ws.getColumn(6).numFmt = 'yyyy"年"m"月"d"日"';
  ws.getCell('D5').value = 45000;
  ws.getCell('D5').numFmt = 'yyyy-mm-dd hh:mm';
  ws.getCell('D6').value = 12.5;
  ws.getCell('D6').numFmt = '[Red]"完成"0.0"次"';
  ws.getCell('A7').value = 44000;
  ws.getCell('A7').numFmt = 'mm-dd-yy';
  ws.mergeCells('H5:I6');
  ws.getCell('H5').value = '合并的备注';
  const hidden = wb.addWorksheet('隐藏', { state: 'veryHidden' });
  hidden.addRow(['单位名称']);
  hidden.addRow(['区教育局']);
  const out = await wb.xlsx.writeBuffer();
  return new Uint8Array(out as ArrayBuffer);
}

describe('direct reader = exceljs reader', () => {
  it('the example ledger (jinjiang-2023H1.xlsx)', async () => {
    await same(new Uint8Array(readFileSync(EXAMPLE_XLSX)), 'jinjiang-2023H1.xlsx');
  });

  it.each(readdirSync(committed).filter((f) => f !== 'README.md').sort().map((f) => [f]))('committed fixture %s', async (f) => {
    await same(new Uint8Array(readFileSync(path.join(committed, f))), f);
  });

  it.each([[0], [1], [7], [60]])('writeWorkbook ledger of %i rows (Chinese text, numbers, dates, merges, formula-like text, hidden sheet)', async (n) => {
    await same(await writeWorkbook(ledgerSpec(n)), `台账-${n}.xlsx`);
  });

  it.each([[false], [true]])('exceljs-written workbook (rich text, formulas, hyperlinks, booleans, dates, custom date formats), date1904 %s', async (d1904) => {
    const bytes = await exceljsWorkbook(d1904);
    await same(bytes, 'exceljs.xlsx');
    const r = await readWorkbook(bytes, 'exceljs.xlsx');
    if (!r.ok) throw new Error(r.problem.message);
    const rows = r.sheets[0].rows;
    // Not only equal to exceljs: right.
    expect(rows[1]).toEqual([1, '开展青少年科技活动', '区教育局', 23, 46, new Date(Date.UTC(2023, 5, 30)), true, '区科协官网', '开展青少年科技活动（进行中）']);
    expect(rows[2][4]).toBe('#DIV/0!');
    expect(rows[2][5]).toEqual(new Date(Date.UTC(2024, 1, 29, 8, 30)));
    expect(rows[3][2]).toBe('#N/A');
    expect(rows[3][4]).toBeNull();
    expect(rows[3][8]).toBe('  前后空格  ');
    // Serial 45000 is 2023-03-15 in the 1900 date system, 1,462 days later in the 1904 one.
    expect(rows[4][3]).toEqual(new Date(Date.UTC(2023, 2, 15 + (d1904 ? 1462 : 0))));
    expect(rows[5][3]).toBe(12.5);
    expect(rows[4][7]).toBe('合并的备注');
    expect(r.sheets[0].merges).toEqual([{ top: 4, left: 7, bottom: 5, right: 8 }]);
    expect(r.sheets[1].state).toBe('veryHidden');
    expect(r.warnings.map((w) => [w.code, w.row, w.column])).toEqual([
      ['formula-error', 3, 'E'],
      ['formula-error', 4, 'C'],
      ['formula-no-result', 4, 'E'],
    ]);
  });
});
