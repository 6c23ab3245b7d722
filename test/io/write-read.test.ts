// writeWorkbook → readWorkbook round trips, formula neutralisation, the
// spec's formatting fields, and what happens to values Excel cannot hold.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../shared/model';
import { needsNeutralising, readWorkbook, TRUNCATION_MARKER, writeWorkbook, writeWorkbookReport, type WorkbookSpec } from '../../shared/io';

const FORMULA_LIKE = ['=SUM(A1:A3)', '+86 028-8888', '-5%', '@区科协', '=HYPERLINK("http://evil.example","点我")', '\t=1+1', '\r=1', '＝1+1', '-', '=', '@'];

const ROWS: CellValue[][] = [
  ['序号', '类别', '重点任务', '牵头单位', '完成时限', '完成值', '截至日期', '已完成'],
  [1, '实施青少年科学素质提升行动', '开展青少年科技活动', '区教育局、区科协', '每年', 23, new Date(Date.UTC(2023, 5, 30)), true],
  [2, null, '培育科技创新后备人才', '区教育局', '2025年底', 1.5, new Date(Date.UTC(2023, 0, 1)), false],
  [3, '实施老年人科学素质提升行动', '开展老年人智能技术培训', '区卫健局', '每年', null, null, null],
];

function spec(rows: CellValue[][] = ROWS): WorkbookSpec {
  return {
    title: '测试台账',
    creator: '科素台账',
    sheets: [
      {
        name: '任务台账',
        rows,
        merges: [{ top: 1, left: 1, bottom: 2, right: 1 }],
        widths: [6, 24, 30],
        headerRow: 0,
        wrapColumns: [2],
        lists: [{ col: 3, fromRow: 1, toRow: 100, formula: '单位名录!$A$2:$A$50' }],
      },
      { name: '单位名录', rows: [['单位名称'], ['区教育局'], ['区科协']], state: 'hidden' },
    ],
  };
}

const parts = (bytes: Uint8Array): Record<string, string> => Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, strFromU8(v)]));

describe('writeWorkbook → readWorkbook', () => {
  it('values, merges and sheet state come back as written', async () => {
    const r = await readWorkbook(await writeWorkbook(spec()), 'out.xlsx');
    if (!r.ok) throw new Error(r.problem.message);
    expect(r.warnings).toEqual([]);
    const [ledger, dir] = r.sheets;
    expect(ledger.name).toBe('任务台账');
    expect(ledger.rows).toEqual(ROWS.map((row, i) => (i === 3 ? row.slice(0, 5) .concat([null, null, null]) : row)));
    expect(ledger.merges).toEqual([{ top: 1, left: 1, bottom: 2, right: 1 }]);
    expect(ledger.state).toBe('visible');
    expect(dir.state).toBe('hidden');
    expect(dir.rows.map((x) => x[0])).toEqual(['单位名称', '区教育局', '区科协']);
  });

  it('header row bold, frozen and filtered; widths, wrap and the list validation are in the file', async () => {
    const xml = parts(await writeWorkbook(spec()));
    const sheet = xml['xl/worksheets/sheet1.xml'];
    expect(sheet).toMatch(/<pane[^>]*ySplit="1"[^>]*state="frozen"/);
    expect(sheet).toContain('<autoFilter ref="A1:H1"/>');
    expect(sheet).toMatch(/<col min="1" max="1" width="6"/);
    expect(sheet).toMatch(/<dataValidation[^>]*type="list"[^>]*sqref="D2:D101"[\s\S]*?<formula1>单位名录!\$A\$2:\$A\$50<\/formula1>/);
    // Schema order: sheetData < autoFilter < mergeCells < dataValidations (Excel repairs files that break it).
    const at = (tag: string): number => sheet.indexOf(tag);
    expect(at('</sheetData>')).toBeLessThan(at('<autoFilter'));
    expect(at('<autoFilter')).toBeLessThan(at('<mergeCells count="1"><mergeCell ref="B2:B3"/></mergeCells>'));
    expect(at('<mergeCells')).toBeLessThan(at('<dataValidations'));
    expect(xml['xl/styles.xml']).toMatch(/<b\/>/);
    expect(xml['xl/styles.xml']).toMatch(/wrapText="1"/);
    expect(xml['xl/workbook.xml']).toMatch(/name="单位名录"[^>]*state="hidden"/);
  });

  it.each(FORMULA_LIKE.map((s) => [JSON.stringify(s), s]))('%s is written as text with quotePrefix and read back unchanged', async (_label, text) => {
    const bytes = await writeWorkbook({ sheets: [{ name: 'S', rows: [['备注'], [text]] }] });
    const xml = parts(bytes);
    const sheet = xml['xl/worksheets/sheet1.xml'];
    expect(sheet).not.toContain('<f>');
    const cell = /<c r="A2"( s="(\d+)")? t="s"/.exec(sheet);
    expect(cell, 'A2 is a string cell').not.toBeNull();
    const xfs = [...(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml['xl/styles.xml'])![1].matchAll(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g))].map((m) => m[0]);
    expect(xfs[Number(cell![2] ?? 0)]).toContain('quotePrefix="1"');
    const r = await readWorkbook(bytes, 'n.xlsx');
    if (!r.ok) throw new Error(r.problem.message);
    // Exact text, no apostrophe added (a CR is stored as LF: XML normalises line ends).
    expect(r.sheets[0].rows[1][0]).toBe(text.replace(/\r\n?/g, '\n'));
    expect(needsNeutralising(text)).toBe(true);
  });

  it.each([['区教育局'], ['1-2月'], ['100%'], ['a=b'], ['（=）']])('%s is not treated as a formula', (text) => {
    expect(needsNeutralising(text)).toBe(false);
  });

  it('a ledger with thousands of merged 类别 cells round-trips every merge, and slave cells read as empty', async () => {
    const rows: CellValue[][] = [['序号', '类别', '重点任务']];
    const merges = [];
    for (let i = 0; i < 6000; i++) rows.push([i + 1, `类别${Math.floor(i / 3)}`, `任务${i + 1}`]);
    for (let i = 0; i < 6000; i += 3) merges.push({ top: i + 1, left: 1, bottom: i + 3, right: 1 });
    const r = await readWorkbook(await writeWorkbook({ sheets: [{ name: '任务台账', rows, merges, headerRow: 0 }] }), 'm.xlsx');
    if (!r.ok) throw new Error(r.problem.message);
    expect(r.sheets[0].merges).toEqual(merges);
    expect(r.sheets[0].rows[1][1]).toBe('类别0');
    expect(r.sheets[0].rows[2][1]).toBeNull();
    expect(r.sheets[0].rows[4][1]).toBe('类别1');
  }, 120_000);

  it('ordinary text gets no quotePrefix', async () => {
    const xml = parts(await writeWorkbook({ sheets: [{ name: 'S', rows: [['区教育局']] }] }));
    expect(xml['xl/styles.xml']).not.toContain('quotePrefix');
  });

  it('a cell over 32,767 characters is truncated with a marker and a warning, and the file reads', async () => {
    const long = '进展'.repeat(20_000);
    const w = await writeWorkbookReport({ sheets: [{ name: '任务台账', rows: [['工作进展'], [long]] }] });
    expect(w.warnings).toHaveLength(1);
    expect(w.warnings[0]).toMatchObject({ code: 'write-cell-truncated', sheet: '任务台账', row: 2, column: 'A' });
    const r = await readWorkbook(w.bytes, 'long.xlsx');
    if (!r.ok) throw new Error(r.problem.message);
    const v = r.sheets[0].rows[1][0] as string;
    expect(v.length).toBe(32_767);
    expect(v.endsWith(TRUNCATION_MARKER)).toBe(true);
    expect(r.warnings).toEqual([]);
  });

  it('invalid sheet names, control characters, NaN and overlapping merges are repaired with warnings', async () => {
    const w = await writeWorkbookReport({
      sheets: [
        { name: '2023/上半年:台账[锦江]*这是一个非常非常非常非常长的工作表名字', rows: [['a\u0001b', NaN]], merges: [{ top: 0, left: 0, bottom: 1, right: 1 }, { top: 1, left: 1, bottom: 2, right: 2 }] },
        { name: '任务台账', rows: [['x']] },
        { name: '任务台账', rows: [['y']] },
      ],
    });
    const codes = w.warnings.map((x) => x.code).sort();
    expect(codes).toEqual(['write-bad-number', 'write-invalid-chars', 'write-merge-skipped', 'write-sheet-renamed', 'write-sheet-renamed'].sort());
    const r = await readWorkbook(w.bytes, 'x.xlsx');
    if (!r.ok) throw new Error(r.problem.message);
    expect(r.sheets.map((s) => s.name)).toEqual(['2023_上半年_台账_锦江__这是一个非常非常非常非常长的工', '任务台账', '任务台账(2)']);
    expect(r.sheets[0].rows[0]).toEqual(['ab']);
    expect(r.sheets[0].merges).toEqual([{ top: 0, left: 0, bottom: 1, right: 1 }]);
  });
});
