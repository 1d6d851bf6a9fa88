// The cost of a user's template pack: loading and checking it (every variable, partial and
// fact, plus the one-page render over every request it serves) on top of a built-in draft.
// Ratios are to `draft` with the built-in pack, measured interleaved in the same run.
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { medians } from './measure.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'belarus-letter.js');
const pack = join(root, 'examples', 'postcard');
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const draft = ['draft', '-r', 'uk', '-t', 'mp', '--recipient-name', 'Jane Smith', '-s', 'maintain', '-n', 'Alex Doe', '-c', 'Leeds', '--date', '2026-01-10'];

const cases = [
  { name: 'draft, built-in (baseline)', args: [bin, ...draft] },
  { name: 'draft --templates postcard', args: [bin, '--templates', pack, ...draft, '--template', 'postcard'] },
  { name: 'templates validate postcard', args: [bin, 'templates', 'validate', pack] },
  { name: 'templates list', args: [bin, 'templates', 'list'] },
];

const m = medians(cases, RUNS);
const base = m.get(cases[0].name);
console.log(`${RUNS} runs each, interleaved; median wall time per process`);
console.log('case'.padEnd(30), 'median ms'.padStart(10), 'ratio'.padStart(8));
for (const c of cases) {
  const ms = m.get(c.name);
  console.log(c.name.padEnd(30), ms.toFixed(1).padStart(10), `${(ms / base).toFixed(2)}x`.padStart(8));
}
