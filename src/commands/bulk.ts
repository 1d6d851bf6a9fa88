/**
 * `belarus-letter bulk FILE`: one letter per row of a CSV, JSON or NDJSON list of senders,
 * streamed row by row. Each row becomes the same LetterRequest `draft` builds and goes through
 * the same render; each letter is written atomically under a safe, unique name; a manifest in
 * the output folder records every row so an interrupted or partly failed run can be resumed.
 */
import { existsSync, mkdirSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setImmediate } from 'node:timers/promises';
import { AppError, EXIT, listChoices, UsageError } from '../errors.js';
import { ColumnMapError, columnsHelp, exampleCsv, parseColumnMaps, type ColumnMap } from '../bulk/columns.js';
import { FormLetterRisk, SAMPLE_PER_GROUP, SIMILAR_WARNING, type RiskReport } from '../bulk/form-letter-risk.js';
import { FORM_LETTER_TARGETS } from '../render/similarity.js';
import { ManifestWriter, manifestPath, readDoneRows, type ManifestEntry } from '../bulk/manifest.js';
import { Progress } from '../bulk/progress.js';
import { ColumnMapper, likelyHeaders, missingColumns, rowToRequest, type RowDefaults } from '../bulk/row-request.js';
import { readCsvRows } from '../io/csv-rows.js';
import { openInput, type InputSource } from '../io/input-source.js';
import { readJsonRows, readNdjsonRows } from '../io/json-rows.js';
import { INPUT_FORMATS, InputError, ROW_WORDS, type InputFormat, type InputRow } from '../io/rows.js';
import { baseName, checkNamePattern, DEFAULT_NAME_PATTERN, loadSlugLibrary, NamePatternError, NameRegistry, pathInside, slugReadyFor } from '../io/safe-name.js';
import { today } from '../io/terminal.js';
import { TEMP_FILE_PATTERN } from '../io/write-file.js';
import type { LetterOutcome } from '../bulk/letter-file.js';
import { defaultThreads, letterPipeline } from '../bulk/letter-pipeline.js';
import type { Pack } from '../pack/load.js';
import { findRecipient, findRegion, findStance, unknownId, type Letter } from '../render/render.js';
import { renderMemoised } from '../render/render-memo.js';
import type { LetterFormat, LetterRequest } from '../request.js';
import { info, note, paint, warn } from '../ui.js';
import { grouped } from '../numbers.js';
import type { DraftOptions } from './draft.js';
import { packFrom, templatesDir, type GlobalOptions } from './pack-options.js';

/** The options bulk shares with draft give defaults for rows that leave a cell empty. */
export interface BulkOptions
  extends Pick<
    DraftOptions,
    'region' | 'recipient' | 'recipientName' | 'recipientTitle' | 'recipientAddress' | 'stance' | 'city' | 'facts' | 'date' | 'template' | 'sources' | 'format' | 'out' | 'force'
  > {
  columns?: boolean;
  example?: boolean;
  inputFormat?: string;
  delimiter?: string;
  outDir?: string;
  namePattern?: string;
  resume?: boolean;
  dryRun?: boolean;
  failFast?: boolean;
  limit?: string;
  jobs?: string;
  map?: string[];
  json?: boolean;
}

export const DEFAULT_OUT_DIR = 'letters';
/** Bulk writes the formats a letter file is read in; eml and pdf are for one letter at a time (draft). */
const BULK_FORMATS = ['text', 'markdown', 'html'] as const;
type BulkFormat = (typeof BULK_FORMATS)[number];
const EXTENSIONS: Record<BulkFormat, string> = { text: '.txt', markdown: '.md', html: '.html' };
/** Rows between turns of the event loop (see the loop in runBulk). */
const TURN_EVERY = 64;
/** Row errors printed on stderr before the rest go only to the manifest. */
const MAX_PRINTED_ERRORS = 20;

interface Settings {
  file: string;
  inputFormat?: InputFormat;
  delimiter?: string;
  outDir: string;
  toStdout: boolean;
  pattern: string;
  defaults: RowDefaults;
  limit?: number;
  /** Worker threads asked for with --jobs (0: none); undefined: decided from the input's size. */
  jobs?: number;
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
  if (toStdout && options.resume) throw new UsageError('--resume works with --out-dir, not with --out -.');
  if (toStdout && options.json) throw new UsageError('--json prints a summary on stdout, where --out - prints the letters; use one of them.');
  let limit: number | undefined;
  if (options.limit !== undefined) {
    limit = Number(options.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit must be a whole number of rows, 1 or more, not "${options.limit}".`);
  }
  let jobs: number | undefined;
  if (options.jobs !== undefined) {
    jobs = Number(options.jobs);
    if (!Number.isInteger(jobs) || jobs < 0 || jobs > 64) throw new UsageError(`--jobs must be a whole number of worker threads from 0 to 64, not "${options.jobs}".`);
  }
  let columnMaps: ColumnMap[];
  try {
    columnMaps = parseColumnMaps(options.map ?? []);
  } catch (error) {
    if (error instanceof ColumnMapError) throw new UsageError(`${error.message}.`, 'Run `belarus-letter bulk --columns` for the columns it reads.');
    throw error;
  }
  const pattern = options.namePattern ?? DEFAULT_NAME_PATTERN;
  try {
    checkNamePattern(pattern);
  } catch (error) {
    if (error instanceof NamePatternError) throw new UsageError(`--name-pattern "${pattern}": ${error.message}.`);
    throw error;
  }
  if (options.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.date)) {
    throw new UsageError(`--date must be a date as YYYY-MM-DD, not "${options.date}".`);
  }
  // Defaults from flags are checked once here, not reported again on every row.
  const region = options.region?.trim().toLowerCase();
  if (region) {
    const r = findRegion(pack, region);
    if (options.recipient) findRecipient(r, options.recipient.trim().toLowerCase());
  }
  if (options.stance) findStance(pack, options.stance.trim().toLowerCase());

  const values: RowDefaults['values'] = {};
  const flagValues: [keyof RowDefaults['values'], string | string[] | undefined][] = [
    ['region', options.region],
    ['recipient', options.recipient],
    ['recipientName', options.recipientName],
    ['recipientTitle', options.recipientTitle],
    ['recipientAddress', options.recipientAddress],
    ['stance', options.stance],
    ['city', options.city],
    ['facts', options.facts],
    ['template', options.template],
  ];
  for (const [field, value] of flagValues) if (value !== undefined) values[field] = value;
  return {
    file,
    inputFormat: options.inputFormat as InputFormat | undefined,
    delimiter: parseDelimiter(options.delimiter),
    outDir: options.outDir ?? DEFAULT_OUT_DIR,
    toStdout,
    pattern,
    limit,
    jobs,
    columnMaps,
    defaults: { values, format: (options.format as LetterFormat | undefined) ?? 'text', sources: options.sources !== false, date: options.date ?? today() },
  };
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

/** A letter an earlier run wrote that is still there (an empty file, after a power cut, is not). */
function isWholeFile(path: string): boolean {
  try {
    const stat = statSync(path);
    return stat.isFile() && stat.size > 0;
  } catch {
    return false;
  }
}

function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** The command line to run again with --resume, from how this run was started. */
export function resumeCommand(argv: readonly string[]): string {
  const args = argv.slice(2).filter((a) => a !== '--resume');
  return ['belarus-letter', ...args, '--resume'].map(shellQuote).join(' ');
}

function rows(source: InputSource, settings: Settings, onHeader: (headers: string[]) => void): AsyncIterable<InputRow> {
  if (source.format === 'csv') return readCsvRows(source.chunks, { name: source.name, delimiter: settings.delimiter, head: source.head, onHeader });
  if (source.format === 'json') return readJsonRows(source.chunks, source.name);
  return readNdjsonRows(source.chunks);
}

/** Waits until stdout takes more, or is gone (a reader like `head` that has had enough). */
function drained(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      process.stdout.off('drain', done);
      process.stdout.off('error', done);
      process.stdout.off('close', done);
      resolve();
    };
    process.stdout.once('drain', done);
    process.stdout.once('error', done);
    process.stdout.once('close', done);
  });
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
    process.stdout.write(columnsHelp());
    return;
  }
  if (options.example) {
    process.stdout.write(exampleCsv());
    return;
  }
  if (file === undefined) {
    throw new UsageError(
      'Give the file of senders: belarus-letter bulk senders.csv (or - to read stdin).',
      'Run `belarus-letter bulk --example > senders.csv` for a starter sheet, and `bulk --columns` for the columns it can have.',
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
      if (writing) removeStaleTempFiles(outDir);
      // The letters of one batch carry one date, and a letter written just before a stop is
      // then the same letter again, so it is kept rather than reported as in the way.
      if (options.date === undefined && earlier.date && /^\d{4}-\d{2}-\d{2}$/.test(earlier.date)) settings.defaults.date = earlier.date;
    }
  }

  let source: InputSource;
  try {
    source = await openInput(settings.file, settings.inputFormat);
  } catch (error) {
    if (error instanceof InputError) throw new UsageError(error.message, 'Run `belarus-letter bulk --example` to see a sheet it accepts.');
    throw error;
  }
  const words = ROW_WORDS[source.format];
  const mapper = new ColumnMapper(settings.columnMaps);
  let warnedUnknown = 0;
  let warnedOverridden = 0;
  const warnUnknown = () => {
    for (; warnedUnknown < mapper.unknown.length; warnedUnknown++) {
      warn(`${words.column} "${mapper.unknown[warnedUnknown]}" is not one belarus-letter knows; it is ignored (see \`belarus-letter bulk --columns\`, or read it as one with --map).`);
    }
    for (; warnedOverridden < mapper.overridden.length; warnedOverridden++) {
      const { header, column, by } = mapper.overridden[warnedOverridden] as ColumnMapper['overridden'][number];
      warn(`${words.column} "${header}" is ignored: --map reads ${column} from "${by}".`);
    }
  };
  const onHeader = (headers: string[]) => {
    const absent = mapper.mapsNotIn(headers);
    if (absent.length > 0) {
      throw new UsageError(
        `--map "${absent[0]?.header}=${absent[0]?.spec?.column ?? ''}": ${source.name} has no column "${absent[0]?.header}"; its header is: ${headers.join(', ') || '(empty)'}.`,
        'Give the header as it stands in the first row of the sheet (case, spaces and punctuation do not matter).',
      );
    }
    const missing = missingColumns(headers, defaults, mapper);
    if (missing.length > 0) {
      const flags = missing.filter((c) => c.flag).map((c) => c.flag as string);
      const likely = likelyHeaders(missing, headers, mapper);
      const maps = likely.map(({ header, column }) => `--map ${shellQuote(`${header}=${column}`)}`).join(' ');
      throw new UsageError(
        `${source.name} has no ${missing.length === 1 ? 'column' : 'columns'} for ${listChoices(missing.map((c) => c.column))}; its header is: ${headers.join(', ') || '(empty)'}.`,
        `${likely.length ? `If your sheet calls ${missing.length === 1 ? 'it' : 'them'} something else, map ${likely.length === 1 ? 'that header' : 'those headers'}: ${maps}. Or add` : 'Add'} ${missing.length === 1 ? 'that column' : 'those columns'}${flags.length ? `, or give ${listChoices(flags, 'and')} for every row` : ''}. Run \`belarus-letter bulk --columns\` for the columns it reads.`,
      );
    }
    const seen = new Map<string, string>();
    for (const h of headers) {
      const spec = mapper.spec(h);
      if (!spec || spec.lines) continue;
      const earlier = seen.get(spec.field);
      if (earlier !== undefined) throw new UsageError(`${source.name}: the columns "${earlier}" and "${h}" both mean ${spec.column}; keep one.`);
      seen.set(spec.field, h);
    }
    for (const h of headers) if (h !== h.trim() && mapper.spec(h)) note(`the header "${h}" has spaces around it; read as ${mapper.spec(h)?.column}.`);
    warnUnknown();
  };

  if (writing) mkdirSync(outDir, { recursive: true });
  const manifest = writing ? new ManifestWriter(outDir, { input: source.name, date: defaults.date }) : undefined;
  const registry = new NameRegistry();
  const risk = new FormLetterRisk();
  const progress = new Progress(process.stderr);
  const extension = EXTENSIONS[defaults.format as BulkFormat];
  const counts = { done: 0, failed: 0, skipped: 0, bytes: 0, size: source.size };
  const warnings = new Map<string, { count: number; row: number }>();
  let seenRows = 0;
  let printedErrors = 0;
  let stopped: 'interrupt' | 'pipe' | undefined;
  const onSigint = () => {
    stopped = 'interrupt';
  };
  process.on('SIGINT', onSigint);
  const onPipeError = (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') stopped = 'pipe';
  };
  process.stdout.on('error', onPipeError);
  const started = Date.now();

  const record = (entry: ManifestEntry) => manifest?.record(entry);
  const fail = (row: number, error: string, file: string | null = null) => {
    counts.failed++;
    record({ row, status: 'failed', file, error });
    if (printedErrors < MAX_PRINTED_ERRORS) process.stderr.write(`${progress.enabled ? '\r\u001b[K' : ''}${paint.red('error:')} ${error}\n`);
    printedErrors++;
  };

  const failRender = (row: number, message: string) => fail(row, `${words.row} ${row}: ${message.replace(/\.$/, '')}`);
  const failExisting = (row: number, name: string) =>
    fail(row, `${words.row} ${row}: ${join(outDir, name)} already exists; add --force to replace it, or --resume to skip rows already written`, name);

  const tally = (texts: string[], row: number) => {
    for (const w of texts) {
      const seen = warnings.get(w);
      if (seen) seen.count++;
      else if (warnings.size < 50) warnings.set(w, { count: 1, row });
    }
  };

  // A letter to write is rendered and written (see letter-pipeline.ts); outcomes come back in
  // row order, and `finished` keeps the manifest, the counts and the form-letter risk.
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
      else {
        fail(row, `${words.row} ${row}: ${join(outDir, job.name)} could not be written (${file.code})`, job.name);
        // No room, or no right to write: every row after this one would fail the same way.
        if (file.code === 'ENOSPC' || file.code === 'EROFS' || file.code === 'EACCES') halted = true;
      }
      if (options.failFast) halted = true;
      return;
    }
    queued.delete(row);
    tally(outcome.warnings, row);
    risk.record(row, outcome.hash, job.slot, job.group, outcome.body, job.story);
    if (file.status === 'skipped') counts.skipped++;
    else counts.done++;
    record({ row, status: file.status, file: job.name, error: null });
  };
  const pipeline = letterPipeline({
    pack,
    templatesDir: packDir,
    threads: writing && !options.failFast ? (settings.jobs ?? defaultThreads(source.size)) : 0,
    write: writeOptions,
    done: finished,
  });

  try {
    for await (const row of rows(source, settings, onHeader)) {
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
      const request = parsed.request;
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
        await pipeline.add({ row: row.row, request, sample: slot >= 0, path: pathInside(outDir, name) });
        continue;
      }

      let letter: Letter;
      try {
        letter = renderMemoised(pack, request);
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
        if (!dryRun && !process.stdout.write(line)) await drained();
        if (dryRun) listFile(row.row, name);
        counts.done++;
        continue;
      }
      const path = pathInside(outDir, name);
      if (!options.force && existsSync(path)) {
        failExisting(row.row, name);
        if (options.failFast) break;
        continue;
      }
      listFile(row.row, join(outDir, name));
      counts.done++;
    }
    await pipeline.drain();
  } catch (error) {
    progress.stop();
    if (error instanceof InputError) {
      // The rows before the bad spot are being written: wait for them, so the manifest has them.
      await pipeline.drain();
      if (error.atStart) throw new UsageError(error.message);
      printSummary();
      throw new AppError(error.message, EXIT.failed, writing ? `The letters before it were written; fix the file and run again with --resume:\n  ${resumeCommand(process.argv)}` : undefined);
    }
    throw error;
  } finally {
    process.off('SIGINT', onSigint);
    process.stdout.off('error', onPipeError);
    manifest?.close();
    await pipeline.close();
    await source.close();
  }
  progress.stop();

  if (seenRows === 0 && !stopped) {
    throw new UsageError(`${source.name} has a header but no rows of senders.`, 'Add one row per sender under the header (see `belarus-letter bulk --example`).');
  }
  // A CSV's header is checked against --map before any row; JSON records can differ in their keys.
  for (const map of source.format === 'csv' ? [] : mapper.unusedMaps()) warn(`--map "${map.header}=${map.spec?.column ?? ''}" met no ${words.column} "${map.header}" in ${source.name}.`);
  printSummary();

  if (stopped === 'pipe') note('stdout was closed by the program reading it; stopped there.');
  if (stopped === 'interrupt') {
    throw new AppError(
      `Stopped after ${grouped(counts.done + counts.failed + counts.skipped)} rows.`,
      EXIT.interrupted,
      writing ? `Every letter written is whole. To carry on:\n  ${resumeCommand(process.argv)}` : undefined,
    );
  }
  if (counts.failed > 0) {
    throw new AppError(
      `${counts.failed} of ${seenRows} row${seenRows === 1 ? '' : 's'} failed${options.failFast ? '; stopped at the first (--fail-fast)' : ''}.`,
      EXIT.failed,
      writing
        ? `Each is listed above and in ${manifestPath(outDir)}. Fix them in the file and run again; the rows already written are skipped:\n  ${resumeCommand(process.argv)}`
        : 'Each is listed above; fix them in the file and run again.',
    );
  }

  /** A dry run's list of files, one "row<TAB>path" a line; --json has the counts instead. */
  function listFile(row: number, path: string): void {
    if (!options.json) process.stdout.write(`${row}\t${path}\n`);
  }

  /** --json: what the summary on stderr says, for a script. */
  function jsonSummary(report: RiskReport, elapsed: number) {
    return {
      input: source.name,
      outDir: toStdout ? null : outDir,
      dryRun,
      letters: counts.done,
      skipped: counts.skipped,
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
      note(count === 1 ? `${words.row} ${row}: ${text}` : `${text} (${grouped(count)} letters)`);
    }
    if (printedErrors > MAX_PRINTED_ERRORS) info(`... and ${printedErrors - MAX_PRINTED_ERRORS} more failed rows${manifest ? `, listed in ${manifestPath(outDir)}` : ''}.`);
    const verb = dryRun ? 'Would write' : toStdout ? 'Printed' : 'Wrote';
    const where = toStdout ? '' : ` ${dryRun ? 'to' : 'in'} ${resolve(outDir) === resolve('.') ? 'this folder' : `${outDir}/`}`;
    info(
      `${verb} ${grouped(counts.done)} letter${counts.done === 1 ? '' : 's'}${where}: ${grouped(counts.skipped)} skipped, ${grouped(counts.failed)} failed, in ${formatSeconds(elapsed)}.`,
    );
    const report = risk.report();
    if (options.json) process.stdout.write(`${JSON.stringify(jsonSummary(report, elapsed))}\n`);
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
        `${grouped(report.withoutStory)} of ${grouped(report.letters)} letters have no personal story; a few sentences in the sender's own words (a story column) make a letter count.`,
      );
    }
  }
}
