/**
 * A one-line progress bar on stderr, redrawn at most ten times a second, and only when stderr
 * is a terminal: piped or logged output gets no animation, just the summary.
 */
import { grouped } from '../numbers.js';

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): boolean;
}

export interface ProgressCounts {
  done: number;
  failed: number;
  skipped: number;
  /** Bytes of input read and the input's size, when known. */
  bytes: number;
  size?: number;
}

export class Progress {
  private last = 0;
  private shown = false;
  private readonly started: number;

  constructor(
    private readonly stream: ProgressStream,
    private readonly now: () => number = Date.now,
  ) {
    this.started = now();
  }

  get enabled(): boolean {
    return Boolean(this.stream.isTTY);
  }

  update(counts: ProgressCounts, force = false): void {
    if (!this.enabled) return;
    const t = this.now();
    if (!force && t - this.last < 100) return;
    this.last = t;
    this.stream.write(`\r${this.line(counts, t)}\u001b[K`);
    this.shown = true;
  }

  line(counts: ProgressCounts, t = this.now()): string {
    const seconds = Math.max((t - this.started) / 1000, 0.001);
    const rate = Math.round((counts.done + counts.failed) / seconds);
    const tail = ` ${grouped(counts.done)} written, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}, ${grouped(rate)}/s`;
    if (!counts.size) return tail.trimStart();
    const share = Math.min(1, counts.bytes / counts.size);
    const width = Math.max(10, Math.min(30, (this.stream.columns ?? 80) - tail.length - 8));
    const filled = Math.round(share * width);
    return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.round(share * 100)).padStart(3)}%${tail}`;
  }

  /** Clears the bar so the summary starts on a clean line. */
  stop(): void {
    if (this.shown) this.stream.write('\r\u001b[K');
    this.shown = false;
  }
}
