// Shared by the commands: reading a workbook with a clear error, the --as-of date.
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

/** Reads and parses a workbook; on failure writes 「无法读取 <file>: <reason>」 to stderr and returns null. */
export async function loadWorkbook(file: string, io: CliIO): Promise<SheetGrid[] | null> {
  const bytes = await readInput(file, io);
  if (!bytes) return null;
  try {
    const read = await readWorkbook(bytes, file);
    if (!read.ok) {
      io.err(`无法读取 ${file}: ${read.problem.message}\n`);
      return null;
    }
    for (const w of read.warnings) io.err(`注意 ${file}: ${w.message}\n`);
    return read.sheets;
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
