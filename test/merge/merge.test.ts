// mergeLedgers / mergeToWorkbook over ledgers of different layouts, with
// duplicates, and over batches mixing good and bad files.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import ExcelJS from 'exceljs';
import { mergeLedgers, mergeToWorkbook, mergedMeta, sourceCell, formatSource, REPORT_COLUMNS, STATUS_LABEL } from '../../shared/merge';
import type { MergeResult } from '../../shared/merge';
import { writeWorkbook } from '../../shared/io/write';
import { readWorkbook } from '../../shared/io/read';
import { readLedger } from '../../shared/ledger/read';
import { LEDGER_SHEET, REPORT_SHEET, DIRECTORY_SHEET, STANDARD_COLUMNS } from '../../shared/ledger/standard';
import { EXAMPLE, exampleRows, qijiangLedger, updateLedger, UPDATE, minimalBadFiles, type ExampleRow } from './fixtures';
import { ioBadFiles } from './bad-files';
import { badFixtureList } from '../../scripts/make-bad-fixtures';
import { workbookReader } from '../../shared/io';

const A = '锦江区台账.xlsx';
const B = '綦江区附件表.xlsx';
const C = '区教育局更新.xlsx';
const AS_OF = new Date(2023, 5, 30);

let example: ExampleRow[];
let annexTasks: number;
let updateRowOf: Map<number, number>;
let inputs: { name: string; bytes: Uint8Array }[];
let result: MergeResult;
const progress: [number, number, string][] = [];

beforeAll(async () => {
  example = await exampleRows();
  const q = await qijiangLedger();
  const u = await updateLedger();
  annexTasks = q.tasks;
  updateRowOf = u.rowOf;
  inputs = [
    { name: A, bytes: new Uint8Array(readFileSync(EXAMPLE)) },
    { name: B, bytes: q.bytes },
    { name: C, bytes: u.bytes },
  ];
  result = await mergeLedgers(inputs, { read: workbookReader(), asOf: AS_OF, onProgress: (d, t, c) => progress.push([d, t, c]) });
});

describe('three ledgers of different layouts', () => {
  it('reads every file', () => {
    expect(result.files.map((f) => [f.file, f.status])).toEqual([
      [A, 'ok'],
      [B, 'ok'],
      [C, 'ok'],
    ]);
    const updateRows = UPDATE.sameNumber.length + 2;
    expect(result.files.map((f) => f.rows)).toEqual([example.length, annexTasks, updateRows]);
  });

  it('keeps each file’s meta: the update is the later report of the same ledger', () => {
    const [a, b, c] = result.files.map((f) => f.meta);
    expect(a!.jurisdiction).toBeTruthy();
    expect(c!.jurisdiction).toBe(a!.jurisdiction);
    expect(c!.period).toBe(a!.period);
    expect(c!.asOf! > a!.asOf!).toBe(true);
    expect(b!.jurisdiction).toBeNull();
    for (const t of result.tasks) expect(t.meta).toBe(result.files.find((f) => f.file === t.source.file)!.meta);
  });

  it('counts each duplicated task once', () => {
    const repeated = UPDATE.sameNumber.length + 1;
    expect(result.tasks).toHaveLength(example.length + annexTasks + repeated + 1 - repeated);
    expect(result.duplicates).toHaveLength(repeated);
    expect(result.files.find((f) => f.file === A)!.duplicatesDropped).toBe(repeated);
  });

  it.each([
    ...UPDATE.sameNumber.map((id) => [id, id, 'numbered'] as const),
    [UPDATE.renumbered, UPDATE.renumberedAs, 'text-lead'] as const,
  ])('example task %s (update’s 序号 %s) is one task, found by the %s rule, the later report kept', (id, updateId, rule) => {
    const exampleRow = example.find((r) => r.id === id)!.row;
    const dup = result.duplicates.find((d) => d.sources.some((s) => s.file === A && s.row === exampleRow))!;
    expect(dup).toBeDefined();
    expect(dup.rule).toBe(rule);
    expect(dup.reason).toBe('later-as-of');
    expect(dup.kept).toEqual({ file: C, sheet: '进展更新', row: updateRowOf.get(updateId) });
    const kept = result.tasks.find((t) => t.source.file === C && t.source.row === updateRowOf.get(updateId))!;
    expect(kept.alsoIn).toEqual([{ file: A, sheet: LEDGER_SHEET, row: exampleRow }]);
    expect(result.tasks.some((t) => t.source.file === A && t.source.row === exampleRow)).toBe(false);
  });

  it('fills the kept row’s blank 类别 from the other report of the task', () => {
    for (const id of UPDATE.sameNumber) {
      const kept = result.tasks.find((t) => t.source.file === C && t.source.row === updateRowOf.get(id))!;
      expect(kept.category).toBe(example.find((r) => r.id === id)!.category);
      expect(kept.progressText).not.toBe(example.find((r) => r.id === id)!.progress);
    }
  });

  it('points every task at its own row', () => {
    const byRow = new Map(example.map((r) => [r.row, r]));
    for (const t of result.tasks.filter((x) => x.source.file === A)) {
      expect(t.source.sheet).toBe(LEDGER_SHEET);
      expect(t.title).toBe(byRow.get(t.source.row)!.title);
    }
    const updateRows = new Set(updateRowOf.values());
    for (const t of result.tasks.filter((x) => x.source.file === C)) expect(updateRows.has(t.source.row)).toBe(true);
    const annex = result.tasks.filter((x) => x.source.file === B);
    expect(annex.map((t) => t.source.row)).toEqual(annex.map((_, i) => i + 2));
  });

  it('reports progress per file and at the end', () => {
    expect(progress).toEqual([
      [0, 3, A],
      [1, 3, B],
      [2, 3, C],
      [3, 3, ''],
    ]);
  });

  it('collects the findings of each file, named by file', () => {
    for (const f of result.files) expect(result.findings.filter((x) => x.file === f.file)).toHaveLength(f.findings);
  });

  it('the same file twice: every task a duplicate, the first file kept', async () => {
    const bytes = new Uint8Array(readFileSync(EXAMPLE));
    const r = await mergeLedgers(
      [
        { name: '第一份.xlsx', bytes },
        { name: '第二份.xlsx', bytes: () => Promise.resolve(bytes) },
      ],
      { read: workbookReader(), asOf: AS_OF },
    );
    expect(r.tasks).toHaveLength(example.length);
    expect(r.duplicates).toHaveLength(example.length);
    expect(new Set(r.duplicates.map((d) => d.reason))).toEqual(new Set(['first-file']));
    expect(new Set(r.tasks.map((t) => t.source.file))).toEqual(new Set(['第一份.xlsx']));
  });

  it('tells apart two inputs of the same name', async () => {
    const r = await mergeLedgers([inputs[1]!, { ...inputs[1]!, bytes: inputs[0]!.bytes }], { read: workbookReader(), asOf: AS_OF });
    expect(r.files.map((f) => f.file)).toEqual([B, `${B} (2)`]);
    expect(new Set(r.tasks.map((t) => t.source.file))).toEqual(new Set([B, `${B} (2)`]));
  });

  it('judges each file as of its own 截至日期 with asOfPerFile', async () => {
    const later = new Date(2030, 0, 1);
    const statuses = async (asOf: Date, asOfPerFile?: boolean) =>
      (await mergeLedgers([inputs[0]!], { read: workbookReader(), asOf, asOfPerFile })).tasks.map((t) => t.status);
    const own = await statuses(AS_OF);
    expect(await statuses(later, true)).toEqual(own);
    expect(await statuses(later)).not.toEqual(own);
    const r = await mergeLedgers(inputs, { read: workbookReader(), asOf: later, asOfPerFile: true });
    expect(r.asOf).toBe(r.files.map((f) => f.meta.asOf!).filter(Boolean).sort().at(-1));
  });

  // The page gets a turn once a frame (16 ms) of work has passed, not after every
  // file: browsers clamp setTimeout(0) to 4 ms, which cost seconds over many small
  // files. Date.now is stubbed so the test does not depend on the machine's speed.
  it.each([
    ['each file takes longer than a frame', 20, [0, 1, 2, 3]],
    ['the whole batch fits in a frame', 0, [0, 0, 0, 0]],
  ])('yields to the event loop when %s', async (_what, msPerCall, expected) => {
    let clock = 1_000_000;
    const now = vi.spyOn(Date, 'now').mockImplementation(() => (clock += msPerCall));
    try {
      let fired = 0;
      const seen: number[] = [];
      await mergeLedgers(inputs, {
        read: workbookReader(),
        asOf: AS_OF,
        onProgress: () => {
          seen.push(fired);
          setTimeout(() => fired++, 0);
        },
      });
      // with long files, a timer set before a file is read runs before the next file starts
      expect(seen).toEqual(expected);
    } finally {
      now.mockRestore();
    }
  });
});

describe('mergeToWorkbook', () => {
  const sheet = (name: string) => mergeToWorkbook(result).sheets.find((s) => s.name === name)!;

  it('writes 任务台账, 导入报告 and 单位名录', () => {
    const names = mergeToWorkbook(result).sheets.map((s) => s.name);
    for (const n of [LEDGER_SHEET, REPORT_SHEET, DIRECTORY_SHEET]) expect(names).toContain(n);
    expect(names.indexOf(REPORT_SHEET)).toBe(names.indexOf(LEDGER_SHEET) + 1);
  });

  it('is titled by the merged meta (辖区, 报告期, file count)', () => {
    expect(mergeToWorkbook(result).title).toBe(mergedMeta(result).title);
    expect(mergedMeta(result).title).toMatch(/合并台账\(\d+ 份\)$/);
  });

  it('fills 来源 with file › sheet › row, and names the duplicates’ files', () => {
    const ledger = sheet(LEDGER_SHEET);
    const h = ledger.headerRow ?? 0;
    const header = ledger.rows[h]!;
    expect(header.slice(0, STANDARD_COLUMNS.length)).toEqual([...STANDARD_COLUMNS]);
    const col = header.indexOf('来源');
    const cells = ledger.rows.slice(h + 1).map((r) => r[col]);
    expect(cells).toEqual(result.tasks.map(sourceCell));
    expect(cells[0]).toBe(`${A} › ${LEDGER_SHEET} › 第${example[0]!.row}行`);
    const withDup = cells.filter((c) => String(c).includes('另见'));
    expect(withDup).toHaveLength(result.duplicates.length);
    for (const c of withDup) expect(String(c).startsWith(C)).toBe(true);
  });

  it('states the 辖区 and 报告期 the files agree on', () => {
    const meta = sheet('说明').rows;
    const value = (k: string) => meta.find((r) => r[0] === k)?.[1];
    expect(value('辖区')).toBe(result.files[0]!.meta.jurisdiction);
    expect(value('报告期')).toBe(result.files[0]!.meta.period);
  });

  it('has one 导入报告 line per file, then the duplicates', () => {
    const rows = sheet(REPORT_SHEET).rows;
    expect(rows[0]).toEqual([...REPORT_COLUMNS]);
    result.files.forEach((f, i) => {
      expect(rows[i + 1]!.slice(0, 4)).toEqual([f.file, STATUS_LABEL[f.status], f.rows, f.findings]);
    });
    expect(String(rows[1 + result.files.length]![0])).toContain(`${result.files.length} 个文件`);
    const listed = rows.filter((r) => r[1] && String(r[1]).startsWith(C) && String(r[2]).includes(A));
    expect(listed).toHaveLength(result.duplicates.length);
    for (const d of result.duplicates) expect(listed.some((r) => r[1] === formatSource(d.kept!))).toBe(true);
    expect(String(rows[1 + result.files.findIndex((f) => f.file === A)]![4])).toContain(String(result.duplicates.length));
  });

  it('round-trips: the written workbook reads back as one ledger of the merged tasks', async () => {
    const bytes = await writeWorkbook(mergeToWorkbook(result));
    const read = await readWorkbook(bytes, '合并.xlsx');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const ledger = readLedger(read.sheets, '合并.xlsx');
    expect(ledger.sheets.map((s) => s.sheet)).toEqual([LEDGER_SHEET]);
    expect(ledger.sheets[0]!.rows.map((r) => r.title)).toEqual(result.tasks.map((t) => t.title));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.getWorksheet(REPORT_SHEET)!.getCell(2, 1).value).toBe(A);
    // merging the merged workbook with one of its inputs: said so, and nothing doubled
    const again = await mergeLedgers([{ name: '合并.xlsx', bytes }, inputs[1]!], { read: workbookReader(), asOf: AS_OF });
    expect(again.files[0]!.note).toContain('合并结果');
    expect(again.tasks).toHaveLength(result.tasks.length);
  });
});

describe('a batch with bad files', () => {
  let minimal: { name: string; bytes: Uint8Array }[];
  let fromIo: Awaited<ReturnType<typeof ioBadFiles>>;
  let batch: MergeResult;
  beforeAll(async () => {
    minimal = await minimalBadFiles();
    fromIo = await ioBadFiles();
    batch = await mergeLedgers([inputs[0]!, ...minimal, ...fromIo, inputs[1]!], { read: workbookReader(), asOf: AS_OF });
    // the large fixtures (1,048,576-row sheets, zip bombs) take a minute to make and read on 2 cores
  }, 600_000);

  it('merges the good files of the batch', () => {
    expect(batch.files[0]).toMatchObject({ file: A, status: 'ok', rows: example.length, reason: null });
    expect(batch.files.at(-1)).toMatchObject({ file: B, status: 'ok', rows: annexTasks, reason: null });
    const good = batch.tasks.filter((t) => t.source.file === A || t.source.file === B);
    expect(good).toHaveLength(example.length + annexTasks);
  });

  it.each(['不是表格.xlsx', '传输中断.xlsx', '空工作簿.xlsx', '没有表头.xlsx', '旧格式.xls'])('refuses %s with a message that names it', (name) => {
    const r = batch.files.find((x) => x.file === name)!;
    expect(r.status).toBe('refused');
    expect(r.rows).toBe(0);
    expect(r.reason).toContain(name);
    expect(r.reason!.length).toBeGreaterThan(name.length + 4);
  });

  it('has every file of the io engineer’s bad set', () => {
    expect(fromIo.length).toBeGreaterThan(10);
    expect(batch.files).toHaveLength(2 + minimal.length + fromIo.length);
  });

  it.each(badFixtureList().map((f) => [f.file, f] as const))('%s: refused naming the file, or read', (name, fixture) => {
    const r = batch.files.find((x) => x.file === name)!;
    expect(r).toBeDefined();
    if ('refused' in fixture.expect) expect(r.status).toBe('refused');
    if (r.status === 'refused') {
      expect(r.reason).toContain(name);
      expect(r.rows).toBe(0);
    } else {
      expect(r.reason).toBeNull();
      expect(batch.tasks.filter((t) => t.source.file === name)).toHaveLength(r.rows - (r.duplicatesDropped ?? 0));
    }
  });

  it('tells how to convert an old .xls', () => {
    expect(batch.files.find((x) => x.file === '旧格式.xls')!.reason).toMatch(/xlsx/);
  });

  it('refuses a file whose loader fails, and goes on', async () => {
    const r = await mergeLedgers(
      [{ name: '丢失.xlsx', bytes: () => Promise.reject(new Error('ENOENT')) }, inputs[1]!],
      { read: workbookReader(), asOf: AS_OF },
    );
    expect(r.files.map((f) => f.status)).toEqual(['refused', 'ok']);
    expect(r.files[0]!.reason).toContain('丢失.xlsx');
  });
});

describe('purity', () => {
  const dir = path.resolve(__dirname, '../../shared/merge');
  it.each(readdirSync(dir).filter((f) => f.endsWith('.ts')))('%s uses no Node built-in, DOM or face', (f) => {
    const src = readFileSync(path.join(dir, f), 'utf8');
    expect(src).not.toMatch(/from ['"](node:|fs|path|os|child_process|react|office)/);
    expect(src).not.toMatch(/from ['"]\.\.\/\.\.\/(cli|dashboard|addin|server)/);
    expect(src).not.toMatch(/\b(process|window|document|Buffer)\./);
  });
});
