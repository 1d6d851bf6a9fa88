/**
 * A caseworker's seventh review of the English facts: US relief told as a complete list or as an
 * "agreement" (the record says the US eased, and in March 2026 said it would lift more), a
 * superlative with no scope ("the largest release"), a sentence arguing against a claim nobody
 * made, the April 2026 amendment called "the regime" (read as Minsk's beside a release), and a
 * fact with too few wordings to keep letters to different offices apart.
 */
import { describe, expect, it } from 'vitest';
import { allWordings } from '../../src/render/fact-text.js';
import { builtinPack } from '../helpers/pack.js';

const pack = builtinPack();
const wordingsOf = (id: string): string[] => {
  const fact = pack.facts.get(id);
  if (!fact) throw new Error(`no fact ${id}`);
  return allWordings(fact);
};

/** Phrases the review struck, each with why; checked in every wording of every fact. */
const STRUCK_FACT_PHRASES: [RegExp, string][] = [
  [/\bthree steps\b|\bin (two|three|four) stages\b/i, 'claims the list of US relief is complete; March 2026 also eased two banks and the Finance Ministry'],
  [/\bagree(d|ment)\b/i, 'the record says the US "said it would" lift sanctions, not that it agreed to'],
  [/\b(largest|biggest|smallest)\b/i, 'a superlative whose scope the letter does not give'],
  [/did not begin in|didn't begin in/i, 'argues against a claim nobody made'],
];

describe('review 7: the English facts say what the record says, no more', () => {
  const all = [...pack.facts.values()].flatMap((f) => allWordings(f).map((t) => [f.id, t] as const));

  for (const [pattern, why] of STRUCK_FACT_PHRASES) {
    it(`no fact wording matches ${pattern} (${why})`, () => {
      for (const [id, t] of all) expect(t, `${id}: ${t}`).not.toMatch(pattern);
    });
  }

  it('every US relief wording says what happened in March 2026 as "said it would"', () => {
    for (const t of wordingsOf('us-relief-granted')) expect(t, t).toMatch(/\bsaid\b[^.;]*\bwould\b/);
  });

  it('the December 2025 conditions are a pledge to stop political arrests, never their end', () => {
    // The record has a US official describing a pledge; "an end to political arrests" as the condition says more.
    for (const t of wordingsOf('us-relief-conditions')) expect(t, t).toMatch(/\b(pledge|promise|commitment)\b/);
  });

  it('the April 2026 amendment names the EU\'s measures, never "the regime"', () => {
    for (const t of wordingsOf('eu-amended-apr-2026')) {
      expect(t, t).not.toMatch(/\bregime\b/);
      expect(t, t).toMatch(/\bEU\b|Council/);
    }
  });

  it('every fact a letter states by default has at least ten wordings', () => {
    // The facts the review found repeated word for word across letters to different offices.
    for (const id of [
      'release-dec-2025',
      'release-mar-2026',
      'still-imprisoned',
      'osce-2020-election',
      'us-relief-granted',
      'us-relief-conditions',
      'eu-renewal-2026',
    ]) {
      expect(pack.facts.get(id)?.text.length ?? 0, id).toBeGreaterThanOrEqual(10);
    }
  });
});
