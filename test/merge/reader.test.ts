// The merge and the plan importer are given their reader (shared/merge
// MergeOptions.read, shared/plan readPlanFile's third argument) rather than
// importing shared/io: what the reader returns is what they work on, a reader
// that throws is a refusal naming the file, and the io reader the faces pass
// reads as before.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planReader, workbookReader, type ReadResult } from '../../shared/io';
import { mergeFile, mergeLedgers } from '../../shared/merge';
import { readPlanFile, type PlanReader } from '../../shared/plan';
import type { SheetGrid } from '../../shared/model';
import { EXAMPLE_XLSX } from '../support/paths';

const AS_OF = new Date(2024, 0, 1);
const LEDGER: SheetGrid = {
  name: '任务台账',
  rows: [
    ['序号', '重点任务', '牵头单位', '完成时限'],
    ['1', '开展科普讲座', '区科协', '2023年底'],
    ['2', '建设科普基地', '区教育局', '2024年底'],
  ],
  merges: [],
};

describe('the merge reads with the reader it is given', () => {
  const cases: [string, (bytes: Uint8Array, file: string) => Promise<ReadResult>, { status: string; rows: number; reason: RegExp | null }][] = [
    ['sheets the reader made', async () => ({ ok: true, sheets: [LEDGER], warnings: [] }), { status: 'ok', rows: 2, reason: null }],
    [
      'a refusal of the reader',
      async (_b, file) => ({ ok: false, problem: { file, code: 'encrypted', message: `文件「${file}」设置了打开密码` } }),
      { status: 'refused', rows: 0, reason: /^文件「甲\.xlsx」设置了打开密码$/ },
    ],
    [
      'a reader that throws',
      async () => {
        throw new Error('boom');
      },
      { status: 'refused', rows: 0, reason: /^甲\.xlsx: 读取失败\(boom\)/ },
    ],
  ];
  it.each(cases)('%s', async (_what, read, want) => {
    const seen: [number, string][] = [];
    const spy = (bytes: Uint8Array, file: string) => (seen.push([bytes.length, file]), read(bytes, file));
    const r = await mergeFile({ name: '甲.xlsx', bytes: new Uint8Array(7) }, { read: spy, asOf: AS_OF });
    expect(seen).toEqual([[7, '甲.xlsx']]);
    expect(r.report.status).toBe(want.status);
    expect(r.tasks.length).toBe(want.rows);
    if (want.reason) expect(r.report.reason).toMatch(want.reason);
    else expect(r.tasks.map((t) => t.source)).toEqual([
      { file: '甲.xlsx', sheet: '任务台账', row: 2 },
      { file: '甲.xlsx', sheet: '任务台账', row: 3 },
    ]);
  });

  it('every file of a batch goes through the one reader, with its unique name', async () => {
    const names: string[] = [];
    const read = async (_b: Uint8Array, file: string): Promise<ReadResult> => (names.push(file), { ok: true, sheets: [LEDGER], warnings: [] });
    const r = await mergeLedgers([{ name: '甲.xlsx', bytes: new Uint8Array(1) }, { name: '甲.xlsx', bytes: new Uint8Array(1) }], { read, asOf: AS_OF });
    expect(names).toEqual(['甲.xlsx', '甲.xlsx (2)']);
    expect(r.files.map((f) => f.status)).toEqual(['ok', 'ok']);
  });

  it("the io reader the faces pass reads a real workbook", async () => {
    const bytes = new Uint8Array(readFileSync(EXAMPLE_XLSX));
    const r = await mergeFile({ name: 'jinjiang.xlsx', bytes }, { read: workbookReader(), asOf: AS_OF });
    expect(r.report.status).toBe('ok');
    expect(r.tasks.length).toBeGreaterThan(10);
  });
});

describe('the plan importer reads with the reader it is given', () => {
  const fake = (over: Partial<PlanReader> = {}): PlanReader => ({ ...planReader, ...over });
  it.each([
    ['a .docx by name goes to readDocx', 'plan.docx', new Uint8Array([1, 2, 3]), fake({ readDocx: async () => ({ ok: true, text: '一、总体要求' }) }), { ok: true, text: '一、总体要求', encoding: 'docx' }],
    ['a Word file by its bytes too', 'plan.txt', new Uint8Array([1, 2, 3]), fake({ isWordFile: () => true, readDocx: async () => ({ ok: true, text: '正文' }) }), { ok: true, text: '正文', encoding: 'docx' }],
    ['text decoded by the reader', 'plan.txt', new Uint8Array([0x61]), fake({ decodeText: () => ({ text: '（一）任务', encoding: 'GB18030' }) }), { ok: true, text: '（一）任务', encoding: 'GB18030' }],
    ['binary as the reader judges it', 'plan.txt', new Uint8Array([0x61]), fake({ looksLikeText: () => false }), { ok: false }],
  ] as const)('%s', async (_what, file, bytes, reader, want) => {
    const r = await readPlanFile(bytes, file, reader);
    expect(r).toMatchObject(want);
  });

  it('the io reader the faces pass reads UTF-8 text', async () => {
    const r = await readPlanFile(new TextEncoder().encode('一、总体要求\n（一）实施青少年科学素质提升行动。'), '方案.txt', planReader);
    expect(r).toEqual({ ok: true, text: '一、总体要求\n（一）实施青少年科学素质提升行动。', encoding: 'UTF-8' });
  });
});
