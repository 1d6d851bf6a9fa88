/**
 * Reading a small file whole, but never more than it should hold: a story or a settings file
 * that is a link to /dev/zero, or a pipe that never ends, must not fill the memory.
 */
import { readSync } from 'node:fs';

const pause = new Int32Array(new SharedArrayBuffer(4));

/** The bytes of an open file, or undefined when there are more than `max`. */
export function readLimited(fd: number, max: number): Buffer | undefined {
  const buffer = Buffer.alloc(max + 1);
  let length = 0;
  while (length <= max) {
    let n: number;
    try {
      n = readSync(fd, buffer, length, buffer.length - length, null);
    } catch (error) {
      // A non-blocking pipe with nothing in it yet: give the writer a moment.
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') {
        Atomics.wait(pause, 0, 0, 5);
        continue;
      }
      if ((error as NodeJS.ErrnoException).code === 'EOF') break;
      throw error;
    }
    if (n === 0) break;
    length += n;
  }
  return length > max ? undefined : buffer.subarray(0, length);
}
