import { defineConfig } from 'vitest/config';

/** Whole user journeys: the real server in process, the built web app, Debian's Chromium. */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['src/test/global-setup.ts', 'e2e/support/build-web.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
