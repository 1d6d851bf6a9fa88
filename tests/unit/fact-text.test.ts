import { describe, expect, it } from 'vitest';
import { dateMarkProblem } from '../../src/pack/date-marks.js';
import { allWordings, factSummary, withDates, wordingIndex } from '../../src/render/fact-text.js';
import { render } from '../../src/render/render.js';
import { builtinPack, request } from '../helpers/pack.js';

describe('date marks in a fact', () => {
  it('reads "August 9, 2020" in US letters and "9 August 2020" elsewhere', () => {
    const text = 'The election of [[2020-08-09]] was falsified; the report came in [[2020-11]].';
    expect(withDates(text, 'en-US')).toBe('The election of August 9, 2020 was falsified; the report came in November 2020.');
    expect(withDates(text, 'en-GB')).toBe('The election of 9 August 2020 was falsified; the report came in November 2020.');
    expect(withDates(text, 'en-AU')).toContain('9 August 2020');
    expect(withDates('No marks here.', 'en-US')).toBe('No marks here.');
  });

  it('refuses a mark that is not a real day or month, or a stray bracket', () => {
    expect(dateMarkProblem('On [[2025-12-13]] and in [[2026-03]].')).toBeUndefined();
    expect(dateMarkProblem('On [[2025-02-30]].')).toMatch(/"\[\[2025-02-30\]\]" is not a date/);
    expect(dateMarkProblem('On [[2025-13]].')).toMatch(/is not a date/);
    expect(dateMarkProblem('On [[13 December 2025]].')).toMatch(/is not a date/);
    expect(dateMarkProblem('On [[2025-12-13].')).toMatch(/not part of a date mark/);
  });

  it('shows a fact in lists by its first wording, dates written out', () => {
    expect(factSummary(['On [[2025-12-13]]  Belarus\n freed 123.', 'Other.'], 'en-US')).toBe('On December 13, 2025 Belarus freed 123.');
  });
});

describe('which wording a letter states', () => {
  const pack = builtinPack();

  it('is the same for the same seed, and spread over every wording across seeds', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 60; i++) {
      const pick = wordingIndex(`writer ${i}`, 'still-imprisoned', 3);
      expect(wordingIndex(`writer ${i}`, 'still-imprisoned', 3)).toBe(pick);
      seen.add(pick);
    }
    expect([...seen].sort()).toEqual([0, 1, 2]);
    expect(wordingIndex('anyone', 'x', 1)).toBe(0);
  });

  it('is chosen per fact, so two facts in one letter do not move in step', () => {
    const same = Array.from({ length: 60 }, (_, i) => wordingIndex(`s${i}`, 'release-mar-2026', 3) === wordingIndex(`s${i}`, 'still-imprisoned', 3));
    expect(same.some((x) => !x)).toBe(true);
  });

  it('gives the same letter for the same sender and different wordings to different senders', () => {
    const a = render(pack, request({ name: 'Alex Doe', date: '2026-11-30' })).body;
    expect(render(pack, request({ name: 'Alex Doe', date: '2026-11-30' })).body).toBe(a);
    // Each letter states the facts it cites (its own choice of them), each in one of its wordings.
    const stated = (letter: ReturnType<typeof render>) =>
      letter.meta.citedFacts.map((id) => `${id}:${allWordings(pack.facts.get(id)!).findIndex((t) => letter.body.includes(withDates(t, 'en-GB')))}`).join(',');
    const kinds = new Set(
      ['Alex Doe', 'Sam Roe', 'Kim Poe', 'Lee Moe', 'Ana Zoe', 'Bo Yu'].map((name) => stated(render(pack, request({ name, date: '2026-11-30' })))),
    );
    expect(kinds.size).toBeGreaterThan(2);
    for (const k of kinds) expect(k).not.toContain(':-1');
  });
});
