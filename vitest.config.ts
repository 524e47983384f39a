import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'extractors/**/*.test.ts', 'src/**/*.test.ts'],
    // Builds dist/ (what `node bin/baocao.js` runs) from the sources under test.
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Pipeline tests share PostgreSQL/Redis through per-file prefixes; files run in parallel.
    pool: 'forks',
  },
});
