/** `templates eject --example NAME DIR`: the worked examples, copied to edit, never over anything. */
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleNames } from '../../src/commands/templates.js';
import { loadPack } from '../../src/pack/load.js';
import { ROOT, tempDir } from '../helpers/cli.js';
import { runMain } from '../helpers/main.js';

const EXAMPLE = join(ROOT, 'examples', 'postcard', 'letters', 'postcard.hbs');

describe('templates eject --example', () => {
  it('finds the examples shipped beside the built-in pack', () => {
    expect(exampleNames()).toEqual(['postcard']);
  });

  it('copies the example into a new folder, where it validates and drafts a postcard', async () => {
    const dir = join(tempDir('bl-example-'), 'my-postcard');
    const r = await runMain(['templates', 'eject', '--example', 'postcard', dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Copied the example postcard to .*my-postcard \(1 file: letters\/postcard\.hbs\); it layers over the built-in pack\.\n/);
    expect(r.stderr).toContain(`belarus-letter templates preview ${dir}`);
    expect(readdirSync(dir)).toEqual(['letters']);
    expect(readFileSync(join(dir, 'letters', 'postcard.hbs'), 'utf8')).toBe(readFileSync(EXAMPLE, 'utf8'));
    expect(loadPack({ templatesDir: dir }).templates.map((t) => t.meta.id)).toEqual(['postcard', 'letter']);
    const v = await runMain(['templates', 'validate', dir]);
    expect(v.code, v.stderr).toBe(0);
  });

  it('refuses a folder that is not empty unless --force, and then leaves other files alone', async () => {
    const dir = tempDir('bl-example-full-');
    mkdirSync(join(dir, 'letters'));
    writeFileSync(join(dir, 'letters', 'postcard.hbs'), 'my edits');
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    const refused = await runMain(['templates', 'eject', '--example', 'postcard', dir]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/is not empty; nothing was written\.\n.*--force/);
    expect(readFileSync(join(dir, 'letters', 'postcard.hbs'), 'utf8')).toBe('my edits');
    const forced = await runMain(['templates', 'eject', '--example', 'postcard', dir, '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(join(dir, 'letters', 'postcard.hbs'), 'utf8')).toBe(readFileSync(EXAMPLE, 'utf8'));
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('never writes through a link out of the folder', async () => {
    const base = tempDir('bl-example-link-');
    mkdirSync(join(base, 'outside'));
    mkdirSync(join(base, 'pack'));
    symlinkSync(join(base, 'outside'), join(base, 'pack', 'letters'));
    const r = await runMain(['templates', 'eject', '--example', 'postcard', join(base, 'pack'), '--force']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/would be written outside .*pack \(through a link\)/);
    expect(readdirSync(join(base, 'outside'))).toEqual([]);
  });

  it('names the examples there are when the name is unknown, with a suggestion, and writes nothing', async () => {
    const dir = join(tempDir('bl-example-none-'), 'x');
    const typo = await runMain(['templates', 'eject', '--example', 'postcrad', dir]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/Unknown example "postcrad" \(--example\); did you mean "postcard"\? The examples are postcard\./);
    const unknown = await runMain(['templates', 'eject', '--example', 'newsletter', dir]);
    expect(unknown.stderr).toMatch(/Unknown example "newsletter" \(--example\)\. The examples are postcard\./);
    expect(existsSync(dir)).toBe(false);
  });
});
