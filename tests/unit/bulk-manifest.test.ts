import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManifestWriter, manifestPath, readDoneRows } from '../../src/bulk/manifest.js';

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
