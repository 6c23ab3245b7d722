// Reading the realistic example ledger (title rows, merged 类别, 单位名录 sheet).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../shared/io';
import { EXAMPLE_XLSX } from '../support/paths';

const FILE = EXAMPLE_XLSX;

describe('jinjiang-2023H1.xlsx', async () => {
  const r = await readWorkbook(new Uint8Array(readFileSync(FILE)), 'jinjiang-2023H1.xlsx');
  if (!r.ok) throw new Error(r.problem.message);
  const [ledger, dir] = r.sheets;

  it('has the two sheets, visible, no warnings', () => {
    expect(r.sheets.map((s) => [s.name, s.state])).toEqual([
      ['任务台账', 'visible'],
      ['单位名录', 'visible'],
    ]);
    expect(r.warnings).toEqual([]);
  });

  it.each([
    ['A1:J1', { top: 0, left: 0, bottom: 0, right: 9 }],
    ['A2:J2', { top: 1, left: 0, bottom: 1, right: 9 }],
    ['B4:B7', { top: 3, left: 1, bottom: 6, right: 1 }],
    ['B8:B9', { top: 7, left: 1, bottom: 8, right: 1 }],
    ['B10:B13', { top: 9, left: 1, bottom: 12, right: 1 }],
    ['B31:B33'.replace('31', '30').replace('33', '32'), { top: 29, left: 1, bottom: 31, right: 1 }],
  ])('merge %s', (_a1, m) => {
    expect(ledger.merges).toContainEqual(m);
  });

  it('title, header and first task as in the sheet; merged 类别 only in its first cell', () => {
    expect(String(ledger.rows[0][0])).toContain('锦江区全民科学素质行动规划纲要实施方案重点任务台账');
    expect(ledger.rows[2]).toEqual(['序号', '类别', '重点任务', '任务内容', '牵头单位', '责任单位', '完成时限', '2023年上半年工作进展', '完成值', '备注']);
    expect(ledger.rows[3].slice(0, 3)).toEqual([1, '实施青少年科学素质提升行动', '培养青少年科学精神']);
    expect(ledger.rows[4][1]).toBeNull();
    expect(ledger.rows[4][8]).toBe(20);
    expect(ledger.rows).toHaveLength(32);
    expect(ledger.rows.every((row) => row.length === 10)).toBe(true);
  });

  it('单位名录 rows', () => {
    expect(dir.rows[0]).toEqual(['单位名称', '简称/别名', '类别', '联系人', '联系电话']);
    expect(dir.rows[1].slice(0, 3)).toEqual(['成都市锦江区科学技术协会', '区科协', '群团']);
  });
});
