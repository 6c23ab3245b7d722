// The io engineer's bad-input fixtures (scripts/make-bad-fixtures.ts), written
// into a temp folder and read back, so the merge batch test covers every bad
// file the reader guards against. Empty until that script exists.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const SCRIPT = path.resolve(__dirname, '../../scripts/make-bad-fixtures.ts');

export async function ioBadFiles(): Promise<{ name: string; bytes: Uint8Array }[]> {
  if (!existsSync(SCRIPT)) return [];
  const mod = (await import(SCRIPT)) as Record<string, unknown>;
  const make = Object.values(mod).find((v): v is (dir: string) => unknown => typeof v === 'function');
  if (!make) return [];
  const dir = mkdtempSync(path.join(tmpdir(), 'kesu-merge-bad-'));
  try {
    await make(dir);
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.join(e.parentPath, e.name))
      .sort()
      .map((p) => ({ name: path.relative(dir, p), bytes: new Uint8Array(readFileSync(p)) }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
