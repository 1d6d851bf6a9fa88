/**
 * A bulk worker thread, in one of two roles (see worker-pool.ts). A renderer loads the same pack
 * as the main thread and renders the batches of letters it is sent; the writer writes batches
 * of finished letters to their files. Each answers its batches in the order it got them.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { packFrom } from '../commands/pack-options.js';
import type { Pack } from '../pack/load.js';
import { renderLetterJob, writeLetterFile, type LetterJob, type LetterFile, type WriteOptions } from './letter-job.js';

export type WorkerSetup =
  /** templatesDir: the user's template folder, or undefined for the built-in pack. */
  { role: 'render'; templatesDir?: string } | { role: 'write'; options: WriteOptions };

export type WorkerReply<R> = { results: R[] } | { crash: string };

const setup = workerData as WorkerSetup;
let pack: Pack | undefined;

async function work(jobs: unknown[]): Promise<unknown[]> {
  if (setup.role === 'write') {
    const { options } = setup;
    return (jobs as LetterFile[]).map((file) => writeLetterFile(file, options));
  }
  pack ??= await packFrom(setup.templatesDir);
  const ready = pack;
  return (jobs as LetterJob[]).map((job) => renderLetterJob(ready, job));
}

parentPort?.on('message', async (jobs: unknown[]) => {
  let reply: WorkerReply<unknown>;
  try {
    reply = { results: await work(jobs) };
  } catch (error) {
    reply = { crash: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort?.postMessage(reply);
});
