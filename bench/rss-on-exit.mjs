// Preloaded into a benchmarked child with `node --import`: prints the process's peak resident
// set size on exit, so the bench measures memory without /usr/bin/time or changes to the CLI.
process.on('exit', () => {
  process.stderr.write(`\nBENCH_MAX_RSS_KB=${process.resourceUsage().maxRSS}\n`);
});
