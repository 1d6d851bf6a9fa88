import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWords } from '../../src/render/word-count.js';

// The definition countWords must keep: runs of non-space holding a letter or a digit.
const byRegex = (text: string) => text.match(/\S*[\p{L}\p{N}]\S*/gu)?.length ?? 0;

describe('countWords', () => {
  it('counts words as a reader would: dashes alone are not words, "2025," is', () => {
    expect(countWords('In December 2025, more than 120 — and then — people.')).toBe(9);
    expect(countWords('  Алесь Бяляцкі\u00a0and Mária Kolesniková  ')).toBe(5);
    expect(countWords('')).toBe(0);
    expect(countWords('— – …')).toBe(0);
  });

  it('property: agrees with the Unicode regex on any text, including non-ASCII spaces and astral letters', () => {
    const pieces = fc.constantFrom('a', 'Z', '7', ' ', '\n', '\t', '\u00a0', '\u2003', '\u3000', '—', ',', 'é', 'Ж', '𝒜', '😀', '٣', '\ufeff', '\u2028');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(countWords(text)).toBe(byRegex(text));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        expect(countWords(text)).toBe(byRegex(text));
      }),
      { numRuns: 2000 },
    );
  });
});
