// Where the reference material lives: `../shared/` beside the project's root
// (the seeds and the example ledger; CI clones the repo with it beside), or
// KESU_REFERENCE when it sits elsewhere.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const REFERENCE = process.env.KESU_REFERENCE ?? path.resolve(REPO, '../shared');
export const SEEDS_DIR = path.join(REFERENCE, 'seeds');
export const EXAMPLE_XLSX = path.join(REFERENCE, 'examples', 'jinjiang-2023H1.xlsx');

if (!existsSync(SEEDS_DIR)) {
  throw new Error(`找不到参考资料 ${REFERENCE}(应在项目旁的 ../shared/,或用 KESU_REFERENCE 指定)`);
}
