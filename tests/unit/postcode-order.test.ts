/** The sender's town line follows the writer's own country where it is known, the region's setting where not. */
import { describe, expect, it } from 'vitest';
import { postcodePlaceFor } from '../../src/render/postcode-order.js';
import { render } from '../../src/render/render.js';
import { builtinPack, request } from '../helpers/pack.js';

const pack = builtinPack();
const senderBlock = (o: Parameters<typeof request>[0]) => render(pack, request(o)).body.split('\n\n')[0];

describe('postcodePlaceFor', () => {
  it("gives each listed country's own order", () => {
    expect(postcodePlaceFor('NO', 'after-city')).toBe('before-city');
    expect(postcodePlaceFor('se', 'after-city')).toBe('before-city');
    expect(postcodePlaceFor('DE', 'after-city')).toBe('before-city');
    expect(postcodePlaceFor('MT', 'before-city')).toBe('after-city');
    expect(postcodePlaceFor('NZ', 'before-city')).toBe('after-city');
    expect(postcodePlaceFor('GB', 'after-city')).toBe('own-line');
    expect(postcodePlaceFor('IE', 'before-city')).toBe('own-line');
  });

  it("keeps the region's setting for a country it does not list, or none", () => {
    expect(postcodePlaceFor(undefined, 'after-city')).toBe('after-city');
    expect(postcodePlaceFor('', 'own-line')).toBe('own-line');
    // Latvia and Hungary write the postcode in ways the table does not model: left to the region.
    expect(postcodePlaceFor('LV', 'before-city')).toBe('before-city');
    expect(postcodePlaceFor('HU', 'after-city')).toBe('after-city');
  });
});

describe("the sender's town line in a letter", () => {
  const norway = { region: 'other', recipient: 'representative', name: 'Kari Nordmann', address: ['Karl Johans gate 5'], city: 'Oslo', postcode: '0150' };

  it('writes a Norwegian postcode before the town, as Norway does, when the country is known', () => {
    expect(senderBlock({ ...norway, country: 'NO' })).toBe('Kari Nordmann\nKarl Johans gate 5\n0150 Oslo');
  });

  it("keeps the region's order when the country is not known", () => {
    expect(senderBlock(norway)).toBe('Kari Nordmann\nKarl Johans gate 5\nOslo 0150');
  });

  it('notes, in region other, that --country places the postcode, until it is given', () => {
    const notes = (o: Parameters<typeof request>[0]) => render(pack, request({ ...norway, ...o })).meta.warnings.join('\n');
    expect(notes({})).toMatch(/Your postcode is written after your town.*give your country with country/);
    expect(notes({ country: 'NO' })).not.toMatch(/Your postcode is written/);
    expect(notes({ postcode: undefined })).not.toMatch(/Your postcode is written/);
    expect(notes({ region: 'uk', recipient: 'mp' })).not.toMatch(/Your postcode is written/);
  });

  it('puts a postcode typed into the town line where the country writes it', () => {
    expect(senderBlock({ ...norway, address: ['Karl Johans gate 5', 'Oslo'], country: 'NO' })).toBe('Kari Nordmann\nKarl Johans gate 5\n0150 Oslo');
  });

  it('gives an Irish or Maltese writer to an MEP their own order, not the EU default', () => {
    const mep = { region: 'eu', recipient: 'mep', name: 'Aoife Byrne' };
    expect(senderBlock({ ...mep, address: ['1 Main Street'], city: 'Dublin 2', postcode: 'D02 X285', country: 'IE' })).toBe(
      'Aoife Byrne\n1 Main Street\nDublin 2\nD02 X285\nIreland',
    );
    expect(senderBlock({ ...mep, address: ['1 Republic Street'], city: 'Valletta', postcode: 'VLT 1117', country: 'MT' })).toBe(
      'Aoife Byrne\n1 Republic Street\nValletta VLT 1117\nMalta',
    );
    expect(senderBlock({ ...mep, address: ['Gedimino pr. 1'], city: 'Vilnius', postcode: 'LT-01103', country: 'LT' })).toBe(
      'Aoife Byrne\nGedimino pr. 1\nLT-01103 Vilnius\nLithuania',
    );
  });
});
