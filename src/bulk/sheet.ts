/**
 * Opening the sheet: the input (file or stdin, CSV, JSON or NDJSON, in its encoding), its header
 * and first rows read before anything is written, and its columns checked (and, on a terminal,
 * mapped) against what they hold.
 */
import { UsageError } from '../errors.js';
import { readCsvRows } from '../io/csv-rows.js';
import { openInput, type InputSource } from '../io/input-source.js';
import { commandName } from '../io/invocation.js';
import { readJsonRows, readNdjsonRows } from '../io/json-rows.js';
import { InputError, ROW_WORDS, type InputRow } from '../io/rows.js';
import { canPrompt } from '../io/terminal.js';
import { setUpColumns, type ColumnSetup } from './column-setup.js';
import { mapArgs } from './mapping-file.js';
import { type Peeked, peekRows } from './peek.js';
import type { RowWords } from './row-request.js';
import type { Settings } from './settings.js';

/** Rows read before any letter is written, to check what the columns hold. */
const SAMPLE_ROWS = 50;

export interface Sheet {
  source: InputSource;
  words: RowWords;
  /** Every row, the first ones (already read) included. */
  rows: AsyncIterable<InputRow>;
  columns: ColumnSetup;
  /** Maps made on the terminal, as flags for the commands suggested at the end. */
  addedArgs: string[];
}

function readRows(source: InputSource, settings: Settings, onHeader: (headers: string[]) => void): AsyncIterable<InputRow> {
  if (source.format === 'csv') return readCsvRows(source.chunks, { name: source.name, delimiter: settings.delimiter, head: source.head, onHeader });
  if (source.format === 'json') return readJsonRows(source.chunks, source.name);
  return readNdjsonRows(source.chunks);
}

/** Opens the sheet and sets up its columns; on a problem the input is closed and a usage error thrown. */
export async function openSheet(settings: Settings, options: { json?: boolean }): Promise<Sheet> {
  let source: InputSource;
  try {
    source = await openInput(settings.file, { format: settings.inputFormat, encoding: settings.encoding });
  } catch (error) {
    if (error instanceof InputError) throw new UsageError(error.message, error.hint ?? `Run \`${commandName()} bulk --example\` to see a sheet it accepts.`);
    throw error;
  }
  const words = ROW_WORDS[source.format];
  let csvHeader: string[] | undefined;
  let peeked: Peeked;
  try {
    peeked = await peekRows(
      readRows(source, settings, (headers) => (csvHeader = headers)),
      SAMPLE_ROWS,
    );
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
    defaults: settings.defaults,
    headerIsComplete: csvHeader !== undefined,
    prompts: canPrompt() && !options.json ? async () => (await import('../wizard/inquirer.js')).inquirerPrompts() : undefined,
  }).catch(async (error: unknown) => {
    await source.close();
    throw error;
  });
  return { source, words, rows: peeked.rows, columns, addedArgs: mapArgs(columns.added) };
}
