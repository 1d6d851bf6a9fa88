import { execFileSync } from 'node:child_process';
import { lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_LETTER_BYTES, writeLetterFile } from '../../src/bulk/letter-file.js';
import { NotAFileError, readSmallRegularFile } from '../../src/io/regular-file.js';
import { tempDir } from '../helpers/cli.js';

const LETTER = 'Dear Ms Smith,\n\nPlease keep the sanctions.\n';
const write = (path: string, options: { force?: boolean; resume?: boolean }) =>
  writeLetterFile({ row: 2, path, text: LETTER }, { force: Boolean(options.force), resume: Boolean(options.resume) });

describe("bulk letters: what sits at a letter's name", () => {
  it('--resume keeps the same letter already there, and refuses another', () => {
    const dir = tempDir();
    const path = join(dir, '0002-a.txt');
    writeFileSync(path, LETTER);
    expect(write(path, { resume: true })).toEqual({ row: 2, status: 'skipped' });
    writeFileSync(path, "someone else's letter");
    expect(write(path, { resume: true })).toEqual({ row: 2, status: 'failed', reason: 'exists' });
  });

  it('--resume reads no more of a file than a letter could be', () => {
    const dir = tempDir();
    const path = join(dir, '0002-a.txt');
    writeFileSync(path, '');
    truncateSync(path, MAX_LETTER_BYTES + 1); // sparse: no disk used
    const refuse = (kind: string) => new NotAFileError(path, kind);
    expect(readSmallRegularFile(path, MAX_LETTER_BYTES, refuse)).toBeUndefined();
    expect(write(path, { resume: true })).toEqual({ row: 2, status: 'failed', reason: 'exists' });
    truncateSync(path, 5);
    expect(readSmallRegularFile(path, MAX_LETTER_BYTES, refuse)).toEqual(Buffer.alloc(5));
  });

  const specials: Record<string, (path: string) => void> = {
    // A link to /dev/zero would be read without end; a FIFO would never answer.
    'a symbolic link': (path) => symlinkSync('/dev/zero', path),
    'a FIFO (named pipe)': (path) => execFileSync('mkfifo', [path]),
    'a folder': (path) => mkdirSync(path),
  };
  for (const [kind, make] of Object.entries(specials)) {
    for (const options of [{ resume: true }, { force: true }, { force: true, resume: true }, {}]) {
      it(`${kind} is that row's failure (${JSON.stringify(options)}), read never and left as it was`, () => {
        const dir = tempDir();
        const path = join(dir, '0002-a.txt');
        make(path);
        const before = lstatSync(path);
        expect(write(path, options)).toEqual({ row: 2, status: 'failed', reason: 'not-a-file', kind });
        expect(lstatSync(path).ino).toBe(before.ino);
        expect(readdirSync(dir)).toEqual(['0002-a.txt']);
      });
    }
  }

  it('a dangling link is a row failure under --resume, not an internal error', () => {
    const dir = tempDir();
    const path = join(dir, '0002-a.txt');
    symlinkSync(join(dir, 'gone.txt'), path);
    expect(write(path, { resume: true })).toEqual({ row: 2, status: 'failed', reason: 'not-a-file', kind: 'a symbolic link' });
  });

  it('a link to a file with the very same letter is still not taken for it', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'elsewhere.txt'), LETTER);
    symlinkSync(join(dir, 'elsewhere.txt'), join(dir, '0002-a.txt'));
    expect(write(join(dir, '0002-a.txt'), { resume: true })).toMatchObject({ status: 'failed', reason: 'not-a-file' });
    expect(readFileSync(join(dir, 'elsewhere.txt'), 'utf8')).toBe(LETTER);
  });
});
