/**
 * Found in the eighth caseworker review of the openings: a US member asked to "make sure officials
 * are asked" at one of two named committees, then told "the committee" could make the administration
 * "say" things; a representative in region "other" asked only to "speak up in parliament"; an MEP
 * told "I am one of the people you represent in Kaunas" though most member states elect MEPs in one
 * national constituency; an MEP aim to leave the EU measures "untouched" beside their April 2026
 * amendment; our own stance definition copied into letters word for word; and single sentences
 * that two offices in one batch both received.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lettersBySeed } from '../helpers/letters.js';
import { builtinPack } from '../helpers/pack.js';

const pack = builtinPack();
const SEEDS = Array.from({ length: 60 }, (_, i) => `r8-${i}`);
const STANCES = pack.stances.map((s) => s.id);
const partial = (name: string) => readFileSync(new URL(`../../templates/partials/${name}.hbs`, import.meta.url), 'utf8');

function letters(region: string, recipient: string, stance: string) {
  return lettersBySeed(pack, SEEDS, { region, recipient, stance, city: 'Kaunas' }).map((l) => ({
    where: l.where,
    body: l.body,
    opening: l.section('opening'),
  }));
}

describe('review 8: openings', () => {
  it('a US member is asked to raise the relief at a hearing or in writing, not to get officials asked', () => {
    const struck = /make sure (?:that, )?(?:at [^,]*, )?officials|see that officials|The committee is where|made to say/;
    expect(partial('action')).not.toMatch(struck);
    expect(partial('action-again')).not.toMatch(struck);
    for (const recipient of ['senator', 'representative']) {
      for (const stance of STANCES) {
        for (const { where, body, opening } of letters('us', recipient, stance)) {
          expect(body, where).not.toMatch(struck);
          expect(opening, where).not.toMatch(/\bask(?:ing)? you to ask\b/);
          if (recipient === 'senator') expect(opening, where).not.toMatch(/\bmy representative\b/i);
        }
      }
    }
  });

  it('a representative elsewhere gets a question to put to the foreign minister, not a bare "speak up in parliament"', () => {
    expect(partial('action')).not.toMatch(/speak up in parliament|raise the (?:political )?prisoners (?:of|held in) Belarus in parliament/);
    for (const stance of STANCES) {
      for (const { where, opening } of letters('other', 'representative', stance)) {
        expect(opening, where).not.toMatch(/speak up in parliament|Belarus in parliament\b/);
        expect(opening, where).toMatch(/foreign minister|UN Human Rights Council/);
      }
    }
  });

  it("an MEP letter never claims that the MEP represents the writer's town or area", () => {
    for (const stance of STANCES) {
      for (const { where, body } of letters('eu', 'mep', stance)) {
        expect(body, where).not.toMatch(/\bconstituen|area you represent|people you represent in|\bYou represent me\b/);
      }
    }
  });

  it('the EU aim asks for a renewal without delistings, not to leave amended measures "untouched"', () => {
    const eu = [...partial('aim-verb').matchAll(/\{\{#variant region="([^"]*)"[^}]*\}\}(.*?)\{\{\/variant~?\}\}/g)]
      .filter((m) => (m[1] ?? '').split(',').includes('eu'))
      .map((m) => m[2] ?? '');
    expect(eu.length).toBeGreaterThan(0);
    for (const text of eu) expect(text).not.toMatch(/untouched/);
  });

  it('no aim copies the stance definition "order, carry out and profit from the repression"', () => {
    expect(partial('aim-verb')).not.toMatch(/order, carry out and profit/);
  });

  it('the sentences two offices shared in review 8 are gone, and their slots keep at least four wordings', () => {
    const again = partial('action-again');
    for (const shared of [
      'Please pass these concerns on to both departments and let me know how they answer.',
      'Coming from my MP, the request would need a considered answer.',
      'A few words in the chamber',
      'A few words in parliament',
    ]) {
      expect(again).not.toContain(shared);
    }
    for (const list of again.matchAll(/\{\{#variants "action-again-words"~\}\}(.*?)\{\{\/variants~\}\}/g)) {
      expect((list[1] ?? '').match(/\{\{#variant\}\}/g)?.length ?? 0, list[1]).toBeGreaterThanOrEqual(4);
    }
  });
});
