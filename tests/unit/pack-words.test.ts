/**
 * The words the engine adds to a letter come from the pack: a pack in another language renders
 * with no English the engine wrote, lacks none without saying so, and dates its letters in its
 * own language.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PackError } from '../../src/errors.js';
import { builtinPackDir } from '../../src/pack/files.js';
import { loadPack, type Pack } from '../../src/pack/load.js';
import { ENGLISH_WORDS, missingWordsMessage, resolveWords } from '../../src/pack/words.js';
import { dateLocale, formatPartialDate, formatPartialDateIntl } from '../../src/render/dates.js';
import { withDates } from '../../src/render/fact-text.js';
import { render } from '../../src/render/render.js';
import { FORMATS } from '../../src/request.js';
import { tempDir } from '../helpers/cli.js';
import { builtinPack, request, userPack } from '../helpers/pack.js';

const GERMAN_FIXTURE = join(import.meta.dirname, '../fixtures/packs/de');

/** English the engine could add to a letter: headings, titles, fallbacks, month names. */
const ENGLISH_ENGINE_WORDS = [
  'Sources',
  'SOURCES',
  'Letter to the',
  'No web address',
  'none was found',
  'Dear',
  'Yours sincerely',
  'Yours faithfully',
  'Kind regards',
  // The English month names German spells otherwise (April, August, September and November are the same).
  ...['January', 'February', 'March', 'May', 'June', 'July', 'October', 'December'],
  // The English day-first and month-first forms of the letter's date.
  '2 March 2026',
  'March 2, 2026',
];

function problemsLoading(options: Parameters<typeof loadPack>[0]): string[] {
  try {
    loadPack(options);
  } catch (error) {
    if (error instanceof PackError) return [...error.problems];
    throw error;
  }
  throw new Error('the pack loaded');
}

/** The German fixture in a temp folder with its pack.yaml edited. */
function germanCopy(edit: (manifest: string) => string): string {
  const dir = join(tempDir('bl-words-'), 'de');
  cpSync(GERMAN_FIXTURE, dir, { recursive: true });
  const file = join(dir, 'pack.yaml');
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  return dir;
}

/** pack.yaml without its words: section. */
const withoutWords = (yaml: string) => yaml.replace(/^words:\n(?: {2}.*\n)+/m, '');

describe('a pack in another language', () => {
  const pack: Pack = loadPack({ baseDir: GERMAN_FIXTURE });
  const letterIn = (format: (typeof FORMATS)[number]) =>
    render(pack, request({ region: 'eu', recipient: 'mep', stance: 'maintain', format, city: 'Berlin', email: 'a@example.org', date: '2026-03-02' }));

  it('renders every format with no English engine words', () => {
    for (const format of FORMATS.filter((f) => f !== 'pdf')) {
      const letter = letterIn(format);
      // The email's headers are the protocol's (Date: Mon, ...), not the letter's words.
      const text = format === 'eml' ? letter.text.slice(letter.text.indexOf('\r\n\r\n')) : letter.text;
      const decoded =
        format === 'eml' ? text.replace(/=\r\n/g, '').replace(/(?:=[0-9A-F]{2})+/g, (q) => Buffer.from(q.replace(/=/g, ''), 'hex').toString('utf8')) : text;
      for (const english of ENGLISH_ENGINE_WORDS) expect(decoded, `${format}: "${english}"`).not.toContain(english);
      expect(decoded, format).toContain('Quellen');
      expect(letter.meta.subject).toBe('Schreiben an: Mitglied des Europäischen Parlaments');
    }
  });

  it('writes its own words where the engine adds them', () => {
    const text = letterIn('text').text;
    expect(text).toContain('Berlin, 2. März 2026');
    expect(text).toMatch(/\nQuellen\n1\. /);
    expect(text).toContain('Keine Webadresse: die Seite der AP');
    expect(letterIn('markdown').text).toContain('## Quellen');
    expect(letterIn('html').text).toContain('<h2>Quellen</h2>');
    expect(letterIn('html').text).toContain('<title>Schreiben an: Mitglied des Europäischen Parlaments</title>');
    // The PDF lays out the letter's sections and sources with the pack's words.
    expect(letterIn('pdf').words?.sources).toBe('Quellen');
  });

  it('dates marked facts in its language', () => {
    const text = render(pack, request({ region: 'eu', recipient: 'mep', stance: 'maintain', facts: ['release-sep-2025'], date: '2026-11-30' })).text;
    expect(text).toContain('Am 11. September 2025 ließ Belarus');
    expect(text).toContain('„Belarus frees 52 prisoners after Lukashenko meets US envoy“');
  });

  it('fails validation without its words, listing every one in one message', () => {
    const problems = problemsLoading({ baseDir: germanCopy(withoutWords) });
    const words = problems.filter((p) => p.includes('translate these'));
    expect(words).toHaveLength(1);
    expect(words[0]).toMatch(/^.*pack\.yaml:\d+:\d+: words: the pack's language is "de"/);
    // addressMissing only with a recipient whose address the pack does not give: the German pack has none.
    for (const key of Object.keys(ENGLISH_WORDS).filter((k) => k !== 'addressMissing')) expect(words[0]).toContain(`${key} (`);
    expect(words[0]).not.toContain('addressMissing (');
  });

  it('needs its own placeholder for an address it does not give, once it has such a recipient', () => {
    const noPostal = (y: string) => y.replace(/^( {8}label: Mitglied des Europäischen Parlaments\n)/m, '$1        postal: false\n');
    const problems = problemsLoading({ baseDir: germanCopy(noPostal) });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('translate these: addressMissing (');
    const worded = (y: string) => noPostal(y).replace(/^words:\n/m, 'words:\n  addressMissing: "[Postanschrift des Ministeriums]"\n');
    expect(loadPack({ baseDir: germanCopy(worded) }).words.addressMissing).toBe('[Postanschrift des Ministeriums]');
  });

  it('lists only the words it lacks', () => {
    const problems = problemsLoading({ baseDir: germanCopy((y) => y.replace(/^ {2}sources: Quellen\n/m, '').replace(/^ {2}noAddress: .*\n/m, '')) });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('translate these: sources (the heading of the list of sources');
    expect(problems[0]).toContain('noAddress (');
    expect(problems[0]).not.toContain('letterTitle');
  });

  it('does not inherit English words from the built-in pack it is layered over', () => {
    const problems = problemsLoading({ templatesDir: germanCopy(withoutWords), baseDir: builtinPackDir() });
    expect(problems.filter((p) => p.includes('translate these'))).toHaveLength(1);
  });

  it('names a placeholder the engine does not fill', () => {
    const problems = problemsLoading({ baseDir: germanCopy((y) => y.replace('{{recipient}}', '{{empfaenger}}')) });
    expect(problems).toEqual([
      expect.stringMatching(/pack\.yaml:\d+:\d+: words\.letterTitle: unknown placeholder "\{\{empfaenger\}\}": it may use \{\{recipient\}\}/),
    ]);
  });
});

describe('an English pack', () => {
  it('gets the English defaults for words it leaves out', () => {
    expect(resolveWords('en', undefined)).toEqual({ words: ENGLISH_WORDS, missing: [] });
    expect(resolveWords('en-GB', { sources: 'References' }).words.sources).toBe('References');
    expect(resolveWords('de', { sources: 'Quellen' }).missing).toEqual(['letterTitle', 'noAddress', 'titleQuotes', 'printTitleQuotes', 'addressMissing']);
    expect(missingWordsMessage('pl', ['sources'])).toContain(
      'translate these: sources (the heading of the list of sources under the letter; English: "Sources")',
    );
  });

  it('keeps its letters as they were: Sources heading, title and quotes in English', () => {
    const pack = builtinPack();
    expect(pack.words).toEqual(ENGLISH_WORDS);
    const letter = render(pack, request({ format: 'html' }));
    expect(letter.text).toContain('<h2>Sources</h2>');
    expect(letter.text).toContain('<title>Letter to the Member of Parliament</title>');
    expect(render(pack, request()).text).toMatch(/\nSources\n1\. /);
  });

  it('may change one word and keep the rest', () => {
    const dir = userPack({ 'pack.yaml': 'words:\n  sources: References\n' });
    const pack = loadPack({ templatesDir: dir });
    expect(pack.words).toEqual({ ...ENGLISH_WORDS, sources: 'References' });
    expect(render(pack, request()).text).toMatch(/\nReferences\n1\. /);
  });
});

describe('dates in the pack language and the region', () => {
  it('dates German letters "30. November 2026" and Polish ones "30 listopada 2026"', () => {
    expect(formatPartialDate('2026-11-30', dateLocale('de', 'de-DE'))).toBe('30. November 2026');
    expect(formatPartialDate('2026-11-30', dateLocale('de', 'en-IE'))).toBe('30. November 2026');
    expect(formatPartialDate('2026-11-30', dateLocale('pl', 'en-GB'))).toBe('30 listopada 2026');
    expect(formatPartialDate('2026-03', dateLocale('pl', 'pl-PL'))).toBe('marzec 2026');
    expect(withDates('Am [[2020-08-09]].', dateLocale('de', 'en-GB'))).toBe('Am 9. August 2020.');
    expect(withDates('Dnia [[2020-08-09]].', dateLocale('pl', 'en-GB'))).toBe('Dnia 9 sierpnia 2020.');
  });

  it('takes the country from the region and keeps an English pack on its own locale', () => {
    expect(dateLocale('de', 'en-IE')).toBe('de-IE');
    expect(dateLocale('de', 'de-AT')).toBe('de-AT');
    expect(dateLocale('pl', 'en')).toBe('pl');
    expect(dateLocale('en', 'en-US')).toBe('en-US');
    expect(dateLocale('en', 'en-GB')).toBe('en-GB');
    expect(formatPartialDate('2026-11-30', dateLocale('en', 'en-US'))).toBe(formatPartialDateIntl('2026-11-30', 'en-US'));
  });
});
