// npm run sample [-- DIR]: writes the dashboard's built-in sample data, twelve
// standard workbooks (seeds 000, 003, 004 × the four quarters of 2023) with
// made-up, seeded progress. `npm start` calls makeSampleData() itself when the
// cache folder is missing or stale, so a fresh clone needs no extra step.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(here, '..');
const DEFAULT_SAMPLE_DIR = path.join(REPO, 'node_modules', '.cache', 'kesu-sample');
const SEEDS = path.join(REPO, 'shared', 'sample', 'seeds');

export interface SampleResult {
  dir: string;
  files: string[];
  problems: string[];
  /** False when the cached files were up to date. */
  generated: boolean;
}

export async function makeSampleData(dir = DEFAULT_SAMPLE_DIR, opts: { force?: boolean } = {}): Promise<SampleResult> {
  const { sampleWorkbooks, SAMPLE_VERSION } = await import('../shared/sample');
  const texts: Record<string, string> = {};
  for (const f of readdirSync(SEEDS).filter((n) => n.endsWith('.txt'))) texts[f] = readFileSync(path.join(SEEDS, f), 'utf8');
  // Building the descriptions is quick; writing the files is not. The stamp is
  // a digest of the descriptions, so a change in the plan importer (or here)
  // regenerates the cache and an unchanged one is reused.
  const { files, problems } = sampleWorkbooks(texts);
  const version = `${SAMPLE_VERSION}:${digest(JSON.stringify(files))}`;
  const stamp = path.join(dir, '.version');
  const present = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.xlsx')) : [];
  if (!opts.force && existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === version && present.length === files.length) {
    return { dir, files: present.sort(), problems, generated: false };
  }
  const { writeWorkbook } = await import('../shared/io');
  mkdirSync(dir, { recursive: true });
  for (const old of present) rmSync(path.join(dir, old), { force: true });
  for (const f of files) writeFileSync(path.join(dir, f.name), await writeWorkbook(f.spec));
  if (files.length) writeFileSync(stamp, version + '\n');
  return { dir, files: files.map((f) => f.name), problems, generated: true };
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = path.resolve(process.argv[2] ?? DEFAULT_SAMPLE_DIR);
  const r = await makeSampleData(dir, { force: true });
  for (const p of r.problems) console.error('问题: ' + p);
  console.log(`已生成 ${r.files.length} 个示例工作簿 → ${path.relative(process.cwd(), r.dir) || '.'}`);
  process.exitCode = r.files.length ? 0 : 1;
}
