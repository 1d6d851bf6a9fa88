import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { basename, dirname } from 'node:path';
import { FileError } from '../../src/io/fs-errors.js';
import { makeFolder } from '../../src/io/make-folder.js';
import { FileExistsError, NotAFileError, TEMP_FILE_PATTERN, tempNameFor, writeFileAtomic } from '../../src/io/write-file.js';
import { tempDir } from '../helpers/cli.js';

describe('writeFileAtomic', () => {
  it('writes a new file and leaves no temporary file behind', () => {
    const dir = tempDir();
    writeFileAtomic(join(dir, 'a.txt'), 'hello');
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('hello');
    expect(readdirSync(dir)).toEqual(['a.txt']);
  });

  it('never replaces an existing file without force', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), 'mine');
    expect(() => writeFileAtomic(join(dir, 'a.txt'), 'theirs')).toThrow(FileExistsError);
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('mine');
    expect(readdirSync(dir)).toEqual(['a.txt']);
    writeFileAtomic(join(dir, 'a.txt'), 'theirs', { force: true });
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('theirs');
    expect(readdirSync(dir)).toEqual(['a.txt']);
  });

  it('creates missing folders only when asked', () => {
    const dir = tempDir();
    expect(() => writeFileAtomic(join(dir, 'x', 'a.txt'), 'hi')).toThrow(`Could not write ${join(dir, 'x', 'a.txt')}: no such file or folder (ENOENT).`);
    writeFileAtomic(join(dir, 'x', 'a.txt'), 'hi', { mkdir: true });
    expect(readFileSync(join(dir, 'x', 'a.txt'), 'utf8')).toBe('hi');
  });

  it('names its temporary files so a later run can recognise and clear them', () => {
    const names = [tempNameFor('/x/0001-mp-alex.txt'), tempNameFor('/x/0001-mp-alex.txt')].map((p) => basename(p));
    expect(names[0]).not.toBe(names[1]);
    for (const name of names) expect(name.match(TEMP_FILE_PATTERN)?.[1]).toBe(String(process.pid));
    expect(TEMP_FILE_PATTERN.test('0001-mp-alex.txt')).toBe(false);
    // Beside the target, in the same folder: the link into place must not cross file systems.
    expect(dirname(tempNameFor('/x/y/0001-mp-alex.txt'))).toBe('/x/y');
    expect(dirname(tempNameFor('a.txt'))).toBe('.');
  });
});

describe('writeFileAtomic: --force replaces only regular files', () => {
  /** Things that may sit at a letter's name, each made in a fresh temporary folder. */
  const specials: Record<string, (path: string) => void> = {
    'a FIFO (named pipe)': (path) => execFileSync('mkfifo', [path]),
    'a folder': (path) => mkdirSync(path),
    // Links are made here, in the temporary folder; /dev/null itself is only their target.
    'a symbolic link': (path) => symlinkSync('/dev/null', path),
  };

  for (const [kind, make] of Object.entries(specials)) {
    for (const force of [true, false]) {
      it(`refuses ${kind} at the name${force ? ' even with force' : ''}, leaves it as it was and no temporary file`, () => {
        const dir = tempDir();
        const path = join(dir, 'letter.txt');
        make(path);
        const before = lstatSync(path);
        let error: unknown;
        try {
          writeFileAtomic(path, 'Dear Ms Smith', { force });
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(NotAFileError);
        expect((error as Error).message).toBe(`${path} is ${kind}, not a file; it was left untouched, as only files are ever replaced.`);
        const after = lstatSync(path);
        expect([after.mode, after.ino]).toEqual([before.mode, before.ino]);
        expect(readdirSync(dir)).toEqual(['letter.txt']);
      });
    }
  }

  it('refuses a link to a file too, and the file it points at is unchanged', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'precious.txt'), 'mine');
    symlinkSync('precious.txt', join(dir, 'letter.txt'));
    expect(() => writeFileAtomic(join(dir, 'letter.txt'), 'theirs', { force: true })).toThrow(NotAFileError);
    expect(readlinkSync(join(dir, 'letter.txt'))).toBe('precious.txt');
    expect(readFileSync(join(dir, 'precious.txt'), 'utf8')).toBe('mine');
  });

  it('a dangling link is a link, not a free name', () => {
    const dir = tempDir();
    symlinkSync(join(dir, 'nowhere'), join(dir, 'letter.txt'));
    expect(() => writeFileAtomic(join(dir, 'letter.txt'), 'x', { force: true })).toThrow(/is a symbolic link, not a file/);
    expect(() => writeFileAtomic(join(dir, 'letter.txt'), 'x')).toThrow(/is a symbolic link, not a file/);
    expect(readdirSync(dir)).toEqual(['letter.txt']);
  });

  it('never makes /dev/null a regular file (a link to it in a temporary folder is the test)', () => {
    const dir = tempDir();
    symlinkSync('/dev/null', join(dir, 'null'));
    expect(() => writeFileAtomic(join(dir, 'null'), 'x', { force: true })).toThrow(NotAFileError);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('names the folder it could not create and why (a file in the way)', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'afile'), '');
    let error: unknown;
    try {
      writeFileAtomic(join(dir, 'afile', 'sub', 'letter.txt'), 'x', { mkdir: true });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FileError);
    expect((error as Error).message).toBe(`Could not create the folder ${join(dir, 'afile', 'sub')}: part of the path is a file, not a folder (ENOTDIR).`);
  });
});

describe('makeFolder', () => {
  it('makes the missing folders of a path, and accepts one already there', () => {
    const dir = tempDir();
    makeFolder(join(dir, 'a', 'b', 'c'));
    makeFolder(join(dir, 'a', 'b'));
    expect(statSync(join(dir, 'a', 'b', 'c')).isDirectory()).toBe(true);
  });

  it.runIf(existsSync('/proc/self'))("ends with ENOENT where the system will not make a folder (Node's own recursive mkdir spins there)", () => {
    expect(() => makeFolder('/proc/belarus-letter-test/x')).toThrow(expect.objectContaining({ code: 'ENOENT' }));
  });

  it('a file in the way is an error, not a folder', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'afile'), '');
    expect(() => makeFolder(join(dir, 'afile'))).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(() => makeFolder(join(dir, 'afile', 'x'))).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
  });
});
