// What a command may touch of the outside world. Tests pass an in-memory one.
import { promises as fs } from 'node:fs';

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): Promise<Uint8Array>;
  writeFile(path: string, data: Uint8Array | string): Promise<void>;
  /** Files below a folder (recursively), sorted. */
  listFiles(dir: string): Promise<string[]>;
  isDirectory(path: string): Promise<boolean>;
  /** true when stdout is a terminal (progress lines are drawn only then). */
  isTTY: boolean;
  now(): Date;
}

export function nodeIO(): CliIO {
  return {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    readFile: async (p) => new Uint8Array(await fs.readFile(p)),
    writeFile: (p, d) => fs.writeFile(p, d),
    listFiles: async (dir) => {
      const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
      return entries
        .filter((e) => e.isFile())
        .map((e) => `${e.parentPath ?? (e as unknown as { path: string }).path}/${e.name}`)
        .sort();
    },
    isDirectory: async (p) => (await fs.stat(p)).isDirectory(),
    isTTY: Boolean(process.stdout.isTTY),
    now: () => new Date(),
  };
}
