// kesu enrich <台账.xlsx> -o <输出.xlsx> [--as-of YYYY-MM-DD] [--red-gap 30 …] [--json]
// Writes a copy with the derived columns to the right of each ledger table;
// the input file is never written and the user's own cells are left as they are.
import type { CliIO } from '../io';
import type { CellValue, SheetGrid } from '../../shared/model';
import { addColumnsReport, type ColumnEdit } from '../../shared/io';
import { enrichColumns, ENRICH_HEADERS, ENRICH_LIGHT_COL } from '../../shared/enrich';
import { LIGHT_FILL } from '../../shared/progress';
import { normHeader, type HeaderInfo } from '../../shared/ledger';
import { parseArgs } from '../args';
import { usageOf } from '../usage';
import { json, outputArg, sameOutput, usageError, writeOutput } from './common';
import { checkFile, isoDay } from './ledger';
import { CHECK_FLAGS, checkOptions, findingJson, findingLines, lightLine, statusLine, summary } from './validate';

const USAGE = usageOf('enrich');

/** Where the block goes: over a block an earlier run wrote (same header sequence), else after the last used column. */
function blockColumn(grid: SheetGrid, header: HeaderInfo): number {
  const row = grid.rows[header.index] ?? [];
  const want = ENRICH_HEADERS.map((h) => normHeader(h));
  for (let c = 0; c + want.length <= row.length; c++) if (want.every((h, i) => normHeader(row[c + i] ?? null) === h)) return c;
  let width = 0;
  for (const r of grid.rows) {
    for (let c = r.length - 1; c >= width; c--) {
      const v: CellValue | undefined = r[c];
      if (v !== null && v !== undefined && v !== '') {
        width = c + 1;
        break;
      }
    }
  }
  for (const m of grid.merges) width = Math.max(width, m.right + 1);
  return width;
}

export async function run(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, ['o', 'output', ...CHECK_FLAGS]);
  const file = args.positionals[0];
  if (!file || args.positionals.length > 1) return usageError(io, USAGE);
  const output = outputArg(args.flags, [file]);
  if (output.error !== undefined) return usageError(io, `${output.error}\n${USAGE}`);
  const out = output.out;
  if (out === null) return usageError(io, `请用 -o 指定补全后的副本文件(.xlsx)\n${USAGE}`);
  const clash = await sameOutput(out, [file], io);
  if (clash) return usageError(io, `${clash}\n${USAGE}`);
  const parsed = checkOptions(args.flags);
  if (parsed.error !== undefined) return usageError(io, `${parsed.error}\n${USAGE}`);

  const checked = await checkFile(file, io, { ...parsed.opts, json: args.flags.json === true });
  if (!checked) return 1;
  const { grids, ledger, result } = checked;
  if (!ledger.sheets.length) {
    // the core says what it looked for and how to fix the sheet, as kesu validate shows it
    const errors = result.findings.filter((f) => f.severity === 'error');
    io.err([`无法补全 ${file}: 没有找到任务台账(未识别到表头行)`, ...findingLines(errors)].join('\n') + '\n');
    return 1;
  }
  const edits: ColumnEdit[] = [];
  let i = 0;
  for (const sheet of ledger.sheets) {
    const tasks = result.tasks.slice(i, i + sheet.rows.length);
    i += sheet.rows.length;
    const grid = grids.find((g) => g.name === sheet.sheet)!;
    const { headers, rows } = enrichColumns(tasks, result.directory);
    edits.push({
      sheet: sheet.sheet,
      headerRow: sheet.header.row,
      startCol: blockColumn(grid, sheet.header) + (grid.origin?.col ?? 0),
      headers,
      rows: tasks.map((t, k) => {
        const fills: (string | null)[] = [];
        fills[ENRICH_LIGHT_COL] = LIGHT_FILL[t.light];
        return { row: t.row, values: rows[k]!, fills };
      }),
    });
  }
  // The bytes checkFile read: the copy is made from exactly what was checked.
  const made = await addColumnsReport(checked.bytes, edits, file);
  if (!made.ok) {
    // the message for the clerk; the internal cause (if any) only in --json's detail, for support
    io.err(`无法补全 ${file}: ${made.problem.message}\n`);
    if (args.flags.json) json(io, { file, output: null, error: { code: made.problem.code, message: made.problem.message, ...(made.problem.detail ? { detail: made.problem.detail } : {}) } });
    return 1;
  }
  for (const w of made.warnings) io.err(`注意 ${file}: ${w.message}\n`);
  if (!(await writeOutput(out, made.bytes, io, [file]))) return 1;
  if (args.flags.json) {
    json(io, {
      file,
      output: out,
      asOf: isoDay(checked.asOf),
      columns: [...ENRICH_HEADERS],
      sheets: edits.map((e) => ({ sheet: e.sheet, headerRow: e.headerRow, startCol: e.startCol, rows: e.rows.length })),
      summary: summary(result.findings, result.tasks),
      findings: result.findings.map(findingJson),
    });
    return 0;
  }
  const s = summary(result.findings, result.tasks);
  io.out(
    [
      `已写入 ${out}(原文件 ${file} 未改动)`,
      ...edits.map((e) => `  工作表「${e.sheet}」:${e.rows.length} 行,新增 ${e.headers.length} 列(${e.headers.join('、')})`),
      `截至 ${isoDay(checked.asOf)}  状态:${statusLine(result.tasks)}`,
      `红黄绿灯:${lightLine(result.tasks)}`,
      `检查结果:错误 ${s.errors},警告 ${s.warnings},提示 ${s.infos}(详见 kesu validate ${file})`,
    ].join('\n') + '\n',
  );
  return 0;
}
