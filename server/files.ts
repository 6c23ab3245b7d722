// File-system side of the server: safe path resolution under a root, MIME
// types, the listing of a data folder's workbooks, and opening a file only
// when it really is inside its folder (a symbolic link that leads out of the
// folder is not served, listed or bundled).
import { constants } from 'node:fs';
import { open, readdir, realpath, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { DataFile } from '../shared/io';
import { zhCompare } from '../shared/aggregate';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function mimeOf(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file a URL path names under root, or null when it would leave root
 * (../, encoded %2e%2e, backslashes, NUL bytes, absolute paths).
 */
export function resolveUnder(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const parts = decoded.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.some((p) => p === '..')) return null;
  const full = path.resolve(root, ...parts);
  const base = path.resolve(root);
  return full === base || full.startsWith(base + path.sep) ? full : null;
}


/** Whether the listing shows a file of this name: .xlsx, not a lock file (~$…) or hidden. */
export function isListedName(name: string): boolean {
  return /\.xlsx$/i.test(name) && !name.startsWith('~$') && !name.startsWith('.');
}

/** Whether `full` (a real path) is `base` or inside it. */
const within = (base: string, full: string): boolean => full === base || full.startsWith(base.endsWith(path.sep) ? base : base + path.sep);

/**
 * The real path of `full` when it is inside `folder` once every link is
 * followed (lstat/realpath: a link may point elsewhere in the folder, never
 * out of it); null when it leads out, or is not there.
 */
export async function realInside(folder: string, full: string): Promise<string | null> {
  try {
    const [base, real] = await Promise.all([realpath(folder), realpath(full)]);
    return within(base, real) ? real : null;
  } catch {
    return null;
  }
}

/** O_NOFOLLOW where the platform has it: the checked path's last step cannot be swapped for a link before it is opened. */
const NOFOLLOW = (constants as { O_NOFOLLOW?: number }).O_NOFOLLOW ?? 0;

/**
 * Opens a regular file for reading when it is inside `folder` (see
 * realInside); null otherwise (missing, a folder, or outside by a link).
 */
export async function openInside(folder: string, full: string): Promise<{ handle: FileHandle; size: number; mtime: Date } | null> {
  const real = await realInside(folder, full);
  if (!real) return null;
  let handle: FileHandle;
  try {
    handle = await open(real, constants.O_RDONLY | NOFOLLOW);
  } catch {
    return null;
  }
  try {
    const s = await handle.stat();
    if (s.isFile()) return { handle, size: s.size, mtime: s.mtime };
  } catch {
    // fall through: closed below
  }
  await handle.close().catch(() => undefined);
  return null;
}

/**
 * The .xlsx files directly in dir (no subfolders, no Excel lock files ~$…);
 * a link is listed only when it leads to a file inside dir.
 */
export async function listWorkbooks(dir: string): Promise<DataFile[]> {
  let entries: import('node:fs').Dirent[];
  let base: string;
  try {
    [entries, base] = await Promise.all([readdir(dir, { withFileTypes: true }), realpath(dir)]);
  } catch {
    return [];
  }
  // The core's shared collator for the sort (localeCompare with a locale
  // builds one per call), and the stats in parallel: a folder of 1,000
  // ledgers is listed every second while a page watches it.
  const sorted = entries.filter((e) => isListedName(e.name)).sort((a, b) => zhCompare(a.name, b.name));
  const stats = await Promise.all(
    sorted.map(async (e) => {
      const full = path.join(dir, e.name);
      if (e.isSymbolicLink()) {
        const real = await realpath(full).catch(() => null);
        if (!real || !within(base, real)) return null;
      } else if (!e.isFile()) return null;
      return stat(full).catch(() => null);
    }),
  );
  const out: DataFile[] = [];
  sorted.forEach((e, i) => {
    // null: vanished between readdir and stat, or a link out of the folder
    const s = stats[i];
    if (s?.isFile()) out.push({ name: e.name, size: s.size, mtime: s.mtime.toISOString() });
  });
  return out;
}

/** A fingerprint of a listing: changes when a file is added, removed or rewritten. */
export function signature(files: DataFile[]): string {
  return files.map((f) => `${f.name}\u0000${f.size}\u0000${f.mtime}`).join('\n');
}

/**
 * The call shared by everyone who asks while it runs; the next ask after it
 * settles (resolved or failed) runs it again. Nothing is cached beyond that.
 */
export function onceAtATime<T>(run: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | null = null;
  return () => {
    if (!running) {
      const p = (running = run());
      const done = (): void => {
        if (running === p) running = null;
      };
      p.then(done, done);
    }
    return running;
  };
}
