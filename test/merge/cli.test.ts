// kesu merge through main(argv, io) with an in-memory CliIO.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { main } from '../../cli/main';
import type { CliIO } from '../../cli/io';
import { LEDGER_SHEET, REPORT_SHEET, DIRECTORY_SHEET } from '../../shared/ledger/standard';
import { EXAMPLE, exampleRows, qijiangLedger, updateLedger, minimalBadFiles, UPDATE } from './fixtures';

interface FakeIO extends CliIO {
  files: Map<string, Uint8Array | string>;
  stdout: string;
  stderr: string;
}

function fakeIO(files: Record<string, Uint8Array>, isTTY = false): FakeIO {
  const io: FakeIO = {
    files: new Map(Object.entries(files)),
    stdout: '',
    stderr: '',
    isTTY,
    out: (t) => void (io.stdout += t),
    err: (t) => void (io.stderr += t),
    readFile: async (p) => {
      const f = io.files.get(p);
      if (f === undefined) throw new Error(`ENOENT: ${p}`);
      return typeof f === 'string' ? new TextEncoder().encode(f) : f;
    },
    writeFile: async (p, d) => void io.files.set(p, d),
    fileId: async (p) => (io.files.has(p) ? p : null),
    listFiles: async (dir) => [...io.files.keys()].filter((k) => k.startsWith(dir + '/')).sort(),
    isDirectory: async (p) => {
      if ([...io.files.keys()].some((k) => k.startsWith(p + '/'))) return true;
      if (io.files.has(p)) return false;
      throw new Error(`ENOENT: ${p}`);
    },
    now: () => new Date(2023, 5, 30),
  };
  return io;
}

let good: Record<string, Uint8Array>;
let bad: Record<string, Uint8Array>;
let exampleTasks: number;
let totalTasks: number;

beforeAll(async () => {
  const q = await qijiangLedger();
  const u = await updateLedger();
  exampleTasks = (await exampleRows()).length;
  totalTasks = exampleTasks + q.tasks + 1; // the update adds one task of its own
  good = {
    '收件/锦江区.xlsx': new Uint8Array(readFileSync(EXAMPLE)),
    '收件/二级/綦江区.xlsx': q.bytes,
    '收件/教育局更新.xlsx': u.bytes,
  };
  bad = Object.fromEntries((await minimalBadFiles()).map((f) => ['坏/' + f.name, f.bytes]));
});

const json = (io: FakeIO) => JSON.parse(io.stdout) as {
  files: { file: string; status: string; rows: number; findings: number; reason: string | null }[];
  tasks: number;
  duplicates: { kept: { file: string }; sources: { file: string }[] }[];
  output: string | null;
};

describe('kesu merge exit codes', () => {
  it.each([
    ['no inputs', 2, ['merge']],
    ['no -o', 2, ['merge', '收件']],
    ['-o without a value', 2, ['merge', '收件', '-o']],
    ['bad --as-of', 2, ['merge', '收件', '-o', 'm.xlsx', '--as-of', '2023-13-40']],
    ['a folder of good files', 0, ['merge', '收件', '-o', 'm.xlsx']],
    ['good and bad', 0, ['merge', '坏', '收件', '-o', 'm.xlsx']],
    ['only bad files', 1, ['merge', '坏', '-o', 'm.xlsx']],
    ['a missing file', 1, ['merge', '没有这个.xlsx', '-o', 'm.xlsx']],
    ['an empty folder', 1, ['merge', '空', '-o', 'm.xlsx']],
  ] as const)('%s → exit %i', async (_name, code, argv) => {
    const io = fakeIO({ ...good, ...bad, '空/说明.txt': new Uint8Array(1) });
    expect(await main([...argv], io)).toBe(code);
    expect(io.files.has('m.xlsx')).toBe(code === 0);
    if (code === 2) expect(io.stderr).toContain('kesu merge');
  });
});

describe('kesu merge --json', () => {
  let io: FakeIO;
  let out: ReturnType<typeof json>;
  beforeAll(async () => {
    io = fakeIO({ ...good, ...bad, '收件/备注.txt': new Uint8Array(3), '收件/~$锦江区.xlsx': new Uint8Array(3) }, true);
    expect(await main(['merge', '收件', '坏', '-o', '合并.xlsx', '--json', '--as-of', '2023-06-30'], io)).toBe(0);
    out = json(io);
  });

  it('lists every ledger file of the folders, recursively, and nothing else', () => {
    expect(out.files.map((f) => f.file).sort()).toEqual([...Object.keys(good), ...Object.keys(bad)].sort());
  });

  it('gives status, rows, findings and reason per file', () => {
    for (const f of out.files) {
      expect(Object.keys(good).includes(f.file) ? 'ok' : 'refused').toBe(f.status);
      if (f.status === 'refused') {
        expect(f.reason).toContain(f.file);
        expect(f.rows).toBe(0);
      } else {
        expect(f.reason).toBeNull();
        expect(f.rows).toBeGreaterThan(0);
        expect(typeof f.findings).toBe('number');
      }
    }
    expect(out.files.find((f) => f.file === '收件/锦江区.xlsx')!.rows).toBe(exampleTasks);
  });

  it('counts tasks once and lists the duplicates', () => {
    expect(out.tasks).toBe(totalTasks);
    expect(out.duplicates).toHaveLength(UPDATE.sameNumber.length + 1);
    for (const d of out.duplicates) {
      expect(d.kept.file).toBe('收件/教育局更新.xlsx');
      expect(d.sources.map((s) => s.file)).toContain('收件/锦江区.xlsx');
    }
    expect(out.output).toBe('合并.xlsx');
  });

  it('is quiet on stderr even on a terminal', () => expect(io.stderr).toBe(''));

  it('writes the merged workbook', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(io.files.get('合并.xlsx') as unknown as ArrayBuffer);
    const names = wb.worksheets.map((w) => w.name);
    for (const n of [LEDGER_SHEET, REPORT_SHEET, DIRECTORY_SHEET]) expect(names).toContain(n);
    expect(wb.getWorksheet(LEDGER_SHEET)!.actualRowCount).toBe(totalTasks + 1);
    expect(wb.getWorksheet(REPORT_SHEET)!.getColumn(1).values).toEqual(expect.arrayContaining(out.files.map((f) => f.file)));
  });
});

describe('kesu merge on a terminal', () => {
  it('draws one updating progress line on stderr and a zh-CN table on stdout', async () => {
    const io = fakeIO({ ...good, ...bad }, true);
    expect(await main(['merge', '收件', '坏', '-o', 'm.xlsx'], io)).toBe(0);
    const n = Object.keys(good).length + Object.keys(bad).length;
    expect(io.stderr).toContain(`\r`);
    expect(io.stderr).toContain(`合并中 已完成 0/${n}  正在读取 收件/二级/綦江区.xlsx`);
    expect(io.stderr).toContain(`合并中 已完成 ${n - 1}/${n}`);
    expect(io.stderr).toContain(`已读取 ${n}/${n} 个文件`);
    expect(io.stderr.trim().split('\n')).toHaveLength(1);
    for (const f of [...Object.keys(good), ...Object.keys(bad)]) expect(io.stdout).toContain(f);
    expect(io.stdout).toContain('已合并');
    expect(io.stdout).toContain('未能读取');
    expect(io.stdout).toContain(`任务 ${totalTasks} 项`);
    expect(io.stdout).toContain('已写入 m.xlsx');
  });

  it('keeps the order the inputs were given in, a missing one in its place', async () => {
    const io = fakeIO({ ...good, ...bad });
    expect(await main(['merge', '坏/旧格式.xls', '没有.xlsx', '收件/锦江区.xlsx', '-o', 'm.xlsx', '--json'], io)).toBe(0);
    expect(json(io).files.map((f) => [f.file, f.status])).toEqual([
      ['坏/旧格式.xls', 'refused'],
      ['没有.xlsx', 'refused'],
      ['收件/锦江区.xlsx', 'ok'],
    ]);
    expect(json(io).files[1]!.reason).toContain('找不到');
  });

  it('draws no progress when stdout is not a terminal', async () => {
    const io = fakeIO(good, false);
    expect(await main(['merge', '收件', '-o', 'm.xlsx'], io)).toBe(0);
    expect(io.stderr).toBe('');
  });

  it('refuses a file whose name is not UTF-8, saying to rename it, and merges the rest', async () => {
    const io = fakeIO(good);
    const garbled = '收件/\uFFFD\uFFFD\uFFFD台账.xlsx';
    const list = io.listFiles;
    io.listFiles = async (dir) => [...(await list(dir)), garbled].sort();
    expect(await main(['merge', '收件', '-o', 'm.xlsx', '--json'], io)).toBe(0);
    const f = json(io).files.find((x) => x.file === garbled)!;
    expect(f.status).toBe('refused');
    expect(f.reason).toContain(garbled);
    expect(f.reason).toContain('重命名');
    expect(json(io).files.filter((x) => x.status === 'ok')).toHaveLength(Object.keys(good).length);
  });

  it('does not read its own output back when it lies in the folder', async () => {
    const io = fakeIO(good);
    expect(await main(['merge', '收件', '-o', '收件/合并.xlsx', '--json'], io)).toBe(0);
    expect(io.files.has('收件/合并.xlsx')).toBe(true);
    io.stdout = '';
    expect(await main(['merge', '收件', '-o', '收件/合并.xlsx', '--json'], io)).toBe(0);
    expect(json(io).files.map((f) => f.file)).not.toContain('收件/合并.xlsx');
  });
});
