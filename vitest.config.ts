import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'extractors/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Pipeline tests share PostgreSQL/Redis through per-file prefixes; files run in parallel.
    pool: 'forks',
  },
});
