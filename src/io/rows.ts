/**
 * Input rows for `bulk`: every reader (CSV, JSON array, NDJSON) yields the same shape, one row
 * at a time, so memory stays flat however long the file is.
 */
export const INPUT_FORMATS = ['csv', 'json', 'ndjson'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

export interface InputRow {
  /** Where the user finds it: the spreadsheet row (header = 1), the NDJSON line, the JSON item. */
  row: number;
  /** Column (or field) names with their values, in file order; never a plain object. */
  entries: [string, unknown][];
  /** Why the row could not be read at all (bad JSON, too many fields); the batch goes on. */
  error?: string;
}

/** How a format names its rows and columns in messages. */
export const ROW_WORDS: Record<InputFormat, { row: string; column: string }> = {
  csv: { row: 'row', column: 'column' },
  json: { row: 'item', column: 'field' },
  ndjson: { row: 'line', column: 'field' },
};

/** A problem with the input as a whole (not one row): unreadable, malformed, empty. */
export class InputError extends Error {
  constructor(
    message: string,
    /** True when nothing could be read at all (usage error); false when it broke mid-way. */
    readonly atStart: boolean,
    /** What to do about it, when there is more to say than the message. */
    readonly hint?: string,
  ) {
    super(message);
  }
}
