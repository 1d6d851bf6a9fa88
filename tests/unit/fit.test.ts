import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError, UsageError } from '../../src/errors.js';
import { formChars, trims } from '../../src/render/fit.js';
import { render } from '../../src/render/render.js';
import type { LetterRequestInput } from '../../src/request.js';
import { optionNames } from '../../src/validate.js';
import { builtinPack, request } from '../helpers/pack.js';

const pack = builtinPack();
const STORY = 'My aunt was jailed in Minsk in 2021. She is still there, and we write to her every week.';
/** The shared request's writer, with a story, a street address and an email to drop. */
const base = { story: STORY, date: '2026-11-25', address: ['1 High Street'], email: 'alex@example.org' };
/** As `draft` renders: messages name the options. */
const draft = (extra: Partial<LetterRequestInput> = {}) => render(pack, request({ ...base, ...extra }), { names: optionNames });
const role = (letter: ReturnType<typeof draft>, r: string) => letter.sections.find((s) => s.role === r)?.text;

describe('--max-chars', () => {
  const full = draft();
  const fullChars = formChars(full.text);

  it('leaves a letter that already fits untouched', () => {
    const letter = draft({ maxChars: fullChars });
    expect(letter.text).toBe(full.text);
    expect(letter.meta.dropped).toEqual([]);
    expect(letter.meta.chars).toBe(fullChars);
  });

  it('drops the address blocks and date first, then facts and the reason by weight, the count of those still held last', () => {
    const seen: string[][] = [];
    for (let max = fullChars - 1; max > 0; max -= 25) {
      let letter: ReturnType<typeof draft>;
      try {
        letter = draft({ maxChars: max });
      } catch (error) {
        expect(error).toBeInstanceOf(AppError);
        break;
      }
      expect(formChars(letter.text)).toBeLessThanOrEqual(max);
      // Never the ask, the opening, the story or the signature.
      expect(role(letter, 'ask')).toBe(role(full, 'ask'));
      expect(role(letter, 'opening')).toBe(role(full, 'opening'));
      expect(letter.text).toContain(STORY);
      expect(role(letter, 'signature')).toBe('Alex Doe');
      // The count of those still imprisoned outlasts every fact about releases.
      const facts = letter.meta.citedFacts.filter((id) => full.meta.citedFacts.includes(id));
      if (facts.length > 0 && full.meta.citedFacts.includes('still-imprisoned')) expect(facts).toContain('still-imprisoned');
      const last = seen[seen.length - 1];
      if (!last || last.join() !== (letter.meta.dropped ?? []).join()) seen.push(letter.meta.dropped ?? []);
    }
    const order = trims().at(-1)?.dropped ?? [];
    const last = seen.at(-1) ?? [];
    expect(last.length).toBeGreaterThanOrEqual(4);
    expect(last).toEqual(order.filter((step) => last.includes(step)));
    // Each step is taken only when the one before it was not enough.
    for (let i = 1; i < seen.length; i++) expect((seen[i] as string[]).slice(0, -1)).toEqual(seen[i - 1]);
  });

  it('keeps only the sources of the facts that remain', () => {
    let oneFact = full;
    for (let max = formChars(full.text); oneFact.meta.citedFacts.length > 1; max -= 20) oneFact = draft({ maxChars: max });
    expect(oneFact.meta.citedFacts).toEqual(['still-imprisoned']);
    expect(oneFact.notes.length).toBeLessThan(full.notes.length);
    expect(oneFact.text).toContain('Sources\n1. ');
  });

  it('fails with how many characters the shortest version needs', () => {
    const shortest = trims().at(-1);
    expect(shortest?.noSources).toBe(true);
    let message = '';
    try {
      draft({ maxChars: 300 });
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).exitCode).toBe(1);
      message = (error as Error).message;
    }
    const needed = Number(/needs (\d+) characters/.exec(message)?.[1]);
    expect(needed).toBeGreaterThan(300);
    expect(draft({ maxChars: needed }).meta.chars).toBe(needed);
    expect(message).toContain('--max-chars is 300');
  });

  it('is for plain text only', () => {
    expect(() => draft({ maxChars: 2000, format: 'html' })).toThrow(UsageError);
  });

  it('counts a line break as two characters, as a form submits it', () => {
    expect(formChars('ab\ncd\n')).toBe(6);
    expect(formChars('Бяляцкі')).toBe(7);
    expect(formChars('🙂')).toBe(1);
  });

  it('rejects a limit that is not a whole positive number', () => {
    expect(() => request({ ...base, maxChars: 'lots' })).toThrow(/maxChars/);
    expect(() => request({ ...base, maxChars: '0' })).toThrow(/maxChars/);
    expect(request({ ...base, maxChars: ' 1500 ' }).maxChars).toBe(1500);
  });

  it('for any story and limit, fits or fails, and never loses the story or the ask', () => {
    const words = fc.array(
      fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 12 }).filter((w) => /^[\x21-\x7e]+$/.test(w)),
      { minLength: 1, maxLength: 120 },
    );
    fc.assert(
      fc.property(words, fc.integer({ min: 200, max: 4000 }), fc.constantFrom('maintain', 'strengthen', 'conditional'), (w, max, stance) => {
        const story = w.join(' ');
        let letter: ReturnType<typeof draft>;
        try {
          letter = draft({ story, maxChars: max, stance });
        } catch (error) {
          expect(error).toBeInstanceOf(AppError);
          expect((error as Error).message).toMatch(new RegExp(`needs (\\d+) characters.*--max-chars is ${max}`));
          expect(Number(/needs (\d+)/.exec((error as Error).message)?.[1])).toBeGreaterThan(max);
          return;
        }
        expect(formChars(letter.text)).toBeLessThanOrEqual(max);
        expect(letter.text).toContain(story);
        expect(role(letter, 'ask')).toBe(role(draft({ story, stance }), 'ask'));
      }),
      { numRuns: 40 },
    );
  });
});
