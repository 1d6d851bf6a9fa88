/**
 * What the seventh caseworker review marked down in the English closings, guarded over every
 * region, official and stance: slogans and threats in place of the ask ("may be named next",
 * "should feel its cost"), a Secretary of State asked to "approve" relief that the Treasury grants,
 * and closings that repeat the opening's words or start two sentences alike ("I would be glad ...
 * I would be glad of a reply").
 */
import { describe, expect, it } from 'vitest';
import { combosOf, lettersBySeed } from '../helpers/letters.js';
import { builtinPack } from '../helpers/pack.js';

const pack = builtinPack();
const SEEDS = Array.from({ length: 40 }, (_, i) => `r7c-${i}`);
const combos = combosOf(pack);

function letters(region: string, recipient: string, stance: string) {
  return lettersBySeed(pack, SEEDS, { region, recipient, stance, email: 'a@example.org' }, ' ').map((l) => ({
    where: l.where,
    opening: l.section('opening'),
    ask: l.section('ask'),
    close: l.section('close'),
  }));
}

const sentencesOf = (text: string) => text.split(/(?<=[.?!])\s+(?=[A-Z])/).filter(Boolean);

/** Stance slogans and veiled threats a staffer reads as campaign copy. */
const SLOGANS = [
  /named next/,
  /names are known abroad/,
  /feel its cost|feel the pressure/,
  /cost of repression/,
  /pay a price|carr(?:y|ies) a price|has a cost for/,
  /(?:more|less) expensive|costs? more, not less|costs them/,
  /may cost them/,
  /keeping count/,
  /left (?:alone|to carry on)/,
  /knows? their names|can name them too/,
  /not be welcome here/,
  /counting on/,
];

/** Names of bodies, dates and the stance's own condition are no repetition. */
/** Request frames ("I ask you to", "Would you") are the letter's grammar, not the aim's words. */
const FRAMES = /\b(?:i ask you to|i ask that you|i would ask you to|ask you to|ask that you|would you|could you|please)\b/g;
const NAMES =
  /28 february 2027|un human rights council|the osce|the council|the treasury|the state department|human-rights sanctions|thematic human-rights criteria|autonomous sanctions regulations|special economic measures act|political prisoners? (?:is|are) (?:free|released)|general licen[cs]es?|targeted measures|the uk's belarus designations|uk designations? on belarus|closer relations with minsk|at the un human rights council|(?:conditions attached to )?the relief already given/g;
const words = (t: string) =>
  t
    .toLowerCase()
    .replace(NAMES, ' | ')
    .replace(FRAMES, ' | ')
    .replace(/[^a-z0-9'| -]+/g, ' | ')
    .split(/\s+/)
    .filter(Boolean);
function runs(text: string, n: number): Set<string> {
  const w = words(text);
  const out = new Set<string>();
  for (let i = 0; i + n <= w.length; i++) {
    const run = w.slice(i, i + n);
    if (!run.includes('|')) out.add(run.join(' '));
  }
  return out;
}
/** The opening's aim is its last sentence: what the government (or minister) should do. */
const aimOf = (opening: string) => sentencesOf(opening).at(-1) ?? '';

describe('closings, as the seventh review read them', () => {
  it.each(combos)('%s %s %s: no slogan or threat closes the letter', (region, recipient, stance) => {
    for (const { where, ask } of letters(region, recipient, stance)) for (const bad of SLOGANS) expect(ask, where).not.toMatch(bad);
  });

  it.each(combos)("%s %s %s: the closing repeats no 4-word run of the opening's aim", (region, recipient, stance) => {
    for (const { where, opening, ask, close } of letters(region, recipient, stance)) {
      const aim = runs(aimOf(opening), 4);
      const shared = [...runs(`${ask} ${close}`, 4)].filter((r) => aim.has(r));
      expect(shared, `${where}: ${aimOf(opening)} / ${ask}`).toEqual([]);
    }
  });

  it.each(combos)('%s %s %s: no two closing sentences start with the same two words', (region, recipient, stance) => {
    for (const { where, ask, close } of letters(region, recipient, stance)) {
      const starts = sentencesOf(`${ask} ${close}`).map((s) => s.split(/\s+/).slice(0, 2).join(' ').toLowerCase());
      expect(new Set(starts).size, `${where}: ${ask} ${close}`).toBe(starts.length);
    }
  });

  it('does not point a country without Belarus sanctions lists at "the lists"', () => {
    for (const recipient of ['representative', 'foreign-minister'])
      for (const stance of pack.stances.map((s) => s.id))
        for (const { where, ask } of letters('other', recipient, stance)) expect(ask, where).not.toMatch(/\blists?\b|listing/);
  });

  it('asks a Secretary of State to advise against relief, not to approve or grant it', () => {
    for (const stance of pack.stances.map((s) => s.id))
      for (const { where, ask } of letters('us', 'secretary-of-state', stance))
        expect(ask, where).not.toMatch(/approve|allow no|agree to no|grant Belarus|take no one else off|allow no more|hold (?:any )?further relief/);
  });
});
