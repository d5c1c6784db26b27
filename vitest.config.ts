import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Each file builds its own databases; two cores run two files at a time.
    maxWorkers: 2,
    reporters: ['default'],
  },
});
