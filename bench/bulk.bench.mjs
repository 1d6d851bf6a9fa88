// `bulk` against a fair mail merge (bulk-baseline.mjs: csv-parse, one compiled Handlebars
// template of a letter of about 350 words, one writeFileSync per row), each run end to end as a
// child process, process start included, in the same session. Prints letters per second, the
// ratio to the baseline, and each child's peak RSS (from process.resourceUsage().maxRSS,
// printed by a preload). Targets: bulk >= 0.7x the baseline's throughput at 10k rows written to
// disk; bulk's peak RSS at 100k rows <= 1.3x its peak RSS at 10k.
//
// Fair turns: creating a file on a shared disk costs anywhere from 0.05 to 1 ms of kernel time
// depending on what the disk is still flushing, so each run starts after the last run's output
// is deleted and `sync` has flushed everything, the programs take turns in an order that rotates
// from round to round, and the ratio is of the medians (BENCH_BULK_ROUNDS, default 3).
// The 100k run measures memory, not speed: it runs once, in memory (tmpfs) where there is one,
// so that it takes seconds rather than minutes. BENCH_BULK_SAFE=1 adds the baseline with bulk's
// safe writes (temporary name, link, unlink): what the file rules alone cost.
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
const roundsFor = (rows) => (rows > 20_000 ? 1 : Number(process.env.BENCH_BULK_ROUNDS ?? 3));
const withSafe = process.env.BENCH_BULK_SAFE === '1';
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
    ...(withSafe ? [{ key: 'safe', args: (out) => [join(here, 'bulk-baseline.mjs'), sheet, out, '--safe-writes'] }] : []),
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
    const last = (key) => runs[key].at(-1)?.seconds.toFixed(2);
    console.error(
      `  ${label}${rows.toLocaleString('en')} rows, round ${round + 1}: baseline ${last('base')} s,${withSafe ? ` with safe writes ${last('safe')} s,` : ''} bulk ${last('bulk')} s`,
    );
  }
  rmSync(sheet, { force: true });
  const spread = (key) => `${Math.min(...runs[key].map((r) => r.seconds)).toFixed(2)} to ${Math.max(...runs[key].map((r) => r.seconds)).toFixed(2)} s`;
  const spreads = rounds > 1 ? `baseline ${spread('base')},${withSafe ? ` with safe writes ${spread('safe')},` : ''} bulk ${spread('bulk')}` : undefined;
  return { base: medianRun(runs.base), safe: withSafe ? medianRun(runs.safe) : undefined, bulk: medianRun(runs.bulk), rounds, spreads };
}

const shm = existsSync('/dev/shm') ? mkdtempSync(join('/dev/shm', 'bl-bulk-bench-')) : undefined;
const results = [];
try {
  for (const rows of sizes) {
    const inMemory = rows > 20_000 && shm !== undefined;
    const { base, safe, bulk, rounds, spreads } = await compare(rows, inMemory ? shm : work, roundsFor(rows), inMemory ? 'in memory, ' : 'on disk, ');
    const risk = bulk.stderr.match(/Form-letter risk: .*/)?.[0] ?? '';
    results.push({ rows, base, safe, bulk, risk, rounds, spreads, inMemory });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
  if (shm) rmSync(shm, { recursive: true, force: true });
}

const fmt = (n, d = 0) => n.toLocaleString('en', { maximumFractionDigits: d, minimumFractionDigits: d });
console.log("median of each size's rounds; CPU seconds as user+system");
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
for (const { rows, base, bulk, inMemory } of results) {
  const b = rows / base.seconds;
  const m = rows / bulk.seconds;
  const ratio = m / b;
  console.log(
    fmt(rows).padStart(8),
    fmt(b).padStart(11),
    fmt(m).padStart(9),
    `${ratio.toFixed(2)}x`.padStart(7),
    inMemory ? '  (in memory)  ' : `  >= 0.7x ${ratio >= 0.7 ? 'ok' : 'MISSED'}`,
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
  console.log(
    `bulk peak RSS at ${fmt(large.rows)} rows / at ${fmt(small.rows)} rows: ${fmt(large.bulk.rssMb, 1)} / ${fmt(small.bulk.rssMb, 1)} MB = ${growth.toFixed(2)}x  (target <= 1.3x ${growth <= 1.3 ? 'ok' : 'MISSED'})`,
  );
  // Past MAX_INDEXED letters an office is kept apart from its first letters only: say so beside the figure.
  const capped = large.bulk.stderr.match(/\d+ of \d+ offices? had more than [\d,]+ letters/)?.[0];
  if (capped) console.log(`  at ${fmt(large.rows)} rows ${capped} (the office index's cap)`);
  console.log(
    `baseline peak RSS at ${fmt(large.rows)} / ${fmt(small.rows)} rows: ${(large.base.rssMb / small.base.rssMb).toFixed(2)}x; bulk live heap after a full GC at exit (the run's data already released, so not its live data): ${(large.bulk.liveMb / small.bulk.liveMb).toFixed(2)}x`,
  );
}
for (const { rows, risk } of results) console.log(`${fmt(rows)} rows: ${risk}`);
/** The baseline with only bulk's file safety added: how much of the baseline those rules leave. */
const safeLine = ({ rows, base, safe, bulk }) =>
  `${fmt(rows)} rows: the baseline with bulk's safe writes (temporary name, link, unlink) makes ${fmt(rows / safe.seconds)}/s, ` +
  `${(base.seconds / safe.seconds).toFixed(2)}x the baseline, CPU s ${fmt(safe.userS, 1)}+${fmt(safe.systemS, 1)}; bulk makes ${(safe.seconds / bulk.seconds).toFixed(2)}x that`;
for (const result of results) if (result.safe) console.log(safeLine(result));
// On a shared disk one round can take several times another: the medians mean little without this.
for (const { rows, rounds, spreads } of results) if (spreads) console.log(`${fmt(rows)} rows, fastest to slowest of ${rounds} rounds: ${spreads}`);
