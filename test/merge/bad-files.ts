// The io engineer's bad-input fixtures (scripts/make-bad-fixtures.ts), large
// ones included (zip bombs, 1,048,576-row sheets), written into a temp folder
// and read back, so the merge batch test covers every file the reader guards
// against, each beside good files.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { makeBadFixtures, type BadFixture } from '../../scripts/make-bad-fixtures';

export async function ioBadFiles(): Promise<{ name: string; bytes: Uint8Array; fixture: BadFixture }[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'kesu-merge-bad-'));
  try {
    const list = await makeBadFixtures(dir, { large: true });
    return list.map((fixture) => ({ name: fixture.file, bytes: new Uint8Array(readFileSync(path.join(dir, fixture.file))), fixture }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
