import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', './test/helpers/summary-reporter.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Serial pty pairs, SQLite files and Chromium are real: keep parallelism modest on 2 cores.
    pool: 'forks',
    maxWorkers: 2,
  },
});
