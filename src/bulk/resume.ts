/**
 * What an earlier run into the same folder left: with --resume, the rows its manifest shows as
 * written (and the temporary files a killed run left behind); without it, the batch's date, so
 * letters already written are the same letters again rather than clashes. And the command line
 * that carries on after a stop.
 */
import { existsSync, lstatSync, readdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { AppError, EXIT } from '../errors.js';
import { suggestCommand } from '../io/invocation.js';
import { TEMP_FILE_PATTERN } from '../io/write-file.js';
import { letterRequestSchema } from '../request.js';
import { note, warn } from '../ui.js';
import { manifestPath, readDoneRows, type EarlierRuns } from './manifest.js';
import type { BulkOptions, Settings } from './settings.js';

/** Temporary files left by a run that was killed mid-write (their process is gone). */
function removeStaleTempFiles(outDir: string): number {
  let removed = 0;
  for (const name of readdirSync(outDir)) {
    const m = name.match(TEMP_FILE_PATTERN);
    if (!m) continue;
    const pid = Number(m[1]);
    try {
      process.kill(pid, 0);
      if (pid !== process.pid) continue; // still running: not ours to touch
    } catch {
      // ESRCH: that process is gone.
    }
    try {
      unlinkSync(join(outDir, name));
      removed++;
    } catch {
      // Already gone.
    }
  }
  return removed;
}

/** The batch's date from the manifest's header, checked as --date is: a bad one is the manifest's fault, not the sheet's. */
function manifestDate(outDir: string, date: string): string {
  const checked = letterRequestSchema.shape.date.safeParse(date);
  if (checked.success) return checked.data;
  throw new AppError(
    `${manifestPath(outDir)} gives the batch's date as "${date}", which ${checked.error.issues[0]?.message ?? 'is not a date'}.`,
    EXIT.failed,
    "Give the letters' date with --date YYYY-MM-DD, or correct the date in the manifest's last header line.",
  );
}

/**
 * Reads the earlier run in settings.outDir: the rows done (row -> file, and their seeds) with --resume, and the
 * date its letters carry (set in settings.defaults when --date is not given).
 */
export async function readEarlierRun(settings: Settings, options: BulkOptions): Promise<Pick<EarlierRuns, 'done' | 'seeds'> | undefined> {
  const { outDir, writing, file } = settings;
  const input = file === '-' ? 'stdin' : file;
  if (options.resume) {
    const earlier = existsSync(outDir) ? await readDoneRows(outDir) : undefined;
    if (!earlier) {
      note(`No manifest in ${outDir} to resume from; starting with the first row.`);
      return undefined;
    }
    if (earlier.input !== undefined && earlier.input !== input) {
      warn(
        `the manifest in ${outDir} is from ${earlier.input}, not ${input}; rows are matched by number, so make sure they are the same senders in the same order.`,
      );
    }
    for (const { line, file: name } of earlier.outside.slice(0, 3)) {
      warn(`line ${line} of ${manifestPath(outDir)} names "${name}", which is not a file in ${outDir}; that line is ignored.`);
    }
    if (earlier.outside.length > 3) warn(`... and ${earlier.outside.length - 3} more such lines, also ignored.`);
    if (writing) removeStaleTempFiles(outDir);
    // The letters of one batch carry one date, and a letter written just before a stop is
    // then the same letter again, so it is kept rather than reported as in the way.
    if (options.date === undefined && earlier.date !== undefined) settings.defaults.date = manifestDate(outDir, earlier.date);
    return { done: earlier.done, seeds: earlier.seeds };
  }
  if (writing && options.date === undefined && existsSync(manifestPath(outDir))) {
    // The same sheet run again into its folder: its letters keep the batch's date, so those
    // already written are the same letters (counted as already there), not clashes.
    const earlier = await readDoneRows(outDir);
    if (earlier?.input === input && earlier.date && /^\d{4}-\d{2}-\d{2}$/.test(earlier.date) && earlier.date !== settings.defaults.date) {
      settings.defaults.date = earlier.date;
      note(`${outDir}/ holds letters from ${input} dated ${earlier.date}; this run dates its letters the same (give --date to change it).`);
    }
  }
  return undefined;
}

/** A letter an earlier run wrote that is still there (an empty file, after a power cut, is not; nor is a link). */
export function isWholeFile(path: string): boolean {
  try {
    const stat = lstatSync(path);
    return stat.isFile() && stat.size > 0;
  } catch {
    return false;
  }
}

/**
 * The command line to run again with --resume (or --force), from how this run was started and
 * the columns mapped on the terminal.
 */
export function resumeCommand(argv: readonly string[], extra: readonly string[] = [], flag: '--resume' | '--force' = '--resume'): string {
  const args = argv.slice(2).filter((a) => a !== '--resume' && a !== '--force');
  return suggestCommand([...args, ...extra, flag]);
}

/** How to carry on: the command, piped the same input again when it came on stdin. */
export function resumeHint(file: string, extra: readonly string[], flag: '--resume' | '--force' = '--resume'): string {
  const command = resumeCommand(process.argv, extra, flag);
  return file === '-' ? `(pipe the same input in again)\n  ... | ${command}` : command;
}
