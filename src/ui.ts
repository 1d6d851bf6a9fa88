/**
 * Messages for people, on stderr: notes, warnings and errors. Data goes to stdout elsewhere and
 * is never coloured. chalk honours FORCE_COLOR and --no-color; NO_COLOR is honoured here.
 *
 * Messages go to fd 2 directly, as io/stdout.ts does for fd 1: building process.stderr (a socket
 * for a pipe) and chalk's terminal check (node:tty) load Node's network and stream code, which a
 * draft that prints a note would pay for at every start. So chalk loads only when colour is
 * possible: stderr is a character device (every terminal is one), or FORCE_COLOR or a --color
 * flag asks for colour whatever stderr is.
 */
import { fstatSync, writeSync } from 'node:fs';
import type { ChalkInstance } from 'chalk';
import { type WriteBytes, writeStdoutUnlessClosed } from './io/stdout.js';

function colourPossible(): boolean {
  if (process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR !== undefined || process.argv.some((arg) => /^--colou?rs?(=|$)/.test(arg))) return true;
  try {
    return fstatSync(2).isCharacterDevice();
  } catch {
    return false;
  }
}

/** chalk's interface with no colour: every style, however chained, returns the text as given. */
const plain: ChalkInstance = new Proxy(((...text: unknown[]) => text.join(' ')) as ChalkInstance, {
  get: (target, key) => (key === 'level' ? 0 : key === 'then' || key in Function.prototype ? Reflect.get(target, key) : plain),
});

async function chalkForStderr(): Promise<ChalkInstance> {
  const { chalkStderr } = await import('chalk');
  if (process.env.NO_COLOR) chalkStderr.level = 0;
  return chalkStderr;
}

export const paint: ChalkInstance = colourPossible() ? await chalkForStderr() : plain;

const toFd2: WriteBytes = (bytes, offset) => writeSync(2, bytes, offset);
let toStderr = (text: string): void => {
  try {
    writeStdoutUnlessClosed(text, 'a message', toFd2);
  } catch {
    // stderr is full or broken: the message is lost, and the exit code still tells.
  }
};

/** Messages go through process.stderr from now on: for tests that capture what it is given. */
export function writeStderrThroughStream(): void {
  toStderr = (text) => {
    process.stderr.write(text);
  };
}

export function note(message: string): void {
  toStderr(`${paint.dim('note:')} ${message}\n`);
}

export function warn(message: string): void {
  toStderr(`${paint.yellow('warning:')} ${message}\n`);
}

export function info(message: string): void {
  toStderr(`${message}\n`);
}

export function printError(message: string, hint?: string): void {
  toStderr(`${paint.red('belarus-letter:')} ${message}\n`);
  if (hint) toStderr(`${paint.dim(hint)}\n`);
}
