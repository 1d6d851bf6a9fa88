/**
 * Standard output without its stream. Node builds process.stdout on first use, and for a pipe
 * that means a socket and the stream machinery: about a twentieth of a draft's start-up. Every
 * write here is synchronous to fd 1, so its failure is known at once and in order: a reader that
 * has gone (EPIPE) ends the output quietly, as Unix tools do, and any other failure (a full
 * disk, an I/O error) is an OutputError naming what was lost, never a stack trace or a silent
 * exit 0. (main.ts attaches the same handling to process.stdout, for the few writers that use it.)
 */
import { writeSync } from 'node:fs';
import { AppError } from '../errors.js';
import { describeCause, errnoCode } from './fs-errors.js';

const pause = new Int32Array(new SharedArrayBuffer(4));

export class OutputError extends AppError {
  override readonly name: string = 'OutputError';
  constructor(
    what: string,
    readonly original: unknown,
  ) {
    super(
      `Could not write ${what} to standard output: ${describeCause(original)}.`,
      1,
      errnoCode(original) === 'ENOSPC' || errnoCode(original) === 'EDQUOT' ? 'Free some space, or send the output to another disk.' : undefined,
    );
  }
}

/** Writes bytes from offset, returning how many it wrote; throws the system's error. */
export type WriteBytes = (bytes: Uint8Array, offset: number) => number;

const toStdout: WriteBytes = (bytes, offset) => writeSync(1, bytes, offset);
let target: WriteBytes = toStdout;

/** Sends what would go to fd 1 elsewhere (undefined: back to fd 1), so tests can run commands in process. */
export function redirectStdout(write: WriteBytes | undefined): void {
  target = write ?? toStdout;
}

/** A WriteBytes that appends to a string, for tests that read what a command printed. */
export function collectInto(append: (text: string) => void): WriteBytes {
  return (bytes, offset) => {
    append(Buffer.from(bytes.subarray(offset)).toString('utf8'));
    return bytes.length - offset;
  };
}

/**
 * Writes all of data before returning. Returns false if the reader has gone (EPIPE), so a caller
 * that has a summary to give (bulk) can stop there; any other failure throws an OutputError.
 */
export function writeStdoutUnlessClosed(data: string | Uint8Array, what: string, write: WriteBytes = target): boolean {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let done = 0;
  while (done < bytes.length) {
    try {
      done += write(bytes, done);
    } catch (error) {
      const code = errnoCode(error);
      // A non-blocking pipe that is full: give the reader a moment.
      if (code === 'EAGAIN') Atomics.wait(pause, 0, 0, 5);
      else if (code === 'EPIPE') return false;
      else throw new OutputError(what, error);
    }
  }
  return true;
}

/** Writes all of data to stdout before returning; a reader that has gone ends the program quietly. */
export function writeStdout(data: string | Uint8Array, what = 'the output'): void {
  if (!writeStdoutUnlessClosed(data, what)) process.exit(process.exitCode ?? 0);
}
