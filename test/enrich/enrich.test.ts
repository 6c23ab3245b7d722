import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readWorkbook, writeWorkbook } from '../../shared/io';
import { readLedger } from '../../shared/ledger/read';
import { validate, type ValidateResult } from '../../shared/checks/validate';
import { enrichColumns, ENRICH_HEADERS, ownerText } from '../../shared/enrich/columns';
import { metaRows, toStandardWorkbook } from '../../shared/enrich/standard';
import { DIRECTORY_SHEET, LEDGER_SHEET, META_KEYS, META_SHEET, STANDARD_COLUMNS } from '../../shared/ledger/standard';
import type { OwnerMatch } from '../../shared/model';
import { EXAMPLE_XLSX } from '../support/paths';

const EXAMPLE = EXAMPLE_XLSX;

describe('enrichColumns on the example ledger', () => {
  let v: ValidateResult;
  let cols: ReturnType<typeof enrichColumns>;
  beforeAll(async () => {
    const r = await readWorkbook(new Uint8Array(readFileSync(EXAMPLE)), 'jinjiang-2023H1.xlsx');
    if (!r.ok) throw new Error(r.problem.message);
    v = validate(readLedger(r.sheets), { asOf: new Date('2023-06-30T00:00:00Z') });
    cols = enrichColumns(v.tasks, v.directory);
  });
  const rowOf = (excelRow: number) => {
    const i = v.tasks.findIndex((t) => t.row === excelRow);
    return Object.fromEntries(ENRICH_HEADERS.map((h, k) => [h, cols.rows[i]![k]]));
  };

  it('has the twelve headers and one row per task', () => {
    expect(cols.headers).toEqual(['规范牵头单位', '规范责任单位', '人群', '工程', '目标值', '单位', '截止年份', '完成率', '状态', '红黄绿灯', '判断依据', '联系人']);
    expect(cols.rows).toHaveLength(29);
    expect(cols.rows.every((r) => r.length === 12)).toBe(true);
  });

  it.each([
    [5, { 规范牵头单位: '成都市锦江区教育局、成都市锦江区科学技术协会', 人群: '青少年', 目标值: 50, 单位: '场', 截止年份: '每年', 完成率: 0.4, 状态: '滞后', 红黄绿灯: '黄', 判断依据: '完成值/目标「20/50场」' }],
    [7, { 目标值: 80, 单位: '人次', 完成率: 0.65, 状态: '正常', 红黄绿灯: '绿' }],
    [19, { 规范牵头单位: '成都市锦江区新经济和科技局、成都市锦江区科学技术协会', 工程: '科普基础设施工程', 目标值: 3, 单位: '个', 截止年份: 2025, 完成率: 0.6667, 状态: '正常', 红黄绿灯: '绿' }],
    [8, { 人群: '城镇居民', 目标值: null, 单位: '', 完成率: null, 状态: '未填报', 红黄绿灯: '黄', 判断依据: '未填报' }],
    [10, { 目标值: null, 状态: '正常', 红黄绿灯: '绿', 判断依据: '工作进展「开展“最美科技工作者”宣传」' }],
  ])('row %i', (row, want) => {
    expect(rowOf(row)).toMatchObject(want);
  });

  it('writes the same canonical lead for both spellings of 区新经济和科技局', () => {
    expect(String(rowOf(10).规范牵头单位).split('、')[0]).toBe(String(rowOf(19).规范牵头单位).split('、')[0]);
  });

  it('never returns the user’s own columns', () => {
    for (const h of cols.headers) expect(['牵头单位', '责任单位', '任务内容', '完成值', '工作进展']).not.toContain(h);
  });
});

describe('ownerText', () => {
  const m = (input: string, name: string | null, matched: OwnerMatch['matched']): OwnerMatch => ({ input, name, matched, score: 1, suggestions: [] });
  it.each<[OwnerMatch[], string]>([
    [[m('区科协', '成都市锦江区科学技术协会', 'alias'), m('各街道', '各街道', 'group')], '成都市锦江区科学技术协会、各街道'],
    [[m('区教育厅', null, 'none')], '区教育厅(未识别)'],
    [[m('区教肓局', '成都市锦江区教育局', 'fuzzy')], '区教肓局(未识别)'],
    [[m('区科协', 'X', 'alias'), m('科协', 'X', 'rule')], 'X'],
  ])('%j → %s', (ms, want) => {
    expect(ownerText(ms)).toBe(want);
  });
});

describe('toStandardWorkbook', () => {
  it('lays out 任务台账 + 说明 + 单位名录 and reads back to the same tasks', async () => {
    const r = await readWorkbook(new Uint8Array(readFileSync(EXAMPLE)), 'x.xlsx');
    if (!r.ok) throw new Error(r.problem.message);
    const ledger = readLedger(r.sheets);
    const plan = { start: 2021, end: 2025 };
    const v = validate(ledger, { asOf: new Date('2023-06-30T00:00:00Z'), plan });
    const spec = toStandardWorkbook(v.tasks, { ...ledger.meta, planPeriod: { start: 2021, end: 2025 } }, ledger.directory!.units);
    expect(spec.sheets.map((s) => s.name)).toEqual([LEDGER_SHEET, META_SHEET, DIRECTORY_SHEET]);
    expect(spec.sheets[0]!.rows[0]).toEqual([...STANDARD_COLUMNS]);
    expect(spec.sheets[0]!.rows).toHaveLength(30);

    const back = await readWorkbook(await writeWorkbook(spec), 'std.xlsx');
    if (!back.ok) throw new Error(back.problem.message);
    const again = readLedger(back.sheets);
    expect(again.meta).toMatchObject({ jurisdiction: '锦江区', period: '2023年上半年', asOf: '2023-06-30', planPeriod: { start: 2021, end: 2025 } });
    expect(again.sheets[0]!.header.row).toBe(1);
    const v2 = validate(again, { asOf: new Date('2023-06-30T00:00:00Z') });
    // the 说明 sheet carries the plan period, so the statuses come back the same without passing it
    const pick = (ts: typeof v.tasks) => ts.map((t) => [t.id, t.category, t.leadsText, t.targets[0]?.value ?? null, t.actual, t.status]);
    expect(pick(v2.tasks)).toEqual(pick(v.tasks));
  });
});

describe('enrichColumns with the workbook’s own 单位名录', () => {
  it('writes the lead’s contact and resolves names from the sheet', () => {
    const ledger = readLedger([
      {
        name: '任务台账',
        rows: [
          ['序号', '重点任务', '任务内容', '牵头单位', '责任单位', '完成时限', '工作进展', '完成值'],
          [1, '科普活动', '每年开展科普活动不少于50场', '区科协', '区教育局', '每年', '开展30场', 30],
          [2, '宣传', '加强科普宣传', '区教育局', '', '2025年', '', null],
        ],
        merges: [],
      },
      {
        name: '单位名录',
        rows: [
          ['单位名称', '简称/别名', '类别', '联系人', '联系电话'],
          ['成都市锦江区科学技术协会', '区科协', '群团', '王五', '028-12345678'],
          ['成都市锦江区教育局', '区教育局', '政府部门', '', ''],
        ],
        merges: [],
      },
    ]);
    const v = validate(ledger, { asOf: new Date('2024-12-31T00:00:00Z') });
    const { rows } = enrichColumns(v.tasks, v.directory);
    const at = (i: number, h: string) => rows[i]![ENRICH_HEADERS.indexOf(h as (typeof ENRICH_HEADERS)[number])];
    expect(at(0, '规范牵头单位')).toBe('成都市锦江区科学技术协会');
    expect(at(0, '联系人')).toBe('王五 028-12345678');
    expect(at(0, '完成率')).toBe(0.6);
    expect(at(0, '状态')).toBe('滞后'); // 31 Dec: the whole year has passed, 30 of 50
    expect(at(1, '联系人')).toBe('');
    expect(at(1, '状态')).toBe('未填报'); // qualitative and nothing reported
    expect(at(1, '红黄绿灯')).toBe('黄');
  });
});

// The 说明 sheet's 级别 is the plan's level: 直辖市 are province-level, not 市.
describe('metaRows 级别', () => {
  it.each([
    ['重庆市', '省'],
    ['北京市', '省'],
    ['四川省', '省'],
    ['广西壮族自治区', '省'],
    ['成都市', '市'],
    ['凉山彝族自治州', '市'],
    ['成都市锦江区', '区县'],
    ['重庆市綦江区', '区县'],
    ['全国', '国家'],
    [null, ''],
  ])('%s → %s', (jurisdiction, level) => {
    const rows = metaRows({ jurisdiction, period: null, asOf: null, title: null, planPeriod: null });
    expect(rows.find((r) => r[0] === META_KEYS.level)?.[1]).toBe(level);
  });
});
