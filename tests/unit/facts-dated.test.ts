/**
 * A caseworker's third review of the English pack, read in letters dated months after the record
 * ends: every claim about those still held is dated to the release it follows, the EU's list is
 * the list as renewed, newly recognised political prisoners are not called new arrests, and the
 * conditional letters ask whether the US conditions were met rather than declaring them broken.
 */
import { combosOf } from '../helpers/letters.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allWordings, withDates } from '../../src/render/fact-text.js';
import { render } from '../../src/render/render.js';
import { builtinPack, request } from '../helpers/pack.js';

const pack = builtinPack();
const wordingsOf = (id: string): string[] => {
  const fact = pack.facts.get(id);
  if (!fact) throw new Error(`no fact ${id}`);
  return allWordings(fact);
};
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A clause that puts "hundreds" (of those held) in the present tense: true only on the day it was written. */
function presentHundreds(text: string): string[] {
  return text
    .split(/[.;:!?]\s*/)
    .filter((clause) => /\bhundreds\b/i.test(clause))
    .filter((clause) => /\b(are|is|remain|remains|hold|holds|stay|stays|keeps?)\b|\bha(ve|s) not\b/i.test(clause));
}

/** Phrases the review struck from the facts and the reason paragraph. */
const STRUCK: [RegExp, string][] = [
  // Recognitions are not arrests, and the list shrank after the releases.
  [/arrests (have not stopped|went on)|took their place|others are sent there|list keeps growing/i, 'recognitions called arrests'],
  // The data cannot show that a pledge made in mid-December was broken.
  [/went unmet|was not earned|came too (soon|early)|relief fell short/i, 'a verdict the record does not support'],
  [/\bnow run\b|(?<!to )\brun until\b|, now until/i, "the February 2026 EU list as today's"],
  [/individuals with names|made these prisoners|apparatus|policy, not a change of heart|bargaining chips/i, 'stilted or slogan'],
  [/half a release|currency that buys relief|cashed in|well under way|given on trust|relief is being discussed/i, 'stilted or slogan'],
  [/handing down new political sentences/i, 'new sentences are not in the vetted record'],
  [/\b123 prisoners were freed, Ales/, 'a list that reads as a run-on'],
  [/Bialiatski, the Nobel Peace Prize laureate, Maria/, 'an appositive that reads as a list item'],
  [/Targeted measures work best when they follow the people responsible/, 'a stock reason sentence'],
  [/(?:February|March) 2026: on (?:26 February|February 26)/, 'the same date twice'],
];

describe('the English facts, wording by wording', () => {
  const all = [...pack.facts.values()].flatMap((f) => allWordings(f).map((t) => [f.id, t] as const));

  it('never says in the present tense, undated, that hundreds are still held', () => {
    for (const [id, t] of all) expect(presentHundreds(t), `${id}: ${t}`).toEqual([]);
    for (const t of wordingsOf('still-imprisoned')) expect(t, t).toMatch(/March 2026/);
  });

  it('no partial says in the present tense that hundreds are still held either', () => {
    const dir = join(import.meta.dirname, '..', '..', 'templates', 'partials');
    for (const file of readdirSync(dir)) {
      const text = readFileSync(join(dir, file), 'utf8').replace(/\{\{[^}]*\}\}/g, ' ');
      expect(presentHundreds(text), file).toEqual([]);
    }
  });

  it('dates the 400 released to the March 2026 release that ends the count', () => {
    for (const t of wordingsOf('released-since-sep-2025')) {
      expect(t, t).toMatch(/March 2026/);
      expect(t, t).not.toMatch(/\bha(ve|s) (been )?(released|freed|let)\b/);
    }
  });

  it('gives no date twice, as a month and as a day of that month', () => {
    for (const [id, t] of all) {
      for (const m of t.matchAll(/\[\[(\d{4})-(\d{2})-\d{2}\]\]/g)) {
        const month = `${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
        expect(t.includes(month), `${id}: ${t}`).toBe(false);
      }
    }
  });

  it('has none of the struck phrasings', () => {
    for (const [id, t] of all) for (const [bad, why] of STRUCK) expect(withDates(t, 'en-GB'), `${id} (${why}): ${t}`).not.toMatch(bad);
  });

  it('the checks can fail', () => {
    expect(presentHundreds('Hundreds of political prisoners are still held in Belarus; Viasna counted 1,131.')).toHaveLength(1);
    expect(presentHundreds('The prisons still hold hundreds of people for their views.')).toHaveLength(1);
    expect(presentHundreds('After the March 2026 release, hundreds were still held.')).toEqual([]);
    expect(STRUCK.some(([bad]) => bad.test('The list keeps growing: Viasna recognised about 50 more.'))).toBe(true);
  });
});

describe('the reason paragraph of every English letter', () => {
  const combos = combosOf(pack);
  const reason = (region: string, recipient: string, stance: string, seed: string) => {
    const letter = render(pack, request({ region, recipient, stance, seed, date: '2026-11-30' }));
    return {
      body: letter.body,
      reason: letter.sections
        .filter((s) => s.role === 'reason')
        .map((s) => s.text)
        .join(' '),
    };
  };

  it.each(combos)('%s %s %s: dated claims, no struck phrasing, the spelling of the region', (region, recipient, stance) => {
    for (let i = 0; i < 10; i++) {
      const { body, reason: text } = reason(region, recipient, stance, `r${i}`);
      const where = `${region}/${recipient}/${stance} seed r${i}`;
      expect(presentHundreds(text), where).toEqual([]);
      for (const [bad, why] of STRUCK) expect(body, `${where} (${why})`).not.toMatch(bad);
      // Canada and the US write "recognized"; Canada keeps "behaviour".
      if (region === 'us' || region === 'ca') expect(body, where).not.toMatch(/recognis/i);
      if (region === 'ca') expect(body, where).not.toMatch(/behavior/i);
    }
  });

  it('a conditional letter asks whether the US conditions were met, and only after stating them', () => {
    for (const region of ['us', 'uk', 'eu', 'ca', 'au']) {
      for (let i = 0; i < 20; i++) {
        const { reason: text } = reason(region, pack.regions.find((r) => r.id === region)?.recipients[0]?.id ?? '', 'conditional', `v${i}`);
        const asks = /\bwhether\b/.test(text);
        const reuters = text.indexOf('Reuters');
        expect(asks, `${region} v${i}: ${text}`).toBe(true);
        expect(reuters, `${region} v${i}`).toBeGreaterThan(-1);
        expect(reuters, `${region} v${i}`).toBeLessThan(text.lastIndexOf('whether'));
      }
    }
  });

  it('conditional letters do not all follow one plan: some drop a part, and the facts come in either order', () => {
    const plans = new Set<string>();
    for (let i = 0; i < 60; i++) {
      const { reason: text } = reason('uk', 'mp', 'conditional', `p${i}`);
      const complete = /\bcomplete\b/i.test(text);
      const fifty = text.search(/about 50/i);
      const reuters = text.indexOf('Reuters');
      plans.add(`${complete ? 'B' : ''}${fifty < 0 ? 'C' : fifty < reuters ? 'DC' : 'CD'}`);
    }
    // Never all four parts: with them the letter ran onto a second sheet.
    expect([...plans].sort()).toEqual(['BC', 'C', 'CD', 'DC']);
  });
});

describe('the English Sources lines a staffer checks', () => {
  const sourcesOf = (facts: string[], region = 'uk') =>
    render(pack, request({ region, recipient: region === 'uk' ? 'mp' : 'senator', stance: 'conditional', facts, date: '2026-11-30' })).text.split(
      /\nSources\n/,
    )[1] ?? '';

  it("dates the OSCE report and says when it was presented, in the reader's date style", () => {
    expect(sourcesOf(['osce-2020-election'])).toMatch(/29 October 2020 \(presented 5 November 2020\)/);
    expect(sourcesOf(['osce-2020-election'], 'us')).toMatch(/October 29, 2020 \(presented November 5, 2020\)/);
  });

  it("cites the Reuters story by its headline and says where it was republished, and the Reform.news summary as Viasna's figures", () => {
    const text = sourcesOf(['still-imprisoned']);
    expect(text).toMatch(
      /Reuters, "US eases sanctions on three Belarus potash companies after prisoner release", 15 December 2025 \(republished by Global Banking & Finance Review\)/,
    );
    expect(text).toMatch(/in December", January 2026 \(Viasna's December 2025 figures\)/);
  });
});
