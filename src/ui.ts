/**
 * Messages for people, on stderr: notes, warnings and errors. Data goes to stdout elsewhere and
 * is never coloured. chalk honours FORCE_COLOR and --no-color; NO_COLOR is honoured here.
 */
import { chalkStderr } from 'chalk';

if (process.env.NO_COLOR) chalkStderr.level = 0;

export const paint = chalkStderr;

export function note(message: string): void {
  process.stderr.write(`${paint.dim('note:')} ${message}\n`);
}

export function warn(message: string): void {
  process.stderr.write(`${paint.yellow('warning:')} ${message}\n`);
}

export function info(message: string): void {
  process.stderr.write(`${message}\n`);
}

export function printError(message: string, hint?: string): void {
  process.stderr.write(`${paint.red('belarus-letter:')} ${message}\n`);
  if (hint) process.stderr.write(`${paint.dim(hint)}\n`);
}
