/**
 * Where a command's output goes: standard output, or with --out FILE that file, written whole
 * (a temporary file renamed into place) and never over an existing one without --force. Every
 * write to standard output goes through stdout.ts, so a closed pipe or a full disk is handled the
 * same everywhere.
 */
import { writeStdout } from './stdout.js';
import { writeFileAtomic } from './write-file.js';

export interface EmitTarget {
  /** A file to write; none, or "-", for standard output. */
  out?: string;
  force?: boolean;
}

/** Writes `data` where `target` says; returns the file written, or undefined for standard output. */
export function emit(data: string | Uint8Array, target: EmitTarget, what: string): string | undefined {
  if (!target.out || target.out === '-') {
    writeStdout(data, what);
    return undefined;
  }
  writeFileAtomic(target.out, data, { force: target.force, mkdir: true });
  return target.out;
}
