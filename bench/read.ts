// Reading a 50,000-row ledger .xlsx several ways, each in its own child process
// so peak memory figures do not mix:
//   direct         — our shipped path: readWorkbook (guards + the direct reader of
//                    shared/io/sheet-xml.ts, works in the browser): `read.direct_*`.
//                    (Until issue 14 it was also reported as `read.exceljs_*`, a name
//                    left from when exceljs read for us; that key is gone.)
//   exceljs_load   — the former shipped path: readWorkbookWithExceljs (guards + exceljs `load`)
//   exceljs_raw    — exceljs `load` alone, merges included (not run by default: on a
//                    ledger with 10,000 merges it takes a minute; `--child exceljs_raw FILE`)
//   exceljs_stream — exceljs's streaming WorkbookReader (Node only; skips merged cells)
//   sheetjs        — SheetJS `xlsx` 0.18.5 from npm, reference only (never shipped: CVE-2023-30533, CVE-2024-22363)
// The workbook is generated once into a temp dir: title rows, merged 类别
// cells, ten realistic columns of Chinese text.
// Run alone: `npx tsx bench/run.ts read`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type ExcelJSNS from 'exceljs';
import type { CellValue, MergeRange } from '../shared/model';

const ROWS = 50_000;
const here = fileURLToPath(import.meta.url);

const CATEGORIES = ['实施青少年科学素质提升行动', '实施农民科学素质提升行动', '实施产业工人科学素质提升行动', '实施老年人科学素质提升行动', '实施领导干部和公务员科学素质提升行动'];
const TITLES = ['开展青少年科技活动', '培育科技创新后备人才', '开展老年人智能技术培训', '推进科普基础设施建设', '加强科普人才队伍建设', '实施社区科普益民工程'];
const OWNERS = ['区教育局、区科协', '区新经济和科技局', '区卫健局', '区农业农村局、区科协', '区委组织部、区委宣传部', '团区委、区妇联、各街道'];
const DEADLINES = ['每年', '2025年', '2025年底', '2023年6月底前', '长期坚持'];

export async function generate(file: string): Promise<void> {
  const { writeWorkbook } = await import('../shared/io');
  const rows: CellValue[][] = [
    ['某区全民科学素质行动规划纲要实施方案重点任务台账（2023年上半年）'],
    ['填报单位：区科协　　截至日期：2023年6月30日'],
    ['序号', '类别', '重点任务', '任务内容', '牵头单位', '责任单位', '完成时限', '工作进展', '完成值', '备注'],
  ];
  const merges: MergeRange[] = [
    { top: 0, left: 0, bottom: 0, right: 9 },
    { top: 1, left: 0, bottom: 1, right: 9 },
  ];
  for (let i = 0; i < ROWS; i++) {
    const first = i % 5 === 0;
    if (first && i + 4 < ROWS) merges.push({ top: i + 3, left: 1, bottom: i + 7, right: 1 });
    rows.push([
      i + 1,
      first ? CATEGORIES[(i / 5) % CATEGORIES.length] : null,
      TITLES[i % TITLES.length],
      `深化馆校合作，充分利用科技馆、博物馆、科普教育基地等场所开展学习实践活动，每年开展科普活动不少于${(i % 90) + 10}场，覆盖学生${(i % 50) + 1}万人次（任务${i + 1}）。`,
      OWNERS[i % OWNERS.length],
      OWNERS[(i + 3) % OWNERS.length],
      DEADLINES[i % DEADLINES.length],
      i % 7 === 0 ? null : `已开展活动${i % 40}场，完成年度目标的${(i * 37) % 100}%。`,
      i % 7 === 0 ? null : i % 40,
      i % 11 === 0 ? '按计划推进' : null,
    ]);
  }
  writeFileSync(file, await writeWorkbook({ sheets: [{ name: '任务台账', rows, merges, headerRow: 2, widths: [6, 16, 20, 50, 20, 20, 10, 30, 8, 10] }] }));
}

type Mode = 'direct' | 'exceljs_load' | 'exceljs_raw' | 'exceljs_stream' | 'sheetjs';

/** Runs in the child: read the file one way, print {seconds, rows, merges, peak_mb}. */
async function child(mode: Mode, file: string): Promise<void> {
  // Load the libraries before timing: we measure reading, not module start-up.
  const ExcelJS = (await import('exceljs')).default;
  const XLSX = mode === 'sheetjs' ? await import('xlsx') : null;
  const { readWorkbook } = await import('../shared/io');
  const { readWorkbookWithExceljs } = await import('../shared/io/read-exceljs');
  const bytes = new Uint8Array(readFileSync(file));
  const t0 = performance.now();
  let rows = 0;
  let merges = 0;
  if (mode === 'direct' || mode === 'exceljs_load') {
    const r = await (mode === 'direct' ? readWorkbook : readWorkbookWithExceljs)(bytes, path.basename(file));
    if (!r.ok) throw new Error(r.problem.message);
    rows = r.sheets[0].rows.length;
    merges = r.sheets[0].merges.length;
  } else if (mode === 'exceljs_raw') {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJSNS.Buffer);
    wb.worksheets[0].eachRow(() => rows++);
    merges = Object.keys((wb.worksheets[0] as unknown as { _merges: object })._merges).length;
  } else if (mode === 'exceljs_stream') {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', styles: 'cache', worksheets: 'emit', hyperlinks: 'ignore', entries: 'emit' });
    for await (const ws of reader) for await (const row of ws as AsyncIterable<ExcelJSNS.Row>) if ((row.values as unknown[]).length) rows++;
    merges = 0; // the streaming reader does not report merged cells
  } else if (XLSX) {
    const wb = XLSX.read(bytes, { type: 'array', cellDates: true });
    const ws = wb.Sheets[wb.SheetNames[0]];
    rows = XLSX.utils.sheet_to_json(ws, { header: 1, blankrows: false }).length;
    merges = (ws['!merges'] ?? []).length;
  }
  const seconds = (performance.now() - t0) / 1000;
  const peak_mb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ seconds, rows, merges, peak_mb }) + '\n');
}

/** A 100-row ledger read 100 times each way, in this process (the dashboard's many-small-files case). */
async function smallLedgers(): Promise<{ direct: number; exceljs: number }> {
  const { readWorkbook, writeWorkbook } = await import('../shared/io');
  const { readWorkbookWithExceljs } = await import('../shared/io/read-exceljs');
  const rows: CellValue[][] = [['序号', '重点任务', '牵头单位', '完成时限', '完成值']];
  for (let i = 0; i < 100; i++) rows.push([i + 1, TITLES[i % TITLES.length], OWNERS[i % OWNERS.length], DEADLINES[i % DEADLINES.length], i % 40]);
  const bytes = await writeWorkbook({ sheets: [{ name: '任务台账', rows, merges: [], headerRow: 0 }] });
  const time = async (read: typeof readWorkbook): Promise<number> => {
    for (let k = 0; k < 5; k++) await read(bytes, 'small.xlsx'); // warm-up
    const t0 = performance.now();
    for (let k = 0; k < 100; k++) if (!(await read(bytes, 'small.xlsx')).ok) throw new Error('read failed');
    return (performance.now() - t0) / 1000;
  };
  return { direct: await time(readWorkbook), exceljs: await time(readWorkbookWithExceljs) };
}

export async function run(log: (s: string) => void): Promise<Record<string, number | string>> {
  const dir = mkdtempSync(path.join(tmpdir(), 'kesu-read-'));
  try {
    const file = path.join(dir, 'ledger-50000.xlsx');
    const g0 = Date.now();
    await generate(file);
    log(`生成 ${ROWS.toLocaleString('en-US')} 行台账 ${(statSync(file).size / 1048576).toFixed(1)} MB（${((Date.now() - g0) / 1000).toFixed(1)} s）`);
    const out: Record<string, number | string> = { 'read.rows': ROWS };
    for (const mode of ['direct', 'exceljs_load', 'exceljs_stream', 'sheetjs'] as Mode[]) {
      const stdout = execFileSync(process.execPath, ['--import', 'tsx', here, '--child', mode, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
      const r = JSON.parse(stdout.trim().split('\n').pop()!) as { seconds: number; rows: number; merges: number; peak_mb: number };
      log(`${mode}: ${r.seconds.toFixed(2)} s, 峰值 ${r.peak_mb.toFixed(0)} MB, ${r.rows} 行, ${r.merges} 个合并区域`);
      out[`read.${mode}_s`] = +r.seconds.toFixed(3);
      out[`read.${mode}_peak_mb`] = Math.round(r.peak_mb);
      out[`read.${mode}_merges`] = r.merges;
    }
    out['read.direct_speedup_vs_exceljs_load'] = +((out['read.exceljs_load_s'] as number) / (out['read.direct_s'] as number)).toFixed(1);
    const small = await smallLedgers();
    log(`100 行台账读 100 次：直读 ${small.direct.toFixed(2)} s，exceljs load ${small.exceljs.toFixed(2)} s`);
    out['read.small100x100_direct_s'] = +small.direct.toFixed(3);
    out['read.small100x100_speedup_vs_exceljs_load'] = +(small.exceljs / small.direct).toFixed(1);
    out['read.small100x100_exceljs_load_s'] = +small.exceljs.toFixed(3);
    out['read.sheetjs_note'] = 'reference only: xlsx 0.18.5 on npm has CVE-2023-30533, CVE-2024-22363';
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child' && process.argv[1] && path.resolve(process.argv[1]) === here) {
  await child(process.argv[3] as Mode, process.argv[4]);
}
