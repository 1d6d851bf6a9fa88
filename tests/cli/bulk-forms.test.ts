/**
 * Sign-up sheets as form tools and spreadsheets export them, through main(argv): each gives the
 * letters it should, a column that would be lost stops the batch, and a rerun is not a disaster.
 * Mapping headers on a terminal is in tests/e2e/bulk-forms.test.ts.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/cli.js';
import { runMain } from '../helpers/main.js';

const FORMS = join(ROOT, 'tests', 'fixtures', 'forms');
const DATE = ['--date', '2026-11-30'];
const letters = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => !f.startsWith('.'))
        .sort()
    : [];
const read = (dir: string, name: string) => readFileSync(join(dir, name), 'utf8');

describe('bulk: form exports as they come', () => {
  it('Google Forms: possessive and question headers, a trailing empty header, no warnings', async () => {
    const out = join(tempDir(), 'letters');
    const r = await runMain(['bulk', join(FORMS, 'google-forms.csv'), '--out-dir', out, '-r', 'uk', '-t', 'mp', '-s', 'maintain', ...DATE]);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/warning/);
    expect(letters(out)).toEqual(['0002-jane-smith-alex-doe.txt', '0003-john-doe-sam-lee.txt', '0004-mary-major-priya-patel.txt']);
    const alex = read(out, '0002-jane-smith-alex-doe.txt');
    expect(alex).toMatch(/^Dear Jane Smith,$/m);
    expect(alex).toContain('My aunt was jailed in Minsk in 2021 for a post she shared.');
    expect(alex).toContain('alex@example.org');
  });

  it("Microsoft Forms: its own columns left out quietly, a country column, the wizard's questions joined", async () => {
    const out = join(tempDir(), 'letters');
    const r = await runMain(['bulk', join(FORMS, 'microsoft-forms.csv'), '--out-dir', out, '-t', 'mp', '-s', 'maintain', ...DATE]);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/warning/);
    expect(letters(out)).toEqual(['0002-jane-smith-alex-doe.txt', '0003-john-doe-sam-lee.txt', '0004-mp-ana-novak.txt']);
    const alex = read(out, '0002-jane-smith-alex-doe.txt');
    expect(alex).toContain('House of Commons');
    expect(alex).toContain('My aunt lives in Minsk. Keep the sanctions until she can visit us freely.');
    expect(read(out, '0003-john-doe-sam-lee.txt')).toMatch(/Ottawa/);
    expect(read(out, '0004-mp-ana-novak.txt')).toMatch(/^Dear Member of Parliament,$/m);
  });

  it('Typeform JSON: question titles, a country, an official named in words', async () => {
    const out = join(tempDir(), 'letters');
    const r = await runMain(['bulk', join(FORMS, 'typeform.json'), '--out-dir', out, '-s', 'conditional', ...DATE]);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/warning/);
    expect(letters(out)).toEqual(['0001-john-doe-sam-lee.txt', '0002-mp-alex-doe.txt']);
    const sam = read(out, '0001-john-doe-sam-lee.txt');
    expect(sam).toMatch(/^Dear Senator Doe:$/m);
    expect(sam).toContain('my friends who stayed still fear a knock on the door.');
    expect(read(out, '0002-mp-alex-doe.txt')).toContain('House of Commons');
  });

  it('German Excel: semicolons, a byte-order mark, CRLF, DD.MM.YYYY, countries in German', async () => {
    const out = join(tempDir(), 'letters');
    const r = await runMain(['bulk', join(FORMS, 'german-excel.csv'), '--out-dir', out, '-s', 'strengthen']);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/warning/);
    expect(letters(out)).toEqual(['0002-foreign-minister-anna-schmidt.txt', '0003-foreign-minister-jonas-weber.txt', '0004-mep-lena-fischer.txt']);
    const anna = read(out, '0002-foreign-minister-anna-schmidt.txt');
    expect(anna).toContain('30 November 2026');
    expect(anna).toContain('Minister of Foreign Affairs');
    expect(anna).toContain('Meine Freundin sitzt seit 2021 in Homel im Gefängnis.');
    expect(read(out, '0003-foreign-minister-jonas-weber.txt')).toContain('1 December 2026');
    expect(read(out, '0004-mep-lena-fischer.txt')).toMatch(/^Dear Member of the European Parliament,$/m);
  });

  it('French: accented headers and officials named in French', async () => {
    const out = join(tempDir(), 'letters');
    const r = await runMain(['bulk', join(FORMS, 'french.csv'), '--out-dir', out, '-s', 'maintain', ...DATE]);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/warning/);
    expect(letters(out)).toEqual(['0002-elise-durand-camille-martin.txt', '0003-foreign-minister-hugo-bernard.txt']);
    const camille = read(out, '0002-elise-durand-camille-martin.txt');
    expect(camille).toMatch(/^Dear Élise Durand,$/m);
    expect(camille).toContain('Mon cousin a été arrêté à Minsk en 2020.');
  });

  it('an ambiguous date is an error naming the row and column; --date-format settles it', async () => {
    const dir = tempDir();
    const path = join(dir, 'sheet.csv');
    writeFileSync(path, 'name,city,date\nAlex Doe,Leeds,04/05/2026\n');
    const args = ['bulk', path, '--out-dir', join(dir, 'out'), '-r', 'uk', '-t', 'mp', '-s', 'maintain'];
    const r = await runMain(args);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/row 2, column date: "04\/05\/2026" could be 4 May or April 5; say which with --date-format/);
    const fixed = await runMain([...args, '--date-format', 'DD/MM/YYYY']);
    expect(fixed.code).toBe(0);
    expect(read(join(dir, 'out'), letters(join(dir, 'out'))[0] as string)).toContain('4 May 2026');
  });
});

describe('bulk: no silent loss', () => {
  const SHEET = [
    'Full name,Town,Our MP please,In your own words,Favourite colour',
    'Alex Doe,Leeds,Jane Smith,My aunt was jailed in Minsk in 2021 for a post she shared online.,blue',
    'Sam Lee,York,John Doe,I left Belarus in 2020 and my friends who stayed still fear a knock.,red',
  ].join('\n');
  const UK = ['-r', 'uk', '-t', 'mp', '-s', 'maintain', ...DATE];

  it("stops before writing when every letter would lack the official's name and a story a column holds", async () => {
    const dir = tempDir();
    const path = join(dir, 'sheet.csv');
    writeFileSync(path, SHEET);
    const out = join(dir, 'letters');
    const r = await runMain(['bulk', path, '--out-dir', out, ...UK]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /Every letter would go without the official's name and personal stories, which the columns "Our MP please" and "In your own words" seem to hold; nothing was written/,
    );
    expect(r.stderr).toContain("--map 'Our MP please=recipient_name' --map 'In your own words=story'");
    expect(existsSync(out)).toBe(false);
  });

  it('writes once the columns are mapped or left out, and warns of the rest with the --map to use', async () => {
    const dir = tempDir();
    const path = join(dir, 'sheet.csv');
    writeFileSync(path, SHEET);
    const out = join(dir, 'letters');
    const r = await runMain(['bulk', path, '--out-dir', out, ...UK, '--map', 'Our MP please=recipient_name', '--map', 'In your own words=']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/column "Favourite colour" is not one belarus-letter reads; .*--map 'Favourite colour='/);
    expect(read(out, '0002-jane-smith-alex-doe.txt')).toMatch(/^Dear Jane Smith,$/m);
  });
});

describe('bulk: empty headers', () => {
  it('leaves a trailing empty column out quietly, and warns of one that holds values', async () => {
    const dir = tempDir();
    const path = join(dir, 'sheet.csv');
    writeFileSync(path, 'name,,city,\nAlex Doe,secret,Leeds,\n');
    const r = await runMain(['bulk', path, '--out-dir', join(dir, 'out'), '-r', 'uk', '-t', 'mp', '-s', 'maintain', ...DATE]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/column 2 has no header but holds values such as "secret"; it is left out/);
    expect(r.stderr).not.toMatch(/column 4/);
  });
});

describe('bulk: reruns', () => {
  const SHEET = 'name,city,recipient_name,story\nAlex Doe,Leeds,Jane Smith,My aunt was jailed in Minsk in 2021.\nSam Lee,York,John Doe,\n';
  const UK = ['-r', 'uk', '-t', 'mp', '-s', 'maintain'];

  it('the same command again counts the letters as already there and exits 0', async () => {
    const dir = tempDir();
    const path = join(dir, 'sheet.csv');
    writeFileSync(path, SHEET);
    const out = join(dir, 'letters');
    const EARLIER = ['--date', '2026-11-25'];
    expect((await runMain(['bulk', path, '--out-dir', out, ...UK, ...EARLIER])).code).toBe(0);
    const again = await runMain(['bulk', path, '--out-dir', out, ...UK, ...EARLIER]);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/Wrote 0 letters in .*: 2 already there as this run would write them, 0 skipped, 0 failed/);
    expect(again.stderr).not.toMatch(/error/);
    // Without --date, the batch's date from the first run is kept, so the letters are the same.
    const undated = await runMain(['bulk', path, '--out-dir', out, ...UK]);
    expect(undated.code).toBe(0);
    expect(undated.stderr).toMatch(/dated 2026-11-25; this run dates its letters the same/);
    expect(undated.stderr).toMatch(/2 already there/);
  });

  it('a letter that differs fails, with the commands to replace or keep it, grammatically', async () => {
    const dir = tempDir();
    const path = join(dir, 'sheet.csv');
    writeFileSync(path, SHEET);
    const out = join(dir, 'letters');
    expect((await runMain(['bulk', path, '--out-dir', out, ...UK, ...DATE])).code).toBe(0);
    writeFileSync(path, SHEET.replace('My aunt', 'My uncle'));
    const r = await runMain(['bulk', path, '--out-dir', out, ...UK, ...DATE]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/already exists with a different letter; add --force to replace it, or --resume/);
    expect(r.stderr).toMatch(/1 already there as this run would write it, 0 skipped, 1 failed/);
    expect(r.stderr).toMatch(/1 of 2 rows failed\./);
    expect(r.stderr).toMatch(/To replace it:\n {2}belarus-letter bulk .* --force\nTo keep it and write only the rest:\n {2}belarus-letter bulk .* --resume/);
  });

  it('with stdin input, says to pipe the input in again', async () => {
    const dir = tempDir();
    const out = join(dir, 'letters');
    const bad = 'name,city\nAlex Doe,Leeds\n,York\n';
    const r = await runMain(['bulk', '-', '--out-dir', out, ...UK, ...DATE], { cwd: dir, input: bad });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/1 of 2 rows failed/);
    expect(r.stderr).toMatch(/\(pipe the same input in again\)\n {2}\.\.\. \| belarus-letter bulk - --out-dir .* --resume/);
  });

  it('says "1 of 1 letter has no personal story"', async () => {
    const dir = tempDir();
    const path = join(dir, 'sheet.csv');
    writeFileSync(path, 'name,city\nAlex Doe,Leeds\n');
    const r = await runMain(['bulk', path, '--out-dir', join(dir, 'out'), ...UK, ...DATE]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/1 of 1 letter has no personal story/);
  });
});
