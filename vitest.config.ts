import { defineConfig } from 'vitest/config';

/**
 * Files that replace modules (vi.mock) or globals (vi.stubGlobal): each needs fresh modules of
 * its own. A test that needs a module as first loaded imports a fresh instance of it instead
 * (bulk-safe-name.test.ts), and stays with the others.
 */
const NEEDS_FRESH_MODULES = ['tests/unit/fs-injected-errors.test.ts', 'tests/unit/officials-cli.test.ts', 'tests/unit/check-links.test.ts'];

export default defineConfig({
  test: {
    // Builds dist/ when the sources are newer, for the tests that run the built CLI.
    globalSetup: ['./tests/helpers/global-setup.ts'],
    // Messages reach process.stderr, where tests capture them, rather than fd 2.
    setupFiles: ['./tests/helpers/stderr-stream.ts'],
    reporters: ['default', './tests/helpers/summary-reporter.ts'],
    // Child processes, not threads: tests/helpers/main.ts runs commands in their folder with
    // process.chdir, which worker threads cannot do.
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: one file at a time on two cores.
    // Most files are in-process work, so two workers keep both cores busy.
    maxWorkers: 2,
    // A spawned CLI or a pseudo-terminal on two shared cores can be slow; these are safety nets.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        // The in-process tests share their workers' loaded modules (src/, the built-in pack)
        // from file to file instead of loading them again for each: most of their time.
        // runMain puts back what it changes (folder, environment, stdin, stdout).
        extends: true,
        test: { name: 'in-process', include: ['tests/unit/**/*.test.ts', 'tests/cli/**/*.test.ts'], exclude: NEEDS_FRESH_MODULES, isolate: false },
      },
      {
        extends: true,
        test: { name: 'isolated', include: NEEDS_FRESH_MODULES, isolate: true },
      },
      {
        // The spawned tests change nothing in their own process (each child gets its own folder
        // and environment), so they share workers too rather than each starting a fresh one.
        extends: true,
        test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], isolate: false },
      },
    ],
  },
});
