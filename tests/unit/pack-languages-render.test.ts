/**
 * The built-in German and Polish packs, as `--language de|pl` loads them: every region, official
 * and stance they serve renders in every format a letter is read in, and nothing the engine adds
 * (headings, titles, dates, fallbacks) is English. The sources' own titles stay as published.
 */
import { describe, expect, it } from 'vitest';
import { loadBuiltinPack } from '../../src/pack/builtin.js';
import { builtinLanguages } from '../../src/pack/languages.js';
import { ENGLISH_WORDS, resolveWords } from '../../src/pack/words.js';
import type { Pack } from '../../src/pack/load.js';
import { render } from '../../src/render/render.js';
import type { Letter } from '../../src/render/letter.js';
import { request } from '../helpers/pack.js';

const LANGUAGES = ['de', 'pl'] as const;
const FORMATS = ['text', 'markdown', 'html', 'eml'] as const;

/** English the engine could add anywhere in a letter. */
const ENGINE_ENGLISH = [
  /\bSources\b/,
  /\bSOURCES\b/,
  /Letter to the/,
  /No web address/,
  /none was found/,
  /\bDear\b/,
  /Yours (sincerely|faithfully)/,
  /Kind regards/,
  /\bPage \d/,
  /\bthe end of\b/,
];
/** English month names (German writes April, August, September and November the same). */
const ENGLISH_MONTHS = /\b(January|February|March|May|June|July|October|December)\b/;
/** Polish spells every month otherwise. */
const MONTHS_OF = { de: ENGLISH_MONTHS, pl: /\b(January|February|March|April|May|June|July|August|September|October|November|December)\b/ };

/** An email's quoted-printable parts as the reader's mail program shows them. */
const unquoted = (eml: string) =>
  Buffer.from(
    eml.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');

const packs = new Map<string, Promise<Pack>>(LANGUAGES.map((l) => [l, loadBuiltinPack({ language: l })]));

function combos(pack: Pack): { region: string; recipient: string; stance: string }[] {
  return pack.regions.flatMap((r) => r.recipients.flatMap((x) => pack.stances.map((s) => ({ region: r.id, recipient: x.id, stance: s.id }))));
}

function letterIn(pack: Pack, ids: { region: string; recipient: string; stance: string }, format: (typeof FORMATS)[number]): Letter {
  return render(
    pack,
    request({
      ...ids,
      name: 'Jana Novak',
      city: 'Leipzig',
      email: 'jana@example.org',
      recipientEmail: 'office@example.org',
      recipientName: undefined,
      date: '2026-03-02',
      format,
    }),
  );
}

describe('the built-in languages', () => {
  it('are English, German and Polish, English first', () => {
    expect(builtinLanguages()).toEqual(['en', 'de', 'pl']);
  });

  it.each(LANGUAGES)('%s: the pack translates every word the engine adds', async (language) => {
    const pack = await packs.get(language);
    expect(pack?.language).toBe(language);
    expect(Object.keys(pack?.words ?? {}).sort()).toEqual(Object.keys(ENGLISH_WORDS).sort());
    for (const [key, value] of Object.entries(pack?.words ?? {})) expect(value, key).not.toEqual(ENGLISH_WORDS[key as keyof typeof ENGLISH_WORDS]);
    expect(resolveWords(language, pack?.words).missing).toEqual([]);
  });
});

describe.each(LANGUAGES)('every letter of the %s pack', (language) => {
  it('renders in every format with no English the engine wrote', async () => {
    const pack = (await packs.get(language)) as Pack;
    const served = combos(pack);
    expect(served.length).toBeGreaterThanOrEqual(6);
    for (const ids of served) {
      for (const format of FORMATS) {
        const where = `${language} ${ids.region} ${ids.recipient} ${ids.stance} ${format}`;
        const letter = letterIn(pack, ids, format);
        // The letter without the sources' published titles, which stay in their own language.
        let text = format === 'eml' ? unquoted(letter.text) : letter.text;
        for (const source of letter.meta.sources) if (source.title) text = text.split(source.title).join('');
        for (const english of ENGINE_ENGLISH) expect(text, where).not.toMatch(english);
        expect(letter.body, where).not.toMatch(MONTHS_OF[language]);
        for (const english of ENGINE_ENGLISH) expect(letter.meta.subject, where).not.toMatch(english);
        expect(text, where).toContain(pack.words.sources);
        for (const source of letter.meta.sources) if (source.dateText) expect(source.dateText, where).not.toMatch(MONTHS_OF[language]);
        // The PDF's Sources heading comes from the same words.
        expect(letter.words?.sources, where).toBe(pack.words.sources);
      }
    }
  });

  it('dates the letter in its language', async () => {
    const pack = (await packs.get(language)) as Pack;
    const [first] = combos(pack);
    const body = letterIn(pack, first as { region: string; recipient: string; stance: string }, 'text').body;
    expect(body).toContain(language === 'de' ? '2. März 2026' : '2 marca 2026');
  });
});
