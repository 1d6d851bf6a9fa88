/**
 * CSV rows, streamed: header row first; UTF-8 with or without a byte-order mark; LF, CRLF or CR
 * line ends; quoted fields with delimiters, quotes and newlines. Row numbers are the ones a
 * spreadsheet shows (the header is row 1), since that is where the organiser will look.
 *
 * csv-parse splits the fields, keeping its own state from one chunk to the next; a row too long
 * to be a sender's is cut short on the way in (see long-row.ts).
 */
import { parse, type CsvError } from 'csv-parse';
import { LongRows } from './long-row.js';
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

export async function* readCsvRows(chunks: AsyncIterable<string>, options: CsvOptions): AsyncGenerator<InputRow> {
  const delimiter = options.delimiter ?? sniffDelimiter(options.head);
  const newline = sniffNewline(options.head.replace(/^\uFEFF/, ''));
  const what = delimiter === '\t' ? 'tab' : delimiter;
  let header: string[] | undefined;
  /** Records read so far, the header and blank rows included: the spreadsheet's row number. */
  let records = 0;
  const fail = (message: string): InputError => new InputError(`${options.name}: ${message}`, !header);

  const cutter = new LongRows(newline, MAX_ROW_CHARS);
  // Records are taken as the parser reads them, so the rows before a malformed one still count.
  const read: string[][] = [];
  const parser = parse({
    delimiter,
    record_delimiter: newline,
    bom: true,
    relax_column_count: true,
    on_record: (record: string[]) => {
      read.push(record);
      return undefined;
    },
  });
  parser.on('error', () => undefined); // Each write and the end report it.
  const write = (text: string) => new Promise<Error | null | undefined>((resolve) => parser.write(text, resolve));
  const end = () =>
    new Promise<Error | undefined>((resolve) => {
      parser.once('error', resolve);
      parser.end(() => resolve(undefined));
    });

  function* rows(): Generator<InputRow> {
    for (const record of read) {
      const index = records++;
      const cut = cutter.cutRows.get(index);
      if (!header) {
        if (cut !== undefined) throw fail(`the header row is over a million characters long; check for an unclosed quote.`);
        header = record;
        options.onHeader(header);
        continue;
      }
      if (cut !== undefined) {
        yield {
          row: index + 1,
          entries: [],
          error: `is ${cut.toLocaleString('en')} characters long, far more than any column takes (a story is at most 4,000); it is skipped`,
        };
        continue;
      }
      if (record.every((v) => v.trim() === '')) continue; // a blank row in the sheet
      const row: InputRow = { row: index + 1, entries: [] };
      const n = Math.min(record.length, header.length);
      for (let i = 0; i < n; i++) row.entries.push([header[i] as string, record[i] as string]);
      if (record.length > header.length && record.slice(header.length).some((v) => v.trim() !== '')) {
        row.error = `has ${record.length} fields but the header has ${header.length}; a value with a "${what}" in it needs double quotes around it`;
      }
      yield row;
    }
    read.length = 0;
    cutter.forget(records);
  }

  // The row at fault is the one after the last the parser gave.
  const problem = (error: Error): InputError => {
    const line = cutter.startLine(records);
    const { code } = error as CsvError;
    if (code === 'CSV_QUOTE_NOT_CLOSED') return fail(`a quoted field is never closed at line ${line}; check for a stray double quote (") in that row.`);
    if (code === 'CSV_INVALID_CLOSING_QUOTE')
      return fail(`a quote is followed by other characters at line ${line}; inside a quoted field write a double quote as "".`);
    if (code === 'INVALID_OPENING_QUOTE')
      return fail(
        `a value has a double quote in it but does not start with one, at line ${line}; put double quotes around the whole value and write the quote in it as "".`,
      );
    return fail(`the row at line ${line} could not be read as CSV (${error.message}).`);
  };

  for await (const chunk of chunks) {
    const error = await write(cutter.pass(chunk));
    yield* rows();
    if (error) throw problem(error);
  }
  const rest = cutter.finish();
  const error = (rest ? await write(rest) : undefined) ?? (await end());
  yield* rows();
  if (error) throw problem(error);
  if (!header) throw new InputError(`${options.name} is empty; it needs a header row and then one row per sender.`, true);
}
