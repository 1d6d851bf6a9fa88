/**
 * Found in the seventh caseworker review of the opening asks: a whole opening ask shared word for
 * word by letters to two offices; a US closing telling a member that the departments ignore
 * constituents; the same "judges, prison heads and security officials" phrase in the aim and in the
 * reason paragraph; an MEP asked to vote for a resolution that may not exist; a Canadian MP asked
 * only for information; a Canadian minister asked to "keep" what the Governor in Council decides;
 * the Foreign Secretary told that the UK "need not follow" others; a writer in a list-elected
 * parliament calling themself a constituent; "the relief" before any relief is named; and stock
 * first sentences repeated across letters.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lettersBySeed } from '../helpers/letters.js';
import { builtinPack } from '../helpers/pack.js';

const pack = builtinPack();
const SEEDS = Array.from({ length: 60 }, (_, i) => `r7-${i}`);
const STANCES = pack.stances.map((s) => s.id);
const partial = (name: string) => readFileSync(new URL(`../../templates/partials/${name}.hbs`, import.meta.url), 'utf8');

function letters(region: string, recipient: string, stance: string) {
  return lettersBySeed(pack, SEEDS, { region, recipient, stance }).map((l) => ({ where: l.where, body: l.body, opening: l.section('opening') }));
}

/** The phrasings of a partial whose region filter names `region` (the unfiltered ones are fallbacks for packs' own regions). */
function variantsFor(source: string, region: string): string[] {
  return [...source.matchAll(/\{\{#variant region="([^"]*)"[^}]*\}\}(.*?)\{\{\/variant~?\}\}/g)]
    .filter((m) => (m[1] ?? '').split(',').includes(region))
    .map((m) => m[2] ?? '');
}

describe('review 7: opening asks', () => {
  it('no opening ask is the old stock "keep every sanction on the Belarusian regime in place"', () => {
    expect(partial('aim-verb')).not.toMatch(/keep every sanction on the Belarusian regime in place/);
  });

  it('a Canadian foreign minister is asked to recommend, since the Governor in Council decides', () => {
    for (const stance of STANCES) {
      for (const { where, opening } of letters('ca', 'foreign-minister', stance)) {
        expect(opening, where).toMatch(/\brecommend/);
        expect(opening, where).not.toMatch(/\b(?:to|Please) keep every\b/);
      }
    }
  });

  it('the Foreign Secretary is asked not to follow the US relief, not told that the UK need not', () => {
    expect(partial('ask')).not.toMatch(/need not follow/);
    for (const stance of STANCES) {
      for (const { where, body } of letters('uk', 'foreign-secretary', stance)) expect(body, where).not.toMatch(/need not follow/);
    }
  });

  it('no US closing tells a member that the departments ignore constituents', () => {
    expect(partial('action-again')).not.toMatch(/more attention to Congress than|hard for them to ignore|single constituent/);
  });

  it('the aim names those to be listed in other words than the reason paragraph', () => {
    expect(partial('aim-verb')).not.toMatch(/judges, prison heads and security officials/);
    for (const region of ['us', 'uk', 'eu', 'ca', 'au']) {
      const recipient = pack.regions.find((r) => r.id === region)?.recipients[0]?.id ?? '';
      for (const { where, body } of letters(region, recipient, 'strengthen')) {
        expect(body.split('judges, prison heads and security officials').length, where).toBeLessThanOrEqual(2);
      }
    }
  });

  it('an MEP is asked to back a resolution or table a question, never to vote for one that may not exist', () => {
    expect(partial('action')).not.toMatch(/vote for a resolution/);
    for (const stance of STANCES) {
      for (const { where, opening } of letters('eu', 'mep', stance)) expect(opening, where).not.toMatch(/vote for a resolution/);
    }
  });

  it('a Canadian MP is asked to press the Minister, not only to find out what Canada is doing', () => {
    expect(partial('action')).not.toMatch(/what Canada is doing/);
    for (const stance of STANCES) {
      for (const { where, opening } of letters('ca', 'mp', stance)) expect(opening, where).not.toMatch(/what Canada is doing/);
    }
  });

  it('"the relief" is never the first mention of relief in a US opening', () => {
    expect(partial('action')).not.toMatch(/in return for the relief\b/);
    for (const recipient of ['senator', 'representative']) {
      for (const stance of STANCES) {
        for (const { where, opening } of letters('us', recipient, stance)) {
          // "the relief" with nothing saying whose or which, before any other mention of relief
          const bare = opening.search(/\bthe relief\b(?!\s+(?:already|the United States|Washington|given))/);
          if (bare >= 0) expect(opening.slice(0, bare), where).toMatch(/\brelief\b/);
        }
      }
    }
  });

  it('a writer in region "other" never claims to be a constituent or to live where the member is elected', () => {
    const claim = /constituen|\brepresent|\bmy MP\b|\bdistrict\b|\briding\b|\belectorate\b/i;
    for (const text of variantsFor(partial('intro-constituent'), 'other')) expect(text).not.toMatch(claim);
    for (const stance of STANCES) {
      for (const { where, opening } of letters('other', 'representative', stance)) {
        const firstSentence = opening.split(/(?<=\.)\s+/)[0] ?? '';
        expect(firstSentence, where).not.toMatch(claim);
      }
    }
  });

  it('first sentences reviewers saw as stock appear at most once in each pool', () => {
    const constituent = partial('intro-constituent');
    const citizen = partial('intro-citizen');
    expect(citizen).not.toMatch(/I am writing to ask for your attention to the political prisoners in Belarus/);
    expect(constituent).not.toMatch(/I write to you as a constituent living in/);
    for (const region of ['us', 'uk', 'eu', 'ca', 'au']) {
      const stock = variantsFor(constituent, region).filter((t) => /I am one of your constituents/.test(t));
      expect(stock.length, region).toBeLessThanOrEqual(1);
    }
  });

  it('every part of the "complete" definition has at least four wordings', () => {
    const source = partial('complete');
    for (const part of ['complete-1', 'complete-2', 'complete-3', 'complete-4']) {
      const block = source.split(`{{#variants "${part}"`)[1]?.split('{{/variants')[0] ?? '';
      expect(block.match(/\{\{#variant\}\}/g)?.length ?? 0, part).toBeGreaterThanOrEqual(4);
    }
  });
});
