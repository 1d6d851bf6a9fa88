/** Reads a text file, or stdin for "-", with an error that names the file and the option. */
import { closeSync, openSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { decodeUtf8, NotUtf8Error } from './encoding.js';
import { readLimited } from './read-limited.js';

/** A story is at most 4,000 characters; this leaves room for any script and some slack. */
export const MAX_TEXT_INPUT_BYTES = 64 * 1024;

export function readTextInput(path: string, option: string, max = MAX_TEXT_INPUT_BYTES): string {
  let bytes: Buffer | undefined;
  try {
    const fd = path === '-' ? 0 : openSync(path, 'r');
    try {
      bytes = readLimited(fd, max);
    } finally {
      if (fd !== 0) closeSync(fd);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'does not exist' : code === 'EISDIR' ? 'is a folder, not a file' : `could not be read (${code ?? 'error'})`;
    throw new UsageError(`${option} ${path}: the file ${why}.`);
  }
  const what = path === '-' ? 'stdin' : 'the file';
  if (!bytes) throw new UsageError(`${option} ${path}: ${what} holds more than ${max / 1024} KB; a story is a few sentences, at most 4,000 characters.`);
  try {
    return decodeUtf8(bytes).replace(/^\uFEFF/, '');
  } catch (error) {
    if (!(error instanceof NotUtf8Error)) throw error;
    throw new UsageError(
      `${option} ${path}: ${what} is not UTF-8 text: ${error.message}.`,
      'Save it again as UTF-8 text (most editors offer the encoding under Save As).',
    );
  }
}
