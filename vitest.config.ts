import { defineConfig } from 'vitest/config';

// One config for the whole suite. Browser tests (test/e2e) share a single
// production build of the pages, made once in the global setup.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    pool: 'forks',
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});
