// The local server's data API (server/serve.ts): the listing of the data
// folder, its files in one bundle, and change events. Same origin only (CSP).
import { BundleReader } from '../../shared/io';
import type { DataListing } from '../../shared/io';
import type { MergeInput } from '../../shared/merge';

export type { DataFile, DataListing } from '../../shared/io';

export async function fetchListing(): Promise<DataListing | null> {
  try {
    const res = await fetch('/api/data', { cache: 'no-store' });
    if (!res.ok) return null;
    return (await res.json()) as DataListing;
  } catch {
    // Opened from a file or a static host without the API: no server data.
    return null;
  }
}

/**
 * Calls back with the folder's listing when the watch starts (and again on
 * every reconnect: the server greets each connection with it) and whenever
 * the folder changes. Returns the unsubscribe.
 */
export function watchListing(onListing: (l: DataListing) => void): () => void {
  if (typeof EventSource === 'undefined') return () => {};
  const es = new EventSource('/api/data/events');
  const take = (e: Event) => onListing(JSON.parse((e as MessageEvent).data) as DataListing);
  es.addEventListener('hello', take);
  es.addEventListener('change', take);
  return () => es.close();
}

/** What a file of the folder was when read (size and mtime): a change makes it read again. */
export const stampOf = (f: { size: number; mtime: string }): string => `${f.size}|${f.mtime}`;

/** A file's listing entry back from its stamp (stampOf). */
export function entryOf(name: string, stamp: string): { name: string; size: number; mtime: string } {
  const bar = stamp.indexOf('|');
  return { name, size: Number(stamp.slice(0, bar)), mtime: stamp.slice(bar + 1) };
}

/** A bundle being read: its files as they arrive, how many it announced, the stamp of each. */
export interface BundleSource {
  inputs: AsyncIterable<MergeInput>;
  /** Files the server announced; before it has, the count asked for (or 0). */
  total(): number;
  /** name → stampOf, for every file the bundle brought. */
  stamps: Map<string, string>;
}

/**
 * The files of the data folder (all, or the named ones) from one streamed
 * bundle (shared/io/bundle.ts), each as soon as its last byte is in. Files
 * the server could not read, and named files the stream never brought, come
 * with a loader that fails with the reason, so the merge lists them as
 * unreadable.
 */
export function bundleSource(names: ReadonlySet<string> | null): BundleSource {
  const reader = new BundleReader();
  const stamps = new Map<string, string>();
  async function* inputs(): AsyncGenerator<MergeInput> {
    const failing = (name: string, why: string): MergeInput => ({ name, bytes: () => Promise.reject(new Error(why)) });
    const seen = new Set<string>();
    let cut: string | null = null;
    try {
      const res = await fetch('/api/data/bundle', { cache: 'no-store' });
      if (!res.ok || !res.body) throw new Error(`本地服务返回 ${res.status}，请确认 npm start 仍在运行后刷新页面`);
      const body = res.body.getReader();
      for (let chunk = await body.read(); !chunk.done; chunk = await body.read()) {
        for (const entry of reader.push(chunk.value)) {
          if ((names && !names.has(entry.name)) || seen.has(entry.name)) continue;
          seen.add(entry.name);
          if ('error' in entry) yield failing(entry.name, entry.error);
          else {
            stamps.set(entry.name, stampOf({ size: entry.bytes.length, mtime: entry.mtime }));
            yield { name: entry.name, bytes: entry.bytes };
          }
        }
      }
    } catch (e) {
      cut = e instanceof Error ? e.message : String(e);
    }
    const end = reader.finish();
    const why = cut ?? (end.complete ? '数据文件夹中已没有此文件' : end.reason);
    for (const name of names ?? []) if (!seen.has(name)) yield failing(name, why);
    // (Reading the whole folder, the files it never brought are not known by
    // name here; the page's check against the listing right after picks them up.)
  }
  return { inputs: inputs(), total: () => names?.size ?? reader.total ?? 0, stamps };
}
