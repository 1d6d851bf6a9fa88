/**
 * A bulk worker thread (see letter-pipeline.ts), in one of two roles. A renderer loads the same
 * pack as the main thread and renders the batches of rows it is sent, handing the letters
 * straight to the writer. The writer writes letters to their files, from the renderers or from
 * the main thread, and tells the main thread how each went. Writing is kept to a thread of its
 * own: the system calls that create files slow down whatever else runs between them.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { Pack } from '../pack/load.js';
import { packTexts, writeLetters, type RenderedLetter, type WriteOptions } from './letter-file.js';
import type { LetterJob } from './letter-job.js';

export type WorkerSetup =
  /** templatesDir: the user's template folder, or undefined for the built-in pack. */
  | { role: 'render'; templatesDir?: string; writer: MessagePort }
  | { role: 'write'; options: WriteOptions; renderers: MessagePort[] };

/** A batch on its way, known by its number wherever it is. */
export interface Batch<T> {
  id: number;
  items: T[];
}

export type WorkerReply<R> = { id: number; results: R[] } | { id: number; crash: string };

const crash = (error: unknown) => (error instanceof Error ? (error.stack ?? error.message) : String(error));
const setup = workerData as WorkerSetup;

if (setup.role === 'render') {
  const { writer } = setup;
  // The engine loads here only, not on the writer.
  const engine = Promise.all([import('../commands/pack-options.js'), import('./letter-job.js')]);
  let pack: Promise<Pack> | undefined;
  // One batch at a time, in the order they came (the pack loads on the first).
  let queue = Promise.resolve();
  parentPort?.on('message', ({ id, items }: Batch<LetterJob>) => {
    queue = queue.then(async () => {
      try {
        const [{ packFrom }, { renderLetters }] = await engine;
        const loaded = await (pack ??= packFrom(setup.templatesDir));
        const letters = renderLetters(loaded, items);
        writer.postMessage({ id, items: letters } satisfies Batch<RenderedLetter>, packTexts(letters));
      } catch (error) {
        parentPort?.postMessage({ id, crash: crash(error) } satisfies WorkerReply<never>);
      }
    });
  });
} else {
  const write = ({ id, items }: Batch<RenderedLetter>) => {
    let reply: WorkerReply<unknown>;
    try {
      reply = { id, results: writeLetters(items, setup.options) };
    } catch (error) {
      reply = { id, crash: crash(error) };
    }
    parentPort?.postMessage(reply);
  };
  parentPort?.on('message', write);
  for (const port of setup.renderers) port.on('message', write);
}
