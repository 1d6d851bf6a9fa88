/**
 * Found in the sixth caseworker review of the opening asks: a US legislator asked to lobby
 * colleagues ("urge members of the ... Committees") rather than to act; a Canadian MP asked to
 * present a petition nobody has gathered, or to "speak for the prisoners"; a Norwegian letter asking
 * its government to "keep its distance"; a Secretary of State asked to publish the conditions of
 * "what has been given" with no word of who gave what; British and Canadian asks to match "any
 * easing" when neither has eased anything; and a "complete" list whose items were not parallel.
 */
import { describe, expect, it } from 'vitest';
import { lettersBySeed } from '../helpers/letters.js';
import { builtinPack } from '../helpers/pack.js';

const pack = builtinPack();
const SEEDS = Array.from({ length: 40 }, (_, i) => `r6-${i}`);
const STANCES = pack.stances.map((s) => s.id);

function letters(region: string, recipient: string, stance: string) {
  return lettersBySeed(pack, SEEDS, { region, recipient, stance }).map((l) => ({
    where: l.where,
    body: l.body,
    opening: l.section('opening'),
    ask: l.section('ask'),
  }));
}

describe('review 6: opening asks', () => {
  it.each(['senator', 'representative'])('us %s is asked to act, not to lobby colleagues on a committee', (recipient) => {
    for (const stance of STANCES) {
      for (const { where, body } of letters('us', recipient, stance)) {
        expect(body, where).not.toMatch(
          /\burge (?:the )?members of\b|\braise with the [^.]*Committees\b|\bcall on the [^.]*Committee\b|\burge the [^.]*Committee to\b/,
        );
        expect(body, where).not.toMatch(/listen to Congress as they do not listen to me|put your name to such a bill/);
      }
    }
  });

  it('us secretary of state conditional says whose relief was given before asking for its conditions', () => {
    for (const { where, opening } of letters('us', 'secretary-of-state', 'conditional')) {
      expect(opening, where).not.toMatch(/attached to what has been given/);
      if (/publish the conditions/.test(opening)) expect(opening, where).toMatch(/relief (?:the United States has )?already given/);
    }
  });

  it('a "such a bill" closing follows an opening that names the bill and its aim', () => {
    for (const recipient of ['senator', 'representative']) {
      for (const stance of STANCES) {
        for (const { where, opening, ask } of letters('us', recipient, stance)) {
          if (/such a bill/.test(ask)) expect(opening, where).toMatch(/(?:bill|legislation)[^.]*relief[^.]*release of political prisoners/);
        }
      }
    }
  });

  it('no Canadian MP letter asks for a petition or vaguely to "speak" for the prisoners', () => {
    for (const stance of STANCES) {
      for (const { where, body } of letters('ca', 'mp', stance)) {
        expect(body, where).not.toMatch(/petition/i);
        expect(body, where).not.toMatch(/\bspeak(?: up)? (?:in the House of Commons )?for the prisoners/);
      }
    }
  });

  it.each(['representative', 'foreign-minister'])('other %s maintain names what a country without Belarus sanctions can do', (recipient) => {
    for (const { where, opening, ask } of letters('other', recipient, 'maintain')) {
      expect(opening, where).not.toMatch(/keep its distance/);
      expect(opening, where).toMatch(/normal relations/);
      expect(opening, where).toMatch(/UN Human Rights Council|OSCE|Special Rapporteur/);
      expect(ask, where).not.toMatch(/keep its distance/);
    }
  });

  it.each(['representative', 'foreign-minister'])('other %s: every stance asks for something a country without Belarus sanctions can do', (recipient) => {
    for (const stance of STANCES) {
      for (const { where, opening } of letters('other', recipient, stance)) {
        expect(opening, where).toMatch(/UN Human Rights Council|OSCE|Special Rapporteur|normal relations|closer relations|targeted measures/);
        expect(opening, where).not.toMatch(/\b(?:keep|renew|hold to) (?:the|its|our) sanctions\b/);
      }
    }
  });

  it.each([
    ['uk', 'mp'],
    ['uk', 'foreign-secretary'],
    ['eu', 'mep'],
    ['ca', 'mp'],
    ['ca', 'foreign-minister'],
  ])('%s %s conditional sets the terms of easing in advance, never "match any easing"', (region, recipient) => {
    for (const { where, opening } of letters(region, recipient, 'conditional')) {
      expect(opening, where).not.toMatch(/match any easing|easing them only step by step|let any easing follow/);
    }
  });

  it('au never asks to hold or reverse relief Australia has not given', () => {
    for (const recipient of ['senator', 'member', 'foreign-minister']) {
      for (const stance of STANCES) {
        for (const { where, opening } of letters('au', recipient, stance)) {
          // relief is for partners to give or withhold; a sentence about Australia's own lists holds or reverses none
          for (const s of opening.split(/(?<=\.)\s+/).filter((x) => !/partners/.test(x))) {
            expect(s, where).not.toMatch(/\b(?:no further|hold back|hold firm|any easing|reversed|undone|withdrawn)\b/);
          }
        }
      }
    }
  });

  it('states what "complete" means as two parallel clauses, in every combination', () => {
    const seen = new Set<string>();
    for (const region of ['us', 'uk', 'eu', 'ca']) {
      for (const recipient of pack.regions.find((r) => r.id === region)?.recipients ?? []) {
        for (const { where, body } of letters(region, recipient.id, 'conditional')) {
          const sentence = body.split(/(?<=\.)\s+/).find((s) => /\bcomplete\b[^.]*\b(?:when|until)\b/.test(s));
          if (!sentence) continue;
          seen.add(sentence);
          // "when <who> <is freed> and <free to stay>, and <the arrests have stopped>."
          expect(sentence, where).toMatch(
            /(?:when|until) (?:everyone|all those|every person|the last person)\b[^,]* (?:is|are) (?:released|set free|let go|freed) and (?:free|allowed|not forced|not sent)\b[^,]*, and (?:new|no one|the)\b[^,]*\.$/,
          );
          expect(sentence, where).not.toMatch(/, (?:they|nobody)\b/);
        }
      }
    }
    expect(seen.size).toBeGreaterThan(4);
  });
});
