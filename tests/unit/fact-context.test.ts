/**
 * The facts paragraph read as one paragraph: a fact's wording may depend on the facts beside it
 * (textWith), so a count after the March 2026 release does not give its 250 a second time, and
 * the order never leaves "Many others" pointing back at the 2020 election.
 */
import { combosOf } from '../helpers/letters.js';
import { describe, expect, it } from 'vitest';
import { PackError } from '../../src/errors.js';
import { validatePack } from '../../src/render/page-check.js';
import { prepareLetter } from '../../src/render/build-view.js';
import { NO_TRIM } from '../../src/render/fit.js';
import { allWordings, wordingsGiven } from '../../src/render/fact-text.js';
import { builtinPack, request, userPack } from '../helpers/pack.js';

const pack = builtinPack();
const combos = combosOf(pack);
const SEEDS = Array.from({ length: 40 }, (_, i) => `seed-${i}`);

/** Each letter's facts, in order, with the wording it states for each. */
function paragraphs(): { facts: string[]; text: string[]; where: string }[] {
  return combos.flatMap(([region, recipient, stance]) =>
    SEEDS.map((seed) => {
      const prepared = prepareLetter(pack, request({ region, recipient, stance, seed }), NO_TRIM);
      const facts = prepared.view.facts;
      return { facts, text: facts.map((id) => prepared.factText(pack.facts.get(id)!)), where: `${region}/${recipient}/${stance} ${seed}` };
    }),
  );
}
const letters = paragraphs();
const tags = (id: string) => pack.facts.get(id)?.tags ?? [];

describe('facts stated together', () => {
  it('a count after the March 2026 release does not give the 250 again', () => {
    const both = letters.filter((l) => l.facts.includes('release-mar-2026') && l.facts.includes('still-imprisoned'));
    expect(both.length).toBeGreaterThan(20);
    for (const l of both) {
      const count = l.text[l.facts.indexOf('still-imprisoned')] as string;
      expect(count, l.where).not.toMatch(/\b250\b/);
    }
  });

  it('without that release, the count still dates the hundreds by it', () => {
    const alone = letters.filter((l) => !l.facts.includes('release-mar-2026') && l.facts.includes('still-imprisoned'));
    expect(alone.length).toBeGreaterThan(20);
    for (const l of alone) expect(l.text[l.facts.indexOf('still-imprisoned')], l.where).toMatch(/March 2026/);
  });

  it('a writer who cites the March release and the deportations is not told twice that 15 went to Lithuania', () => {
    for (const seed of SEEDS) {
      const facts = ['release-mar-2026', 'deported-not-free', 'still-imprisoned'];
      const prepared = prepareLetter(pack, request({ facts, seed }), NO_TRIM);
      expect(prepared.factText(pack.facts.get('deported-not-free')!), seed).not.toMatch(/\b15\b/);
      expect(prepared.factText(pack.facts.get('still-imprisoned')!), seed).not.toMatch(/\b250\b/);
    }
  });

  it('no count wording that points back ("Many others", "The rest") follows anything but a release', () => {
    const backReference = /^(Many others|Others|The rest|The others|Those left)\b/;
    for (const l of letters) {
      l.facts.forEach((id, i) => {
        if (!tags(id).includes('count') || !backReference.test(l.text[i] as string)) return;
        const before = l.facts[i - 1];
        expect(before && tags(before).includes('release'), `${l.where}: ${l.text[i]} after ${before ?? 'nothing'}`).toBe(true);
      });
    }
  });

  it('states the 2020 background before the releases, never between them and the count', () => {
    for (const l of letters.filter((x) => x.facts.includes('osce-2020-election'))) expect(l.facts[0], l.where).toBe('osce-2020-election');
  });

  it('gives every fact at least three wordings in every context', () => {
    for (const fact of pack.facts.values()) {
      expect(fact.text.length, fact.id).toBeGreaterThanOrEqual(3);
      for (const [other, list] of Object.entries(fact.textWith)) expect(list.length, `${fact.id} with ${other}`).toBeGreaterThanOrEqual(3);
    }
  });

  it('picks the wordings for the first textWith fact the letter states', () => {
    const fact = { text: ['plain'], textWith: { a: ['after a'], b: ['after b'] } };
    expect(wordingsGiven(fact, [])).toEqual(['plain']);
    expect(wordingsGiven(fact, ['b'])).toEqual(['after b']);
    expect(wordingsGiven(fact, ['b', 'a'])).toEqual(['after a']);
    expect(allWordings(fact)).toEqual(['plain', 'after a', 'after b']);
  });
});

describe('textWith in a user pack', () => {
  function problemsOf(files: Record<string, string>): string[] {
    try {
      validatePack({ templatesDir: userPack(files) });
    } catch (error) {
      if (error instanceof PackError) return [...error.problems];
      throw error;
    }
    throw new Error('the pack loaded');
  }
  const fact = (textWith: string) =>
    `facts:\n  - id: mine\n    text: [A claim., The same claim., That claim.]\n    textWith:\n      ${textWith}: [After it.]\n    sources: [hrw-2025-12-15]\n    asOf: 2025-12\n    confidence: high\n`;

  it('names an unknown fact, with the nearest id', () => {
    expect(problemsOf({ 'facts.yaml': fact('release-mar-2062') })).toEqual([
      expect.stringMatching(
        /facts\.yaml:\d+:\d+: fact "mine" has textWith "release-mar-2062", which is not a fact in the facts list \(did you mean "release-mar-2026"\?\)/,
      ),
    ]);
  });

  it('refuses a fact keyed on itself', () => {
    expect(problemsOf({ 'facts.yaml': fact('mine') })).toEqual([expect.stringMatching(/fact "mine" has textWith "mine", its own id/)]);
  });
});
