// npm run conformance [-- --corpus DIR] [--timeout S] [--jobs N] [--only ID,ID] [--show N]
// (the corpus defaults to ../shared/corpus/xlsx, or $KESU_REFERENCE/corpus/xlsx)
//
// Reads every file of the real-world corpus (../shared/corpus/xlsx, see its
// README; never copied into the repository) with readWorkbook, each in a
// worker thread under a time limit, and compares what it read with the
// reference reading in expected/ID.json (scripts/conformance/compare.ts).
// Prints a table (read equal, differs, refused rightly, refused wrongly,
// crashed, hung) and writes bench/conformance.json, every file's outcome and
// the summary. Exits non-zero when fewer than 99% of the `expect=read` files
// read equal, or when any read crashed or hung.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_LIMITS } from '../shared/io';
import type { SheetGrid } from '../shared/model';
import { compareReading, sameValue, show, type Expected, type ExpectedValue } from './conformance/compare';
import { JUDGED, adjustExpected } from './conformance/judged';
import { messageFaults } from './message-check';
import type { ReadAnswer, ReadJob } from './read-worker';
import { runPool, type JobOutcome } from './worker-pool';

const here = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(here, '..');

type Expect = 'read' | 'empty-or-refuse' | 'refuse';
type Outcome = 'read-equal' | 'differs' | 'refused-rightly' | 'refused-wrongly' | 'crashed' | 'hung';

interface FileRow {
  id: string;
  expect: Expect;
  producer: string;
  reference: string;
  note: string;
}

interface FileResult {
  id: string;
  expect: Expect;
  producer: string;
  outcome: Outcome;
  ms: number;
  /** The refusal's code and message, when refused. */
  code?: string;
  message?: string;
  detail?: string;
  /** Faults of the refusal's message (no file name, English internals …). */
  messageFaults?: string[];
  diffs?: string[];
  /** Cells the reference has beyond our row/column caps. */
  beyondCap?: number;
  /** Why a difference with the reference is judged to be the reference's error (scripts/conformance/judged.ts). */
  judged?: string;
  error?: string;
  heapMb?: number;
}

const OUTCOMES: [Outcome, string][] = [
  ['read-equal', '读取一致'],
  ['differs', '读取不同'],
  ['refused-rightly', '正确拒绝'],
  ['refused-wrongly', '错误拒绝'],
  ['crashed', '崩溃'],
  ['hung', '超时'],
];

function args(): { corpus: string; timeoutS: number; jobs: number; only: Set<string> | null; show: number; out: string } {
  const a = process.argv.slice(2);
  const get = (k: string): string | undefined => {
    const i = a.indexOf(`--${k}`);
    return i >= 0 ? a[i + 1] : undefined;
  };
  return {
    corpus: path.resolve(get('corpus') ?? path.join(process.env.KESU_REFERENCE ?? path.join(REPO, '..', 'shared'), 'corpus', 'xlsx')),
    timeoutS: Number(get('timeout') ?? 30),
    jobs: Number(get('jobs') ?? Math.min(2, availableParallelism())),
    only: get('only') ? new Set(get('only')!.split(',')) : null,
    show: Number(get('show') ?? 15),
    out: path.resolve(get('out') ?? path.join(REPO, 'bench', 'conformance.json')),
  };
}

function manifest(corpus: string): FileRow[] {
  const lines = readFileSync(path.join(corpus, 'MANIFEST.tsv'), 'utf8').split(/\r?\n/).filter(Boolean);
  const head = lines[0].split('\t');
  const col = (name: string): number => head.indexOf(name);
  return lines.slice(1).map((l) => {
    const f = l.split('\t');
    return { id: f[col('id')], expect: f[col('expect')] as Expect, producer: f[col('producer')] ?? '', reference: f[col('reference')] ?? '', note: f[col('note')] ?? '' };
  });
}

function judge(row: FileRow, file: string, o: JobOutcome<ReadAnswer>, corpus: string): FileResult {
  const base = { id: row.id, expect: row.expect, producer: row.producer, ms: o.ms };
  if (o.kind === 'hung') return { ...base, outcome: 'hung' };
  if (o.kind === 'crashed') return { ...base, outcome: 'crashed', error: o.error };
  const { result: r, heapMb } = o.value;
  if (!r.ok) {
    const faults = messageFaults(r.problem.message, file);
    const refused = { code: r.problem.code, message: r.problem.message, detail: r.problem.detail, heapMb, ...(faults.length ? { messageFaults: faults } : {}) };
    return { ...base, ...refused, outcome: row.expect === 'read' ? 'refused-wrongly' : 'refused-rightly' };
  }
  if (row.expect === 'refuse') return { ...base, heapMb, outcome: 'differs', diffs: ['应拒绝读取（加密、改名的 .xls 等），却读出了内容'] };
  const judged = JUDGED.get(row.id);
  const expectedFile = path.join(corpus, 'expected', `${row.id}.json`);
  if (!existsSync(expectedFile)) {
    if (!judged?.facts) return { ...base, heapMb, outcome: 'differs', diffs: ['读出了内容，参考读取器没有读出任何单元格'] };
    const diffs = checkFacts(judged.facts, r.sheets);
    return { ...base, heapMb, outcome: diffs.length ? 'differs' : 'read-equal', judged: judged.reason, ...(diffs.length ? { diffs } : {}) };
  }
  const want = adjustExpected(row.id, JSON.parse(readFileSync(expectedFile, 'utf8')) as Expected);
  const capped = new Set(r.warnings.filter((w) => CAP_WARNINGS.has(w.code) && w.sheet !== undefined).map((w) => w.sheet!));
  const cmp = compareReading(want, r.sheets, { ...DEFAULT_LIMITS, capped });
  return {
    ...base,
    heapMb,
    outcome: cmp.equal ? 'read-equal' : 'differs',
    ...(cmp.equal ? {} : { diffs: cmp.diffs }),
    ...(cmp.beyondCap ? { beyondCap: cmp.beyondCap } : {}),
    ...(judged ? { judged: judged.reason } : {}),
  };
}

const CAP_WARNINGS = new Set(['rows-beyond-cap', 'columns-beyond-cap', 'sheet-too-many-rows']);

/** The judged cells of a file the corpus has no reference reading for. */
function checkFacts(facts: [string, number, number, ExpectedValue][], sheets: SheetGrid[]): string[] {
  const diffs: string[] = [];
  for (const [name, row, col, value] of facts) {
    const s = sheets.find((x) => x.name === name);
    const got = s?.rows[row - 1 - (s.origin?.row ?? 0)]?.[col - 1 - (s.origin?.col ?? 0)] ?? null;
    if (!sameValue(got, value, false)) diffs.push(`「${name}」第 ${row} 行第 ${col} 列: 我们 ${show(got)}，应为 ${show(value)}`);
  }
  return diffs;
}

function pad(s: string, n: number): string {
  const w = [...s].reduce((k, c) => k + (c.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  return s + ' '.repeat(Math.max(0, n - w));
}

async function main(): Promise<void> {
  const opt = args();
  if (!existsSync(path.join(opt.corpus, 'MANIFEST.tsv'))) {
    console.error(`找不到语料 ${opt.corpus}（应在项目旁的 ../shared/corpus/xlsx，或用 --corpus 指定）`);
    process.exit(2);
  }
  const rows = manifest(opt.corpus).filter((r) => !opt.only || opt.only.has(r.id));
  const jobs: ReadJob[] = rows.map((r) => ({ name: `${r.id}.xlsx`, path: path.join(opt.corpus, 'files', `${r.id}.xlsx`) }));
  const t0 = Date.now();
  let done = 0;
  const outcomes = await runPool<ReadJob, ReadAnswer>(new URL('./read-worker.ts', import.meta.url), jobs, {
    workers: opt.jobs,
    timeoutMs: opt.timeoutS * 1000,
    // A read that needs more than this is a fault in itself; it ends as a crash, not the run.
    resourceLimits: { maxOldGenerationSizeMb: 2048 },
  }, () => {
    if (process.stderr.isTTY && ++done % 20 === 0) process.stderr.write(`\r${done}/${jobs.length}`);
  });
  if (process.stderr.isTTY) process.stderr.write('\r');
  const files = rows.map((r, i) => judge(r, jobs[i].name, outcomes[i], opt.corpus));
  const seconds = (Date.now() - t0) / 1000;

  const count = (e: Expect | null, o: Outcome): number => files.filter((f) => (e === null || f.expect === e) && f.outcome === o).length;
  const expects: Expect[] = ['read', 'empty-or-refuse', 'refuse'];
  console.log(`\n一致性语料: ${rows.length} 个文件，${seconds.toFixed(1)} s（${opt.jobs} 个线程，每个文件限时 ${opt.timeoutS} s）\n`);
  const head = ['expect', '文件数', ...OUTCOMES.map(([, zh]) => zh)];
  const widths = [18, 8, ...OUTCOMES.map(() => 10)];
  console.log(head.map((h, i) => pad(h, widths[i])).join(''));
  for (const e of [...expects, null]) {
    const n = files.filter((f) => e === null || f.expect === e).length;
    console.log([e ?? '合计', String(n), ...OUTCOMES.map(([o]) => String(count(e, o)))].map((c, i) => pad(c, widths[i])).join(''));
  }
  const readFiles = files.filter((f) => f.expect === 'read').length;
  const equal = count('read', 'read-equal');
  const pct = readFiles ? (100 * equal) / readFiles : 100;
  const crashed = count(null, 'crashed');
  const hung = count(null, 'hung');
  const badMessages = files.filter((f) => f.messageFaults?.length);
  console.log(`\nexpect=read 读取一致 ${equal}/${readFiles} = ${pct.toFixed(1)}%（要求 ≥ 99%）；崩溃 ${crashed}，超时 ${hung}；拒绝提示不合格 ${badMessages.length}`);

  const problems = files.filter((f) => f.outcome !== 'read-equal' && f.outcome !== 'refused-rightly');
  for (const f of problems.slice(0, opt.show)) {
    console.log(`\n  ${f.id} [${f.expect} → ${f.outcome}] ${f.producer}${f.judged ? `（已判定: ${f.judged}）` : ''}`);
    if (f.message) console.log(`    ${f.code}: ${f.message}${f.detail ? `  〔${f.detail}〕` : ''}`);
    if (f.error) console.log(`    ${f.error}`);
    for (const d of f.diffs ?? []) console.log(`    ${d}`);
  }
  if (problems.length > opt.show) console.log(`\n  … 另有 ${problems.length - opt.show} 个，见 ${path.relative(process.cwd(), opt.out)}`);
  for (const f of badMessages.slice(0, 5)) console.log(`  提示不合格 ${f.id}: ${f.messageFaults!.join('、')} — ${f.message}`);

  const summary = {
    files: rows.length,
    seconds: +seconds.toFixed(1),
    byExpect: Object.fromEntries(expects.map((e) => [e, Object.fromEntries([['files', files.filter((f) => f.expect === e).length], ...OUTCOMES.map(([o]) => [o, count(e, o)])])])),
    readEqualPercent: +pct.toFixed(2),
    crashed,
    hung,
    badMessages: badMessages.length,
    pass: pct >= 99 && crashed === 0 && hung === 0,
  };
  const full = !opt.only;
  if (full) writeFileSync(opt.out, JSON.stringify({ when: new Date().toISOString(), node: process.version, corpus: opt.corpus, timeoutS: opt.timeoutS, summary, files }, null, 1) + '\n');
  console.log(full ? `\n写入 ${path.relative(process.cwd(), opt.out)}` : '\n（只跑了部分文件，未写 bench/conformance.json）');
  process.exitCode = summary.pass ? 0 : 1;
}

await main();
