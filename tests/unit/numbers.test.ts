import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { grouped } from '../../src/numbers.js';

describe('grouped', () => {
  it('writes whole numbers as English does, as toLocaleString("en") would', () => {
    expect(grouped(0)).toBe('0');
    expect(grouped(999)).toBe('999');
    expect(grouped(1000)).toBe('1,000');
    expect(grouped(12345678)).toBe('12,345,678');
    expect(grouped(-4321)).toBe('-4,321');
    // (n || 0): Intl writes a negative zero as "-0"; a count is never one.
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        expect(grouped(n)).toBe((n || 0).toLocaleString('en'));
      }),
    );
  });
});
