/**
 * Where a command's output goes: standard output, or with --out FILE that file, written whole
 * (a temporary file renamed into place) and never over an existing one without --force. Every
 * command's output leaves through here: a letter, a link, a PDF, a listing, its --json. Every
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
  return emitFile(target.out, data, target.force);
}

/** What a command prints for --json: one value, indented two spaces, a newline at the end. */
export const jsonText = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** A command's --json output, where `target` says. */
export function emitJson(value: unknown, target: EmitTarget, what: string): string | undefined {
  return emit(jsonText(value), target, what);
}

/**
 * A file the user named (standard output is never meant, even by "-"): its folder made if
 * missing, written whole, and never over an existing file without `force`. Returns the path.
 */
export function emitFile(path: string, data: string | Uint8Array, force?: boolean): string {
  writeFileAtomic(path, data, { force, mkdir: true });
  return path;
}
