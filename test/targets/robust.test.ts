// Random prose built from the seeds and from number-like debris: nothing
// throws, and every result keeps its invariants (offsets point at the phrase,
// values are finite, labels are the document's own words). Deterministic: a
// fixed-seed generator, no timing.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classify } from '../../shared/classify';
import { POPULATIONS, PROJECTS } from '../../shared/model';
import { parseDeadline, parseNumber, parseTargets } from '../../shared/targets';
import { SEEDS_DIR } from '../support/paths';

const SEEDS = SEEDS_DIR;
const corpus = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(`${SEEDS}/${f}`, 'utf8'))
  .join('\n');

const DEBRIS = [
  '不少于', '超过', '力争达到', '以上', '以内', '每年', '到2025年', '2025年底前', '“十四五”末', '十三五末', '年底',
  '第', '届', '“', '”', '《', '》', '〔', '〕', '(', ')', '，', ',', '。', '、', '\n', '%', '％', '万', '亿', '千', '百', '十',
  '零', '一', '二', '两', '三', '九', '0', '1', '5', '9', '.', '．', '０', '５', '人次', '场', '所', '个', '名', '项', '元',
  '个百分点', '全覆盖', '比2017年的', '了', '3+2', '5G', '青少年', '老年人', '城市居民', '科普信息化工程', '实施', '行动', '工程',
  '\u0000', '\uFFFD', ' ', '\t',
];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function makeCases(n: number): string[] {
  const rand = rng(20231);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const parts: string[] = [];
    const pieces = 1 + Math.floor(rand() * 12);
    for (let p = 0; p < pieces; p++) {
      if (rand() < 0.5) {
        const at = Math.floor(rand() * corpus.length);
        parts.push(corpus.slice(at, at + Math.floor(rand() * 60)));
      } else parts.push(DEBRIS[Math.floor(rand() * DEBRIS.length)]);
    }
    out.push(parts.join(''));
  }
  return out;
}

const CASES = makeCases(4000);
const COMPARATORS = new Set(['>=', '>', '=', '<=']);

describe('random prose', () => {
  it('parseTargets keeps its invariants', () => {
    let found = 0;
    for (const text of CASES) {
      const ts = parseTargets(text);
      let lastStart = -1;
      for (const t of ts) {
        found++;
        expect(Number.isFinite(t.value)).toBe(true);
        // Only a cell that is nothing but a number gives a target without a unit.
        if (t.unit === '') expect(t.text).toBe(text.trim());
        expect(COMPARATORS.has(t.comparator)).toBe(true);
        if (t.stretch !== null) expect(Number.isFinite(t.stretch)).toBe(true);
        if (t.year !== null) expect(t.year >= 1949 && t.year <= 2100 && Number.isInteger(t.year)).toBe(true);
        expect([null, 'annual']).toContain(t.recurrence);
        expect(t.text.length).toBeGreaterThan(0);
        expect(text.slice(t.start!, t.start! + t.text.length)).toBe(t.text);
        expect(t.start!).toBeGreaterThanOrEqual(lastStart);
        lastStart = t.start!;
      }
    }
    // The generator does produce targets, so the loop above checked something.
    expect(found).toBeGreaterThan(200);
  });

  it('classify returns canonical names and the document’s own words', () => {
    let labelled = 0;
    for (let i = 0; i + 2 < CASES.length; i += 3) {
      const parts = { category: CASES[i].slice(0, 40), title: CASES[i + 1].slice(0, 40), content: CASES[i + 2] };
      const got = classify(parts);
      const all = `${parts.category}\n${parts.title}\n${parts.content}`;
      if (got.population) {
        labelled++;
        expect(POPULATIONS as readonly string[]).toContain(got.population.canonical);
        expect(all).toContain(got.population.label);
      }
      if (got.project) {
        labelled++;
        expect(PROJECTS as readonly string[]).toContain(got.project.canonical);
        expect(all).toContain(got.project.label);
      }
    }
    expect(labelled).toBeGreaterThan(20);
  });

  it('parseNumber and parseDeadline never throw and stay in range', () => {
    for (const text of CASES) {
      const n = parseNumber(text.slice(0, 12));
      if (n !== null) expect(Number.isFinite(n)).toBe(true);
      const d = parseDeadline(text);
      if (d.year !== null) expect(d.year >= 1949 && d.year <= 2100).toBe(true);
    }
  });
});
