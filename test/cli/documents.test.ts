// kesu report and kesu notices through main(argv, io) with an in-memory CliIO:
// two periods of one district (test/fixtures/supervision), the documents read
// back with mammoth and held against the core's own report of the same merge.
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { leadersReport } from '../../shared/aggregate';
import type { LeadersReport } from '../../shared/aggregate';
import { mergeLedgers } from '../../shared/merge';
import type { MergedTask } from '../../shared/merge';
import { periodLedger } from '../fixtures/supervision/two-periods';
import { readDocx } from '../report/read-docx';
import type { DocxText } from '../report/read-docx';
import { fakeIO } from './fake-io';
import { workbookReader } from '../../shared/io';

let ledgers: Record<string, Uint8Array>;
let core: LeadersReport<MergedTask>;

beforeAll(async () => {
  ledgers = { 'in/q1.xlsx': await periodLedger('q1'), 'in/h1.xlsx': await periodLedger('h1') };
  const merged = await mergeLedgers(
    Object.entries(ledgers).map(([name, bytes]) => ({ name, bytes: async () => bytes })),
    { read: workbookReader(), asOf: new Date('2023-06-30T00:00:00Z'), asOfPerFile: true },
  );
  core = leadersReport(merged.tasks);
});

const run = async (...argv: string[]) => {
  const io = fakeIO(ledgers);
  const code = await main(argv, io);
  return { io, code };
};
const docOf = (io: ReturnType<typeof fakeIO>, p: string): Promise<DocxText> => readDocx(io.files.get(p) as Uint8Array);

describe('kesu report', () => {
  it('writes the 通报 of the latest period, its figures the core’s', async () => {
    const { io, code } = await run('report', 'in', '-o', '通报.docx', '--issuer', '锦江区科协');
    expect(io.stderr).toBe('');
    expect(code).toBe(0);
    expect(core.periods.map((p) => [p.period, p.previous])).toEqual([['2023年上半年', '2023年第一季度']]);
    const d = await docOf(io, '通报.docx');
    expect(d.lines[0]).toBe('成都市锦江区全民科学素质行动工作进展通报');
    expect(d.lines).toContain('（2023年上半年）');
    const status = d.tables[0]!;
    expect(status.rows.at(-1)!.slice(0, 2)).toEqual(['合计', String(core.summary.total)]);
    const red = core.summary.lights.find((l) => l.light === '红')!.count;
    expect(status.rows.find((r) => r[3] === '红灯')![4]).toBe(String(red));
    // the red list: one heading per unit, each of its tasks by 序号
    for (const { unit, tasks } of core.red) {
      expect(d.headings.some((h) => h.text.endsWith(`${unit}（${tasks.length}项）`))).toBe(true);
      for (const t of tasks) expect(d.lines.some((l) => l.startsWith(`${t.id} | ${t.title} | `))).toBe(true);
    }
    expect(d.lines).toContain(
      `与2023年第一季度相比：新完成${core.changed.done.length}项，新亮红灯${core.changed.red.length}项，连续红灯${core.changed['still-red'].length}项，进展未更新${core.changed.stale.length}项。`,
    );
    expect(d.images).toBe(4);
    expect(d.lines.at(-2)).toBe('锦江区科协');
    expect(io.stdout).toBe(
      `已写入 通报.docx(各辖区最新一期):任务 ${core.summary.total} 项,红灯 ${red} 项、黄灯 ${core.summary.lights.find((l) => l.light === '黄')!.count} 项、绿灯 ${core.summary.lights.find((l) => l.light === '绿')!.count} 项;红灯任务涉及单位 ${core.red.length} 家,需督办单位 ${core.notices.length} 家。\n`,
    );
  });

  it('reads --period for another period, and 全部 for all periods added up', async () => {
    const q1 = await run('report', 'in', '-o', 'q1.docx', '--period', '2023年第一季度', '--json');
    expect(q1.code).toBe(0);
    expect(JSON.parse(q1.io.stdout)).toMatchObject({ tasks: 13, periods: [{ period: '2023年第一季度', previous: null }] });
    expect((await docOf(q1.io, 'q1.docx')).lines).toContain('所汇总台账中没有上一期台账，本期不作比较。');
    const all = await run('report', 'in', '-o', 'all.docx', '--period', '全部', '--json');
    expect(JSON.parse(all.io.stdout).tasks).toBe(26);
  });

  it('judges every ledger as of --as-of, as kesu merge does', async () => {
    const late = await mergeLedgers(
      Object.entries(ledgers).map(([name, bytes]) => ({ name, bytes: async () => bytes })),
      { read: workbookReader(), asOf: new Date('2023-12-31T00:00:00Z'), asOfPerFile: false },
    );
    const want = leadersReport(late.tasks);
    const overdue = (r: LeadersReport<MergedTask>) => r.summary.status.find((s) => s.status === '逾期')!.count;
    // half a year on, more deadlines have passed
    expect(overdue(want)).toBeGreaterThan(overdue(core));
    const { io, code } = await run('report', 'in', '-o', 'late.docx', '--as-of', '2023-12-31');
    expect(code).toBe(0);
    const status = (await docOf(io, 'late.docx')).tables[0]!;
    expect(status.rows.find((r) => r[0] === '逾期')![1]).toBe(String(overdue(want)));
  });

  it.each([
    // argv after the inputs → exit code and what stderr says
    [['-o', 'in/h1.xlsx'], 2, '输出文件应为 .docx'],
    [['-o', 'in/h1.docx', 'in/h1.docx'], 2, '输出文件不能与输入文件相同'],
    [[], 2, '缺少输出文件 -o <通报.docx>'],
    [['-o', 'x.docx', '--as-of', '2023/06/30'], 2, '--as-of 应为 YYYY-MM-DD'],
    [['-o', 'x.docx', '--unit', '区教育'], 1, '所给台账中没有「区教育」(--unit);台账中有:'],
    [['-o', 'x.docx', '--period', '2024年'], 1, '或写 全部'],
  ])('%j → exit %i: %s', async (rest, exit, says) => {
    const { io, code } = await run('report', 'in', ...rest);
    expect(code).toBe(exit);
    expect(io.stderr).toContain(says);
    expect([...io.files.keys()].filter((k) => k.endsWith('.docx'))).toEqual([]);
  });
});

describe('kesu notices', () => {
  it('writes one 督办单 per lagging unit into the folder, made when missing', async () => {
    const { io, code } = await run('notices', 'in', '-o', 'out/督办', '--reply-by', '2023-07-20');
    expect(io.stderr).toBe('');
    expect(code).toBe(0);
    expect(io.dirs.has('out/督办')).toBe(true);
    const written = [...io.files.keys()].filter((k) => k.startsWith('out/督办/')).sort();
    expect(written).toEqual(core.notices.map((n) => `out/督办/督办单-${n.unit}.docx`).sort());
    for (const n of core.notices) {
      const d = await docOf(io, `out/督办/督办单-${n.unit}.docx`);
      expect(d.tables[0]!.rows[0]).toEqual(['承办单位', n.unit]);
      expect(d.tables[0]!.rows.find((r) => r[0] === '办理时限')![1]).toBe('请于2023年7月20日前反馈办理情况。');
      expect(d.tables[1]!.rows.map((r) => r[0])).toEqual(n.items.map((it) => it.task.id));
      expect(d.tables[1]!.rows.map((r) => r[2])).toEqual(n.items.map((it) => it.task.deadlineText));
    }
    expect(io.stdout.split('\n')[0]).toBe(`已写入督办单 ${core.notices.length} 份(各辖区最新一期):`);
  });

  it('writes only the unit asked for with --unit', async () => {
    const unit = core.notices.at(-1)!.unit;
    const { io, code } = await run('notices', 'in', '-o', 'out', '--unit', unit, '--json');
    expect(code).toBe(0);
    expect([...io.files.keys()].filter((k) => k.startsWith('out/'))).toEqual([`out/督办单-${unit}.docx`]);
    expect(JSON.parse(io.stdout).notices).toEqual([expect.objectContaining({ unit, file: `out/督办单-${unit}.docx` })]);
  });

  it('writes nothing and says so when the unit does not lag', async () => {
    const lagging = new Set(core.notices.map((n) => n.unit));
    const fine = core.summary.units.find((u) => !lagging.has(u.unit))!.unit;
    const { io, code } = await run('notices', 'in', '-o', 'out', '--unit', fine);
    expect(code).toBe(0);
    expect(io.stdout).toContain('没有需要督办的单位');
    expect([...io.files.keys()].some((k) => k.startsWith('out/'))).toBe(false);
  });

  it('refuses a folder that is a file, in words', async () => {
    const io = fakeIO(ledgers);
    io.makeDirectory = async (p) => {
      throw Object.assign(new Error(`EEXIST: file already exists, mkdir '${p}'`), { code: 'EEXIST' });
    };
    expect(await main(['notices', 'in', '-o', 'notes.txt'], io)).toBe(1);
    expect(io.stderr).toBe('无法写入 notes.txt: 这是一个文件,不是文件夹,请在 -o 后写一个文件夹\n');
  });

  it.each([
    [['-o', 'in/h1.xlsx'], '输出文件夹不能是输入文件'],
    [[], '缺少输出文件夹 -o <文件夹>'],
    [['-o', 'out', '--reply-by', '7月20日'], '--reply-by 应为 YYYY-MM-DD'],
  ])('%j → usage error: %s', async (rest, says) => {
    const { io, code } = await run('notices', 'in', 'in/h1.xlsx', ...rest);
    expect(code).toBe(2);
    expect(io.stderr).toContain(says);
    expect(io.files.get('in/h1.xlsx')).toBe(ledgers['in/h1.xlsx']);
  });
});
