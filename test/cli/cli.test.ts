import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { readWorkbook, writeWorkbook } from '../../shared/io';
import { fakeIO } from './fake-io';
import { EXAMPLE_XLSX } from '../support/paths';

const EXAMPLE = new Uint8Array(readFileSync(EXAMPLE_XLSX));
const run = async (argv: string[], files: Record<string, Uint8Array | string> = { 'ledger.xlsx': EXAMPLE }) => {
  const io = fakeIO(files);
  const code = await main(argv, io);
  return { code, out: io.stdout, err: io.stderr, io };
};

describe('kesu owners', () => {
  it('--json gives units with input, name, matched, score, suggestions', async () => {
    const r = await run(['owners', '区新经济与科技局、区新经济和科技局、各街道、区教育厅', '--jurisdiction', '成都市锦江区', '--json']);
    expect(r.code).toBe(0);
    const { units } = JSON.parse(r.out);
    expect(units.map((u: { input: string }) => u.input)).toEqual(['区新经济与科技局', '区新经济和科技局', '各街道', '区教育厅']);
    for (const u of units) expect(Object.keys(u)).toEqual(expect.arrayContaining(['input', 'name', 'matched', 'score', 'suggestions']));
    expect(units[0].name).toBe(units[1].name);
    expect(units[2].matched).toBe('group');
    expect(units[3].matched).toBe('none');
    expect(units[3].suggestions[0]).toMatchObject({ name: '成都市锦江区教育局' });
  });

  it('reads a directory from --directory', async () => {
    const r = await run(['owners', '区科协', '--directory', 'ledger.xlsx', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).units[0]).toMatchObject({ input: '区科协', name: '成都市锦江区科学技术协会' });
  });

  it('prints an aligned table by default', async () => {
    const r = await run(['owners', '区科协、区教育厅', '--jurisdiction', '成都市锦江区']);
    expect(r.out).toContain('规范名称');
    expect(r.out).toContain('未识别');
  });

  it.each([[['owners']], [['owners', '--json']], [['owners', 'x', '--directory']]])('usage error %j → 2', async (argv) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.err).toContain('用法');
  });

  // Issue 13: without --jurisdiction, the text's own names give the context.
  it('infers the context from the text: a city enumeration resolves by rule, no national body for a city name', async () => {
    const text = '市教育局、团市委、市科协牵头,市委宣传部、市科技局、民族宗教局、市文广新局、气象局、社科院、哈尔滨广播电视台、各区县政府等单位配合。';
    const r = await run(['owners', text, '--json']);
    const { units } = JSON.parse(r.out);
    expect(units.filter((u: { matched: string }) => u.matched === 'none' || u.matched === 'fuzzy')).toEqual([]);
    const by = (input: string) => units.find((u: { input: string }) => u.input === input);
    expect(by('民族宗教局')).toMatchObject({ name: '市民族宗教局', rule: 'rules-only:prefix-expansion' });
    expect(by('气象局').name).toBe('市气象局');
    expect(by('社科院').name).toBe('市社科院');
    expect(by('各区县政府').matched).toBe('group');
    const table = await run(['owners', text]);
    expect(table.out).toContain('按相邻单位补全层级前缀');
    expect(table.out).not.toContain('需要核对');
  });

  it('--jurisdiction 哈尔滨市: 哈尔滨广播电视台 keeps its own place', async () => {
    const r = await run(['owners', '哈尔滨广播电视台、气象局', '--jurisdiction', '哈尔滨市', '--json']);
    expect(JSON.parse(r.out).units.map((u: { name: string }) => u.name)).toEqual(['哈尔滨广播电视台', '市气象局']);
  });

  it('an unreadable directory file → 1 naming the file', async () => {
    const r = await run(['owners', '区科协', '--directory', 'missing.xlsx']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('missing.xlsx');
  });
});

describe('kesu parse-target', () => {
  it('--json gives the target keys', async () => {
    const r = await run(['parse-target', '每年开展科普活动不少于50场', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).targets).toEqual([
      { text: expect.any(String), value: 50, unit: '场', comparator: '>=', stretch: null, year: null, recurrence: 'annual' },
    ]);
  });
  it('qualitative text gives no target and exit 0', async () => {
    const r = await run(['parse-target', '加强科普宣传', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).targets).toEqual([]);
  });
  it('no text → 2', async () => {
    expect((await run(['parse-target'])).code).toBe(2);
  });
});

describe('kesu validate', () => {
  it('--json: findings and tasks with Excel rows, header columns, own 序号', async () => {
    const r = await run(['validate', 'ledger.xlsx', '--as-of', '2023-06-30', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.tasks).toHaveLength(29);
    expect(j.tasks[1]).toMatchObject({ sheet: '任务台账', row: 5, id: '2', population: '青少年', status: '滞后' });
    for (const k of ['sheet', 'row', 'id', 'population', 'project', 'leads', 'partners', 'targets', 'status']) expect(j.tasks[0]).toHaveProperty(k);
    const behind = j.findings.find((f: { code: string; row: number }) => f.code === 'status.behind' && f.row === 5);
    expect(behind).toMatchObject({ sheet: '任务台账', row: 5, column: '2023年上半年工作进展', severity: 'warning' });
    for (const f of j.findings) for (const k of ['sheet', 'row', 'column', 'code', 'severity', 'message', 'fix']) expect(f).toHaveProperty(k);
  });

  it('uses the ledger’s own 截至日期 when --as-of is absent', async () => {
    const r = await run(['validate', 'ledger.xlsx', '--json']);
    expect(JSON.parse(r.out).asOf).toBe('2023-06-30');
  });

  it('--as-of moves the statuses: a year later 2025 targets are not overdue, annual ones restart', async () => {
    const j = JSON.parse((await run(['validate', 'ledger.xlsx', '--as-of', '2026-01-01', '--json'])).out);
    const row = (n: number) => j.tasks.find((t: { row: number }) => t.row === n).status;
    expect(row(32)).toBe('逾期'); // 5120 of 8000 by 2025
    expect(row(12)).toBe('已完成');
  });

  it('a text file is read as a sheet: exit 0 with a no-header error, not a crash', async () => {
    const r = await run(['validate', 'notes.csv', '--json'], { 'notes.csv': '会议纪要\n今年工作很好\n' });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).findings.map((f: { code: string }) => f.code)).toEqual(['structure.no-header']);
  });

  it('human output groups findings by severity with counts', async () => {
    const r = await run(['validate', 'ledger.xlsx', '--as-of', '2023-06-30']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/警告 \(\d+\)/);
    expect(r.out).toMatch(/提示 \(\d+\)/);
    expect(r.out).toContain('任务台账!H5');
    expect(r.out).toContain('状态:已完成');
  });

  it.each([
    [['validate'], '用法'],
    [['validate', 'ledger.xlsx', '--as-of', '2023-13-01'], 'YYYY-MM-DD'],
    [['validate', 'ledger.xlsx', '--as-of', '30/06/2023'], 'YYYY-MM-DD'],
    [['validate', 'ledger.xlsx', '--as-of'], 'YYYY-MM-DD'],
  ])('usage error %j → 2', async (argv, text) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.err).toContain(text);
  });

  it.each([
    ['missing file', 'nope.xlsx', {}],
    ['not a workbook', 'scan.xlsx', { 'scan.xlsx': new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0, 0xff, 0xfe, 0x00, 0x13, 0x88]) }],
    ['a truncated workbook', 'cut.xlsx', { 'cut.xlsx': EXAMPLE.slice(0, 2000) }],
  ])('%s → 1 with the file named on stderr', async (_n, file, files) => {
    const r = await run(['validate', file], files as Record<string, Uint8Array | string>);
    expect(r.code).toBe(1);
    expect(r.err).toContain(file);
    expect(r.err).toMatch(/无法读取/);
    expect(r.out).toBe('');
  });
});

describe('kesu enrich', () => {
  it('writes a copy with the twelve columns to the right; the user’s cells stay as they were', async () => {
    const r = await run(['enrich', 'ledger.xlsx', '-o', 'out.xlsx', '--as-of', '2023-06-30']);
    expect(r.code, r.err).toBe(0);
    expect(r.io.files.get('ledger.xlsx')).toBe(EXAMPLE);
    const out = await readWorkbook(r.io.files.get('out.xlsx') as Uint8Array, 'out.xlsx');
    const before = await readWorkbook(EXAMPLE, 'in.xlsx');
    if (!out.ok || !before.ok) throw new Error('unreadable');
    const a = before.sheets[0]!.rows;
    const b = out.sheets[0]!.rows;
    for (let i = 0; i < a.length; i++) expect(b[i]!.slice(0, 10)).toEqual(a[i]!.slice(0, 10).concat(Array(Math.max(0, 10 - a[i]!.length)).fill(null)).slice(0, 10));
    expect(b[2]!.slice(10, 22)).toEqual(['规范牵头单位', '规范责任单位', '人群', '工程', '目标值', '单位', '截止年份', '完成率', '状态', '红黄绿灯', '判断依据', '联系人']);
    expect(b[4]!.slice(10, 22)).toEqual(['成都市锦江区教育局、成都市锦江区科学技术协会', expect.any(String), '青少年', null, 50, '场', '每年', 0.4, '滞后', '黄', '完成值/目标「20/50场」', null]);
    expect(r.out).toContain('out.xlsx');
  });

  it('enriches every ledger sheet of a two-sheet workbook with title rows and merged 类别', async () => {
    const header = ['序号', '类别', '重点任务', '任务内容', '牵头单位', '责任单位', '完成时限', '工作进展', '完成值'];
    const bytes = await writeWorkbook({
      sheets: [
        {
          name: '青少年',
          rows: [['锦江区全民科学素质行动任务台账（2024年上半年）'], header,
            [1, '青少年科学素质提升行动', '活动', '每年开展科普活动不少于50场', '区教育局', '区科协', '每年', '开展30场', 30],
            [2, null, '学校', '到2025年建设科技教育特色学校5所', '区教育局', '区科协', '2025年底', '', null]],
          merges: [{ top: 0, left: 0, bottom: 0, right: 8 }, { top: 2, left: 1, bottom: 3, right: 1 }],
        },
        {
          name: '老年人',
          rows: [header, [1, '老年人科学素质提升行动', '助老', '开展智慧助老培训不少于20场', '区民政局', '各街道', '每年', '开展5场', 5]],
        },
      ],
    });
    const r = await run(['enrich', 'two.xlsx', '-o', 'two-out.xlsx', '--as-of', '2024-06-30', '--json'], { 'two.xlsx': bytes });
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).sheets).toEqual([
      { sheet: '青少年', headerRow: 2, startCol: 9, rows: 2 },
      { sheet: '老年人', headerRow: 1, startCol: 9, rows: 1 },
    ]);
    const out = await readWorkbook(r.io.files.get('two-out.xlsx') as Uint8Array, 'two-out.xlsx');
    if (!out.ok) throw new Error(out.problem.message);
    const [a, b] = out.sheets;
    expect(a!.rows[1]!.slice(9, 11)).toEqual(['规范牵头单位', '规范责任单位']);
    expect(a!.rows[2]!.slice(11, 21)).toEqual(['青少年', null, 50, '场', '每年', 0.6, '正常', '绿', '完成值/目标「30/50场」', null]);
    expect(a!.rows[3]![11]).toBe('青少年'); // the merged 类别 reached the second row
    expect(a!.rows[3]!.slice(17, 20)).toEqual(['未填报', '黄', '未填报']);
    // 5 of 20 场 with half the year gone (序时进度 49.7%): 24.7 points behind, within the 30-point red line.
    expect(b!.rows[1]!.slice(11, 21)).toEqual(['老年人', null, 20, '场', '每年', 0.25, '滞后', '黄', '完成值/目标「5/20场」', null]);
    expect(a!.merges).toEqual(expect.arrayContaining([{ top: 2, left: 1, bottom: 3, right: 1 }]));
  });

  it('enriching the enriched copy reuses its block instead of adding another', async () => {
    const first = await run(['enrich', 'ledger.xlsx', '-o', 'out.xlsx']);
    const second = await run(['enrich', 'out.xlsx', '-o', 'out2.xlsx', '--json'], { 'out.xlsx': first.io.files.get('out.xlsx')! });
    expect(second.code, second.err).toBe(0);
    expect(JSON.parse(second.out).sheets[0]).toMatchObject({ sheet: '任务台账', headerRow: 3, startCol: 10, rows: 29 });
  });

  it.each([
    [['enrich', 'ledger.xlsx']],
    [['enrich', 'ledger.xlsx', '-o']],
    [['enrich', '-o', 'out.xlsx']],
    [['enrich', 'ledger.xlsx', '-o', 'ledger.xlsx']],
    [['enrich', 'ledger.xlsx', '-o', './ledger.xlsx']],
    [['enrich', 'ledger.xlsx', '-o', 'out.xlsx', '--as-of', 'tomorrow']],
  ])('usage error %j → 2, nothing written', async (argv) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect([...r.io.files.keys()]).toEqual(['ledger.xlsx']);
  });

  it('an unreadable input → 1', async () => {
    const r = await run(['enrich', 'bad.xlsx', '-o', 'out.xlsx'], { 'bad.xlsx': EXAMPLE.slice(0, 100) });
    expect(r.code).toBe(1);
    expect(r.err).toContain('bad.xlsx');
  });
});

describe('bin/kesu.mjs', () => {
  it('runs as a real process', () => {
    const bin = path.resolve(__dirname, '../../bin/kesu.mjs');
    const p = spawnSync(process.execPath, [bin, 'parse-target', '到2025年,建设科技教育特色学校5所', '--json'], { encoding: 'utf8', timeout: 60_000 });
    expect(p.status, p.stderr).toBe(0);
    expect(JSON.parse(p.stdout).targets[0]).toMatchObject({ value: 5, unit: '所', comparator: '>=', year: 2025 });
    const bad = spawnSync(process.execPath, [bin, 'validate', '/nonexistent/台账.xlsx'], { encoding: 'utf8', timeout: 60_000 });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('/nonexistent/台账.xlsx');
  });
});
