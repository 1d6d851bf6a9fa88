/**
 * Every option of `draft` and `bulk` (and the program's own), defined once. From this table come
 * commander's flags and help text (cli/options.ts), the typed options each command receives
 * (OptionsOf), the bulk columns an option gives a value to for rows that leave them empty, the
 * option names in error messages, and the option reference in docs/options.md (checked by a test).
 *
 * A row is keyed by the name commander gives the value (camelCase of the long flag): the flag is
 * that name in kebab-case, with `--no-` for a `negate` row. A command's entry is its help text,
 * or { help, arg, choices } where that command's flag differs. Rows are in the order `--help`
 * lists them. Nothing here is imported at run time but plain data: `--help` loads it.
 */

/** The commands whose options come from this table; `program` is the options of every command. */
export const COMMANDS = ['program', 'draft', 'bulk'] as const;
export type CommandName = (typeof COMMANDS)[number];

/** How one command shows an option: its help, and its own argument name or choices if they differ. */
export type OptionUse = string | { help: string; arg?: string; choices?: readonly string[] };

export interface OptionRow {
  /** A one-letter alias, as in `-r`. */
  short?: string;
  /** The value's name in `--help` (`<id>`); no arg: a switch. */
  arg?: string;
  /** Repeatable: each use adds one more value to a list. */
  list?: true;
  /** `--no-NAME`: true unless given. */
  negate?: true;
  choices?: readonly string[];
  /** The value when the option is not given, shown in `--help`. */
  default?: string;
  /**
   * The LetterRequest field the option gives: error messages name the option for it, and in
   * `bulk` the option is that column's value for every row that leaves it empty.
   */
  field?: string;
  program?: OptionUse;
  draft?: OptionUse;
  bulk?: OptionUse;
}

const LETTER_FORMATS = ['text', 'markdown', 'html', 'eml', 'pdf'] as const;
/** Bulk writes the formats a letter file is read in; eml and pdf are for one letter at a time. */
export const BULK_FORMATS = ['text', 'markdown', 'html'] as const;

export const OPTIONS = {
  templates: { arg: 'dir', program: 'use your own template pack over the built-in one (also $BELARUS_LETTER_TEMPLATES)' },
  debug: { program: 'show internal details when something goes wrong' },
  color: { negate: true, program: 'plain output without colours (also NO_COLOR=1)' },

  columns: { bulk: 'list the columns a row can have, with their meaning' },
  example: { bulk: 'print a starter CSV to fill in' },
  inputFormat: {
    arg: 'format',
    choices: ['csv', 'json', 'ndjson'],
    bulk: 'how to read FILE (default: from its extension, else its content)',
  },
  encoding: { arg: 'name', bulk: 'the encoding of FILE when it is not UTF-8: windows-1252 (an older Excel CSV) or latin1' },
  delimiter: { arg: 'char', bulk: 'the CSV delimiter (default: detected from the header: , ; tab or |)' },
  map: {
    arg: 'header=column',
    list: true,
    bulk: 'read a header of your sheet as one of the columns, e.g. "Your full name=name" (repeat for more)',
  },
  mapping: {
    arg: 'file',
    bulk: 'read headers as columns from a mapping file (YAML lines "HEADER: column"), as saved when mapping on the terminal',
  },
  dateFormat: { arg: 'order', bulk: 'how to read dates like 04/05/2026 in a date column: DD/MM/YYYY or MM/DD/YYYY' },

  region: {
    short: 'r',
    arg: 'id',
    field: 'region',
    draft: 'where you live: us, uk, eu, ca, au or other (see `regions`)',
    bulk: 'region for rows without one',
  },
  recipient: {
    short: 't',
    arg: 'id',
    field: 'recipient',
    draft: 'which official, e.g. mp, senator, foreign-minister (see `regions`)',
    bulk: 'official for rows without one',
  },
  recipientName: {
    arg: 'name',
    field: 'recipientName',
    draft: 'the official\'s name, e.g. "Jane Smith"',
    bulk: "official's name for rows without one",
  },
  recipientTitle: {
    arg: 'title',
    field: 'recipientTitle',
    draft: 'their courtesy title for the salutation, e.g. Ms, Mr, Dr',
    bulk: "official's courtesy title for rows without one",
  },
  recipientAddress: {
    arg: 'line',
    list: true,
    field: 'recipientAddress',
    draft: 'an address line for the official (repeat for more lines)',
    bulk: "official's address line for rows without one (repeat for more lines)",
  },
  recipientEmail: {
    arg: 'address',
    field: 'recipientEmail',
    draft: "the official's email address: To of --format eml and of --mailto/--webmail links",
  },
  zip: { arg: 'zip', draft: 'US: your ZIP code; names your senator or representative and their address (see `officials`)' },
  official: { arg: 'id', draft: 'US: which of several officials for your ZIP, by the id `officials --zip` shows' },
  stance: {
    short: 's',
    arg: 'id',
    field: 'stance',
    draft: 'what you ask: maintain, strengthen or conditional (see `stances`)',
    bulk: 'stance for rows without one',
  },
  name: { short: 'n', arg: 'name', field: 'name', draft: 'your name, as you sign the letter' },
  city: { short: 'c', arg: 'place', field: 'city', draft: 'your town or city', bulk: 'town or city for rows without one' },
  address: {
    arg: 'line',
    list: true,
    field: 'address',
    draft: 'a line of your street address (repeat for more lines); offices check it to count you as a constituent',
  },
  postcode: {
    arg: 'code',
    field: 'postcode',
    draft: 'your postcode (ZIP code in the US): offices match it to their constituency',
  },
  email: { arg: 'address', field: 'email', draft: 'your email address, shown under your name' },
  story: { arg: 'text', field: 'story', draft: 'a few sentences in your own words: why this matters to you' },
  storyFile: { arg: 'file', draft: 'read your story from a file (- for stdin)' },
  facts: {
    arg: 'ids',
    field: 'facts',
    draft: "comma-separated fact ids for the facts paragraph (default: the stance's; see `facts`)",
    bulk: 'fact ids for rows without a facts column',
  },
  date: {
    arg: 'YYYY-MM-DD',
    field: 'date',
    draft: 'the date on the letter (default: today)',
    bulk: 'the date on the letters (default: today)',
  },
  seed: { arg: 'text', field: 'seed', draft: 'pick another wording; the same seed always gives the same letter' },
  format: {
    short: 'f',
    arg: 'format',
    field: 'format',
    draft: { help: "output format (default: from --out's extension, else text)", choices: LETTER_FORMATS },
    bulk: { help: "letter format, and the files' extension", choices: BULK_FORMATS },
  },
  language: {
    arg: 'code',
    field: 'language',
    draft: "write the letter from this language's built-in pack: en (default), de or pl (EU region; see `regions --language`)",
    bulk: 'the language for rows without a language column: en (default), de or pl',
  },
  template: {
    arg: 'id',
    field: 'template',
    draft: 'the letter template to use when several fit (see `templates list`)',
    bulk: 'the letter template for rows without one',
  },
  outDir: { arg: 'dir', default: 'letters', bulk: 'the folder for the letters (created if missing)' },
  out: {
    short: 'o',
    arg: 'file',
    draft: 'write the letter to a file instead of stdout (- for stdout)',
    bulk: { help: 'print NDJSON records { row, file, letter, meta } to stdout instead (-)', arg: 'target' },
  },
  namePattern: {
    arg: 'pattern',
    default: '{row}-{official}-{name}',
    bulk: 'file names from {row}, {official}, {name}, {city}, {region}, {recipient}, {recipient_name}, {stance}',
  },
  limit: { arg: 'n', bulk: 'process only the first N rows' },
  dryRun: { bulk: 'check every row and list the files it would write; write nothing' },
  resume: { bulk: "skip rows the output folder's manifest shows as written" },
  force: {
    draft: 'replace the --out file if it exists (only a file: never a folder, link or device)',
    bulk: 'replace letters that already exist (only files: never a folder, link or device)',
  },
  failFast: { bulk: 'stop at the first row that fails' },
  sources: { negate: true, field: 'sources', draft: 'leave out the Sources section', bulk: 'leave out the Sources section' },
  json: {
    draft: 'print { letter, meta } as JSON',
    bulk: 'also print the summary as JSON on stdout (letters, skipped, failed, time, form-letter risk)',
  },
  maxChars: {
    arg: 'n',
    field: 'maxChars',
    draft: 'fit a web form: drop optional parts until the text letter has at most N characters',
  },
  mailto: { draft: 'print a mailto: link that opens your mail program with the letter filled in' },
  webmail: { arg: 'service', choices: ['gmail', 'outlook'], draft: 'print a link that opens the letter in webmail' },
  config: {
    negate: true,
    draft: 'ignore remembered settings (name, town, region, template folder) and offer to remember none',
  },
} as const satisfies Record<string, OptionRow>;

export type OptionKey = keyof typeof OPTIONS;
type Table = typeof OPTIONS;

/** A list option gives a list; one with an argument, text; a switch or a --no- option, true or false. */
type ValueOf<R> = R extends { list: true } ? string[] : R extends { arg: string } ? string : boolean;

/** The options a command's action receives, typed from the table (each one may be absent). */
export type OptionsOf<C extends CommandName> = {
  -readonly [K in OptionKey as Table[K] extends Record<C, OptionUse> ? K : never]?: ValueOf<Table[K]>;
};

/** The rows, in table order, as plain OptionRows (the literal types are for OptionsOf). */
export const OPTION_ROWS: readonly (readonly [OptionKey, OptionRow])[] = Object.entries(OPTIONS) as [OptionKey, OptionRow][];

const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The long flag as typed: `--recipient-name`, `--no-sources`. */
export function longFlag(key: OptionKey): string {
  const row: OptionRow = OPTIONS[key];
  return `--${row.negate ? 'no-' : ''}${kebab(key)}`;
}

/** How a command shows a row, or undefined when the command does not take it. */
export function useIn(row: OptionRow, command: CommandName): { help: string; arg?: string; choices?: readonly string[] } | undefined {
  const use = row[command];
  if (use === undefined) return undefined;
  const own = typeof use === 'string' ? { help: use } : use;
  return { arg: own.arg ?? row.arg, choices: own.choices ?? row.choices, help: own.help };
}

/** commander's flags for a row in a command: `-r, --region <id>`. */
export function flagsIn(key: OptionKey, command: CommandName): string {
  const row: OptionRow = OPTIONS[key];
  const arg = useIn(row, command)?.arg;
  return `${row.short ? `-${row.short}, ` : ''}${longFlag(key)}${arg ? ` <${arg}>` : ''}`;
}

/** The rows a command takes, in `--help` order. */
export const optionsOf = (command: CommandName) => OPTION_ROWS.filter(([, row]) => row[command] !== undefined);

/** The option that gives each LetterRequest field, as error messages name it: `--recipient-name`. */
export const OPTION_NAMES: Readonly<Record<string, string>> = Object.fromEntries(
  OPTION_ROWS.filter(([, row]) => row.field !== undefined && row.draft !== undefined).map(([key, row]) => [row.field, longFlag(key)]),
);

/**
 * In bulk: the option that gives each LetterRequest field. For a field that is a column, the
 * option's value fills every row that leaves that column empty.
 */
export const BULK_FIELD_OPTIONS: ReadonlyMap<string, OptionKey> = new Map(
  OPTION_ROWS.filter(([, row]) => row.field !== undefined && row.bulk !== undefined).map(([key, row]) => [row.field as string, key]),
);
