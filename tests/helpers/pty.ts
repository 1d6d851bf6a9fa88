/**
 * Runs the built CLI in a real pseudo-terminal, as a person at a keyboard would: wait for a
 * prompt's text to appear, then type. No timings are asserted; timeouts are only a safety net.
 */
import { spawn } from '@lydell/node-pty';
import { stripVTControlCharacters } from 'node:util';
import { BIN } from './cli.js';

export const KEY = { enter: '\r', down: '\x1b[B', up: '\x1b[A', space: ' ', ctrlC: '\x03', ctrlD: '\x04' } as const;

export interface PtySession {
  /** Resolves once `text` appears on screen after the previous match. */
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<void>;
  type(keys: string): void;
  /** Everything shown, without colours or cursor movement. */
  screen(): string;
  exit: Promise<number>;
}

export function runInPty(args: string[], options: { cwd: string; env?: Record<string, string> }): PtySession {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  delete env.CI;
  delete env.FORCE_COLOR;
  delete env.BELARUS_LETTER_TEMPLATES;
  Object.assign(env, { NO_COLOR: '1', TERM: 'xterm-256color' }, options.env ?? {});
  const pty = spawn(process.execPath, [BIN, ...args], { name: 'xterm-256color', cols: 100, rows: 40, cwd: options.cwd, env });
  let raw = '';
  let from = 0;
  pty.onData((data) => {
    raw += data;
  });
  const exit = new Promise<number>((resolve) => pty.onExit(({ exitCode }) => resolve(exitCode)));
  const screen = () => stripVTControlCharacters(raw);
  return {
    screen,
    exit,
    type: (keys) => pty.write(keys),
    waitFor(text, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const started = Date.now();
        const check = () => {
          const shown = screen().slice(from);
          const index = typeof text === 'string' ? shown.indexOf(text) : shown.search(text);
          if (index >= 0) {
            from += index + (typeof text === 'string' ? text.length : (shown.match(text)?.[0].length ?? 0));
            resolve();
            return;
          }
          if (Date.now() - started > timeoutMs) {
            pty.kill();
            reject(new Error(`Waited for ${String(text)}; the screen ended with:\n${screen().slice(-1500)}`));
            return;
          }
          setTimeout(check, 25);
        };
        check();
      });
    },
  };
}
