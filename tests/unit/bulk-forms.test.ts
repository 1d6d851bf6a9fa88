import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseColumnMap } from '../../src/bulk/column-map.js';
import { columnsHelp } from '../../src/bulk/columns-help.js';
import { columnFor, isFormMetadata } from '../../src/bulk/header-match.js';
import { mapArgs, mappingFileText, parseMappingFile } from '../../src/bulk/mapping-file.js';
import { askMappings } from '../../src/bulk/interactive-map.js';
import { ColumnMapper, missingColumns, rowToRequest, type RowDefaults } from '../../src/bulk/row-request.js';
import { guessColumns, lossesForAll } from '../../src/bulk/sheet-check.js';
import { counted, partOf } from '../../src/bulk/summary-words.js';
import { parseDateOrder, readDate, readRecipient, readRegion } from '../../src/bulk/values.js';
import { COUNTRIES } from '../../src/countries.js';
import { commandName, suggestCommand } from '../../src/io/invocation.js';
import type { InputRow } from '../../src/io/rows.js';
import { ROOT } from '../helpers/cli.js';
import { builtinPack } from '../helpers/pack.js';
import { scriptedPrompts } from '../helpers/prompts.js';

const REGIONS = new Map(builtinPack().regions.map((r) => [r.id, r.recipients.map((x) => x.id)]));
const defaults = (values: RowDefaults['values'] = {}, more: Partial<RowDefaults> = {}): RowDefaults => ({
  values,
  format: 'text',
  sources: true,
  date: '2026-11-25',
  regions: REGIONS,
  ...more,
});
const words = { row: 'row', column: 'column' };
const row = (n: number, entries: [string, unknown][]): InputRow => ({ row: n, entries });

describe('headers as form tools write them', () => {
  it("reads possessives and questions for the official's name", () => {
    for (const h of [
      "Your MP's name",
      'Name of your MP',
      'MP',
      "Representative's name",
      'Who is your senator?',
      "Your MP's full name",
      'Nom de votre eurodéputé',
      'Name Ihres Abgeordneten',
    ]) {
      expect(columnFor(h)?.column, h).toBe('recipient_name');
    }
  });

  it("reads the wizard's personal questions and common ones as the story", () => {
    for (const h of [
      'Why does this matter to you?',
      'Your message',
      'Tell us your story',
      'Comments',
      'What is your connection to Belarus, or to people affected?',
      'What do you want your senator to do?',
      'Votre message',
      'Ihre Nachricht',
    ]) {
      expect(columnFor(h)?.column, h).toBe('story');
    }
  });

  it("reads the sender's address, postcode and ZIP", () => {
    for (const h of ['Postcode', 'ZIP', 'Post code', 'Zip code', 'PLZ', 'Code postal']) expect(columnFor(h)?.column, h).toBe('postcode');
    for (const h of ['Street address', 'Address line 1', 'Adresse']) expect(columnFor(h)?.column, h).toBe('address');
  });

  it("folds accents and punctuation, and knows a form tool's own columns", () => {
    expect(columnFor('Région')?.column).toBe('region');
    expect(columnFor("What's your full name?")?.column).toBe('name');
    expect(columnFor('E-Mail-Adresse')?.column).toBe('email');
    for (const h of ['Timestamp', 'Horodateur', 'Start time', 'Submit Date (UTC)', '', '  ', '#']) expect(isFormMetadata(h), h).toBe(true);
    expect(isFormMetadata('Favourite colour')).toBe(false);
  });

  it('joins several story columns as the wizard joins its answers; one stays exactly as written', () => {
    const base: [string, unknown][] = [
      ['Name', 'Alex Doe'],
      ['City', 'Leeds'],
    ];
    const d = defaults({ region: 'uk', recipient: 'mp', stance: 'maintain' });
    const two = rowToRequest(
      row(2, [...base, ['What is your connection to Belarus?', 'my aunt lives in Minsk'], ['Why does this matter to you?', 'she cannot leave']]),
      new ColumnMapper(),
      d,
      words,
    );
    expect(two.ok && two.request.story).toBe('My aunt lives in Minsk. She cannot leave.');
    const one = rowToRequest(row(2, [...base, ['Comments', 'lower case, no stop']]), new ColumnMapper(), d, words);
    expect(one.ok && one.request.story).toBe('lower case, no stop');
  });

  it('joins first and last name columns into the name', () => {
    for (const h of ['First name', 'first_name', 'Vorname', 'Prénom']) expect(columnFor(h)?.column, h).toBe('first_name');
    for (const h of ['Last name', 'Surname', 'Nachname', 'Nom de famille']) expect(columnFor(h)?.column, h).toBe('last_name');
    expect(columnFor('name')?.column).toBe('name');
    const d = defaults({ region: 'uk', recipient: 'mp', stance: 'maintain' });
    const r = rowToRequest(
      row(2, [
        ['first_name', 'Alex'],
        ['last_name', 'Doe'],
        ['zip_code', 'LS1 1AA'],
        ['City', 'Leeds'],
      ]),
      new ColumnMapper(),
      d,
      words,
    );
    expect(r.ok && r.request).toMatchObject({ name: 'Alex Doe', postcode: 'LS1 1AA' });
    expect(missingColumns(['First name', 'Last name', 'City'], d, new ColumnMapper())).toEqual([]);
  });

  it('leaves trailing empty headers out without a warning', () => {
    const mapper = new ColumnMapper();
    for (const h of ['Name', '', '']) mapper.spec(h);
    expect(mapper.unknown).toEqual([]);
  });
});

describe('values as people type them', () => {
  it('reads countries and codes in English and as written locally', () => {
    const cases: [string, string, string?][] = [
      ['United Kingdom', 'uk'],
      ['UK', 'uk'],
      ['GB', 'uk'],
      ['Great Britain', 'uk'],
      ['United States', 'us'],
      ['USA', 'us'],
      ['US', 'us'],
      ['U.S.A.', 'us'],
      ['Canada', 'ca'],
      ['CA', 'ca'],
      ['Australia', 'au'],
      ['AU', 'au'],
      ['France', 'eu', 'FR'],
      ['Deutschland', 'eu', 'DE'],
      ['DE', 'eu', 'DE'],
      ['Österreich', 'eu', 'AT'],
      ['España', 'eu', 'ES'],
      ['Polska', 'eu', 'PL'],
      ['Ελλάδα', 'eu', 'GR'],
      ['Lietuva', 'eu', 'LT'],
      ['eu', 'eu'],
      ['uk', 'uk'],
    ];
    for (const [value, region, country] of cases) expect(readRegion(value, REGIONS), value).toEqual({ region, ...(country ? { country } : {}) });
    expect(COUNTRIES.filter((c) => c.code).length).toBe(27);
    const other = readRegion('Norway', REGIONS);
    expect(other.region).toBe('other');
    expect(other.note).toMatch(/"Norway" is not a region or country/);
    // Its code still reaches the letter, so the address is written as Norway writes it.
    expect(other.country).toBe('NO');
    expect(readRegion('Norvège', REGIONS).country).toBe('NO');
    expect(readRegion('mars', REGIONS).country).toBeUndefined();
    expect(readRegion('United Nations', REGIONS).country).toBeUndefined();
  });

  it("reads an official's everyday name as the id of one in that region", () => {
    expect(readRecipient('foreign minister', REGIONS.get('eu'))).toBe('foreign-minister');
    expect(readRecipient('Foreign Minister', REGIONS.get('uk'))).toBe('foreign-secretary');
    expect(readRecipient('member of parliament', REGIONS.get('uk'))).toBe('mp');
    expect(readRecipient('Member of Parliament', REGIONS.get('au'))).toBe('member');
    expect(readRecipient('Senator', REGIONS.get('us'))).toBe('senator');
    expect(readRecipient('congresswoman', REGIONS.get('us'))).toBe('representative');
    expect(readRecipient('Außenminister', REGIONS.get('eu'))).toBe('foreign-minister');
    expect(readRecipient('astronaut', REGIONS.get('us'))).toBe('astronaut');
  });

  it('reads European and American dates when they are unambiguous or the order is given', () => {
    expect(readDate('2026-11-30')).toEqual({ ok: true, date: '2026-11-30' });
    expect(readDate('30.11.2026')).toEqual({ ok: true, date: '2026-11-30' });
    expect(readDate('1.12.2026')).toEqual({ ok: true, date: '2026-12-01' });
    expect(readDate('30/11/2026')).toEqual({ ok: true, date: '2026-11-30' });
    expect(readDate('11/30/2026')).toEqual({ ok: true, date: '2026-11-30' });
    expect(readDate('05/05/2026')).toEqual({ ok: true, date: '2026-05-05' });
    expect(readDate('04/05/2026', 'dmy')).toEqual({ ok: true, date: '2026-05-04' });
    expect(readDate('04/05/2026', 'mdy')).toEqual({ ok: true, date: '2026-04-05' });
    const ambiguous = readDate('04/05/2026');
    expect(!ambiguous.ok && ambiguous.error).toMatch(/could be 4 May or April 5; say which with --date-format DD\/MM\/YYYY/);
    expect(parseDateOrder('DD/MM/YYYY')).toBe('dmy');
    expect(parseDateOrder('mm/dd/yyyy')).toBe('mdy');
    expect(parseDateOrder('yyyy')).toBeUndefined();
  });

  it('a row: country gives region and member state; an ambiguous date names its column', () => {
    const d = defaults({ stance: 'maintain' });
    const ok = rowToRequest(
      row(2, [
        ['Name', 'Anna'],
        ['Ort', 'Berlin'],
        ['Land', 'Deutschland'],
        ['Empfänger', 'foreign minister'],
        ['Datum', '30.11.2026'],
      ]),
      new ColumnMapper(),
      d,
      words,
    );
    expect(ok.ok && ok.request).toMatchObject({ region: 'eu', country: 'DE', recipient: 'foreign-minister', date: '2026-11-30' });
    const bad = rowToRequest(
      row(3, [
        ['Name', 'Anna'],
        ['Ort', 'Berlin'],
        ['Land', 'DE'],
        ['Empfänger', 'mep'],
        ['Datum', '04/05/2026'],
      ]),
      new ColumnMapper(),
      d,
      words,
    );
    expect(!bad.ok && bad.error).toMatch(/^row 3, column Datum: "04\/05\/2026" could be 4 May or April 5/);
  });
});

describe('no silent loss', () => {
  const sample = [
    row(2, [
      ['Full name', 'Alex Doe'],
      ['Our MP, please', 'Jane Smith'],
      ['In your words', 'My aunt was jailed in Minsk in 2021 for a post she shared online.'],
      ['Favourite colour', 'blue'],
    ]),
    row(3, [
      ['Full name', 'Sam Lee'],
      ['Our MP, please', 'John Doe'],
      ['In your words', 'I left Belarus in 2020 and my friends who stayed still fear a knock.'],
      ['Favourite colour', 'red'],
    ]),
  ];
  const headers = ['Full name', 'Our MP, please', 'In your words', 'Favourite colour'];

  it("guesses the official's name from a header and a story from its values", () => {
    const mapper = new ColumnMapper();
    for (const h of headers) mapper.spec(h);
    const guesses = guessColumns(headers, sample, mapper);
    expect(guesses).toEqual([
      { header: 'Our MP, please', column: 'recipient_name', by: 'header' },
      { header: 'In your words', column: 'story', by: 'values' },
    ]);
    expect(lossesForAll(guesses, headers, mapper, false).map((g) => g.column)).toEqual(['recipient_name', 'story']);
    // --recipient-name gives every letter one: no loss for all.
    expect(lossesForAll(guesses, headers, mapper, true).map((g) => g.column)).toEqual(['story']);
  });

  it("a second column of people's names beside the sender's is the official's", () => {
    const rows = [
      row(2, [
        ['Name', 'Alex Doe'],
        ['Contact', 'Jane Smith'],
      ]),
      row(3, [
        ['Name', 'Sam Lee'],
        ['Contact', 'John Doe'],
      ]),
    ];
    const mapper = new ColumnMapper();
    for (const h of ['Name', 'Contact']) mapper.spec(h);
    expect(guessColumns(['Name', 'Contact'], rows, mapper)).toEqual([{ header: 'Contact', column: 'recipient_name', by: 'values' }]);
  });

  it('a header ignored with --map "HEADER=" is no loss', () => {
    const mapper = new ColumnMapper([parseColumnMap('In your words='), parseColumnMap('Our MP, please=')]);
    for (const h of headers) mapper.spec(h);
    expect(guessColumns(headers, sample, mapper)).toEqual([]);
  });
});

describe('mapping on the terminal and in a file', () => {
  it('asks about each unknown header, the likely column first, and gives the maps', async () => {
    const mapper = new ColumnMapper();
    const headers = ['Full name', 'Our MP, please', 'Favourite colour'];
    for (const h of headers) mapper.spec(h);
    const sample = [
      row(2, [
        ['Full name', 'Alex Doe'],
        ['Our MP, please', 'Jane Smith'],
        ['Favourite colour', 'blue'],
      ]),
    ];
    const prompts = scriptedPrompts({ map: ['recipient_name', ''] });
    const maps = await askMappings({
      unknown: mapper.unknown,
      guesses: guessColumns(headers, sample, mapper),
      missing: missingColumns(headers, defaults({ region: 'uk', recipient: 'mp', stance: 'maintain' }), mapper),
      present: ['name'],
      sample,
      prompts,
    });
    expect(maps.map((m) => [m.header, m.spec?.column ?? ''])).toEqual([
      ['Our MP, please', 'recipient_name'],
      ['Favourite colour', ''],
    ]);
    expect(prompts.asked[0]?.message).toBe('"Our MP, please" (e.g. "Jane Smith") holds');
    expect(prompts.asked[0]?.default).toBe('recipient_name');
    expect(prompts.asked[0]?.choices?.[0]?.value).toBe('recipient_name');
    // A column the sheet already has is not offered again.
    expect(prompts.asked[1]?.choices?.some((c) => c.value === 'name')).toBe(false);
    expect(mapArgs(maps)).toEqual(['--map', 'Our MP, please=recipient_name', '--map', 'Favourite colour=']);
  });

  it('a saved mapping file reads back as the same maps, and bad ones name the header', () => {
    const maps = [parseColumnMap("Your MP's full name=recipient_name"), parseColumnMap('Timestamp=')];
    const text = mappingFileText(maps);
    expect(parseMappingFile(text)).toEqual(maps);
    expect(parseMappingFile('{"Where do you live?": "city"}')[0]?.spec?.column).toBe('city');
    expect(() => parseMappingFile('Full name: nme')).toThrow(/"Full name": "nme" is not a column/);
    expect(() => parseMappingFile('- a\n- b')).toThrow(/HEADER: column/);
  });
});

describe('words for counts and commands', () => {
  it('counts agree with their nouns and verbs', () => {
    expect(counted(1, 'letter')).toBe('1 letter');
    expect(counted(1761, 'row')).toBe('1,761 rows');
    expect(partOf(1, 1, 'letter')).toBe('1 of 1 letter has');
    expect(partOf(3, 20, 'letter')).toBe('3 of 20 letters have');
    expect(partOf(2, 5, 'row', ['failed', 'failed'])).toBe('2 of 5 rows failed');
  });

  it('suggests npx belarus-letter when npx ran it', () => {
    expect(commandName({ npm_command: 'exec' }, '/work/project/node_modules/.bin/belarus-letter')).toBe('npx belarus-letter');
    // Run by something npx started (a test runner), not by npx itself.
    expect(commandName({ npm_command: 'exec' }, '/work/belarus-letter/bin/belarus-letter.js')).toBe('belarus-letter');
    expect(commandName({}, '/home/a/.npm/_npx/1f2e/node_modules/.bin/belarus-letter')).toBe('npx belarus-letter');
    expect(commandName({}, '/usr/local/bin/belarus-letter')).toBe('belarus-letter');
    expect(suggestCommand(['bulk', "My MP's sheet.csv", '--resume'], 'belarus-letter')).toBe("belarus-letter bulk 'My MP'\\''s sheet.csv' --resume");
  });
});

describe('docs/bulk.md', () => {
  it('lists the columns exactly as `bulk --columns` prints them', () => {
    const doc = readFileSync(join(ROOT, 'docs', 'bulk.md'), 'utf8');
    const table = columnsHelp().split('\n\n')[0] as string;
    expect(doc).toContain(table);
  });
});
