// kesu import-plan through main(argv, io) with an in-memory CliIO; the workbook
// it writes is read back by the core's own reader (one row per task).
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import type { CliIO } from '../../cli/io';
import { readWorkbook } from '../../shared/io';
import { readLedger } from '../../shared/ledger';
import { DIRECTORY_SHEET, LEDGER_SHEET, META_SHEET, STANDARD_COLUMNS } from '../../shared/ledger/standard';
import { buildDocx, seedBlocks } from './docx';
import { imported, seedText, type SeedId } from './seeds';

interface FakeIO extends CliIO {
  files: Map<string, Uint8Array | string>;
  stdout: string;
  stderr: string;
}

function fakeIO(files: Record<string, Uint8Array | string>): FakeIO {
  const io: FakeIO = {
    files: new Map(Object.entries(files)),
    stdout: '',
    stderr: '',
    isTTY: false,
    out: (t) => void (io.stdout += t),
    err: (t) => void (io.stderr += t),
    readFile: async (p) => {
      const f = io.files.get(p);
      if (f === undefined) throw Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' });
      return typeof f === 'string' ? new TextEncoder().encode(f) : f;
    },
    writeFile: async (p, d) => void io.files.set(p, d),
    fileId: async (p) => (io.files.has(p) ? p : null),
    listFiles: async () => [],
    isDirectory: async () => false,
    now: () => new Date(2023, 5, 30),
  };
  return io;
}

const bytesOf = (io: FakeIO, p: string) => io.files.get(p) as Uint8Array;

describe('kesu import-plan', () => {
  it.each([
    { id: '000' as SeedId, jurisdiction: '成都市锦江区', start: 2021, end: 2025 },
    { id: '003' as SeedId, jurisdiction: '国家', start: 2023, end: 2023 },
    { id: '004' as SeedId, jurisdiction: '重庆市綦江区', start: 2021, end: 2025 },
  ])('seed $id: writes a ledger the reader reads back with one row per task', async ({ id, jurisdiction, start, end }) => {
    const io = fakeIO({ 'plan.txt': seedText(id) });
    expect(await main(['import-plan', 'plan.txt', '-o', 'out.xlsx'], io)).toBe(0);
    expect(io.stdout).toContain('已写入台账: out.xlsx');
    const read = await readWorkbook(bytesOf(io, 'out.xlsx'), 'out.xlsx');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.sheets.map((s) => s.name)).toEqual([LEDGER_SHEET, META_SHEET, DIRECTORY_SHEET]);
    expect(read.sheets[0]!.rows[0]).toEqual([...STANDARD_COLUMNS]);
    const ledger = readLedger(read.sheets, 'out.xlsx');
    const rows = ledger.sheets.flatMap((s) => s.rows);
    const tasks = imported(id).tasks;
    expect(rows).toHaveLength(tasks.length);
    expect(rows.map((r) => r.title)).toEqual(tasks.map((t) => t.title));
    expect(rows.map((r) => r.leadsText)).toEqual(tasks.map((t) => t.leads.map((m) => m.input).join('、')));
    expect(rows.map((r) => r.partnersText)).toEqual(tasks.map((t) => t.partners.map((m) => m.input).join('、')));
    expect(ledger.meta.jurisdiction).toBe(jurisdiction);
    expect(ledger.meta.planPeriod).toEqual({ start, end });
    expect(ledger.directory?.units.length ?? 0).toBeGreaterThan(0);
  });

  it('--json prints the plan and the tasks', async () => {
    const io = fakeIO({ 'plan.txt': seedText('004') });
    expect(await main(['import-plan', 'plan.txt', '--json'], io)).toBe(0);
    const j = JSON.parse(io.stdout);
    expect(j.plan).toMatchObject({ title: expect.stringContaining('綦江区'), jurisdiction: '重庆市綦江区', level: '区县', period: { start: 2021, end: 2025 } });
    expect(j.plan.goal).toMatchObject({ indicator: '公民具备科学素质的比例', baseline: [{ year: 2020, value: 8.8 }, { year: 2017, value: 6.5 }], target: { year: 2025, value: 15, stretch: null } });
    expect(j.tasks).toHaveLength(39);
    const t = j.tasks[0];
    for (const k of ['id', 'category', 'population', 'project', 'title', 'content', 'leads', 'partners', 'targets']) expect(t).toHaveProperty(k);
    expect(t.leads.length).toBeGreaterThan(0);
    expect(t.leads.every((n: unknown) => typeof n === 'string')).toBe(true);
  });

  it('reads a .docx', async () => {
    const io = fakeIO({ 'plan.docx': buildDocx(seedBlocks(seedText('004'))) });
    expect(await main(['import-plan', 'plan.docx', '-o', 'out.xlsx'], io)).toBe(0);
    const read = await readWorkbook(bytesOf(io, 'out.xlsx'), 'out.xlsx');
    if (!read.ok) throw new Error(read.problem.message);
    expect(readLedger(read.sheets).sheets.flatMap((s) => s.rows)).toHaveLength(39);
  });

  it.each<{ name: string; files: Record<string, string>; argv: string[]; code: number; err: string }>([
    { name: 'missing file', files: {}, argv: ['missing.txt', '-o', 'o.xlsx'], code: 1, err: '无法读取 missing.txt: 文件不存在' },
    { name: 'bad zip named .docx', files: { 'bad.docx': 'PK\u0003\u0004 not really' }, argv: ['bad.docx', '-o', 'o.xlsx'], code: 1, err: '「bad.docx」' },
    { name: 'not a plan', files: { 'story.txt': '从前有座山，山里有座庙。'.repeat(10) }, argv: ['story.txt', '-o', 'o.xlsx'], code: 1, err: '「story.txt」' },
    { name: 'empty', files: { 'empty.txt': '' }, argv: ['empty.txt', '-o', 'o.xlsx'], code: 1, err: '「empty.txt」' },
    { name: 'no output', files: { 'p.txt': 'x' }, argv: ['p.txt'], code: 2, err: '-o' },
    { name: 'no file', files: {}, argv: [], code: 2, err: '用法' },
    { name: 'output not .xlsx', files: { 'p.txt': 'x' }, argv: ['p.txt', '-o', 'out.csv'], code: 2, err: '.xlsx' },
  ])('$name → exit $code with a zh-CN message', async ({ files, argv, code, err }) => {
    const io = fakeIO(files);
    expect(await main(['import-plan', ...argv], io)).toBe(code);
    expect(io.stderr).toContain(err);
    expect(io.files.has('o.xlsx')).toBe(false);
  });
});
