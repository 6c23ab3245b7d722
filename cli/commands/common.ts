// Shared by the commands: reading and writing files with clear errors, the -o
// output file, the --as-of date.
import path from 'node:path';
import type { CliIO } from '../io';
import { parseArgs, type Parsed } from '../args';
import type { SheetGrid } from '../../shared/model';
import { readWorkbook, XLSX_CELL_MAX } from '../../shared/io';
import { dateOf, todayDate } from '../../shared/merge';
import { settingExpects, settingFromText, type ProgressSettings, type SettingKey } from '../../shared/progress';

/** Reads a file's bytes; on failure writes 「无法读取 <file>: <reason>」 to stderr and returns null. */
export async function readInput(file: string, io: CliIO): Promise<Uint8Array | null> {
  try {
    return await io.readFile(file);
  } catch (e) {
    io.err(`无法读取 ${file}: ${readFailure(e)}\n`);
    return null;
  }
}

// Why a file could not be read or written, by Node's error code, in words a
// clerk can act on (Node's own text is English). Other codes keep Node's text.
const READ_REASONS: Record<string, string> = {
  ENOENT: '文件不存在,请检查路径拼写',
  EISDIR: '这是一个文件夹,不是文件',
  EACCES: '没有读取权限,请检查文件权限或换一个位置存放',
  EPERM: '没有读取权限,请检查文件权限或换一个位置存放',
  EBUSY: '文件被占用,请先在 Excel 或 WPS 中关闭它',
};
const WRITE_REASONS: Record<string, string> = {
  ENOENT: '所在文件夹不存在,请先建好文件夹或换一个输出路径',
  EACCES: '没有写入权限;若该文件正在 Excel 或 WPS 中打开,请先关闭',
  EPERM: '没有写入权限;若该文件正在 Excel 或 WPS 中打开,请先关闭',
  EBUSY: '文件被占用,请先在 Excel 或 WPS 中关闭它',
  EISDIR: '这是一个文件夹,请在 -o 后写文件名(以 .xlsx 结尾)',
  ENOSPC: '磁盘空间不足',
};

function reasonOf(reasons: Record<string, string>, e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  return (code && Object.hasOwn(reasons, code) ? reasons[code] : undefined) ?? (e instanceof Error ? e.message : String(e));
}

/** Why a file could not be read. */
export function readFailure(e: unknown): string {
  return reasonOf(READ_REASONS, e);
}

/** Why a file could not be written, naming it. */
export function writeFailure(out: string, e: unknown): string {
  return `无法写入 ${out}: ${reasonOf(WRITE_REASONS, e)}`;
}

/**
 * The one way a command writes its output: refused when the output is one of
 * the inputs by another name (sameOutput), else written atomically by
 * io.writeFile (a temporary file renamed into place), so a kill or a full
 * disk leaves the old output whole. On failure writes the reason to stderr
 * and gives false.
 */
export async function writeOutput(out: string, data: Uint8Array, io: CliIO, inputs: string[]): Promise<boolean> {
  const failure = await writeOutputFailure(out, data, io, inputs);
  if (failure) io.err(failure + '\n');
  return failure === null;
}

/** writeOutput for a command that reports in its own summary: the failure's text, or null when written. */
export async function writeOutputFailure(out: string, data: Uint8Array, io: CliIO, inputs: string[]): Promise<string | null> {
  const clash = await sameOutput(out, inputs, io);
  if (clash) return clash;
  try {
    await io.writeFile(out, data);
    return null;
  } catch (e) {
    return writeFailure(out, e);
  }
}

/**
 * Why the output may not be written: it is one of the inputs under another
 * name (a symbolic or hard link, /proc/self/cwd/…, another letter case on a
 * case-insensitive disk), which path strings cannot tell; null when it is
 * not. Compared by the file the names finally reach (device and inode).
 */
export async function sameOutput(out: string, inputs: string[], io: CliIO): Promise<string | null> {
  const id = await io.fileId(out);
  if (id === null) return null;
  for (const input of inputs) if ((await io.fileId(input)) === id) return sameFileMessage(input, out);
  return null;
}

const sameFileMessage = (input: string, out: string): string =>
  samePath(input, out)
    ? `输出文件不能与输入文件相同(${input}):kesu 不覆盖原台账,请用 -o 指定另一个文件名`
    : `输出文件 ${out} 与输入文件 ${input} 是同一个文件(链接或另一种写法):kesu 不覆盖原台账,请用 -o 指定另一个文件名`;

/** Reads and parses a workbook; on failure writes 「无法读取 <file>: <reason>」 to stderr and returns null. */
export async function loadWorkbook(file: string, io: CliIO): Promise<SheetGrid[] | null> {
  return (await loadWorkbookBytes(file, io))?.grids ?? null;
}

/**
 * Like loadWorkbook, also returning the file's bytes (kesu enrich writes a
 * copy of them). With `json`, a refusal is also printed on stdout as
 * { file, error: { code, message, detail } }: the detail (a library's own
 * text) is for support and never part of the message.
 */
export async function loadWorkbookBytes(file: string, io: CliIO, json = false): Promise<{ grids: SheetGrid[]; bytes: Uint8Array } | null> {
  const bytes = await readInput(file, io);
  if (!bytes) return null;
  try {
    const read = await readWorkbook(bytes, file);
    if (!read.ok) {
      io.err(`无法读取 ${file}: ${read.problem.message}\n`);
      const { code, message, detail } = read.problem;
      if (json) io.out(JSON.stringify({ file, error: { code, message, ...(detail ? { detail } : {}) } }, null, 2) + '\n');
      return null;
    }
    for (const w of read.warnings) io.err(`注意 ${file}: ${w.message}\n`);
    return { grids: read.sheets, bytes };
  } catch (e) {
    io.err(`无法读取 ${file}: ${(e as Error).message}\n`);
    return null;
  }
}

// Case-insensitive where the usual file system is (Windows, macOS): 台账.XLSX is 台账.xlsx there.
const samePathKey = (p: string): string => {
  const r = path.resolve(p);
  return process.platform === 'win32' || process.platform === 'darwin' ? r.toLowerCase() : r;
};

/** true when a and b name the same file once resolved (./a.xlsx and a.xlsx, dir/../a.xlsx). */
export function samePath(a: string, b: string): boolean {
  return samePathKey(a) === samePathKey(b);
}

/**
 * The -o/--output file, trimmed: null when not given, { error } (a usage error,
 * exit 2) when -o has no value, does not end in `ext` (.xlsx; kesu report
 * writes .docx), or names one of the inputs, for kesu never overwrites a file
 * it reads.
 */
export function outputArg(flags: Record<string, string | true>, inputs: string[], ext = '.xlsx'): { out: string | null; error?: undefined } | { error: string } {
  const flag = flags.o ?? flags.output;
  if (flag === undefined) return { out: null };
  const out = typeof flag === 'string' ? flag.trim() : '';
  if (!out) return { error: `-o 后缺少输出文件名,请写一个以 ${ext} 结尾的文件名` };
  if (!out.toLowerCase().endsWith(ext)) return { error: `输出文件应为 ${ext}: ${out}(请在 -o 后写以 ${ext} 结尾的文件名)` };
  const input = inputs.find((f) => samePath(f, out));
  if (input !== undefined) return { error: sameFileMessage(input, out) };
  return { out };
}

/** Parses --as-of YYYY-MM-DD as a UTC calendar day; undefined when absent, null when malformed. */
export function parseAsOf(v: string | true | undefined): Date | null | undefined {
  if (v === undefined) return undefined;
  if (v === true) return null;
  const day = v.trim();
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? dateOf(day) : null;
}

/** Today as a UTC calendar day, from the machine's local date. */
export function today(io: CliIO): Date {
  return todayDate(io.now());
}

/**
 * Longest string printed whole in --json output: Excel's cell limit, so no
 * real cell is ever cut, while a 20 MB cell in a hostile file (quoted by
 * several findings) cannot turn into a 100 MB print.
 */
export const JSON_FIELD_MAX = XLSX_CELL_MAX;

/** `s` cut to JSON_FIELD_MAX with a marker saying how long it was (a surrogate pair is not split). */
export function clipField(s: string): string {
  if (s.length <= JSON_FIELD_MAX) return s;
  let end = JSON_FIELD_MAX;
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return `${s.slice(0, end)}…〔已截断，原有 ${s.length.toLocaleString('en-US')} 个字符〕`;
}

/** A command's machine output: JSON, every long string clipped (clipField). */
export function json(io: CliIO, value: unknown): void {
  io.out(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'string' ? clipField(v) : v), 2) + '\n');
}

export function usageError(io: CliIO, text: string): number {
  io.err(`${text}\n`);
  return 2;
}

/** The flags that override the workbook's 设置 sheet, and the setting each sets. */
export const SETTING_FLAGS: Record<string, SettingKey> = {
  'red-gap': 'redGap',
  'yellow-gap': 'yellowGap',
  'due-soon': 'dueSoonDays',
  'unreported-light': 'unreportedLight',
};

/** The setting flags given (--red-gap 30 --due-soon 15 …), or a usage error naming the bad one. */
export function settingsFromFlags(flags: Record<string, string | true>): { settings: Partial<ProgressSettings>; error?: undefined } | { error: string } {
  const settings: Partial<ProgressSettings> = {};
  for (const [flag, key] of Object.entries(SETTING_FLAGS)) {
    const v = flags[flag];
    if (v === undefined) continue;
    const value = v === true ? null : settingFromText(key, v);
    if (value === null) return { error: `--${flag} 应为${settingExpects(key)}${v === true ? '' : `,而不是「${v}」`}` };
    (settings as Record<SettingKey, unknown>)[key] = value;
  }
  return { settings };
}

/**
 * The arguments of a command over many files or folders (merge, report,
 * notices): --help prints the usage (exit 0), no file given is a usage error
 * (exit 2) saying what `what` the files are for.
 */
export function filesArgs(args: string[], valued: string[], io: CliIO, usage: string, what: string): Parsed | number {
  const parsed = parseArgs(args, valued);
  if (parsed.flags.h || parsed.flags.help) {
    io.out(usage);
    return 0;
  }
  if (!parsed.positionals.length) {
    io.err(`请给出要${what}的台账文件或文件夹。\n${usage}`);
    return 2;
  }
  return parsed;
}
