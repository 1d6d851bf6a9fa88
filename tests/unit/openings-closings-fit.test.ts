/**
 * What a caseworker's fourth reading marked down in the English openings and closings, guarded over
 * every region, official and stance: a subject named only in the third sentence, a closing that
 * drifts from the opening's ask, Australia offering human-rights listings for releases, a stock
 * lead-in before the writer's story, and one letter opening two sentences with the same words.
 */
import { describe, expect, it } from 'vitest';
import { combosOf, lettersBySeed } from '../helpers/letters.js';
import { builtinPack } from '../helpers/pack.js';

const pack = builtinPack();
const SEEDS = Array.from({ length: 24 }, (_, i) => `r4-${i}`);
const combos = combosOf(pack);
const STORY = 'I teach history at a secondary school, and my pupils ask me about Belarus.';

function letters(region: string, recipient: string, stance: string, story?: string) {
  return lettersBySeed(pack, SEEDS, { region, recipient, stance, story, email: 'a@example.org' }).map((l) => ({
    where: l.where,
    body: l.body,
    opening: l.section('opening'),
    ask: l.section('ask'),
    close: l.section('close'),
  }));
}
const sentencesOf = (text: string) => text.split(/(?<=[.?!])\s+(?=[A-Z])/);

/** Sentence openings a careful writer does not use twice in one letter. */
const ONCE = ['I would welcome', 'I would be grateful', 'I hope', 'I urge'];

/** Closings that lobby the one who decides, point at nothing, or bring in an aim never asked for. */
const DRIFT = [
  /make this case/,
  /press for this/,
  /\bthose conditions\b/,
  /[Nn]ormal (?:relations|ties)|[Ww]armer ties|[Bb]usiness as usual/,
  /, and to make it known/,
];

describe('openings and closings, as a caseworker logs them', () => {
  it.each(combos)('%s %s %s: names Belarus in the first or second sentence', (region, recipient, stance) => {
    for (const { where, opening } of letters(region, recipient, stance)) {
      const [first = '', second = ''] = sentencesOf(opening);
      expect(`${first} ${second}`, where).toMatch(/Belarus/);
    }
  });

  it.each(combos)('%s %s %s: opens no two sentences with "I would welcome", "I would be grateful", "I hope" or "I urge"', (region, recipient, stance) => {
    for (const { where, body } of letters(region, recipient, stance, STORY)) {
      const sentences = body.split('\n\n').flatMap(sentencesOf);
      for (const phrase of ONCE) {
        expect(
          sentences.filter((s) => s.startsWith(phrase)),
          `${where}: "${phrase}"`,
        ).toHaveLength(sentences.some((s) => s.startsWith(phrase)) ? 1 : 0);
      }
    }
  });

  it.each(combos)('%s %s %s: the closing restates the ask and drifts nowhere', (region, recipient, stance) => {
    for (const { where, opening, ask } of letters(region, recipient, stance)) {
      for (const bad of DRIFT) {
        // "normal relations" may be restated only where the opening asked for it
        if (bad.source.includes('ormal') && /normal relations/.test(opening)) continue;
        expect(ask, where).not.toMatch(bad);
      }
    }
  });

  it.each(pack.regions.flatMap((r) => r.recipients.map((t) => [r.id, t.id] as const)))(
    '%s %s: an ask naming a committee holds whether or not the member sits on it',
    (region, recipient) => {
      for (const stance of pack.stances.map((s) => s.id)) {
        for (const { where, opening } of letters(region, recipient, stance)) {
          for (const s of sentencesOf(opening).filter((x) => /Committee\b/.test(x) && !/Estimates/.test(x))) {
            expect(s, where).toMatch(/\b(?:ask|urge|encourage|call on|press for|make sure|see that|raise [^.]*?with)\b[^.]*Committee/);
          }
        }
      }
    },
  );

  it('never offers to lift an Australian human-rights listing for releases, nor relief Australia has not given', () => {
    const au = pack.regions.find((r) => r.id === 'au');
    expect(au).toBeDefined();
    for (const recipient of au?.recipients ?? []) {
      for (const { where, body } of letters('au', recipient.id, 'conditional')) {
        expect(body, where).not.toMatch(/lift none of those listings|easing a listing|Some relief may be worth giving|A step back should follow/);
        expect(body, where).not.toMatch(/\blift(?:ing)?\b[^.]*\blistings?\b[^.]*\breleases?\b/);
      }
    }
  });

  it("gives the writer's story without a stock lead-in", () => {
    for (const [region, recipient, stance] of combos) {
      for (const { where, body } of letters(region, recipient, stance, STORY)) {
        expect(body, where).not.toMatch(/This is personal for me/);
        expect(body, where).toMatch(new RegExp(`(?:^|\\n\\n)${STORY}`));
      }
    }
  });

  it('never attaches "as my representative" to the writer', () => {
    for (const [region, recipient, stance] of combos) {
      for (const { where, opening } of letters(region, recipient, stance)) expect(opening, where).not.toMatch(/, as my (?:representative|MP),/);
    }
  });
});
