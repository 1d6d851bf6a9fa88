/**
 * One row's letter in a bulk run: rendered, then written to its file. Neither step needs to know
 * about other rows, so a big run can do each on a thread of its own (see letter-pipeline.ts).
 * What comes back is small: how the file went, and enough for the form-letter risk (a hash, and
 * the body when the row is in the sample).
 */
import { readFileSync } from 'node:fs';
import { AppError } from '../errors.js';
import { FileExistsError, writeFileAtomic } from '../io/write-file.js';
import type { Pack } from '../pack/load.js';
import { renderMemoised } from '../render/render-memo.js';
import type { Letter } from '../render/render.js';
import { hash53 } from '../render/hash.js';
import type { LetterRequest } from '../request.js';

/** A row's letter to render and write. */
export interface LetterJob {
  row: number;
  request: LetterRequest;
  /** Send the letter's body back: the row is in the form-letter risk's sample. */
  sample: boolean;
  /** The file to write it to, inside the out-dir. */
  path: string;
}

/** A rendered letter on its way to its file, or why it could not be rendered. */
export type RenderedLetter =
  | { row: number; ok: true; path: string; text: string; body?: string; warnings: string[] }
  | { row: number; ok: false; message: string };

export type LetterOutcome =
  | { row: number; ok: true; hash: number; body?: string; warnings: string[]; file: WrittenFile }
  | { row: number; ok: false; message: string };

export function renderLetter(pack: Pack, { row, request, path, sample }: LetterJob): RenderedLetter {
  let letter: Letter;
  try {
    letter = renderMemoised(pack, request);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { row, ok: false, message: error.message };
  }
  return { row, ok: true, path, text: letter.text, body: sample ? letter.body : undefined, warnings: letter.meta.warnings };
}

/** Writes each letter (a failed render passes through, keeping its place in row order). */
export function writeLetters(letters: readonly RenderedLetter[], options: WriteOptions): LetterOutcome[] {
  return letters.map((letter) => {
    if (!letter.ok) return letter;
    const { row, path, text, body, warnings } = letter;
    const file = writeLetterFile({ row, path, text }, options);
    return { row, ok: true, hash: hash53(text), body, warnings, file };
  });
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
