import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts', 'tests/postgres-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser tests each start Chromium; two cores do not gain from more workers.
    maxWorkers: 2,
    reporters: ['default', './tests/summary-reporter.ts'],
  },
});
