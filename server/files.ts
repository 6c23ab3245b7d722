// File-system side of the server: safe path resolution under a root, MIME
// types, and the listing of a data folder's workbooks.
import { readdir, stat } from 'node:fs/promises';
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

/** The .xlsx files directly in dir (no subfolders, no Excel lock files ~$…). */
export async function listWorkbooks(dir: string): Promise<DataFile[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  // The core's shared collator for the sort (localeCompare with a locale
  // builds one per call), and the stats in parallel: a folder of 1,000
  // ledgers is listed every second while a page watches it.
  const sorted = names.filter(isListedName).sort(zhCompare);
  const stats = await Promise.all(sorted.map((name) => stat(path.join(dir, name)).catch(() => null)));
  const out: DataFile[] = [];
  sorted.forEach((name, i) => {
    // null: vanished between readdir and stat; the next listing settles it
    const s = stats[i];
    if (s?.isFile()) out.push({ name, size: s.size, mtime: s.mtime.toISOString() });
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
