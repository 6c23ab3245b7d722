// Node-only: writing an output file so that a crash never leaves half of it, and
// telling whether two paths name the same file (an output never overwrites an input).
import { randomBytes } from 'node:crypto';
import { open, readdir, realpath, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes `data` to `target` so that a reader (or a crash) only ever sees the
 * old file or the complete new one: the bytes go to a temporary file in the
 * target's own folder (same file system, so the rename cannot turn into a
 * copy), are flushed to disk (fsync), and the temporary file is renamed over
 * the target, which POSIX rename(2) and Windows MoveFileEx do in one step.
 * The folder is flushed too, so the rename itself survives a power cut.
 *
 * A target that is a symbolic link to an existing file is written where the
 * link points (the link keeps working); callers refuse a target that is one
 * of their inputs first (sameFile). A failure removes the temporary file and
 * is rethrown with Node's error code for the caller's message table.
 */
export async function writeFileAtomic(target: string, data: Uint8Array | string): Promise<void> {
  const real = await realpath(target).catch(() => target);
  const dir = path.dirname(real);
  await removeStaleTemps(dir, path.basename(real));
  const temp = path.join(dir, `${TEMP_PREFIX}${path.basename(real)}.${process.pid}.${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`);
  // The new file keeps the old one's permissions (a shared folder's group write bit, say).
  const mode = await stat(real).then((s) => s.mode & 0o7777, () => 0o666);
  let handle: FileHandle | null = null;
  try {
    handle = await open(temp, 'wx', mode);
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = null;
    await rename(temp, real);
  } catch (e) {
    await handle?.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw e;
  }
  await syncFolder(dir);
}

/** Temporary files are hidden (leading dot) and say whose they are: .<name>.<pid>.<random>.kesu-tmp */
const TEMP_PREFIX = '.';
const TEMP_SUFFIX = '.kesu-tmp';

/**
 * Removes temporary files a killed run left beside `name` (its process is
 * gone). A run still going (its process alive) keeps its own.
 */
async function removeStaleTemps(dir: string, name: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  const head = `${TEMP_PREFIX}${name}.`;
  for (const n of names) {
    if (!n.startsWith(head) || !n.endsWith(TEMP_SUFFIX)) continue;
    const pid = Number(n.slice(head.length).split('.')[0]);
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && !alive(pid)) await unlink(path.join(dir, n)).catch(() => undefined);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to someone else
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Flushes a folder's entries (the rename) to disk; not possible on Windows, where rename is already durable enough. */
async function syncFolder(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  try {
    const h = await open(dir, 'r');
    try {
      await h.sync();
    } finally {
      await h.close();
    }
  } catch {
    // some file systems (network shares) refuse fsync on a folder; the data itself is synced
  }
}

/**
 * What a path finally names: its device and inode ("dev:ino") after every
 * link, or null when nothing is there. Two paths with the same identity are
 * the same file however they are spelled: a symbolic link, a hard link,
 * /proc/self/cwd/…, ../, or another letter case on a case-insensitive disk.
 */
export async function fileIdentity(p: string | Buffer): Promise<string | null> {
  try {
    const s = await stat(p, { bigint: true });
    // Some file systems (FAT on Windows, certain network shares) report no inode: fall back on the real path.
    if (s.ino === 0n) return `path:${caseFold(await realpath(p, 'utf8'))}`;
    return `${s.dev}:${s.ino}`;
  } catch {
    return null;
  }
}

const caseFold = (p: string): string => (process.platform === 'win32' || process.platform === 'darwin' ? p.toLowerCase() : p);

/** true when both paths exist and are the same file (see fileIdentity). */
export async function sameFile(a: string | Buffer, b: string | Buffer): Promise<boolean> {
  const [x, y] = await Promise.all([fileIdentity(a), fileIdentity(b)]);
  return x !== null && x === y;
}
