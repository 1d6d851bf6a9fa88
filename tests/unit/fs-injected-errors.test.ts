/**
 * Disks that are full or read-only, simulated: the tests run as root, for whom chmod makes
 * nothing read-only, and no test should fill a real disk. One system call of node:fs is made
 * to fail with a given code, as the kernel would.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../helpers/cli.js';

const failing = vi.hoisted(() => ({ call: '', code: '', after: 0 }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const wrap =
    <A extends unknown[], R>(name: string, fn: (...args: A) => R) =>
    (...args: A): R => {
      if (failing.call === name) {
        if (failing.after > 0) failing.after--;
        else throw Object.assign(new Error(`${failing.code}: simulated, ${name}`), { code: failing.code, syscall: name });
      }
      return fn(...args);
    };
  return {
    ...fs,
    default: fs,
    openSync: wrap('open', fs.openSync),
    writeSync: wrap('write', fs.writeSync),
    renameSync: wrap('rename', fs.renameSync),
    linkSync: wrap('link', fs.linkSync),
  };
});

const { writeFileAtomic } = await import('../../src/io/write-file.js');
const { ManifestWriter } = await import('../../src/bulk/manifest.js');
const { writeLetterFile } = await import('../../src/bulk/letter-file.js');
const { FileError } = await import('../../src/io/fs-errors.js');
const { main } = await import('../../src/cli.js');

function fail(call: string, code: string, after = 0) {
  Object.assign(failing, { call, code, after });
}
afterEach(() => fail('', ''));

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

describe('a full or read-only disk, for one letter (draft --out, the wizard)', () => {
  for (const [call, code, words] of [
    ['write', 'ENOSPC', 'no space left on the disk (ENOSPC)'],
    ['write', 'EIO', 'the device reported an input/output error (EIO)'],
    ['open', 'EROFS', 'the file system is read-only (EROFS)'],
    ['open', 'EACCES', 'permission denied (EACCES)'],
    ['link', 'EACCES', 'permission denied (EACCES)'],
    ['rename', 'ENOSPC', 'no space left on the disk (ENOSPC)'],
  ] as const) {
    it(`${code} on ${call}: one sentence naming the letter's path, no temporary file left`, () => {
      const dir = tempDir();
      const path = join(dir, 'letter.txt');
      fail(call, code);
      const error = thrown(() => writeFileAtomic(path, 'Dear Ms Smith', { force: call === 'rename' }));
      fail('', '');
      expect(error).toBeInstanceOf(FileError);
      expect(error.message).toBe(`Could not write ${path}: ${words}.`);
      expect(readdirSync(dir)).toEqual([]);
    });
  }
});

describe('a full or read-only disk, for bulk', () => {
  it('a read-only out-dir: the manifest names itself and the cause', () => {
    const dir = tempDir();
    fail('open', 'EROFS');
    const error = thrown(() => new ManifestWriter(dir, { input: 'a.csv' }));
    expect(error.message).toBe(`Could not write ${join(dir, '.belarus-letter-manifest.ndjson')}: the file system is read-only (EROFS).`);
  });

  it('a disk that fills while the manifest is written is an error naming the manifest', () => {
    const dir = tempDir();
    const manifest = new ManifestWriter(dir, { input: 'a.csv' }, 1);
    fail('write', 'ENOSPC');
    const error = thrown(() => manifest.record({ row: 2, status: 'written', file: '0002-a.txt', error: null }));
    fail('', '');
    manifest.close();
    expect(error.message).toBe(`Could not write ${join(dir, '.belarus-letter-manifest.ndjson')}: no space left on the disk (ENOSPC).`);
  });

  it("a letter that does not fit is that row's failure with its code, and leaves no temporary file", () => {
    const dir = tempDir();
    fail('write', 'ENOSPC');
    expect(writeLetterFile({ row: 2, path: join(dir, '0002-a.txt'), text: 'Dear' }, { force: false, resume: false })).toEqual({
      row: 2,
      status: 'failed',
      reason: 'io',
      code: 'ENOSPC',
    });
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('a disk that fills in the middle of a bulk run', () => {
  const SENDERS = [
    'name,city,region,recipient,recipient_name,stance',
    ...Array.from({ length: 40 }, (_, i) => `Sender ${i},Leeds,uk,mp,Jane Smith,maintain`),
  ].join('\n');

  // Each letter is a temporary file, linked to its name; the run must end either way, with
  // exit 1 and no temporary file left (with worker threads it once idled for ever).
  it.each([
    ['write', "a letter's bytes"],
    ['link', "a letter's name"],
  ])('a failed %s (%s) ends the run, exit 1, no temporary file left', async (call) => {
    const dir = tempDir();
    const sheet = join(dir, 'senders.csv');
    writeFileSync(sheet, SENDERS);
    const out = join(dir, 'out');
    let stderr = '';
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
    fail(call, 'ENOSPC', 10);
    let code: number;
    try {
      code = await main(['node', 'belarus-letter', 'bulk', sheet, '--out-dir', out, '--date', '2026-11-25']);
    } finally {
      fail('', '');
      spy.mockRestore();
    }
    expect(code).toBe(1);
    expect(stderr).toMatch(/could not be written: no space left on the disk \(ENOSPC\)/);
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const letters = readdirSync(out).filter((f) => f.endsWith('.txt'));
    expect(letters.length).toBeGreaterThan(0);
    expect(letters.length).toBeLessThan(40);
  });
});
