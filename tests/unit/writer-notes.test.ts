/**
 * The notes the tool prints for the writer (never part of the letter), read as the writer would:
 * each names what is wrong in this letter and the option that changes it.
 */
import { describe, expect, it } from 'vitest';
import { render } from '../../src/render/render.js';
import { choosing, euMemberNote } from '../../src/render/warnings.js';
import { undatedMonth, undatedMonthNote } from '../../src/render/story-months.js';
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

describe('a month without a year in the writer’s story', () => {
  it('is noted with the words the story uses and the month an office would take it for', () => {
    expect(undatedMonthNote('Two of my former colleagues were freed in December.', '2026-12-01', 'en')).toBe(
      'Your story says "in December" without a year; an office reading the letter in December 2026 may take it as this December: add the year.',
    );
    expect(undatedMonthNote('My cousin was arrested in March and is still held.', '2026-12-01', 'en')).toBe(
      'Your story says "in March" without a year; an office reading the letter in December 2026 may take it as March 2026: add the year.',
    );
    // A month after the letter's own can only be last year's.
    expect(undatedMonthNote('She was freed in December.', '2026-06-10', 'en')).toMatch(/may take it as December 2025: add the year\.$/);
  });

  it('reaches the letter’s notes from the story', () => {
    const notes = notesOf({ story: 'Two of my former colleagues were freed in December.', date: '2026-12-01' });
    expect(notes).toContain('Your story says "in December" without a year; an office reading the letter in December 2026 may take it as this December: add the year.');
    expect(notesOf({ story: 'Two of my former colleagues were freed in December 2025.', date: '2026-12-01' }).join('\n')).not.toMatch(/without a year/);
  });

  it('says nothing when a year follows within a few words, or no month is named', () => {
    for (const story of [
      'They were freed in December 2025.',
      'They were freed in December of 2025.',
      'In March, 2021, my aunt was jailed.',
      'My aunt was jailed in 2021 for a protest march.',
      'I may never see them again, and I march every year.',
      'My friend August writes to me.'.replace('August', 'august'),
    ]) {
      expect(undatedMonth(story, 'en'), story).toBeUndefined();
    }
    expect(undatedMonth('I hope they will be home by May.', 'en')).toEqual({ phrase: 'by May', month: 4 });
  });

  it('reads the month names of the pack’s language, as Intl spells them and as Polish inflects them', () => {
    expect(undatedMonth('Mein Onkel kam im Dezember frei.', 'de')).toEqual({ phrase: 'im Dezember', month: 11 });
    expect(undatedMonth('Mein Onkel kam im Dezember 2025 frei.', 'de')).toBeUndefined();
    expect(undatedMonth('Mój wujek wyszedł na wolność w grudniu.', 'pl')).toEqual({ phrase: 'w grudniu', month: 11 });
    expect(undatedMonth('Aresztowano go 13 marca.', 'pl')).toEqual({ phrase: '13 marca', month: 2 });
    expect(undatedMonth('Aresztowano go w listopadzie 2021 roku.', 'pl')).toBeUndefined();
    // Not a month: the red of the white-red-white flag.
    expect(undatedMonth('Niosłam biało-czerwono-białą flagę.', 'pl')).toBeUndefined();
    // The note stays English, the CLI's language.
    expect(undatedMonthNote('Mój wujek wyszedł na wolność w grudniu.', '2026-12-01', 'pl')).toMatch(/^Your story says "w grudniu" without a year; .* this December: add the year\.$/);
  });
});
