// scripts/perf-doc.ts: docs/performance.md is made from bench/results.json,
// whatever keys a bench writes today.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DOC_PATH, formatFigure, perfDoc, RESULTS_PATH, SECTIONS, type Results } from '../../scripts/perf-doc';

const rowOf = (doc: string, key: string): string | undefined => doc.split('\n').find((l) => l.endsWith(`| \`${key}\` |`));

describe('perfDoc', () => {
  it('shows a known key with its label, figure and goal, under its bench', () => {
    const doc = perfDoc({ 'validate.rows_per_s': 289760.4, 'meta.validate_when': '2026-12-01T10:20:30.000Z', 'meta.validate_load': 1.234 });
    expect(rowOf(doc, 'validate.rows_per_s')).toBe('| rows per second (wall clock) | 289,760 | ≥ 100,000 | `validate.rows_per_s` |');
    expect(doc).toContain('## Validate and enrich (`npm run bench -- validate`)');
    expect(doc).toContain('Measured 2026-12-01 10:20 UTC, load average 1.2 when it started.');
  });

  it('leaves out the benches that have no figures yet, and says so when none has', () => {
    const doc = perfDoc({ 'merge.files_per_s': 312 });
    expect(doc).toContain('## Merging ledgers');
    for (const s of SECTIONS.filter((x) => x.bench !== 'merge')) expect(doc).not.toContain(`## ${s.title} (`);
    expect(perfDoc({})).toContain('No figures yet: run `npm run bench`.');
    expect(doc).not.toContain('No figures yet');
  });

  it('lists a key no label knows, raw, under Other figures', () => {
    const doc = perfDoc({ 'lookup.enum_top1': 0.37981, 'newbench.speed': 'fast' });
    expect(doc).toContain('## Other figures');
    expect(doc).toContain('| `lookup.enum_top1` | 0.37981 |');
    expect(doc).toContain('| `newbench.speed` | fast |');
  });

  it.each<[string, Results, string, string]>([
    ['the old name alone', { 'read.exceljs_s': 0.8 }, 'read.exceljs_s', '0.80 s'],
    ['a newer name wins over the older ones', { 'read.fast_s': 1.04, 'read.exceljs_s': 1.04 }, 'read.fast_s', '1.04 s'],
    ['the newest name', { 'read.ours_s': 0.9, 'read.fast_s': 1.1 }, 'read.ours_s', '0.90 s'],
    ['the name the bench writes today', { 'read.direct_s': 0.97, 'read.ours_s': 0.9, 'read.fast_s': 1.1 }, 'read.direct_s', '0.97 s'],
  ])('one figure under several names: %s', (_n, results, shown, figure) => {
    const doc = perfDoc(results);
    expect(rowOf(doc, shown)).toContain(`| ${figure} |`);
    expect(doc.match(/our reader \(what ships\)/g)).toHaveLength(1);
    expect(doc).not.toContain('## Other figures');
  });

  it.each<[number | string | number[], Parameters<typeof formatFigure>[1], string]>([
    [81772.4, 'int', '81,772'],
    [0.9725, 'percent', '97.3 %'],
    [2.7, 's', '2.70 s'],
    [12.34, 's', '12.3 s'],
    [4.56, 'ms', '4.6 ms'],
    [145.2, 'ms', '145 ms'],
    [356.6, 'mb', '357 MB'],
    [2499740, 'bytes', '2,499,740 bytes (2.38 MB)'],
    [396, 'bytes', '396 bytes'],
    [592.6, 'x', '592.6 ×'],
    [[2.71, 2.9], 's', '2.71 s, 2.90 s'],
    ['reference only', 'text', 'reference only'],
  ])('formats %s as %s → %s', (v, format, want) => {
    expect(formatFigure(v, format)).toBe(want);
  });

  it('the committed page is what the committed results give', () => {
    const results = JSON.parse(readFileSync(RESULTS_PATH, 'utf8')) as Results;
    expect(readFileSync(DOC_PATH, 'utf8')).toBe(perfDoc(results));
  });
});
