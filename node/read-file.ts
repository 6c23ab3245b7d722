// Node-only: a workbook read from disk, a file name decoded for people.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ioProblem, readWorkbook, type ReadOptions, type ReadResult } from '../shared/io';

/**
 * A file name as a person should see it. Paths read with { encoding: 'buffer' }
 * may hold GBK bytes (files copied from Chinese Windows via old zip tools);
 * decode UTF-8 when valid, else GB18030.
 */
export function displayName(name: string | Uint8Array): string {
  if (typeof name === 'string') return name;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(name);
  } catch {
    return new TextDecoder('gb18030').decode(name);
  }
}

/** Reads a workbook from disk; a missing or unreadable file is a FileProblem, not an exception. */
export async function readWorkbookFile(file: string | Buffer, opts?: ReadOptions): Promise<ReadResult> {
  const shown = displayName(typeof file === 'string' ? file : new Uint8Array(file));
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    return { ok: false, problem: { ...ioProblem('parse-failed', path.basename(shown), { reason: code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是文件夹' : `无法读取：${code}` }), file: shown } };
  }
  return readWorkbook(bytes, shown, opts);
}
