import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packTexts, type RenderedLetter } from '../../src/bulk/letter-file.js';
import { hash53Bytes } from '../../src/render/hash.js';
import { defaultThreads } from '../../src/bulk/letter-pipeline.js';
import { LetterThreads, OrderedBatches } from '../../src/bulk/worker-pool.js';
import { letterRequestSchema } from '../../src/request.js';
import { tempDir } from '../helpers/cli.js';

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

describe('LetterThreads (the built worker script)', () => {
  const script = new URL('../../dist/bulk-worker.js', import.meta.url);
  const request = letterRequestSchema.parse({ region: 'uk', recipient: 'mp', stance: 'maintain', name: 'Alex Doe', city: 'Leeds', date: '2026-11-25' });
  const write = { force: false, resume: false };

  it('renders rows on a renderer and writes them on the writer, answering each batch', async () => {
    const dir = tempDir('bl-threads-');
    const threads = new LetterThreads(script, 1, { write });
    try {
      expect(threads.renders).toBe(true);
      const [a, b] = await Promise.all([
        threads.run([{ row: 2, request, sample: true, path: join(dir, 'a.txt') }]),
        threads.run([{ row: 3, request: { ...request, name: 'Sam Lee' }, sample: false, path: join(dir, 'b.txt') }]),
      ]);
      expect(a?.[0]).toMatchObject({ row: 2, ok: true, file: { status: 'written' } });
      // The sampled row sends back its body: the letter without its Sources.
      const letter = readFileSync(join(dir, 'a.txt'), 'utf8');
      expect(a?.[0]?.ok && a[0].body).toBe(letter.slice(0, letter.indexOf('\n\nSources\n')));
      expect(b?.[0]).toMatchObject({ row: 3, ok: true, body: undefined });
      expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toMatch(/^Alex Doe\nLeeds\n/);
      expect(readFileSync(join(dir, 'b.txt'), 'utf8')).toMatch(/^Sam Lee\nLeeds\n/);
    } finally {
      await threads.close();
    }
  });

  it('a writer alone writes letters rendered already, and a file in the way is an outcome, not a crash', async () => {
    const dir = tempDir('bl-threads-');
    writeFileSync(join(dir, 'taken.txt'), 'mine');
    const threads = new LetterThreads(script, 0, { write });
    try {
      expect(threads.renders).toBe(false);
      const results = await threads.run([
        { row: 2, ok: true, path: join(dir, 'new.txt'), text: 'a letter\n', warnings: [] },
        { row: 3, ok: true, path: join(dir, 'taken.txt'), text: 'another\n', warnings: [] },
        { row: 4, ok: false, message: 'could not render' },
      ]);
      expect(results.map((r) => (r.ok ? r.file.status : 'render failed'))).toEqual(['written', 'failed', 'render failed']);
      expect(readFileSync(join(dir, 'taken.txt'), 'utf8')).toBe('mine');
    } finally {
      await threads.close();
    }
  });

  it('a batch that breaks the worker code fails with a message naming the worker', async () => {
    const threads = new LetterThreads(script, 0, { write });
    try {
      const broken = [{ row: 2, ok: true, path: 42, text: 'x', warnings: [] }] as unknown as RenderedLetter[];
      await expect(threads.run(broken)).rejects.toThrow(/a bulk worker failed/);
    } finally {
      await threads.close();
    }
  });
});

describe('defaultThreads', () => {
  it('none for a small sheet; a writer, and renderers for the cores the main thread and the writer leave', () => {
    expect(defaultThreads(undefined, 8)).toBe(0);
    expect(defaultThreads(100_000, 8)).toBe(0);
    expect(defaultThreads(1_000_000, 2)).toBe(1);
    expect(defaultThreads(1_000_000, 4)).toBe(3);
    expect(defaultThreads(10_000_000, 2)).toBe(1);
    expect(defaultThreads(10_000_000, 64)).toBe(8);
  });
});

describe('packTexts', () => {
  it('puts every text in one buffer to move, each letter a view of its UTF-8, failures left alone', () => {
    const texts = ['Dear Ms Smith,\n', 'Шаноўны спадар,\n', 'emoji 🕊️ too\n'];
    const letters: RenderedLetter[] = [
      ...texts.map((text, i) => ({ row: i + 2, ok: true as const, path: `/x/${i}.txt`, text, warnings: [] })),
      { row: 9, ok: false, message: 'no' },
    ];
    const transfer = packTexts(letters);
    expect(transfer).toHaveLength(1);
    const decoded = letters.map((l) => (l.ok ? new TextDecoder().decode(l.text as Uint8Array) : l.message));
    expect(decoded).toEqual([...texts, 'no']);
    expect(transfer[0]?.byteLength).toBe(texts.reduce((n, t) => n + Buffer.byteLength(t), 0));
    expect(packTexts([{ row: 2, ok: false, message: 'no' }])).toEqual([]);
  });

  it('hash53Bytes tells letters apart by their bytes as hash53 does by their text', () => {
    const bytes = (t: string) => new TextEncoder().encode(t);
    expect(hash53Bytes(bytes('a letter'))).toBe(hash53Bytes(bytes('a letter')));
    expect(hash53Bytes(bytes('a letter'))).not.toBe(hash53Bytes(bytes('a letteR')));
    expect(hash53Bytes(bytes('Шаноўны'))).toBeLessThan(2 ** 53);
  });
});
