/**
 * Writing a bulk run's letter to its file: atomically, never over a file that is there (unless
 * --force), and what comes back is how the file went.
 */
import { NotAFileError, readSmallRegularFile } from '../io/regular-file.js';
import { FileExistsError, writeFileAtomic } from '../io/write-file.js';

/** A finished letter and the file it goes to. */
export interface LetterFile {
  row: number;
  path: string;
  text: string;
}

export interface WriteOptions {
  force: boolean;
  /** Whether this is a --resume run. A letter already there and the same is never a clash, resumed or not. */
  resume: boolean;
}

export type WrittenFile = { row: number } & (
  | { status: 'written' | 'skipped' }
  | { status: 'failed'; reason: 'exists' }
  | { status: 'failed'; reason: 'io'; code: string }
  /** A folder, link, device or FIFO at the letter's name: never replaced, never read. */
  | { status: 'failed'; reason: 'not-a-file'; kind: string }
);

/** No letter is this big: a bigger file at a letter's name is not read to compare (--resume). */
export const MAX_LETTER_BYTES = 1024 * 1024;

/** Whether a plain file of a letter's size at path holds exactly text; anything else is not the same letter. */
export function sameLetterThere(path: string, text: string): boolean {
  try {
    const earlier = readSmallRegularFile(path, MAX_LETTER_BYTES, (kind) => new NotAFileError(path, kind));
    return earlier !== undefined && sameText(earlier, text);
  } catch {
    return false;
  }
}

export function writeLetterFile({ row, path, text }: LetterFile, options: WriteOptions): WrittenFile {
  try {
    writeFileAtomic(path, text, { force: options.force, fsync: false });
    return { row, status: 'written' };
  } catch (error) {
    if (error instanceof NotAFileError) return { row, status: 'failed', reason: 'not-a-file', kind: error.kind };
    if (error instanceof FileExistsError) {
      // The same letter is already there (a run again, or one killed before it recorded the
      // letter): nothing to do, and nothing went wrong. Only a plain file of a letter's size is read.
      try {
        const earlier = readSmallRegularFile(path, MAX_LETTER_BYTES, (kind) => new NotAFileError(path, kind));
        if (earlier && sameText(earlier, text)) return { row, status: 'skipped' };
      } catch (readError) {
        if (readError instanceof NotAFileError) return { row, status: 'failed', reason: 'not-a-file', kind: readError.kind };
        const code = (readError as NodeJS.ErrnoException).code;
        if (!code) throw readError;
        return { row, status: 'failed', reason: 'io', code };
      }
      return { row, status: 'failed', reason: 'exists' };
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (!code) throw error;
    return { row, status: 'failed', reason: 'io', code };
  }
}

const sameText = (file: Buffer, text: string) => file.toString('utf8') === text;
