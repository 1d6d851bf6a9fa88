/**
 * Runs the CLI's main(argv) in this process, with stdout and stderr captured and the user's own
 * settings out of reach: as quick as a unit test, through the same parsing and error handling.
 */
import { vi } from 'vitest';
import { main } from '../../src/cli.js';
import { collectInto, redirectStdout } from '../../src/io/stdout.js';
import { tempDir, type RunResult } from './cli.js';

export async function runMain(args: string[]): Promise<RunResult> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const saved = { XDG_CONFIG_HOME: process.env.XDG_CONFIG_HOME, BELARUS_LETTER_TEMPLATES: process.env.BELARUS_LETTER_TEMPLATES };
  process.env.XDG_CONFIG_HOME = tempDir('bl-config-');
  delete process.env.BELARUS_LETTER_TEMPLATES;
  const capture = (into: string[]) => (chunk: string | Uint8Array) => {
    into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  };
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(capture(stdout) as typeof process.stdout.write);
  // Commands write to fd 1 directly (src/io/stdout.ts): catch that too.
  redirectStdout(collectInto((text) => stdout.push(text)));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(capture(stderr) as typeof process.stderr.write);
  try {
    const code = await main(['node', 'belarus-letter', ...args]);
    return { code, stdout: stdout.join(''), stderr: stderr.join('') };
  } finally {
    redirectStdout(undefined);
    out.mockRestore();
    err.mockRestore();
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}
