/**
 * Individual by design: fifty senders writing to one office with one stance and no story of their
 * own must not send what its mail sorting would count as one form letter. Measured on the prose
 * (see campaignProfile): whole sentences shared word for word, and 8-word shingles.
 */
import { describe, expect, it } from 'vitest';
import { render } from '../../src/render/render.js';
import { campaignProfile, formLetterMeasures, FORM_LETTER_TARGETS } from '../../src/render/similarity.js';
import { builtinPack, request } from '../helpers/pack.js';

const FIRST = ['Alex', 'Sam', 'Priya', 'Tomasz', 'Olena', 'Grace', 'Liam', 'Aisha', 'Mateo', 'Hannah'];
const LAST = ['Doe', 'Lee', 'Patel', 'Nowak', 'Kowalenko'];

/** Fifty neighbours: one town, as most writers to one representative share. */
function senders(region: string): { name: string; city: string; address: string[]; postcode: string }[] {
  const city = region === 'us' ? 'Portland, OR' : 'Leeds';
  return Array.from({ length: 50 }, (_, i) => ({
    name: `${FIRST[i % 10]} ${LAST[Math.floor(i / 10)]}`,
    city,
    address: [`${i + 1} Station Road`],
    postcode: region === 'us' ? '97201' : 'LS1 4AB',
  }));
}

/**
 * These are independent drafts (render() once per sender, as fifty people running `draft` would),
 * which cannot see one another: their highest share for any one pair is what chance gives, and
 * is held here, not at the target. Most groups are at or under 0.35, but a letter of 11 sentences
 * with 4 in common with one of the 1,225 others is 0.36, and that comes up by chance in about one
 * group in six (at worst 0.50 over four sets of fifty senders). `bulk`, which writes a campaign's
 * letters together, does meet the target: it draws a row again when its letter comes too close to
 * one already written to the same office (tests/unit/bulk-spread.test.ts). The means are met here.
 */
const HELD_MAX_SHARED = 0.55;
/** Most groups do meet it: over four sets of fifty senders, about one group in six has a pair above it. */
const HELD_GROUPS_OVER = 1 / 3;

describe('letters from fifty senders to one office', () => {
  const pack = builtinPack();
  /** Each group's closest pair, filled in by the test above (the tests of a file run in order). */
  const highest: number[] = [];
  const groups = pack.regions.flatMap((r) => r.recipients.flatMap((t) => pack.stances.map((s) => [r.id, t.id, s.id] as const)));

  it.each(groups)('%s %s %s: few shared sentences and shingles', (region, recipient, stance) => {
    const profiles = senders(region).map((s) => campaignProfile(render(pack, request({ region, recipient, stance, ...s, date: '2026-11-30' })).body));
    const m = formLetterMeasures(profiles);
    expect(m).toBeDefined();
    expect(m?.meanSharedSentences).toBeLessThanOrEqual(FORM_LETTER_TARGETS.meanSharedSentences);
    expect(m?.maxSharedSentences).toBeLessThanOrEqual(HELD_MAX_SHARED);
    expect(m?.meanShingleJaccard).toBeLessThanOrEqual(FORM_LETTER_TARGETS.meanShingleJaccard);
    highest.push(m?.maxSharedSentences ?? 1);
  });

  it('keeps most groups at or under the target for the closest pair', () => {
    expect(highest).toHaveLength(groups.length);
    const over = highest.filter((x) => x > FORM_LETTER_TARGETS.maxSharedSentences).length;
    expect(over / groups.length).toBeLessThanOrEqual(HELD_GROUPS_OVER);
  });

  it('counts a repeated letter as the form letter it is', () => {
    const one = campaignProfile(render(pack, request({ date: '2026-11-30' })).body);
    const m = formLetterMeasures([one, one]);
    expect(m?.maxSharedSentences).toBe(1);
    expect(m?.meanShingleJaccard).toBe(1);
  });
});
