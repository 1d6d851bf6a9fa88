/** The library API as a program calls it: draftLetter's options, in process. */
import { describe, expect, it } from 'vitest';
import { draftLetter, UsageError } from '../../src/index.js';

const SENDER = { name: 'Anna Keller', city: 'Berlin', date: '2026-11-25', stance: 'maintain' } as const;

describe('draftLetter', () => {
  it('writes in English by default', () => {
    const letter = draftLetter({ ...SENDER, region: 'eu', recipient: 'mep', recipientName: 'Eva Horvat' });
    expect(letter.text).toMatch(/^Dear /m);
  });

  it('takes language as --language does: the built-in letters in that language, any case', () => {
    const letter = draftLetter({ ...SENDER, region: 'eu', recipient: 'mep', recipientName: 'Eva Horvat' }, { language: 'DE' });
    expect(letter.text).toMatch(/^Sehr geehrte Frau Abgeordnete, sehr geehrter Herr Abgeordneter,$/m);
    expect(letter.text).not.toMatch(/^Dear /m);
  });

  it('refuses an unknown language, and one without letters for the region, naming the option as the library calls it', () => {
    const uk = { ...SENDER, region: 'uk', recipient: 'mp' } as const;
    expect(() => draftLetter(uk, { language: 'fr' })).toThrow(UsageError);
    expect(() => draftLetter(uk, { language: 'fr' })).toThrow(/There are no built-in letters in "fr" \(language\)\. Choose en, /);
    expect(() => draftLetter(uk, { language: 'de' })).toThrow(
      'The built-in letters in "de" (language) are not for region uk, recipient mp; the letters in en are.',
    );
  });
});
