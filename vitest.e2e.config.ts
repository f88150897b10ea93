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
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
