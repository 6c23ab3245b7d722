// The material the tests read, all inside the repository so a clone alone
// passes `npm test`:
//  - the three published plans (shared/sample/seeds/, which the built-in sample
//    data is made from too; its README says where each comes from);
//  - the example ledger (test/fixtures/example/), a 锦江区 ledger laid out as
//    officials lay one out, written by scripts/make-example-ledger.ts.
// Only the conformance run reads material from outside (its own script).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SEEDS_DIR = path.join(REPO, 'shared', 'sample', 'seeds');

/** The seeds by their number: 000 锦江区 (owner brackets), 003 national 2023 work points (67-item annex), 004 綦江区 (annex owner table). */
export const SEED_FILES = {
  '000': '000-jinjiang.txt',
  '003': '003-national-2023.txt',
  '004': '004-qijiang.txt',
} as const;
export type SeedId = keyof typeof SEED_FILES;

export const seedPath = (id: SeedId): string => path.join(SEEDS_DIR, SEED_FILES[id]);
export const seedText = (id: SeedId): string => readFileSync(seedPath(id), 'utf8');

export const EXAMPLE_XLSX = path.join(REPO, 'test', 'fixtures', 'example', 'jinjiang-2023H1.xlsx');
