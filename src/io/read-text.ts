/** Reads a text file, or stdin for "-", with an error that names the file and the option. */
import { readFileSync } from 'node:fs';
import { UsageError } from '../errors.js';

export function readTextInput(path: string, option: string): string {
  try {
    return readFileSync(path === '-' ? 0 : path, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'does not exist' : code === 'EISDIR' ? 'is a folder, not a file' : `could not be read (${code ?? 'error'})`;
    throw new UsageError(`${option} ${path}: the file ${why}.`);
  }
}
