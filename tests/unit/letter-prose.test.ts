/**
 * Prose defects found reading letters as an office would, guarded over every region, official,
 * stance and a spread of seeds: sentences over 40 words, clauses joined by "and" twice over, two
 * sentences in a row that say much the same, and phrases a review struck out.
 */
import { combosOf } from '../helpers/letters.js';
import { describe, expect, it } from 'vitest';
import { render } from '../../src/render/render.js';
import { proseSentences, words } from '../../src/render/similarity.js';
import { builtinPack, request } from '../helpers/pack.js';

const pack = builtinPack();
const STORY = 'My aunt was jailed in Minsk in 2021 for joining a peaceful march. She is home now, but her friends are not.';
const STRUCK = [
  /The record speaks for itself/i,
  /use your part in/i,
  /and I am one of your constituents/i,
  /There is a personal reason behind this letter/i,
  /\band and\b/i,
  // A caseworker's second review: campaign copy and stiff thanks.
  /left in peace/i,
  /Freedom first, then relief/i,
  /for reading this far/i,
  /\bI thank you\b/,
  // "Dear Mr. Secretary:" is right; a courtesy title that is not Mr. never goes before 'Secretary'.
  /Dear (?:Dr|Ms|Mrs)\.? Secretary/,
  // Many of those released were deported, not sent home.
  /brought people home|brings people home|made whole again/i,
];
const SMALL = new Set([
  'the',
  'a',
  'an',
  'of',
  'to',
  'in',
  'and',
  'for',
  'is',
  'are',
  'be',
  'that',
  'it',
  'on',
  'i',
  'you',
  'by',
  'as',
  'at',
  'not',
  'with',
  'this',
  'their',
  'they',
  'those',
  'who',
]);
const content = (sentence: string) => new Set(words(sentence).filter((w) => !SMALL.has(w)));
const overlap = (a: Set<string>, b: Set<string>) => {
  const both = [...a].filter((w) => b.has(w)).length;
  return both / Math.max(1, Math.min(a.size, b.size));
};

describe('the prose of every letter', () => {
  const combos = combosOf(pack);

  it.each(combos)('%s %s %s: short sentences, no doubled joins, no repeats, no struck phrases', (region, recipient, stance) => {
    for (let seed = 0; seed < 12; seed++) {
      for (const story of [undefined, STORY]) {
        const body = render(pack, request({ region, recipient, stance, seed: `s${seed}`, story, city: 'Portland, OR' })).body;
        const where = `${region}/${recipient}/${stance} seed s${seed}`;
        for (const bad of STRUCK) expect(body, where).not.toMatch(bad);
        // A city typed "Portland, OR" is "Portland" in the sentences where the address block gives the
        // state (it would need a comma after "OR" too), and stays as typed where no state is written.
        const sentencesText = body
          .split('\n\n')
          .filter((p) => !p.includes('\n'))
          .join(' ');
        if (['us', 'ca', 'au'].includes(region)) expect(sentencesText, where).not.toMatch(/Portland, OR/);
        expect(body, where).not.toMatch(/Portland, OR,/);
        const prose = body.split('\n\n').filter((p) => !p.includes('\n') && (!story || !p.includes(story)));
        const sentences = prose.flatMap((p) => p.split(/(?<=[.?!])\s+(?=[A-Z])/));
        for (const s of sentences) {
          expect(words(s).length, `${where}: ${s}`).toBeLessThanOrEqual(40);
          expect((s.match(/, and /g) ?? []).length, `${where}: ${s}`).toBeLessThanOrEqual(1);
        }
        for (let i = 1; i < sentences.length; i++) {
          const a = content(sentences[i - 1] as string);
          const b = content(sentences[i] as string);
          if (a.size >= 4 && b.size >= 4) expect(overlap(a, b), `${where}: "${sentences[i - 1]}" / "${sentences[i]}"`).toBeLessThan(0.7);
        }
        expect(proseSentences(body).length, where).toBeGreaterThan(5);
      }
    }
  });
});
