// kesu merge <文件或文件夹…> -o 合并.xlsx [--as-of YYYY-MM-DD] [--json]
// Folders are expanded recursively to the files a clerk receives (.xlsx .xlsm
// .csv, and .xls .et so they are refused with how to convert rather than
// silently skipped). Goes on past bad files; exit 0 when at least one file
// merged, 1 when none could be read, 2 on a usage error.
import type { CliIO } from '../io';
import { mergeLedgers, mergeToWorkbook, STATUS_LABEL } from '../../shared/merge';
import type { MergeInput, MergeResult } from '../../shared/merge';
import { formatSource, sameSource } from '../../shared/merge';
import { workbookReader, writeWorkbook } from '../../shared/io';
import { usageOf } from '../usage';
import { displayWidth, table } from '../format';
import { filesArgs, json as printJson, outputArg, parseAsOf, readFailure, sameOutput, samePath, SETTING_FLAGS, settingsFromFlags, today, writeOutputFailure } from './common';
import { lightLine, statusLine, summary as taskSummary } from './validate';

export const MERGE_EXTENSIONS = ['.xlsx', '.xlsm', '.csv', '.xls', '.et'];

const USAGE = usageOf('merge') + '\n';

const baseName = (p: string): string => p.split(/[\\/]/).pop() ?? p;

/**
 * The inputs in the order given, folders expanded to the files that look like
 * ledgers (Office's ~$ lock files left out). missing: a path that is not there.
 */
export async function expandInputs(paths: string[], io: CliIO, output: string | null): Promise<{ path: string; missing: boolean }[]> {
  const out: { path: string; missing: boolean }[] = [];
  const seen = new Set<string>();
  // the output's identity (device and inode), to know it under any other name
  const outputId = output ? await io.fileId(output) : null;
  const add = (p: string, missing = false) => {
    if (seen.has(p)) return;
    seen.add(p);
    out.push({ path: p, missing });
  };
  for (const p of paths) {
    let dir: boolean;
    try {
      dir = await io.isDirectory(p);
    } catch {
      add(p, true);
      continue;
    }
    if (!dir) add(p);
    else
      for (const f of await io.listFiles(p)) {
        const lower = f.toLowerCase();
        if (!MERGE_EXTENSIONS.some((e) => lower.endsWith(e))) continue;
        if (baseName(f).startsWith('~$')) continue;
        // merging into a file inside the folder must not read last run's output back in
        if (output && (samePath(f, output) || (outputId !== null && (await io.fileId(f)) === outputId))) continue;
        add(f);
      }
  }
  return out;
}

/**
 * A name that arrived as non-UTF-8 bytes (a zip unpacked on Chinese Windows)
 * is listed with U+FFFD in it and cannot be opened by that name: say so.
 */
/** The merge's inputs from expandInputs: each read when the merge asks; a missing one fails with what to check. */
export function mergeInputs(expanded: readonly { path: string; missing: boolean }[], io: CliIO): MergeInput[] {
  return expanded.map(({ path, missing }) => ({
    name: path,
    bytes: missing ? () => Promise.reject(new Error('找不到该文件或文件夹,请检查路径拼写')) : () => readLedger(io, path),
  }));
}

export async function readLedger(io: CliIO, file: string): Promise<Uint8Array> {
  try {
    return await io.readFile(file);
  } catch (e) {
    if (file.includes('\uFFFD')) throw new Error('文件名不是 UTF-8 编码,多见于中文 Windows 压缩包解出的文件;请将该文件重命名后再合并');
    // Node's own text is English: the reason in Chinese, as the other commands give it
    throw new Error(readFailure(e));
  }
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const parsed = filesArgs(args, ['o', 'output', 'as-of', ...Object.keys(SETTING_FLAGS)], io, USAGE, '合并');
  if (typeof parsed === 'number') return parsed;
  const { positionals, flags } = parsed;
  const json = flags.json === true;
  const o = outputArg(flags, positionals);
  if (o.error !== undefined) {
    io.err(`${o.error}\n${USAGE}`);
    return 2;
  }
  const output = o.out;
  if (!output && !json) {
    io.err('缺少输出文件 -o <合并.xlsx>。\n' + USAGE);
    return 2;
  }
  const clash = output ? await sameOutput(output, positionals, io) : null;
  if (clash) {
    io.err(`${clash}\n${USAGE}`);
    return 2;
  }
  // Dates are UTC calendar days, as kesu validate and the checks count them, so
  // --as-of 2024-01-01 means that day in any time zone. Without --as-of each
  // ledger is judged as of its own 截至日期 (today when it states none).
  const given = parseAsOf(flags['as-of']);
  if (given === null) {
    io.err(`--as-of 应为 YYYY-MM-DD 格式的日期,如 2023-06-30\n${USAGE}`);
    return 2;
  }
  const asOf = given ?? today(io);
  const asOfPerFile = given === undefined;
  const set = settingsFromFlags(flags);
  if (set.error !== undefined) {
    io.err(`${set.error}\n${USAGE}`);
    return 2;
  }

  const expanded = await expandInputs(positionals, io, output);
  const inputs = mergeInputs(expanded, io);
  if (!inputs.length) {
    const msg = `所给文件夹中没有可合并的台账文件(${MERGE_EXTENSIONS.join(' ')})。`;
    if (json) printJson(io, { files: [], tasks: 0, duplicates: [], error: msg });
    else io.err(msg + '\n');
    return 1;
  }

  const progress = io.isTTY && !json;
  const result = await mergeLedgers(inputs, {
    read: workbookReader(),
    asOf,
    asOfPerFile,
    settings: set.settings,
    onProgress: progress
      ? (done, total, current) => {
          const line = done < total ? `合并中 已完成 ${done}/${total}  正在读取 ${current}` : `已读取 ${total}/${total} 个文件${output ? `,正在写入 ${output}` : ''}`;
          io.err(`\r\x1b[K${line}${done < total ? '' : '\n'}`);
        }
      : undefined,
  });

  const merged = result.files.filter((f) => f.status === 'ok').length;
  let written: string | null = null;
  let writeError: string | null = null;
  if (output && merged > 0) {
    writeError = await writeOutputFailure(output, await writeWorkbook(mergeToWorkbook(result)), io, expanded.map((f) => f.path));
    if (writeError === null) written = output;
  }

  if (json) printJson(io, toJson(result, written, writeError));
  else io.out(summary(result, written, writeError));
  if (writeError) return 1;
  return merged > 0 ? 0 : 1;
}

function toJson(result: MergeResult, output: string | null, error: string | null = null) {
  return {
    files: result.files.map((f) => ({
      file: f.file,
      status: f.status,
      rows: f.rows,
      findings: f.findings,
      reason: f.reason,
      ...(f.detail ? { detail: f.detail } : {}),
      duplicates: f.duplicatesDropped ?? 0,
      jurisdiction: f.meta.jurisdiction,
      period: f.meta.period,
      asOf: f.meta.asOf,
    })),
    tasks: result.tasks.length,
    duplicates: result.duplicates.map((d) => ({
      key: d.key,
      title: d.title ?? null,
      rule: d.rule ?? null,
      reason: d.reason ?? null,
      kept: d.kept ?? d.sources[0],
      sources: d.sources,
    })),
    findings: result.findings.length,
    // The merged tasks' judgement (duplicates counted once) and the tasks whose progress repeats the previous period's.
    status: taskSummary([], result.tasks).status,
    light: taskSummary([], result.tasks).light,
    stale: result.findings.filter((f) => f.code === 'progress.stale').length,
    asOf: result.asOf ?? null,
    output,
    ...(error ? { error } : {}),
  };
}

export function summary(result: MergeResult, output: string | null, error: string | null = null): string {
  const head = ['文件', '状态', '行数', '问题数', '原因/说明'];
  const rows = result.files.map((f) => [
    f.file,
    STATUS_LABEL[f.status],
    String(f.rows),
    String(f.findings),
    f.reason ?? f.note ?? '',
  ]);
  // the rule under the head as wide as each column (the last one, free text, a fixed nine)
  const rule = head.slice(0, 4).map((_, c) => '-'.repeat(Math.max(...[head, ...rows].map((r) => displayWidth(r[c]!))))).concat('-'.repeat(9));
  const out = table([head, rule, ...rows]);
  const ok = result.files.filter((f) => f.status === 'ok').length;
  out.push('');
  out.push(
    `共 ${result.files.length} 个文件: 已合并 ${ok} 个,未能读取 ${result.files.length - ok} 个;任务 ${result.tasks.length} 项,重复 ${result.duplicates.length} 组,问题 ${result.findings.length} 条。`,
  );
  if (result.tasks.length) {
    out.push(`状态:${statusLine(result.tasks)}`);
    out.push(`红黄绿灯:${lightLine(result.tasks)}`);
    const stale = result.findings.filter((f) => f.code === 'progress.stale').length;
    if (stale) out.push(`进展未更新(与同一辖区上一期相同):${stale} 项`);
  }
  for (const d of result.duplicates.slice(0, 20)) {
    const kept = d.kept ?? d.sources[0]!;
    const others = d.sources.filter((s) => !sameSource(s, kept)).map(formatSource);
    out.push(`  重复: ${d.title ?? d.key} — 保留 ${formatSource(kept)};未计入 ${others.join('、')}`);
  }
  if (result.duplicates.length > 20) out.push(`  … 另有 ${result.duplicates.length - 20} 组重复,见“导入报告”工作表`);
  if (output) out.push(`已写入 ${output}(任务台账、导入报告、单位名录)`);
  else if (!ok) out.push('没有可合并的文件,未写出结果。');
  if (error) out.push(error);
  return out.join('\n') + '\n';
}
