import { describe, expect, it } from 'vitest';
import { render } from '../../src/render/render.js';
import { respell } from '../../src/render/spelling.js';
import { allWordings, withDates } from '../../src/render/fact-text.js';
import { BODY_FORMATS, type LetterFormat } from '../../src/request.js';
import { builtinPack, request } from '../helpers/pack.js';

const pack = builtinPack();

/** How each official is greeted when the writer names them "Jane Smith", written out by hand. */
const SALUTATIONS: Record<string, string> = {
  'us/senator': 'Dear Senator Smith:',
  'us/representative': 'Dear Representative Smith:',
  'us/secretary-of-state': 'Dear Secretary Smith:',
  'uk/mp': 'Dear Jane Smith,',
  'uk/foreign-secretary': 'Dear Foreign Secretary,',
  'eu/mep': 'Dear Jane Smith,',
  'eu/foreign-minister': 'Dear Minister,',
  'ca/mp': 'Dear Jane Smith:',
  'ca/foreign-minister': 'Dear Minister:',
  'au/senator': 'Dear Senator Smith,',
  'au/member': 'Dear Jane Smith,',
  'au/foreign-minister': 'Dear Minister,',
  'other/representative': 'Dear Jane Smith,',
  'other/foreign-minister': 'Dear Minister,',
};

/**
 * What each official can do: the opening paragraph must ask for one of these. A
 * legislator is asked to act (write, question, press), a minister to decide.
 */
const ACTIONS: Record<string, RegExp> = {
  'us/senator':
    /Secretary of State and the Secretary of the Treasury|Secretaries of State and the Treasury|State Department briefing|briefing from the State Department|co-sponsor|bill or resolution|Foreign Relations or Banking Committee/,
  'us/representative':
    /Secretary of State and the Secretary of the Treasury|Secretaries of State and the Treasury|State Department briefing|briefing from the State Department|co-sponsor|bill or resolution|Foreign Affairs or Financial Services Committee/,
  'us/secretary-of-state':
    /general licen[cs]es? or delistings?|easing of the Belarus sanctions|no more delistings|designations|designate|publish the conditions|further relief/,
  'uk/mp': /Foreign Secretary|written (parliamentary )?question|Westminster Hall|Foreign Office questions/,
  'uk/foreign-secretary': /designation|delisting|listing|sanction|easing|relief/,
  'eu/mep': /written question|High Representative|urgency resolution|resolution on Belarus|urgency debates|our (own )?government/,
  'eu/foreign-minister': /Council|sanctions|easing|relief/,
  'ca/mp': /Minister of Foreign Affairs|Question Period|Standing Committee|petition|House of Commons/,
  'ca/foreign-minister': /listing|sanction|easing|relief/,
  'au/senator': /Estimates|question on notice|Minister for Foreign Affairs/,
  'au/member': /Minister for Foreign Affairs|in the House|House of Representatives/,
  'au/foreign-minister': /listing|sanction|easing|relief|thematic human-rights/,
  'other/representative': /foreign minister|UN Human Rights Council|in parliament/,
  'other/foreign-minister': /UN Human Rights Council|OSCE|normal relations|targeted measures|Special Rapporteur|closer relations/,
};

const STORY =
  'My aunt was jailed in Minsk in 2021 for joining a peaceful march. She wrote to us every month, and I want her friends who are still inside to come home too.';

const combos = pack.regions.flatMap((region) => region.recipients.flatMap((recipient) => pack.stances.map((stance) => ({ region, recipient, stance }))));

describe('every region x recipient x stance x format', () => {
  it('covers every salutation in the table', () => {
    expect(Object.keys(SALUTATIONS).sort()).toEqual(pack.regions.flatMap((r) => r.recipients.map((x) => `${r.id}/${x.id}`)).sort());
  });

  for (const { region, recipient, stance } of combos) {
    it(`${region.id} ${recipient.id} ${stance.id}`, () => {
      const table = region.spelling === 'gb' ? undefined : pack.spellings[region.spelling];
      for (const format of BODY_FORMATS as readonly LetterFormat[]) {
        for (const seed of ['one', 'two', 'three', 'four', 'five']) {
          for (const story of [undefined, STORY]) {
            const letter = render(pack, request({ region: region.id, recipient: recipient.id, stance: stance.id, format, seed, story }));
            const where = `${format} seed=${seed} story=${Boolean(story)}`;

            for (const bad of ['undefined', 'null', '[object', '{{', '}}', 'NaN']) expect(letter.text, where).not.toContain(bad);
            expect(letter.body, where).not.toMatch(/ {2}/);
            expect(letter.body, where).not.toMatch(/^[ \t]|[ \t]$/m);
            // Prose paragraphs are one line; only short blocks (addresses, signature) break lines.
            for (const p of letter.body.split('\n\n')) {
              if (p.includes('\n'))
                expect(
                  p.split('\n').every((line) => line.length <= 80),
                  `${where}: ${p}`,
                ).toBe(true);
            }
            expect(letter.body, where).not.toMatch(/\n\s*\n\s*\n/);
            expect(
              letter.body.split(/\n\n/).every((p) => /[\p{L}\p{N}]/u.test(p)),
              where,
            ).toBe(true);

            // One page.
            expect(letter.meta.wordCount, where).toBeGreaterThanOrEqual(150);
            expect(letter.meta.wordCount, where).toBeLessThanOrEqual(450);

            // Grounded: every cited fact is in the facts file and stated in one of its wordings.
            const stated = letter.meta.citedFacts.map((id) => {
              const fact = pack.facts.get(id);
              expect(fact, id).toBeDefined();
              const wordings = allWordings(fact!).map((t) => withDates(respell(t.replace(/\s+/g, ' ').trim(), table), region.locale));
              const found = wordings.find((w) => letter.body.includes(w));
              expect(found, `${where}: ${id} stated as written`).toBeDefined();
              return found as string;
            });
            // ...and no number appears that is not in a cited fact, the date, an address or the story.
            const allowed = [...stated, '10 January 2026 January 10, 2026', letter.body.split('\n\n').slice(0, 4).join(' '), story ?? ''].join(' ');
            for (const number of letter.body.match(/\d[\d,.]*\d|\d/g) ?? []) expect(allowed, `${where}: ${number}`).toContain(number);

            // Sources: exactly the cited facts' sources, each once.
            const expectedSources = [...new Set(letter.meta.citedFacts.flatMap((id) => pack.facts.get(id)!.sources))];
            expect(letter.meta.sources.map((s) => s.id)).toEqual(expectedSources);
            for (const s of letter.meta.sources) {
              if (!s.title) continue;
              const shown = format === 'html' ? s.title.replace(/&/g, '&amp;').replace(/'/g, '&#x27;') : s.title;
              expect(letter.text.split(shown).length - 1, `${where}: ${s.id} once`).toBe(1);
            }

            // Shape: salutation, the ask first, the ask again before the close, name and town last.
            const paragraphs = letter.body.split('\n\n');
            const salutationAt = paragraphs.indexOf(SALUTATIONS[`${region.id}/${recipient.id}`]!);
            expect(salutationAt, `${where}: salutation`).toBeGreaterThan(0);
            const opening = paragraphs[salutationAt + 1] as string;
            expect(opening, `${where}: ask first`).toMatch(ACTIONS[`${region.id}/${recipient.id}`] as RegExp);
            // A legislator cannot keep or lift sanctions: the opening never asks them to.
            if (recipient.constituent)
              expect(opening, `${where}: legislator's ask`).not.toMatch(/(you to|Please|you would|that you|you will) (keep|lift|impose|ease)\b/);
            expect(paragraphs.at(-1)).toBe('Alex Doe');
            expect(paragraphs.at(-4), `${where}: ask restated`).not.toBe(opening);
            if (story) expect(paragraphs[salutationAt + 2], `${where}: story second`).toContain(STORY);
          }
        }
      }
    });
  }
});

describe('render', () => {
  it('is deterministic: the same request gives the same letter', () => {
    expect(render(pack, request()).text).toBe(render(pack, request()).text);
  });

  it('gives different senders visibly different wording', () => {
    const senders = ['Alex Doe', 'Sam Lee', 'Olga K', 'Ivan P', 'Maria S', 'Tom B', 'Anna W', 'Piotr Z'];
    const wordings = new Set(senders.map((name) => render(pack, request({ name })).body.replaceAll(name, 'NAME')));
    expect(wordings.size).toBe(senders.length);
    const openings = new Set(senders.map((name) => render(pack, request({ name })).body.split('\n\n')[4]!.replaceAll(name, 'NAME')));
    expect(openings.size).toBeGreaterThanOrEqual(2);
  });

  it('changes the wording with --seed and keeps it for the same seed', () => {
    const seeds = new Set(['a', 'b', 'c', 'd', 'e', 'f'].map((seed) => render(pack, request({ seed })).body));
    expect(seeds.size).toBeGreaterThan(3);
  });

  it("keeps O'Brien as written in text and Markdown, and escapes it in HTML", () => {
    const name = "Seán O'Brien <b>";
    expect(render(pack, request({ name })).text).toContain("Seán O'Brien <b>");
    const html = render(pack, request({ name, format: 'html' })).text;
    expect(html).toContain('Seán O&#x27;Brien &lt;b&gt;');
    expect(html).not.toContain('<b>');
    const md = render(pack, request({ name: 'Alex *Bold* Doe', format: 'markdown' })).text;
    expect(md).toContain('Alex \\*Bold\\* Doe');
    expect(md).toMatch(/## Sources/);
  });

  it('escapes a hostile story in HTML', () => {
    const html = render(pack, request({ format: 'html', story: '<script>alert(1)</script> & "quotes"' })).text;
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;');
  });

  it("uses US spelling in US letters for the pack's words but never changes the writer's", () => {
    const story = 'I honour my colleagues who were recognised as prisoners.';
    // Over several seeds, so that wordings with the word in them are among those picked.
    const seeds = Array.from({ length: 20 }, (_, i) => `s${i}`);
    const us = seeds
      .map((seed) => render(pack, request({ region: 'us', recipient: 'senator', story, seed, facts: ['new-prisoners-dec-2025', 'still-imprisoned'] })).body)
      .join('\n');
    expect(us).toMatch(/\brecognized\b/);
    expect(us).not.toMatch(/\brecognised\b(?!.* as prisoners\.)/);
    expect(us).toContain(story);
    // An organisation keeps its own name, in whichever wording names it in full.
    const named = Array.from(
      { length: 20 },
      (_, i) => render(pack, request({ region: 'us', recipient: 'senator', seed: `s${i}`, facts: ['still-imprisoned'] })).body,
    );
    expect(named.some((body) => body.includes('Viasna Human Rights Centre'))).toBe(true);
    expect(named.join('\n')).not.toMatch(/Human Rights Center/);
    const uk = seeds.map((seed) => render(pack, request({ seed, facts: ['new-prisoners-dec-2025'] })).body).join('\n');
    expect(uk).toMatch(/\brecognised\b/);
  });

  it('formats the date for the region', () => {
    expect(render(pack, request({ region: 'us', recipient: 'senator' })).body).toContain('\nJanuary 10, 2026\n');
    expect(render(pack, request()).body).toContain('\n10 January 2026\n');
  });

  it('drops the Sources section on request but keeps the citations in meta', () => {
    const letter = render(pack, request({ sources: false }));
    expect(letter.text).not.toMatch(/^Sources$/m);
    expect(letter.meta.sources.length).toBeGreaterThan(0);
  });

  it('cites the facts asked for, in that order', () => {
    const letter = render(pack, request({ facts: ['osce-2020-election', 'still-imprisoned'] }));
    expect(letter.meta.citedFacts).toEqual(['osce-2020-election', 'still-imprisoned']);
  });

  it('notes a count of prisoners six or more whole months old, by the count, saying where to check', () => {
    // The note's first line: the sentences it names below it may quote "political prisoners".
    const countNotes = (warnings: string[]) => warnings.filter((w) => /political prisoners/.test(w.split('\n')[0] as string));
    expect(countNotes(render(pack, request({ date: '2026-01-10' })).meta.warnings)).toEqual([]);
    const note = render(pack, request({ date: '2026-11-30', facts: ['still-imprisoned', 'release-mar-2026'] })).meta.warnings.find((w) =>
      w.startsWith('The count'),
    );
    // Counted from the count (31 December 2025), not from the newer release fact (March 2026).
    expect(note).toMatch(/count of political prisoners in this letter is from the end of December 2025, 11 months before/);
    expect(note).toMatch(/spring96\.org/);
    // A newer count in the letter is the one the note goes by.
    const newer = render(pack, request({ date: '2026-11-30', facts: ['still-imprisoned', 'count-before-mar-2026'] })).meta.warnings.find((w) =>
      w.startsWith('The count'),
    );
    expect(newer).toMatch(/from 19 March 2026, 8 months before/);
    // No count in the letter: nothing to go stale.
    expect(countNotes(render(pack, request({ date: '2026-11-30', facts: ['release-mar-2026'] })).meta.warnings)).toEqual([]);
  });

  it('warns when a long story takes the letter past one page', () => {
    const story = Array.from({ length: 30 }, () => 'This matters to me and to my family very much.').join(' ');
    const letter = render(pack, request({ story }));
    expect(letter.meta.wordCount).toBeGreaterThan(450);
    expect(letter.meta.warnings.join(' ')).toMatch(/more than fits on one page/);
  });

  it('rejects unknown regions, recipients, stances and facts with a typed error naming the choices, not a flag', () => {
    const thrown = (input: Parameters<typeof request>[0]) => {
      try {
        render(pack, request(input));
      } catch (error) {
        return error;
      }
      throw new Error('render did not throw');
    };
    expect(thrown({ region: 'xx' })).toMatchObject({
      field: 'region',
      value: 'xx',
      choices: ['us', 'uk', 'eu', 'ca', 'au', 'other'],
      message: 'Unknown region "xx". Choose us, uk, eu, ca, au or other.',
    });
    expect(thrown({ region: 'ukk' })).toMatchObject({
      field: 'region',
      suggestion: 'uk',
      message: expect.stringMatching(/^Unknown region "ukk"; did you mean "uk"\? Choose /),
    });
    expect(thrown({ recipient: 'senator' })).toMatchObject({
      field: 'recipient',
      region: 'uk',
      message: 'Unknown recipient "senator" for region uk. Choose mp or foreign-secretary.',
    });
    expect(thrown({ stance: 'lift' })).toMatchObject({ field: 'stance', choices: ['maintain', 'strengthen', 'conditional'] });
    expect(thrown({ facts: ['made-up'] })).toMatchObject({
      field: 'fact',
      values: ['made-up'],
      message: expect.stringMatching(/^Unknown fact "made-up"\. Choose from /),
    });
    expect(thrown({ template: 'nope' })).toMatchObject({ field: 'template', value: 'nope' });
    expect((thrown({ region: 'xx' }) as Error).message).not.toMatch(/--/);
  });

  it("uses the writer's address for the official when given", () => {
    const body = render(pack, request({ region: 'eu', recipient: 'mep', recipientAddress: ['European Parliament', 'Rue Wiertz 60'] })).body;
    expect(body).toContain('Jane Smith\nEuropean Parliament\nRue Wiertz 60');
  });

  it('uses a courtesy title in the salutation when given', () => {
    expect(render(pack, request({ recipientTitle: 'Ms' })).body).toContain('\nDear Ms Smith,\n');
    const sec = render(pack, request({ region: 'us', recipient: 'secretary-of-state', recipientTitle: 'Dr' })).body;
    expect(sec).toContain('\nDear Secretary Smith:\n');
    expect(render(pack, request({ region: 'us', recipient: 'senator', recipientName: undefined })).body).toContain('\nDear Senator:\n');
  });
});
