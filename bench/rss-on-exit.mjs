// Preloaded into a benchmarked child with `node --expose-gc --import`: prints the process's
// peak resident set size and CPU time (user and system, all threads) on exit, and its live heap
// after a full collection, so the bench measures without /usr/bin/time or changes to the CLI.
process.on('exit', () => {
  globalThis.gc?.();
  const live = process.memoryUsage().heapUsed;
  const usage = process.resourceUsage();
  process.stderr.write(
    `\nBENCH_MAX_RSS_KB=${usage.maxRSS} BENCH_LIVE_HEAP_B=${live} BENCH_USER_US=${usage.userCPUTime} BENCH_SYSTEM_US=${usage.systemCPUTime}\n`,
  );
});
