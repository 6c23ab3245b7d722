// Dates as UTC calendar days in kesu merge, the -o output file, read errors in
// Chinese, enrich's no-ledger message and the help derived from each command's
// usage line.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main, usage } from '../../cli/main';
import { USAGE, type CommandName } from '../../cli/usage';
import { dateOf, isoDate, todayDate } from '../../shared/merge/combine';
import { readWorkbook, writeWorkbook } from '../../shared/io';
import { LEDGER_SHEET } from '../../shared/ledger/standard';
import { fakeIO } from './fake-io';
import { EXAMPLE_XLSX } from '../support/paths';

const EXAMPLE = new Uint8Array(readFileSync(EXAMPLE_XLSX));
const PLAN = '一、提升行动\n（一）实施青少年科学素质提升行动\n1.开展科技活动。每年开展科普活动不少于50场。〔牵头单位:区教育局,责任单位:区科协〕\n';
const HEADER = ['序号', '类别', '重点任务', '任务内容', '牵头单位', '责任单位', '完成时限', '工作进展', '完成值'];

/** A ledger with one task due by the end of 2023, two of five schools built. */
const dueIn2023 = (title: string) =>
  writeWorkbook({
    sheets: [{ name: '任务台账', rows: [[title], HEADER, [1, '青少年科学素质提升行动', '学校', '到2023年建设科技教育特色学校5所', '区教育局', '区科协', '2023年底', '建成2所', 2]] }],
  });

/** The 状态 of each task row of the merged workbook's 任务台账. */
async function mergedStatuses(bytes: Uint8Array): Promise<unknown[]> {
  const read = await readWorkbook(bytes, 'm.xlsx');
  if (!read.ok) throw new Error(read.problem.message);
  const rows = read.sheets.find((s) => s.name === LEDGER_SHEET)!.rows;
  const col = rows[0]!.indexOf('状态');
  expect(col).toBeGreaterThanOrEqual(0);
  return rows.slice(1).map((r) => r[col]);
}

// CI runs in UTC, where local midnight and UTC midnight are the same instant and
// the old local-midnight dates passed. Run this file with TZ=Asia/Shanghai too:
// there local midnight of 2024-01-01 is 2023-12-31 in UTC, and the old code
// judged a task due in 2023 as 滞后 where kesu validate said 逾期.
describe('dates are UTC calendar days in kesu merge, as in kesu validate', () => {
  it.each(['2024-01-01', '2023-06-30', '2024-02-29'])('dateOf(%s) is that UTC day and isoDate reads it back', (iso) => {
    const d = dateOf(iso)!;
    expect(d.toISOString().slice(0, 10)).toBe(iso);
    expect(isoDate(d)).toBe(iso);
  });

  it.each(['2023-02-30', '2023-13-01', '2024-00-10', '2023-04-31', '', null])('dateOf(%s) is null: no such day, not a neighbouring one', (iso) => {
    expect(dateOf(iso)).toBeNull();
  });

  it.each([
    ['--as-of 2024-01-01', '锦江区任务台账', ['--as-of', '2024-01-01']],
    ['the ledger’s own 截至日期 2024-01-01', '锦江区任务台账(截至2024年1月1日)', []],
  ])('%s: a task due in 2023 is 逾期 for merge and validate alike', async (_name, title, flags) => {
    const io = fakeIO({ 'l.xlsx': await dueIn2023(title) });
    expect(await main(['validate', 'l.xlsx', '--json', ...flags], io)).toBe(0);
    const validated = JSON.parse(io.stdout) as { asOf: string; tasks: { status: string }[] };
    expect(validated.asOf).toBe('2024-01-01');
    expect(validated.tasks.map((t) => t.status)).toEqual(['逾期']);

    io.stdout = '';
    expect(await main(['merge', 'l.xlsx', '-o', 'm.xlsx', '--json', ...flags], io)).toBe(0);
    expect(JSON.parse(io.stdout).asOf).toBe('2024-01-01');
    expect(await mergedStatuses(io.files.get('m.xlsx') as Uint8Array)).toEqual(['逾期']);
  });
});

describe('the -o output file', () => {
  it.each([
    ['merge into one of its inputs', ['merge', 'a.xlsx', 'b.xlsx', '-o', 'a.xlsx'], '输出文件不能与输入文件相同(a.xlsx)'],
    ['merge into an input spelled ./', ['merge', 'a.xlsx', 'b.xlsx', '-o', './b.xlsx'], '输出文件不能与输入文件相同(b.xlsx)'],
    ['merge into an input spelled with ..', ['merge', 'a.xlsx', '-o', 'x/../a.xlsx'], '不覆盖原台账'],
    ['merge into a .csv', ['merge', 'a.xlsx', '-o', 'm.csv'], '输出文件应为 .xlsx: m.csv'],
    ['merge -o blank', ['merge', 'a.xlsx', '-o', '  '], '-o 后缺少输出文件名'],
    ['enrich into its input spelled with ..', ['enrich', 'a.xlsx', '-o', 'x/../a.xlsx'], '输出文件不能与输入文件相同(a.xlsx)'],
    ['enrich into a .xls', ['enrich', 'a.xlsx', '-o', 'out.xls'], '输出文件应为 .xlsx'],
    ['import-plan into its input', ['import-plan', 'plan.txt', '-o', 'plan.txt'], '输出文件应为 .xlsx'],
    ['import-plan -o blank', ['import-plan', 'plan.txt', '-o', ''], '-o 后缺少输出文件名'],
  ])('%s → exit 2, nothing written', async (_name, argv, words) => {
    const io = fakeIO({ 'a.xlsx': EXAMPLE, 'b.xlsx': EXAMPLE, 'plan.txt': PLAN });
    expect(await main(argv, io)).toBe(2);
    expect(io.stderr).toContain(words);
    expect(io.stderr).toContain(`用法: kesu ${argv[0]}`);
    expect([...io.files.keys()].sort()).toEqual(['a.xlsx', 'b.xlsx', 'plan.txt']);
    expect(io.files.get('a.xlsx')).toBe(EXAMPLE);
  });

  it.each([
    [['merge', 'a.xlsx', '-o', ' m.xlsx ']],
    [['enrich', 'a.xlsx', '-o', ' m.xlsx ']],
    [['import-plan', 'plan.txt', '-o', ' m.xlsx ']],
  ])('%j: the name is trimmed', async (argv) => {
    const io = fakeIO({ 'a.xlsx': EXAMPLE, 'plan.txt': PLAN });
    expect(await main(argv, io), io.stderr).toBe(0);
    expect(io.files.has('m.xlsx')).toBe(true);
  });

  it('merge does not read back its output inside a given folder however the path is spelled', async () => {
    const io = fakeIO({ '收件/a.xlsx': EXAMPLE, '收件/合并.xlsx': EXAMPLE });
    expect(await main(['merge', '收件', '-o', './收件/./合并.xlsx', '--json'], io)).toBe(0);
    expect(JSON.parse(io.stdout).files.map((f: { file: string }) => f.file)).toEqual(['收件/a.xlsx']);
  });
});

describe('files that cannot be read are explained in Chinese', () => {
  it.each([
    ['ENOENT', '请检查路径拼写'],
    ['EACCES', '没有读取权限'],
    ['EBUSY', '请先在 Excel 或 WPS 中关闭它'],
  ])('%s, for validate and merge', async (code, words) => {
    for (const argv of [
      ['validate', 'a.xlsx'],
      ['merge', 'a.xlsx', '-o', 'm.xlsx'],
    ]) {
      const io = fakeIO({ 'a.xlsx': EXAMPLE });
      io.readFile = async () => {
        throw Object.assign(new Error(`${code}: raw system text`), { code });
      };
      expect(await main(argv, io)).toBe(1);
      const said = io.stderr + io.stdout;
      expect(said).toContain('a.xlsx');
      expect(said).toContain(words);
      expect(said).not.toContain('raw system text');
    }
  });

  it('merge names a path that is not there and says to check its spelling', async () => {
    const io = fakeIO({ 'a.xlsx': EXAMPLE });
    io.isDirectory = async (p) => {
      throw Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' });
    };
    expect(await main(['merge', '没有.xlsx', '-o', 'm.xlsx', '--json'], io)).toBe(1);
    expect(JSON.parse(io.stdout).files[0].reason).toContain('找不到该文件或文件夹,请检查路径拼写');
  });
});

describe('kesu enrich on a workbook with no ledger', () => {
  it('says so with the core’s finding and how to fix it', async () => {
    const bytes = await writeWorkbook({ sheets: [{ name: '会议纪要', rows: [['今年工作很好'], ['继续努力']] }] });
    const io = fakeIO({ 'notes.xlsx': bytes });
    expect(await main(['enrich', 'notes.xlsx', '-o', 'out.xlsx'], io)).toBe(1);
    expect(io.stderr).toContain('无法补全 notes.xlsx: 没有找到任务台账');
    expect(io.stderr).toContain('工作表「会议纪要」');
    expect(io.stderr).toContain('→ 在表格上方加一行列名');
    expect(io.files.has('out.xlsx')).toBe(false);
  });
});

describe('kesu --help', () => {
  it.each(Object.keys(USAGE) as CommandName[])('lists %s with the usage line the command itself prints', async (name) => {
    expect(usage()).toContain(`  ${USAGE[name]}   `);
    const io = fakeIO();
    expect(await main([name], io)).toBe(2);
    expect(io.stderr).toContain(`用法: ${USAGE[name]}`);
  });

  it('shows the flags the commands take', () => {
    expect(usage()).toMatch(/kesu validate .*--jurisdiction .*--json/);
    expect(usage()).toMatch(/kesu enrich .*--jurisdiction .*--json/);
  });
});

describe('todayDate: the user\'s calendar day, as 00:00 UTC', () => {
  it.each([
    // local times; whatever the machine's zone, the day is the local one
    [new Date(2024, 0, 1, 0, 30), '2024-01-01'],
    [new Date(2024, 0, 1, 7, 59), '2024-01-01'],
    [new Date(2023, 11, 31, 23, 59), '2023-12-31'],
  ])('%s → %s', (now, day) => {
    const d = todayDate(now);
    expect(isoDate(d)).toBe(day);
    expect(d.getUTCHours()).toBe(0);
  });
});
