/**
 * One row's letter in a bulk run, in two steps. Rendering needs no knowledge of other rows, so
 * it can run on a worker thread (see worker.ts) as well as in the main one; what comes back is
 * the text to write and enough for the form-letter risk (a hash, and the body when the row is in
 * the sample). Writing is a step of its own, one file at a time: creating files does not get
 * faster in parallel, so a big run gives it one thread and renders the next letters meanwhile.
 */
import { readFileSync } from 'node:fs';
import { AppError } from '../errors.js';
import { FileExistsError, writeFileAtomic } from '../io/write-file.js';
import type { Pack } from '../pack/load.js';
import { renderMemoised } from '../render/render-memo.js';
import { hash53 } from '../render/hash.js';
import type { LetterRequest } from '../request.js';

export interface LetterJob {
  row: number;
  request: LetterRequest;
  /** Send the letter's body back: the row is in the form-letter risk's sample. */
  sample: boolean;
}

export type RenderedJob =
  | { row: number; ok: true; text: string; hash: number; body?: string; warnings: string[] }
  | { row: number; ok: false; message: string };

export function renderLetterJob(pack: Pack, job: LetterJob): RenderedJob {
  const { row } = job;
  try {
    const letter = renderMemoised(pack, job.request);
    return { row, ok: true, text: letter.text, hash: hash53(letter.text), body: job.sample ? letter.body : undefined, warnings: letter.meta.warnings };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { row, ok: false, message: error.message };
  }
}

/** A finished letter and the file it goes to. */
export interface LetterFile {
  row: number;
  path: string;
  text: string;
}

export interface WriteOptions {
  force: boolean;
  /** With --resume, a letter already there and the same is a row done before, not a clash. */
  resume: boolean;
}

export type WrittenFile = { row: number } & (
  | { status: 'written' | 'skipped' }
  | { status: 'failed'; reason: 'exists' }
  | { status: 'failed'; reason: 'io'; code: string }
);

export function writeLetterFile({ row, path, text }: LetterFile, options: WriteOptions): WrittenFile {
  try {
    writeFileAtomic(path, text, { force: options.force, fsync: false });
    return { row, status: 'written' };
  } catch (error) {
    if (error instanceof FileExistsError) {
      // Killed between writing a letter and recording it: the same letter is already there.
      if (options.resume && readFileSync(path, 'utf8') === text) return { row, status: 'skipped' };
      return { row, status: 'failed', reason: 'exists' };
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (!code) throw error;
    return { row, status: 'failed', reason: 'io', code };
  }
}
