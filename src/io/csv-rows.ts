/**
 * CSV rows, streamed through csv-parse: header row first; UTF-8 with or without a byte-order
 * mark; LF or CRLF; quoted fields with commas, quotes and newlines. Row numbers are the ones a
 * spreadsheet shows (the header is row 1), since that is where the organiser will look.
 */
import { Readable, pipeline } from 'node:stream';
import { parse, type CsvError } from 'csv-parse';
import { InputError, type InputRow } from './rows.js';

const CANDIDATES = [',', ';', '\t', '|'] as const;

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

function describeCsvError(error: CsvError, name: string): string {
  const line = (error as unknown as { lines?: number }).lines;
  const where = line ? ` at line ${line}` : '';
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return `${name}: a quoted field is never closed${where}; check for a stray double quote (") in that row.`;
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return `${name}: a quote is followed by other characters${where}; inside a quoted field write a double quote as "".`;
    case 'CSV_MAX_RECORD_SIZE':
      return `${name}: a row is too long${where}; check for an unclosed quote.`;
    default:
      return `${name}: the file is not valid CSV${where} (${error.message}).`;
  }
}

export async function* readCsvRows(chunks: AsyncIterable<string>, options: CsvOptions): AsyncGenerator<InputRow> {
  const delimiter = options.delimiter ?? sniffDelimiter(options.head);
  const parser = parse({
    bom: true,
    delimiter,
    relax_column_count: true,
    info: true,
    // A runaway unclosed quote should fail soon, not swallow the rest of the file into memory.
    max_record_size: 1_000_000,
  });
  pipeline(Readable.from(chunks, { objectMode: false }), parser, () => {});
  let header: string[] | undefined;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { records: number } }>) {
      if (!header) {
        header = record.map((h) => h.replace(/^\uFEFF/, ''));
        options.onHeader(header);
        continue;
      }
      if (record.every((v) => v.trim() === '')) continue; // a blank row in the sheet
      const row: InputRow = { row: info.records, entries: [] };
      const n = Math.min(record.length, header.length);
      for (let i = 0; i < n; i++) row.entries.push([header[i] as string, record[i]]);
      if (record.length > header.length && record.slice(header.length).some((v) => v.trim() !== '')) {
        row.error = `has ${record.length} fields but the header has ${header.length}; a value with a "${delimiter === '\t' ? 'tab' : delimiter}" in it needs double quotes around it`;
      }
      yield row;
    }
  } catch (error) {
    if ((error as CsvError).code?.startsWith('CSV_')) throw new InputError(describeCsvError(error as CsvError, options.name), !header);
    throw error;
  }
  if (!header) throw new InputError(`${options.name} is empty; it needs a header row and then one row per sender.`, true);
}
