/**
 * CSV rows, streamed: header row first; UTF-8 with or without a byte-order mark; LF, CRLF or CR
 * line ends; quoted fields with delimiters, quotes and newlines. Row numbers are the ones a
 * spreadsheet shows (the header is row 1), since that is where the organiser will look.
 *
 * The fields are split by Papa Parse's parser, fed chunk by chunk: it keeps no state between
 * calls, so each call gets the unfinished last row of the one before in front of the new text,
 * as Papa's own streamers do. It splits a sheet several times faster than csv-parse, which was a
 * tenth of a bulk run.
 */
import Papa from 'papaparse';
import { RowSkipper } from './long-row.js';
import { InputError, type InputRow } from './rows.js';

const CANDIDATES = [',', ';', '\t', '|'] as const;
/** No sender's row is this long: the rest of it is passed over (see long-row.ts), and it fails. */
const MAX_ROW_CHARS = 1_000_000;

/** The delimiter the header line uses most (outside quotes); a comma when none shows. */
export function sniffDelimiter(head: string): string {
  const counts = new Map<string, number>(CANDIDATES.map((c) => [c, 0]));
  let quoted = false;
  for (const ch of head.replace(/^\uFEFF/, '')) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  let most = 0;
  for (const [c, n] of counts) {
    if (n > most) {
      best = c;
      most = n;
    }
  }
  return best;
}

/** How the header line ends (outside quotes): the line end of the whole file. */
export function sniffNewline(head: string): '\n' | '\r\n' | '\r' {
  let quoted = false;
  for (let i = 0; i < head.length; i++) {
    const ch = head[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '\n') return '\n';
    else if (!quoted && ch === '\r') return head[i + 1] === '\n' || i + 1 === head.length ? '\r\n' : '\r';
  }
  return '\n';
}

export interface CsvOptions {
  name: string;
  delimiter?: string;
  head: string;
  /** Called once with the header row, before any data row. */
  onHeader(columns: string[]): void;
}

interface PapaError {
  code: string;
  /** The row it is in: its index in the rows of this call. */
  row: number;
  /** Where in the text given to parse() the parser was when it gave up on the row. */
  index: number;
}

/** 1 + the line breaks in text before `end`. */
function lineAt(text: string, end: number, newline: string): number {
  let line = 1;
  for (let i = text.indexOf(newline); i !== -1 && i < end; i = text.indexOf(newline, i + newline.length)) line++;
  return line;
}

export async function* readCsvRows(chunks: AsyncIterable<string>, options: CsvOptions): AsyncGenerator<InputRow> {
  const delimiter = options.delimiter ?? sniffDelimiter(options.head);
  const newline = sniffNewline(options.head.replace(/^\uFEFF/, ''));
  const parser = new Papa.Parser({ delimiter, newline, quoteChar: '"' });
  const what = delimiter === '\t' ? 'tab' : delimiter;
  let header: string[] | undefined;
  /** Records read so far, the header and blank rows included: the spreadsheet's row number. */
  let records = 0;
  /** Lines before `pending`, for messages. */
  let lines = 0;
  let pending = '';
  let first = true;
  /** Set while the rest of a row over MAX_ROW_CHARS is passed over. */
  let skipping: { skipper: RowSkipper; line: number } | undefined;

  const fail = (message: string): InputError => new InputError(`${options.name}: ${message}`, !header);

  function* rowsOf(text: string, last: boolean): Generator<InputRow> {
    const result = parser.parse(text, 0, !last) as { data: string[][]; errors: PapaError[]; meta: { cursor: number } };
    // A problem in the unfinished last row may only be the chunk's end ("" then a lone \r):
    // that row is read again, whole, with the next chunk.
    const error = result.errors.find((e) => last || e.row < result.data.length);
    // The rows before a malformed one are read as usual, so their letters are written.
    const good = error ? result.data.slice(0, error.row) : result.data;
    for (const record of good) {
      records++;
      if (!header) {
        header = record;
        options.onHeader(header);
        continue;
      }
      if (record.every((v) => v.trim() === '')) continue; // a blank row in the sheet
      const row: InputRow = { row: records, entries: [] };
      const n = Math.min(record.length, header.length);
      for (let i = 0; i < n; i++) row.entries.push([header[i] as string, record[i]]);
      if (record.length > header.length && record.slice(header.length).some((v) => v.trim() !== '')) {
        row.error = `has ${record.length} fields but the header has ${header.length}; a value with a "${what}" in it needs double quotes around it`;
      }
      yield row;
    }
    if (error) {
      const line = lines + lineAt(text, error.index, newline);
      if (error.code === 'MissingQuotes') throw fail(`a quoted field is never closed at line ${line}; check for a stray double quote (") in that row.`);
      throw fail(`a quote is followed by other characters at line ${line}; inside a quoted field write a double quote as "".`);
    }
    if (!last) {
      const cursor = result.meta.cursor;
      lines += lineAt(text, cursor, newline) - 1;
      pending = text.slice(cursor);
      if (pending.length > MAX_ROW_CHARS) {
        if (!header) throw fail(`the header row is over a million characters long at line ${lines + 1}; check for an unclosed quote.`);
        skipping = { skipper: new RowSkipper(newline), line: lines + 1 };
        skipping.skipper.scan(pending);
        pending = '';
      }
    }
  }

  /** Passes over the rest of a long row in `chunk`; returns the text after the row, or undefined. */
  function* skip(chunk: string): Generator<InputRow, string | undefined> {
    const { skipper } = skipping as { skipper: RowSkipper };
    const end = skipper.scan(chunk);
    if (end === -1) return undefined;
    skipping = undefined;
    lines += skipper.lines + 1;
    const row = ++records;
    if (header) {
      const size = skipper.chars.toLocaleString('en');
      yield { row, entries: [], error: `is ${size} characters long, far more than any column takes (a story is at most 4,000); it is skipped` };
    }
    return chunk.slice(end);
  }

  for await (let chunk of chunks) {
    if (first) {
      chunk = chunk.replace(/^\uFEFF/, '');
      first = false;
    }
    if (skipping) {
      const rest = yield* skip(chunk);
      if (rest === undefined) continue;
      chunk = rest;
    }
    yield* rowsOf(pending + chunk, false);
  }
  if (skipping) throw fail(`a quoted field is never closed at line ${skipping.line}; check for a stray double quote (") in that row.`);
  if (pending !== '') yield* rowsOf(pending, true);
  if (!header) throw new InputError(`${options.name} is empty; it needs a header row and then one row per sender.`, true);
}
