/**
 * Worker threads for a big bulk run: one writes the letters, one file after another (creating
 * files does not get faster in parallel), while the main thread reads and checks rows and the
 * other cores render. Batches go to a pool's workers in turn; each worker answers its batches in
 * the order it got them, so the caller takes results back in row order.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WorkerReply, WorkerSetup } from './worker.js';

/** The built worker script (dist/bulk-worker.js), or undefined when running from source. */
export function workerScript(): URL | undefined {
  for (const candidate of ['./bulk-worker.js', '../bulk-worker.js']) {
    const url = new URL(candidate, import.meta.url);
    if (existsSync(fileURLToPath(url))) return url;
  }
  return undefined;
}

interface Waiting<R> {
  resolve(results: R[]): void;
  reject(error: Error): void;
}

export class WorkerPool<J, R> {
  private readonly workers: { worker: Worker; waiting: Waiting<R>[] }[];
  private next = 0;
  private failure: Error | undefined;

  constructor(script: URL, count: number, setup: WorkerSetup) {
    this.workers = Array.from({ length: count }, () => {
      const entry = { worker: new Worker(script, { workerData: setup }), waiting: [] as Waiting<R>[] };
      entry.worker.on('message', (reply: WorkerReply<R>) => {
        const waiting = entry.waiting.shift();
        if ('crash' in reply) waiting?.reject(new Error(`a bulk worker failed: ${reply.crash}`));
        else waiting?.resolve(reply.results);
      });
      const fail = (error: Error) => {
        this.failure ??= error;
        for (const w of entry.waiting.splice(0)) w.reject(error);
      };
      entry.worker.on('error', fail);
      entry.worker.on('exit', (code) => {
        if (code !== 0) fail(new Error(`a bulk worker stopped (exit code ${code})`));
      });
      return entry;
    });
  }

  run(jobs: J[]): Promise<R[]> {
    if (this.failure) return Promise.reject(this.failure);
    const entry = this.workers[this.next++ % this.workers.length] as (typeof this.workers)[number];
    return new Promise((resolve, reject) => {
      entry.waiting.push({ resolve, reject });
      entry.worker.postMessage(jobs);
    });
  }

  async close(): Promise<void> {
    for (const { worker } of this.workers) worker.removeAllListeners('exit');
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
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
