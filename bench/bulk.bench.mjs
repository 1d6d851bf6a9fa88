// `bulk` against a minimal mail merge (bulk-baseline.mjs: csv-parse, one compiled Handlebars
// template, one writeFile per row) on generated sheets of 10k and 100k rows, each run as a
// child process in the same session. Prints letters per second, the ratio to the baseline,
// and each child's peak RSS (from process.resourceUsage().maxRSS, printed by a preload).
// Targets: bulk >= 0.7x the baseline's throughput; bulk's RSS at 100k <= 1.3x its RSS at 10k.
// The same mail merge with bulk's safe writes (--safe-writes) runs beside them: what is left of
// the baseline's speed once each file is written as #4 requires, before any other work.
//
// Fair turns: on this kind of machine creating a file costs anywhere from 0.05 to 1 ms of
// kernel time depending on what the disk is still flushing, so each run starts after the last
// run's output is deleted and `sync` has flushed everything, the programs take turns in an
// order that rotates from round to round, and the ratio is of the medians (BENCH_BULK_ROUNDS
// rounds, default 5 at 10k rows and 1 at 100k). The CPU columns show where the time went: user
// (JavaScript, all threads) and system (the kernel, mostly creating files).
// Also printed: the live heap after a full GC at exit, which shows whether anything is kept per
// row (peak RSS also grows with V8's own, lazy sizing of the heap, as the baseline's does).
// BENCH_BULK_ROWS=2000,20000 runs other sizes. Where /dev/shm exists, a run at 10k rows in memory
// comes first (BENCH_BULK_MEMORY=0 skips it): the ratio without the disk, steady from run to run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeSheet } from './bulk-data.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const bin = join(here, '..', 'bin', 'belarus-letter.js');
const preload = pathToFileURL(join(here, 'rss-on-exit.mjs')).href;
const sizes = (process.env.BENCH_BULK_ROWS ?? '10000,100000').split(',').map(Number);
const roundsFor = (rows) => Number(process.env.BENCH_BULK_ROUNDS ?? (rows > 20_000 ? 1 : 5));
const work = mkdtempSync(join(tmpdir(), 'bl-bulk-bench-'));
const env = { ...process.env, NO_COLOR: '1', CI: '1' };

const settle = () => spawnSync('sync');

function timed(args, outDir) {
  rmSync(outDir, { recursive: true, force: true });
  settle();
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', preload, ...args], { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0) {
    console.error(`${args.join(' ')} failed (${r.status}):\n${r.stderr.slice(-2000)}`);
    process.exit(1);
  }
  const field = (name) => Number(r.stderr.match(new RegExp(`${name}=(\\d+)`))?.[1] ?? NaN);
  return {
    seconds,
    rssMb: field('BENCH_MAX_RSS_KB') / 1024,
    liveMb: field('BENCH_LIVE_HEAP_B') / 1048576,
    userS: field('BENCH_USER_US') / 1e6,
    systemS: field('BENCH_SYSTEM_US') / 1e6,
    stderr: r.stderr,
  };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const medianRun = (runs) => runs.find((r) => r.seconds === median(runs.map((x) => x.seconds))) ?? runs[0];

/**
 * Runs of the baseline, the baseline with bulk's safe writes, and bulk on one sheet, writing
 * under `dir`, in rotating order so that none always follows the same program.
 */
async function compare(rows, dir, rounds, label) {
  const sheet = join(dir, `senders-${rows}.csv`);
  await writeSheet(sheet, rows);
  const programs = [
    { key: 'base', args: (out) => [join(here, 'bulk-baseline.mjs'), sheet, out] },
    { key: 'safe', args: (out) => [join(here, 'bulk-baseline.mjs'), sheet, out, '--safe-writes'] },
    { key: 'bulk', args: (out) => [bin, 'bulk', sheet, '--out-dir', out, '--date', '2026-11-25'] },
  ];
  const runs = { base: [], safe: [], bulk: [] };
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < programs.length; i++) {
      const { key, args } = programs[(round + i) % programs.length];
      const out = join(dir, `${key}-${rows}`);
      runs[key].push(timed(args(out), out));
      rmSync(out, { recursive: true, force: true });
    }
    const last = (key) => runs[key].at(-1).seconds.toFixed(2);
    console.error(`  ${label}${rows.toLocaleString('en')} rows, round ${round + 1}: baseline ${last('base')} s, with safe writes ${last('safe')} s, bulk ${last('bulk')} s`);
  }
  rmSync(sheet, { force: true });
  const spread = (key) => `${Math.min(...runs[key].map((r) => r.seconds)).toFixed(2)} to ${Math.max(...runs[key].map((r) => r.seconds)).toFixed(2)} s`;
  const spreads = rounds > 1 ? `baseline ${spread('base')}, with safe writes ${spread('safe')}, bulk ${spread('bulk')}` : undefined;
  return { base: medianRun(runs.base), safe: medianRun(runs.safe), bulk: medianRun(runs.bulk), rounds, spreads };
}

// First, 10k rows with the files in memory (tmpfs), where creating a file costs no disk time:
// what is left is the two programs' own work, free of the disk's moods (and of the writeback the
// runs on disk leave behind, which slows whatever runs next).
let inMemory;
if (existsSync('/dev/shm') && process.env.BENCH_BULK_MEMORY !== '0') {
  const shm = mkdtempSync(join('/dev/shm', 'bl-bulk-bench-'));
  try {
    inMemory = await compare(10_000, shm, 3, 'in memory, ');
  } finally {
    rmSync(shm, { recursive: true, force: true });
  }
}

const results = [];
try {
  for (const rows of sizes) {
    const { base, safe, bulk, rounds, spreads } = await compare(rows, work, roundsFor(rows), '');
    const risk = bulk.stderr.match(/Form-letter risk: .*/)?.[0] ?? '';
    results.push({ rows, base, safe, bulk, risk, rounds, spreads });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const fmt = (n, d = 0) => n.toLocaleString('en', { maximumFractionDigits: d, minimumFractionDigits: d });
console.log('median of each size\'s rounds; CPU seconds as user+system');
console.log(
  'rows'.padStart(8),
  'baseline/s'.padStart(11),
  'bulk/s'.padStart(9),
  'ratio'.padStart(7),
  '  target       ',
  'base CPU s'.padStart(11),
  'bulk CPU s'.padStart(11),
  'base RSS MB'.padStart(12),
  'bulk RSS MB'.padStart(12),
  'bulk live heap MB'.padStart(18),
);
for (const { rows, base, bulk } of results) {
  const b = rows / base.seconds;
  const m = rows / bulk.seconds;
  const ratio = m / b;
  console.log(
    fmt(rows).padStart(8),
    fmt(b).padStart(11),
    fmt(m).padStart(9),
    `${ratio.toFixed(2)}x`.padStart(7),
    `  >= 0.7x ${ratio >= 0.7 ? 'ok' : 'MISSED'}`,
    `${fmt(base.userS, 1)}+${fmt(base.systemS, 1)}`.padStart(11),
    `${fmt(bulk.userS, 1)}+${fmt(bulk.systemS, 1)}`.padStart(11),
    fmt(base.rssMb, 1).padStart(12),
    fmt(bulk.rssMb, 1).padStart(12),
    fmt(bulk.liveMb, 1).padStart(18),
  );
}
if (results.length >= 2) {
  const [small, large] = [results[0], results[results.length - 1]];
  const growth = large.bulk.rssMb / small.bulk.rssMb;
  console.log(`bulk peak RSS at ${fmt(large.rows)} rows / at ${fmt(small.rows)} rows: ${growth.toFixed(2)}x  (target <= 1.3x ${growth <= 1.3 ? 'ok' : 'MISSED'})`);
  console.log(`baseline peak RSS at ${fmt(large.rows)} / ${fmt(small.rows)} rows: ${(large.base.rssMb / small.base.rssMb).toFixed(2)}x; bulk live heap after a full GC at exit: ${(large.bulk.liveMb / small.bulk.liveMb).toFixed(2)}x`);
}
for (const { rows, risk } of results) console.log(`${fmt(rows)} rows: ${risk}`);
/** The baseline with only bulk's file safety added: how much of the baseline those rules leave. */
const safeLine = (where, { rows, base, safe, bulk }) =>
  `${where}${fmt(rows)} rows: the baseline with bulk's safe writes (temporary name, link, unlink) makes ${fmt(rows / safe.seconds)}/s, ` +
  `${(base.seconds / safe.seconds).toFixed(2)}x the baseline, CPU s ${fmt(safe.userS, 1)}+${fmt(safe.systemS, 1)}; bulk makes ${(safe.seconds / bulk.seconds).toFixed(2)}x that`;
for (const result of results) console.log(safeLine('', result));
// On a shared disk one round can take several times another: the medians mean little without this.
for (const { rows, rounds, spreads } of results) if (spreads) console.log(`${fmt(rows)} rows, fastest to slowest of ${rounds} rounds: ${spreads}`);
if (inMemory) {
  const b = 10_000 / inMemory.base.seconds;
  const m = 10_000 / inMemory.bulk.seconds;
  console.log(
    `in memory (tmpfs, no disk), 10,000 rows, median of ${inMemory.rounds}: baseline ${fmt(b)}/s, bulk ${fmt(m)}/s, ratio ${(m / b).toFixed(2)}x; CPU s ${fmt(inMemory.base.userS, 1)}+${fmt(inMemory.base.systemS, 1)} and ${fmt(inMemory.bulk.userS, 1)}+${fmt(inMemory.bulk.systemS, 1)}`,
  );
  console.log(safeLine('in memory, ', { rows: 10_000, ...inMemory }));
  console.log(`in memory, fastest to slowest of ${inMemory.rounds} rounds: ${inMemory.spreads}`);
}
