/**
 * Writing a bulk run's letters to their files, on the writer thread of a big run (see
 * letter-pipeline.ts): each letter atomically, never over a file that is there (unless --force),
 * and what comes back is small: how the file went, a hash of the letter, and its body when the
 * form-letter risk samples it. Nothing here renders, so the writer thread loads none of the engine.
 */
import { NotAFileError, readSmallRegularFile } from '../io/regular-file.js';
import { FileExistsError, writeFileAtomic } from '../io/write-file.js';
import { hash53, hash53Bytes } from '../render/hash.js';

/**
 * A rendered letter on its way to its file, or why it could not be rendered. Its text is a
 * string, or its UTF-8 bytes once packed for another thread (see packTexts).
 */
export type RenderedLetter =
  | { row: number; ok: true; path: string; text: string | Uint8Array; body?: string; warnings: string[] }
  | { row: number; ok: false; message: string };

/**
 * The letters' texts as UTF-8 in one buffer, each letter's text a view of its part: a batch
 * then goes to the writer with its buffer moved, not copied, and is written as the bytes it is
 * (a thread's message copies every string, and writing a string encodes it).
 */
export function packTexts(letters: RenderedLetter[]): ArrayBuffer[] {
  let size = 0;
  for (const letter of letters) if (letter.ok && typeof letter.text === 'string') size += Buffer.byteLength(letter.text);
  if (size === 0) return [];
  const bytes = Buffer.allocUnsafeSlow(size);
  let at = 0;
  for (const letter of letters) {
    if (!letter.ok || typeof letter.text !== 'string') continue;
    const length = bytes.write(letter.text, at);
    letter.text = new Uint8Array(bytes.buffer, at, length);
    at += length;
  }
  return [bytes.buffer];
}

export type LetterOutcome =
  | { row: number; ok: true; hash: number; body?: string; warnings: string[]; file: WrittenFile }
  | { row: number; ok: false; message: string };

/** Writes each letter (a failed render passes through, keeping its place in row order). */
export function writeLetters(letters: readonly RenderedLetter[], options: WriteOptions): LetterOutcome[] {
  return letters.map((letter) => {
    if (!letter.ok) return letter;
    const { row, path, text, body, warnings } = letter;
    const file = writeLetterFile({ row, path, text }, options);
    return { row, ok: true, hash: typeof text === 'string' ? hash53(text) : hash53Bytes(text), body, warnings, file };
  });
}

/** A finished letter and the file it goes to. */
export interface LetterFile {
  row: number;
  path: string;
  text: string | Uint8Array;
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

export const sameText = (file: Buffer, text: string | Uint8Array) => (typeof text === 'string' ? file.toString('utf8') === text : file.equals(text));
