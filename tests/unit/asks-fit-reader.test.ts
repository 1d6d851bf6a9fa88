/**
 * What a receiving office marked down: a minister told who decides ("the decision lies with
 * you", wrong for the EU Council and the US Treasury alike), a conditional letter asking a
 * legislator to oppose all further relief, and a Canadian minister asked to recommend easing.
 */
import { describe, expect, it } from 'vitest';
import { render } from '../../src/render/render.js';
import { builtinPack, request } from '../helpers/pack.js';

const pack = builtinPack();
const SEEDS = Array.from({ length: 30 }, (_, i) => `seed-${i}`);
const letters = (region: string, recipient: string, stance: string) =>
  SEEDS.map((seed) => render(pack, request({ region, recipient, stance, seed, date: '2026-11-30', recipientName: 'Jane Smith', recipientTitle: 'Ms' })).body);

describe('asks that fit the reader', () => {
  const ministers = pack.regions.flatMap((r) =>
    r.recipients.filter((t) => !t.constituent).flatMap((t) => pack.stances.map((s) => [r.id, t.id, s.id] as const)),
  );
  it.each(ministers)('%s %s %s: never tells the minister who decides', (region, recipient, stance) => {
    for (const body of letters(region, recipient, stance))
      expect(body).not.toMatch(/decision (?:is yours|lies with you|rests with you)|your decision to make/i);
  });

  it.each(['senator', 'representative'])('a US %s under the conditional stance is not asked to oppose all further relief', (recipient) => {
    for (const body of letters('us', recipient, 'conditional')) expect(body).not.toMatch(/opposing further sanctions relief/);
  });

  it('a Canadian minister under the conditional stance is not asked to recommend easing', () => {
    for (const body of letters('ca', 'foreign-minister', 'conditional')) expect(body).not.toMatch(/recommend easing/);
  });
});
