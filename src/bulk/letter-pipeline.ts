/**
 * Bulk letters rendered and written, in the calling thread or with worker threads (see
 * worker-pool.ts). With threads, one writes the files; the others render the rows the calling
 * thread has read, checked and named, and hand the letters straight to the writer. With only a
 * writer, the calling thread renders. Outcomes reach the caller in row order either way.
 */
import { availableParallelism } from 'node:os';
import type { Pack } from '../pack/load.js';
import { packTexts, writeLetters, type LetterOutcome, type WriteOptions } from './letter-file.js';
import { renderLetters, type LetterJob } from './letter-job.js';
import { LetterThreads, OrderedBatches, workerScript } from './worker-pool.js';

/** Letters sent at a time, and batches each thread may have waiting. */
const BATCH_SIZE = 32;
const BATCHES_PER_WORKER = 4;
/** Input size from which a writer thread pays for its start (about 2,000 rows of a typical sheet). */
const THREADS_FROM_BYTES = 256 * 1024;

/**
 * Threads for an input of this size when the user does not say (--jobs): a big file gets a
 * writer, and a renderer for each core the calling thread and the writer leave. A renderer that
 * would share a core is not worth it: it loads the engine and the pack again and warms up on its
 * own, which on two cores cost more than it saved at 10,000 rows (1.83 s against 1.62 s, medians
 * of six) and took 60 MB more memory at 100,000 rows for a tenth less time.
 */
export function defaultThreads(size: number | undefined, cores = availableParallelism()): number {
  if (size === undefined || size < THREADS_FROM_BYTES) return 0;
  return 1 + Math.min(Math.max(0, cores - 2), 7);
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
    const letters = new OrderedBatches(
      async (jobs: LetterJob[]) => writeLetters(renderLetters(pack, jobs), options.write),
      1,
      0,
      options.done,
    );
    return { add: (job) => letters.add(job), drain: () => letters.drain(), close: async () => undefined };
  }
  const workers = new LetterThreads(script, threads - 1, { templatesDir: options.templatesDir, write: options.write });
  const send = (jobs: LetterJob[]) => {
    if (workers.renders) return workers.run(jobs);
    const letters = renderLetters(pack, jobs);
    return workers.run(letters, packTexts(letters));
  };
  const batches = new OrderedBatches(send, BATCH_SIZE, threads * BATCHES_PER_WORKER, options.done);
  return { add: (job) => batches.add(job), drain: () => batches.drain(), close: () => workers.close() };
}
