/**
 * The office index's cap: up to it every letter is compared with every earlier one; past it a
 * letter is still compared (and drawn again if too close) with the letters indexed, but not
 * added, and the report says how many letters that was, so the summary can say so.
 */
import { describe, expect, it } from 'vitest';
import { LetterSpread } from '../../src/bulk/spread.js';

const OFFICE = 'en|uk|mp|Jane Smith|maintain';
/** A letter of ten sentences: its own unless `shared` of them are the common ones. */
const letter = (row: number, shared = 0): number[] => Array.from({ length: 10 }, (_, i) => (i < shared ? 1000 + i : row * 100 + i));

describe('LetterSpread cap', () => {
  it('compares every letter with every other up to the cap', () => {
    const spread = new LetterSpread(0.35, 8, 3);
    for (const row of [2, 3, 4]) spread.add(OFFICE, row, letter(row));
    expect(spread.closest(OFFICE, letter(9, 6))).toEqual({ share: 0 });
    spread.add(OFFICE, 5, letter(5, 6));
    const report = spread.report();
    expect(report.groups[0]).toMatchObject({ letters: 4, unindexed: 1 });
    expect(report.cap).toBe(3);
  });

  it('keeps comparing past the cap with the letters indexed, without indexing more', () => {
    const spread = new LetterSpread(0.35, 8, 2);
    spread.add(OFFICE, 2, letter(2, 5));
    spread.add(OFFICE, 3, letter(3));
    // Past the cap: still close to row 2, which is indexed...
    expect(spread.closest(OFFICE, letter(4, 5))).toEqual({ share: 0.5, row: 2 });
    spread.add(OFFICE, 4, letter(4, 5));
    // ...but row 4 was not indexed, so a letter like it is compared with row 2 alone.
    expect(spread.closest(OFFICE, letter(5, 5))).toEqual({ share: 0.5, row: 2 });
    const [group] = spread.report().groups;
    expect(group).toMatchObject({ letters: 3, unindexed: 1, closestPair: 0.5, rows: [2, 4] });
  });

  it('indexes every letter of an office under the cap', () => {
    const spread = new LetterSpread();
    for (let row = 2; row < 500; row++) spread.add(OFFICE, row, letter(row));
    expect(spread.report().groups[0]).toMatchObject({ letters: 498, unindexed: 0 });
  });
});
