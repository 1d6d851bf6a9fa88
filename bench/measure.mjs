// Shared by the benches: whole processes, runs interleaved so a noisy neighbour slows every
// case alike, medians per case. Not a bench itself (run.mjs only runs *.bench.mjs).
import { spawnSync } from 'node:child_process';

/** Median wall time in ms of each case ({ name, args } for node), by name. */
export function medians(cases, runs) {
  const times = new Map(cases.map((c) => [c.name, []]));
  const env = { ...process.env, NO_COLOR: '1', CI: '1' };
  for (const c of cases) spawnSync(process.execPath, c.args, { env }); // warm the file cache
  for (let i = 0; i < runs; i++) {
    for (const c of cases) {
      const start = process.hrtime.bigint();
      const r = spawnSync(process.execPath, c.args, { env, encoding: 'utf8' });
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (r.status !== 0) {
        console.error(`${c.name} failed: ${r.stderr}`);
        process.exit(1);
      }
      times.get(c.name).push(ms);
    }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return new Map([...times].map(([name, xs]) => [name, median(xs)]));
}
