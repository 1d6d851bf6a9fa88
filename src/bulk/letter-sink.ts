/**
 * Where a bulk run's letters go: files in the out-dir (written atomically, never over another
 * letter without --force), NDJSON records on stdout (--out -), or, for a dry run, the list of
 * files it would write. Each says how the row's letter went, in the same terms.
 */
import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import { pathInside } from '../io/safe-name.js';
import type { Letter } from '../render/letter.js';
import { sameLetterThere, writeLetterFile, type WrittenFile } from './letter-file.js';
import type { Settings } from './settings.js';

/** How a letter went: written, already there the same, failed (as a file would), or not read (stdout closed). */
export type Delivery = DistributiveOmit<WrittenFile, 'row'> | { status: 'gone' };
type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;

/** The run's checked stdout: false once the reader has gone. */
export type Print = (text: string, what: string) => boolean;

/** Delivers a row's letter under its file name; `where` names the row in messages ("row 4"). */
export type LetterSink = (row: number, name: string, letter: Letter, where: string) => Delivery;

export function letterSink(settings: Settings, options: { force?: boolean; resume?: boolean; json?: boolean }, print: Print): LetterSink {
  const { outDir } = settings;
  if (settings.writing) {
    const writeOptions = { force: Boolean(options.force), resume: Boolean(options.resume) };
    return (row, name, letter) => {
      const { row: _, ...file } = writeLetterFile({ row, path: pathInside(outDir, name), text: letter.text }, writeOptions);
      return file;
    };
  }
  /** A dry run's list of files, one "row<TAB>path" a line; --json has the counts instead. */
  const listFile = (row: number, path: string) => (options.json ? true : print(`${row}\t${path}\n`, 'the list of files'));
  const reached = (ok: boolean): Delivery => (ok ? { status: 'written' } : { status: 'gone' });
  if (settings.toStdout) {
    return (row, name, letter, where) => {
      if (settings.dryRun) return reached(listFile(row, name));
      const record = `${JSON.stringify({ row, file: name, letter: letter.text, meta: letter.meta })}\n`;
      return reached(print(record, `the letter of ${where}`));
    };
  }
  return (row, name, letter) => {
    const path = pathInside(outDir, name);
    if (!options.force && lstatSync(path, { throwIfNoEntry: false })) {
      return sameLetterThere(path, letter.text) ? { status: 'skipped' } : { status: 'failed', reason: 'exists' };
    }
    return reached(listFile(row, join(outDir, name)));
  };
}
