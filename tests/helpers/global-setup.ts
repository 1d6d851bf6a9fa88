/**
 * End-to-end tests run the built CLI in dist/. Build it first whenever the sources are newer
 * than the build, so a bare `vitest` after editing src/ never tests a stale dist/.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const INPUTS = ['src', 'templates', 'scripts', 'package.json'];

function newest(path: string): number {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

export function buildIsStale(root = ROOT): boolean {
  const built = statSync(join(root, 'dist', 'cli.js'), { throwIfNoEntry: false });
  if (!built) return true;
  return INPUTS.some((input) => newest(join(root, input)) > built.mtimeMs);
}

export default function setup(): void {
  if (!buildIsStale()) return;
  console.log('dist/ is older than the sources: building it first (npm run build)');
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
}
