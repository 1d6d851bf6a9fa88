import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FormLetterRisk } from '../../src/bulk/form-letter-risk.js';
import { hash53, jaccard, proseSentences, similarity, trigramSet, withoutStory, words } from '../../src/render/similarity.js';

describe('similarity', () => {
  it('is 1 for the same text and 0 for texts sharing no three words in a row', () => {
    const a = 'Please keep the sanctions in place until every political prisoner is free.';
    expect(similarity(a, a)).toBe(1);
    expect(similarity(a, 'Thank you for reading my letter and for your reply soon.')).toBe(0);
  });

  it('does not count a place-and-date line ending in the Polish "r." as a sentence, but does count prose ending so', () => {
    const letter = 'Kraków, 30 listopada 2026 r.\n\nPiszę w sprawie więźniów, zwolnionych w marcu 2026 r.';
    expect(proseSentences(letter)).toEqual(['piszę w sprawie więźniów zwolnionych w marcu 2026 r']);
  });

  it('ignores case and punctuation', () => {
    expect(similarity('Dear Ms Smith, thank you.', 'dear ms smith thank you')).toBe(1);
  });

  it('is the Jaccard share of word trigrams', () => {
    // a: {a b c, b c d}; b: {a b c, b c e}: 1 shared of 3.
    expect(similarity('a b c d', 'a b c e')).toBeCloseTo(1 / 3);
    expect(jaccard(trigramSet('x y z'), trigramSet('x y z'))).toBe(1);
    // Where a trigram stands does not matter: {a b c, b c d} against {x a b, a b c, b c d}.
    expect(similarity('a b c d', 'x a b c d')).toBeCloseTo(2 / 3);
  });

  it('leaves personal stories out', () => {
    const campaign = 'I ask you to keep the targeted sanctions on the regime in place.';
    const a = `${campaign} My aunt was jailed in Minsk in 2021 for a post.`;
    const b = `${campaign} I left Belarus after the election and cannot go home.`;
    expect(similarity(a, b)).toBeLessThan(0.7);
    expect(similarity(a, b, { stories: ['My aunt was jailed in Minsk in 2021 for a post.', 'I left Belarus after the election and cannot go home.'] })).toBe(1);
    expect(withoutStory('One.\n\nTwo three.', 'Two\nthree.').trim()).toBe('One.');
  });

  it('property: plain ASCII text gives the words the Unicode pattern gives', () => {
    const unicode = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? [];
    const piece = fc.constantFrom('a', 'Z', '7', ' ', "'", ',', '-', '\n', 'Do', "n't", '2025', '_', '.');
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(piece, { maxLength: 30 }).map((p) => p.join('')),
          fc.string({ unit: 'binary-ascii', maxLength: 40 }),
        ),
        (text) => {
          expect(words(text)).toEqual(unicode(text));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('reads words with apostrophes as one', () => {
    expect(words("Bialiatski's colleagues, don't")).toEqual(["bialiatski's", 'colleagues', "don't"]);
  });

  it('hashes to 53 bits, differently for different texts', () => {
    expect(hash53('a')).not.toBe(hash53('b'));
    expect(hash53('letter')).toBe(hash53('letter'));
    expect(hash53('x'.repeat(1000))).toBeLessThan(2 ** 53);
  });
});

describe('form-letter risk', () => {
  it('counts identical letter pairs and names the rows', () => {
    const risk = new FormLetterRisk();
    risk.add(2, 'uk|maintain', 'same letter', 'same letter', 'story');
    risk.add(3, 'uk|maintain', 'same letter', 'same letter', 'story');
    risk.add(4, 'uk|maintain', 'same letter', 'same letter', undefined);
    risk.add(5, 'uk|maintain', 'another letter entirely', 'another letter entirely', undefined);
    const report = risk.report();
    expect(report.identicalPairs).toBe(3);
    expect(report.identicalExamples).toEqual([
      [2, 3],
      [2, 4],
    ]);
    expect(report.withoutStory).toBe(2);
    expect(report.letters).toBe(4);
  });

  it('compares only letters of the same group, and samples a bounded number', () => {
    const risk = new FormLetterRisk(10);
    for (let i = 0; i < 1000; i++) risk.add(i, 'uk|maintain', `one two three four ${i}`, `one two three four ${i}`, undefined);
    risk.add(2000, 'us|maintain', 'nothing alike at all', 'nothing alike at all', undefined);
    const report = risk.report();
    expect(report.pairsCompared).toBe(45); // 10 sampled letters: 45 pairs; a group of one has none
    // Each pair shares "one two three" and "two three four" of three trigrams each: 2/4.
    expect(report.meanSimilarity).toBeCloseTo(0.5);
    expect(report.identicalPairs).toBe(0);
  });

  it('reports no mean when no group has two letters', () => {
    const risk = new FormLetterRisk();
    risk.add(2, 'uk|maintain', 'a b c', 'a b c', undefined);
    expect(risk.report().meanSimilarity).toBeUndefined();
  });
});

describe('FormLetterRisk in two steps (count before rendering, record after)', () => {
  it('reports the same as add() when every count comes before its record, as with worker threads', () => {
    const letterOf = (i: number) => `Dear friend, letter ${i % 37} of the campaign, kept in place for those still held, number ${i % 3}.`;
    const together = new FormLetterRisk(10);
    const split = new FormLetterRisk(10);
    const pending: { row: number; slot: number; group: string; text: string; story?: string }[] = [];
    for (let i = 0; i < 400; i++) {
      const group = i % 3 ? 'uk|maintain' : 'us|conditional';
      const story = i % 4 ? undefined : `story ${i}`;
      together.add(i, group, letterOf(i), letterOf(i), story);
      pending.push({ row: i, slot: split.count(group, story), group, text: letterOf(i), story });
      // Records arrive in batches, well after their counts.
      if (pending.length === 32 || i === 399) {
        for (const p of pending.splice(0)) split.record(p.row, hash53(p.text), p.slot, p.group, p.text, p.story);
      }
    }
    expect(split.report()).toEqual(together.report());
    expect(together.report().identicalPairs).toBeGreaterThan(0);
  });
});

describe('trigramSet', () => {
  it('property: the quick pass over ASCII finds the words words() finds', () => {
    const text = fc
      .array(fc.constantFrom('a', 'B', 'z', '0', '9', ' ', "'", "''", '.', ',', '\n', "don't", 'A1', "'s"), { maxLength: 40 })
      .map((a) => a.join(''));
    fc.assert(
      fc.property(text, (a) => {
        // A dash outside ASCII adds no word and sends the text through words() and its pattern.
        expect(trigramSet(a)).toEqual(trigramSet(`${a} \u2014`));
      }),
      { numRuns: 3000 },
    );
    // we, don't, stop, it's, 2025's, end: six words, four trigrams.
    expect(trigramSet("We don't stop, it's 2025's end.").length).toBe(4);
  });
});
