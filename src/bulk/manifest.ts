/**
 * The record of a bulk run, kept in the output folder as NDJSON: one line per row, appended in
 * whole lines once the row is done, so a run killed at any moment leaves a manifest that is true
 * up to its last whole line. `--resume` reads it back.
 */
import { closeSync, constants, createReadStream, writeSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import * as z from 'zod/mini';
import { errnoCode, FileError } from '../io/fs-errors.js';
import { NotAFileError, openRegularFile } from '../io/regular-file.js';
import { pathInside } from '../io/safe-name.js';

export const MANIFEST_NAME = '.belarus-letter-manifest.ndjson';

export const STATUSES = ['written', 'skipped', 'failed'] as const;
export const manifestEntrySchema = z.object({
  row: z.int().check(z.positive()),
  status: z.enum(STATUSES),
  file: z.nullable(z.string()),
  error: z.nullable(z.string()),
  /** The seed the letter was written with (bulk may draw a row again with another; see spread.ts). */
  seed: z.optional(z.string()),
});
export type ManifestEntry = z.infer<typeof manifestEntrySchema>;
const runHeaderSchema = z.object({ run: z.string(), input: z.string(), date: z.optional(z.string()) });

export function manifestPath(outDir: string): string {
  return join(outDir, MANIFEST_NAME);
}

export interface EarlierRuns {
  /** Rows an earlier run wrote (row -> file); a later failure of the same row cancels it. */
  done: Map<number, string>;
  /** The seed each of those letters was written with, where the manifest records it. */
  seeds: Map<number, string>;
  /** The input the last run read, as it named it. */
  input?: string;
  /** The date the last run put on its letters, as its header gives it (the caller checks it). */
  date?: string;
  /** Lines whose file is not a name inside the out-dir: ignored, for the caller to warn of. */
  outside: { line: number; file: string }[];
}

/** Something other than a file where the manifest belongs: a link, a folder, a FIFO. */
function notAManifest(path: string) {
  return (kind: string) =>
    new NotAFileError(
      path,
      kind,
      `${path} is ${kind} where bulk keeps its manifest (a file it writes itself); it was left untouched.`,
      'Move it away, or choose another --out-dir.',
    );
}

/**
 * Opens the manifest to read or append, never through a link (bulk would append to whatever it
 * points at) nor into a FIFO. undefined: there is none, when reading.
 */
function openManifest(path: string, flags: number): number | undefined {
  try {
    return openRegularFile(path, flags, notAManifest(path));
  } catch (error) {
    if (errnoCode(error) === 'ENOENT' && !(flags & constants.O_CREAT)) return undefined;
    if (errnoCode(error) && !(error instanceof NotAFileError)) throw new FileError(path, flags & constants.O_CREAT ? 'write' : 'read', error);
    throw error;
  }
}

export async function readDoneRows(outDir: string): Promise<EarlierRuns | undefined> {
  const path = manifestPath(outDir);
  const fd = openManifest(path, constants.O_RDONLY);
  if (fd === undefined) return undefined;
  const done = new Map<number, string>();
  const seeds = new Map<number, string>();
  const outside: EarlierRuns['outside'] = [];
  let input: string | undefined;
  let date: string | undefined;
  let number = 0;
  const lines = createInterface({ input: createReadStream(path, { fd, encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of lines) {
    number++;
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
    const { row, status, file, seed } = entry.data;
    // A letter is a file directly in the out-dir: any other path is not one this tool wrote.
    if (file !== null && !isInside(outDir, file)) {
      outside.push({ line: number, file });
      continue;
    }
    if ((status === 'written' || status === 'skipped') && file) {
      done.set(row, file);
      if (seed !== undefined) seeds.set(row, seed);
      else seeds.delete(row);
    } else if (status === 'failed') {
      done.delete(row);
      seeds.delete(row);
    }
  }
  return { done, seeds, input, date, outside };
}

function isInside(outDir: string, file: string): boolean {
  try {
    pathInside(outDir, file);
    return true;
  } catch {
    return false;
  }
}

/**
 * Appends entries in small batches: one write per batch of lines, never a line split across
 * writes. A batch is written once it is full and whenever the caller flushes (bulk does after
 * each batch of letters and at the end), always after the letters it records exist; a kill
 * before that loses only the record of a few whole letters, which --resume finds and keeps.
 */
export class ManifestWriter {
  private readonly fd: number;
  private readonly path: string;
  private pending: string[] = [];

  constructor(
    outDir: string,
    header: Record<string, unknown>,
    private readonly batch = 64,
  ) {
    this.path = manifestPath(outDir);
    this.fd = openManifest(this.path, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT) as number;
    try {
      this.write(`${JSON.stringify({ run: new Date().toISOString(), ...header })}\n`);
    } catch (error) {
      closeSync(this.fd);
      throw error;
    }
  }

  /** All of text, or a FileError naming the manifest (a full disk ends the run, not just this line). */
  private write(text: string): void {
    const bytes = Buffer.from(text, 'utf8');
    let done = 0;
    try {
      while (done < bytes.length) done += writeSync(this.fd, bytes, done);
    } catch (error) {
      throw new FileError(this.path, 'write', error);
    }
  }

  record(entry: ManifestEntry): void {
    this.pending.push(`${JSON.stringify(entry)}\n`);
    if (this.pending.length >= this.batch) this.flush();
  }

  flush(): void {
    if (this.pending.length === 0) return;
    const text = this.pending.join('');
    this.pending = [];
    this.write(text);
  }

  close(): void {
    try {
      this.flush();
    } finally {
      closeSync(this.fd);
    }
  }
}
