/**
 * Ends a test run with one plain line, "N passed, N failed, N skipped", which any CI log reader
 * understands whatever runner printed the rest.
 */
import type { Reporter, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const module of testModules) {
      let failed = 0;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed++;
        else if (state === 'failed') failed++;
        else counts.skipped++;
      }
      // A file that failed outside its tests (a beforeAll, an import) counts as one failure,
      // whatever its skipped tests say.
      counts.failed += module.state() === 'failed' && failed === 0 ? 1 : failed;
    }
    process.stdout.write(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
  }
}
