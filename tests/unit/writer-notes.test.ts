/**
 * The notes the tool prints for the writer (never part of the letter), read as the writer would:
 * each names what is wrong in this letter and the option that changes it.
 */
import { describe, expect, it } from 'vitest';
import { render } from '../../src/render/render.js';
import { choosing, euMemberNote } from '../../src/render/warnings.js';
import { undatedMonth, undatedMonthNote } from '../../src/render/story-months.js';
import { builtinPack, request } from '../helpers/pack.js';
import { loadPack } from '../../src/pack/load.js';
import { builtinPackDirFor } from '../../src/pack/languages.js';
import { optionNames } from '../../src/validate.js';

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
    expect(notes).toContain(
      'Your story says "in December" without a year; an office reading the letter in December 2026 may take it as this December: add the year.',
    );
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
    expect(undatedMonthNote('Mój wujek wyszedł na wolność w grudniu.', '2026-12-01', 'pl')).toMatch(
      /^Your story says "w grudniu" without a year; .* this December: add the year\.$/,
    );
  });
});

describe('the salutation advice names the option that changes it', () => {
  const de = loadPack({ baseDir: builtinPackDirFor('de') });
  const pl = loadPack({ baseDir: builtinPackDirFor('pl') });
  const advice = (p: typeof pack, overrides: Parameters<typeof request>[0]) =>
    render(p, request(overrides), { names: optionNames }).meta.warnings.filter((w) => w.startsWith('The letter opens'));

  it('asks for the name where only a name changes it (a US senator)', () => {
    expect(advice(pack, { region: 'us', recipient: 'senator', recipientName: undefined })).toEqual([
      'The letter opens "Dear Senator:" because it has no name for them: give their name with --recipient-name for a greeting such as "Dear Senator Smith:".',
    ]);
    expect(advice(pack, { region: 'us', recipient: 'senator', recipientName: 'Jane Smith' })).toEqual([]);
  });

  it('asks a named Secretary of State’s writer for the title that gives "Dear Mr. Secretary:"', () => {
    expect(advice(pack, { region: 'us', recipient: 'secretary-of-state', recipientName: 'Jane Smith' })).toEqual([
      'The letter opens "Dear Secretary Smith:" because it has no courtesy title: give Ms or Mr with --recipient-title for "Dear Madam Secretary:" or "Dear Mr. Secretary:".',
    ]);
    expect(advice(pack, { region: 'us', recipient: 'secretary-of-state', recipientName: 'Jane Smith', recipientTitle: 'Ms' })).toEqual([]);
  });

  it('says nothing where no name or title would change it', () => {
    for (const [region, recipient] of [
      ['uk', 'foreign-secretary'],
      ['eu', 'foreign-minister'],
      ['ca', 'foreign-minister'],
    ]) {
      expect(advice(pack, { region, recipient, recipientName: undefined }), `${region}/${recipient}`).toEqual([]);
    }
  });

  it('asks for both where a title needs a name (a UK MP), and says so in the column’s words in bulk', () => {
    expect(advice(pack, { recipientName: undefined })).toEqual([
      'The letter opens "Dear Member of Parliament," because it has neither their name nor a courtesy title: give their name with --recipient-name and Ms or Mr with --recipient-title for a greeting such as "Dear Ms Smith," or "Dear Mr Smith,".',
    ]);
    const bulk = render(pack, request({ recipientName: undefined }), { names: (f) => `the ${f} column` }).meta.warnings;
    expect(bulk.find((w) => w.startsWith('The letter opens'))).toMatch(
      /give their name with the recipientName column and Ms or Mr with the recipientTitle column/,
    );
  });

  it('in the wizard, where the title is typed with the name, says so in one answer', () => {
    const wizard = (f: string) => (f === 'recipientName' || f === 'recipientTitle' ? '"Their name"' : f);
    const notes = render(pack, request({ recipientName: undefined }), { names: wizard }).meta.warnings;
    expect(notes).toContain(
      'The letter opens "Dear Member of Parliament," because it has neither their name nor a courtesy title: give their name with Ms or Mr before it in "Their name" for a greeting such as "Dear Ms Smith," or "Dear Mr Smith,".',
    );
    const named = render(pack, request({ region: 'us', recipient: 'secretary-of-state' }), { names: wizard }).meta.warnings;
    expect(named).toContain(
      'The letter opens "Dear Secretary Smith:" because it has no courtesy title: give Ms or Mr before their name in "Their name" for "Dear Madam Secretary:" or "Dear Mr. Secretary:".',
    );
  });

  it('asks for the title, not the name, where the German or Polish minister is greeted by office', () => {
    expect(advice(de, { region: 'eu', recipient: 'foreign-minister-de', recipientName: undefined })).toEqual([
      'The letter opens "Sehr geehrte Frau Bundesministerin, sehr geehrter Herr Bundesminister," because it has no courtesy title: give Frau or Herr with --recipient-title for "Sehr geehrte Frau Bundesministerin," or "Sehr geehrter Herr Bundesminister,".',
    ]);
    expect(advice(pl, { region: 'eu', recipient: 'foreign-minister-pl', recipientName: undefined })).toEqual([
      'The letter opens "Szanowna Pani Minister / Szanowny Panie Ministrze," because it has no courtesy title: give Pani or Pan with --recipient-title for "Szanowna Pani Minister," or "Szanowny Panie Ministrze,".',
    ]);
    expect(advice(pl, { region: 'eu', recipient: 'foreign-minister-pl', recipientName: undefined, recipientTitle: 'Pani' })).toEqual([]);
  });

  it('never says a German MEP without a name is greeted by role', () => {
    const [note] = advice(de, { region: 'eu', recipient: 'mep', recipientName: undefined });
    expect(note).toMatch(
      /^The letter opens "Sehr geehrte Frau Abgeordnete, sehr geehrter Herr Abgeordneter," because it has neither their name nor a courtesy title: give their name with --recipient-name and Frau or Herr with --recipient-title/,
    );
  });
});
