/** Limits on what the tool reads and accepts: settings files, dates, the output folder. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ConfigError, readConfig } from '../../src/config/config.js';
import { tempDir, UK_MP } from '../helpers/cli.js';
import { runMain } from '../helpers/main.js';

function notes(read: () => unknown): { value: unknown; stderr: string } {
  let stderr = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    return { value: read(), stderr };
  } finally {
    spy.mockRestore();
  }
}

describe('the settings file', () => {
  it('is ignored with a note when it is not a regular file: a pipe, a folder, a device', () => {
    const dir = tempDir('bl-config-');
    const fifo = join(dir, 'fifo.json');
    execFileSync('mkfifo', [fifo]);
    const folder = join(dir, 'folder.json');
    mkdirSync(folder);
    const device = join(dir, 'zero.json');
    symlinkSync('/dev/zero', device);
    for (const path of [fifo, folder, device]) {
      const { value, stderr } = notes(() => readConfig(path));
      expect(value).toEqual({});
      expect(stderr).toContain(`The settings file ${path} is not a regular file; it is ignored.`);
    }
  });

  it('is read up to 64 KB; a bigger one is an error naming it', () => {
    const path = join(tempDir('bl-config-'), 'config.json');
    writeFileSync(path, JSON.stringify({ name: 'Alex Doe' }));
    expect(readConfig(path)).toEqual({ name: 'Alex Doe' });
    writeFileSync(path, JSON.stringify({ name: 'Alex Doe', padding: 'x'.repeat(70_000) }));
    expect(() => readConfig(path)).toThrow(ConfigError);
    expect(() => readConfig(path)).toThrow(/config\.json could not be read: it holds more than 64 KB/);
  });
});

describe('dates and folders', () => {
  it('draft and bulk take --date in the years 1900 to 2999 only', async () => {
    for (const date of ['0206-11-25', '1899-12-31', '3000-01-01']) {
      const draft = await runMain([...UK_MP.filter((a, i, all) => a !== '--date' && all[i - 1] !== '--date'), '--date', date]);
      expect(draft.code).toBe(2);
      expect(draft.stderr).toMatch(/--date: must be in a year from 1900 to 2999/);
      const bulk = await runMain(['bulk', 'senders.csv', '--date', date]);
      expect(bulk.code).toBe(2);
      expect(bulk.stderr).toContain(`--date "${date}": must be in a year from 1900 to 2999.`);
    }
    expect((await runMain([...UK_MP.slice(0, -1), '1900-01-01', '--out', join(tempDir('bl-date-'), 'letter.txt')])).code).toBe(0);
  });

  it('bulk refuses an empty --out-dir', async () => {
    const r = await runMain(['bulk', 'senders.csv', '--out-dir', '']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out-dir needs the name of a folder, not an empty one/);
  });
});
