// Start-up cost of the CLI as whole processes, against bare `node -e 0` measured in the same
// run. Runs are interleaved so a noisy neighbour slows every command alike; medians are shown.
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { medians } from './measure.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'belarus-letter.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 25);

const DRAFT = [
  bin,
  'draft',
  '-r',
  'uk',
  '-t',
  'mp',
  '--recipient-name',
  'Jane Smith',
  '-s',
  'maintain',
  '-n',
  'Alex Doe',
  '-c',
  'Leeds',
  '--date',
  '2026-01-10',
];
// Targets from issue 6; the other cases show what each output costs on top of a text draft.
const cases = [
  { name: 'node -e 0 (baseline)', args: ['-e', '0'] },
  { name: '--version', args: [bin, '--version'], target: 1.3 },
  { name: '--help', args: [bin, '--help'] },
  { name: 'draft (text)', args: DRAFT, target: 1.8 },
  { name: 'draft --max-chars 1500', args: [...DRAFT, '--max-chars', '1500'] },
  { name: 'draft --format eml', args: [...DRAFT, '--email', 'alex@example.org', '--format', 'eml'] },
  { name: 'draft --mailto', args: [...DRAFT, '--mailto'] },
  { name: 'draft --format pdf', args: [...DRAFT, '--format', 'pdf'] },
];

const medianOf = medians(cases, RUNS);
const base = medianOf.get(cases[0].name);
console.log(`${RUNS} runs each, interleaved; median wall time per process`);
console.log('case'.padEnd(24), 'median ms'.padStart(10), 'ratio'.padStart(8), '  target');
for (const c of cases) {
  const m = medianOf.get(c.name);
  const ratio = m / base;
  const verdict = c.target ? `  <= ${c.target}x ${ratio <= c.target ? 'ok' : 'MISSED'}` : '';
  console.log(c.name.padEnd(24), m.toFixed(1).padStart(10), `${ratio.toFixed(2)}x`.padStart(8), verdict);
}
