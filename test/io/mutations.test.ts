// Damaged copies of a real ledger (bytes overwritten at seeded random places):
// the reader never throws, and whatever it answers names the file in Chinese.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../shared/io';
import { EXAMPLE_XLSX } from '../support/paths';

const base = new Uint8Array(readFileSync(EXAMPLE_XLSX));

function mutate(seed: number): Uint8Array {
  let s = seed;
  const rnd = (): number => (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const b = base.slice();
  const n = 1 + Math.floor(rnd() * 8);
  for (let k = 0; k < n; k++) b[Math.floor(rnd() * b.length)] = Math.floor(rnd() * 256);
  return b;
}

describe('damaged copies of the example ledger', () => {
  it.each(Array.from({ length: 60 }, (_, i) => [i + 1]))('mutation %i: a result, never an exception', async (seed) => {
    const r = await readWorkbook(mutate(seed * 7919), '损坏的台账.xlsx');
    if (r.ok) {
      expect(r.sheets.length).toBeGreaterThan(0);
      for (const w of r.warnings) expect(w.message).toContain('损坏的台账.xlsx');
    } else {
      expect(r.problem.message).toContain('「损坏的台账.xlsx」');
      // exceljs's English is only ever quoted inside a Chinese sentence.
      expect(r.problem.message).toMatch(/^文件「/);
    }
  });
});
