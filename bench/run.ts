// npm run bench [-- name …]: runs the benchmarks, prints their figures and
// writes bench/results.json. Each bench/<name>.ts exports
// `run(log): Promise<Record<string, number | string>>`; keys are namespaced
// (lookup.ops_per_s, validate.rows_per_s …). Figures, not pass/fail: goals are
// printed beside them so a reader sees where we stand.
import { writeFileSync, readFileSync, existsSync } from 'node:fs';
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
  try {
    const mod = (await import(file)) as { run: (log: (s: string) => void) => Promise<Record<string, number | string>> };
    const figures = await mod.run((s) => console.log('  ' + s));
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
