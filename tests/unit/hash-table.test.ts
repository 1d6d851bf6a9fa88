import { describe, expect, it } from 'vitest';
import { HashTable } from '../../src/bulk/hash-table.js';
import { hash53 } from '../../src/render/similarity.js';

describe('HashTable', () => {
  it('maps 53-bit hashes to rows through growth, like a Map', () => {
    const table = new HashTable(4);
    const map = new Map<number, number>();
    for (let i = 0; i < 5000; i++) {
      const key = i % 7 === 0 ? 0 : hash53(`letter ${i % 3000}`);
      table.set(key, i);
      map.set(key, i);
    }
    expect(table.size).toBe(map.size);
    for (const [k, v] of map) expect(table.get(k)).toBe(v);
    expect(table.get(hash53('never added'))).toBeUndefined();
    expect(table.has(2 ** 53 - 1)).toBe(false);
  });
});
