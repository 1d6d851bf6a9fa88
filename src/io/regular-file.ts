/**
 * Only regular files. What sits at a name the tool writes or reads back (a letter, the bulk
 * manifest) may be a link to /dev/zero, a FIFO that never answers, a device or a folder; each
 * of those is refused by name rather than followed, opened, read without end or replaced.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync } from 'node:fs';
import { AppError } from '../errors.js';
import { kindOf } from './fs-errors.js';

// Absent on Windows, where there are no FIFOs to hang on and links are not followed by open.
const O_NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const O_NONBLOCK = constants.O_NONBLOCK ?? 0;

/** Something at a file's name that is not a regular file. The default words are for a write (with --force or not). */
export class NotAFileError extends AppError {
  override readonly name: string = 'NotAFileError';
  constructor(
    readonly path: string,
    readonly kind: string,
    message = `${path} is ${kind}, not a file; it was left untouched, as only files are ever replaced.`,
    hint = 'Choose another file name.',
  ) {
    super(message, 1, hint);
  }
}

/** What is at path, without following a link ("a file", "a folder", "a symbolic link"...); undefined if nothing. */
export function kindAt(path: string): string | undefined {
  try {
    return kindOf(lstatSync(path));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Throws NotAFileError unless path is absent or a regular file (a link counts as a link, not its target). */
export function refuseUnlessRegularFile(path: string): void {
  const kind = kindAt(path);
  if (kind !== undefined && kind !== 'a file') throw new NotAFileError(path, kind);
}

/**
 * Opens path only if it is a regular file: never through a link (O_NOFOLLOW), never waiting on
 * a FIFO (O_NONBLOCK). flags adds the access mode ('r' when 0). Anything else is a NotAFileError
 * built by refuse; errors of the system (ENOENT, EACCES) pass through.
 */
export function openRegularFile(path: string, flags: number, refuse: (kind: string) => NotAFileError, mode = 0o644): number {
  let fd: number;
  try {
    fd = openSync(path, flags | O_NOFOLLOW | O_NONBLOCK, mode);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // ELOOP: a link; ENXIO: a FIFO nobody reads; EISDIR: a folder opened to write.
    if (code === 'ELOOP' || code === 'ENXIO' || code === 'EISDIR') throw refuse(kindAt(path) ?? 'not a file');
    throw error;
  }
  const stat = fstatSync(fd);
  if (!stat.isFile()) {
    closeSync(fd);
    throw refuse(kindOf(stat));
  }
  return fd;
}

/**
 * The bytes of a regular file of at most maxBytes; undefined for a bigger one. Anything but a
 * regular file is a NotAFileError from refuse.
 */
export function readSmallRegularFile(path: string, maxBytes: number, refuse: (kind: string) => NotAFileError): Buffer | undefined {
  const fd = openRegularFile(path, constants.O_RDONLY, refuse);
  try {
    const size = fstatSync(fd).size;
    if (size > maxBytes) return undefined;
    const bytes = Buffer.alloc(size);
    let done = 0;
    while (done < size) {
      const n = readSync(fd, bytes, done, size - done, done);
      if (n === 0) return bytes.subarray(0, done); // shrank while read
      done += n;
    }
    return bytes;
  } finally {
    closeSync(fd);
  }
}
