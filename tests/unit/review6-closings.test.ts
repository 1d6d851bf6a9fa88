/**
 * What the sixth caseworker review marked down in the English closings, guarded over every
 * region, official and stance: a minister's closing that says "act on this" instead of naming the
 * act, a closing that restates nothing of the opening, slogans ("costs us little"), a reply line
 * that does not fit the request, and thanks too casual for a Secretary of State.
 */
import { describe, expect, it } from 'vitest';
import { combosOf, lettersBySeed } from '../helpers/letters.js';
import { builtinPack } from '../helpers/pack.js';

const pack = builtinPack();
const SEEDS = Array.from({ length: 40 }, (_, i) => `r6c-${i}`);
const MINISTERS = ['secretary-of-state', 'foreign-secretary', 'foreign-minister'];
const combos = combosOf(pack);
const ministerCombos = combos.filter(([, recipient]) => MINISTERS.includes(recipient));

function letters(region: string, recipient: string, stance: string) {
  return lettersBySeed(pack, SEEDS, { region, recipient, stance, email: 'a@example.org' }).map((l) => ({
    where: l.where,
    body: l.body,
    opening: l.section('opening'),
    ask: l.section('ask'),
    close: l.section('close'),
  }));
}

/** Closers that point at no act, and slogans, struck by the review. */
const STOCK = [
  /act on this/,
  /decide accordingly/,
  /adopt this policy/,
  /take this position/,
  /follow this course/,
  /make this your position/,
  /heard in Minsk/,
  /costs? (?:us|our country|Australia) little/,
  /[Hh]olding firm costs/,
  /keeps talking/,
  // Slogans in place of a plain statement of the stance.
  /should not feel safe|doors closing|never lead it|that order matters|only fair price/,
  // The arrests going on is not something every letter shows.
  /grow (?:for as long as|while) the arrests/,
];

/** What a minister's closing must name, by region and stance: the act the opening asked for. */
const ACT: Record<string, Record<string, RegExp>> = {
  eu: { maintain: /renew(?:al|ed|ing)?\b[^.?]*28 February 2027|28 February 2027[^.?]*renew/i, strengthen: /28 February 2027/, conditional: /28 February 2027/ },
  us: { maintain: /licen[cs]e|delisting|easing/i, strengthen: /Treasury/, conditional: /conditions/ },
  uk: { maintain: /designation|sanctioned/i, strengthen: /designat|list/i, conditional: /designation/i },
  ca: { maintain: /list/i, strengthen: /recommend|list/i, conditional: /recommend/i },
  au: { maintain: /list/i, strengthen: /list/i, conditional: /list/i },
  other: { maintain: /UN Human Rights Council|OSCE|closer ties/, strengthen: /targeted measures/i, conditional: /Minsk/ },
};

const words = (t: string) =>
  t
    .toLowerCase()
    // Names of bodies and the brief's own words for the US ask are no repetition.
    .replace(/un human rights council and the osce|un special rapporteur on belarus|conditions attached to the relief already given/g, ' ')
    // Nor is the stance's own condition, which both may end on.
    .replace(/until (?:every|the last) political prisoner is (?:free|released)/g, ' ')
    .replace(/[^a-z0-9' ]+/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
function runs(text: string, n: number): Set<string> {
  const w = words(text);
  const out = new Set<string>();
  for (let i = 0; i + n <= w.length; i++) out.add(w.slice(i, i + n).join(' '));
  return out;
}

describe('closings, as the sixth review read them', () => {
  it.each(combos)('%s %s %s: no stock closer, no slogan', (region, recipient, stance) => {
    for (const { where, body } of letters(region, recipient, stance)) for (const bad of STOCK) expect(body, where).not.toMatch(bad);
  });

  it.each(ministerCombos)('%s %s %s: the closing names the act the opening asked for, in other words', (region, recipient, stance) => {
    const act = ACT[region]?.[stance];
    expect(act, `${region}/${stance}`).toBeDefined();
    for (const { where, opening, ask } of letters(region, recipient, stance)) {
      expect(ask, where).toMatch(act as RegExp);
      const open = runs(opening, 8);
      const shared = [...runs(ask, 8)].filter((r) => open.has(r));
      expect(shared, `${where}: ${opening} / ${ask}`).toEqual([]);
    }
  });

  it('an EU foreign minister asked to maintain is asked again for the renewal; a US Secretary asked to be conditional, for the conditions', () => {
    for (const { where, ask } of letters('eu', 'foreign-minister', 'maintain')) expect(ask, where).toMatch(/renew/);
    for (const { where, ask } of letters('us', 'secretary-of-state', 'conditional')) expect(ask, where).toMatch(/conditions/);
  });

  it('a minister\'s closing does not argue again: no "would tell Minsk" sentence after the reasons', () => {
    for (const [region, recipient, stance] of ministerCombos)
      for (const { where, ask } of letters(region, recipient, stance)) expect(ask, where).not.toMatch(/tell Minsk/);
  });

  it('asks for a reply that fits the request, and thanks a minister formally', () => {
    for (const [region, recipient, stance] of combos) {
      for (const { where, close } of letters(region, recipient, stance)) {
        expect(close, where).not.toMatch(/where you stand/);
        if (MINISTERS.includes(recipient)) expect(close, where).not.toMatch(/Many thanks|time and attention/);
      }
    }
  });

  it('offers at least six wordings for each reply and thanks slot, so letters seldom share one', () => {
    for (const [region, recipient] of [
      ['uk', 'mp'],
      ['uk', 'foreign-secretary'],
      ['us', 'secretary-of-state'],
    ] as const) {
      const found = { reply: new Set<string>(), thanks: new Set<string>() };
      for (const { close } of letters(region, recipient, 'maintain')) {
        const sentences = close.split(/(?<=\.)\s+/);
        const reply = sentences[0] ?? '';
        found.reply.add(reply);
        found.thanks.add(sentences.at(-1) ?? '');
      }
      expect(found.reply.size, `${region}/${recipient} reply`).toBeGreaterThanOrEqual(12);
      expect(found.thanks.size, `${region}/${recipient} thanks`).toBeGreaterThanOrEqual(12);
    }
  });
});
