import { describe, expect, it } from 'vitest';
import { OrderedBatches } from '../../src/bulk/worker-pool.js';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('OrderedBatches', () => {
  it('hands results back in the order jobs were added, whichever batch finishes first', async () => {
    const handled: number[] = [];
    let calls = 0;
    // Later batches finish sooner, as a less busy worker's would.
    const run = async (jobs: number[]) => {
      await tick(40 - 10 * calls++);
      return jobs.map((j) => j * 10);
    };
    const batches = new OrderedBatches(run, 3, 4, (r: number) => void handled.push(r));
    for (let i = 1; i <= 10; i++) await batches.add(i);
    await batches.drain();
    expect(handled).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    expect(calls).toBe(4);
  });

  it('keeps at most `window` batches waiting', async () => {
    let running = 0;
    let most = 0;
    const run = async (jobs: number[]) => {
      most = Math.max(most, ++running);
      await tick(5);
      running--;
      return jobs;
    };
    const batches = new OrderedBatches(run, 2, 2, () => undefined);
    for (let i = 0; i < 20; i++) await batches.add(i);
    await batches.drain();
    // The window, plus the batch just sent before the oldest is awaited.
    expect(most).toBeLessThanOrEqual(3);
  });

  it('with batch 1 and window 0, each job is handled before add returns', async () => {
    const handled: number[] = [];
    const batches = new OrderedBatches(async (jobs: number[]) => jobs, 1, 0, (r: number) => void handled.push(r));
    await batches.add(1);
    expect(handled).toEqual([1]);
    await batches.add(2);
    expect(handled).toEqual([1, 2]);
  });

  it('a failed batch fails the caller when its turn comes, and no other failure goes unhandled', async () => {
    const run = async (jobs: number[]) => {
      await tick(1);
      if (jobs.includes(3)) throw new Error('worker gone');
      return jobs;
    };
    const batches = new OrderedBatches(run, 1, 5, () => undefined);
    for (let i = 1; i <= 5; i++) await batches.add(i);
    await expect(batches.drain()).rejects.toThrow('worker gone');
  });
});
