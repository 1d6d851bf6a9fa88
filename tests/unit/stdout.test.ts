import { describe, expect, it } from 'vitest';
import { describeCode } from '../../src/io/fs-errors.js';
import { OutputError, writeStdoutUnlessClosed, type WriteBytes } from '../../src/io/stdout.js';

const failWith = (code: string): Error => Object.assign(new Error(`${code}: simulated`), { code });

/** A stdout that takes at most `chunk` bytes a call and fails as told on the given calls. */
function sink(chunk: number, failures: Record<number, string> = {}) {
  const got: number[] = [];
  let calls = 0;
  const write: WriteBytes = (bytes, offset) => {
    const code = failures[calls++];
    if (code) throw failWith(code);
    const part = bytes.subarray(offset, offset + chunk);
    got.push(...part);
    return part.length;
  };
  return { write, text: () => Buffer.from(got).toString('utf8'), calls: () => calls };
}

describe('checked writes to stdout', () => {
  it('writes everything, across short writes and a full pipe (EAGAIN)', () => {
    const out = sink(3, { 1: 'EAGAIN' });
    expect(writeStdoutUnlessClosed('Dear Ms Smith, ж', 'the letter', out.write)).toBe(true);
    expect(out.text()).toBe('Dear Ms Smith, ж');
  });

  it('reports a reader that has gone (EPIPE) as false, not as an error', () => {
    const out = sink(4, { 1: 'EPIPE' });
    expect(writeStdoutUnlessClosed('0123456789', 'the letter', out.write)).toBe(false);
    expect(out.calls()).toBe(2);
  });

  for (const code of ['ENOSPC', 'EIO', 'EBADF']) {
    it(`turns ${code} into one sentence naming what was not written, exit 1`, () => {
      const out = sink(4, { 2: code });
      let error: unknown;
      try {
        writeStdoutUnlessClosed('a letter of some length', 'the letter of row 7', out.write);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(OutputError);
      const { message, exitCode } = error as OutputError;
      expect(message).toBe(`Could not write the letter of row 7 to standard output: ${describeCode(code)}.`);
      expect(message).not.toMatch(/\n/);
      expect(exitCode).toBe(1);
    });
  }

  it('words the common causes plainly, keeping the code for searches', () => {
    expect(describeCode('ENOSPC')).toBe('no space left on the disk (ENOSPC)');
    expect(describeCode('EROFS')).toBe('the file system is read-only (EROFS)');
    expect(describeCode('EACCES')).toBe('permission denied (EACCES)');
    expect(describeCode('EWHATEVER')).toBe('EWHATEVER');
  });
});
