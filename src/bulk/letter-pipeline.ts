/**
 * Bulk letters rendered and written, in the calling thread or with worker threads (see
 * worker-pool.ts). With threads, one writes the files while the calling thread reads, checks,
 * names and renders rows; any more threads take the rendering. Rendering is kept off the thread
 * that makes system calls: measured here, rendering between them ran at a third of its speed.
 * Outcomes reach the caller in row order either way.
 */
import { availableParallelism } from 'node:os';
import type { Pack } from '../pack/load.js';
import { renderLetters, writeLetters, type LetterJob, type LetterOutcome, type RenderedLetter, type WriteOptions } from './letter-job.js';
import { OrderedBatches, WorkerPool, workerScript } from './worker-pool.js';

/** Letters sent to a worker at a time, and batches each worker may have waiting. */
const BATCH_SIZE = 32;
const BATCHES_PER_WORKER = 4;
/** Input size from which worker threads pay for their start (about 2,000 rows of a typical sheet). */
const THREADS_FROM_BYTES = 256 * 1024;

/**
 * Threads for an input of this size when the user does not say (--jobs): a big file gets a
 * writer thread and a renderer for every core beyond the two the calling thread and the writer use.
 */
export function defaultThreads(size: number | undefined): number {
  if (size === undefined || size < THREADS_FROM_BYTES) return 0;
  return Math.min(Math.max(1, availableParallelism() - 1), 8);
}

export interface PipelineOptions {
  pack: Pack;
  /** The user's template folder, for renderer threads to load the same pack (undefined: built-in). */
  templatesDir: string | undefined;
  /** Threads besides the calling one: 0 does everything here, 1 adds a writer, more add renderers. */
  threads: number;
  write: WriteOptions;
  /** Gets each letter's outcome, in row order. */
  done(outcome: LetterOutcome): void;
}

export interface LetterPipeline {
  add(job: LetterJob): Promise<void>;
  /** Waits until every letter sent has been rendered and written. */
  drain(): Promise<void>;
  close(): Promise<void>;
}

export function letterPipeline(options: PipelineOptions): LetterPipeline {
  const { pack, threads } = options;
  const script = threads > 0 ? workerScript() : undefined;
  if (!script) {
    // In this thread, each letter is done before the next row is read (so --fail-fast stops at once).
    const letters = new OrderedBatches(async (jobs: LetterJob[]) => writeLetters(renderLetters(pack, jobs), options.write), 1, 0, options.done);
    return { add: (job) => letters.add(job), drain: () => letters.drain(), close: async () => undefined };
  }
  const writer = new WorkerPool<RenderedLetter, LetterOutcome>(script, 1, { role: 'write', options: options.write });
  const renderers = threads > 1 ? new WorkerPool<LetterJob, RenderedLetter>(script, threads - 1, { role: 'render', templatesDir: options.templatesDir }) : undefined;
  const writes = new OrderedBatches((letters: RenderedLetter[]) => writer.run(letters), BATCH_SIZE, BATCHES_PER_WORKER, options.done);
  const renders = renderers
    ? new OrderedBatches((jobs: LetterJob[]) => renderers.run(jobs), BATCH_SIZE, (threads - 1) * BATCHES_PER_WORKER, (letter) => writes.add(letter))
    : undefined;
  return {
    add: (job) => (renders ? renders.add(job) : writes.add(renderLetters(pack, [job])[0] as RenderedLetter)),
    async drain() {
      await renders?.drain();
      await writes.drain();
    },
    async close() {
      await renderers?.close();
      await writer.close();
    },
  };
}
