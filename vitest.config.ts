import { defineConfig } from 'vitest/config';

// Two projects. `npm test` runs both; `npm run test:unit` runs only `unit`.
//  - unit: everything that runs in Node alone, no page build, no browser.
//  - browser: the tests that drive Debian's Chromium. They share one production
//    build of the pages, made once in their global setup (KESU_SKIP_BUILD=1
//    skips it when dist/ is already built).
const BROWSER = ['test/e2e/**/*.test.ts', 'test/io/browser.test.ts'];
const ALL = ['test/**/*.test.ts', 'test/**/*.test.tsx'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 240_000,
    pool: 'forks',
    // Both cores: vitest's default leaves one idle on a 2-core machine.
    maxWorkers: 2,
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      // isolate: false loads the module graph once per worker instead of once per
      // file: half the CPU of the unit run. So a unit test leaves no global state
      // behind (restore its spies and stubbed globals).
      { extends: true, test: { name: 'unit', include: ALL, exclude: BROWSER, isolate: false } },
      { extends: true, test: { name: 'browser', include: BROWSER, globalSetup: ['test/support/global-setup.ts'] } },
    ],
  },
});
