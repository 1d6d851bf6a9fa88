/**
 * The record of a bulk run, kept in the output folder as NDJSON: one line per row, appended in
 * whole lines once the row is done, so a run killed at any moment leaves a manifest that is true
 * up to its last whole line. `--resume` reads it back.
 */
import { closeSync, existsSync, openSync, writeSync } from 'node:fs';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import * as z from 'zod/mini';

export const MANIFEST_NAME = '.belarus-letter-manifest.ndjson';

export const STATUSES = ['written', 'skipped', 'failed'] as const;
export const manifestEntrySchema = z.object({
  row: z.int().check(z.positive()),
  status: z.enum(STATUSES),
  file: z.nullable(z.string()),
  error: z.nullable(z.string()),
});
export type ManifestEntry = z.infer<typeof manifestEntrySchema>;
const runHeaderSchema = z.object({ run: z.string(), input: z.string(), date: z.optional(z.string()) });

export function manifestPath(outDir: string): string {
  return join(outDir, MANIFEST_NAME);
}

export interface EarlierRuns {
  /** Rows an earlier run wrote (row -> file); a later failure of the same row cancels it. */
  done: Map<number, string>;
  /** The input the last run read, as it named it. */
  input?: string;
  /** The date the last run put on its letters. */
  date?: string;
}

export async function readDoneRows(outDir: string): Promise<EarlierRuns | undefined> {
  const path = manifestPath(outDir);
  if (!existsSync(path)) return undefined;
  const done = new Map<number, string>();
  let input: string | undefined;
  let date: string | undefined;
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      continue; // a line cut short by a kill mid-write: that row is simply done again
    }
    const entry = manifestEntrySchema.safeParse(parsed);
    if (!entry.success) {
      const header = runHeaderSchema.safeParse(parsed);
      if (header.success) ({ input, date } = header.data);
      continue;
    }
    const { row, status, file } = entry.data;
    if ((status === 'written' || status === 'skipped') && file) done.set(row, file);
    else if (status === 'failed') done.delete(row);
  }
  return { done, input, date };
}

/**
 * Appends entries in small batches: one write per batch of lines, never a line split across
 * writes. A batch is written once it is full and whenever the caller flushes (bulk does after
 * each batch of letters and at the end), always after the letters it records exist; a kill
 * before that loses only the record of a few whole letters, which --resume finds and keeps.
 */
export class ManifestWriter {
  private readonly fd: number;
  private pending: string[] = [];

  constructor(
    outDir: string,
    header: Record<string, unknown>,
    private readonly batch = 64,
  ) {
    this.fd = openSync(manifestPath(outDir), 'a', 0o644);
    writeSync(this.fd, `${JSON.stringify({ run: new Date().toISOString(), ...header })}\n`);
  }

  record(entry: ManifestEntry): void {
    this.pending.push(`${JSON.stringify(entry)}\n`);
    if (this.pending.length >= this.batch) this.flush();
  }

  flush(): void {
    if (this.pending.length === 0) return;
    writeSync(this.fd, this.pending.join(''));
    this.pending = [];
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}
