// Runs once before the suite: make sure Chromium is there and build the pages
// once (dist/), so each browser test only starts the local server over the
// same build. KESU_SKIP_BUILD=1 skips the build when only unit tests are run
// (e.g. `KESU_SKIP_BUILD=1 npx vitest run test/owners`); the full suite never sets it.
import { execSync } from 'node:child_process';
import { ensureChromium } from './chromium';

export default function setup(): void {
  if (process.env.KESU_SKIP_BUILD === '1') return;
  ensureChromium();
  execSync('npx webpack --mode production', { stdio: 'inherit' });
}
