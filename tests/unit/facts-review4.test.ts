/**
 * A caseworker's fourth review of the English pack: sentences that say more than the record
 * (whose remaining sanctions the US agreed to lift, the EU's 312/57 carried past the day they were
 * counted, the freed all "home"), undated present-tense claims in the reason paragraph, events a
 * letter refers to without introducing them, and stock phrasing. Each check reads the pack's own
 * wordings or renders letters in-process.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { render } from '../../src/render/render.js';
import { allWordings } from '../../src/render/fact-text.js';
import { builtinPack, request } from '../helpers/pack.js';

const pack = builtinPack();
const wordingsOf = (id: string): string[] => {
  const fact = pack.facts.get(id);
  if (!fact) throw new Error(`no fact ${id}`);
  return allWordings(fact);
};
const partial = (name: string) => readFileSync(new URL(`../../templates/partials/${name}.hbs`, import.meta.url), 'utf8');

/** After naming Belavia and the potash producers, "their"/"them" would take in Belavia too. */
const AMBIGUOUS_REMAINDER = /\b(their remaining|the rest of their|what (was left|remained) on them|remained on the two\b(?! producers))/i;

/** Phrases struck by the fourth review, wherever they occur in the facts or these partials. */
const STRUCK: [RegExp, string][] = [
  [/\b(came|come|are|went) home\b|loved ones back|brought others home/i, 'many of those freed were deported, not sent home'],
  [
    /is still in place|still work as they did|still running|still at work|still doing their jobs|still run it now|still handing down/i,
    'an undated present-tense claim',
  ],
  [/new arrests call for/i, 'an undated present-tense claim'],
  [
    /paid per prisoner|leverage that freed|chose continuity|much has been given|a good deal has (already )?been given|relief is already a fact|has not waited for every release|only part of the story|there is a place for easing|the record does not show/i,
    'stock or slogan',
  ],
  [/the (very )?month of the large release|the large release|a large release/i, 'March 2026 was the larger release'],
  [/forward to \[\[2027|carrying .* forward/i, 'the 26 February 2026 list carried to 2027'],
  [/the last count I can cite|taken before it|the count I can rely on/i, 'a count the writer cannot update'],
  [/By a complete release I mean/, 'defines a term the letter may not have used'],
];

describe('the English facts say no more than the record', () => {
  const all = [...pack.facts.values()].flatMap((f) => allWordings(f).map((t) => [f.id, t] as const));

  it('US relief: the remaining sanctions lifted in March 2026 are the potash producers\', never "theirs" after Belavia', () => {
    for (const t of wordingsOf('us-relief-granted')) {
      expect(t, t).not.toMatch(AMBIGUOUS_REMAINDER);
      const march = t.slice(t.indexOf('March 2026'));
      expect(march, t).toMatch(/potash|producers|those two|the two\b/);
    }
  });

  it('EU renewal: 312 and 57 are dated to the day of the decision, and EU letters go on to the April 2026 amendment', () => {
    for (const t of wordingsOf('eu-renewal-2026')) {
      expect(t, t).toMatch(/at that date|as of that date|that day|on that date|the day of the decision|at the time|as they stood|when they listed|\bthen\b/);
    }
    for (const t of wordingsOf('eu-amended-apr-2026')) expect(t, t).toMatch(/April 2026/);
    expect(pack.facts.get('eu-amended-apr-2026')?.sources).toEqual(['eu-reg-2026-513']);
    for (let i = 0; i < 6; i++) {
      const letter = render(pack, request({ region: 'eu', recipient: 'mep', stance: 'maintain', seed: `am${i}`, date: '2026-11-30' }));
      expect(letter.meta.citedFacts).toContain('eu-renewal-2026');
      expect(letter.body).toMatch(/April 2026/);
      expect(letter.text).toMatch(/2026\/513/);
    }
  });

  it('the US conditions say it was the US that eased, and when', () => {
    for (const t of wordingsOf('us-relief-conditions')) {
      expect(t, t).toMatch(/December 2025/);
      expect(t.replace(/a US official/g, ''), t).toMatch(/\b(US|United States|Washington)\b/);
      expect(t, t).toMatch(/potash/);
    }
  });

  it('cites only sources that support the figure: HRW ("more than 1,100") is not a source for 1,131', () => {
    for (const fact of pack.facts.values()) {
      if (fact.text.some((t) => t.includes('1,131'))) expect(fact.sources, fact.id).not.toContain('hrw-2025-12-15');
    }
  });

  it('has none of the struck phrasings in the facts or the reason partials', () => {
    for (const [id, t] of all) for (const [bad, why] of STRUCK) expect(t, `${id} (${why})`).not.toMatch(bad);
    for (const name of ['reason', 'verdict', 'complete', 'facts']) {
      for (const [bad, why] of STRUCK) expect(partial(name), `${name}.hbs (${why})`).not.toMatch(bad);
    }
  });

  it('the checks can fail', () => {
    expect(AMBIGUOUS_REMAINDER.test('in March 2026 it agreed to lift their remaining sanctions.')).toBe(true);
    expect(AMBIGUOUS_REMAINDER.test('and in March 2026 agreed to lift what was left on them.')).toBe(true);
    expect(AMBIGUOUS_REMAINDER.test('in March 2026 it agreed to lift the remaining sanctions on the two potash producers.')).toBe(false);
    expect(STRUCK.some(([bad]) => bad.test('No one should play down what the releases mean to those who came home.'))).toBe(true);
    expect(STRUCK.some(([bad]) => bad.test('Releases are welcome, but the system that jailed these people is still in place.'))).toBe(true);
  });
});

describe('US and EU letters introduce the releases they go on to speak of', () => {
  const tags = (id: string) => pack.facts.get(id)?.tags ?? [];
  for (const region of ['us', 'eu']) {
    for (const stance of pack.stances.map((s) => s.id)) {
      it(`${region} ${stance}: a release fact and the region's lead fact in the order they happened, then the count`, () => {
        const recipient = pack.regions.find((r) => r.id === region)?.recipients[0]?.id ?? '';
        for (let i = 0; i < 8; i++) {
          const letter = render(pack, request({ region, recipient, stance, seed: `rel${i}`, date: '2026-11-30' }));
          const cited = letter.meta.citedFacts;
          const where = `${region}/${stance} seed rel${i}: ${cited.join(', ')}`;
          const release = cited.findIndex((id) => tags(id).includes('release'));
          const lead = cited.findIndex((id) => id === 'us-relief-granted' || id === 'eu-renewal-2026');
          expect(release, where).toBeGreaterThan(-1);
          // A March 2026 release comes after the EU's renewal of February 2026, not before it.
          const asOf = (i: number) => pack.facts.get(cited[i] ?? '')?.asOf ?? '';
          if (asOf(release) > asOf(lead)) expect(lead, where).toBeLessThan(release);
          else expect(lead, where).toBeGreaterThan(release);
          const count = cited.findIndex((id) => tags(id).includes('count'));
          expect(count, where).toBeGreaterThan(Math.max(release, lead));
          // The April 2026 amendment follows the renewal and any March release, never before them.
          const amended = cited.indexOf('eu-amended-apr-2026');
          if (region === 'eu') expect(amended, where).toBeGreaterThan(Math.max(release, lead));
        }
      });
    }
  }
});

/** Review 5: a letter may cite the count without the March release, and may read 312/57 as the list at expiry. */
describe('review 5: wordings that stand alone', () => {
  it('every still-imprisoned wording that mentions March 2026 says what that release was (250 freed)', () => {
    // Beside the March release's own fact, '250 more' or 'a further 250' reads as a second release.
    for (const t of wordingsOf('still-imprisoned')) expect(t, t).not.toMatch(/250 more|further 250/);
    // The wordings for a letter without that release (textWith has those for a letter with it).
    for (const t of pack.facts.get('still-imprisoned')!.text) {
      if (/March 2026/.test(t)) expect(t, t).toMatch(/\b250\b/);
      expect(t, t).not.toMatch(/the March 2026 release/);
      expect(t, t).not.toMatch(/^(Not (all|everyone) (was|were) freed|Many remained)\b/);
    }
    expect(new Set(wordingsOf('still-imprisoned')).size).toBe(wordingsOf('still-imprisoned').length);
  });

  it('no eu-renewal-2026 wording points back with "that date"/"that day"/"then" after the 2027 expiry', () => {
    for (const t of wordingsOf('eu-renewal-2026')) {
      const after = t.slice(t.indexOf('2027'));
      expect(after, t).not.toMatch(/that date|that day|at the time|\bthen\b/);
    }
  });
});
