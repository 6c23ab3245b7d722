import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readWorkbook } from '../../shared/io';
import { readLedger } from '../../shared/ledger/read';
import { validate, type ValidateResult } from '../../shared/checks/validate';
import { findingCode, wordingOf } from '../../shared/checks/messages';
import type { CellValue, SheetGrid } from '../../shared/model';
import { EXAMPLE_XLSX } from '../support/paths';

const EXAMPLE = EXAMPLE_XLSX;
const asOf = new Date('2023-06-30T00:00:00Z');

describe('validate the example ledger as of 2023-06-30', () => {
  let v: ValidateResult;
  beforeAll(async () => {
    const r = await readWorkbook(new Uint8Array(readFileSync(EXAMPLE)), 'jinjiang-2023H1.xlsx');
    if (!r.ok) throw new Error(r.problem.message);
    v = validate(readLedger(r.sheets, 'jinjiang-2023H1.xlsx'), { asOf });
  });
  const task = (row: number) => v.tasks.find((t) => t.row === row)!;

  it('builds 29 tasks with the ledger’s own 序号', () => {
    expect(v.tasks).toHaveLength(29);
    expect(task(32).id).toBe('29');
  });

  // Hand-checked: 181 of 365 days of 2023 elapsed (49.6%); 2023-01-01..2025-12-31 for 2025 targets.
  it.each([
    [5, '滞后', 50, '场', 0.4], // 每年…不少于50场, 20 场 reported: 40% < 49.6%
    [7, '正常', 80, '人次', 0.65], // measured on 培训80人次 (52 人次), not on 1名科技副校长
    [11, '滞后', 1000, '人次', 0.38], // 380 of 1000 人次 a year
    [12, '已完成', 2, '个', 1.5], // 不少于2个工种, 3 reported
    [20, '未填报', 5, '个', null], // target, nothing reported
    [26, '正常', 31, '%', 28.3 / 31], // 健康素养 28.3% of 31% by 2025
    [32, '正常', 8000, '人', 0.59125], // 4730 of 8000 volunteers by 2025
  ])('row %i → %s (target %d %s, completion %s)', (row, status, value, unit, completion) => {
    const t = task(row);
    expect(t.status).toBe(status);
    expect(t.targets[0]).toMatchObject({ value, unit });
    if (completion === null) expect(t.completion).toBeNull();
    else expect(t.completion).toBeCloseTo(completion, 6);
  });

  // Qualitative tasks are judged too (docs/domain.md §8): by their progress text, or 未填报 when it is empty.
  it.each([
    [8, '未填报', '黄', 'none'],
    [9, '未填报', '黄', 'none'],
    [14, '未填报', '黄', 'none'],
    [17, '未填报', '黄', 'none'],
    [22, '正常', '绿', 'text'],
  ])('qualitative row %i → %s (%s灯, basis %s), not quantified, no finding about its target', (row, status, light, basis) => {
    expect(task(row)).toMatchObject({ status, light, basis, quantified: false });
    expect(v.findings.filter((f) => f.row === row && f.code.startsWith('targets.'))).toEqual([]);
  });

  it('an empty progress cell of a qualitative task is 未填报, found on the progress column', () => {
    expect(v.findings.filter((f) => f.row === 8).map((f) => [f.code, f.column])).toContainEqual(['status.unreported', '2023年上半年工作进展']);
  });

  it('区新经济与科技局 and 区新经济和科技局 resolve to one unit', () => {
    const a = task(19).leads[0]!; // 区新经济与科技局
    const b = task(10).leads[0]!; // 区新经济和科技局
    expect(a.input).toBe('区新经济与科技局');
    expect(b.input).toBe('区新经济和科技局');
    expect(a.name).toBeTruthy();
    expect(a.name).toBe(b.name);
  });

  it('reports 滞后 with the figures, on the progress column', () => {
    const f = v.findings.find((x) => x.code === 'status.behind' && x.row === 5)!;
    expect(f).toMatchObject({ sheet: '任务台账', column: '2023年上半年工作进展', col: 7, severity: 'warning' });
    expect(f.message).toContain('40%');
    expect(f.message).toContain('49.6%');
  });

  it('recognises groups as info, not as unknown units', () => {
    const groups = v.findings.filter((f) => f.code === 'owners.group');
    expect(groups.length).toBeGreaterThan(0);
    expect(groups.every((f) => f.severity === 'info')).toBe(true);
    expect(v.findings.filter((f) => f.code === 'owners.unknown' && String(f.params.name).startsWith('各'))).toEqual([]);
  });

  it('every finding has its wording from the table', () => {
    for (const f of v.findings) {
      const code = findingCode(f.code);
      expect(code, f.code).not.toBeNull();
      expect({ message: f.message, fix: f.fix }).toEqual(wordingOf({ code: code!, params: f.params }));
    }
  });
});

const ledgerOf = (rows: CellValue[][], merges: SheetGrid['merges'] = []) =>
  readLedger([{ name: '台账', rows: [['序号', '重点任务', '任务内容', '牵头单位', '责任单位', '完成时限', '工作进展', '完成值'], ...rows], merges }]);

describe('validate rules on small ledgers', () => {
  const check = (rows: CellValue[][], plan = { start: 2021, end: 2025 }) =>
    validate(ledgerOf(rows), { asOf: new Date('2024-06-30T00:00:00Z'), plan, jurisdiction: '成都市锦江区' });
  const codes = (r: ValidateResult) => r.findings.map((f) => f.code);

  it.each<[string, CellValue[], string, Partial<{ column: string; params: object; fix: string | null }>]>([
    ['missing lead', [1, '活动', '开展活动', '', '区科协', '2025年', '', null], 'owners.missing-lead', { column: '牵头单位', fix: '填写牵头单位' }],
    ['both lead and partner', [1, '活动', '开展活动', '区科协', '区教育局、区科协', '2025年', '', null], 'owners.both', { column: '责任单位' }],
    ['unknown unit gets a suggestion', [1, '活动', '开展活动', '区教育厅', '', '2025年', '', null], 'owners.unknown', { column: '牵头单位' }],
    ['deadline outside the plan', [1, '活动', '到2030年建成科普基地3个', '区科协', '', '2030年', '建成1个', 1], 'targets.deadline-outside-plan', { column: '完成时限', params: { year: 2030, start: 2021, end: 2025 } }],
    ['deadline not understood', [1, '活动', '开展活动', '区科协', '', '尽快', '', null], 'targets.deadline-unparsed', { column: '完成时限' }],
    ['reported value not a number', [1, '活动', '每年开展活动不少于10场', '区科协', '', '每年', '开展了一些', '若干'], 'progress.not-number', { column: '完成值' }],
    ['reported value in another unit', [1, '活动', '每年开展活动不少于10场', '区科协', '', '每年', '培训8人次', '8人次'], 'progress.unit-mismatch', { column: '完成值', params: { unit: '人次', target: '场' } }],
    ['value without a target', [1, '活动', '开展活动', '区科协', '', '2025年', '开展3场', 3], 'targets.actual-no-target', { column: '完成值' }],
    ['overdue', [1, '活动', '到2023年建成科普基地3个', '区科协', '', '2023年底', '建成1个', 1], 'status.overdue', { column: '工作进展' }],
    ['unreported', [1, '活动', '到2025年建成科普基地3个', '区科协', '', '2025年', '', null], 'status.unreported', { column: '工作进展' }],
  ])('%s → %s', (_n, row, code, want) => {
    const r = check([row]);
    const f = r.findings.find((x) => x.code === code);
    expect(f, codes(r).join(',')).toBeDefined();
    expect(f!.row).toBe(2);
    expect(f!).toMatchObject(want);
    expect(f!.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('an unknown unit suggests the close canonical name as the fix', () => {
    const f = check([[1, '活动', '开展活动', '区教育厅', '', '2025年', '', null]]).findings.find((x) => x.code === 'owners.unknown')!;
    expect(f.params.suggestion).toBe('成都市锦江区教育局');
    expect(f.fix).toBe('改为「成都市锦江区教育局」');
  });

  it.each([
    ['an ongoing task (长期坚持)', [1, '宣传', '加强宣传', '区科协', '', '长期坚持', '按计划推进', null]],
    ['a qualitative task with a lead', [1, '宣传', '加强宣传', '区科协', '区教育局', '2025年', '按计划推进', null]],
    ['a task met ahead of time', [1, '活动', '每年开展活动不少于10场', '区科协', '', '每年', '开展12场', 12]],
  ])('%s has no warning or error', (_n, row) => {
    expect(check([row as CellValue[]]).findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
});
