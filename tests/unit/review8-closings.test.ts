/**
 * A caseworker's eighth reading of the English reason and closing partials: conditional letters that
 * presume relief the country never gave (only the US has eased anything), closings that add a new
 * demand or a slogan, claims the record does not support, a grammar slip, questions punctuated as
 * statements, and the opinion lead-in used as filler. Checked in the partials' source, so every
 * phrasing is covered and not only those a few seeds pick.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const PARTIALS = join(import.meta.dirname, '..', '..', 'templates', 'partials');
const FILES = ['reason.hbs', 'opinion.hbs', 'belief.hbs', 'verdict.hbs', 'government.hbs', 'aim-again.hbs', 'ask.hbs', 'minister-act.hbs', 'close.hbs'];
const source = (file: string): string => readFileSync(join(PARTIALS, file), 'utf8');

/** Each phrasing line with the regions it is written for (every region when it names none). */
function lines(file: string): { region: string[]; stance: string[]; text: string }[] {
  return source(file)
    .split('\n')
    .filter((l) => l.startsWith('{{#variant'))
    .map((l) => ({
      region: /region="([^"]*)"/.exec(l)?.[1]?.split(',') ?? ['us', 'uk', 'eu', 'ca', 'au', 'other'],
      stance: /stance="([^"]*)"/.exec(l)?.[1]?.split(',') ?? ['maintain', 'strengthen', 'conditional'],
      text: l,
    }));
}

const BANNED: [RegExp, string][] = [
  [/fewer prisoners is/i, 'number disagreement'],
  [/last political prisoner walks out/i, 'slogan'],
  [/pressure that led to those releases/i, 'the record ties the releases to US talks and relief, not to pressure'],
  [/find no welcome in our country/i, 'presumes entry measures an "other" country lacks'],
  [/travel and bank abroad/i, 'presumes measures an "other" country cannot impose'],
  [/do not let the pressure slacken/i, 'slogan, not an act of the reader'],
  [/heads of the prisons where/i, 'a closing that adds a new demand'],
  [/May I ask for a reply/i, 'a question punctuated as a statement'],
  [/each official added to the lists learns/i, 'stilted'],
];

describe('review 8: reason and closing partials', () => {
  it.each(BANNED)('no partial says %s (%s)', (pattern) => {
    for (const file of FILES) expect(source(file), file).not.toMatch(pattern);
  });

  it('a minister\'s request never says again the opening\'s "until the last political prisoner"', () => {
    for (const file of ['ask.hbs', 'minister-act.hbs']) expect(source(file), file).not.toMatch(/the last (political )?prisoner/i);
  });

  it('no conditional phrasing for a country that gave no relief presumes relief already given', () => {
    const presumed = /what (is|has been) given|taken back|relief already|given so far/i;
    for (const file of FILES)
      for (const { region, stance, text } of lines(file))
        if (stance.includes('conditional') && region.some((r) => r !== 'us')) expect(text, file).not.toMatch(presumed);
  });

  it('the opinion lead-in is the minority wording of any sentence, and never on one that already says "should"', () => {
    const src = source('reason.hbs');
    for (const m of src.matchAll(/\{\{#variants "reason-hedge"~\}\}(.*?)\{\{\/variants~\}\}/gs)) {
      const variants = [...(m[1] ?? '').matchAll(/\{\{#variant\}\}(.*?)\{\{\/variant~?\}\}/gs)].map((v) => v[1] ?? '');
      const hedged = variants.filter((v) => v.startsWith('{{> opinion}}'));
      expect(hedged.length * 2, variants[0]).toBeLessThan(variants.length);
      for (const v of hedged) expect(v).not.toMatch(/\b(should|must|ought|belong|has to|have to)\b/);
    }
  });
});
