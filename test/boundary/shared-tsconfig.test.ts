// shared/tsconfig.json checks the core with the language and a Web Worker's
// globals alone (no DOM, no Node, no Office.js). Run here so `npm test`
// holds the core to it, and shown refusing a file that reaches for each.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO } from '../support/paths';

const TSC = path.join(REPO, 'node_modules', 'typescript', 'bin', 'tsc');
const SHARED_CONFIG = path.join(REPO, 'shared', 'tsconfig.json');

/** tsc's diagnostics for a project (empty when it type-checks). */
function tscErrors(project: string): string {
  try {
    execFileSync(process.execPath, [TSC, '--noEmit', '-p', project], { encoding: 'utf8', stdio: 'pipe' });
    return '';
  } catch (e) {
    return String((e as { stdout?: string }).stdout ?? e);
  }
}

const REFUSED = [
  ['the DOM', `export const t = document.title;`, "Cannot find name 'document'"],
  ['Node globals', `export const d = process.cwd();`, "Cannot find name 'process'"],
  ['Node modules', `import { readFileSync } from 'node:fs';\nexport const r = readFileSync;`, "'node:fs'"],
  ['Office.js', `export const x = Excel.run;`, "Cannot find name 'Excel'"],
] as const;

const ACCEPTED = [
  ['a Web Worker global', `export const s = self.postMessage;`],
  ['ES2023', `export const last = [1, 2, 3].findLast((n) => n < 3);`],
  ['text codecs', `export const t = new TextDecoder('utf-8').decode(new Uint8Array([0x61]));`],
] as const;

const fileOf = (name: string): string => `probe-${name.replace(/\W/g, '-')}.ts`;

// One project of small probe files under the core's compiler options, checked
// in one tsc run (a run is seconds): each probe's errors are the lines naming it.
const scratch = mkdtempSync(path.join(tmpdir(), 'kesu-shared-tsconfig-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let probeErrors: string | null = null;
function errorsOf(name: string): string {
  if (probeErrors === null) {
    for (const [n, source] of [...REFUSED, ...ACCEPTED]) writeFileSync(path.join(scratch, fileOf(n)), source);
    writeFileSync(path.join(scratch, 'tsconfig.json'), JSON.stringify({ extends: SHARED_CONFIG, include: ['probe-*.ts'] }));
    probeErrors = tscErrors(scratch);
  }
  return probeErrors
    .split('\n')
    .filter((line) => line.includes(`${fileOf(name)}(`))
    .join('\n');
}

describe('shared/tsconfig.json', () => {
  it('type-checks the whole core', () => {
    expect(tscErrors(SHARED_CONFIG)).toBe('');
  }, 120_000);

  it.each(REFUSED)('refuses %s', (name, _source, message) => {
    expect(errorsOf(name)).toContain(message);
  }, 60_000);

  it.each(ACCEPTED)('accepts %s', (name) => {
    expect(errorsOf(name)).toBe('');
  });
});
