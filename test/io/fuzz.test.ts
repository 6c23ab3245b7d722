// Fuzzing the .docx plan import and kesu enrich with mutants of the repo's own
// fixtures (fixed seed, so every run tries the same ones): byte damage and
// truncation, and mutations that know the format — a part's XML cut,
// repeated, renamed or given huge numbers (gridSpan, rows, styles, counts),
// parts dropped, relationship targets bent, DOCTYPEs slipped in, deep
// nesting. Each mutant must end in a result, quickly, with the memory it
// took bounded, and a refusal must be a Chinese sentence naming the file
// with no library's internals in it (those go in detail). A copy enrich
// writes must open again.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { addColumnsReport, readWorkbook, type ColumnEdit, planReader } from '../../shared/io';
import { readDocx } from '../../shared/io/docx';
import { readPlanFile } from '../../shared/plan/read';
import { PRODUCERS } from '../../scripts/make-producer-fixtures';
import { bigLedgerXlsx, rng } from '../../scripts/big-ledger';
import { fakeIO } from '../cli/fake-io';
import { buildDocx } from '../plan/docx';

/** Words that only a library's own error text has (fflate, JSZip, xmldom, mammoth, exceljs, V8). */
const INTERNALS = /Cannot read|undefined|is not a function|TypeError|RangeError|SyntaxError|Maximum call stack|invalid (distance|block|length|code|zip|signature)|unexpected EOF|end of central|central directory|JSZip|Bug :|xmldom|\bsax\b|exceljs|fflate|out of bounds|Unexpected|ENOENT|stack/i;

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const int = (r: Rand, n: number): number => Math.floor(r() * n);

// ---- mutations of the bytes ----
const flip = (r: Rand, b: Uint8Array): Uint8Array => {
  const out = b.slice();
  for (let k = 1 + int(r, 12); k > 0; k--) out[int(r, out.length)] = int(r, 256);
  return out;
};
const truncate = (r: Rand, b: Uint8Array): Uint8Array => b.slice(0, int(r, b.length));
/** A field of the zip's central directory or a local header (sizes, offsets, method, flags) set to an odd value. */
const zipHeader = (r: Rand, b: Uint8Array): Uint8Array => {
  const out = b.slice();
  const sigs: number[] = [];
  for (let i = 0; i + 4 < out.length; i++) if (out[i] === 0x50 && out[i + 1] === 0x4b && (out[i + 2] === 1 || out[i + 2] === 3 || out[i + 2] === 5)) sigs.push(i);
  const at = pick(r, sigs) + pick(r, [6, 8, 10, 14, 18, 20, 22, 24, 26, 28, 30, 42]);
  const v = pick(r, [0, 1, 0xff, 0xffff, 0xffffffff, 0x7fffffff, int(r, 1 << 30)]);
  for (let k = 0; k < 4 && at + k < out.length; k++) out[at + k] = (v >>> (8 * k)) & 0xff;
  return out;
};

// ---- mutations of one XML part ----
type XmlMutation = (r: Rand, xml: string) => string;
const cut: XmlMutation = (r, x) => {
  const a = int(r, x.length);
  return x.slice(0, a) + x.slice(a + 1 + int(r, 200));
};
const repeat: XmlMutation = (r, x) => {
  const tags = [...x.matchAll(/<([\w:]+)\b[^>]*>[^<]*<\/\1>|<[\w:]+\b[^>]*\/>/g)];
  if (!tags.length) return x;
  const m = pick(r, tags);
  return x.slice(0, m.index) + m[0].repeat(2 + int(r, 2000)) + x.slice(m.index);
};
const rename: XmlMutation = (r, x) => {
  const names = ['c', 'row', 'v', 'f', 'si', 't', 'xf', 'sheetData', 'p', 'tbl', 'tr', 'tc', 'r', 'Relationship', 'comment', 'is', 'dimension'];
  const from = pick(r, names);
  const to = pick(r, names);
  return x.replace(new RegExp(`<(/?)((?:\\w+:)?)${from}\\b`, 'g'), (m, slash: string, p: string) => (r() < 0.3 ? `<${slash}${p}${to}` : m));
};
const hugeNumber: XmlMutation = (r, x) => {
  const big = pick(r, ['99999999', '-1', '1048577', '4294967296', '1e308', 'NaN', '', 'XFD1048576', 'A0', '0']);
  return x.replace(/\b(r|s|val|count|uniqueCount|ref|sqref|spans|min|max|fontId|numFmtId|authorId|w:val|xfId|ht)="[^"]*"/g, (m, name: string) => (r() < 0.15 ? `${name}="${big}"` : m));
};
const deepen: XmlMutation = (r, x) => {
  const at = x.indexOf('>', x.indexOf('<', 60)) + 1;
  const tag = pick(r, ['w:tbl><w:tr><w:tc', 'w:sdt><w:sdtContent', 'x', 'c', 'is', 'r']);
  const n = 50 + int(r, 3000);
  const open = `<${tag}>`.repeat(n);
  const close = tag
    .split('><')
    .reverse()
    .map((t) => `</${t}>`)
    .join('')
    .repeat(n);
  return x.slice(0, at) + open + close + x.slice(at);
};
const doctype: XmlMutation = (_r, x) => x.replace(/^(<\?xml[^>]*\?>)?/, '$1<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>');
const bendTarget: XmlMutation = (r, x) => x.replace(/Target="([^"]*)"/g, (m, t: string) => (r() < 0.4 ? `Target="${pick(r, ['/' + t.replace(/^\/|^\.\.\//, 'xl/'), '../../' + t, 'missing.xml', '', t.toUpperCase(), 'http://evil.example/x'])}"` : m));
const XML_MUTATIONS = [cut, repeat, rename, hugeNumber, deepen, doctype, bendTarget];

/** A zip-aware mutant: one part's XML changed, or a part dropped, then zipped again. */
function partMutant(r: Rand, bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  const names = Object.keys(files);
  if (r() < 0.15) {
    delete files[pick(r, names)];
    return zipSync(files);
  }
  const xmlNames = names.filter((n) => /\.(xml|rels|vml)$/.test(n));
  const name = pick(r, xmlNames);
  const m = pick(r, XML_MUTATIONS);
  files[name] = strToU8(m(r, strFromU8(files[name]!)));
  return zipSync(files);
}

function mutant(r: Rand, bytes: Uint8Array): { how: string; bytes: Uint8Array } {
  const k = r();
  if (k < 0.15) return { how: 'flip', bytes: flip(r, bytes) };
  if (k < 0.25) return { how: 'truncate', bytes: truncate(r, bytes) };
  if (k < 0.35) return { how: 'zip-header', bytes: zipHeader(r, bytes) };
  return { how: 'part', bytes: partMutant(r, bytes) };
}

function expectGoodRefusal(message: string, file: string, what: string): void {
  expect(message, what).toContain(file);
  expect(message, what).toMatch(/[\u4e00-\u9fff]/);
  expect(message, what).not.toMatch(INTERNALS);
}

const HEAP_CAP_MB = 1_500;
const heapMb = (): number => (process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers) / 2 ** 20;

describe('fuzz: .docx plan import', () => {
  const plan = buildDocx([
    { p: '某区全民科学素质行动实施方案（2021—2025年）' },
    { p: '一、提升行动', list: 0 },
    { p: '实施青少年科学素质提升行动', list: 1 },
    { p: '开展科技活动。每年开展科普活动不少于50场。（牵头单位：区教育局、区科协）', list: 2 },
    { table: [['类别', '任务', '牵头单位'], ['青少年', '开展科技活动', '区教育局'], ['', '培育后备人才', '区科协']], mergeDown: [0] },
    { p: '二、保障措施' },
  ]);
  it('300 mutants: each a result within a second or two, bounded memory, and a clean Chinese refusal', async () => {
    const r = rng(20240701);
    let slowest = 0;
    let peak = 0;
    const outcomes = new Map<string, number>();
    for (let i = 0; i < 300; i++) {
      const { how, bytes } = mutant(r, plan);
      const file = `方案-${i}.docx`;
      const t0 = performance.now();
      const read = await readPlanFile(bytes, file, planReader);
      const ms = performance.now() - t0;
      slowest = Math.max(slowest, ms);
      peak = Math.max(peak, heapMb());
      expect(ms, `${file} (${how})`).toBeLessThan(5_000);
      if (!read.ok) expectGoodRefusal(read.problem.message, file, `${file} (${how}): ${read.problem.message}`);
      outcomes.set(read.ok ? 'read' : read.problem.code, (outcomes.get(read.ok ? 'read' : read.problem.code) ?? 0) + 1);
    }
    expect(peak).toBeLessThan(HEAP_CAP_MB);
    // the mutants reach more than one refusal, and some still read
    expect(outcomes.size).toBeGreaterThan(3);
    expect(outcomes.get('read') ?? 0).toBeGreaterThan(0);
    // readDocx directly too (the add-in's path), on a few byte-level mutants
    for (let i = 0; i < 20; i++) {
      const res = await readDocx(flip(r, plan), 'x.docx');
      if (!res.ok) expectGoodRefusal(res.problem.message, 'x.docx', res.problem.message);
    }
  }, 120_000);
});

describe('fuzz: kesu enrich', () => {
  const dir = path.resolve(import.meta.dirname, '../fixtures/producers');
  const sources = [...Object.keys(PRODUCERS).map((n) => new Uint8Array(readFileSync(path.join(dir, n)))), bigLedgerXlsx(40)];

  // The whole command: read, check, write. A refusal by the reader ("无法读取")
  // is the reader's wording, which its own fuzz test holds to the same rule;
  // here it must name the file in Chinese. Enrich's own ("无法补全") must also
  // carry no library internals.
  it('300 mutants through the command: a copy that opens, or a Chinese refusal naming the file', async () => {
    const r = rng(12);
    const bad: string[] = [];
    let peak = 0;
    const outcomes = new Map<string, number>();
    for (let i = 0; i < 300; i++) {
      const { how, bytes } = mutant(r, pick(r, sources));
      const file = `台账-${i}.xlsx`;
      const io = fakeIO({ [file]: bytes });
      const t0 = performance.now();
      const code = await main(['enrich', file, '-o', 'out.xlsx', '--as-of', '2024-06-30'], io);
      const ms = performance.now() - t0;
      peak = Math.max(peak, heapMb());
      const what = `${file} (${how}) → ${code}: ${io.stderr.slice(0, 300)}`;
      if (ms > 10_000 || (code !== 0 && code !== 1)) bad.push(`${what} (${Math.round(ms)} ms)`);
      if (code === 0) {
        const copy = await readWorkbook(io.files.get('out.xlsx') as Uint8Array, 'out.xlsx');
        if (!copy.ok) bad.push(`${what}: the copy does not open: ${copy.problem.message}`);
      } else {
        const lines = io.stderr.trim().split('\n').filter((l) => l.startsWith('无法'));
        if (!lines.length) bad.push(`${what}: no refusal said`);
        for (const line of lines) {
          if (!line.includes(file) || !/[\u4e00-\u9fff]{4}/.test(line)) bad.push(what);
          if (line.startsWith('无法补全') && INTERNALS.test(line)) bad.push(what);
        }
      }
      outcomes.set(code === 0 ? 'written' : 'refused', (outcomes.get(code === 0 ? 'written' : 'refused') ?? 0) + 1);
    }
    expect(bad.join('\n')).toBe('');
    expect(peak).toBeLessThan(HEAP_CAP_MB);
    expect(outcomes.get('written') ?? 0).toBeGreaterThan(20);
    expect(outcomes.get('refused') ?? 0).toBeGreaterThan(20);
  }, 180_000);

  // The writer alone, handed damaged bytes with the edits of the intact file
  // (as if the file changed between reading and writing): a result every
  // time; its own refusals (columns-*) clean, their cause kept in detail.
  it('200 mutants straight into the writer: a copy that opens, or a problem; never an exception', async () => {
    const r = rng(99);
    const bad: string[] = [];
    const codes = new Map<string, number>();
    const edit = (rows: number): ColumnEdit => ({
      sheet: '任务台账',
      headerRow: 3,
      startCol: 10,
      headers: ['规范牵头单位', '状态', '完成率'],
      rows: Array.from({ length: rows }, (_, k) => ({ row: k + 4, values: ['某区科协', k % 2 ? '正常' : '=滞后', k / 100] })),
    });
    for (let i = 0; i < 200; i++) {
      const { how, bytes } = mutant(r, pick(r, sources));
      const file = `副本-${i}.xlsx`;
      const res = await addColumnsReport(bytes, [edit(17)], file);
      if (res.ok) {
        const copy = await readWorkbook(res.bytes, file);
        if (!copy.ok) bad.push(`${file} (${how}): the copy does not open: ${copy.problem.message}`);
      } else {
        codes.set(res.problem.code, (codes.get(res.problem.code) ?? 0) + 1);
        if (!res.problem.message.includes(file)) bad.push(`${file} (${how}): ${res.problem.message}`);
        if (res.problem.code.startsWith('columns-') && INTERNALS.test(res.problem.message)) bad.push(`${file} (${how}): ${res.problem.message}`);
        if (res.problem.code === 'columns-failed' && !res.problem.detail) bad.push(`${file} (${how}): no detail`);
      }
    }
    expect(bad.join('\n')).toBe('');
    expect(codes.size).toBeGreaterThan(2);
  }, 120_000);
});
