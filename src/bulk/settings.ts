/**
 * bulk's options checked and turned into the run's settings, before the sheet is opened: every
 * bad option is a usage error that names it, and the options that give a value for rows that
 * leave a column empty (see the options table) become the rows' defaults.
 */
import { listChoices, UsageError } from '../errors.js';
import { commandName } from '../io/invocation.js';
import { encodingChoices, encodingLabel } from '../io/encoding.js';
import { readTextInput } from '../io/read-text.js';
import { INPUT_FORMATS, type InputFormat } from '../io/rows.js';
import { checkNamePattern, DEFAULT_NAME_PATTERN, NamePatternError } from '../io/safe-name.js';
import { today } from '../io/terminal.js';
import { BULK_FIELD_OPTIONS, BULK_FORMATS, OPTIONS, type OptionsOf } from '../options/table.js';
import type { Pack } from '../pack/load.js';
import { findRecipient, findRegion, findStance } from '../render/resolve.js';
import { namingOptions } from '../validate.js';
import { dateSchema, type LetterFormat } from '../request.js';
import { ColumnMapError, parseColumnMaps, type ColumnMap } from './column-map.js';
import { isRowField } from './columns.js';
import { normaliseHeader } from './header-match.js';
import { parseMappingFile } from './mapping-file.js';
import type { RowDefaults } from './row-request.js';
import { DATE_ORDERS, parseDateOrder, type DateOrder } from './values.js';

/** bulk's options, as the options table defines them. */
export type BulkOptions = OptionsOf<'bulk'>;

export const DEFAULT_OUT_DIR = OPTIONS.outDir.bulk.default;
type BulkFormat = (typeof BULK_FORMATS)[number];
const EXTENSIONS: Record<BulkFormat, string> = { text: '.txt', markdown: '.md', html: '.html' };

export interface Settings {
  file: string;
  inputFormat?: InputFormat;
  /** The input's encoding as a TextDecoder label (--encoding); UTF-8 when not given. */
  encoding?: string;
  delimiter?: string;
  outDir: string;
  toStdout: boolean;
  dryRun: boolean;
  /** Letters go to files in outDir: neither a dry run nor --out -. */
  writing: boolean;
  pattern: string;
  /** The letters' file extension, from --format. */
  extension: string;
  defaults: RowDefaults;
  limit?: number;
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

export function settingsFrom(file: string, options: BulkOptions, pack: Pack): Settings {
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
  const encoding = options.encoding === undefined ? undefined : encodingLabel(options.encoding);
  if (options.encoding !== undefined && !encoding) {
    throw new UsageError(`Unknown encoding "${options.encoding}" (--encoding). Choose ${encodingChoices()}.`);
  }
  if (toStdout && options.resume) throw new UsageError('--resume works with --out-dir, not with --out -.');
  if (toStdout && options.json) throw new UsageError('--json prints a summary on stdout, where --out - prints the letters; use one of them.');
  let limit: number | undefined;
  if (options.limit !== undefined) {
    limit = Number(options.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit must be a whole number of rows, 1 or more, not "${options.limit}".`);
  }
  const columnMaps = columnMapsFrom(options);
  let dateOrder: DateOrder | undefined;
  if (options.dateFormat !== undefined) {
    dateOrder = parseDateOrder(options.dateFormat);
    if (!dateOrder) throw new UsageError(`--date-format must be DD/MM/YYYY or MM/DD/YYYY (or ${listChoices([...DATE_ORDERS])}), not "${options.dateFormat}".`);
  }
  const pattern = options.namePattern ?? DEFAULT_NAME_PATTERN;
  try {
    checkNamePattern(pattern);
  } catch (error) {
    if (error instanceof NamePatternError) throw new UsageError(`--name-pattern "${pattern}": ${error.message}.`);
    throw error;
  }
  if (options.date !== undefined) {
    const issue = dateSchema.safeParse(options.date).error?.issues[0];
    if (issue) throw new UsageError(`--date "${options.date}": ${issue.message}.`);
  }
  if (options.outDir !== undefined && options.outDir.trim() === '') {
    throw new UsageError(
      '--out-dir needs the name of a folder, not an empty one.',
      `Leave it out to write into ./${DEFAULT_OUT_DIR}, or give --out-dir . for this folder.`,
    );
  }
  // Defaults from flags are checked once here, not reported again on every row.
  const region = options.region?.trim().toLowerCase();
  namingOptions(() => {
    if (region) {
      const r = findRegion(pack, region);
      if (options.recipient) findRecipient(r, options.recipient.trim().toLowerCase());
    }
    if (options.stance) findStance(pack, options.stance.trim().toLowerCase());
  });

  const format = (options.format as BulkFormat | undefined) ?? 'text';
  const dryRun = Boolean(options.dryRun);
  return {
    file,
    inputFormat: options.inputFormat as InputFormat | undefined,
    encoding,
    delimiter: parseDelimiter(options.delimiter),
    outDir: options.outDir ?? DEFAULT_OUT_DIR,
    toStdout,
    dryRun,
    writing: !dryRun && !toStdout,
    pattern,
    extension: EXTENSIONS[format],
    limit,
    columnMaps,
    defaults: {
      values: columnValues(options),
      format: format satisfies LetterFormat,
      sources: options.sources !== false,
      date: options.date ?? today(),
      regions: new Map(pack.regions.map((r) => [r.id, r.recipients.map((x) => x.id)])),
      dateOrder,
    },
  };
}

/** The options given that stand in for a column, as each row's value when its cell is empty. */
export function columnValues(options: BulkOptions): RowDefaults['values'] {
  const values: RowDefaults['values'] = {};
  for (const [field, key] of BULK_FIELD_OPTIONS) {
    const value = options[key as keyof BulkOptions];
    if (isRowField(field) && (typeof value === 'string' || Array.isArray(value))) values[field] = value;
  }
  return values;
}

/** --mapping FILE's maps, and --map's over them for a header both name. */
function columnMapsFrom(options: BulkOptions): ColumnMap[] {
  const columnsHint = `Run \`${commandName()} bulk --columns\` for the columns it reads.`;
  let fromFile: ColumnMap[] = [];
  if (options.mapping !== undefined) {
    try {
      fromFile = parseMappingFile(readTextInput(options.mapping, '--mapping'));
    } catch (error) {
      if (error instanceof ColumnMapError) throw new UsageError(`--mapping ${options.mapping}: ${error.message}.`, columnsHint);
      throw error;
    }
  }
  let fromFlags: ColumnMap[];
  try {
    fromFlags = parseColumnMaps(options.map ?? []);
  } catch (error) {
    if (error instanceof ColumnMapError) throw new UsageError(`${error.message}.`, columnsHint);
    throw error;
  }
  // A --map for a header the file maps too wins: the command line says what this run wants.
  const flagged = new Set(fromFlags.map((m) => normaliseHeader(m.header)));
  return [...fromFile.filter((m) => !flagged.has(normaliseHeader(m.header))), ...fromFlags];
}
