/**
 * The two ordered stages a bulk letter goes through, rendering then writing, each done in the
 * calling thread or on worker threads (see worker-pool.ts). With threads, one writes the files
 * (creating files does not get faster in parallel) and any more render. Results reach the
 * caller's handlers in row order either way.
 */
import { availableParallelism } from 'node:os';
import type { Pack } from '../pack/load.js';
import { renderLetterJob, writeLetterFile, type LetterFile, type LetterJob, type RenderedJob, type WriteOptions, type WrittenFile } from './letter-job.js';
import { OrderedBatches, WorkerPool, workerScript } from './worker-pool.js';

/** Letters sent to a worker at a time, and batches each worker may have waiting. */
const BATCH_SIZE = 32;
const BATCHES_PER_WORKER = 4;
/** Input size from which worker threads pay for their start (about 2,000 rows of a typical sheet). */
const THREADS_FROM_BYTES = 256 * 1024;

/**
 * Threads for an input of this size when the user does not say (--jobs): a big file gets a
 * writer thread and a renderer for every core beyond the two the main thread and the writer use.
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
  /** Gets each rendered letter in row order; passes the ones to write to `pipeline.write`. */
  rendered(result: RenderedJob): void | Promise<void>;
  /** Gets each written (or refused) file in row order. */
  written(result: WrittenFile): void;
}

export interface LetterPipeline {
  render(job: LetterJob): Promise<void>;
  write(file: LetterFile): Promise<void>;
  /** Waits until every letter sent has been rendered and written. */
  drain(): Promise<void>;
  close(): Promise<void>;
}

export function letterPipeline(options: PipelineOptions): LetterPipeline {
  const { pack, threads } = options;
  const script = threads > 0 ? workerScript() : undefined;
  const writer = script ? new WorkerPool<LetterFile, WrittenFile>(script, 1, { role: 'write', options: options.write }) : undefined;
  const renderers =
    script && threads > 1 ? new WorkerPool<LetterJob, RenderedJob>(script, threads - 1, { role: 'render', templatesDir: options.templatesDir }) : undefined;
  const writes = writer
    ? new OrderedBatches((files: LetterFile[]) => writer.run(files), BATCH_SIZE, BATCHES_PER_WORKER, options.written)
    : new OrderedBatches(async (files: LetterFile[]) => files.map((file) => writeLetterFile(file, options.write)), 1, 0, options.written);
  const renders = renderers
    ? new OrderedBatches((jobs: LetterJob[]) => renderers.run(jobs), BATCH_SIZE, (threads - 1) * BATCHES_PER_WORKER, options.rendered)
    : new OrderedBatches(async (jobs: LetterJob[]) => jobs.map((job) => renderLetterJob(pack, job)), 1, 0, options.rendered);
  return {
    render: (job) => renders.add(job),
    write: (file) => writes.add(file),
    async drain() {
      await renders.drain();
      await writes.drain();
    },
    async close() {
      await renderers?.close();
      await writer?.close();
    },
  };
}
