/**
 * A sheet row on its way to a letter: its request (columns read, ids checked with the column or
 * option named, a US ZIP's official filled in), the file name it gets, and its render. Every row
 * of every kind of run goes this one way; only where the letter goes differs (letter-sink.ts).
 */
import { AppError } from '../errors.js';
import type { InputRow } from '../io/rows.js';
import { KeyTable } from './key-table.js';
import { baseName, loadSlugLibrary, NameRegistry, slugReadyFor } from '../io/safe-name.js';
import type { Pack } from '../pack/load.js';
import type { Letter } from '../render/letter.js';
import { overOnePage, overPageWords } from '../render/one-page.js';
import { render } from '../render/render.js';
import { rowIdProblem } from './row-ids.js';
import type { FieldNamer, LetterRequest } from '../request.js';
import { COLUMNS } from './columns.js';
import type { ColumnMapper, RowDefaults, RowWords } from './row-request.js';
import { rowToRequest } from './row-request.js';
import type { RowOfficials } from './zip-officials.js';
import type { RowPacks } from './row-packs.js';

export type RowRequest = { ok: true; request: LetterRequest; notes: string[]; pack: Pack; language: string } | { ok: false; error: string };
export type RowRender = { ok: true; letter: Letter } | { ok: false; message: string };

export class RowLetters {
  private readonly registry = new NameRegistry(new KeyTable());

  constructor(
    private readonly packs: RowPacks,
    private readonly mapper: ColumnMapper,
    private readonly defaults: RowDefaults,
    private readonly words: RowWords,
    private readonly officials: RowOfficials,
    private readonly pattern: string,
    private readonly extension: string,
  ) {}

  /** The row's request, or why it has none, naming the row and the column (or option) at fault. */
  async request(row: InputRow): Promise<RowRequest> {
    const parsed = rowToRequest(row, this.mapper, this.defaults, this.words);
    if (!parsed.ok) return parsed;
    const where = `${this.words.row} ${row.row}`;
    const nameOf = (field: string) => {
      const header = this.mapper.headerOf.get(field as never);
      return header !== undefined ? `${this.words.column} ${header}` : `option --${field}`;
    };
    // The row's language picks the pack its ids are checked against and its letter is written from.
    const chosen = await this.packs.forRow(parsed.language, parsed.request.region, parsed.request.recipient);
    if (!chosen.ok) return { ok: false, error: `${where}, ${nameOf('language')}: ${chosen.message}` };
    const bad = rowIdProblem(chosen.pack, parsed.request, nameOf);
    if (bad) return { ok: false, error: `${where}, ${bad}` };
    const byZip = this.officials.fill(row, parsed.request, where, this.words.column);
    if (!byZip.ok) return byZip;
    return { ok: true, request: byZip.request, notes: parsed.notes, pack: chosen.pack, language: chosen.language };
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
   * A request field in the core's notes, by the sheet's header for its column, else the column's
   * own name: the same for every row, so the summary counts a note once however many rows have it.
   */
  private readonly names: FieldNamer = (field) => {
    const header = this.mapper.headerOf.get(field as never) ?? COLUMNS.find((c) => c.field === field && !c.part)?.column ?? field;
    return `the ${header} ${this.words.column}`;
  };

  /**
   * The row's letter, or the reason it cannot be written: a template's own check, or a letter
   * longer than a page, refused as `draft` refuses it (the other rows go on).
   */
  render(request: LetterRequest, pack: Pack): RowRender {
    let letter: Letter;
    try {
      letter = render(pack, request, { names: this.names });
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
