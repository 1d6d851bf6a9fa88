/**
 * `belarus-letter bulk FILE`: one letter per row of a CSV, JSON or NDJSON list of senders,
 * streamed row by row. Each row becomes the same LetterRequest `draft` builds and goes through
 * the same render; each letter is written atomically under a safe, unique name; a manifest in
 * the output folder records every row so an interrupted or partly failed run can be resumed.
 *
 * The run's jobs, in order: options to settings (bulk/settings.ts), what an earlier run left
 * (bulk/resume.ts), the sheet and its columns (bulk/sheet.ts), the rows (bulk/run.ts, through
 * bulk/row-letter.ts and bulk/letter-sink.ts), and the summary (bulk/summary.ts).
 */
import { existsSync, statSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { columnsHelp, exampleCsv } from '../bulk/columns-help.js';
import { readEarlierRun } from '../bulk/resume.js';
import { BulkRun } from '../bulk/run.js';
import { settingsFrom, type BulkOptions } from '../bulk/settings.js';
import { openSheet } from '../bulk/sheet.js';
import { finish } from '../bulk/summary.js';
import { RowOfficials } from '../bulk/zip-officials.js';
import { commandName } from '../io/invocation.js';
import { emit } from '../io/emit.js';
import { noteAge } from './officials.js';
import { checkLanguageServes, languageOf, packFrom, templatesDir, type GlobalOptions } from './pack-options.js';
import { RowPacks } from '../bulk/row-packs.js';

export type { BulkOptions } from '../bulk/settings.js';

export async function runBulk(file: string | undefined, options: BulkOptions, globals: GlobalOptions): Promise<void> {
  if (options.columns) {
    emit(columnsHelp(), {}, 'the list of columns');
    return;
  }
  if (options.example) {
    emit(exampleCsv(), {}, 'the example sheet');
    return;
  }
  if (file === undefined) {
    throw new UsageError(
      `Give the file of senders: ${commandName()} bulk senders.csv (or - to read stdin).`,
      `Run \`${commandName()} bulk --example > senders.csv\` for a starter sheet, and \`bulk --columns\` for the columns it can have.`,
    );
  }
  // --language: the batch's pack; a row's language column may choose another built-in one.
  const language = await languageOf(options);
  const dir = await templatesDir(globals);
  const pack = await packFrom(dir, { language });
  await checkLanguageServes(pack, language, options.region, options.recipient);
  const { builtinLanguages } = await import('../pack/languages.js');
  const loadBuiltin = async (l: string) => (await import('../pack/builtin.js')).loadBuiltinPack({ language: l });
  const packs = new RowPacks(pack, dir ? pack.language : (language ?? pack.language), builtinLanguages(), dir ? undefined : loadBuiltin);
  const settings = settingsFrom(file, options, pack);
  if (!dir && pack.language !== builtinLanguages()[0]) {
    // A row in English (its language column) may name any region: read rows' regions and
    // officials with the English pack's ids too, not only the batch language's.
    const english = await loadBuiltin(builtinLanguages()[0] as string);
    const regions = new Map(settings.defaults.regions);
    for (const r of english.regions) regions.set(r.id, [...new Set([...(regions.get(r.id) ?? []), ...r.recipients.map((x) => x.id)])]);
    settings.defaults.regions = regions;
  }
  if (!settings.toStdout && existsSync(settings.outDir) && !statSync(settings.outDir).isDirectory()) {
    throw new UsageError(`--out-dir ${settings.outDir} is a file, not a folder.`);
  }
  const done = await readEarlierRun(settings, options);
  const sheet = await openSheet(settings, options);
  // US rows with a ZIP code get their official from the directory (see bulk/zip-officials.ts).
  const officials = new RowOfficials((source) => void noteAge(source));
  const run = new BulkRun(packs, settings, options, sheet, done, officials);
  await run.run();
  finish(run);
}
