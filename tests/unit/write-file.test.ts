import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { basename, dirname } from 'node:path';
import { FileExistsError, TEMP_FILE_PATTERN, tempNameFor, writeFileAtomic } from '../../src/io/write-file.js';
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
    expect(() => writeFileAtomic(join(dir, 'x', 'a.txt'), 'hi')).toThrow(/ENOENT/);
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
