import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readWorkbook, writeWorkbook } from '../../shared/io';
import { readLedger, type LedgerRead } from '../../shared/ledger/read';
import type { CellValue, SheetGrid } from '../../shared/model';
import { EXAMPLE_XLSX } from '../support/paths';

const EXAMPLE = EXAMPLE_XLSX;

async function grids(bytes: Uint8Array, file: string): Promise<SheetGrid[]> {
  const r = await readWorkbook(bytes, file);
  if (!r.ok) throw new Error(r.problem.message);
  return r.sheets;
}

describe('readLedger on the example workbook (jinjiang-2023H1.xlsx)', () => {
  let ledger: LedgerRead;
  beforeAll(async () => {
    ledger = readLedger(await grids(new Uint8Array(readFileSync(EXAMPLE)), 'jinjiang-2023H1.xlsx'), 'jinjiang-2023H1.xlsx');
  });

  it('finds the header on row 3 under the title rows and reads 29 tasks', () => {
    expect(ledger.sheets).toHaveLength(1);
    const s = ledger.sheets[0]!;
    expect(s.sheet).toBe('任务台账');
    expect(s.header.row).toBe(3);
    expect(s.header.progressPeriod).toBe('2023年上半年');
    expect(s.rows).toHaveLength(29);
    expect(s.rows.map((r) => r.id)).toEqual(Array.from({ length: 29 }, (_, i) => String(i + 1)));
    expect(s.rows[0]!.row).toBe(4);
    expect(s.rows[28]!.row).toBe(32);
  });

  it.each([
    // merged B4:B7, B8:B9, B10:B13, B30:B32: every spanned row carries the category
    [4, '实施青少年科学素质提升行动'],
    [5, '实施青少年科学素质提升行动'],
    [7, '实施青少年科学素质提升行动'],
    [9, '实施城市居民科学素质提升行动'],
    [13, '实施产业工人科学素质提升行动'],
    [18, '实施领导干部和公务员科学决策提能行动'],
    [32, '实施人才队伍建设工程'],
  ])('row %i has 类别 %s', (row, category) => {
    expect(ledger.sheets[0]!.rows.find((r) => r.row === row)!.category).toBe(category);
  });

  it('recognises the 单位名录 sheet as the directory', () => {
    expect(ledger.directory?.units.map((u) => u.name)).toEqual(
      expect.arrayContaining(['成都市锦江区科学技术协会', '成都市锦江区教育局', '成都市锦江区新经济和科技局']),
    );
  });

  it('reads meta from the title rows', () => {
    expect(ledger.meta).toMatchObject({ jurisdiction: '锦江区', period: '2023年上半年', asOf: '2023-06-30' });
    expect(ledger.meta.title).toContain('重点任务台账');
  });

  it('reads cells as values: numbers in 完成值, text owners untouched', () => {
    const r5 = ledger.sheets[0]!.rows.find((r) => r.row === 5)!;
    expect(r5.actualRaw).toBe(20);
    expect(r5.leadsText).toBe('区教育局、区科协');
    expect(r5.deadlineText).toBe('每年');
    expect(r5.progressText).toContain('20场');
  });

  it('finds no structural problem', () => {
    expect(ledger.findings.filter((f) => f.code.startsWith('structure.'))).toEqual([]);
  });
});

/** A ledger laid out the way officials do: title row, merged 类别, section rows, two ledger sheets, a note sheet. */
function officialWorkbook() {
  const title = (t: string): CellValue[] => [t];
  const header = ['序号', '类别', '重点任务', '任务内容', '牵头单位', '责任单位', '完成时限', '进展情况', '完成值'];
  return writeWorkbook({
    sheets: [
      {
        name: '青少年',
        rows: [
          title('綦江区全民科学素质行动实施方案（2021—2025年）重点任务台账'),
          title('截至日期：2024年3月31日'),
          header,
          [1, '青少年科学素质提升行动', '科学教育', '每年开展科普活动不少于50场', '区教育局', '区科协', '每年', '开展12场', 12],
          [2, null, '科技教师', '到2025年建设科技教育特色学校5所', '区教育局', '区教育局、区科协', '2025年底', '', null],
          [null, null, null, null, null, null, null, null, null],
          ['二、科普基础设施工程'],
          [3, null, '科普场馆', '新建科普基地3个', '', '区科协', '2025年', '建成1个', '1个'],
          [3, '其他', '重复序号', '定性任务', '区科协', '', '2025年', '按计划推进', null],
        ],
        merges: [
          { top: 0, left: 0, bottom: 0, right: 8 },
          { top: 1, left: 0, bottom: 1, right: 8 },
          { top: 3, left: 1, bottom: 4, right: 1 },
          { top: 6, left: 0, bottom: 6, right: 8 },
        ],
      },
      {
        name: '农民',
        rows: [
          title('农民科学素质提升行动任务台账'),
          ['编号', '分类', '工作任务', '具体措施', '牵头部门', '配合单位', '时间节点', '工作进展', '实际完成', '备注', '经办人'],
          ['A1', '农民科学素质提升行动', '高素质农民培训', '培训3000人次以上', '区农业农村委', '区科协', '2025年', '培训800人次', 800, '', '张三'],
          ['A2', null, '科普示范', '建设农村科普示范基地10个', '区农业农村委', '', '2025年', '', null, '', ''],
        ],
        merges: [
          { top: 0, left: 0, bottom: 0, right: 10 },
          { top: 2, left: 1, bottom: 3, right: 1 },
        ],
      },
      { name: '填表说明', rows: [['请各单位于每季度末填报'], ['联系人：区科协']] },
    ],
  });
}

describe('readLedger on an officials-style workbook built with writeWorkbook', () => {
  let ledger: LedgerRead;
  beforeAll(async () => {
    ledger = readLedger(await grids(await officialWorkbook(), 'qijiang.xlsx'), 'qijiang.xlsx');
  });

  it('reads both ledger sheets with their own headers', () => {
    expect(ledger.sheets.map((s) => [s.sheet, s.header.row, s.rows.length])).toEqual([
      ['青少年', 3, 4],
      ['农民', 2, 2],
    ]);
    expect(ledger.sheets[1]!.header.extras.map((e) => e.header)).toEqual(['经办人']);
  });

  it('applies a merged 类别 to every row it spans, and a section row to the rows below', () => {
    const [a, b] = ledger.sheets;
    expect(a!.rows.map((r) => [r.row, r.category])).toEqual([
      [4, '青少年科学素质提升行动'],
      [5, '青少年科学素质提升行动'],
      [8, '科普基础设施工程'],
      [9, '其他'],
    ]);
    expect(b!.rows.map((r) => r.category)).toEqual(['农民科学素质提升行动', '农民科学素质提升行动']);
    expect(b!.rows.map((r) => r.id)).toEqual(['A1', 'A2']);
  });

  it('reads meta: jurisdiction, plan period and as-of from the title rows', () => {
    expect(ledger.meta).toMatchObject({ jurisdiction: '綦江区', asOf: '2024-03-31', planPeriod: { start: 2021, end: 2025 } });
  });

  it('reports a duplicated 序号 on the Excel row of the second one, and skips the note sheet', () => {
    const dup = ledger.findings.filter((f) => f.code === 'structure.duplicate-id');
    expect(dup.map((f) => [f.sheet, f.row, f.column, f.params.first])).toEqual([['青少年', 9, '序号', 8]]);
    expect(dup[0]!.message).toContain('序号「3」重复');
    expect(dup[0]!.fix).toBeTruthy();
    const skipped = ledger.findings.filter((f) => f.code === 'structure.sheet-skipped');
    expect(skipped.map((f) => [f.sheet, f.severity])).toEqual([['填表说明', 'info']]);
  });
});

describe('readLedger structure findings', () => {
  const sheet = (rows: CellValue[][], name = 'Sheet1'): SheetGrid => ({ name, rows, merges: [] });
  it.each<[string, SheetGrid[], string[]]>([
    ['no header row anywhere', [sheet([['会议纪要'], ['今年工作很好']])], ['structure.no-header']],
    ['牵头单位 missing', [sheet([['序号', '任务内容', '责任单位'], [1, '开展活动', '区科协']])], ['structure.missing-column']],
    ['任务 and 任务内容 missing', [sheet([['序号', '牵头单位', '完成时限'], [1, '区科协', '2025年']])], ['structure.missing-column']],
    ['duplicated headers', [sheet([['序号', '任务内容', '牵头单位', '牵头部门'], [1, 'x', '区科协', '区教育局']])], ['structure.duplicate-header']],
    ['header without rows', [sheet([['序号', '任务内容', '牵头单位']])], ['structure.no-tasks']],
  ])('%s', (_n, sheets, codes) => {
    const l = readLedger(sheets, 'f.xlsx');
    expect(l.findings.map((f) => f.code)).toEqual(codes);
    for (const f of l.findings) {
      expect(f.file).toBe('f.xlsx');
      expect(f.message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('skips a header repeated further down and footnotes under the table', () => {
    const h = ['序号', '任务内容', '牵头单位'];
    const l = readLedger([sheet([h, [1, '开展活动', '区科协'], h, [2, '建设基地', '区教育局'], ['注：完成值请填写数字'], ['填报人：张三']])]);
    expect(l.sheets[0]!.rows.map((r) => [r.row, r.id])).toEqual([[2, '1'], [4, '2']]);
    expect(l.findings).toEqual([]);
  });

  it('skips template rows that name no task and no owner', () => {
    const l = readLedger([sheet([['序号', '任务内容', '牵头单位', '完成时限'], [1, '开展活动', '区科协', '2025年'], [2, null, null, null], [3, null, null, '2025年']])]);
    expect(l.sheets[0]!.rows.map((r) => r.id)).toEqual(['1']);
  });

  it('names the missing column in the message', () => {
    const l = readLedger([sheet([['序号', '任务内容'], [1, 'x']])]);
    expect(l.findings[0]!.message).toContain('牵头单位');
    expect(l.findings[0]!.row).toBe(1);
  });

  it('marks merged header cells', () => {
    const l = readLedger([{ name: 'S', rows: [['序号', '任务内容', '牵头单位', null], [1, 'x', '区科协', null]], merges: [{ top: 0, left: 2, bottom: 0, right: 3 }] }]);
    expect(l.findings.map((f) => [f.code, f.params.range])).toEqual([['structure.merged-header', 'C1:D1']]);
  });

  it('reads the 说明 sheet of a standard workbook as meta, over title rows', () => {
    const l = readLedger([
      sheet([['序号', '任务内容', '牵头单位'], [1, 'x', '区科协']], '任务台账'),
      sheet([['项目', '内容'], ['辖区', '成都市锦江区'], ['报告期', '2024年第一季度'], ['截至日期', '2024-03-31'], ['规划起始年', 2021], ['规划截止年', 2025]], '说明'),
    ]);
    expect(l.meta).toMatchObject({ jurisdiction: '成都市锦江区', period: '2024年第一季度', asOf: '2024-03-31', planPeriod: { start: 2021, end: 2025 } });
  });
});
