import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ColumnMapError, parseColumnMap } from '../../src/bulk/column-map.js';
import { COLUMNS } from '../../src/bulk/columns.js';
import { columnsHelp, exampleCsv } from '../../src/bulk/columns-help.js';
import { columnFor, normaliseHeader } from '../../src/bulk/header-match.js';
import { ColumnMapper, likelyHeaders, missingColumns, rowToRequest, type RowDefaults } from '../../src/bulk/row-request.js';
import type { InputRow } from '../../src/io/rows.js';

const defaults = (values: RowDefaults['values'] = {}): RowDefaults => ({ values, format: 'text', sources: true, date: '2026-11-25' });
const words = { row: 'row', column: 'column' };
const row = (n: number, entries: [string, unknown][]): InputRow => ({ row: n, entries });
const ALEX: [string, unknown][] = [
  ['Name', 'Alex Doe'],
  ['City', 'Leeds'],
  ['Region', 'uk'],
  ['Recipient', 'mp'],
  ['Stance', 'maintain'],
];

describe('bulk columns', () => {
  it('matches headers ignoring case, spaces, dashes and underscores', () => {
    for (const h of ['recipient_name', 'Recipient Name', 'RECIPIENT-NAME', ' recipientName ', 'MP name']) {
      expect(columnFor(h)?.field).toBe('recipientName');
    }
    expect(normaliseHeader('E-Mail Address')).toBe('emailaddress');
    expect(columnFor('Favourite colour')).toBeUndefined();
  });

  it('reads a postcode or ZIP column, which offices check to count a constituent', () => {
    for (const h of ['postcode', 'Post code', 'ZIP', 'Zip code', 'Postal code']) expect(columnFor(h)?.field).toBe('postcode');
  });

  it('reads a state or province column, which the post reads with the ZIP or postcode', () => {
    for (const h of ['state', 'State', 'Province', 'State/Province', 'State or territory']) expect(columnFor(h)?.field).toBe('state');
    const canadian: [string, unknown][] = [...ALEX.filter(([h]) => h !== 'Region'), ['Region', 'ca'], ['Province', 'ON']];
    const result = rowToRequest(row(2, canadian), new ColumnMapper(), defaults(), words);
    expect(result.ok && result.request.state).toBe('ON');
  });

  it("reads a form tool's headers: punctuation and a note in brackets do not matter", () => {
    expect(columnFor('Your story (optional)')?.field).toBe('story');
    expect(columnFor('Your full name')?.field).toBe('name');
    expect(columnFor('Town or city')?.field).toBe('city');
    expect(columnFor('Town/City')?.field).toBe('city');
    expect(columnFor('Email Address:')?.field).toBe('email');
    expect(columnFor('Town (e.g. Leeds)')?.field).toBe('city');
    expect(columnFor('Email (if any)')?.field).toBe('email');
    // A note that says what the column holds is kept: this is the official's name, not the sender's.
    expect(columnFor('Name (of your MP)')?.field).toBe('recipientName');
    expect(columnFor('Timestamp')).toBeUndefined();
  });

  it('reads numbered address columns as lines of one address', () => {
    expect(columnFor('address_1')?.field).toBe('address');
    expect(columnFor('Address line 2')?.field).toBe('address');
    expect(columnFor('name2')).toBeUndefined();
  });

  it('documents every column, and the example has only known columns', () => {
    const help = columnsHelp();
    for (const c of COLUMNS) expect(help).toContain(c.column);
    const header = exampleCsv().split('\n')[0]?.split(',') ?? [];
    expect(header.every((h) => columnFor(h))).toBe(true);
  });

  it('names required columns that neither the sheet nor an option gives', () => {
    expect(missingColumns(['name', 'city'], defaults()).map((c) => c.column)).toEqual(['region', 'recipient', 'stance']);
    expect(missingColumns(['Name', 'Town'], defaults({ region: 'uk', recipient: 'mp', stance: 'maintain' }))).toEqual([]);
  });
});

describe("--map: a header of the user's own read as a column", () => {
  it('parses HEADER=COLUMN, the column by any name it has; HEADER= ignores the header', () => {
    expect(parseColumnMap('Full legal name=name')).toMatchObject({ header: 'Full legal name', spec: { field: 'name' } });
    expect(parseColumnMap(' Your MP = Recipient Name ')).toMatchObject({ header: 'Your MP', spec: { field: 'recipientName' } });
    expect(parseColumnMap('a=b=city')).toMatchObject({ header: 'a=b', spec: { field: 'city' } });
    expect(parseColumnMap('Timestamp=')).toEqual({ header: 'Timestamp', spec: null });
    expect(() => parseColumnMap('name')).toThrow(ColumnMapError);
    expect(() => parseColumnMap('=name')).toThrow(/HEADER=COLUMN/);
    expect(() => parseColumnMap('Full name=nme')).toThrow(/"nme" is not a column; choose name, first_name, last_name, city/);
  });

  it('reads a mapped header as its column, quietly ignores HEADER=, and leaves out a header the map displaces', () => {
    const mapper = new ColumnMapper([parseColumnMap('full legal name=name'), parseColumnMap('Timestamp='), parseColumnMap('Name=recipient_name')]);
    const r = rowToRequest(
      row(2, [
        ['Timestamp', '2026/11/20'],
        ['Full Legal Name', 'Anna K'],
        ['Name', 'Jane Smith'],
        ['Sender', 'not this'],
        ['City', 'Leeds'],
      ]),
      mapper,
      defaults({ region: 'uk', recipient: 'mp', stance: 'maintain' }),
      words,
    );
    expect(r.ok && r.request).toMatchObject({ name: 'Anna K', recipientName: 'Jane Smith', city: 'Leeds' });
    expect(mapper.unknown).toEqual([]);
    expect(mapper.overridden).toEqual([{ header: 'Sender', column: 'name', by: 'full legal name' }]);
    expect(mapper.unusedMaps()).toEqual([]);
    // Errors name the header the user mapped.
    const bad = rowToRequest(
      row(3, [
        ['Full Legal Name', ' '],
        ['City', 'Leeds'],
      ]),
      mapper,
      defaults({ region: 'uk', recipient: 'mp', stance: 'maintain' }),
      words,
    );
    expect(!bad.ok && bad.error).toMatch(/^row 3, column Full Legal Name: is required/);
  });

  it('counts a mapped column as present, and suggests headers for one that is missing', () => {
    const headers = ['Full legal name', 'Your town of residence', 'Favourite colour'];
    expect(
      missingColumns(headers, defaults({ region: 'uk', recipient: 'mp', stance: 'maintain' }), new ColumnMapper([parseColumnMap('Full legal name=name')])).map(
        (c) => c.column,
      ),
    ).toEqual(['city']);
    const mapper = new ColumnMapper();
    const missing = missingColumns(headers, defaults({ region: 'uk', recipient: 'mp', stance: 'maintain' }), mapper);
    expect(missing.map((c) => c.column)).toEqual(['name', 'city']);
    expect(likelyHeaders(missing, headers, mapper)).toEqual([
      { header: 'Full legal name', column: 'name' },
      { header: 'Your town of residence', column: 'city' },
    ]);
  });
});

describe('a row to a request', () => {
  it('builds the same request draft would', () => {
    const result = rowToRequest(row(2, [...ALEX, ['address_1', '1 High St'], ['Address 2', 'Leeds LS1']]), new ColumnMapper(), defaults(), words);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.request).toMatchObject({
      name: 'Alex Doe',
      city: 'Leeds',
      region: 'uk',
      recipient: 'mp',
      stance: 'maintain',
      address: ['1 High St', 'Leeds LS1'],
      date: '2026-11-25',
      format: 'text',
    });
  });

  it('fills empty cells from options, but a cell wins over an option', () => {
    const mapper = new ColumnMapper();
    const r = rowToRequest(
      row(2, [
        ['name', 'A'],
        ['city', ''],
        ['region', 'us'],
      ]),
      mapper,
      defaults({ city: 'Leeds', region: 'uk', recipient: 'mp', stance: 'maintain' }),
      words,
    );
    expect(r.ok && r.request.city).toBe('Leeds');
    expect(r.ok && r.request.region).toBe('us');
  });

  it('names the row and the column as the sheet has them', () => {
    const mapper = new ColumnMapper();
    const r = rowToRequest(
      row(7, [...ALEX.filter(([k]) => k !== 'Name'), ['Name', ' '], ['E-mail', 'nope'], ['Date', '2026-02-30']]),
      mapper,
      defaults(),
      words,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatch(/^row 7, column Name: is required/);
    expect(r.error).toContain('column E-mail: must be an email address');
    expect(r.error).toContain('column Date: is not a real date');
  });

  it('blames the option when the bad value came from one', () => {
    const r = rowToRequest(
      row(3, [
        ['name', 'A'],
        ['city', 'B'],
      ]),
      new ColumnMapper(),
      defaults({ region: 'uk', recipient: 'mp', stance: 'maintain', recipientTitle: 'x'.repeat(60) }),
      words,
    );
    expect(!r.ok && r.error).toMatch(/row 3, option --recipient-title: must be at most 40 characters/);
  });

  it('passes on a row the reader could not read', () => {
    const r = rowToRequest({ row: 4, entries: [], error: 'is not valid JSON' }, new ColumnMapper(), defaults(), { row: 'line', column: 'field' });
    expect(!r.ok && r.error).toBe('line 4: is not valid JSON');
  });

  it('treats "__proto__" and "constructor" columns as data that pollutes nothing', () => {
    const mapper = new ColumnMapper();
    const r = rowToRequest(row(2, [...ALEX, ['__proto__', { polluted: 'yes' }], ['constructor', 'x'], ['prototype', 'y']]), mapper, defaults(), words);
    expect(r.ok).toBe(true);
    expect(mapper.unknown).toEqual(['__proto__', 'constructor', 'prototype']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(r.ok ? r.request : null)).toBe(Object.prototype);
  });

  it('property: any row gives a request or a message naming its row, and never throws', () => {
    const value = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.string({ unit: 'binary', maxLength: 50 }),
      fc.integer(),
      fc.constant(null),
      fc.array(fc.string()),
      fc.object({ maxDepth: 1 }),
    );
    const header = fc.oneof(fc.constantFrom(...COLUMNS.map((c) => c.column), '__proto__', 'constructor', 'address_3'), fc.string({ maxLength: 20 }));
    fc.assert(
      fc.property(fc.array(fc.tuple(header, value), { maxLength: 20 }), fc.integer({ min: 2, max: 100_000 }), (entries, n) => {
        const r = rowToRequest(row(n, entries), new ColumnMapper(), defaults(), words);
        if (!r.ok) expect(r.error.startsWith(`row ${n}`)).toBe(true);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });

  it("checks each row's date, whatever the rows before it had", () => {
    const dates = ['2026-11-25', '2026-02-30', '2026-02-30', '2026-11-25', '2024-02-29', '2025-02-29'];
    const ok = dates.map((date) => rowToRequest(row(2, [...ALEX, ['Date', date]]), new ColumnMapper(), defaults(), words).ok);
    expect(ok).toEqual([true, false, false, true, true, false]);
  });

  it("keeps a story's paragraphs and tidies the spaces in each, however it is broken into lines", () => {
    const story = (text: string) => {
      const r = rowToRequest(row(2, [...ALEX, ['Story', text]]), new ColumnMapper(), defaults(), words);
      return r.ok ? r.request.story : r.error;
    };
    expect(story('  One   line,\tspaced.  ')).toBe('One line, spaced.');
    expect(story('First\r\nstill first.\r\n\r\n  Second.\n \n\nThird. ')).toBe('First still first.\n\nSecond.\n\nThird.');
    expect(story(' \n \t ')).toBeUndefined();
  });
});

describe('JSON values of the wrong type', () => {
  const json = { row: 'item', column: 'field' };
  const error = (entries: [string, unknown][]) => {
    const r = rowToRequest(
      row(3, [...ALEX.filter(([k]) => !entries.some(([h]) => h.toLowerCase() === k.toLowerCase())), ...entries]),
      new ColumnMapper(),
      defaults(),
      json,
    );
    return r.ok ? undefined : r.error;
  };

  it('names the field and the type where text is expected, numbers included', () => {
    expect(error([['name', 42]])).toBe('item 3, field name: expected text, got a number');
    expect(error([['city', ['Leeds']]])).toBe('item 3, field city: expected text, got a list');
    expect(error([['story', { text: 'x' }]])).toBe('item 3, field story: expected text, got an object');
    expect(error([['seed', true]])).toBe('item 3, field seed: expected text, got true');
    expect(error([['seed', 7]])).toBeUndefined();
    expect(error([['address', ['1 High St', 7]]])).toBe('item 3, field address: expected a list of texts, got a number in the list');
    expect(error([['recipient_address', 5]])).toBe('item 3, field recipient_address: expected text or a list of texts, got a number');
  });

  it('takes text, null as an empty value, and lists of lines or facts', () => {
    expect(
      error([
        ['address', ['1 High St', 'Leeds']],
        ['email', null],
        ['facts', ['still-imprisoned']],
      ]),
    ).toBeUndefined();
  });
});
