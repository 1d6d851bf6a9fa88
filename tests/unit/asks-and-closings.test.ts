/**
 * What a caseworker's third reading marked down in the English asks, aims and closings, guarded
 * over every region, official and stance: a closing that thanks twice or hopes three times, an
 * aim that adds names "until" something, an Australian letter that offers war-related listings
 * for releases, a Secretary of State asked to designate, a legislator asked what they "decide".
 */
import { describe, expect, it } from 'vitest';
import { combosOf, lettersBySeed } from '../helpers/letters.js';
import { builtinPack } from '../helpers/pack.js';

const pack = builtinPack();
const SEEDS = Array.from({ length: 16 }, (_, i) => `c${i}`);
const combos = combosOf(pack);

function letters(region: string, recipient: string, stance: string) {
  return lettersBySeed(pack, SEEDS, { region, recipient, stance, date: '2026-11-30', email: 'a@example.org' }).map((l) => ({
    where: l.where,
    body: l.body,
    opening: l.section('opening'),
    signoff: l.section('signoff'),
  }));
}
const sentencesOf = (text: string) => text.split(/(?<=[.?!])\s+(?=[A-Z])/);

/** Campaign copy and stilted lines the review struck out of these partials. */
const STRUCK = [
  /With thanks,/,
  /\bI am grateful\b/,
  /I ask you to take this stand/,
  /, and soon\./,
  /families still waiting will notice/,
  /Please allow me to write/,
  /are the reason for this letter/,
  /whom you represent/,
  /as a citizen, about/,
  /withdrawn again/,
  /held to account (?:for as long as|until|while)/,
  /repression until the repression/,
  // The lead asks; the action must not ask again ("I ask you to ask our government").
  /\bask(?:ing)? you to ask\b/,
  // Many of those released were deported: no prisoner is promised a way 'home'.
  /until (?:every|the last) (?:political )?prisoner is home|bring the others home/,
  // An aim that carries its own 'with any ...' takes no second one from the tail.
  /\bwith any\b[^.]*\bwith any\b/,
];

describe('asks, aims and closings', () => {
  it.each(combos)('%s %s %s: no struck phrase, no chain of hopes, one "watch" at most', (region, recipient, stance) => {
    for (const { where, body } of letters(region, recipient, stance)) {
      for (const bad of STRUCK) expect(body, where).not.toMatch(bad);
      const prose = body.split('\n\n').filter((p) => !p.includes('\n'));
      const sentences = prose.flatMap(sentencesOf);
      for (let i = 1; i < sentences.length; i++) {
        const pair = `${where}: "${sentences[i - 1]}" / "${sentences[i]}"`;
        expect(/^I hope\b/.test(sentences[i - 1] as string) && /^I hope\b/.test(sentences[i] as string), pair).toBe(false);
      }
      expect((body.match(/\bwatch(?:ing|ed)?\b/gi) ?? []).length, where).toBeLessThanOrEqual(1);
    }
  });

  it.each(combos)('%s %s %s: a strengthen aim keeps, then adds; it never adds "until"', (region, recipient, stance) => {
    if (stance !== 'strengthen') return;
    for (const { where, opening } of letters(region, recipient, stance)) {
      expect(opening, where).not.toMatch(/, until\b/);
      for (const m of opening.matchAll(/\b(?:until|while|for as long as)\b/g)) {
        const before = opening.slice(0, m.index);
        const clause = before.slice(Math.max(before.lastIndexOf(','), before.lastIndexOf('.')) + 1);
        expect(clause, `${where}: ${opening}`).toMatch(/\b(?:keep|kept|listed|in place|remain|pressure|firm)\b/);
      }
    }
  });

  it('signs off "Yours sincerely," to a British or Australian legislator greeted by name', () => {
    for (const [region, recipient] of [
      ['uk', 'mp'],
      ['au', 'member'],
      ['au', 'senator'],
      ['eu', 'mep'],
    ] as const) {
      for (const { where, signoff } of letters(region, recipient, 'maintain')) expect(signoff, where).toBe('Yours sincerely,');
    }
  });

  it('asks a legislator what they will do, never what they "decide"', () => {
    for (const [region, recipient] of [
      ['uk', 'mp'],
      ['ca', 'mp'],
      ['au', 'senator'],
      ['au', 'member'],
      ['us', 'senator'],
    ] as const) {
      for (const { where, body } of letters(region, recipient, 'conditional')) expect(body, where).not.toMatch(/what you decide/);
    }
  });

  it('opens a letter to a representative without naming the prisoners twice in a row', () => {
    for (const [region, recipient] of [
      ['ca', 'mp'],
      ['uk', 'mp'],
      ['eu', 'mep'],
      ['au', 'member'],
      ['other', 'representative'],
    ] as const) {
      for (const { where, opening } of letters(region, recipient, 'maintain')) {
        const [first, second] = sentencesOf(opening);
        expect(/political prisoners/.test(first ?? '') && /political prisoners/.test(second ?? ''), `${where}: ${opening}`).toBe(false);
      }
    }
  });

  it("keeps a US legislator's action apart from the stance the next sentence gives", () => {
    for (const recipient of ['senator', 'representative'])
      for (const stance of ['maintain', 'strengthen'])
        for (const { where, opening } of letters('us', recipient, stance)) expect(opening, where).not.toMatch(/opposing further|against any further easing/);
  });

  it('asks the Secretary of State to press with the Treasury, never to designate alone', () => {
    for (const { where, opening } of letters('us', 'secretary-of-state', 'strengthen')) {
      expect(opening, where).not.toMatch(/to the Belarus designations/);
      for (const m of opening.matchAll(/\bdesignate\b/g)) expect(opening.slice(0, m.index), where).toMatch(/with the Treasury to $/);
    }
  });

  it.each(pack.stances.map((s) => s.id))(
    'asks Australia, under %s, to list those responsible under its human-rights sanctions and offers no existing listing',
    (stance) => {
      for (const recipient of ['senator', 'member', 'foreign-minister']) {
        for (const { where, opening, body } of letters('au', recipient, stance)) {
          expect(opening, where).toMatch(/thematic human-rights/);
          expect(body, where).not.toMatch(/Belarus-related listings|lifting one only|Not one listing|existing sanctions on Belarusian/);
          expect(body, where).not.toMatch(/reach the Minister directly/);
        }
      }
    },
  );

  it('never opens a conditional request with relief itself ("Please support further relief only ...")', () => {
    for (const [region, recipient] of [
      ['us', 'secretary-of-state'],
      ['us', 'senator'],
    ] as const)
      for (const { where, opening } of letters(region, recipient, 'conditional'))
        expect(opening, where).not.toMatch(/(?:should|you to|Please|you would|that you|you will) (?:support|offer|allow) further relief/);
  });

  it("asks an EU foreign minister for renewal first, never 'to agree to delistings'", () => {
    for (const stance of pack.stances.map((s) => s.id))
      for (const { where, opening } of letters('eu', 'foreign-minister', stance)) expect(opening, where).not.toMatch(/agree to delistings/);
  });
});
