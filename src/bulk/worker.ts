/**
 * A bulk worker thread (see worker-pool.ts): loads the same pack as the main thread, then
 * renders and writes the batches of letters it is sent, answering each batch in turn.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { packFrom } from '../commands/pack-options.js';
import type { Pack } from '../pack/load.js';
import { lettersToFiles, type LetterJob, type WriteOptions } from './letter-job.js';

export interface WorkerSetup {
  /** The user's template folder, or undefined for the built-in pack. */
  templatesDir?: string;
  options: WriteOptions;
}

export type WorkerReply<R> = { results: R[] } | { crash: string };

const setup = workerData as WorkerSetup;
let pack: Pack | undefined;

parentPort?.on('message', async (jobs: LetterJob[]) => {
  let reply: WorkerReply<unknown>;
  try {
    pack ??= await packFrom(setup.templatesDir);
    reply = { results: lettersToFiles(pack, jobs, setup.options) };
  } catch (error) {
    reply = { crash: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort?.postMessage(reply);
});
