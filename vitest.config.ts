import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Builds dist/ when the sources are newer, for the tests that run the built CLI.
    globalSetup: ['./tests/helpers/global-setup.ts'],
    reporters: ['default', './tests/helpers/summary-reporter.ts'],
    // End-to-end tests spawn the built CLI; two cores are shared with them.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
