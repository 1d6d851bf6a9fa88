// Preloaded into a benchmarked child with `node --expose-gc --import`: prints the process's
// peak resident set size on exit, and its live heap after a full collection, so the bench
// measures memory without /usr/bin/time or changes to the CLI.
process.on('exit', () => {
  globalThis.gc?.();
  const live = process.memoryUsage().heapUsed;
  process.stderr.write(`\nBENCH_MAX_RSS_KB=${process.resourceUsage().maxRSS} BENCH_LIVE_HEAP_B=${live}\n`);
});
