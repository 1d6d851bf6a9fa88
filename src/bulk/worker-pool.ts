/**
 * Worker threads for a big bulk run (see letter-pipeline.ts): one writer, and renderers that hand
 * their letters straight to it over ports of their own. Every batch carries a number, and the
 * writer's answer to it settles the caller's promise for that batch, whichever way it went.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, Worker } from 'node:worker_threads';
import type { LetterOutcome, RenderedLetter, WriteOptions } from './letter-file.js';
import type { LetterJob } from './letter-job.js';
import type { Batch, WorkerReply, WorkerSetup } from './worker.js';

/** The built worker script (dist/bulk-worker.js), or undefined when running from source. */
export function workerScript(): URL | undefined {
  for (const candidate of ['./bulk-worker.js', '../bulk-worker.js']) {
    const url = new URL(candidate, import.meta.url);
    if (existsSync(fileURLToPath(url))) return url;
  }
  return undefined;
}

interface Waiting {
  resolve(results: LetterOutcome[]): void;
  reject(error: Error): void;
}

export class LetterThreads {
  private readonly writer: Worker;
  private readonly renderers: Worker[];
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 0;
  private nextRenderer = 0;
  private failure: Error | undefined;

  constructor(script: URL, renderers: number, options: { templatesDir?: string; write: WriteOptions }) {
    const channels = Array.from({ length: renderers }, () => new MessageChannel());
    const start = (setup: WorkerSetup, transferList: MessageChannel['port1'][]) => {
      const worker = new Worker(script, { workerData: setup, transferList });
      worker.on('message', (reply: WorkerReply<LetterOutcome>) => this.answer(reply));
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`a bulk worker stopped (exit code ${code})`));
      });
      return worker;
    };
    const ports = channels.map((c) => c.port2);
    this.writer = start({ role: 'write', options: options.write, renderers: ports }, ports);
    this.renderers = channels.map((c) => start({ role: 'render', templatesDir: options.templatesDir, writer: c.port1 }, [c.port1]));
  }

  /** Whether there are threads to render rows (else the caller renders and sends letters). */
  get renders(): boolean {
    return this.renderers.length > 0;
  }

  private answer(reply: WorkerReply<LetterOutcome>): void {
    const waiting = this.waiting.get(reply.id);
    this.waiting.delete(reply.id);
    if ('crash' in reply) waiting?.reject(new Error(`a bulk worker failed: ${reply.crash}`));
    else waiting?.resolve(reply.results);
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const w of this.waiting.values()) w.reject(error);
    this.waiting.clear();
  }

  /**
   * Rows to render and write (with renderers), or letters rendered already to write, their
   * texts packed (packTexts) into the buffers given to move.
   */
  run(items: LetterJob[] | RenderedLetter[], transfer: ArrayBuffer[] = []): Promise<LetterOutcome[]> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    const to = this.renders ? (this.renderers[this.nextRenderer++ % this.renderers.length] as Worker) : this.writer;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      to.postMessage({ id, items } satisfies Batch<LetterJob | RenderedLetter>, transfer);
    });
  }

  async close(): Promise<void> {
    const all = [this.writer, ...this.renderers];
    for (const worker of all) worker.removeAllListeners('exit');
    await Promise.all(all.map((worker) => worker.terminate()));
  }
}

/**
 * Jobs in batches, at most `window` batches in flight; results are handed to `handle` in the
 * order the jobs were added. With batch 1 and window 0 every job is done before add returns.
 */
export class OrderedBatches<J, R> {
  private batch: J[] = [];
  private readonly inFlight: Promise<R[]>[] = [];

  constructor(
    private readonly run: (jobs: J[]) => Promise<R[]>,
    private readonly size: number,
    private readonly window: number,
    private readonly handle: (result: R) => void | Promise<void>,
  ) {}

  async add(job: J): Promise<void> {
    this.batch.push(job);
    if (this.batch.length >= this.size) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.batch.length > 0) {
      const results = this.run(this.batch);
      // Handled when its turn comes; until then a failure must not count as unhandled.
      results.catch(() => undefined);
      this.inFlight.push(results);
      this.batch = [];
    }
    while (this.inFlight.length > this.window) await this.takeOne();
  }

  private async takeOne(): Promise<void> {
    const results = await (this.inFlight.shift() as Promise<R[]>);
    for (const result of results) await this.handle(result);
  }

  /** Sends what is left and waits for every result. */
  async drain(): Promise<void> {
    await this.flush();
    while (this.inFlight.length > 0) await this.takeOne();
  }
}
