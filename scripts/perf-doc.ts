// docs/performance.md, generated from bench/results.json: `npm run perf-doc`
// (also the last step of `npm run bench`). The figures are never typed by hand,
// so the page cannot disagree with the measurements.
//
// A table of labels says how to show the keys we know. It is tolerant both
// ways: a row whose keys are all missing is left out (a bench not run yet), and
// a key no row names is still listed, raw, under "Other figures" (a bench that
// gained a figure, or renamed one, before this table caught up). A row may name
// several keys for one figure, newest name first: the first present is shown
// and the others count as the same figure.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type Figure = number | string | number[];
export type Results = Record<string, Figure>;
type Format = 'int' | 'percent' | 's' | 'ms' | 'mb' | 'bytes' | 'x' | 'text';

interface Row {
  keys: string[];
  label: string;
  format: Format;
  goal?: string;
}

interface Section {
  /** Key prefix of the bench (`lookup` → lookup.*), also its `npm run bench -- <name>`. */
  bench: string;
  title: string;
  what: string;
  rows: Row[];
}

/** The pane's commands the add-in bench runs (bench/addin.ts), with their names in the pane. */
const ADDIN_COMMANDS: [string, string][] = [
  ['validate', '校验'],
  ['enrich', '补全'],
  ['enrich_rerun', '补全 again'],
  ['suggest_accept_all', '全部接受 suggestions'],
  ['remove_enrich', '移除补全列'],
];
const ADDIN_GOALS: Record<string, string> = { validate: '≤ 4', enrich: '≤ 6' };

export const SECTIONS: Section[] = [
  {
    bench: 'lookup',
    title: 'Owner lookup',
    what: 'Generated jurisdictions built from the seeds\' department names; labelled queries (short forms, 与/和 swaps, width and spaces, missing level prefixes, one-character typos), against fuse.js over the same names. See [plans-and-owners.md](plans-and-owners.md).',
    rows: [
      { keys: ['lookup.units'], label: 'units in the directory', format: 'int' },
      { keys: ['lookup.queries'], label: 'labelled queries', format: 'int' },
      { keys: ['lookup.ops_per_s'], label: 'lookups per second', format: 'int', goal: '≥ 10 × fuse.js' },
      { keys: ['lookup.fuse_ops_per_s'], label: '… fuse.js, same queries', format: 'int' },
      { keys: ['lookup.speedup'], label: 'speed-up over fuse.js', format: 'x' },
      { keys: ['lookup.local_ops_per_s'], label: 'lookups per second, with the ledger\'s jurisdiction', format: 'int' },
      { keys: ['lookup.fuse_local_ops_per_s'], label: '… fuse.js', format: 'int' },
      { keys: ['lookup.global_ops_per_s'], label: 'lookups per second, whole directory', format: 'int' },
      { keys: ['lookup.fuse_global_ops_per_s'], label: '… fuse.js', format: 'int' },
      { keys: ['lookup.top1'], label: 'right unit first (top-1)', format: 'percent', goal: 'no lower than fuse.js' },
      { keys: ['lookup.fuse_top1'], label: '… fuse.js', format: 'percent' },
      { keys: ['lookup.resolved_share'], label: 'queries resolved outright', format: 'percent' },
      { keys: ['lookup.wrong_resolved'], label: 'queries resolved to a wrong unit', format: 'int', goal: '0' },
      { keys: ['lookup.build_ms'], label: 'building the directory\'s indexes', format: 'ms' },
    ],
  },
  {
    bench: 'validate',
    title: 'Validate and enrich',
    what: 'A 100,000-row ledger in memory from the example ledger\'s tasks, varied row by row; read + validate + enrich. See [ledger.md](ledger.md).',
    rows: [
      { keys: ['validate.rows_per_s'], label: 'rows per second (wall clock)', format: 'int', goal: '≥ 100,000' },
      { keys: ['validate.rows_per_cpu_s'], label: 'rows per CPU second (not inflated by a busy machine)', format: 'int' },
      { keys: ['validate.read_ms'], label: 'reading the rows', format: 'ms' },
      { keys: ['validate.check_ms'], label: 'checking them', format: 'ms' },
      { keys: ['validate.enrich_ms'], label: 'the 补全 columns', format: 'ms' },
      { keys: ['validate.findings'], label: 'findings', format: 'int' },
    ],
  },
  {
    bench: 'read',
    title: 'Reading .xlsx',
    what: 'A 50,000-row ledger (title rows, 10,002 merged ranges, ten columns of Chinese text), each reader in its own child process; then a 100-row ledger read 100 times. Peak memory includes about 100 MB of loaded modules. See [decisions.md](decisions.md#our-own-xlsx-reader).',
    rows: [
      { keys: ['read.rows'], label: 'rows in the large ledger', format: 'int' },
      { keys: ['read.direct_s', 'read.ours_s', 'read.fast_s', 'read.exceljs_s'], label: 'our reader (what ships), with its guards', format: 's' },
      { keys: ['read.direct_peak_mb', 'read.ours_peak_mb', 'read.fast_peak_mb', 'read.exceljs_peak_mb'], label: '… peak memory', format: 'mb' },
      { keys: ['read.direct_merges', 'read.ours_merges', 'read.fast_merges', 'read.exceljs_merges'], label: '… merged ranges read', format: 'int' },
      { keys: ['read.exceljs_load_s'], label: 'exceljs `load` behind the same guards (reference)', format: 's' },
      { keys: ['read.exceljs_load_peak_mb'], label: '… peak memory', format: 'mb' },
      { keys: ['read.exceljs_load_merges'], label: '… merged ranges read', format: 'int' },
      { keys: ['read.direct_speedup_vs_exceljs_load', 'read.ours_speedup_vs_exceljs_load', 'read.fast_speedup_vs_exceljs_load'], label: 'our reader\'s speed-up over exceljs `load`', format: 'x', goal: '≥ 3 ×' },
      { keys: ['read.exceljs_stream_s'], label: 'exceljs streaming reader (Node only; drops merges)', format: 's' },
      { keys: ['read.exceljs_stream_peak_mb'], label: '… peak memory', format: 'mb' },
      { keys: ['read.exceljs_stream_merges'], label: '… merged ranges read', format: 'int' },
      { keys: ['read.sheetjs_s'], label: 'SheetJS 0.18.5 (reference only, CVEs)', format: 's' },
      { keys: ['read.sheetjs_peak_mb'], label: '… peak memory', format: 'mb' },
      { keys: ['read.sheetjs_merges'], label: '… merged ranges read', format: 'int' },
      { keys: ['read.small100x100_direct_s', 'read.small100x100_ours_s', 'read.small100x100_fast_s'], label: '100-row ledger × 100, our reader', format: 's' },
      { keys: ['read.small100x100_exceljs_load_s'], label: '100-row ledger × 100, exceljs `load`', format: 's' },
      { keys: ['read.small100x100_speedup_vs_exceljs_load'], label: 'our reader\'s speed-up over exceljs `load`, small ledgers', format: 'x' },
      { keys: ['read.sheetjs_note'], label: 'note', format: 'text' },
    ],
  },
  {
    bench: 'addin',
    title: 'Add-in round trips',
    what: 'The pane\'s commands on the in-memory gateway, which batches exactly like the Office.js one, on the example ledger grown to 1,000 and 10,000 rows. See [addin-batching.md](addin-batching.md).',
    rows: [
      ...(['10k', '1k'] as const).flatMap((size) =>
        ADDIN_COMMANDS.flatMap(([key, label]): Row[] => [
          { keys: [`addin.${key}_syncs_${size}`], label: `${label}, ${size === '10k' ? '10,000' : '1,000'} rows: syncs`, format: 'int', goal: size === '10k' ? ADDIN_GOALS[key] : undefined },
          { keys: [`addin.${key}_max_payload_bytes_${size}`], label: '… its largest request', format: 'bytes' },
        ]),
      ),
      { keys: ['addin.max_payload_bytes'], label: 'largest request of all', format: 'bytes', goal: '< 5 MB' },
    ],
  },
  {
    bench: 'merge',
    title: 'Merging ledgers',
    what: '1,000 generated ledgers of 100 rows in officials\' layout, about 5% of rows reported twice. See [merge.md](merge.md).',
    rows: [
      { keys: ['merge.files'], label: 'files', format: 'int' },
      { keys: ['merge.files_per_s'], label: 'files per second', format: 'int' },
      { keys: ['merge.peak_mb'], label: 'peak memory', format: 'mb' },
      { keys: ['merge.tasks'], label: 'tasks kept', format: 'int' },
      { keys: ['merge.duplicates'], label: 'duplicates found', format: 'int' },
    ],
  },
  {
    bench: 'enrich',
    title: 'Enrich a big ledger',
    what: '`kesu enrich` on a generated 100,000-row ledger (scripts/big-ledger.ts), the real command in a process of its own; peak memory is the process\'s own maxRSS. The copy patches the sheet\'s XML in place. See [reliability.md](reliability.md).',
    rows: [
      { keys: ['enrich.peak_mb_100k'], label: 'kesu enrich, peak memory', format: 'mb', goal: '≤ 1,000 MB' },
      { keys: ['enrich.ms_100k'], label: 'kesu enrich, time', format: 'ms' },
      { keys: ['enrich.validate_peak_mb_100k'], label: 'kesu validate on the same ledger, peak memory', format: 'mb' },
    ],
  },
  {
    bench: 'server',
    title: 'Local server under abuse',
    what: 'The local server in a process of its own: event listeners that never read, and two requests for the bundle of a folder holding a 200 MB file. See [reliability.md](reliability.md).',
    rows: [
      { keys: ['server.stalled_listener_mb'], label: 'growth in 20 s with a listener that never reads', format: 'mb' },
      { keys: ['server.bundle_200mb_peak_mb'], label: 'peak memory, two bundle requests with a 200 MB file', format: 'mb' },
    ],
  },
  {
    bench: 'dashboard',
    title: 'Dashboard',
    what: '1,000 standard workbooks (100,000 tasks, 13 MB) served by the local server, loaded in headless Chromium; loaded means the status chart\'s bars are drawn. See [dashboard.md](dashboard.md).',
    rows: [
      { keys: ['dashboard.load_s'], label: 'load to the first chart (median of cold loads)', format: 's', goal: '≤ 3 s' },
      { keys: ['dashboard.load_s_runs'], label: '… each cold load (s)', format: 's' },
      { keys: ['dashboard.read_s'], label: '… of which streaming, reading, checking, joining', format: 's' },
      { keys: ['dashboard.all_charts_s'], label: 'until every chart is drawn', format: 's' },
      { keys: ['dashboard.render_ms'], label: 'first render', format: 'ms' },
      { keys: ['dashboard.filter_ms'], label: 'a filter change, table and charts (slowest of four)', format: 'ms', goal: '≤ 150 ms' },
      { keys: ['dashboard.filter_table_ms'], label: '… the table alone', format: 'ms' },
      { keys: ['dashboard.aggregate_ms'], label: '… the aggregation alone', format: 'ms' },
      { keys: ['dashboard.reload_s'], label: 'reload of the unchanged folder (the server\'s kept result, nothing parsed), a new tab of the same browser', format: 's', goal: '≤ 25 % of load_s' },
      { keys: ['dashboard.reload_new_profile_s'], label: '… in a fresh browser profile (its scripts not cached)', format: 's' },
      { keys: ['dashboard.load_s_3000'], label: '3,000 workbooks (300,000 tasks), one cold load', format: 's', goal: '≤ 3.5 × load_s' },
      { keys: ['dashboard.heap_mb_3000'], label: '… the page\'s peak JS heap', format: 'mb', goal: '≤ 1,500 MB' },
      { keys: ['dashboard.goal'], label: 'goal', format: 'text' },
    ],
  },
];

const group = (n: number, digits = 0): string =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** One figure as a reader wants to see it. */
export function formatFigure(v: Figure, format: Format): string {
  if (Array.isArray(v)) return v.map((x) => formatFigure(x, format)).join(', ');
  if (typeof v === 'string') return v;
  switch (format) {
    case 'int':
      return group(Math.round(v));
    case 'percent':
      return `${group(v * 100, 1)} %`;
    case 's':
      return `${group(v, v < 10 ? 2 : 1)} s`;
    case 'ms':
      return `${group(v, v < 10 ? 1 : 0)} ms`;
    case 'mb':
      return `${group(Math.round(v))} MB`;
    case 'bytes':
      return v < 1048576 ? `${group(v)} bytes` : `${group(v)} bytes (${group(v / 1048576, 2)} MB)`;
    case 'x':
      return `${group(v, 1)} ×`;
    default:
      return String(v);
  }
}

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The page, from the results. Pure: the same results give the same page. */
export function perfDoc(results: Results): string {
  const used = new Set<string>();
  let shown = 0;
  const out: string[] = [
    '# Performance',
    '',
    '<!-- Generated by scripts/perf-doc.ts from bench/results.json: do not edit; run `npm run perf-doc`. -->',
    '',
    'What `npm run bench` measured (`npm run bench -- <name>` runs one bench; each run updates',
    '`bench/results.json` and regenerates this page). The machine is two cores, often shared with other',
    'work: wall-clock figures vary by up to 2× with load, so compare figures measured in the same run, and',
    'read CPU-time figures where they are given.',
  ];
  const node = results['meta.node'];
  if (node !== undefined) out.push('', `Node ${node}.`);

  for (const s of SECTIONS) {
    for (const r of s.rows) for (const k of r.keys) used.add(k);
    const present = s.rows.filter((r) => r.keys.some((k) => k in results));
    for (const k of [`meta.${s.bench}_when`, `meta.${s.bench}_load`]) used.add(k);
    if (!present.length) continue;
    shown++;
    out.push('', `## ${s.title} (\`npm run bench -- ${s.bench}\`)`, '', s.what);
    const when = results[`meta.${s.bench}_when`];
    const load = results[`meta.${s.bench}_load`];
    if (when !== undefined) out.push('', `Measured ${String(when).slice(0, 16).replace('T', ' ')} UTC${typeof load === 'number' ? `, load average ${group(load, 1)} when it started` : ''}.`);
    out.push('', '| what | figure | goal | key |', '|---|---|---|---|');
    for (const r of present) {
      const key = r.keys.find((k) => k in results)!;
      out.push(`| ${cell(r.label)} | ${cell(formatFigure(results[key]!, r.format))} | ${cell(r.goal ?? '')} | \`${key}\` |`);
    }
  }

  const other = Object.keys(results)
    .filter((k) => !used.has(k) && k !== 'meta.node' && k !== 'meta.when')
    .sort();
  if (other.length) {
    shown++;
    out.push('', '## Other figures', '', 'Keys the label table does not know yet, as measured.', '', '| key | figure |', '|---|---|');
    for (const k of other) {
      const v = results[k]!;
      out.push(`| \`${k}\` | ${cell(typeof v === 'number' ? String(+v.toPrecision(6)) : Array.isArray(v) ? v.join(', ') : v)} |`);
    }
  }
  if (!shown) out.push('', 'No figures yet: run `npm run bench`.');
  return out.join('\n') + '\n';
}

const here = path.dirname(fileURLToPath(import.meta.url));
export const RESULTS_PATH = path.join(here, '..', 'bench', 'results.json');
export const DOC_PATH = path.join(here, '..', 'docs', 'performance.md');

/** Reads bench/results.json (none yet: an empty page that says so) and writes docs/performance.md. */
export function writePerfDoc(results = RESULTS_PATH, doc = DOC_PATH): string {
  const data: Results = existsSync(results) ? JSON.parse(readFileSync(results, 'utf8')) : {};
  writeFileSync(doc, perfDoc(data));
  return doc;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(`写入 ${path.relative(process.cwd(), writePerfDoc())}`);
}
