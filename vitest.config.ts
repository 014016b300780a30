import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts', 'tests/postgres-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser tests each start Chromium; two cores do not gain from more workers.
    maxWorkers: 2,
    // Test files share a worker's loaded modules (the spelling dictionary, the parsers, Express):
    // re-importing them for each of 150 files cost a minute of CPU on two cores. Files keep no
    // state in modules they share; each starts its own servers, stores and Chromium.
    isolate: false,
    reporters: ['default', './tests/summary-reporter.ts'],
  },
});
