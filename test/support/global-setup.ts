// Runs once before the browser tests (the `browser` project of vitest.config.ts;
// unit-only runs such as `npm run test:unit` or `npx vitest run test/owners`
// never call it): make sure Chromium is there and build the pages once (dist/),
// so each browser test only starts the local server over the same build.
// KESU_SKIP_BUILD=1 skips the build when dist/ is already fresh; the full suite never sets it.
import { execSync } from 'node:child_process';
import { ensureChromium } from './chromium';

export default function setup(): void {
  if (process.env.KESU_SKIP_BUILD === '1') return;
  ensureChromium();
  execSync('npx webpack --mode production', { stdio: 'inherit' });
}
