/** Runs the built CLI (bin/belarus-letter.js) as a child process, as a user would. */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BIN = join(ROOT, 'bin', 'belarus-letter.js');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function run(args: string[], options: SpawnSyncOptions & { input?: string } = {}): RunResult {
  // The user's own settings must not leak into tests; a test sets what it needs.
  const base: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', CI: '1' };
  delete base.FORCE_COLOR;
  delete base.BELARUS_LETTER_TEMPLATES;
  base.XDG_CONFIG_HOME = tempDir('bl-config-');
  const env: NodeJS.ProcessEnv = { ...base, ...(options.env ?? {}) };
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 30_000,
    ...options,
    env,
  });
  return { code: result.status ?? -1, stdout: String(result.stdout), stderr: String(result.stderr) };
}

export function tempDir(prefix = 'bl-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A complete set of draft options for a UK MP letter, to vary one at a time. */
export const UK_MP = [
  'draft',
  '--region',
  'uk',
  '--recipient',
  'mp',
  '--recipient-name',
  'Jane Smith',
  '--stance',
  'maintain',
  '--name',
  'Alex Doe',
  '--city',
  'Leeds',
  '--date',
  '2026-11-25',
];
