import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, UK_MP } from '../helpers/cli.js';
import { runMain } from '../helpers/main.js';

const NO_TRACE = /\n\s+at |Error:|node:internal/;

describe('belarus-letter draft', () => {
  it('prints a complete letter to stdout, with a note on stale figures on stderr', async () => {
    const r = await runMain([...UK_MP, '--story', 'My aunt was jailed in Minsk in 2021.']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Alex Doe\nLeeds\n\n25 November 2026\n\nJane Smith MP\nHouse of Commons\nLondon SW1A 0AA\n\nDear Jane Smith,\n\n/);
    expect(r.stdout).toContain('My aunt was jailed in Minsk in 2021.');
    expect(r.stdout).toMatch(/\n\nAlex Doe\n\nSources\n1\. /);
    expect(r.stderr).toMatch(/^note: The count of political prisoners in this letter is from the end of December 2025/m);
    // The rest of the record can have moved too: the note before it says how far the letter's facts go.
    expect(r.stderr).toMatch(
      /^note: Facts in this letter go up to \w+ 2026; check its sentences on releases, relief and sanctions before you send it:\n {2}- "/m,
    );
    expect(r.stderr.indexOf('note: Facts in this letter')).toBeLessThan(r.stderr.indexOf('note: The count'));
    expect(r.stderr).not.toMatch(/no words of your own/);
  });

  it("sends an EU member state's writer to the EU letter for their foreign minister, and only notes it for a member of their parliament", async () => {
    const base = ['draft', '--no-config', '-r', 'other', '-s', 'maintain', '-n', 'Ingrid Berg', '-c', 'Stockholm', '--country', 'SE', '--seed', '1'];
    const minister = await runMain([...base, '-t', 'foreign-minister']);
    expect(minister.code).toBe(2);
    expect(minister.stdout).toBe('');
    expect(minister.stderr).toMatch(/--country SE: Sweden is a member of the EU.*\n.*--region eu --recipient foreign-minister/);
    expect(minister.stderr).not.toMatch(NO_TRACE);
    const member = await runMain([...base, '-t', 'representative']);
    expect(member.code).toBe(0);
    expect(member.stderr).toMatch(/^note: Sweden is a member of the EU/m);
    const norway = await runMain([...base.slice(0, -4), '--country', 'NO', '--seed', '1', '-t', 'foreign-minister']);
    expect(norway.code).toBe(0);
  });

  it('tells a writer who gave no words of their own how to add them, and says how far the facts go without a count', async () => {
    const r = await runMain([...UK_MP, '--facts', 'release-mar-2026']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^note: The letter has no words of your own.*--story or --story-file\.$/m);
    expect(r.stderr).toMatch(/^note: Facts in this letter go up to March 2026; check its sentences on releases, relief and sanctions before you send it:$/m);
  });

  it("writes the sender's country under the address with --country when the letter goes abroad, and not at home", async () => {
    const mep = ['draft', '--region', 'eu', '--recipient', 'mep', '--stance', 'maintain', '--name', 'Jonas Petraitis', '--city', 'Vilnius'];
    const abroad = await runMain([...mep, '--postcode', '01103', '--country', 'lt', '--date', '2026-11-25']);
    expect(abroad.code, abroad.stderr).toBe(0);
    expect(abroad.stdout).toMatch(/^Jonas Petraitis\n01103 Vilnius\nLithuania\n\n/);
    expect(abroad.stderr).not.toMatch(/another country/);
    const unsaid = await runMain([...mep, '--postcode', '01103', '--date', '2026-11-25']);
    expect(unsaid.stderr).toMatch(/^note: The letter goes to another country: add your own country under your address with --country/m);
    const home = await runMain([
      'draft',
      '--region',
      'eu',
      '--recipient',
      'foreign-minister',
      '--stance',
      'maintain',
      '--name',
      'Jonas Petraitis',
      '--city',
      'Vilnius',
      '--country',
      'LT',
      '--date',
      '2026-11-25',
    ]);
    expect(home.stdout).not.toMatch(/Lithuania\n\n/);
    const bad = await runMain([...mep, '--country', 'Lithuania']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--country/);
  });

  it('writes to --out, leaving stdout empty, and the file matches what stdout would show', async () => {
    const dir = tempDir();
    const file = join(dir, 'letters', 'letter.txt');
    const r = await runMain([...UK_MP, '--out', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/Wrote .*letter\.txt \(\d+ words\)/);
    expect(readFileSync(file, 'utf8')).toBe((await runMain(UK_MP)).stdout);
    expect(readdirSync(join(dir, 'letters'))).toEqual(['letter.txt']);
  });

  it('refuses to overwrite an existing --out file without --force, leaving it untouched', async () => {
    const file = join(tempDir(), 'letter.txt');
    writeFileSync(file, 'my own draft');
    const r = await runMain([...UK_MP, '--out', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${file} already exists; it was left untouched.`);
    expect(r.stderr).toContain('--force');
    expect(readFileSync(file, 'utf8')).toBe('my own draft');
    const forced = await runMain([...UK_MP, '--out', file, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/^Alex Doe/);
  });

  it('takes the format from the --out extension unless --format says otherwise', async () => {
    const dir = tempDir();
    expect((await runMain([...UK_MP, '--out', join(dir, 'l.html')])).code).toBe(0);
    expect(readFileSync(join(dir, 'l.html'), 'utf8')).toMatch(/^<!doctype html>[\s\S]*<p class="salutation">Dear Jane Smith,<\/p>/);
    expect((await runMain([...UK_MP, '--out', join(dir, 'l.md')])).code).toBe(0);
    expect(readFileSync(join(dir, 'l.md'), 'utf8')).toContain('## Sources');
    expect((await runMain([...UK_MP, '--out', join(dir, 'x.html'), '--format', 'text'])).code).toBe(0);
    expect(readFileSync(join(dir, 'x.html'), 'utf8')).toMatch(/^Alex Doe/);
  });

  it('prints Markdown and HTML with --format', async () => {
    const md = await runMain([...UK_MP, '--format', 'markdown']);
    expect(md.stdout).toContain('Alex Doe\\\nLeeds');
    const html = await runMain([...UK_MP, '-f', 'html']);
    expect(html.stdout).toContain('@page { size: A4;');
    expect((await runMain(['draft', '-r', 'us', '-t', 'senator', '-s', 'maintain', '-n', 'Sam', '-c', 'Boston', '-f', 'html'])).stdout).toContain(
      '@page { size: letter;',
    );
  });

  it('prints { letter, meta } with --json', async () => {
    const r = await runMain([...UK_MP, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.letter).toBe((await runMain(UK_MP)).stdout);
    expect(out.meta).toMatchObject({ region: 'uk', recipient: 'mp', stance: 'maintain', format: 'text', date: '2026-11-25' });
    // One release, one fact of context and the count, chosen for this sender.
    expect(out.meta.citedFacts).toHaveLength(3);
    expect(out.meta.citedFacts.at(-1)).toBe('still-imprisoned');
    expect(out.meta.wordCount).toBeGreaterThanOrEqual(150);
    expect(out.meta.warnings.join('\n')).toMatch(/count of political prisoners in this letter is from the end of December 2025/);
  });

  it('leaves out the Sources section with --no-sources', async () => {
    const r = await runMain([...UK_MP, '--no-sources']);
    expect(r.stdout).not.toContain('Sources');
    expect(r.stdout.trimEnd()).toMatch(/\n\nAlex Doe$/);
  });

  // `--story-file -` reads fd 0 itself: tests/e2e/commands.test.ts gives it a real stdin.
  it('reads the story from --story-file', async () => {
    const file = join(tempDir(), 'story.txt');
    writeFileSync(file, '\uFEFFMy brother was arrested in 2020.\n\nHe is still in prison.\n');
    const fromFile = await runMain([...UK_MP, '--story-file', file]);
    expect(fromFile.code).toBe(0);
    expect(fromFile.stdout).toContain('My brother was arrested in 2020.\n\nHe is still in prison.');
  });

  it("puts the sender's address lines and email in the sender block", async () => {
    const r = await runMain([...UK_MP, '--address', '12 Park Row', '--address', 'LS1 5HD', '--email', 'alex@example.org']);
    expect(r.stdout).toMatch(/^Alex Doe\n12 Park Row\nLS1 5HD\nLeeds\nalex@example.org\n\n/);
  });

  it('uses the facts given with --facts', async () => {
    const r = await runMain([...UK_MP, '--facts', 'osce-2020-election', '--json']);
    expect(JSON.parse(r.stdout).meta.citedFacts).toEqual(['osce-2020-election']);
  });

  it('gives another wording for another --seed, the same for the same seed', async () => {
    const a = (await runMain([...UK_MP, '--seed', 'a'])).stdout;
    expect((await runMain([...UK_MP, '--seed', 'a'])).stdout).toBe(a);
    const others = new Set<string>();
    for (const seed of ['b', 'c', 'd', 'e']) others.add((await runMain([...UK_MP, '--seed', seed])).stdout);
    expect([...others].some((o) => o !== a)).toBe(true);
  });

  it('works as the default command', async () => {
    const r = await runMain(UK_MP.slice(1));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Dear Jane Smith,');
  });
});

describe('draft errors', () => {
  const cases: [string, string[], number, RegExp][] = [
    [
      'an unknown region',
      ['draft', '-r', 'xx', '-t', 'mp', '-s', 'maintain', '-n', 'A', '-c', 'B'],
      2,
      /Unknown region "xx" \(--region\)\. Choose us, uk, eu, ca, au or other\./,
    ],
    [
      'an unknown recipient',
      ['draft', '-r', 'uk', '-t', 'senator', '-s', 'maintain', '-n', 'A', '-c', 'B'],
      2,
      /Unknown recipient "senator" for region uk \(--recipient\)\. Choose mp or foreign-secretary\./,
    ],
    [
      'an unknown stance',
      ['draft', '-r', 'uk', '-t', 'mp', '-s', 'lift', '-n', 'A', '-c', 'B'],
      2,
      /Unknown stance "lift" \(--stance\)\. Choose maintain, strengthen or conditional\./,
    ],
    ['missing options, all listed', ['draft', '-r', 'uk'], 2, /Missing --recipient, --stance, --name and --city\./],
    ['no options at all', [], 2, /Missing --region, --recipient, --stance, --name and --city\./],
    ['a bad date', [...UK_MP, '--date', '2026-02-30'], 2, /--date: is not a real date\./],
    ['a bad email', [...UK_MP, '--email', 'not-an-email'], 2, /--email: must be an email address/],
    ['a bad format', [...UK_MP, '--format', 'pdfx'], 2, /argument 'pdfx' is invalid\. Allowed choices are text, markdown, html/],
    ['an unknown option', [...UK_MP, '--colour'], 2, /Unknown option '--colour'/],
    ['an unknown fact', [...UK_MP, '--facts', 'nope'], 2, /Unknown fact "nope" \(--facts\)/],
    ['both story options', [...UK_MP, '--story', 'x', '--story-file', 'y'], 2, /--story or --story-file, not both/],
    ['a missing story file', [...UK_MP, '--story-file', '/no/such/file.txt'], 2, /--story-file \/no\/such\/file\.txt: the file does not exist\./],
    [
      'a control character in a name',
      ['draft', '-r', 'uk', '-t', 'mp', '-s', 'maintain', '-n', 'A\u0007B', '-c', 'B'],
      2,
      /--name: must not contain control characters/,
    ],
  ];
  for (const [what, args, code, message] of cases) {
    it(`reports ${what} in plain words, with exit ${code} and no trace`, async () => {
      const r = await runMain(args);
      expect(r.code).toBe(code);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(NO_TRACE);
      expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(3);
    });
  }

  it('writes nothing when it fails', async () => {
    const dir = tempDir();
    await runMain(['draft', '-r', 'xx', '-t', 'mp', '-s', 'maintain', '-n', 'A', '-c', 'B', '--out', join(dir, 'l.txt')]);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('program', () => {
  it('prints help with examples, for the program and for draft', async () => {
    const top = await runMain(['--help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/Usage: belarus-letter/);
    expect(top.stdout).toMatch(/Examples:/);
    const draft = await runMain(['draft', '--help']);
    expect(draft.stdout).toMatch(/--recipient-name <name>/);
    expect(draft.stdout).toMatch(/Examples:\n\s+\$ belarus-letter draft/);
  });

  it("keeps generated files out of the user's folder", async () => {
    const dir = tempDir();
    await runMain(UK_MP, { cwd: dir });
    expect(existsSync(dir) && readdirSync(dir)).toEqual([]);
  });
});

describe('belarus-letter draft: notes for a writer in an EU member state', () => {
  it('tells a Swedish writer in region other about the EU region, though draft loads only the region it writes for', async () => {
    const r = await runMain([
      'draft',
      '-r',
      'other',
      '-t',
      'representative',
      '-s',
      'maintain',
      '-n',
      'Kari Lind',
      '-c',
      'Stockholm',
      '--country',
      'SE',
      '--date',
      '2026-12-01',
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /^note: Sweden is a member of the EU, which has its own Belarus sanctions: --region eu writes to your foreign minister about the Council's renewal due before 28 February 2027\.$/m,
    );
  });
});
