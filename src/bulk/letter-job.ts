/**
 * One row's letter in a bulk run, rendered on its way to its file (letter-file.ts writes it).
 */
import { AppError } from '../errors.js';
import type { Pack } from '../pack/load.js';
import type { Letter } from '../render/letter.js';
import { render } from '../render/render.js';
import type { LetterRequest } from '../request.js';
import type { RenderedLetter } from './letter-file.js';

/** A row's letter to render and write. */
export interface LetterJob {
  row: number;
  request: LetterRequest;
  /** Send the letter's body back: the row is in the form-letter risk's sample. */
  sample: boolean;
  /** The file to write it to, inside the out-dir. */
  path: string;
}

function renderLetter(pack: Pack, { row, request, path, sample }: LetterJob): RenderedLetter {
  let letter: Letter;
  try {
    letter = render(pack, request);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { row, ok: false, message: error.message };
  }
  return { row, ok: true, path, text: letter.text, body: sample ? letter.body : undefined, warnings: letter.meta.warnings };
}

/** Renders each row's letter (one that cannot render becomes its reason, in its place). */
export const renderLetters = (pack: Pack, jobs: readonly LetterJob[]): RenderedLetter[] => jobs.map((job) => renderLetter(pack, job));
