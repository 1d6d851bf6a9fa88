/**
 * `mkdir -p` that always ends. Node's own recursive mkdir retries for ever when a parent exists
 * but the folder still cannot be made there and the system says ENOENT (anywhere under /proc,
 * a stale mount): `--out-dir /proc/x` spun at full CPU. Here each level is tried at most twice.
 */
import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { errnoCode } from './fs-errors.js';

export function makeFolder(path: string): void {
  const full = resolve(path);
  if (tryMake(full) !== 'ENOENT') return;
  const parent = dirname(full);
  if (parent !== full) makeFolder(parent);
  // The parent is there now; a second ENOENT is the answer, not a reason to go round again.
  if (tryMake(full) === 'ENOENT') mkdirSync(full);
}

/** Makes one folder; 'ENOENT' when its parent is missing. A folder already there is fine. */
function tryMake(path: string): 'ENOENT' | undefined {
  try {
    mkdirSync(path);
    return undefined;
  } catch (error) {
    const code = errnoCode(error);
    if (code === 'ENOENT') return code;
    if (code === 'EEXIST' && statSync(path).isDirectory()) return undefined;
    throw error;
  }
}
