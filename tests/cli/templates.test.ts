/** `templates list|show|eject|validate` and --templates, through the built binary. */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir, UK_MP } from '../helpers/cli.js';
import { runMain } from '../helpers/main.js';

const POSTCARD = join(ROOT, 'examples', 'postcard', 'letters', 'postcard.hbs');

describe('the eject, edit, validate, draft round trip', () => {
  it('works as docs/templates.md walks through it', async () => {
    const cwd = tempDir('bl-e2e-templates-');
    // The whole built-in pack, to edit.
    const full = await runMain(['templates', 'eject', 'full-pack'], { cwd });
    expect(full.code).toBe(0);
    expect(full.stdout).toBe('');
    expect(full.stderr).toMatch(/Copied the built-in template pack to full-pack \(\d+ files/);
    expect(readdirSync(join(cwd, 'full-pack')).sort()).toEqual(['facts.yaml', 'letters', 'pack.yaml', 'partials']);
    expect(readFileSync(join(cwd, 'full-pack', 'letters', 'letter.hbs'), 'utf8')).toBe(readFileSync(join(ROOT, 'templates', 'letters', 'letter.hbs'), 'utf8'));

    // The worked example, as docs/templates.md starts it.
    const ejected = await runMain(['templates', 'eject', '--example', 'postcard', 'my-pack'], { cwd });
    expect(ejected.code, ejected.stderr).toBe(0);
    expect(ejected.stdout).toBe('');
    expect(readdirSync(join(cwd, 'my-pack'))).toEqual(['letters']);

    // A second eject refuses the folder, now not empty.
    const again = await runMain(['templates', 'eject', 'my-pack'], { cwd });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/my-pack is not empty; nothing was written\.\n.*--force/);

    // Edit: add the postcard with a typo; validation finds it with its place.
    const typo = readFileSync(POSTCARD, 'utf8').replace('{{recipient.salutation}}', '{{recipent.salutation}}');
    writeFileSync(join(cwd, 'my-pack', 'letters', 'postcard.hbs'), typo);
    const bad = await runMain(['templates', 'validate', 'my-pack'], { cwd });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe(
      'my-pack/letters/postcard.hbs:10:28: unknown variable "recipent.salutation" (did you mean "recipient.salutation"?); templates can use sender, recipient, region, stance, story, storyAsks, facts, date, format\n',
    );
    expect(bad.stderr).toMatch(/1 problem in my-pack/);
    // Drafting with the broken pack fails before any letter is written.
    const refused = await runMain(['--templates', 'my-pack', ...UK_MP, '--template', 'postcard'], { cwd });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/my-pack\/letters\/postcard\.hbs:10:28: unknown variable "recipent\.salutation"/);

    // Fix it: valid, listed, shown, and drafts a postcard.
    cpSync(POSTCARD, join(cwd, 'my-pack', 'letters', 'postcard.hbs'));
    const good = await runMain(['templates', 'validate', 'my-pack'], { cwd });
    expect(good.code).toBe(0);
    expect(good.stderr).toMatch(/my-pack is valid over the built-in pack: 2 letter templates, \d+ partials, \d+ facts; every letter fits on one page/);

    const list = await runMain(['--templates', 'my-pack', 'templates', 'list', '--json'], { cwd });
    expect(list.code).toBe(0);
    const listed = JSON.parse(list.stdout) as { id: string; regions: string[]; file: string }[];
    expect(listed.map((t) => t.id)).toEqual(['postcard', 'letter']);
    expect(listed[0]).toMatchObject({ regions: ['*'], recipients: ['*'], stances: ['*'], file: 'my-pack/letters/postcard.hbs' });

    const show = await runMain(['--templates', 'my-pack', 'templates', 'show', 'postcard'], { cwd });
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/^---\nid: postcard\ndescription: A postcard[\s\S]*\n---\n\{\{#section "salutation"\}\}\{\{recipient\.salutation\}\}/);

    const draft = await runMain(['--templates', 'my-pack', ...UK_MP, '--template', 'postcard', '--json'], { cwd });
    expect(draft.code).toBe(0);
    const { letter, meta } = JSON.parse(draft.stdout) as { letter: string; meta: { template: string; wordCount: number; citedFacts: string[] } };
    expect(meta.template).toBe('postcard');
    expect(meta.wordCount).toBeGreaterThan(90);
    expect(meta.wordCount).toBeLessThan(160);
    expect(letter).toMatch(/^Dear Jane Smith,\n\n/);
    expect(letter).toMatch(/Thank you,\n+Alex Doe, Leeds\n\nSources\n1\. Human Rights Watch/);

    // The preview of this same postcard is templates-preview.test.ts's first test.

    // Without --template a template of the user's pack drafts before the built-in ones.
    const plain = await runMain(['--templates', 'my-pack', ...UK_MP, '--json'], { cwd });
    expect(JSON.parse(plain.stdout).meta.template).toBe('postcard');
    const builtin = await runMain(['--templates', 'full-pack', ...UK_MP, '--json'], { cwd });
    expect(JSON.parse(builtin.stdout).meta.template).toBe('letter');
    // A dozen commands in a row: on two cores shared with other work they can outlast the default limit.
  }, 120_000);
});

describe('templates commands', () => {
  it('lists the built-in templates as text', async () => {
    const r = await runMain(['templates', 'list']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^letter\n {2}A one-page letter.*\n {2}regions: all; recipients: all; stances: all; formats: text, markdown, html\n/);
  });

  it('shows its help and exits 2 when run without a subcommand', async () => {
    const r = await runMain(['templates']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/Usage: belarus-letter templates[\s\S]*eject \[options\] <dir>/);
    expect(r.stderr).not.toMatch(/outputHelp/);
  });

  it('rejects an unknown template id with exit 2', async () => {
    const r = await runMain(['templates', 'show', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Unknown template "nope"\. Choose letter\./);
    const d = await runMain([...UK_MP, '--template', 'nope']);
    expect(d.code).toBe(2);
    expect(d.stderr).toMatch(/Unknown template "nope" \(--template\)/);
  });

  it('validates the built-in pack when given no folder', async () => {
    const r = await runMain(['templates', 'validate']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/The built-in pack is valid/);
  });

  it('takes the pack from BELARUS_LETTER_TEMPLATES like --templates', async () => {
    const r = await runMain([...UK_MP, '--template', 'postcard', '--json'], { env: { BELARUS_LETTER_TEMPLATES: join(ROOT, 'examples', 'postcard') } });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).meta.template).toBe('postcard');
    const v = await runMain(['templates', 'validate'], { env: { BELARUS_LETTER_TEMPLATES: join(ROOT, 'examples', 'postcard') } });
    expect(v.code).toBe(0);
    expect(v.stderr).toMatch(/postcard is valid over the built-in pack/);
  });

  it('reports a missing pack folder as a usage error', async () => {
    const r = await runMain(['--templates', 'no-such-folder', 'templates', 'list']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/The template folder no-such-folder does not exist/);
    expect(r.stderr).toMatch(/Give the folder made by `belarus-letter templates eject DIR`, or leave out --templates\./);
    // Given as validate's own argument, the folder came from no option, so the hint names none.
    const named = await runMain(['templates', 'validate', 'no-such-folder']);
    expect(named.code).toBe(2);
    expect(named.stderr).toMatch(/The template folder no-such-folder does not exist/);
    expect(named.stderr).not.toMatch(/--templates/);
  });
});

describe('eject never overwrites by surprise and never writes outside DIR', () => {
  it('with --force replaces pack files and leaves other files alone', async () => {
    const dir = join(tempDir('bl-eject-'), 'pack');
    mkdirSync(join(dir, 'letters'), { recursive: true });
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    writeFileSync(join(dir, 'letters', 'letter.hbs'), 'edited');
    writeFileSync(join(dir, 'letters', 'postcard.hbs'), 'keep me');
    expect((await runMain(['templates', 'eject', dir])).code).toBe(1);
    expect(readFileSync(join(dir, 'letters', 'letter.hbs'), 'utf8')).toBe('edited');
    const r = await runMain(['templates', 'eject', dir, '--force']);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mine');
    expect(readFileSync(join(dir, 'letters', 'postcard.hbs'), 'utf8')).toBe('keep me');
    expect(readFileSync(join(dir, 'letters', 'letter.hbs'), 'utf8')).toBe(readFileSync(join(ROOT, 'templates', 'letters', 'letter.hbs'), 'utf8'));
  });

  it('refuses to follow a link out of DIR', async () => {
    const base = tempDir('bl-eject-link-');
    const outside = join(base, 'outside');
    mkdirSync(outside);
    const dir = join(base, 'pack');
    mkdirSync(dir);
    symlinkSync(outside, join(dir, 'letters'));
    const r = await runMain(['templates', 'eject', dir, '--force']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/would be written outside .*pack \(through a link\)/);
    expect(readdirSync(outside)).toEqual([]);
  });

  it('refuses a file given as DIR', async () => {
    const file = join(tempDir('bl-eject-file-'), 'f');
    writeFileSync(file, 'x');
    const r = await runMain(['templates', 'eject', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/exists and is not a folder/);
    expect(existsSync(join(file, 'pack.yaml'))).toBe(false);
  });
});

describe('facts from a user pack', () => {
  it('are listed with their origin and cited with their source', async () => {
    const dir = join(tempDir('bl-facts-'), 'local');
    mkdirSync(join(dir, 'letters'), { recursive: true });
    writeFileSync(
      join(dir, 'facts.yaml'),
      'facts:\n  - id: council-motion\n    text: Our council backed the political prisoners of Belarus in March 2026.\n    sources: [council-minutes]\n    asOf: 2026-03\n    confidence: high\nsources:\n  - id: council-minutes\n    title: Council minutes, March 2026\n    publisher: Leeds City Council\n    date: 2026-03-04\n    url: https://example.org/council/minutes-2026-03-04\n',
    );
    const facts = await runMain(['--templates', dir, 'facts']);
    expect(facts.code).toBe(0);
    expect(facts.stdout).toContain(`council-motion (as of March 2026; from ${dir})`);
    expect(facts.stdout).toMatch(/still-imprisoned \(as of 31 December 2025\)\n/);
    const json = JSON.parse((await runMain(['--templates', dir, 'facts', '--json'])).stdout) as { id: string; origin: string }[];
    expect(json.find((f) => f.id === 'council-motion')?.origin).toBe(dir);
    expect(json.find((f) => f.id === 'still-imprisoned')?.origin).toBe('built-in');

    const letter = await runMain(['--templates', dir, ...UK_MP, '--facts', 'still-imprisoned,council-motion']);
    expect(letter.code).toBe(0);
    expect(letter.stdout).toContain('Our council backed the political prisoners of Belarus in March 2026.');
    expect(letter.stdout).toMatch(/Sources\n[\s\S]*Leeds City Council, "Council minutes, March 2026", 4 March 2026/);
  });
});
