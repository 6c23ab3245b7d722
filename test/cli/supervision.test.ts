// 督查 end to end, through `kesu` as a real process: two periods of one
// district's ledger (test/fixtures/supervision), judged as of the ledger's own
// 截至日期, compared with the previous period, merged across periods, and
// enriched with the lights filled in their colours.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { periodLedger } from '../fixtures/supervision/two-periods';
import { readWorkbook, writeWorkbook } from '../../shared/io';
import { LIGHT_FILL } from '../../shared/progress';
import type { SheetGrid } from '../../shared/model';

const bin = path.resolve('bin/kesu.mjs');
let dir: string;
const file = (name: string) => path.join(dir, name);
const kesu = (...args: string[]) => {
  const p = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 120_000, cwd: dir });
  return { code: p.status, out: p.stdout, err: p.stderr };
};

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'kesu-supervision-'));
  writeFileSync(file('q1.xlsx'), await periodLedger('q1'));
  writeFileSync(file('h1.xlsx'), await periodLedger('h1'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('kesu validate h1.xlsx --previous q1.xlsx --json', () => {
  let j: {
    asOf: string;
    previous: { stale: number; period: string };
    summary: { status: Record<string, number>; light: Record<string, number>; quantified: number };
    tasks: Record<string, unknown>[];
    findings: { code: string; row: number; column: string; col: number; message: string }[];
  };
  beforeAll(() => {
    const r = kesu('validate', 'h1.xlsx', '--previous', 'q1.xlsx', '--json');
    expect(r.code, r.err).toBe(0);
    j = JSON.parse(r.out);
  });

  it('judges the ledger as of its own 截至日期', () => {
    expect(j.asOf).toBe('2023-06-30');
  });

  // Worked out by hand from the fixture, as of 30 June 2023.
  it.each([
    ['1', '滞后', '黄', 'target', '23/50场', true], // 23 of 50 场 with 49.6% of the year gone
    ['2', '正常', '绿', 'target', '1/5所', true], // 1 of 5 by 2025: ahead of 16.5%
    ['3', '已完成', '绿', 'reported', '已办结', false],
    ['4', '正常', '绿', 'text', '持续开展', false], // 长期坚持: never overdue
    ['5', '滞后', '黄', 'share', '40%', false], // 40% against 66.3% of Jan–Sep
    ['6', '滞后', '黄', 'reported', '进展缓慢', false],
    ['7', '未启动', '红', 'text', '尚未启动', false], // 上半年, not started on its last day
    ['8', '逾期', '红', 'deadline', '2023年3月底前', false],
    ['9', '正常', '绿', 'deadline', '下半年', false], // not begun, not yet reported
    ['10', '已完成', '绿', 'reported', '已完成', true], // its 260 of 500 is a finding
    ['11', '正常', '绿', 'share', '六成', false], // 待研究 and 尽快 are findings; judged on 六成
    ['12', '正常', '绿', 'text', '按计划推进', false], // 120% is a finding
    ['13', '未填报', '黄', 'none', '', false],
  ])('序号 %s → %s, %s灯, basis %s 「%s」', (id, status, light, basis, evidence, quantified) => {
    expect(j.tasks.find((t) => t.id === id)).toMatchObject({ status, light, basis, evidence, quantified });
  });

  it('gives due, 序时进度 and the share done per task, with the keys of the issue', () => {
    const t = (id: string) => j.tasks.find((x) => x.id === id)!;
    for (const k of ['status', 'light', 'basis', 'evidence', 'quantified', 'due', 'expected', 'progress', 'id']) expect(t('1')).toHaveProperty(k);
    expect(t('5')).toMatchObject({ due: '2023-09-30', progress: 0.4 });
    expect(t('5').expected).toBeCloseTo(181 / 273, 10);
    expect(t('4')).toMatchObject({ due: null, expected: null });
    expect(t('7')).toMatchObject({ due: '2023-06-30', expected: 1, progress: 0 });
  });

  it('counts statuses and lights', () => {
    expect(j.summary.status).toEqual({ 已完成: 2, 正常: 5, 滞后: 3, 逾期: 1, 未启动: 1, 未填报: 1 });
    expect(j.summary.light).toEqual({ 绿: 7, 黄: 4, 红: 2 });
    expect(j.summary.quantified).toBe(3);
  });

  it('finds the progress copied from the first quarter on its progress cell, done tasks excepted', () => {
    const stale = j.findings.filter((f) => f.code === 'progress.stale');
    // 序号 4 (punctuation changed), 6, 7, 12; 序号 3 repeats its text but is done.
    expect(stale.map((f) => f.row)).toEqual([7, 9, 10, 15]);
    expect(stale.every((f) => f.column === '2023年上半年工作进展' && f.col === 9)).toBe(true);
    expect(stale[0]!.message).toContain('q1.xlsx 第8行'); // the first quarter lists 序号 4 one row lower
    expect(j.previous).toMatchObject({ stale: 4, period: '2023年第一季度' });
  });

  it('reports bad input on the cell that holds it, and the blue notices', () => {
    const at = (code: string) => j.findings.filter((f) => f.code === code).map((f) => `${f.column}@${f.row}`);
    expect(at('progress.unknown_status')).toEqual(['完成状态@14']);
    expect(at('progress.share_out_of_range')).toEqual(['完成进度@15']);
    expect(at('progress.done_contradicted')).toEqual(['完成值@13']);
    expect(at('targets.deadline-unparsed')).toEqual(['完成时限@14']);
    expect(at('progress.due_soon')).toEqual(['完成时限@9', '完成时限@10']);
    expect(at('status.overdue')).toEqual(['2023年上半年工作进展@11']);
    expect(at('status.unreported')).toEqual(['2023年上半年工作进展@16']);
  });
});

describe('kesu validate: faces and settings', () => {
  it('human output shows the status and light counts and the previous period', () => {
    const r = kesu('validate', 'h1.xlsx', '--previous', 'q1.xlsx');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('状态:已完成 2  正常 5  滞后 3  逾期 1  未启动 1  未填报 1');
    expect(r.out).toContain('红黄绿灯:绿灯 7  黄灯 4  红灯 2');
    expect(r.out).toContain('进展未更新 4 项');
  });

  it('without --previous nothing is stale', () => {
    const j = JSON.parse(kesu('validate', 'h1.xlsx', '--json').out);
    expect(j.findings.filter((f: { code: string }) => f.code === 'progress.stale')).toEqual([]);
  });

  it('--red-gap 20 turns 序号 5 (26.3 points behind) red', () => {
    const j = JSON.parse(kesu('validate', 'h1.xlsx', '--red-gap', '20', '--json').out);
    expect(j.tasks.find((t: { id: string }) => t.id === '5').light).toBe('红');
    expect(j.settings.redGap).toBe(0.2);
  });

  it('a 设置 sheet in the workbook does the same; a bad value there is a finding on its cell', async () => {
    const read = await readWorkbook(new Uint8Array(readFileSync(file('h1.xlsx'))), 'h1.xlsx');
    if (!read.ok) throw new Error(read.problem.message);
    const settings: SheetGrid = { name: '设置', rows: [['设置项', '值'], ['红灯差距(百分点)', 20], ['临近期限天数', '三十']], merges: [] };
    writeFileSync(file('h1-set.xlsx'), await writeWorkbook({ sheets: [...read.sheets.map((g) => ({ name: g.name, rows: g.rows, merges: g.merges })), settings] }));
    const j = JSON.parse(kesu('validate', 'h1-set.xlsx', '--json').out);
    expect(j.tasks.find((t: { id: string }) => t.id === '5').light).toBe('红');
    expect(j.findings.filter((f: { code: string }) => f.code.startsWith('settings.'))).toEqual([
      expect.objectContaining({ code: 'settings.bad_value', sheet: '设置', row: 3, column: '值', col: 1 }),
    ]);
    // A flag overrides the sheet.
    const k = JSON.parse(kesu('validate', 'h1-set.xlsx', '--red-gap', '30', '--json').out);
    expect(k.tasks.find((t: { id: string }) => t.id === '5').light).toBe('黄');
  });

  it.each([
    [['validate', 'h1.xlsx', '--red-gap', 'abc']],
    [['validate', 'h1.xlsx', '--due-soon', '-1']],
    [['validate', 'h1.xlsx', '--unreported-light', '绿']],
    [['validate', 'h1.xlsx', '--previous']],
  ])('usage error %j → 2', (argv) => {
    const r = kesu(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toContain('用法');
  });

  it('an unreadable previous ledger → 1 naming it', () => {
    const r = kesu('validate', 'h1.xlsx', '--previous', 'missing.xlsx');
    expect(r.code).toBe(1);
    expect(r.err).toContain('missing.xlsx');
  });
});

describe('kesu merge across the periods of one district', () => {
  it('finds the same stale progress, and counts statuses and lights of the merged tasks', () => {
    const r = kesu('merge', 'q1.xlsx', 'h1.xlsx', '-o', 'merged.xlsx', '--json');
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.stale).toBe(4);
    expect(j.tasks).toBe(26); // two periods: no duplicates across them
    expect(j.status.未启动 + j.status.已完成 + j.status.正常 + j.status.滞后 + j.status.逾期 + j.status.未填报).toBe(26);
    expect(j.light.红 + j.light.黄 + j.light.绿).toBe(26);
  });

  it('the merged workbook carries each task’s status, light and 判断依据, and reads back judged the same', async () => {
    const read = await readWorkbook(new Uint8Array(readFileSync(file('merged.xlsx'))), 'merged.xlsx');
    if (!read.ok) throw new Error(read.problem.message);
    const ledger = read.sheets.find((s) => s.name === '任务台账')!;
    const head = ledger.rows[0]!.map(String);
    for (const h of ['完成状态', '完成进度', '状态', '红黄绿灯', '判断依据']) expect(head).toContain(h);
    const at = ledger.rows.findIndex((r) => r[head.indexOf('来源')]?.toString().startsWith('h1.xlsx') && String(r[head.indexOf('序号')]) === '5');
    const row = ledger.rows[at]!;
    expect([row[head.indexOf('完成进度')], row[head.indexOf('状态')], row[head.indexOf('红黄绿灯')], row[head.indexOf('判断依据')]]).toEqual(['40%', '滞后', '黄', '完成进度「40%」']);
    // Read back (as of the same day), the reported 完成进度 gives the same judgement.
    const j = JSON.parse(kesu('validate', 'merged.xlsx', '--as-of', '2023-06-30', '--json').out);
    expect(j.tasks.find((t: { row: number }) => t.row === at + 1)).toMatchObject({ status: '滞后', light: '黄', basis: 'share', evidence: '40%' });
  });
});

describe('kesu enrich', () => {
  it('adds 状态, 红黄绿灯 (filled in its colour, with the word) and 判断依据', async () => {
    const r = kesu('enrich', 'h1.xlsx', '-o', 'h1-enriched.xlsx');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('红黄绿灯:绿灯 7  黄灯 4  红灯 2');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file('h1-enriched.xlsx')) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('任务台账')!;
    const header = ws.getRow(3).values as unknown[];
    const col = (h: string) => header.indexOf(h);
    expect(col('红黄绿灯')).toBeGreaterThan(0);
    const seen: Record<string, number> = {};
    for (let r = 4; r <= 16; r++) {
      const cell = ws.getRow(r).getCell(col('红黄绿灯'));
      const light = String(cell.value) as keyof typeof LIGHT_FILL;
      seen[light] = (seen[light] ?? 0) + 1;
      expect((cell.fill as { fgColor?: { argb?: string } }).fgColor?.argb).toBe('FF' + LIGHT_FILL[light].slice(1));
      expect(String(ws.getRow(r).getCell(col('判断依据')).value)).not.toBe('');
    }
    expect(seen).toEqual({ 绿: 7, 黄: 4, 红: 2 });
  });
});
