// kesu enrich on a generated 100,000-row ledger (scripts/big-ledger.ts), run
// as the real command in a process of its own: its peak memory (maxRSS,
// reported by the process itself at exit) and time. The reader accepts
// 200,000 rows, so enrich must too; goal ≤ 1,000 MB at 100,000 rows (the
// exceljs round trip it replaced needed 2.9 GB).
// KESU_BENCH_ENRICH_ROWS changes the size; KESU_BENCH_KESU=/path/to/bin/kesu.mjs
// measures another checkout (a before/after comparison in the same run).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bigLedgerXlsx } from '../scripts/big-ledger';

const here = path.dirname(fileURLToPath(import.meta.url));
const KESU = process.env.KESU_BENCH_KESU ?? path.resolve(here, '../bin/kesu.mjs');
const ROWS = Number(process.env.KESU_BENCH_ENRICH_ROWS ?? 100_000);

/** Runs kesu with `args` in `cwd`; its exit code, peak RSS (MB) and wall time (ms). */
export function kesuPeak(args: string[], cwd: string): Promise<{ code: number | null; peakMb: number; ms: number; stderr: string }> {
  // The process reports its own high-water mark as it exits (getrusage ru_maxrss).
  const script = `process.on('exit', () => process.stderr.write('\\nKESU_MAXRSS_KB ' + process.resourceUsage().maxRSS + '\\n')); process.argv.splice(1, 0, 'kesu'); await import(${JSON.stringify(pathToFileURL(KESU).href)});`;
  const started = Date.now();
  const p = spawn(process.execPath, ['--input-type=module', '-e', script, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) =>
    p.on('exit', (code) => {
      const kb = Number(/KESU_MAXRSS_KB (\d+)/.exec(stderr)?.[1] ?? NaN);
      resolve({ code, peakMb: kb / 1024, ms: Date.now() - started, stderr });
    }),
  );
}

export async function run(log: (s: string) => void): Promise<Record<string, number | string>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kesu-bench-enrich-'));
  try {
    writeFileSync(path.join(dir, 'ledger.xlsx'), bigLedgerXlsx(ROWS));
    log(`台账 ${ROWS.toLocaleString()} 行,${(statSync(path.join(dir, 'ledger.xlsx')).size / 2 ** 20).toFixed(1)} MB;命令 ${path.relative(process.cwd(), KESU) || KESU}`);
    const validate = await kesuPeak(['validate', 'ledger.xlsx', '--as-of', '2024-06-30'], dir);
    const enrich = await kesuPeak(['enrich', 'ledger.xlsx', '-o', 'out.xlsx', '--as-of', '2024-06-30'], dir);
    if (enrich.code !== 0) throw new Error(`kesu enrich 退出码 ${enrich.code}: ${enrich.stderr.slice(-500)}`);
    log(`kesu validate 峰值 ${validate.peakMb.toFixed(0)} MB,${(validate.ms / 1000).toFixed(1)} s`);
    log(`kesu enrich   峰值 ${enrich.peakMb.toFixed(0)} MB,${(enrich.ms / 1000).toFixed(1)} s;副本 ${(statSync(path.join(dir, 'out.xlsx')).size / 2 ** 20).toFixed(1)} MB`);
    log(`目标 ≤1,000 MB:${enrich.peakMb <= 1000 ? '达到' : '未达到'}`);
    const k = ROWS === 100_000 ? '100k' : `${Math.round(ROWS / 1000)}k`;
    return { [`enrich.peak_mb_${k}`]: Math.round(enrich.peakMb), [`enrich.ms_${k}`]: enrich.ms, [`enrich.validate_peak_mb_${k}`]: Math.round(validate.peakMb) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
