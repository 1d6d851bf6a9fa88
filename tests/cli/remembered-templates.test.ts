import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, UK_MP } from '../helpers/cli.js';
import { runMain } from '../helpers/main.js';
import { userPack } from '../helpers/pack.js';

/** A settings folder whose config.json remembers a template pack. */
function rememberTemplates(folder: string): string {
  const home = tempDir('bl-config-');
  mkdirSync(join(home, 'belarus-letter'));
  writeFileSync(join(home, 'belarus-letter', 'config.json'), JSON.stringify({ name: 'Alex Doe', templates: folder }));
  return home;
}

/**
 * A pack whose own letter, for the UK MP alone, says `words`: which pack drafted shows in the
 * letter. Serving one request keeps its one-page check to one letter, where a changed partial
 * would have every built-in letter checked again on each load.
 */
function packSaying(words: string): string {
  return userPack({
    'letters/own.hbs': `---\nid: own\ndescription: mine\nregions: [uk]\nrecipients: [mp]\nstances: [maintain]\n---\n{{recipient.salutation}}\n\n${words}\n\n{{sender.name}}\n`,
  });
}

describe('a remembered template folder', () => {
  const pack = packSaying("With a campaigner's own closing words.");

  it('is used by draft when neither --templates nor the environment names one', async () => {
    const home = rememberTemplates(pack);
    const r = await runMain(UK_MP, { env: { XDG_CONFIG_HOME: home } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("With a campaigner's own closing words.");
  });

  it('gives way to --templates and to $BELARUS_LETTER_TEMPLATES, and is ignored with --no-config', async () => {
    const home = rememberTemplates(pack);
    const other = packSaying('Other pack.');
    expect((await runMain(['--templates', other, ...UK_MP], { env: { XDG_CONFIG_HOME: home } })).stdout).toContain('Other pack.');
    expect((await runMain(UK_MP, { env: { XDG_CONFIG_HOME: home, BELARUS_LETTER_TEMPLATES: other } })).stdout).toContain('Other pack.');
    const ignored = await runMain([...UK_MP, '--no-config'], { env: { XDG_CONFIG_HOME: home } });
    expect(ignored.stdout).not.toContain('own closing words');
    expect(ignored.stdout).toContain('Dear Jane Smith,');
  });

  it('falls back to the built-in pack with a note when the folder is gone', async () => {
    const home = rememberTemplates(join(tempDir(), 'deleted-pack'));
    const r = await runMain(UK_MP, { env: { XDG_CONFIG_HOME: home } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Dear Jane Smith,');
    expect(r.stderr).toMatch(/The remembered template folder .*deleted-pack is gone; using the built-in pack/);
  });
});
