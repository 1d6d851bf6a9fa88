/**
 * The typed-array table bulk keeps its hashes in (sentences, senders, identical letters): a key
 * must keep its number through every growth, and keys that share their low 32 bits (the slot)
 * must stay apart, or letters would be kept apart from the wrong ones.
 */
import { describe, expect, it } from 'vitest';
import { grownTo, KeyTable } from '../../src/bulk/key-table.js';
import { hash53 } from '../../src/hash.js';

describe('KeyTable', () => {
  it('numbers keys in the order they first came, through many growths', () => {
    const table = new KeyTable();
    const keys = Array.from({ length: 5000 }, (_, i) => hash53(`sentence ${i}`));
    keys.forEach((key, i) => expect(table.add(key)).toBe(i));
    expect(table.size).toBe(5000);
    keys.forEach((key, i) => expect(table.get(key)).toBe(i));
    expect(table.add(keys[1234] as number)).toBe(1234);
    expect(table.size).toBe(5000);
    expect(table.get(hash53('never added'))).toBe(-1);
  });

  it('tells apart keys that differ only above 32 bits (they land on the same slot)', () => {
    const table = new KeyTable();
    const low = 0x1234_5678;
    const keys = [0, 1, 2, 2 ** 20].map((high) => high * 2 ** 32 + low);
    keys.forEach((key, i) => expect(table.add(key)).toBe(i));
    keys.forEach((key, i) => expect(table.get(key)).toBe(i));
    expect(table.get(3 * 2 ** 32 + low)).toBe(-1);
  });
});

describe('grownTo', () => {
  it('keeps what the array held and grows at least to what is needed', () => {
    const a = Int32Array.from([5, 6, 7]);
    expect(grownTo(a, 3)).toBe(a);
    const b = grownTo(a, 40);
    expect(b).toBeInstanceOf(Int32Array);
    expect(b.length).toBeGreaterThanOrEqual(40);
    expect([...b.slice(0, 3)]).toEqual([5, 6, 7]);
  });
});
