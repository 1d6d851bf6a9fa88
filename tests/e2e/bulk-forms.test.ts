/** Mapping a sheet's headers on a terminal, in a pseudo-terminal: the questions, the flags, the saved mapping. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';
import { runMain } from '../helpers/main.js';
import { KEY, runInPty } from '../helpers/pty.js';

const DATE = ['--date', '2026-11-30'];

describe('bulk: mapping columns on a terminal', { timeout: 120_000 }, () => {
  it('asks what each unknown column holds, prints the --map flags, saves them, and --mapping reads them back', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'sheet.csv'), 'Full name,Town,Our MP please,Favourite colour\nAlex Doe,Leeds,Jane Smith,blue\nSam Lee,York,John Doe,red\n');
    const s = runInPty(['bulk', 'sheet.csv', '-r', 'uk', '-t', 'mp', '-s', 'maintain', ...DATE], { cwd });
    await s.waitFor('2 columns of the sheet are not one belarus-letter reads');
    await s.waitFor('"Our MP please" (e.g. "Jane Smith", "John Doe") holds');
    s.type(KEY.enter); // the likely one: recipient_name
    await s.waitFor('"Favourite colour" (e.g. "blue", "red") holds');
    s.type(KEY.enter); // leave it out
    await s.waitFor("The same as: --map 'Our MP please=recipient_name' --map 'Favourite colour='");
    await s.waitFor('Save this mapping to a file');
    s.type(KEY.enter);
    await s.waitFor('File name');
    s.type(KEY.enter);
    await s.waitFor('Saved. Next time: belarus-letter bulk SHEET --mapping mapping.yaml');
    await s.waitFor('Wrote 2 letters');
    expect(await s.exit).toBe(0);
    expect(readFileSync(join(cwd, 'letters', '0002-jane-smith-alex-doe.txt'), 'utf8')).toMatch(/^Dear Jane Smith,$/m);
    expect(readFileSync(join(cwd, 'mapping.yaml'), 'utf8')).toContain('Our MP please: recipient_name');

    // Not on a terminal: never asks; the saved mapping does the same.
    const again = await runMain(['bulk', 'sheet.csv', '--out-dir', 'again', '--mapping', 'mapping.yaml', '-r', 'uk', '-t', 'mp', '-s', 'maintain', ...DATE], {
      cwd,
    });
    expect(again.code).toBe(0);
    expect(again.stderr).not.toMatch(/not one belarus-letter reads|holds/);
    expect(readFileSync(join(cwd, 'again', '0002-jane-smith-alex-doe.txt'), 'utf8')).toMatch(/^Dear Jane Smith,$/m);
  });
});
