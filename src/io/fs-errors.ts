/**
 * What the operating system says went wrong with a file, in words a user can act on. The
 * errno code stays in brackets after the words: it is what a search or a support forum knows.
 */
import { AppError } from '../errors.js';

const CAUSES: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the disk',
  EDQUOT: 'the disk quota is used up',
  EFBIG: 'the file would be too large',
  EIO: 'the device reported an input/output error',
  EISDIR: 'it is a folder',
  ENOTDIR: 'part of the path is a file, not a folder',
  ENOENT: 'no such file or folder',
  EEXIST: 'a file of that name is in the way',
  ELOOP: 'it is a symbolic link',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many files are open',
  ENFILE: 'too many files are open',
  EBADF: 'it is closed',
  ENXIO: 'no device or reader is there',
  EAGAIN: 'it is busy',
};

/** The errno code of a Node file-system error, if it is one. */
export function errnoCode(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? code : undefined;
}

/** "no space left on the disk (ENOSPC)"; an unknown code stands alone. */
export function describeCode(code: string): string {
  const words = CAUSES[code];
  return words ? `${words} (${code})` : code;
}

/** The cause of a file error in words, or its message when it has no errno code. */
export function describeCause(error: unknown): string {
  const code = errnoCode(error);
  return code ? describeCode(code) : String((error as Error)?.message ?? error);
}

/** A file or folder the tool could not read, write or create: exit 1, naming the path and the cause. */
export class FileError extends AppError {
  override readonly name: string = 'FileError';
  constructor(
    readonly path: string,
    readonly action: string,
    readonly original: unknown,
    hint?: string,
  ) {
    super(`Could not ${action} ${path}: ${describeCause(original)}.`, 1, hint);
  }

  get code(): string | undefined {
    return errnoCode(this.original);
  }
}

/** Runs fn; an errno error from it becomes a FileError naming path, anything else passes through. */
export function withFileError<T>(path: string, action: string, fn: () => T, hint?: string): T {
  try {
    return fn();
  } catch (error) {
    if (errnoCode(error) && !(error instanceof AppError)) throw new FileError(path, action, error, hint);
    throw error;
  }
}

/** What an lstat says is at a path, for messages: "a folder", "a symbolic link", "a FIFO (named pipe)". */
export function kindOf(stat: {
  isFile(): boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
  isFIFO(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
  isSocket(): boolean;
}): string {
  if (stat.isFile()) return 'a file';
  if (stat.isDirectory()) return 'a folder';
  if (stat.isSymbolicLink()) return 'a symbolic link';
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}
