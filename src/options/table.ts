/**
 * Every option of every command (and the program's own), defined once. From this table come
 * commander's flags and help text (commander.ts), the typed options each command receives
 * (OptionsOf), the bulk columns an option gives a value to for rows that leave them empty, the
 * option names in error messages, and the option reference in docs/options.md (checked by a test).
 *
 * A row is keyed by the name commander gives the value (camelCase of the long flag): the flag is
 * that name in kebab-case, with `--no-` for a `negate` row. A command's entry is its help text,
 * or { help, arg, choices, default } where that command's flag differs. Rows are in the order
 * `--help` lists them; the few options of the smaller commands that no other command takes are
 * grouped at the end under the command's name. Nothing here is imported at run time but plain
 * data: `--help` loads it.
 */

/** The commands whose options come from this table; `program` is the options of every command. */
export const COMMANDS = [
  'program',
  'draft',
  'bulk',
  'regions',
  'officials',
  'officials update',
  'stances',
  'facts',
  'templates list',
  'templates show',
  'templates eject',
  'templates validate',
  'templates preview',
  'config show',
  'config clear',
] as const;
export type CommandName = (typeof COMMANDS)[number];

/** How one command shows an option: its help, and its own argument, choices or default if they differ. */
export type OptionUse = string | { help: string; arg?: string; choices?: readonly string[]; default?: string };

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
  regions?: OptionUse;
  stances?: OptionUse;
  officials?: OptionUse;
  'officials update'?: OptionUse;
  facts?: OptionUse;
  'templates list'?: OptionUse;
  'templates show'?: OptionUse;
  'templates eject'?: OptionUse;
  'templates validate'?: OptionUse;
  'templates preview'?: OptionUse;
  'config show'?: OptionUse;
  'config clear'?: OptionUse;
}

const LETTER_FORMATS = ['text', 'markdown', 'html', 'eml', 'pdf'] as const;
/** Bulk writes the formats a letter file is read in; eml and pdf are for one letter at a time. */
export const BULK_FORMATS = ['text', 'markdown', 'html'] as const;

export const OPTIONS = {
  templates: { arg: 'dir', program: 'use your own template pack over the built-in one (also $BELARUS_LETTER_TEMPLATES)' },
  debug: { program: 'show internal details when something goes wrong' },
  color: { negate: true, program: 'plain output without colours (also NO_COLOR=1)' },

  columns: { bulk: 'list the columns a row can have, with their meaning' },
  example: {
    bulk: 'print a starter CSV to fill in',
    'templates eject': {
      arg: 'name',
      help: 'copy a worked example instead, e.g. postcard: a pack of its own that layers over the built-in one',
    },
  },
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
  zip: {
    arg: 'zip',
    draft: 'US: your ZIP code; names your senator or representative and their address (see `officials`)',
    officials: 'your 5-digit ZIP code, e.g. 97201',
  },
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
  country: {
    arg: 'code',
    field: 'country',
    draft:
      'your country as a two-letter code, e.g. LT or NO: written under your address when the letter goes to another country (an MEP in Brussels), and your postcode is placed as that country writes it ("0150 Oslo")',
  },
  state: {
    arg: 'state',
    field: 'state',
    draft:
      'US, Canada, Australia: your state, province or territory, e.g. OR, ON, VIC; the post and offices read it with your ZIP or postcode (found from --zip when you give it)',
    bulk: 'state, province or territory for rows without one (us, ca, au)',
    officials: "a state's two-letter code or name, e.g. OR: its senators and every district",
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
    'templates preview': { help: 'letter format', choices: BULK_FORMATS },
  },
  language: {
    arg: 'code',
    field: 'language',
    draft: "write the letter from this language's built-in pack: en (default), de or pl (EU region; see `regions --language`)",
    bulk: 'the language for rows without a language column: en (default), de or pl',
    regions: "the regions and officials of this language's built-in letters: en (default), de or pl",
    facts: "the facts of this language's built-in letters: en (default), de or pl",
    'templates eject': "copy that language's built-in pack: en (default), de or pl",
    'templates validate': 'check the built-in pack of this language (en, de or pl), or DIR layered over it',
    'templates preview': 'preview the built-in pack of this language (en, de or pl), or DIR layered over it',
  },
  template: {
    arg: 'id',
    field: 'template',
    draft: 'the letter template to use when several fit (see `templates list`)',
    bulk: 'the letter template for rows without one',
    'templates preview': 'preview only this template (default: every template of the pack)',
  },
  outDir: {
    arg: 'dir',
    bulk: { help: 'the folder for the letters (created if missing)', default: 'letters' },
    'templates preview': 'write one file per letter into this folder instead of printing them',
  },
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
    'templates eject': 'write into a non-empty DIR, replacing pack files of the same name',
    'templates preview': 'replace preview files already in --out-dir',
  },
  failFast: { bulk: 'stop at the first row that fails' },
  sources: { negate: true, field: 'sources', draft: 'leave out the Sources section', bulk: 'leave out the Sources section' },
  json: {
    draft: 'print { letter, meta } as JSON',
    bulk: 'also print the summary as JSON on stdout (letters, skipped, failed, time, form-letter risk)',
    regions: 'print as JSON',
    stances: 'print as JSON',
    officials: "print the lookup and the directory's date and sources as JSON",
    facts: 'print as JSON',
    'templates list': 'print as JSON',
    'templates show': 'print as JSON',
    'templates preview':
      'print { pack, format, date, senders, letters: [{ template, region, recipient, stance, words, similarity, letter or file }], failed } as JSON',
    'config show': 'print { path, config } as JSON',
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

  // officials update
  baseUrl: {
    arg: 'url',
    'officials update':
      'where the source files are, as <repo>/<branch>/<file> (default: https://raw.githubusercontent.com; also $BELARUS_LETTER_OFFICIALS_URL)',
  },

  // facts
  checkLinks: { facts: "open every source's web address and report each that fails (exit 1 if any does)" },
  timeout: { arg: 'seconds', facts: 'with --check-links: how long to wait for each source (default 10)' },
} as const satisfies Record<string, OptionRow>;

export type OptionKey = keyof typeof OPTIONS;
type Table = typeof OPTIONS;

/**
 * A list option gives a list; one with an argument (the row's, or this command's own), text; a
 * switch or a --no- option, true or false.
 */
type ValueOf<R, C extends CommandName> = R extends { list: true }
  ? string[]
  : R extends { arg: string }
    ? string
    : R extends Record<C, { arg: string }>
      ? string
      : boolean;

/** The options a command's action receives, typed from the table (each one may be absent). */
export type OptionsOf<C extends CommandName> = {
  -readonly [K in OptionKey as Table[K] extends Record<C, OptionUse> ? K : never]?: ValueOf<Table[K], C>;
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
export function useIn(row: OptionRow, command: CommandName): { help: string; arg?: string; choices?: readonly string[]; default?: string } | undefined {
  const use = row[command];
  if (use === undefined) return undefined;
  const own = typeof use === 'string' ? { help: use } : use;
  return { arg: own.arg ?? row.arg, choices: own.choices ?? row.choices, default: own.default ?? row.default, help: own.help };
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
