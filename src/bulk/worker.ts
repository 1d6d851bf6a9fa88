/**
 * A bulk worker thread, in one of two roles (see letter-pipeline.ts). The writer writes batches
 * of rendered letters to their files; a renderer loads the same pack as the main thread and
 * renders the batches of rows it is sent. Each answers its batches in the order it got them.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { packFrom } from '../commands/pack-options.js';
import type { Pack } from '../pack/load.js';
import { renderLetters, writeLetters, type LetterJob, type RenderedLetter, type WriteOptions } from './letter-job.js';

export type WorkerSetup =
  /** templatesDir: the user's template folder, or undefined for the built-in pack. */
  { role: 'render'; templatesDir?: string } | { role: 'write'; options: WriteOptions };

export type WorkerReply<R> = { results: R[] } | { crash: string };

const setup = workerData as WorkerSetup;
let pack: Pack | undefined;

async function work(batch: unknown[]): Promise<unknown[]> {
  if (setup.role === 'write') return writeLetters(batch as RenderedLetter[], setup.options);
  pack ??= await packFrom(setup.templatesDir);
  return renderLetters(pack, batch as LetterJob[]);
}

parentPort?.on('message', async (batch: unknown[]) => {
  let reply: WorkerReply<unknown>;
  try {
    reply = { results: await work(batch) };
  } catch (error) {
    reply = { crash: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort?.postMessage(reply);
});
