/**
 * Runs the CLI's main(argv) in this process, as `run` in cli.ts runs the built binary: the same
 * arguments, folder, environment and stdin, with stdout and stderr captured and the user's own
 * settings out of reach. As quick as a unit test, through the same parsing and error handling,
 * and it tests src/, not the last build.
 *
 * What it cannot do is what needs a process of its own: a real terminal, signals, a reader that
 * closes the pipe, stdout on a full disk, stdin read as fd 0 (`--story-file -`), colour decided at
 * start-up. Those tests spawn the binary (tests/e2e/).
 */
import { Readable } from 'node:stream';
import { vi } from 'vitest';
import { main } from '../../src/cli.js';
import { collectInto, redirectStdout, type WriteBytes } from '../../src/io/stdout.js';
import { BIN, tempDir, type RunResult } from './cli.js';

export interface MainOptions {
  /** The working folder during the run (process.chdir; vitest's forks pool allows it). */
  cwd?: string;
  /** Variables to set for the run; '' sets an empty value, undefined removes one. */
  env?: Record<string, string | undefined>;
  /** What the command reads from stdin ("-"); stdin is never a terminal here. */
  input?: string;
  /** Where the commands' writes to fd 1 go instead of being collected: one that throws stands for a failing stdout. */
  stdout?: WriteBytes;
}

/** The variables `run` sets or clears for the binary, so both see the same environment. */
const BASE_ENV = { NO_COLOR: '1', CI: '1', FORCE_COLOR: undefined, BELARUS_LETTER_TEMPLATES: undefined } as const;

function swapEnv(values: Record<string, string | undefined>): () => void {
  const saved = new Map<string, string | undefined>();
  for (const [key, value] of Object.entries(values)) {
    if (!saved.has(key)) saved.set(key, process.env[key]);
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  return () => {
    for (const [key, value] of saved) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
}

/** Sets a property for the run, returning what puts it back. */
function swapProperty(target: object, key: string, descriptor: PropertyDescriptor): () => void {
  const original = Object.getOwnPropertyDescriptor(target, key);
  Object.defineProperty(target, key, { configurable: true, ...descriptor });
  return () => {
    if (original) Object.defineProperty(target, key, original);
    else delete (target as Record<string, unknown>)[key];
  };
}

export async function runMain(args: string[], options: MainOptions = {}): Promise<RunResult> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const restore: (() => void)[] = [];
  const capture = (into: string[]) => (chunk: string | Uint8Array) => {
    into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  };
  try {
    restore.push(swapEnv({ ...BASE_ENV, XDG_CONFIG_HOME: tempDir('bl-config-'), ...options.env }));
    if (options.cwd) {
      const before = process.cwd();
      process.chdir(options.cwd);
      restore.push(() => process.chdir(before));
    }
    // As the binary sees them: bulk suggests its own command line to resume.
    const argv = process.argv;
    process.argv = [process.execPath, BIN, ...args];
    restore.push(() => (process.argv = argv));
    // Neither end is a terminal, as under `run`: no questions, no progress bar.
    const stdin = Object.assign(Readable.from(options.input ? [Buffer.from(options.input)] : []), { isTTY: false });
    restore.push(swapProperty(process, 'stdin', { get: () => stdin }));
    restore.push(swapProperty(process.stderr, 'isTTY', { value: false, writable: true }));
    restore.push(swapProperty(process.stdout, 'isTTY', { value: false, writable: true }));
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(capture(stdout) as typeof process.stdout.write);
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(capture(stderr) as typeof process.stderr.write);
    restore.push(
      () => out.mockRestore(),
      () => err.mockRestore(),
    );
    // Commands write to fd 1 directly (src/io/stdout.ts): catch that too.
    redirectStdout(options.stdout ?? collectInto((text) => stdout.push(text)));
    restore.push(() => redirectStdout(undefined));
    const code = await main(process.argv);
    return { code, stdout: stdout.join(''), stderr: stderr.join('') };
  } finally {
    for (const undo of restore.reverse()) undo();
  }
}
