/**
 * Writing a file so that no reader ever sees half of it and nothing is overwritten by accident:
 * the text goes to a temporary file beside the target, which is then linked into place (fails
 * if the target exists) or, with force, renamed over it. Both are atomic on one file system.
 * Force replaces only a regular file: never a folder, a link, a device or a FIFO. Whatever fails,
 * the temporary file goes, and a system error comes back as a FileError naming the target.
 */
import { closeSync, fsyncSync, linkSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, sep } from 'node:path';
import { AppError } from '../errors.js';
import { errnoCode, FileError, withFileError } from './fs-errors.js';
import { makeFolder } from './make-folder.js';
import { refuseUnlessRegularFile } from './regular-file.js';

export { NotAFileError } from './regular-file.js';

export class FileExistsError extends AppError {
  override readonly name: string = 'FileExistsError';
  constructor(readonly path: string) {
    super(`${path} already exists; it was left untouched.`, 1, 'Add --force to replace it, or choose another file name.');
  }
}

export interface WriteOptions {
  force?: boolean;
  /** Create missing parent folders. */
  mkdir?: boolean;
  /**
   * Flush to disk before the rename (default true). Bulk runs turn it off: a kill or crash of
   * the tool still leaves no half-written file, and one fsync per letter would cost more than
   * rendering it.
   */
  fsync?: boolean;
}

let tempCounter = 0;

/** Names of the temporary files writeFileAtomic makes: `.NAME.PID.COUNTER.tmp` (group 1: the pid). */
export const TEMP_FILE_PATTERN = /^\..+\.(\d+)\.[0-9a-z]+\.tmp$/;

/**
 * Unique per process (pid) and per call (counter); 'wx' below refuses a leftover of the same name.
 * Spliced by hand rather than with path.join: bulk makes one per letter.
 */
export function tempNameFor(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf(sep)) + 1;
  return `${path.slice(0, cut)}.${path.slice(cut)}.${process.pid}.${(tempCounter++).toString(36)}.tmp`;
}

export function writeFileAtomic(path: string, data: string | Uint8Array, options: WriteOptions = {}): void {
  if (options.mkdir) {
    const dir = dirname(path);
    withFileError(dir, 'create the folder', () => makeFolder(dir));
  }
  // Checked again before the rename; this first look spares a temporary file beside a device.
  if (options.force) refuseUnlessRegularFile(path);
  const tmp = tempNameFor(path);
  const fd = withFileError(path, 'write', () => openSync(tmp, 'wx', 0o644));
  try {
    try {
      if (typeof data === 'string') writeSync(fd, data);
      else writeSync(fd, data);
      if (options.fsync !== false) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (options.force) {
      // rename() replaces whatever entry has the name: a link, a FIFO, /dev/null. Only a letter may go.
      refuseUnlessRegularFile(path);
      renameSync(tmp, path);
      return;
    }
    try {
      linkSync(tmp, path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') {
        refuseUnlessRegularFile(path);
        throw new FileExistsError(path);
      }
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EXDEV') throw error;
      // File systems without hard links: a plain exclusive create, then the rename.
      closeSync(openSync(path, 'wx'));
      renameSync(tmp, path);
      return;
    }
    unlinkSync(tmp);
  } catch (error) {
    // Nothing half-written stays behind, whatever failed: a full disk, a refusal, a rename.
    try {
      unlinkSync(tmp);
    } catch {
      // Already renamed or never made.
    }
    if (errnoCode(error) && !(error instanceof AppError)) throw new FileError(path, 'write', error);
    throw error;
  }
}
