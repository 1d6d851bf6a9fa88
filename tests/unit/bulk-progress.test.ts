import { describe, expect, it } from 'vitest';
import { Progress } from '../../src/bulk/progress.js';

function stream(isTTY: boolean) {
  const written: string[] = [];
  return { isTTY, columns: 80, written, write: (t: string) => written.push(t) > 0 };
}

describe('bulk progress bar', () => {
  it('draws nothing when stderr is not a terminal', () => {
    const s = stream(false);
    const p = new Progress(s);
    p.update({ done: 5, failed: 0, skipped: 0, bytes: 50, size: 100 }, true);
    p.stop();
    expect(s.written).toEqual([]);
  });

  it('redraws one line on a terminal, at most ten times a second, and clears it', () => {
    let now = 0;
    const s = stream(true);
    const p = new Progress(s, () => now);
    now = 1000; // one second in: 51 rows a second
    p.update({ done: 50, failed: 1, skipped: 0, bytes: 50, size: 100 });
    now = 1050;
    p.update({ done: 60, failed: 1, skipped: 0, bytes: 60, size: 100 });
    expect(s.written).toHaveLength(1);
    expect(s.written[0]).toMatch(/^\r\[#+-+\] {2}50% 50 written, 1 failed, 51\/s/);
    p.stop();
    expect(s.written.at(-1)).toBe('\r\u001b[K');
  });

  it('shows counts without a bar when the size is unknown (stdin)', () => {
    const p = new Progress(stream(true), () => 2000);
    expect(p.line({ done: 1234, failed: 0, skipped: 2, bytes: 0 })).toMatch(/^1,234 written, 0 failed, 2 skipped/);
  });
});
