import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    reporters: ['default', './tests/helpers/summary-reporter.ts'],
    // End-to-end tests spawn the built CLI; two cores are shared with them.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
