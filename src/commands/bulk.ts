/**
 * `belarus-letter bulk FILE`: one letter per row of a CSV, JSON or NDJSON list of senders,
 * streamed row by row. Each row becomes the same LetterRequest `draft` builds and goes through
 * the same render; each letter is written atomically under a safe, unique name; a manifest in
 * the output folder records every row so an interrupted or partly failed run can be resumed.
 */
import { existsSync, lstatSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setImmediate } from 'node:timers/promises';
import { AppError, EXIT, listChoices, UsageError } from '../errors.js';
import { ColumnMapError, columnsHelp, isRowField, exampleCsv, normaliseHeader, parseColumnMaps, type ColumnMap } from '../bulk/columns.js';
import { setUpColumns } from '../bulk/column-setup.js';
import { mapArgs, parseMappingFile } from '../bulk/mapping-file.js';
import { peekRows } from '../bulk/peek.js';
import { counted, partOf } from '../bulk/summary-words.js';
import { DATE_ORDERS, parseDateOrder, type DateOrder } from '../bulk/values.js';
import { commandName, suggestCommand } from '../io/invocation.js';
import { readTextInput } from '../io/read-text.js';
import { FormLetterRisk, SAMPLE_PER_GROUP, SIMILAR_WARNING, type RiskReport } from '../bulk/form-letter-risk.js';
import { FORM_LETTER_TARGETS } from '../render/similarity.js';
import { ManifestWriter, manifestPath, readDoneRows, type ManifestEntry } from '../bulk/manifest.js';
import { Progress } from '../bulk/progress.js';
import { rowToRequest, type RowDefaults } from '../bulk/row-request.js';
import { readCsvRows } from '../io/csv-rows.js';
import { encodingChoices, encodingLabel } from '../io/encoding.js';
import { openInput, type InputSource } from '../io/input-source.js';
import { readJsonRows, readNdjsonRows } from '../io/json-rows.js';
import { INPUT_FORMATS, InputError, ROW_WORDS, type InputFormat, type InputRow } from '../io/rows.js';
import { baseName, checkNamePattern, DEFAULT_NAME_PATTERN, loadSlugLibrary, NamePatternError, NameRegistry, pathInside, slugReadyFor } from '../io/safe-name.js';
import { describeCode, withFileError } from '../io/fs-errors.js';
import { makeFolder } from '../io/make-folder.js';
import { writeStdout, writeStdoutUnlessClosed } from '../io/stdout.js';
import { canPrompt, today } from '../io/terminal.js';
import { TEMP_FILE_PATTERN } from '../io/write-file.js';
import { sameLetterThere, writeLetters, type LetterOutcome } from '../bulk/letter-file.js';
import { renderLetters } from '../bulk/letter-job.js';
import type { Pack } from '../pack/load.js';
import { findRecipient, findRegion, findStance, render, unknownId, type Letter } from '../render/render.js';
import { dateSchema, letterRequestSchema, type LetterFormat, type LetterRequest } from '../request.js';
import { info, note, paint, warn } from '../ui.js';
import { grouped } from '../numbers.js';
import { BULK_FIELD_OPTIONS, type OptionsOf } from '../options/table.js';
import { packFrom, templatesDir, type GlobalOptions } from './pack-options.js';
import { isZipHeader, RowOfficials } from '../bulk/zip-officials.js';
import { noteAge } from './officials.js';

/** bulk's options, as the options table defines them. */
export type BulkOptions = OptionsOf<'bulk'>;

export const DEFAULT_OUT_DIR = 'letters';
/** Bulk writes the formats a letter file is read in; eml and pdf are for one letter at a time (draft). */
const BULK_FORMATS = ['text', 'markdown', 'html'] as const;
type BulkFormat = (typeof BULK_FORMATS)[number];
const EXTENSIONS: Record<BulkFormat, string> = { text: '.txt', markdown: '.md', html: '.html' };
/** Rows between turns of the event loop (see the loop in runBulk). */
const TURN_EVERY = 64;
/** Row errors printed on stderr before the rest go only to the manifest. */
const MAX_PRINTED_ERRORS = 20;
/** Rows read before any letter is written, to check what the columns hold. */
const SAMPLE_ROWS = 50;

interface Settings {
  file: string;
  inputFormat?: InputFormat;
  /** The input's encoding as a TextDecoder label (--encoding); UTF-8 when not given. */
  encoding?: string;
  delimiter?: string;
  outDir: string;
  toStdout: boolean;
  pattern: string;
  defaults: RowDefaults;
  limit?: number;
  /** The user's headers read as columns (--map). */
  columnMaps: ColumnMap[];
}

function parseDelimiter(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value === '\\t' || value.toLowerCase() === 'tab') return '\t';
  if ([...value].length !== 1 || /[\r\n"]/.test(value)) {
    throw new UsageError(`--delimiter must be one character (or "tab"), not "${value}".`);
  }
  return value;
}

function settingsFrom(file: string, options: BulkOptions, pack: Pack): Settings {
  if (options.inputFormat !== undefined && !(INPUT_FORMATS as readonly string[]).includes(options.inputFormat)) {
    throw new UsageError(`Unknown input format "${options.inputFormat}" (--input-format). Choose ${listChoices([...INPUT_FORMATS])}.`);
  }
  if (options.format !== undefined && !(BULK_FORMATS as readonly string[]).includes(options.format)) {
    throw new UsageError(`bulk writes letters as ${listChoices([...BULK_FORMATS])}, not "${options.format}" (--format).`);
  }
  if (options.out !== undefined && options.out !== '-') {
    throw new UsageError('--out takes only "-" (NDJSON records on stdout); use --out-dir for a folder of letters.');
  }
  const toStdout = options.out === '-';
  const encoding = options.encoding === undefined ? undefined : encodingLabel(options.encoding);
  if (options.encoding !== undefined && !encoding) {
    throw new UsageError(`Unknown encoding "${options.encoding}" (--encoding). Choose ${encodingChoices()}.`);
  }
  if (toStdout && options.resume) throw new UsageError('--resume works with --out-dir, not with --out -.');
  if (toStdout && options.json) throw new UsageError('--json prints a summary on stdout, where --out - prints the letters; use one of them.');
  let limit: number | undefined;
  if (options.limit !== undefined) {
    limit = Number(options.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit must be a whole number of rows, 1 or more, not "${options.limit}".`);
  }
  const columnMaps = columnMapsFrom(options);
  let dateOrder: DateOrder | undefined;
  if (options.dateFormat !== undefined) {
    dateOrder = parseDateOrder(options.dateFormat);
    if (!dateOrder) throw new UsageError(`--date-format must be DD/MM/YYYY or MM/DD/YYYY (or ${listChoices([...DATE_ORDERS])}), not "${options.dateFormat}".`);
  }
  const pattern = options.namePattern ?? DEFAULT_NAME_PATTERN;
  try {
    checkNamePattern(pattern);
  } catch (error) {
    if (error instanceof NamePatternError) throw new UsageError(`--name-pattern "${pattern}": ${error.message}.`);
    throw error;
  }
  if (options.date !== undefined) {
    const issue = dateSchema.safeParse(options.date).error?.issues[0];
    if (issue) throw new UsageError(`--date "${options.date}": ${issue.message}.`);
  }
  if (options.outDir !== undefined && options.outDir.trim() === '') {
    throw new UsageError('--out-dir needs the name of a folder, not an empty one.', `Leave it out to write into ./${DEFAULT_OUT_DIR}, or give --out-dir . for this folder.`);
  }
  // Defaults from flags are checked once here, not reported again on every row.
  const region = options.region?.trim().toLowerCase();
  if (region) {
    const r = findRegion(pack, region);
    if (options.recipient) findRecipient(r, options.recipient.trim().toLowerCase());
  }
  if (options.stance) findStance(pack, options.stance.trim().toLowerCase());

  const values: RowDefaults['values'] = {};
  for (const [field, key] of BULK_FIELD_OPTIONS) {
    const value = options[key as keyof BulkOptions];
    if (isRowField(field) && (typeof value === 'string' || Array.isArray(value))) values[field] = value;
  }
  return {
    file,
    inputFormat: options.inputFormat as InputFormat | undefined,
    encoding,
    delimiter: parseDelimiter(options.delimiter),
    outDir: options.outDir ?? DEFAULT_OUT_DIR,
    toStdout,
    pattern,
    limit,
    columnMaps,
    defaults: {
      values,
      format: (options.format as LetterFormat | undefined) ?? 'text',
      sources: options.sources !== false,
      date: options.date ?? today(),
      regions: new Map(pack.regions.map((r) => [r.id, r.recipients.map((x) => x.id)])),
      dateOrder,
    },
  };
}

/** --mapping FILE's maps, and --map's over them for a header both name. */
function columnMapsFrom(options: BulkOptions): ColumnMap[] {
  const columnsHint = `Run \`${commandName()} bulk --columns\` for the columns it reads.`;
  let fromFile: ColumnMap[] = [];
  if (options.mapping !== undefined) {
    try {
      fromFile = parseMappingFile(readTextInput(options.mapping, '--mapping'));
    } catch (error) {
      if (error instanceof ColumnMapError) throw new UsageError(`--mapping ${options.mapping}: ${error.message}.`, columnsHint);
      throw error;
    }
  }
  let fromFlags: ColumnMap[];
  try {
    fromFlags = parseColumnMaps(options.map ?? []);
  } catch (error) {
    if (error instanceof ColumnMapError) throw new UsageError(`${error.message}.`, columnsHint);
    throw error;
  }
  // A --map for a header the file maps too wins: the command line says what this run wants.
  const flagged = new Set(fromFlags.map((m) => normaliseHeader(m.header)));
  return [...fromFile.filter((m) => !flagged.has(normaliseHeader(m.header))), ...fromFlags];
}

/** Region, official and stance named in a row, checked with messages that name the column. */
function idProblem(pack: Pack, request: LetterRequest, nameOf: (field: string) => string): string | undefined {
  const problem = unknownId(pack, request);
  if (!problem) return undefined;
  const choose = `choose ${listChoices(problem.choices)}`;
  if (problem.field === 'recipient') return `${nameOf('recipient')}: ${problem.region} has no official "${problem.value}"; ${choose}`;
  return `${nameOf(problem.field)}: unknown ${problem.field} "${problem.value}"; ${choose}`;
}

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
    'Give the letters\' date with --date YYYY-MM-DD, or correct the date in the manifest\'s last header line.',
  );
}

/** A letter an earlier run wrote that is still there (an empty file, after a power cut, is not; nor is a link). */
function isWholeFile(path: string): boolean {
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
function resumeHint(file: string, extra: readonly string[], flag: '--resume' | '--force' = '--resume'): string {
  const command = resumeCommand(process.argv, extra, flag);
  return file === '-' ? `(pipe the same input in again)\n  ... | ${command}` : command;
}

function readRows(source: InputSource, settings: Settings, onHeader: (headers: string[]) => void): AsyncIterable<InputRow> {
  if (source.format === 'csv') return readCsvRows(source.chunks, { name: source.name, delimiter: settings.delimiter, head: source.head, onHeader });
  if (source.format === 'json') return readJsonRows(source.chunks, source.name);
  return readNdjsonRows(source.chunks);
}

function formatSeconds(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}

function riskLines(risk: RiskReport): string[] {
  const out: string[] = [];
  const similarity =
    risk.meanSimilarity === undefined
      ? 'too few letters of one region and stance to compare'
      : `mean similarity ${risk.meanSimilarity.toFixed(2)} between letters of the same region and stance (word trigrams, stories left out; ${grouped(risk.pairsCompared)} pair${risk.pairsCompared === 1 ? '' : 's'} from up to ${SAMPLE_PER_GROUP} sampled letters per group)`;
  out.push(`Form-letter risk: ${risk.identicalPairs} identical letter pair${risk.identicalPairs === 1 ? '' : 's'}; ${similarity}.`);
  if (risk.sharedSentences !== undefined && risk.shingleSimilarity !== undefined && risk.maxSharedSentences !== undefined) {
    const pct = (x: number) => `${Math.round(x * 100)}%`;
    out.push(
      `As an office sorts mail: on average ${pct(risk.sharedSentences)} of a letter's sentences appear word for word in another (at most ${pct(risk.maxSharedSentences)} for a pair); 8-word runs in common ${risk.shingleSimilarity.toFixed(2)}. Offices count near-identical letters as one; aim for at most ${pct(FORM_LETTER_TARGETS.meanSharedSentences)}, ${pct(FORM_LETTER_TARGETS.maxSharedSentences)} and ${FORM_LETTER_TARGETS.meanShingleJaccard.toFixed(2)}.`,
    );
  }
  return out;
}

export async function runBulk(file: string | undefined, options: BulkOptions, globals: GlobalOptions): Promise<void> {
  if (options.columns) {
    writeStdout(columnsHelp(), 'the list of columns');
    return;
  }
  if (options.example) {
    writeStdout(exampleCsv(), 'the example sheet');
    return;
  }
  if (file === undefined) {
    throw new UsageError(
      `Give the file of senders: ${commandName()} bulk senders.csv (or - to read stdin).`,
      `Run \`${commandName()} bulk --example > senders.csv\` for a starter sheet, and \`bulk --columns\` for the columns it can have.`,
    );
  }
  const packDir = await templatesDir(globals);
  const pack = await packFrom(packDir);
  const settings = settingsFrom(file, options, pack);
  const { outDir, toStdout, defaults } = settings;
  const dryRun = Boolean(options.dryRun);
  const writing = !dryRun && !toStdout;

  if (!toStdout && existsSync(outDir) && !statSync(outDir).isDirectory()) {
    throw new UsageError(`--out-dir ${outDir} is a file, not a folder.`);
  }
  let done: Map<number, string> | undefined;
  if (options.resume) {
    const earlier = existsSync(outDir) ? await readDoneRows(outDir) : undefined;
    done = earlier?.done;
    if (!earlier) note(`No manifest in ${outDir} to resume from; starting with the first row.`);
    else {
      const input = file === '-' ? 'stdin' : file;
      if (earlier.input !== undefined && earlier.input !== input) {
        warn(`the manifest in ${outDir} is from ${earlier.input}, not ${input}; rows are matched by number, so make sure they are the same senders in the same order.`);
      }
      for (const { line, file: name } of earlier.outside.slice(0, 3)) {
        warn(`line ${line} of ${manifestPath(outDir)} names "${name}", which is not a file in ${outDir}; that line is ignored.`);
      }
      if (earlier.outside.length > 3) warn(`... and ${earlier.outside.length - 3} more such lines, also ignored.`);
      if (writing) removeStaleTempFiles(outDir);
      // The letters of one batch carry one date, and a letter written just before a stop is
      // then the same letter again, so it is kept rather than reported as in the way.
      if (options.date === undefined && earlier.date !== undefined) settings.defaults.date = manifestDate(outDir, earlier.date);
    }
  } else if (writing && options.date === undefined && existsSync(manifestPath(outDir))) {
    // The same sheet run again into its folder: its letters keep the batch's date, so those
    // already written are the same letters (counted as already there), not clashes.
    const earlier = await readDoneRows(outDir);
    const input = file === '-' ? 'stdin' : file;
    if (earlier?.input === input && earlier.date && /^\d{4}-\d{2}-\d{2}$/.test(earlier.date) && earlier.date !== defaults.date) {
      settings.defaults.date = earlier.date;
      note(`${outDir}/ holds letters from ${input} dated ${earlier.date}; this run dates its letters the same (give --date to change it).`);
    }
  }

  let source: InputSource;
  try {
    source = await openInput(settings.file, { format: settings.inputFormat, encoding: settings.encoding });
  } catch (error) {
    if (error instanceof InputError) throw new UsageError(error.message, error.hint ?? `Run \`${commandName()} bulk --example\` to see a sheet it accepts.`);
    throw error;
  }
  const words = ROW_WORDS[source.format];
  // The header and the first rows, read before anything is written: the columns are checked
  // (and, on a terminal, mapped) against what they hold.
  let csvHeader: string[] | undefined;
  let peeked;
  try {
    peeked = await peekRows(readRows(source, settings, (headers) => (csvHeader = headers)), SAMPLE_ROWS);
  } catch (error) {
    await source.close();
    if (error instanceof InputError) throw new UsageError(error.message);
    throw error;
  }
  const headers = csvHeader ?? [...new Set(peeked.head.flatMap((row) => row.entries.map(([key]) => key)))];
  const columns = await setUpColumns({
    name: source.name,
    words,
    headers,
    sample: peeked.head,
    maps: settings.columnMaps,
    defaults,
    headerIsComplete: csvHeader !== undefined,
    prompts: canPrompt() && !options.json ? async () => (await import('../wizard/inquirer.js')).inquirerPrompts() : undefined,
  }).catch(async (error: unknown) => {
    await source.close();
    throw error;
  });
  const { mapper, warnUnknown } = columns;
  /** Maps made on the terminal, for the commands suggested at the end. */
  const addedArgs = mapArgs(columns.added);
  // US rows with a ZIP code get their official from the directory (see bulk/zip-officials.ts).
  const rowOfficials = new RowOfficials((source) => void noteAge(source));

  if (writing) withFileError(outDir, 'create the folder', () => makeFolder(outDir));
  const manifest = writing ? new ManifestWriter(outDir, { input: source.name, date: defaults.date }) : undefined;
  const registry = new NameRegistry();
  const risk = new FormLetterRisk();
  const progress = new Progress(process.stderr);
  const extension = EXTENSIONS[defaults.format as BulkFormat];
  const counts = { done: 0, failed: 0, skipped: 0, same: 0, differ: 0, bytes: 0, size: source.size };
  const warnings = new Map<string, { count: number; row: number }>();
  let seenRows = 0;
  let printedErrors = 0;
  let stopped: 'interrupt' | 'pipe' | undefined;
  const onSigint = () => {
    stopped = 'interrupt';
  };
  process.on('SIGINT', onSigint);
  // Checked writes (see io/stdout.ts): a reader that has gone stops the run with its summary;
  // any other failure to write is an error, never "Printed N letters".
  const print = (text: string, what: string) => {
    if (stopped !== 'pipe' && !writeStdoutUnlessClosed(text, what)) stopped = 'pipe';
  };
  const started = Date.now();

  const record = (entry: ManifestEntry) => manifest?.record(entry);
  const fail = (row: number, error: string, file: string | null = null) => {
    counts.failed++;
    record({ row, status: 'failed', file, error });
    if (printedErrors < MAX_PRINTED_ERRORS) process.stderr.write(`${progress.enabled ? '\r\u001b[K' : ''}${paint.red('error:')} ${error}\n`);
    printedErrors++;
  };

  const failRender = (row: number, message: string) => fail(row, `${words.row} ${row}: ${message.replace(/\.$/, '')}`);
  const failExisting = (row: number, name: string) => {
    counts.differ++;
    fail(
      row,
      options.resume
        ? `${words.row} ${row}: ${join(outDir, name)} already exists and is not this ${words.row}'s letter; add --force to replace it, or move it away`
        : `${words.row} ${row}: ${join(outDir, name)} already exists with a different letter; add --force to replace it, or --resume to skip rows already written`,
      name,
    );
  };

  const tally = (texts: string[], row: number) => {
    for (const w of texts) {
      const seen = warnings.get(w);
      if (seen) seen.count++;
      else if (warnings.size < 50) warnings.set(w, { count: 1, row });
    }
  };

  // A letter to write is rendered and written before the next row is read (so --fail-fast stops
  // at once); `finished` keeps the manifest, the counts and the form-letter risk.
  interface Queued {
    name: string;
    group: string;
    slot: number;
    story: string | undefined;
  }
  const queued = new Map<number, Queued>();
  let halted = false;
  const writeOptions = { force: Boolean(options.force), resume: Boolean(options.resume) };
  const drop = (row: number, job: Queued) => {
    queued.delete(row);
    risk.uncount(job.story);
  };
  const finished = (outcome: LetterOutcome) => {
    const { row } = outcome;
    const job = queued.get(row);
    if (!job) return;
    // Rows after a stop are not recorded, so --resume does them (a file already there with the
    // same letter counts as done).
    if (halted) return drop(row, job);
    if (!outcome.ok) {
      drop(row, job);
      failRender(row, outcome.message);
      if (options.failFast) halted = true;
      return;
    }
    const { file } = outcome;
    if (file.status === 'failed') {
      drop(row, job);
      if (file.reason === 'exists') failExisting(row, job.name);
      else if (file.reason === 'not-a-file') {
        fail(row, `${words.row} ${row}: ${join(outDir, job.name)} is ${file.kind}, not a letter file; it was left untouched (remove it, or choose another --out-dir)`, job.name);
      } else {
        fail(row, `${words.row} ${row}: ${join(outDir, job.name)} could not be written: ${describeCode(file.code)}`, job.name);
        // No room, or no right to write: every row after this one would fail the same way.
        if (file.code === 'ENOSPC' || file.code === 'EROFS' || file.code === 'EACCES') halted = true;
      }
      if (options.failFast) halted = true;
      return;
    }
    queued.delete(row);
    tally(outcome.warnings, row);
    risk.record(row, outcome.hash, job.slot, job.group, outcome.body, job.story);
    if (file.status === 'skipped') counts.same++;
    else counts.done++;
    record({ row, status: file.status, file: job.name, error: null });
  };

  try {
    for await (const row of peeked.rows) {
      // Rows read ahead come in promises that never leave this turn of the event loop; a turn
      // now and then lets Ctrl-C, a closed stdout and the progress bar's timer through.
      if (seenRows % TURN_EVERY === 0) await setImmediate();
      if (stopped || halted) break;
      if (settings.limit !== undefined && seenRows >= settings.limit) break;
      seenRows++;
      counts.bytes = source.bytesRead();
      progress.update(counts);
      if (source.format !== 'csv') warnUnknown();
      const where = `${words.row} ${row.row}`;

      const earlier = done?.get(row.row);
      if (earlier !== undefined && isWholeFile(join(outDir, earlier))) {
        registry.reserve(earlier);
        counts.skipped++;
        record({ row: row.row, status: 'skipped', file: earlier, error: null });
        continue;
      }

      const parsed = rowToRequest(row, mapper, defaults, words);
      if (!parsed.ok) {
        fail(row.row, parsed.error);
        if (options.failFast) break;
        continue;
      }
      let request = parsed.request;
      tally(parsed.notes, row.row);
      const nameOf = (field: string) => {
        const header = mapper.headerOf.get(field as never);
        return header !== undefined ? `${words.column} ${header}` : `option --${field}`;
      };
      const bad = idProblem(pack, request, nameOf);
      if (bad) {
        fail(row.row, `${where}, ${bad}`);
        if (options.failFast) break;
        continue;
      }
      const byZip = rowOfficials.fill(row, request, where, words.column);
      if (!byZip.ok) {
        fail(row.row, byZip.error);
        if (options.failFast) break;
        continue;
      }
      request = byZip.request;

      const nameValues = {
        row: row.row,
        name: request.name,
        city: request.city,
        region: request.region,
        recipient: request.recipient,
        official: request.recipientName ?? request.recipient,
        recipient_name: request.recipientName,
        stance: request.stance,
      };
      if (!slugReadyFor(settings.pattern, nameValues)) await loadSlugLibrary();
      const name = registry.claim(baseName(settings.pattern, nameValues), extension);
      const group = `${request.region}|${request.stance}`;

      if (writing) {
        const slot = risk.count(group, request.story);
        queued.set(row.row, { name, group, slot, story: request.story });
        for (const outcome of writeLetters(renderLetters(pack, [{ row: row.row, request, sample: slot >= 0, path: pathInside(outDir, name) }]), writeOptions)) {
          finished(outcome);
        }
        continue;
      }

      let letter: Letter;
      try {
        letter = render(pack, request);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        failRender(row.row, error.message);
        if (options.failFast) break;
        continue;
      }
      tally(letter.meta.warnings, row.row);
      risk.add(row.row, group, letter.text, letter.body, request.story);
      if (toStdout) {
        const line = `${JSON.stringify({ row: row.row, file: name, letter: letter.text, meta: letter.meta })}\n`;
        if (!dryRun) print(line, `the letter of ${where}`);
        if (dryRun) listFile(row.row, name);
        if (stopped === 'pipe') break; // that one did not reach the reader
        counts.done++;
        continue;
      }
      const path = pathInside(outDir, name);
      if (!options.force && lstatSync(path, { throwIfNoEntry: false })) {
        if (sameLetterThere(path, letter.text)) {
          counts.same++;
          continue;
        }
        failExisting(row.row, name);
        if (options.failFast) break;
        continue;
      }
      listFile(row.row, join(outDir, name));
      if (stopped === 'pipe') break;
      counts.done++;
    }
  } catch (error) {
    progress.stop();
    if (error instanceof InputError) {
      if (error.atStart) throw new UsageError(error.message, error.hint);
      printSummary();
      const resume = writing ? `The letters before it were written; fix the file and run again with --resume:\n  ${resumeHint(file, addedArgs)}` : undefined;
      throw new AppError(error.message, EXIT.failed, [error.hint, resume].filter(Boolean).join('\n') || undefined);
    }
    throw error;
  } finally {
    process.off('SIGINT', onSigint);
    try {
      manifest?.close();
    } finally {
      await source.close();
    }
  }
  progress.stop();

  if (seenRows === 0 && !stopped) {
    throw new UsageError(`${source.name} has a header but no rows of senders.`, `Add one row per sender under the header (see \`${commandName()} bulk --example\`).`);
  }
  // A CSV's header is checked against --map before any row; JSON records can differ in their keys.
  for (const map of source.format === 'csv' ? [] : mapper.unusedMaps()) warn(`--map "${map.header}=${map.spec?.column ?? ''}" met no ${words.column} "${map.header}" in ${source.name}.`);
  printSummary();

  if (stopped === 'pipe') note('stdout was closed by the program reading it; stopped there.');
  if (stopped === 'interrupt') {
    throw new AppError(
      `Stopped after ${counted(counts.done + counts.failed + counts.skipped + counts.same, 'row')}.`,
      EXIT.interrupted,
      writing ? `Every letter written is whole. To carry on:\n  ${resumeHint(file, addedArgs)}` : undefined,
    );
  }
  if (counts.failed > 0) {
    throw new AppError(
      `${partOf(counts.failed, seenRows, 'row', ['failed', 'failed'])}${options.failFast ? '; stopped at the first (--fail-fast)' : ''}.`,
      EXIT.failed,
      counts.differ === counts.failed && !options.resume
        ? `${counts.differ === 1 ? 'That letter is' : 'Those letters are'} already in ${outDir}/ but ${counts.differ === 1 ? 'differs' : 'differ'} from what this run writes (the sheet, the options or the date changed?). To replace ${counts.differ === 1 ? 'it' : 'them'}:\n  ${resumeHint(file, addedArgs, '--force')}\nTo keep ${counts.differ === 1 ? 'it' : 'them'} and write only the rest:\n  ${resumeHint(file, addedArgs)}`
        : writing
          ? `Each is listed above and in ${manifestPath(outDir)}. Fix them in the file and run again; the rows already written are skipped:\n  ${resumeHint(file, addedArgs)}`
          : 'Each is listed above; fix them in the file and run again.',
    );
  }

  /** A dry run's list of files, one "row<TAB>path" a line; --json has the counts instead. */
  function listFile(row: number, path: string): void {
    if (!options.json) print(`${row}\t${path}\n`, 'the list of files');
  }

  /** --json: what the summary on stderr says, for a script. */
  function jsonSummary(report: RiskReport, elapsed: number) {
    return {
      input: source.name,
      outDir: toStdout ? null : outDir,
      dryRun,
      letters: counts.done,
      skipped: counts.skipped,
      alreadyThere: counts.same,
      failed: counts.failed,
      seconds: elapsed / 1000,
      stopped: stopped ?? null,
      manifest: manifest ? manifestPath(outDir) : null,
      formLetterRisk: {
        identicalPairs: report.identicalPairs,
        identicalExamples: report.identicalExamples,
        meanSimilarity: report.meanSimilarity ?? null,
        sharedSentences: report.sharedSentences ?? null,
        maxSharedSentences: report.maxSharedSentences ?? null,
        shingleSimilarity: report.shingleSimilarity ?? null,
        pairsCompared: report.pairsCompared,
        withoutStory: report.withoutStory,
      },
      warnings: [...warnings].map(([message, { count, row }]) => ({ message, letters: count, firstRow: row })),
    };
  }

  function printSummary(): void {
    const elapsed = Date.now() - started;
    for (const [text, { count, row }] of warnings) {
      note(count === 1 ? `${words.row} ${row}: ${text}` : `${text} (${counted(count, 'letter')})`);
    }
    if (printedErrors > MAX_PRINTED_ERRORS) info(`... and ${counted(printedErrors - MAX_PRINTED_ERRORS, 'more failed row')}${manifest ? `, listed in ${manifestPath(outDir)}` : ''}.`);
    const verb = dryRun ? 'Would write' : toStdout ? 'Printed' : 'Wrote';
    const where = toStdout ? '' : ` ${dryRun ? 'to' : 'in'} ${resolve(outDir) === resolve('.') ? 'this folder' : `${outDir}/`}`;
    info(
      `${verb} ${counted(counts.done, 'letter')}${where}: ${counts.same > 0 ? `${grouped(counts.same)} already there as this run would write ${counts.same === 1 ? 'it' : 'them'}, ` : ''}${grouped(counts.skipped)} skipped, ${grouped(counts.failed)} failed, in ${formatSeconds(elapsed)}.`,
    );
    const report = risk.report();
    if (options.json) print(`${JSON.stringify(jsonSummary(report, elapsed))}\n`, 'the JSON summary');
    if (report.letters === 0) return;
    for (const line of riskLines(report)) info(line);
    if (report.identicalPairs > 0) {
      const examples = report.identicalExamples.map(([a, b]) => `${words.row}s ${a} and ${b}`).join(', ');
      warn(`some letters are identical (${examples}); is a sender listed twice? Give each a different seed column, or remove the repeats.`);
    }
    if (report.meanSimilarity !== undefined && report.meanSimilarity > SIMILAR_WARNING) {
      warn('letters of the same region and stance read much alike; officials may count them as one form letter. Personal stories help most.');
    }
    if (report.withoutStory * 2 > report.letters) {
      warn(
        `${partOf(report.withoutStory, report.letters, 'letter')} no personal story; a few sentences in the sender's own words (a story column) make a letter count.`,
      );
    }
  }
}
