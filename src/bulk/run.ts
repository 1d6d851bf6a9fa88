/**
 * The row loop of a bulk run: each row read, made a request, rendered and delivered before the
 * next is read (so --fail-fast and Ctrl-C stop at once), with the manifest, the counts, the
 * warnings and the form-letter risk kept as it goes. What it ends with is in summary.ts.
 */
import { join } from 'node:path';
import { setImmediate } from 'node:timers/promises';
import { UsageError } from '../errors.js';
import { describeCode, withFileError } from '../io/fs-errors.js';
import { makeFolder } from '../io/make-folder.js';
import { InputError, type InputRow } from '../io/rows.js';
import { writeStdoutUnlessClosed } from '../io/stdout.js';
import { hash53 } from '../hash.js';
import { paint } from '../ui.js';
import { FormLetterRisk } from './form-letter-risk.js';
import { letterSink, type Delivery, type LetterSink } from './letter-sink.js';
import { ManifestWriter, type EarlierRuns, type ManifestEntry } from './manifest.js';
import { Progress } from './progress.js';
import { isWholeFile } from './resume.js';
import { RowLetters, type RowRender } from './row-letter.js';
import { LetterSpread, sentenceKeys } from './spread.js';
import type { BulkOptions, Settings } from './settings.js';
import type { Sheet } from './sheet.js';
import type { RowOfficials } from './zip-officials.js';
import type { RowPacks } from './row-packs.js';
import type { Pack } from '../pack/load.js';
import type { LetterRequest } from '../request.js';
import { defaultSeed } from '../render/variation.js';

/** Rows between turns of the event loop (see the loop in rows()). */
const TURN_EVERY = 64;
/** Row errors printed on stderr before the rest go only to the manifest. */
export const MAX_PRINTED_ERRORS = 20;

export interface Counts {
  done: number;
  failed: number;
  skipped: number;
  /** Letters already in the out-dir as this run would write them. */
  same: number;
  /** Rows whose file is there with a different letter. */
  differ: number;
  bytes: number;
  size?: number;
}

/** Letters to one office: one official, by name, with one stance, in one language. */
const officeOf = (language: string, r: LetterRequest): string => [language, r.region, r.recipient, r.recipientName ?? '', r.stance].join('|');

export class BulkRun {
  readonly counts: Counts;
  /** Each warning once, with how many letters had it and the first row that did. */
  readonly warnings = new Map<string, { count: number; row: number }>();
  readonly risk = new FormLetterRisk();
  /** Keeps each office's letters apart (see spread.ts). */
  readonly spread = new LetterSpread();
  readonly manifest?: ManifestWriter;
  readonly started = Date.now();
  seenRows = 0;
  printedErrors = 0;
  stopped: 'interrupt' | 'pipe' | undefined;
  /** The input broke after its first rows (a bad line in a CSV, a JSON file cut short). */
  broken?: InputError;
  private halted = false;
  private readonly progress = new Progress(process.stderr);
  private readonly letters: RowLetters;
  private readonly sink: LetterSink;

  constructor(
    packs: RowPacks,
    readonly settings: Settings,
    readonly options: BulkOptions,
    readonly sheet: Sheet,
    /** Rows an earlier run wrote (--resume): row -> file, and the seed each letter was written with. */
    private readonly done: Pick<EarlierRuns, 'done' | 'seeds'> | undefined,
    officials: RowOfficials,
  ) {
    const { source, columns, words } = sheet;
    this.counts = { done: 0, failed: 0, skipped: 0, same: 0, differ: 0, bytes: 0, size: source.size };
    this.letters = new RowLetters(packs, columns.mapper, settings.defaults, words, officials, settings.pattern, settings.extension);
    if (settings.writing) {
      withFileError(settings.outDir, 'create the folder', () => makeFolder(settings.outDir));
      this.manifest = new ManifestWriter(settings.outDir, { input: source.name, date: settings.defaults.date });
    }
    this.sink = letterSink(settings, options, (text, what) => this.print(text, what));
  }

  /**
   * Checked writes (see io/stdout.ts): a reader that has gone stops the run with its summary;
   * any other failure to write is an error, never "Printed N letters". False once it has gone.
   */
  print(text: string, what: string): boolean {
    if (this.stopped !== 'pipe' && !writeStdoutUnlessClosed(text, what)) this.stopped = 'pipe';
    return this.stopped !== 'pipe';
  }

  /** Every row in turn; closes the manifest and the input whatever happens. */
  async run(): Promise<void> {
    const onSigint = () => {
      this.stopped = 'interrupt';
    };
    process.on('SIGINT', onSigint);
    try {
      for await (const row of this.sheet.rows) {
        // Rows read ahead come in promises that never leave this turn of the event loop; a turn
        // now and then lets Ctrl-C, a closed stdout and the progress bar's timer through.
        if (this.seenRows % TURN_EVERY === 0) await setImmediate();
        if (this.stopped) break;
        if (this.settings.limit !== undefined && this.seenRows >= this.settings.limit) break;
        this.seenRows++;
        this.counts.bytes = this.sheet.source.bytesRead();
        this.progress.update(this.counts);
        if (this.sheet.source.format !== 'csv') this.sheet.columns.warnUnknown();
        await this.row(row);
        if (this.halted || this.stopped === 'pipe') break;
      }
    } catch (error) {
      this.progress.stop();
      if (!(error instanceof InputError)) throw error;
      if (error.atStart) throw new UsageError(error.message, error.hint);
      // The rows before it are done: the summary says so, then the error (see summary.ts).
      this.broken = error;
      return;
    } finally {
      process.off('SIGINT', onSigint);
      try {
        this.manifest?.close();
      } finally {
        await this.sheet.source.close();
      }
    }
    this.progress.stop();
  }

  private async row(row: InputRow): Promise<void> {
    const { outDir } = this.settings;
    const { words } = this.sheet;
    const earlier = this.done?.done.get(row.row);
    if (earlier !== undefined && isWholeFile(join(outDir, earlier))) {
      this.letters.reserve(earlier);
      this.counts.skipped++;
      const seed = this.done?.seeds.get(row.row);
      await this.keepApartFrom(row, seed);
      this.record({ row: row.row, status: 'skipped', file: earlier, error: null, ...(seed === undefined ? {} : { seed }) });
      return;
    }
    const made = await this.letters.request(row);
    if (!made.ok) return this.fail(row.row, made.error);
    const { request, pack, language } = made;
    this.tally(made.notes, row.row);
    const name = await this.letters.fileName(row.row, request);
    // Letters in different languages never read alike: each language is a group of its own.
    const group = `${language}|${request.region}|${request.stance}`;
    // Counted before it renders, so the sample is drawn the same way whatever becomes of the row.
    const slot = this.risk.count(group, request.story);
    const office = officeOf(language, request);
    const drawn = this.spread.draw(
      office,
      { own: request.seed, usual: defaultSeed(request) },
      (seed) => this.renderWith(request, pack, seed),
      (r) => (r.ok ? { body: r.letter.body, story: request.story } : undefined),
    );
    const rendered = drawn.result;
    if (!rendered.ok) {
      this.risk.uncount(request.story);
      return this.fail(row.row, `${words.row} ${row.row}: ${rendered.message.replace(/\.$/, '')}`);
    }
    const { letter } = rendered;
    const delivery = this.sink(row.row, name, letter, `${words.row} ${row.row}`);
    if (delivery.status !== 'written' && delivery.status !== 'skipped') {
      this.risk.uncount(request.story);
      if (delivery.status === 'failed') this.failDelivery(row.row, name, delivery);
      return;
    }
    this.tally(letter.meta.warnings, row.row);
    this.risk.record(row.row, hash53(letter.text), slot, group, slot >= 0 ? letter.body : undefined, request.story);
    if (drawn.keys) this.spread.add(office, row.row, drawn.keys, drawn.closest, drawn.seed !== request.seed);
    if (delivery.status === 'skipped') this.counts.same++;
    else this.counts.done++;
    // The seed it was written with, so `draft --seed` gives the same letter and --resume knows it.
    this.record({ row: row.row, status: delivery.status, file: name, error: null, seed: drawn.seed ?? defaultSeed(request) });
  }

  /** The row's letter with another seed (undefined: the row's own, or the default). */
  private renderWith(request: LetterRequest, pack: Pack, seed: string | undefined): RowRender {
    return this.letters.render(seed === request.seed ? request : { ...request, seed }, pack);
  }

  /**
   * A letter an earlier run wrote (--resume), made again from its row and seed and indexed, so
   * the rows after it are kept apart from it as they were in a run of the whole sheet.
   */
  private async keepApartFrom(row: InputRow, seed: string | undefined): Promise<void> {
    const made = await this.letters.request(row);
    if (!made.ok) return;
    const { request, pack, language } = made;
    const office = officeOf(language, request);
    this.spread.knownSender(office, defaultSeed(request));
    const rendered = this.renderWith(request, pack, seed ?? request.seed);
    if (rendered.ok) this.spread.add(office, row.row, sentenceKeys(rendered.letter.body, request.story));
  }

  private record(entry: ManifestEntry): void {
    this.manifest?.record(entry);
  }

  private fail(row: number, error: string, file: string | null = null): void {
    this.counts.failed++;
    this.record({ row, status: 'failed', file, error });
    if (this.printedErrors < MAX_PRINTED_ERRORS) process.stderr.write(`${this.progress.enabled ? '\r\u001b[K' : ''}${paint.red('error:')} ${error}\n`);
    this.printedErrors++;
    if (this.options.failFast) this.halted = true;
  }

  private failDelivery(row: number, name: string, delivery: Extract<Delivery, { status: 'failed' }>): void {
    const where = `${this.sheet.words.row} ${row}`;
    const path = join(this.settings.outDir, name);
    if (delivery.reason === 'exists') {
      this.counts.differ++;
      const what = this.options.resume
        ? `${path} already exists and is not this ${this.sheet.words.row}'s letter; add --force to replace it, or move it away`
        : `${path} already exists with a different letter; add --force to replace it, or --resume to skip rows already written`;
      return this.fail(row, `${where}: ${what}`, name);
    }
    if (delivery.reason === 'not-a-file') {
      return this.fail(row, `${where}: ${path} is ${delivery.kind}, not a letter file; it was left untouched (remove it, or choose another --out-dir)`, name);
    }
    this.fail(row, `${where}: ${path} could not be written: ${describeCode(delivery.code)}`, name);
    // No room, or no right to write: every row after this one would fail the same way.
    if (delivery.code === 'ENOSPC' || delivery.code === 'EROFS' || delivery.code === 'EACCES') this.halted = true;
  }

  private tally(texts: readonly string[], row: number): void {
    for (const text of texts) {
      // A note's first line is the same for every letter; lines after it point into this letter
      // alone, so the colon that introduced them ends the sentence in the summary.
      const first = text.split('\n', 1)[0] as string;
      const w = first.length < text.length ? first.replace(/:$/, '.') : first;
      const seen = this.warnings.get(w);
      if (seen) seen.count++;
      else if (this.warnings.size < 50) this.warnings.set(w, { count: 1, row });
    }
  }
}
