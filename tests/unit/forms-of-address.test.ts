/** Forms of address per country, the sender's postal lines, and the notes for a letter an office cannot place. */
import { describe, expect, it } from 'vitest';
import { officialName } from '../../src/render/names.js';
import { postalLines } from '../../src/render/postal.js';
import { render } from '../../src/render/render.js';
import { builtinPack, request } from '../helpers/pack.js';

const pack = builtinPack();
const paragraphs = (body: string) => body.split('\n\n');
const letter = (o: Parameters<typeof request>[0]) => render(pack, request(o));

describe('salutations and address blocks, every region', () => {
  // [region, recipient, name, title, salutation, first address line]
  const cases: [string, string, string | undefined, string | undefined, string, string | undefined][] = [
    ['us', 'senator', 'Jane Smith', undefined, 'Dear Senator Smith:', 'The Honorable Jane Smith'],
    ['us', 'representative', 'Jane Smith', 'Ms', 'Dear Representative Smith:', 'The Honorable Jane Smith'],
    // "Dear Madam Secretary:" / "Dear Mr. Secretary:" when the title says which; a Dr keeps the
    // surname (reviewers saw 'Dear Dr Secretary:').
    ['us', 'secretary-of-state', 'Jane Smith', 'Madam', 'Dear Madam Secretary:', 'The Honorable Jane Smith'],
    ['us', 'secretary-of-state', 'Jane Smith', 'Dr', 'Dear Secretary Smith:', 'The Honorable Jane Smith'],
    ['us', 'secretary-of-state', 'Jane Smith', 'Ms', 'Dear Madam Secretary:', 'The Honorable Jane Smith'],
    ['us', 'secretary-of-state', 'John Smith', 'Mr', 'Dear Mr. Secretary:', 'The Honorable John Smith'],
    ['us', 'secretary-of-state', 'John Smith', undefined, 'Dear Secretary Smith:', 'The Honorable John Smith'],
    ['us', 'secretary-of-state', undefined, undefined, 'Dear Secretary of State:', 'Secretary of State'],
    ['uk', 'mp', 'The Rt Hon Jane Smith', 'Ms', 'Dear Ms Smith,', 'The Rt Hon Jane Smith MP'],
    ['uk', 'mp', 'Rt Hon Jane Smith MP', undefined, 'Dear Jane Smith,', 'The Rt Hon Jane Smith MP'],
    ['uk', 'mp', 'Jane Smith', 'Rt Hon', 'Dear Jane Smith,', 'The Rt Hon Jane Smith MP'],
    ['uk', 'mp', undefined, undefined, 'Dear Member of Parliament,', 'House of Commons'],
    ['uk', 'foreign-secretary', 'Jane Smith', undefined, 'Dear Foreign Secretary,', 'The Rt Hon Jane Smith MP'],
    ['eu', 'mep', 'Jane Smith', 'Ms', 'Dear Ms Smith,', 'Jane Smith'],
    ['eu', 'foreign-minister', 'Jane Smith', undefined, 'Dear Minister,', 'Jane Smith'],
    ['ca', 'mp', 'Jane Smith', 'Ms.', 'Dear Ms. Smith:', 'Jane Smith, M.P.'],
    // Canadian usage points the title, as in the US: "Dear Dr. Taylor:".
    ['ca', 'mp', 'Anne Taylor', 'Dr', 'Dear Dr. Taylor:', 'Anne Taylor, M.P.'],
    ['ca', 'mp', 'Jane Smith', 'Ms', 'Dear Ms. Smith:', 'Jane Smith, M.P.'],
    ['ca', 'foreign-minister', 'Jane Smith', undefined, 'Dear Minister:', 'The Honourable Jane Smith, P.C., M.P.'],
    ['au', 'senator', 'Jane Smith', undefined, 'Dear Senator Smith,', 'Senator Jane Smith'],
    ['au', 'senator', 'The Hon Jane Smith', undefined, 'Dear Senator Smith,', 'Senator the Hon Jane Smith'],
    ['au', 'member', 'Jane Smith', 'Ms', 'Dear Ms Smith,', 'Jane Smith MP'],
    ['au', 'member', undefined, undefined, 'Dear Member,', 'Parliament House'],
    // An Australian minister is 'The Hon ... MP' in the House, 'Senator the Hon ...' in the Senate.
    ['au', 'foreign-minister', 'Jane Smith', undefined, 'Dear Minister,', 'The Hon Jane Smith MP'],
    ['au', 'foreign-minister', 'Jane Smith', 'Senator', 'Dear Minister,', 'Senator the Hon Jane Smith'],
    ['au', 'foreign-minister', 'Senator the Hon Jane Smith', undefined, 'Dear Minister,', 'Senator the Hon Jane Smith'],
    ['au', 'senator', 'Senator Jane Smith', undefined, 'Dear Senator Smith,', 'Senator Jane Smith'],
    ['other', 'representative', 'Jane Smith', 'Dr', 'Dear Dr Smith,', 'Dr Jane Smith'],
    ['other', 'foreign-minister', undefined, undefined, 'Dear Minister,', 'Minister of Foreign Affairs'],
  ];
  it.each(cases)('%s %s %s (%s): "%s"', (region, recipient, name, title, salutation, firstLine) => {
    const body = letter({ region, recipient, recipientName: name, recipientTitle: title }).body;
    const p = paragraphs(body);
    expect(p).toContain(salutation);
    expect(body).not.toMatch(/Dear (The )?Rt Hon/);
    const block = p[p.indexOf(salutation) - 1] as string;
    if (firstLine) expect(block.split('\n')[0]).toBe(firstLine);
  });

  it('signs off to a minister formally, never "With best wishes" or "Kind regards"', () => {
    for (const [region, recipient] of [
      ['uk', 'foreign-secretary'],
      ['eu', 'foreign-minister'],
      ['au', 'foreign-minister'],
      ['other', 'foreign-minister'],
    ]) {
      for (let seed = 0; seed < 10; seed++) {
        const body = letter({ region, recipient, seed: String(seed) }).body;
        expect(body).toMatch(/\n\nYours sincerely,\n\n/);
      }
    }
    for (let seed = 0; seed < 10; seed++)
      expect(letter({ region: 'us', recipient: 'secretary-of-state', seed: String(seed) }).body).toMatch(/\n\n(Sincerely|Respectfully|Sincerely yours),\n\n/);
  });
});

describe("the official's name", () => {
  it('keeps "The Rt Hon" for the address block and a courtesy title for the salutation', () => {
    expect(officialName('The Rt Hon Ms Jane Smith MP', undefined)).toEqual({
      name: 'Jane Smith',
      surname: 'Smith',
      title: 'Ms',
      honorific: 'The Rt Hon',
      senator: '',
      titleWithPoint: 'Ms.',
      formalTitle: 'Madam',
    });
    expect(officialName('Hon. Jane Smith', 'Dr')).toEqual({
      name: 'Jane Smith',
      surname: 'Smith',
      title: 'Dr',
      honorific: 'The Hon',
      senator: '',
      titleWithPoint: 'Dr.',
      formalTitle: '',
    });
    expect(officialName(undefined, undefined)).toEqual({ name: '', surname: '', title: '', honorific: '', senator: '', titleWithPoint: '', formalTitle: '' });
    expect(officialName('John Smith', 'Mr.')).toMatchObject({ titleWithPoint: 'Mr.', formalTitle: 'Mr.' });
    expect(officialName('Ann Smith', 'Miss')).toMatchObject({ titleWithPoint: 'Miss', formalTitle: 'Madam' });
    expect(officialName('Senator Jane Smith', undefined)).toEqual({
      name: 'Jane Smith',
      surname: 'Smith',
      title: '',
      honorific: '',
      senator: 'Senator',
      titleWithPoint: '',
      formalTitle: '',
    });
  });
});

describe('the sender block', () => {
  it('writes the postcode where the region does, and never repeats the town', () => {
    expect(postalLines(['12 Station Road'], 'Leeds', 'LS1 4AB', 'own-line')).toEqual(['12 Station Road', 'Leeds', 'LS1 4AB']);
    expect(postalLines(['1 Main St'], 'Portland, OR', '97201', 'after-city')).toEqual(['1 Main St', 'Portland, OR 97201']);
    expect(postalLines(['Prešernova 1'], 'Ljubljana', '1000', 'before-city')).toEqual(['Prešernova 1', '1000 Ljubljana']);
    expect(postalLines(['1 Main St', 'Portland, OR'], 'Portland, OR', '97201', 'after-city')).toEqual(['1 Main St', 'Portland, OR 97201']);
    expect(postalLines(['12 Station Road, Leeds LS1 4AB'], 'Leeds', 'LS1 4AB', 'own-line')).toEqual(['12 Station Road, Leeds LS1 4AB']);
    expect(postalLines([], 'Leeds', undefined, 'own-line')).toEqual(['Leeds']);
  });

  const us = { townLine: '{city}, {state} {postcode}' };
  const ca = { townLine: '{city} {state}  {postcode}' };
  const au = { townLine: '{city} {state} {postcode}' };
  it("puts the state or province between the town and the postcode, as each country's post reads it", () => {
    expect(postalLines(['1 Main St'], 'Portland', '97201', 'after-city', { ...us, state: 'OR' })).toEqual(['1 Main St', 'Portland, OR 97201']);
    expect(postalLines(['1 King St W'], 'Toronto', 'M5V 2T6', 'after-city', { ...ca, state: 'ON' })).toEqual(['1 King St W', 'Toronto ON  M5V 2T6']);
    expect(postalLines(['1 Collins St'], 'Melbourne', '3000', 'after-city', { ...au, state: 'VIC' })).toEqual(['1 Collins St', 'Melbourne VIC 3000']);
    // No state given: the town and postcode as before, no stray comma.
    expect(postalLines(['1 Main St'], 'Portland', '97201', 'after-city', us)).toEqual(['1 Main St', 'Portland 97201']);
    expect(postalLines(['1 Main St'], 'Portland', undefined, 'after-city', { ...us, state: 'OR' })).toEqual(['1 Main St', 'Portland, OR']);
    expect(postalLines(['1 Main St'], 'Portland', '97201', 'after-city', { ...us, state: 'or' })).toEqual(['1 Main St', 'Portland, OR 97201']);
  });

  it('never repeats a state the town or an address line already holds', () => {
    expect(postalLines(['1 Main St'], 'Portland, OR', '97201', 'after-city', { ...us, state: 'OR' })).toEqual(['1 Main St', 'Portland, OR 97201']);
    expect(postalLines(['1 Main St', 'Portland, OR'], 'Portland', '97201', 'after-city', { ...us, state: 'OR' })).toEqual(['1 Main St', 'Portland, OR 97201']);
    expect(postalLines(['1 Main St, Portland'], 'Portland', '97201', 'after-city', { ...us, state: 'OR' })).toEqual(['1 Main St, Portland, OR 97201']);
    expect(postalLines(['1 Collins St'], 'Melbourne, Victoria', '3000', 'after-city', { ...au, state: 'Victoria' })).toEqual([
      '1 Collins St',
      'Melbourne, Victoria 3000',
    ]);
    // "or" as a word is not the state OR.
    expect(postalLines(['Flat 2 or 3, 1 Main St'], 'Portland', '97201', 'after-city', { ...us, state: 'OR' })).toEqual([
      'Flat 2 or 3, 1 Main St',
      'Portland, OR 97201',
    ]);
  });

  it("adds the writer's country under the address when given, once", () => {
    expect(postalLines(['Gedimino pr. 1'], 'Vilnius', 'LT-01103', 'before-city', { country: 'Lithuania' })).toEqual([
      'Gedimino pr. 1',
      'LT-01103 Vilnius',
      'Lithuania',
    ]);
    expect(postalLines(['Gedimino pr. 1', 'Lithuania'], 'Vilnius', undefined, 'before-city', { country: 'Lithuania' })).toEqual([
      'Gedimino pr. 1',
      'Lithuania',
      'Vilnius',
    ]);
  });

  it("writes each region's town line in a letter, with the state from the request", () => {
    const first = (o: Parameters<typeof request>[0]) => paragraphs(letter({ address: ['1 Main St'], ...o }).body)[0];
    expect(first({ region: 'us', recipient: 'senator', city: 'Portland', state: 'OR', postcode: '97201' })).toBe('Alex Doe\n1 Main St\nPortland, OR 97201');
    expect(first({ region: 'ca', recipient: 'mp', city: 'Toronto', state: 'ON', postcode: 'M5V 2T6' })).toBe('Alex Doe\n1 Main St\nToronto ON  M5V 2T6');
    expect(first({ region: 'au', recipient: 'member', city: 'Melbourne', state: 'VIC', postcode: '3000' })).toBe('Alex Doe\n1 Main St\nMelbourne VIC 3000');
    expect(first({ region: 'uk', recipient: 'mp', city: 'Leeds', state: 'West Yorkshire', postcode: 'LS1 4AB' })).toBe('Alex Doe\n1 Main St\nLeeds\nLS1 4AB');
  });

  it('adds the country of a writer in another member state to a letter for Brussels, and only then', () => {
    const first = (o: Parameters<typeof request>[0]) =>
      paragraphs(letter({ region: 'eu', address: ['Gedimino pr. 1'], city: 'Vilnius', postcode: 'LT-01103', ...o }).body)[0];
    expect(first({ recipient: 'mep', country: 'LT' })).toBe('Alex Doe\nGedimino pr. 1\nLT-01103 Vilnius\nLithuania');
    expect(first({ recipient: 'mep', country: 'BE' })).toBe('Alex Doe\nGedimino pr. 1\nLT-01103 Vilnius');
    expect(first({ recipient: 'mep' })).toBe('Alex Doe\nGedimino pr. 1\nLT-01103 Vilnius');
    expect(first({ recipient: 'foreign-minister', country: 'LT' })).toBe('Alex Doe\nGedimino pr. 1\nLT-01103 Vilnius');
  });

  it('shows street, town and postcode at the top of the letter', () => {
    const body = letter({ address: ['12 Station Road', 'Headingley, Leeds'], postcode: 'LS6 3AB' }).body;
    expect(paragraphs(body)[0]).toBe('Alex Doe\n12 Station Road\nHeadingley, Leeds\nLS6 3AB');
  });
});

describe('notes for a letter an office cannot place', () => {
  it('warns when a constituency letter has no street address or postcode, and not when it has one', () => {
    expect(letter({}).meta.warnings.join(' ')).toMatch(/no street address or postcode/);
    expect(letter({ region: 'us', recipient: 'senator' }).meta.warnings.join(' ')).toMatch(/no street address or ZIP code/);
    expect(letter({ postcode: 'LS1 4AB' }).meta.warnings.join(' ')).not.toMatch(/street address/);
    expect(letter({ recipient: 'foreign-secretary' }).meta.warnings.join(' ')).not.toMatch(/street address/);
  });

  it('shows a placeholder and warns when the pack has no postal address for the official', () => {
    for (const [region, recipient] of [
      ['eu', 'foreign-minister'],
      ['other', 'foreign-minister'],
      ['other', 'representative'],
    ] as const) {
      const l = letter({ region, recipient, recipientName: 'Jane Smith', postcode: '0150' });
      const p = paragraphs(l.body);
      const block = p.find((x) => x.startsWith('Jane Smith')) as string;
      expect(block.split('\n').at(-1), `${region}/${recipient}`).toBe("[the official's postal address]");
      expect(l.meta.warnings.join(' ')).toMatch(/no (office or )?postal address for the official.*give (it|them) with recipientAddress/);
      const given = letter({ region, recipient, recipientName: 'Jane Smith', postcode: '0150', recipientAddress: ['Gedimino pr. 2', 'LT-01103 Vilnius'] });
      expect(given.body).not.toContain("[the official's postal address]");
      // The office the pack names stays above the address the writer gave.
      expect(given.body).toContain(
        recipient === 'foreign-minister'
          ? 'Jane Smith\nMinister of Foreign Affairs\nGedimino pr. 2\nLT-01103 Vilnius'
          : 'Jane Smith\nGedimino pr. 2\nLT-01103 Vilnius',
      );
      expect(given.meta.warnings.join(' ')).not.toMatch(/no postal address/);
    }
    for (const [region, recipient] of [
      ['eu', 'mep'],
      ['uk', 'foreign-secretary'],
      ['au', 'foreign-minister'],
    ] as const) {
      const l = letter({ region, recipient, postcode: '1000' });
      expect(l.body).not.toContain("[the official's postal address]");
      expect(l.meta.warnings.join(' ')).not.toMatch(/no postal address/);
    }
  });

  it('warns when a us, ca or au constituency letter has no state, unless the writer typed one', () => {
    const warned = (o: Parameters<typeof request>[0]) => letter({ address: ['1 Main St'], postcode: '97201', ...o }).meta.warnings.join(' ');
    expect(warned({ region: 'us', recipient: 'senator', city: 'Portland' })).toMatch(/no state in your address.*state/);
    expect(warned({ region: 'ca', recipient: 'mp', city: 'Toronto' })).toMatch(/no province in your address/);
    expect(warned({ region: 'au', recipient: 'senator', city: 'Melbourne' })).toMatch(/no state or territory in your address/);
    expect(warned({ region: 'us', recipient: 'senator', city: 'Portland', address: ['1200 SW Main St'] })).toMatch(/no state in your address/);
    expect(warned({ region: 'us', recipient: 'senator', city: 'Portland', address: ['1200 SW Main St', 'Portland, OR'] })).not.toMatch(/no state/);
    expect(warned({ region: 'us', recipient: 'senator', city: 'Portland', state: 'OR' })).not.toMatch(/no state/);
    expect(warned({ region: 'us', recipient: 'senator', city: 'Portland, OR' })).not.toMatch(/no state/);
    expect(warned({ region: 'au', recipient: 'senator', city: 'Melbourne VIC' })).not.toMatch(/no state/);
    expect(warned({ region: 'us', recipient: 'secretary-of-state', city: 'Portland' })).not.toMatch(/no state/);
    expect(warned({ region: 'uk', recipient: 'mp', city: 'Leeds' })).not.toMatch(/no state/);
  });

  it('warns when a named role such as a senator has no name', () => {
    expect(letter({ region: 'us', recipient: 'senator', recipientName: undefined, postcode: '97201' }).meta.warnings).toContain(
      'The letter opens "Dear Senator:" because it has no name for them: give their name with recipientName for a greeting such as "Dear Senator Smith:".',
    );
    expect(letter({ recipient: 'foreign-secretary', recipientName: undefined }).meta.warnings).toEqual([]);
  });

  it("leaves out the restated ask when the writer's story already asks", () => {
    const asks = letter({ story: 'Please speak up for my cousin, who is still in prison.', postcode: 'LS1 4AB' });
    const plain = letter({ story: 'My cousin is still in prison.', postcode: 'LS1 4AB' });
    expect(asks.sections.some((s) => s.role === 'ask')).toBe(false);
    expect(plain.sections.some((s) => s.role === 'ask')).toBe(true);
  });
});
