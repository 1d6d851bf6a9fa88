/**
 * Standard output without its stream where that is enough. Node builds process.stdout on first
 * use, and for a pipe that means a socket and the stream machinery: about a twentieth of a
 * draft's start-up. A letter is one synchronous write to fd 1. (main.ts attaches the quiet
 * EPIPE handling to process.stdout only when something builds it.)
 */
import { writeSync } from 'node:fs';

const pause = new Int32Array(new SharedArrayBuffer(4));

/** Writes all of text to stdout before returning; a reader that has gone ends the program quietly. */
export function writeStdout(text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  let done = 0;
  while (done < bytes.length) {
    try {
      done += writeSync(1, bytes, done);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // A non-blocking pipe that is full: give the reader a moment.
      if (code === 'EAGAIN') Atomics.wait(pause, 0, 0, 5);
      else if (code === 'EPIPE') process.exit(process.exitCode ?? 0);
      else throw error;
    }
  }
}
