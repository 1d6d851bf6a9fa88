/**
 * One page, per letter: a pack whose longest phrasings run long in one region is only warned
 * about (naming the region and how to narrow `regions`), and `draft` refuses a letter only when
 * that letter itself is over a page, writing nothing.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, UK_MP } from '../helpers/cli.js';
import { runMain } from '../helpers/main.js';
import { userPack } from '../helpers/pack.js';

const LONG = Array.from({ length: 45 }, () => 'This sentence adds ten words to the letter, no more.').join(' ');
/** A campaigner's letter that runs long only for a UK foreign secretary. */
const longForOneOfficial = () =>
  userPack({
    'letters/t.hbs': `---\nid: t\ndescription: test\nregions: [uk, eu]\nstances: [maintain]\n---\n{{#variants "x"}}{{#variant}}I am writing about the political prisoners in Belarus, and I ask you to act for them.{{/variant}}{{#variant region="uk" recipient="foreign-secretary"}}${LONG}{{/variant}}{{/variants}} {{story}}\n`,
  });

describe('templates validate', () => {
  it('reports an over-long worst case as a warning naming the region and the regions to narrow to, and passes', async () => {
    const r = await runMain(['templates', 'validate', longForOneOfficial()]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/for region uk its longest letter runs to \d{3} words \(recipient foreign-secretary, stance maintain/);
    expect(r.stderr).toMatch(/narrow its front matter to the regions where it fits \(regions: \[eu\]\)/);
    expect(r.stderr).toMatch(/is valid over the built-in pack/);
  });
});

describe('draft and the page', () => {
  it('drafts a letter that fits from a pack whose worst case does not', async () => {
    const r = await runMain(['--templates', longForOneOfficial(), ...UK_MP, '--template', 't']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/I ask you to act for them/);
  });

  it('refuses a letter that is itself over a page, and writes nothing', async () => {
    const out = join(tempDir(), 'letter.txt');
    const story = Array.from({ length: 40 }, () => 'This matters to me and to my family very much.').join(' ');
    const r = await runMain([...UK_MP, '--story', story, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/The letter is \d{3} words, more than fits on one page \(450\); nothing was written/);
    expect(r.stderr).toMatch(/Shorten your story/);
    expect(existsSync(out)).toBe(false);
    expect(r.stdout).toBe('');
  });

  it('lets the same letter through as an email, which has no page', async () => {
    const story = Array.from({ length: 40 }, () => 'This matters to me and to my family very much.').join(' ');
    const r = await runMain([...UK_MP, '--story', story, '--format', 'eml', '--recipient-email', 'jane.smith.mp@parliament.uk', '--email', 'alex@example.org']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/more than fits on one page/);
  });
});
