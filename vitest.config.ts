import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Builds dist/ when the sources are newer, for the tests that run the built CLI.
    globalSetup: ['./tests/helpers/global-setup.ts'],
    reporters: ['default', './tests/helpers/summary-reporter.ts'],
    // Child processes, not threads: tests/helpers/main.ts runs commands in their folder with
    // process.chdir, which worker threads cannot do.
    pool: 'forks',
    // Each file gets fresh modules: several replace node:fs or the stdout writer with vi.mock,
    // and commands keep a little state between runs (a loaded pack, a warning given once).
    isolate: true,
    // Vitest's default is one worker fewer than the cores: one file at a time on two cores.
    // Most files are in-process work, so two workers keep both cores busy.
    maxWorkers: 2,
    // A spawned CLI or a pseudo-terminal on two shared cores can be slow; these are safety nets.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
