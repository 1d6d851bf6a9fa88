/**
 * Bulk letters rendered and written in the calling thread, or on worker threads (see
 * worker-pool.ts) while the calling thread reads, checks and names the next rows. Outcomes reach
 * the caller in row order either way.
 */
import { availableParallelism } from 'node:os';
import type { Pack } from '../pack/load.js';
import { lettersToFiles, type LetterJob, type LetterOutcome, type WriteOptions } from './letter-job.js';
import { OrderedBatches, WorkerPool, workerScript } from './worker-pool.js';

/** Letters sent to a worker at a time, and batches each worker may have waiting. */
const BATCH_SIZE = 32;
const BATCHES_PER_WORKER = 4;
/** Input size from which worker threads pay for their start (about 2,000 rows of a typical sheet). */
const THREADS_FROM_BYTES = 256 * 1024;

/** Threads for an input of this size when the user does not say (--jobs): all cores but one for a big file. */
export function defaultThreads(size: number | undefined): number {
  if (size === undefined || size < THREADS_FROM_BYTES) return 0;
  return Math.min(Math.max(1, availableParallelism() - 1), 8);
}

export interface PipelineOptions {
  pack: Pack;
  /** The user's template folder, for worker threads to load the same pack (undefined: built-in). */
  templatesDir: string | undefined;
  /** Worker threads: 0 does everything in the calling thread. */
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
  const workers = script ? new WorkerPool<LetterJob, LetterOutcome>(script, threads, { templatesDir: options.templatesDir, options: options.write }) : undefined;
  const letters = workers
    ? new OrderedBatches((jobs: LetterJob[]) => workers.run(jobs), BATCH_SIZE, threads * BATCHES_PER_WORKER, options.done)
    : // In this thread, each letter is done before the next row is read (so --fail-fast stops at once).
      new OrderedBatches(async (jobs: LetterJob[]) => lettersToFiles(pack, jobs, options.write), 1, 0, options.done);
  return {
    add: (job) => letters.add(job),
    drain: () => letters.drain(),
    close: async () => workers?.close(),
  };
}
