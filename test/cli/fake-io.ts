// An in-memory CliIO for running kesu commands in-process.
import path from 'node:path';
import type { CliIO } from '../../cli/io';

export interface FakeIO extends CliIO {
  files: Map<string, Uint8Array | string>;
  stdout: string;
  stderr: string;
}

export function fakeIO(files: Record<string, Uint8Array | string> = {}, now = new Date('2023-06-30T08:00:00Z')): FakeIO {
  const io: FakeIO = {
    files: new Map(Object.entries(files)),
    stdout: '',
    stderr: '',
    out: (t) => void (io.stdout += t),
    err: (t) => void (io.stderr += t),
    readFile: async (p) => {
      const f = io.files.get(p);
      if (f === undefined) throw Object.assign(new Error(`ENOENT: no such file, open '${p}'`), { code: 'ENOENT' });
      return typeof f === 'string' ? new TextEncoder().encode(f) : f;
    },
    writeFile: async (p, d) => void io.files.set(p, d),
    // the in-memory disk has no links: a file is its resolved path
    fileId: async (p) => ([...io.files.keys()].some((k) => path.resolve(k) === path.resolve(p)) ? path.resolve(p) : null),
    listFiles: async (dir) => [...io.files.keys()].filter((k) => k.startsWith(dir + '/')).sort(),
    isDirectory: async (p) => [...io.files.keys()].some((k) => k.startsWith(p + '/')),
    isTTY: false,
    now: () => now,
  };
  return io;
}
