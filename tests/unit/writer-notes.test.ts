/**
 * The notes the tool prints for the writer (never part of the letter), read as the writer would:
 * each names what is wrong in this letter and the option that changes it.
 */
import { describe, expect, it } from 'vitest';
import { render } from '../../src/render/render.js';
import { choosing, euMemberNote } from '../../src/render/warnings.js';
import { builtinPack, request } from '../helpers/pack.js';

const pack = builtinPack();
const eu = pack.regions.find((r) => r.id === 'eu')!;
const notesOf = (overrides: Parameters<typeof request>[0]) => render(pack, request(overrides)).meta.warnings;

describe('a writer in an EU member state writing as region "other"', () => {
  const other = { region: 'other', recipient: 'foreign-minister', city: 'Stockholm', date: '2026-12-01' };

  it('is told the country is in the EU and which region writes about its sanctions', () => {
    const note = notesOf({ ...other, country: 'SE' }).find((w) => w.startsWith('Sweden'));
    expect(note).toBe(
      "Sweden is a member of the EU, which has its own Belarus sanctions: region eu writes to your foreign minister about the Council's renewal due before 28 February 2027.",
    );
  });

  it('names the option, the question or the column, as the front end does', () => {
    expect(choosing('--region', eu)).toBe('--region eu');
    expect(choosing('"Where you live"', eu)).toBe('"European Union" for "Where you live"');
    expect(choosing('the region column', eu)).toBe('eu in the region column');
    const byOption = render(pack, request({ ...other, country: 'PL' }), { names: (f) => `--${f}` }).meta.warnings;
    expect(byOption).toContain(
      "Poland is a member of the EU, which has its own Belarus sanctions: --region eu writes to your foreign minister about the Council's renewal due before 28 February 2027.",
    );
  });

  it('says nothing for a country outside the EU, no country, or a writer already in region eu', () => {
    for (const notes of [notesOf({ ...other, country: 'NO' }), notesOf(other), notesOf({ ...other, region: 'eu', country: 'SE' })]) {
      expect(notes.join('\n')).not.toMatch(/member of the EU/);
    }
  });

  it('leaves out the renewal date once it has passed', () => {
    expect(euMemberNote('FI', '2027-03-01', '--region eu')).toBe(
      "Finland is a member of the EU, which has its own Belarus sanctions: --region eu writes to your foreign minister about the Council's renewal.",
    );
    expect(euMemberNote('CH', '2026-12-01', '--region eu')).toBe('');
  });
});
