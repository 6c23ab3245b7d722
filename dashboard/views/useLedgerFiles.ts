// The dashboard's ledgers: the server's folder (sample data or --data DIR),
// read once at boot (boot.ts) and then watched, and the files a user drops.
// The page gets a FileMap and a progress line; how the folder is synced
// (what changed by size and mtime, what left it, one look at a time) stays
// here, out of App.tsx.
import { useCallback, useEffect, useRef, useState } from 'react';
import { loadWorkbooks } from '../load';
import { bootLoad, readServerFiles } from '../load/boot';
import type { ServerRead } from '../load/boot';
import { storeJoined } from '../load/parsed';
import type { TaskCube } from '../../shared/aggregate';
import type { MergedTask } from '../load';
import { entryOf, stampOf, watchListing } from '../load/server';
import type { DataListing } from '../load/server';
import { dropFiles, putFiles } from '../load/store';
import type { FileMap } from '../load/store';

export interface LedgerFiles {
  files: FileMap;
  /** The cube over exactly these files when the server gave it back (parse once, joined.ts); else null: build it. */
  cube: TaskCube<MergedTask> | null;
  /**
   * The page has drawn its charts of these files: what the first read read
   * goes back to the server now (each file's parse), and, when these are
   * exactly the first read's files, the joined form with the cube, so a
   * reload of the unchanged folder needs neither the join nor the coding.
   */
  keepJoined(files: FileMap, cube: TaskCube<MergedTask>): void;
  /** The server's folder as last listed; null before the listing, or without a server (file picker only). */
  source: DataListing | null;
  /** The progress line (null: idle). */
  busy: string | null;
  setBusy(text: string | null): void;
  /** Read and add files the user picked or dropped. */
  addLocal(list: File[]): Promise<void>;
  /** Drop the files the user added. */
  removeLocal(): void;
}

/**
 * onReady is called once, in the same update as the first read's files (or
 * when there is no server data), so the page can start drawing its charts
 * with the data rather than one render before it.
 */
export function useLedgerFiles(onReady: () => void): LedgerFiles {
  // The cube given back by the server holds for its files only: any change of the map drops it.
  const [loaded, setLoaded] = useState<{ files: FileMap; cube: TaskCube<MergedTask> | null }>({ files: new Map(), cube: null });
  const setFiles = useCallback((f: (m: FileMap) => FileMap) => setLoaded((s) => {
    const files = f(s.files);
    return files === s.files ? s : { files, cube: null };
  }), []);
  /** The first read, until its joined form is handed to the server (or it came in that form). */
  const firstRead = useRef<ServerRead | null>(null);
  const [source, setSource] = useState<DataListing | null>(null);
  const [busy, setBusy] = useState<string | null>('正在读取数据…');
  const known = useRef(new Map<string, string>());
  const ready = useRef(onReady);
  ready.current = onReady;

  // A line of progress five times a second: redrawing the page for each of a
  // thousand files took time from reading them.
  const shown = useRef(0);
  const progress = useCallback((done: number, total: number, current: string) => {
    const now = performance.now();
    if (done < total && now - shown.current < 200) return;
    shown.current = now;
    setBusy(done < total ? `已读取 ${done}/${total}：${current}` : null);
  }, []);

  /**
   * Reads what changed in the folder since the last read (by size and mtime),
   * drops what left it. One look at a time: listings that arrive meanwhile
   * (the watch's first one, a change during a long read) wait their turn and
   * are then compared with what the previous look read.
   */
  const syncing = useRef(Promise.resolve());
  const syncServer = useCallback(
    (listing: DataListing): Promise<void> => {
      const look = async () => {
        setSource(listing);
        const changed = listing.files.filter((f) => known.current.get(f.name) !== stampOf(f));
        const present = new Set(listing.files.map((f) => f.name));
        if (changed.length) {
          const read = await readServerFiles(new Set(changed.map((f) => f.name)), progress);
          for (const f of changed) known.current.set(f.name, read.stamps.get(f.name) ?? stampOf(f));
          setFiles((m) => putFiles(m, read.files));
        }
        for (const name of [...known.current.keys()]) if (!present.has(name)) known.current.delete(name);
        setFiles((m) => dropFiles(m, (f) => f.origin === 'local' || present.has(f.report.file)));
        setBusy(null);
      };
      return (syncing.current = syncing.current.then(look, look));
    },
    [progress],
  );

  useEffect(() => {
    // The first read began with the script (boot.ts); here it is shown and the
    // folder watched. The watch begins with the server's current listing, so a
    // file changed during the first read is read again then.
    const boot = bootLoad();
    let live = true;
    let stop = () => {};
    const unsubscribe = boot.onProgress(progress);
    void (async () => {
      const listing = await boot.listing;
      if (!live) return;
      if (!listing) {
        ready.current();
        return setBusy(null);
      }
      setSource(listing);
      const first = await boot.first;
      if (!live) return;
      unsubscribe();
      for (const [name, stamp] of first.stamps) known.current.set(name, stamp);
      firstRead.current = first;
      setLoaded((s) => ({ files: putFiles(s.files, first.files), cube: s.files.size === 0 && first.cube ? first.cube : null }));
      ready.current();
      stop = watchListing((next) => void syncServer(next));
    })();
    return () => {
      live = false;
      unsubscribe();
      stop();
    };
  }, [syncServer, progress, setFiles]);

  const keepJoined = useCallback((files: FileMap, cube: TaskCube<MergedTask>) => {
    const first = firstRead.current;
    if (!first) return;
    firstRead.current = null;
    // Exactly the first read's files, as read (not after a change or a dropped file), and not
    // what came back joined already: those go back joined.
    const same = files.size === first.files.length && first.files.every((f) => files.get(f.report.file) === f);
    const entries = first.files.flatMap((f) => {
      const stamp = first.stamps.get(f.report.file);
      return stamp ? [entryOf(f.report.file, stamp)] : [];
    });
    // For the benchmark and the tests: whether the server kept each form.
    void first
      .store()
      .then((ok) => (document.body.dataset.parseCache = ok ? 'stored' : 'not-stored'))
      .then(async () => (first.cube ? 'came-joined' : same && (await storeJoined(first.asOf, entries, [...files.values()], cube)) ? 'stored' : 'not-stored'))
      .then((state) => (document.body.dataset.joinedCache = state));
  }, []);

  const addLocal = useCallback(
    async (list: File[]) => {
      const loaded = await loadWorkbooks(
        list.map((f) => ({ name: f.name, bytes: async () => new Uint8Array(await f.arrayBuffer()) })),
        list.length,
        'local',
        progress,
      );
      setFiles((m) => putFiles(m, loaded));
      setBusy(null);
    },
    [progress],
  );
  const removeLocal = useCallback(() => setFiles((m) => dropFiles(m, (f) => f.origin !== 'local')), []);

  return { files: loaded.files, cube: loaded.cube, keepJoined, source, busy, setBusy, addLocal, removeLocal };
}
