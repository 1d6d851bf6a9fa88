/**
 * A sheet row on its way to a letter: its request (columns read, ids checked with the column or
 * option named, a US ZIP's official filled in), the file name it gets, and its render. Every row
 * of every kind of run goes this one way; only where the letter goes differs (letter-sink.ts).
 */
import { AppError, listChoices } from '../errors.js';
import type { InputRow } from '../io/rows.js';
import { baseName, loadSlugLibrary, NameRegistry, slugReadyFor } from '../io/safe-name.js';
import type { Pack } from '../pack/load.js';
import type { Letter } from '../render/letter.js';
import { overOnePage, overPageWords } from '../render/one-page.js';
import { render } from '../render/render.js';
import { rowIdProblem } from './row-ids.js';
import type { LetterRequest } from '../request.js';
import type { ColumnMapper, RowDefaults, RowWords } from './row-request.js';
import { rowToRequest } from './row-request.js';
import type { RowOfficials } from './zip-officials.js';

export type RowRequest = { ok: true; request: LetterRequest; notes: string[] } | { ok: false; error: string };
export type RowRender = { ok: true; letter: Letter } | { ok: false; message: string };

export class RowLetters {
  private readonly registry = new NameRegistry();

  constructor(
    private readonly pack: Pack,
    private readonly mapper: ColumnMapper,
    private readonly defaults: RowDefaults,
    private readonly words: RowWords,
    private readonly officials: RowOfficials,
    private readonly pattern: string,
    private readonly extension: string,
  ) {}

  /** The row's request, or why it has none, naming the row and the column (or option) at fault. */
  request(row: InputRow): RowRequest {
    const parsed = rowToRequest(row, this.mapper, this.defaults, this.words);
    if (!parsed.ok) return parsed;
    const where = `${this.words.row} ${row.row}`;
    const nameOf = (field: string) => {
      const header = this.mapper.headerOf.get(field as never);
      return header !== undefined ? `${this.words.column} ${header}` : `option --${field}`;
    };
    const bad = rowIdProblem(this.pack, parsed.request, nameOf);
    if (bad) return { ok: false, error: `${where}, ${bad}` };
    const byZip = this.officials.fill(row, parsed.request, where, this.words.column);
    if (!byZip.ok) return byZip;
    return { ok: true, request: byZip.request, notes: parsed.notes };
  }

  /** A name written by an earlier run: no other row gets it. */
  reserve(name: string): void {
    this.registry.reserve(name);
  }

  /** The row's file name in the out-dir, unique in the run. */
  async fileName(row: number, request: LetterRequest): Promise<string> {
    const values = {
      row,
      name: request.name,
      city: request.city,
      region: request.region,
      recipient: request.recipient,
      official: request.recipientName ?? request.recipient,
      recipient_name: request.recipientName,
      stance: request.stance,
    };
    if (!slugReadyFor(this.pattern, values)) await loadSlugLibrary();
    return this.registry.claim(baseName(this.pattern, values), this.extension);
  }

  /**
   * The row's letter, or the reason it cannot be written: a template's own check, or a letter
   * longer than a page, refused as `draft` refuses it (the other rows go on).
   */
  render(request: LetterRequest): RowRender {
    let letter: Letter;
    try {
      letter = render(this.pack, request);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return { ok: false, message: error.message };
    }
    if (!overOnePage(letter)) return { ok: true, letter };
    const inColumn = (field: 'story' | 'facts') => {
      const header = this.mapper.headerOf.get(field);
      return header === undefined ? '' : ` in ${this.words.column} ${header}`;
    };
    const fewerFacts = `name fewer facts${inColumn('facts')}`;
    const what = request.story ? `shorten the story${inColumn('story')}, or ${fewerFacts}` : fewerFacts;
    return { ok: false, message: `${overPageWords(letter)}, so it was not written; ${what}` };
  }
}
