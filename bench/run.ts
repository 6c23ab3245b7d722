// npm run bench [-- name …]: runs the benchmarks, prints their figures and
// writes bench/results.json. Each bench/<name>.ts exports
// `run(log): Promise<Record<string, number | string>>`; keys are namespaced
// (lookup.ops_per_s, validate.rows_per_s …). Figures, not pass/fail: goals are
// printed beside them so a reader sees where we stand.
import { writeFileSync, readFileSync, existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const BENCHES = ['lookup', 'validate', 'read', 'addin', 'merge', 'dashboard', 'enrich', 'server'];

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = wanted.length ? wanted : BENCHES;
const out = path.join(here, 'results.json');
const results: Record<string, number | string> = existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) : {};

for (const name of names) {
  const file = path.join(here, `${name}.ts`);
  if (!existsSync(file)) {
    console.log(`[${name}] 无此基准 (bench/${name}.ts)`);
    continue;
  }
  console.log(`\n== ${name}`);
  const started = Date.now();
  // When and under what load: docs/performance.md shows both beside the figures.
  results[`meta.${name}_when`] = new Date(started).toISOString();
  results[`meta.${name}_load`] = +loadavg()[0]!.toFixed(2);
  try {
    const mod = (await import(file)) as { run: (log: (s: string) => void) => Promise<Record<string, number | string>> };
    const figures = await mod.run((s) => console.log('  ' + s));
    // A bench's figures replace all of its earlier ones, so a renamed or retired
    // key (read.exceljs_s, read.fast_s) does not linger beside the new one.
    for (const k of Object.keys(results)) if (k.startsWith(`${name}.`)) delete results[k];
    for (const [k, v] of Object.entries(figures)) {
      results[k] = v;
      console.log(`  ${k} = ${typeof v === 'number' ? +v.toPrecision(6) : v}`);
    }
  } catch (e) {
    console.log(`  失败: ${(e as Error).stack ?? e}`);
    process.exitCode = 1;
  }
  console.log(`  (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
results['meta.node'] = process.version;
results['meta.when'] = new Date().toISOString();
writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
console.log(`\n写入 ${path.relative(process.cwd(), out)}`);
const { writePerfDoc } = await import('../scripts/perf-doc');
console.log(`写入 ${path.relative(process.cwd(), writePerfDoc(out))}`);
