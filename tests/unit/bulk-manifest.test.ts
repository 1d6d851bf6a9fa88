import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { isAbsolute, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManifestWriter, manifestPath, readDoneRows } from '../../src/bulk/manifest.js';
import { NotAFileError } from '../../src/io/regular-file.js';

describe('bulk manifest', () => {
  it('has nothing to resume from in a folder without one', async () => {
    expect(await readDoneRows(mkdtempSync(join(tmpdir(), 'bl-manifest-')))).toBeUndefined();
  });

  it('records one line per row and reads back what is done, across runs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bl-manifest-'));
    const first = new ManifestWriter(dir, { input: 'a.csv' });
    first.record({ row: 2, status: 'written', file: '0002-a.txt', error: null });
    first.record({ row: 3, status: 'failed', file: null, error: 'row 3, column name: is required' });
    first.record({ row: 4, status: 'written', file: '0004-c.txt', error: null });
    first.close();
    const second = new ManifestWriter(dir, { input: 'b.csv' });
    second.record({ row: 2, status: 'skipped', file: '0002-a.txt', error: null });
    second.record({ row: 4, status: 'failed', file: '0004-c.txt', error: 'row 4: exists' });
    second.close();
    // A kill in the middle of a write leaves at most a cut-off last line.
    appendFileSync(manifestPath(dir), '{"row":5,"status":"wri');
    expect(readFileSync(manifestPath(dir), 'utf8').split('\n')).toHaveLength(8);
    const earlier = await readDoneRows(dir);
    expect(earlier?.input).toBe('b.csv');
    expect([...(earlier?.done ?? [])]).toEqual([[2, '0002-a.txt']]);
  });
});

describe('bulk manifest: only a file of its own, only letters inside the out-dir', () => {
  const outDir = () => mkdtempSync(join(tmpdir(), 'bl-manifest-'));

  it('will not append through a link at its name, nor read through one', async () => {
    const dir = outDir();
    writeFileSync(join(dir, 'precious.txt'), 'mine\n');
    symlinkSync(join(dir, 'precious.txt'), manifestPath(dir));
    expect(() => new ManifestWriter(dir, { input: 'a.csv' })).toThrow(NotAFileError);
    expect(() => new ManifestWriter(dir, { input: 'a.csv' })).toThrow(`${manifestPath(dir)} is a symbolic link where bulk keeps its manifest`);
    await expect(readDoneRows(dir)).rejects.toThrow(NotAFileError);
    expect(readFileSync(join(dir, 'precious.txt'), 'utf8')).toBe('mine\n');
  });

  it('names a folder or a FIFO at its name, and never waits on the FIFO', async () => {
    const folder = outDir();
    mkdirSync(manifestPath(folder));
    expect(() => new ManifestWriter(folder, { input: 'a.csv' })).toThrow(`${manifestPath(folder)} is a folder where bulk keeps its manifest`);
    await expect(readDoneRows(folder)).rejects.toThrow(/is a folder where bulk keeps its manifest/);
    const fifo = outDir();
    execFileSync('mkfifo', [manifestPath(fifo)]);
    expect(() => new ManifestWriter(fifo, { input: 'a.csv' })).toThrow(/is a FIFO \(named pipe\) where bulk keeps its manifest/);
    await expect(readDoneRows(fifo)).rejects.toThrow(/is a FIFO \(named pipe\) where bulk keeps its manifest/);
  });

  it('ignores, and reports, lines whose file is not a name inside the out-dir', async () => {
    const dir = outDir();
    const lines = [
      { run: 'x', input: 'a.csv', date: '2026-11-25' },
      { row: 2, status: 'written', file: '../../../../etc/passwd', error: null },
      { row: 3, status: 'written', file: '/etc/passwd', error: null },
      { row: 4, status: 'skipped', file: 'sub/0004-c.txt', error: null },
      { row: 5, status: 'written', file: '0005-e.txt', error: null },
    ];
    writeFileSync(manifestPath(dir), lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
    const earlier = await readDoneRows(dir);
    expect([...(earlier?.done ?? [])]).toEqual([[5, '0005-e.txt']]);
    expect(earlier?.outside).toEqual([
      { line: 2, file: '../../../../etc/passwd' },
      { line: 3, file: '/etc/passwd' },
      { line: 4, file: 'sub/0004-c.txt' },
    ]);
  });
});

describe('bulk manifest: property', () => {
  it('whatever a line names, --resume only ever takes a file directly inside the out-dir', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bl-manifest-'));
    const part = fc.constantFrom('..', '.', '', '/', 'etc', 'passwd', 'a.txt', '\\', '\u0000', '~', 'C:');
    const file = fc.oneof(
      fc.string(),
      fc.array(part, { maxLength: 6 }).map((p) => p.join('/')),
      fc.array(part, { maxLength: 6 }).map((p) => p.join('')),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(file, { minLength: 1, maxLength: 8 }), async (files) => {
        const lines = files.map((f, i) => `${JSON.stringify({ row: i + 2, status: 'written', file: f, error: null })}\n`);
        writeFileSync(manifestPath(dir), lines.join(''));
        const earlier = await readDoneRows(dir);
        for (const name of earlier?.done.values() ?? []) {
          const rel = relative(resolve(dir), resolve(dir, name));
          expect(rel === name && rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) && !rel.includes('/')).toBe(true);
        }
        expect((earlier?.done.size ?? 0) + (earlier?.outside.length ?? 0)).toBeLessThanOrEqual(files.length);
      }),
      { numRuns: 200 },
    );
  });
});
