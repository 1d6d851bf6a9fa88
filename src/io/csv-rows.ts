/**
 * CSV rows, streamed: header row first; UTF-8 with or without a byte-order mark; LF, CRLF or CR
 * line ends; quoted fields with delimiters, quotes and newlines. Row numbers are the ones a
 * spreadsheet shows (the header is row 1), since that is where the organiser will look.
 *
 * csv-parse splits the fields and keeps its own state from one chunk to the next. Records are
 * taken as it finds them (on_record), so the rows before a malformed one are read, and their
 * letters written, before its error is reported.
 */
import { CsvError, parse } from 'csv-parse';
import { InputError, type InputRow } from './rows.js';

const CANDIDATES = [',', ';', '\t', '|'] as const;
/** A row this long is a quote left open, not a sender: stop before it swallows the file. */
const MAX_ROW_CHARS = 1_000_000;
const LINE_BREAK = /\r\n|\r|\n/g;

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

export interface CsvOptions {
  name: string;
  delimiter?: string;
  head: string;
  /** Called once with the header row, before any data row. */
  onHeader(columns: string[]): void;
}

export async function* readCsvRows(chunks: AsyncIterable<string>, options: CsvOptions): AsyncGenerator<InputRow> {
  const delimiter = options.delimiter ?? sniffDelimiter(options.head);
  const what = delimiter === '\t' ? 'tab' : delimiter;
  let header: string[] | undefined;
  /** Records read so far, the header and blank rows included: the spreadsheet's row number. */
  let records = 0;
  /** The line the last whole record ended on: the next one, if malformed, starts after it. */
  let lastLine = 0;
  const found: string[][] = [];
  let failure: Error | undefined;
  const parser = parse({
    bom: true,
    delimiter,
    relax_column_count: true,
    max_record_size: MAX_ROW_CHARS,
    // Lines are counted from each record's own text: the parser's count takes a CRLF inside
    // quotes for two lines.
    raw: true,
    // With raw, each record comes as { record, raw }; the types do not say so.
    on_record: (item: unknown) => {
      const { record, raw } = item as { record: string[]; raw: string };
      found.push(record);
      lastLine += raw.match(LINE_BREAK)?.length ?? 0;
      return null; // taken here, so nothing waits in the stream's buffer
    },
  });
  const ended = new Promise<void>((resolve) => {
    parser.on('error', (error) => {
      failure ??= error;
      resolve();
    });
    parser.on('end', resolve);
  });
  parser.resume();

  const fail = (message: string): InputError => new InputError(`${options.name}: ${message}`, !header);

  function* taken(): Generator<InputRow> {
    for (const record of found.splice(0)) {
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
  }

  for await (const chunk of chunks) {
    if (failure) break;
    parser.write(chunk);
    yield* taken();
  }
  if (!failure) parser.end();
  await ended;
  yield* taken();
  if (failure) {
    const line = lastLine + 1;
    const code = failure instanceof CsvError ? failure.code : '';
    if (code === 'CSV_QUOTE_NOT_CLOSED') throw fail(`a quoted field is never closed at line ${line}; check for a stray double quote (") in that row.`);
    if (code === 'CSV_MAX_RECORD_SIZE') throw fail(`a row is too long at line ${line}; check for an unclosed quote.`);
    if (code === 'CSV_INVALID_CLOSING_QUOTE') throw fail(`a quote is followed by other characters at line ${line}; inside a quoted field write a double quote as "".`);
    throw fail(`${failure.message.replace(/\.$/, '')} (at line ${line}).`);
  }
  if (!header) throw new InputError(`${options.name} is empty; it needs a header row and then one row per sender.`, true);
}
