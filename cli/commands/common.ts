// Shared by the commands: reading and writing files with clear errors, the --as-of date.
import type { CliIO } from '../io';
import type { SheetGrid } from '../../shared/model';
import { readWorkbook } from '../../shared/io';

/** Reads a file's bytes; on failure writes 「无法读取 <file>: <reason>」 to stderr and returns null. */
export async function readInput(file: string, io: CliIO): Promise<Uint8Array | null> {
  try {
    return await io.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个文件夹,不是文件' : code === 'EACCES' ? '没有读取权限' : (e as Error).message;
    io.err(`无法读取 ${file}: ${reason}\n`);
    return null;
  }
}

/** Why a file could not be written, in words a clerk can act on. */
export function writeFailure(out: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  const reason =
    code === 'ENOENT'
      ? '所在文件夹不存在,请先建好文件夹或换一个输出路径'
      : code === 'EACCES' || code === 'EPERM'
        ? '没有写入权限;若该文件正在 Excel 或 WPS 中打开,请先关闭'
        : code === 'EBUSY'
          ? '文件被占用,请先在 Excel 或 WPS 中关闭它'
          : code === 'EISDIR'
            ? '这是一个文件夹,请在 -o 后写文件名(以 .xlsx 结尾)'
            : code === 'ENOSPC'
              ? '磁盘空间不足'
              : e instanceof Error
                ? e.message
                : String(e);
  return `无法写入 ${out}: ${reason}`;
}

/** Writes an output file; on failure writes the reason to stderr and returns false. */
export async function writeOutput(out: string, data: Uint8Array, io: CliIO): Promise<boolean> {
  try {
    await io.writeFile(out, data);
    return true;
  } catch (e) {
    io.err(writeFailure(out, e) + '\n');
    return false;
  }
}

/** Reads and parses a workbook; on failure writes 「无法读取 <file>: <reason>」 to stderr and returns null. */
export async function loadWorkbook(file: string, io: CliIO): Promise<SheetGrid[] | null> {
  return (await loadWorkbookBytes(file, io))?.grids ?? null;
}

/** Like loadWorkbook, also returning the file's bytes (kesu enrich writes a copy of them). */
export async function loadWorkbookBytes(file: string, io: CliIO): Promise<{ grids: SheetGrid[]; bytes: Uint8Array } | null> {
  const bytes = await readInput(file, io);
  if (!bytes) return null;
  try {
    const read = await readWorkbook(bytes, file);
    if (!read.ok) {
      io.err(`无法读取 ${file}: ${read.problem.message}\n`);
      return null;
    }
    for (const w of read.warnings) io.err(`注意 ${file}: ${w.message}\n`);
    return { grids: read.sheets, bytes };
  } catch (e) {
    io.err(`无法读取 ${file}: ${(e as Error).message}\n`);
    return null;
  }
}

/** Parses --as-of YYYY-MM-DD as a UTC calendar day; undefined when absent, null when malformed. */
export function parseAsOf(v: string | true | undefined): Date | null | undefined {
  if (v === undefined) return undefined;
  if (v === true) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v.trim());
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]) ? d : null;
}

/** Today as a UTC calendar day, from the machine's local date. */
export function today(io: CliIO): Date {
  const n = io.now();
  return new Date(Date.UTC(n.getFullYear(), n.getMonth(), n.getDate()));
}

export function json(io: CliIO, value: unknown): void {
  io.out(JSON.stringify(value, null, 2) + '\n');
}

export function usageError(io: CliIO, text: string): number {
  io.err(`${text}\n`);
  return 2;
}
