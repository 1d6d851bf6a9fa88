/**
 * The columns `bulk` accepts and how a header names one: forgivingly (case, punctuation and a
 * note such as "(optional)" do not matter; everyday aliases are known), or as the user says with
 * --map "Your full name=name". Each maps to a field of the same LetterRequest that `draft` builds.
 */
import { listChoices } from '../errors.js';
import { foldText } from '../fold.js';
import { BULK_FIELD_OPTIONS, longFlag } from '../options/table.js';
import type { LetterRequestInput } from '../request.js';

export type RowField =
  | Extract<
      keyof LetterRequestInput,
      | 'name'
      | 'city'
      | 'address'
      | 'postcode'
      | 'state'
      | 'email'
      | 'region'
      | 'recipient'
      | 'recipientName'
      | 'recipientTitle'
      | 'recipientAddress'
      | 'stance'
      | 'story'
      | 'facts'
      | 'date'
      | 'seed'
      | 'template'
    >
  // Not a request field: it picks the built-in pack that writes the row's letter (row-packs.ts).
  | 'language';

export interface ColumnSpec {
  field: RowField;
  /** The column name as documented. */
  column: string;
  meaning: string;
  /** Other headers that mean the same. */
  aliases?: string[];
  /** Headers as form tools word their questions, matched against the header's words (see headerWords). */
  patterns?: RegExp[];
  /** Several columns may feed it (address_1, address_2...): their lines are joined. */
  lines?: boolean;
  /** Several columns may feed it (the wizard's personal questions): their answers are joined as sentences. */
  joins?: boolean;
  /** A part of the field (first name, last name): the parts are joined with spaces, in this order. */
  part?: number;
  required?: boolean;
  /** The bulk option that gives a default for rows without a value (from the options table). */
  flag?: string;
}

// Aliases are written as a form would word the question; German and French ones cover the
// sheets organisers in those countries export. Officials' role words, for the recipient's name.
const ROLE =
  '(?:mp|mep|senator|representative|rep|member|member of parliament|member of the european parliament|member of congress|congressman|congresswoman|official|politician|deputy|depute|eurodepute|abgeordneter?|abgeordneten)';

const SPECS: readonly Omit<ColumnSpec, 'flag'>[] = [
  {
    field: 'name',
    column: 'name',
    meaning: "the sender's name, as they sign (required)",
    aliases: [
      'full name',
      'your full name',
      'first and last name',
      'sender',
      'sender name',
      'your name',
      'signature',
      'what is your name',
      'what is your full name',
      'nom',
      'nom complet',
      'votre nom',
      'nom et prenom',
      'prenom et nom',
      'vollstandiger name',
      'ihr name',
      'vor und nachname',
    ],
    required: true,
  },
  {
    field: 'name',
    column: 'first_name',
    meaning: "or the sender's first name, joined with last_name",
    aliases: ['first name', 'given name', 'forename', 'your first name', 'vorname', 'prenom', 'votre prenom'],
    part: 1,
  },
  {
    field: 'name',
    column: 'last_name',
    meaning: 'and their last name',
    aliases: ['last name', 'surname', 'family name', 'your last name', 'your surname', 'nachname', 'familienname', 'nom de famille'],
    part: 2,
  },
  {
    field: 'city',
    column: 'city',
    meaning: "the sender's town or city (required, or --city)",
    aliases: [
      'town',
      'town or city',
      'city or town',
      'town/city',
      'city/town',
      'your town',
      'your city',
      'place',
      'sender city',
      'where do you live',
      'ville',
      'votre ville',
      'commune',
      'stadt',
      'ort',
      'wohnort',
      'stadt ort',
    ],
    required: true,
  },
  {
    field: 'address',
    column: 'address',
    meaning: 'the sender\'s postal address; lines split by " | " or in address_1, address_2...',
    aliases: [
      'postal address',
      'street',
      'street address',
      'your address',
      'home address',
      'adresse',
      'adresse postale',
      'votre adresse',
      'strasse',
      'anschrift',
      'strasse und hausnummer',
    ],
    lines: true,
  },
  {
    field: 'postcode',
    column: 'postcode',
    meaning: "the sender's postcode or ZIP code",
    aliases: ['post code', 'postal code', 'zip', 'zip code', 'zipcode', 'your postcode', 'your zip code', 'postleitzahl', 'plz', 'code postal'],
  },
  {
    field: 'state',
    column: 'state',
    meaning: "the sender's state, province or territory (us, ca, au), e.g. OR; a US ZIP gives it (or --state)",
    aliases: [
      'province',
      'territory',
      'state or province',
      'province or state',
      'state or territory',
      'state/province',
      'your state',
      'your province',
      'us state',
    ],
  },
  {
    field: 'email',
    column: 'email',
    meaning: "the sender's email address, shown under their name",
    aliases: [
      'email address',
      'your email',
      'your email address',
      'e-mail',
      'mail',
      'what is your email',
      'what is your email address',
      'courriel',
      'adresse email',
      'adresse e mail',
      'adresse electronique',
      'e mail adresse',
      'ihre e mail adresse',
    ],
  },
  {
    field: 'region',
    column: 'region',
    meaning: 'us, uk, eu, ca, au or other, or a country: UK, France, DE... (required, or --region)',
    aliases: [
      'country',
      'your country',
      'country of residence',
      'which country do you live in',
      'what country do you live in',
      'pays',
      'votre pays',
      'land',
      'staat',
    ],
    required: true,
  },
  {
    field: 'recipient',
    column: 'recipient',
    meaning: 'which official: mp, senator, mep, foreign-minister... (required, or --recipient)',
    aliases: ['official', 'recipient role', 'role', 'who to write to', 'who do you want to write to', 'destinataire', 'empfanger'],
    required: true,
  },
  {
    field: 'recipientName',
    column: 'recipient_name',
    meaning: "the official's name, e.g. Jane Smith (or --recipient-name)",
    aliases: ['official name', 'mp', 'mp name', 'representative name', 'senator name', 'mep name', 'recipient full name'],
    patterns: [
      new RegExp(`^(?:(?:your|the|my) )?${ROLE} (?:full )?name$`),
      new RegExp(`^(?:full )?name of (?:your |the |my )?${ROLE}$`),
      new RegExp(`^(?:your|my) ${ROLE}$`),
      new RegExp(`^who is your ${ROLE}$`),
      new RegExp(`^(?:nom (?:de )?(?:votre |du )?|name (?:ihres |ihrer |des )?)${ROLE}$`),
    ],
  },
  { field: 'recipientTitle', column: 'recipient_title', meaning: 'their courtesy title for the salutation, e.g. Ms, Mr, Dr', aliases: ['official title'] },
  {
    field: 'recipientAddress',
    column: 'recipient_address',
    meaning: 'the official\'s address; lines split by " | " (replaces the built-in one)',
    aliases: ['official address'],
    lines: true,
  },
  { field: 'stance', column: 'stance', meaning: 'maintain, strengthen or conditional (required, or --stance)', aliases: ['ask', 'position'], required: true },
  {
    field: 'story',
    column: 'story',
    meaning: "a few sentences in the sender's own words, kept unchanged; several such columns are joined",
    aliases: [
      'personal story',
      'message',
      'why',
      'comment',
      'comments',
      'your story',
      'your message',
      'tell us your story',
      'why does this matter to you',
      'why it matters to you',
      'anything else',
      'nachricht',
      'ihre nachricht',
      'ihre geschichte',
      'kommentar',
      'message personnel',
      'votre message',
      'votre histoire',
      'commentaire',
      'commentaires',
    ],
    // The wizard's own personal questions, whatever official they name.
    patterns: [
      /^what is your connection to belarus\b/,
      /^your message\b/,
      /^what do you want your .+ to do$/,
      /^why (?:does|is) (?:this|it) (?:matter|important)\b/,
      /^tell us\b/,
      /^pourquoi\b/,
      /^warum\b/,
    ],
    joins: true,
  },
  { field: 'facts', column: 'facts', meaning: 'comma-separated fact ids (see `belarus-letter facts`; or --facts)', aliases: ['fact ids'] },
  {
    field: 'date',
    column: 'date',
    meaning: 'the date on the letter, as YYYY-MM-DD, DD.MM.YYYY or DD/MM/YYYY (default: --date, else today)',
    aliases: ['letter date', 'datum'],
  },
  { field: 'seed', column: 'seed', meaning: 'another wording for this sender; the same seed gives the same letter' },
  {
    field: 'language',
    column: 'language',
    meaning: "the letter's language: en, de or pl (de and pl: EU region; default: --language, else en)",
    aliases: ['letter language', 'sprache', 'jezyk', 'langue'],
  },
  { field: 'template', column: 'template', meaning: 'the letter template to use when several fit (or --template)' },
];

export const COLUMNS: readonly ColumnSpec[] = SPECS.map((spec) => {
  const option = BULK_FIELD_OPTIONS.get(spec.field);
  return option ? { ...spec, flag: longFlag(option) } : spec;
});

const ROW_FIELDS: ReadonlySet<string> = new Set(COLUMNS.map((c) => c.field));
export const isRowField = (field: string): field is RowField => ROW_FIELDS.has(field);

/**
 * A note in brackets that says nothing about what the column holds, as form tools add to a
 * question: "(optional)", "(e.g. Leeds)". Any other note is kept: "Name (of your MP)" is not name.
 */
const FILLER_NOTE = /\(\s*(?:optional|required|mandatory|if any|if you (?:like|wish)|(?:e\.?g\.?|for example|such as)\b[^)]*)\s*\)/g;

/**
 * A header as plain words: lower case, accents folded ("Région" is "region", "Straße" is
 * "strasse"), a possessive "'s" and a filler note dropped, any run of punctuation one space.
 * "Your MP's name" becomes "your mp name".
 */
export function headerWords(header: string): string {
  return foldText(header)
    .replace(FILLER_NOTE, '')
    .replace(/\b(what|who|where|which)['’]s\b/g, '$1 is')
    .replace(/['’]s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * "Recipient-Name", "recipient name" and "RECIPIENT_NAME" all become "recipientname"; a form
 * tool's "Your story (optional)" becomes "yourstory".
 */
export function normaliseHeader(header: string): string {
  return headerWords(header).replace(/ /g, '');
}

const BY_HEADER = new Map<string, ColumnSpec>();
for (const spec of COLUMNS) {
  // A part (first_name) is not known by its field's name: "name" is the whole name.
  for (const name of [spec.column, ...(spec.part ? [] : [spec.field]), ...(spec.aliases ?? [])]) BY_HEADER.set(normaliseHeader(name), spec);
}

/**
 * Columns a form tool adds about the response rather than the sender: read as nothing, quietly.
 * Google Forms (in English, French, German), Microsoft Forms, Typeform, Jotform, Tally.
 */
const FORM_METADATA = new Set(
  [
    'timestamp',
    'horodateur',
    'zeitstempel',
    'id',
    'start time',
    'completion time',
    'last modified time',
    'submitted at',
    'submission date',
    'submit date utc',
    'start date utc',
    'stage date utc',
    'network id',
    'response id',
    'respondent id',
    'submission id',
    'token',
    'tags',
    'ending',
    'ip',
    'ip address',
    'heure de debut',
    'heure de fin',
    'startzeit',
    'fertigstellungszeit',
  ].map(normaliseHeader),
);

/** A header that names the response (Timestamp, Start time...) or nothing at all ("", "#"). */
export function isFormMetadata(header: string): boolean {
  const key = normaliseHeader(header);
  return key === '' || FORM_METADATA.has(key);
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
  const words = headerWords(header);
  return COLUMNS.find((spec) => spec.patterns?.some((p) => p.test(words)));
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

Headers are matched ignoring case, accents, spaces, punctuation and a note such as "(optional)",
and as form tools word their questions: "Your MP's name" and "Name of your MP" are
recipient_name, "Why does this matter to you?" and "Tell us your story" are story (several
such columns are joined), "Postcode" and "ZIP" are postcode, "First name" and "Last name" make
the name. A form tool's own columns (Timestamp, Start time...) are left out quietly; any other
column is left out with a warning that gives the --map to read it. To read a header of your
own as a column, map it:
  --map "Legal name=name" --map "Home town=city"
and --map "Timestamp=" leaves a column out quietly; --mapping FILE reads maps saved on the
terminal (lines "HEADER: column").
Values are read as people type them: a region column takes country names and codes
(United Kingdom, GB, USA, Deutschland, FR...), recipient takes "foreign minister" or "member of
parliament", and date takes YYYY-MM-DD, DD.MM.YYYY, and DD/MM/YYYY or MM/DD/YYYY (--date-format).
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
