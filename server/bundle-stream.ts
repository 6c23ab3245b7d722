// GET /api/data/bundle: every listed workbook in one streamed response
// (framing in shared/io/bundle.ts), read one file at a time and written as
// the connection takes it, so a folder of any size never sits in memory
// whole, and neither does one large file: a file over SYNC_READ_MAX goes out
// in READ_CHUNK pieces, each written only when the connection has taken the
// one before (backpressure). What one request holds is bounded by about
// SYNC_READ_MAX + WRITE_CHUNK; a client that stops reading for stallMs is
// dropped. A file that cannot be read, or is a link leading out of the
// folder, gets an error frame; the others still go.
//
// Cost matters here: the server shares the machine with the page reading
// the files. A ledger of up to SYNC_READ_MAX bytes is read in one blocking
// call (the promise API's open/stat/read/close, each a thread-pool round
// trip, took five times the CPU over 1,000 small files), and frames go out
// in writes of about WRITE_CHUNK bytes rather than two per file.
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { endFrame, errorFrame, fileFrameHead, startFrame, type DataFile } from '../shared/io';

/** Files up to this size (by the listing) are read in one blocking call: a few milliseconds at most. */
export const SYNC_READ_MAX = 2 * 1024 * 1024;
/** Frames are gathered into writes of about this size. */
const WRITE_CHUNK = 256 * 1024;
/** A large file is read and written in pieces of this size. */
const READ_CHUNK = 1024 * 1024;

const NOFOLLOW = (constants as { O_NOFOLLOW?: number }).O_NOFOLLOW ?? 0;

/** Why the server could not read a data file, and what to do (zh-CN). */
export function unreadable(code: string | undefined): string {
  if (code === 'EBUSY' || code === 'EPERM' || code === 'EACCES') return `文件被其他程序占用或无权读取（${code}），请关闭占用它的程序（如 Excel、WPS）后保存一次，看板会自动重新读取`;
  if (code === 'ENOENT') return '读取时文件已被移走或改名，看板会在下次查看文件夹时更新';
  if (code === 'OUTSIDE') return '这是指向数据文件夹以外的快捷方式（符号链接），出于安全不予读取；请把文件本身放进数据文件夹';
  return `服务器无法读取该文件（${code ?? '未知原因'}），请确认文件完好后保存一次，看板会自动重新读取`;
}

/** Opens a listed file when, links followed, it is inside the folder (`base`: the folder's real path). */
function openListed(base: string, full: string): { fd: number; size: number } | { error: string | undefined } {
  let fd: number;
  try {
    const real = realpathSync.native(full);
    if (real !== base && !real.startsWith(base + path.sep)) return { error: 'OUTSIDE' };
    fd = openSync(real, constants.O_RDONLY | NOFOLLOW);
  } catch (e) {
    return { error: (e as NodeJS.ErrnoException).code };
  }
  try {
    const s = fstatSync(fd);
    if (s.isFile()) return { fd, size: s.size };
    closeSync(fd);
    return { error: 'EISDIR' };
  } catch (e) {
    closeSync(fd);
    return { error: (e as NodeJS.ErrnoException).code };
  }
}

/** Reads exactly `length` bytes from `position`, or fewer when the file was cut short meanwhile. */
function readAt(fd: number, length: number, position: number): Buffer {
  const buf = Buffer.allocUnsafe(length);
  let got = 0;
  while (got < length) {
    const n = readSync(fd, buf, got, length - got, position + got);
    if (n === 0) break;
    got += n;
  }
  return got === length ? buf : buf.subarray(0, got);
}

/** Told of each file the bundle sends, piece by piece, and when all of it went (the parse cache hashes what was served). */
export type ServedHook = (file: DataFile) => { update(piece: Uint8Array): void; end(): void };

export async function sendBundle(req: IncomingMessage, res: ServerResponse, headers: Record<string, string>, dir: string, files: DataFile[], stallMs: number, served?: ServedHook): Promise<void> {
  res.writeHead(200, { ...headers, 'Content-Type': 'application/octet-stream', 'Cache-Control': 'no-store' });
  if (req.method === 'HEAD') return void res.end();
  let gone = false;
  res.on('close', () => (gone = true));
  let base: string;
  try {
    base = realpathSync.native(dir);
  } catch {
    base = dir;
  }
  let pending: Uint8Array[] = [startFrame(files.length)];
  let pendingBytes = 0;
  // Waits for the connection to take what was written; a client that takes nothing for stallMs is dropped.
  const drained = (): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        res.destroy();
        done();
      }, stallMs);
      const done = (): void => {
        clearTimeout(timer);
        res.off('drain', done).off('close', done);
        resolve();
      };
      res.on('drain', done).on('close', done);
    });
  const write = (chunk: Uint8Array): Promise<void> | void => {
    if (gone) return;
    if (!res.write(chunk)) return drained();
  };
  const flush = (): Promise<void> | void => {
    const chunk = pending.length === 1 ? pending[0]! : Buffer.concat(pending);
    pending = [];
    pendingBytes = 0;
    return write(chunk);
  };
  const add = (chunk: Uint8Array): Promise<void> | void => {
    pending.push(chunk);
    pendingBytes += chunk.length;
    if (pendingBytes >= WRITE_CHUNK) return flush();
  };
  for (const f of files) {
    if (gone) return;
    const opened = openListed(base, path.join(dir, f.name));
    if ('error' in opened) {
      await add(errorFrame(f.name, unreadable(opened.error)));
      continue;
    }
    const { fd, size } = opened;
    try {
      if (size <= SYNC_READ_MAX) {
        const bytes = readAt(fd, size, 0);
        const seen = served?.({ name: f.name, size: bytes.length, mtime: f.mtime });
        seen?.update(bytes);
        seen?.end();
        await add(fileFrameHead(f.name, bytes.length, f.mtime));
        await add(bytes);
        continue;
      }
      // A large file: its frame says its size now, and exactly that many bytes follow, piece by piece.
      await add(fileFrameHead(f.name, size, f.mtime));
      if (pending.length) await flush();
      const seen = served?.({ name: f.name, size, mtime: f.mtime });
      for (let at = 0; at < size && !gone; at += READ_CHUNK) {
        const piece = readAt(fd, Math.min(READ_CHUNK, size - at), at);
        if (piece.length === Math.min(READ_CHUNK, size - at)) seen?.update(piece);
        if (piece.length === 0) {
          // cut short while being sent: the frame cannot be finished; the page sees the stream end early and says so
          res.destroy();
          return;
        }
        await write(piece);
        if (piece.length < Math.min(READ_CHUNK, size - at)) {
          res.destroy();
          return;
        }
      }
      if (!gone) seen?.end();
    } finally {
      closeSync(fd);
    }
  }
  if (pending.length) await flush();
  if (!gone) res.end(endFrame(files.length));
}
