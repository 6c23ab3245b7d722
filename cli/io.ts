// What a command may touch of the outside world. Tests pass an in-memory one.
import { promises as fs } from 'node:fs';
import { displayName, fileIdentity, writeFileAtomic } from '../node';

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): Promise<Uint8Array>;
  /** Writes a whole file atomically: whoever looks (or a crash) finds the old file or the complete new one. */
  writeFile(path: string, data: Uint8Array | string): Promise<void>;
  /** Which file a path finally names (after links, other spellings), or null when none: equal ids, same file. */
  fileId(path: string): Promise<string | null>;
  /** Files below a folder (recursively), sorted. */
  listFiles(dir: string): Promise<string[]>;
  isDirectory(path: string): Promise<boolean>;
  /** Creates a folder and its parents (kesu notices -o DIR); nothing when it is there. */
  makeDirectory(path: string): Promise<void>;
  /** true when stdout is a terminal (progress lines are drawn only then). */
  isTTY: boolean;
  now(): Date;
}

export function nodeIO(): CliIO {
  // Clerks' folders hold files named on Windows in GBK. Node would decode such a
  // name to U+FFFD and the path could no longer be opened, so folders are walked
  // as raw bytes: the name shown is decoded (UTF-8, else GB18030) and the raw
  // path is remembered for reading.
  const rawPaths = new Map<string, Buffer>();
  const walk = async (dir: Buffer, out: Buffer[]): Promise<void> => {
    for (const e of await fs.readdir(dir, { withFileTypes: true, encoding: 'buffer' })) {
      const full = Buffer.concat([dir, Buffer.from('/'), e.name as unknown as Buffer]);
      if (e.isDirectory()) await walk(full, out);
      else if (e.isFile()) out.push(full);
    }
  };
  return {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    readFile: async (p) => new Uint8Array(await fs.readFile(rawPaths.get(p) ?? p)),
    writeFile: (p, d) => writeFileAtomic(p, d),
    fileId: (p) => fileIdentity(rawPaths.get(p) ?? p),
    listFiles: async (dir) => {
      const found: Buffer[] = [];
      await walk(Buffer.from(dir.replace(/\/+$/, '') || '/'), found);
      return found
        .map((raw) => {
          const shown = displayName(new Uint8Array(raw));
          rawPaths.set(shown, raw);
          return shown;
        })
        .sort();
    },
    isDirectory: async (p) => (await fs.stat(rawPaths.get(p) ?? p)).isDirectory(),
    makeDirectory: async (p) => void (await fs.mkdir(p, { recursive: true })),
    isTTY: Boolean(process.stdout.isTTY),
    now: () => new Date(),
  };
}
