import { defineConfig } from 'vitest/config';

/** Whole user journeys: the real server in process, the built web app, Debian's Chromium. */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    // The walk of every page as every role and axe over them check the web app, not the database: they run on the
    // embedded engine (`npm test`) and are left out of the PostgreSQL pass, where they would repeat ~5 minutes.
    exclude: process.env.DATABASE_URL ? ['e2e/accessibility.e2e.ts', 'e2e/pages-by-role.e2e.ts'] : [],
    globalSetup: ['src/test/global-setup.ts', 'e2e/support/build-web.ts'],
    pool: 'forks',
    // Two journeys at a time: each spends much of its time waiting on the browser, and CI has 2 cores.
    maxWorkers: 2,
    // A page's answer may take seconds on a loaded 2-core machine: expect.poll waits up to 15 s, not 1 s (a
    // journey's poll failed in CI after 1 s while the registry's first page was still on its way).
    expect: { poll: { timeout: 15_000 } },
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
