import { describe, expect, it } from 'vitest';
import { defaultSeed, eligibleVariants, hash32, pickIndex } from '../../src/render/variation.js';

describe('variation', () => {
  it('picks the same index for the same seed and section', () => {
    expect(pickIndex('alex|leeds', 'opening', 3)).toBe(pickIndex('alex|leeds', 'opening', 3));
  });

  it('spreads different seeds over every choice', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 60; i++) seen.add(pickIndex(`sender-${i}`, 'opening', 3));
    expect([...seen].sort()).toEqual([0, 1, 2]);
  });

  it('hashes differently when only the section differs', () => {
    expect(hash32('a\u0000opening')).not.toBe(hash32('a\u0000close'));
  });

  it('derives the default seed from sender and recipient, case-insensitively', () => {
    const base = { name: 'Alex Doe', city: 'Leeds', region: 'uk', recipient: 'mp', stance: 'maintain' };
    expect(defaultSeed(base)).toBe(defaultSeed({ ...base, name: 'ALEX DOE' }));
    expect(defaultSeed(base)).not.toBe(defaultSeed({ ...base, name: 'Sam Lee' }));
  });

  it('prefers phrasings written for the request, else the general ones', () => {
    const ids = { stance: 'maintain', region: 'uk', recipient: 'mp', locale: 'en-GB' };
    const filters = [{}, { stance: 'maintain' }, { stance: 'strengthen' }, { stance: 'maintain,conditional' }];
    expect(eligibleVariants(filters, ids)).toEqual([1, 3]);
    expect(eligibleVariants(filters, { ...ids, stance: 'humanitarian' })).toEqual([0]);
    expect(eligibleVariants([{ locale: 'en-US' }], ids)).toEqual([]);
  });
});
