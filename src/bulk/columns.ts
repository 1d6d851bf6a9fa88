/**
 * The columns `bulk` accepts and how a header names one: forgivingly (case, punctuation and a
 * note such as "(optional)" do not matter; everyday aliases are known), or as the user says with
 * --map "Your full name=name". Each maps to a field of the same LetterRequest that `draft` builds.
 */
import { listChoices } from '../errors.js';
import type { LetterRequestInput } from '../request.js';

export type RowField = Extract<
  keyof LetterRequestInput,
  'name' | 'city' | 'address' | 'postcode' | 'email' | 'region' | 'recipient' | 'recipientName' | 'recipientTitle' | 'recipientAddress' | 'stance' | 'story' | 'facts' | 'date' | 'seed' | 'template'
>;

export interface ColumnSpec {
  field: RowField;
  /** The column name as documented. */
  column: string;
  meaning: string;
  /** Other headers that mean the same. */
  aliases?: string[];
  /** Several columns may feed it (address_1, address_2...): their lines are joined. */
  lines?: boolean;
  required?: boolean;
  /** The bulk option that gives a default for rows without a value. */
  flag?: string;
}

export const COLUMNS: readonly ColumnSpec[] = [
  { field: 'name', column: 'name', meaning: 'the sender\'s name, as they sign (required)', aliases: ['full name', 'your full name', 'first and last name', 'sender', 'sender name', 'your name', 'signature'], required: true },
  { field: 'city', column: 'city', meaning: 'the sender\'s town or city (required, or --city)', aliases: ['town', 'town or city', 'city or town', 'town/city', 'city/town', 'your town', 'your city', 'place', 'sender city'], required: true, flag: '--city' },
  { field: 'address', column: 'address', meaning: 'the sender\'s postal address; lines split by " | " or in address_1, address_2...', aliases: ['postal address', 'street', 'street address'], lines: true },
  { field: 'postcode', column: 'postcode', meaning: 'the sender\'s postcode or ZIP code, which offices check to count a constituent', aliases: ['zip', 'zip code', 'zipcode', 'postal code', 'post code', 'postcode/zip'] },
  { field: 'email', column: 'email', meaning: 'the sender\'s email address, shown under their name', aliases: ['email address', 'your email', 'your email address', 'e-mail', 'mail'] },
  { field: 'region', column: 'region', meaning: 'us, uk, eu, ca, au or other (required, or --region)', aliases: ['country'], required: true, flag: '--region' },
  { field: 'recipient', column: 'recipient', meaning: 'which official: mp, senator, mep, foreign-minister... (required, or --recipient)', aliases: ['official', 'recipient role', 'role'], required: true, flag: '--recipient' },
  { field: 'recipientName', column: 'recipient_name', meaning: 'the official\'s name, e.g. Jane Smith (or --recipient-name)', aliases: ['official name', 'mp', 'mp name', 'representative name', 'senator name', 'mep name'], flag: '--recipient-name' },
  { field: 'recipientTitle', column: 'recipient_title', meaning: 'their courtesy title for the salutation, e.g. Ms, Mr, Dr', aliases: ['official title'], flag: '--recipient-title' },
  { field: 'recipientAddress', column: 'recipient_address', meaning: 'the official\'s address; lines split by " | " (replaces the built-in one)', aliases: ['official address'], lines: true, flag: '--recipient-address' },
  { field: 'stance', column: 'stance', meaning: 'maintain, strengthen or conditional (required, or --stance)', aliases: ['ask', 'position'], required: true, flag: '--stance' },
  { field: 'story', column: 'story', meaning: 'a few sentences in the sender\'s own words, kept unchanged', aliases: ['personal story', 'message', 'why', 'comment', 'comments', 'your story'] },
  { field: 'facts', column: 'facts', meaning: 'comma-separated fact ids (see `belarus-letter facts`; or --facts)', aliases: ['fact ids'], flag: '--facts' },
  { field: 'date', column: 'date', meaning: 'the date on the letter, YYYY-MM-DD (default: --date, else today)', aliases: ['letter date'], flag: '--date' },
  { field: 'seed', column: 'seed', meaning: 'another wording for this sender; the same seed gives the same letter' },
  { field: 'template', column: 'template', meaning: 'the letter template to use when several fit (or --template)', flag: '--template' },
];

/**
 * A note in brackets that says nothing about what the column holds, as form tools add to a
 * question: "(optional)", "(e.g. Leeds)". Any other note is kept: "Name (of your MP)" is not name.
 */
const FILLER_NOTE = /\(\s*(?:optional|required|mandatory|if any|if you (?:like|wish)|(?:e\.?g\.?|for example|such as)\b[^)]*)\s*\)/g;

/**
 * "Recipient-Name", "recipient name" and "RECIPIENT_NAME" all become "recipientname"; a form
 * tool's "Your story (optional)" becomes "yourstory".
 */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(FILLER_NOTE, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

const BY_HEADER = new Map<string, ColumnSpec>();
for (const spec of COLUMNS) {
  for (const name of [spec.column, spec.field, ...(spec.aliases ?? [])]) BY_HEADER.set(normaliseHeader(name), spec);
}

/** The column a header means, or undefined for one the tool does not know. */
export function columnFor(header: string): ColumnSpec | undefined {
  const key = normaliseHeader(header);
  const direct = BY_HEADER.get(key);
  if (direct) return direct;
  // Numbered line columns: address_1, address line 2, recipient_address_3.
  const numbered = key.match(/^(.*?)(?:line)?\d{1,2}$/);
  if (numbered) {
    const spec = BY_HEADER.get(numbered[1] as string);
    if (spec?.lines) return spec;
  }
  return undefined;
}

/** --map "HEADER=COLUMN": the user's header read as that column; spec null (HEADER=) ignores it quietly. */
export interface ColumnMap {
  header: string;
  spec: ColumnSpec | null;
}

export class ColumnMapError extends Error {}

export function parseColumnMap(text: string): ColumnMap {
  // Column names hold no "=", so the last one splits: a header may hold one.
  const at = text.lastIndexOf('=');
  const header = text.slice(0, Math.max(at, 0)).trim();
  if (at < 0 || !header) throw new ColumnMapError('give it as HEADER=COLUMN, such as "Your full name=name"');
  const column = text.slice(at + 1).trim();
  if (column === '') return { header, spec: null };
  const spec = columnFor(column);
  if (!spec) {
    throw new ColumnMapError(`"${column}" is not a column; choose ${listChoices(COLUMNS.map((c) => c.column))} (or nothing after "=" to ignore the header)`);
  }
  return { header, spec };
}

/** Every --map given, each named in its error, and no header mapped twice. */
export function parseColumnMaps(texts: readonly string[]): ColumnMap[] {
  const byHeader = new Map<string, string>();
  return texts.map((text) => {
    let map: ColumnMap;
    try {
      map = parseColumnMap(text);
    } catch (error) {
      if (error instanceof ColumnMapError) throw new ColumnMapError(`--map "${text}": ${error.message}`);
      throw error;
    }
    const key = normaliseHeader(map.header);
    const earlier = byHeader.get(key);
    if (earlier !== undefined) throw new ColumnMapError(`--map "${earlier}" and --map "${text}" both map the header "${map.header}"; keep one`);
    byHeader.set(key, text);
    return map;
  });
}

/** `bulk --columns`: each accepted column with its meaning. */
export function columnsHelp(): string {
  const width = Math.max(...COLUMNS.map((c) => c.column.length)) + 2;
  const lines = COLUMNS.map((c) => `${c.column.padEnd(width)}${c.meaning}`);
  return `${lines.join('\n')}

Headers are matched ignoring case, spaces, punctuation and a note such as "(optional)"
("Recipient Name" and "Your story (optional)" work). Any other column is ignored with a
warning. To read a header of your own as a column, map it:
  --map "Your full name=name" --map "Where do you live?=city"
and --map "Timestamp=" ignores a column without a warning.
Options such as --region uk --stance maintain give a value to rows whose cell is empty.
`;
}

/** `bulk --example`: a starter CSV that `bulk` accepts as it is. */
export function exampleCsv(): string {
  return [
    'name,city,email,region,recipient,recipient_name,recipient_title,stance,story',
    'Alex Doe,Leeds,alex@example.org,uk,mp,Jane Smith,Ms,maintain,"My aunt was jailed in Minsk in 2021, for a post she shared."',
    'Sam Lee,"Portland, OR",,us,senator,John Doe,,conditional,"I left Belarus in 2020; my friends who stayed still fear a knock on the door."',
    'Ana Novak,Ljubljana,,eu,mep,Eva Horvat,,strengthen,',
    '',
  ].join('\n');
}
