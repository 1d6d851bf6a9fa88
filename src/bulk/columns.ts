/**
 * The columns `bulk` accepts: each one's name, meaning, and the everyday headers that mean it.
 * Each maps to a field of the same LetterRequest that `draft` builds. How a header is matched to
 * one is in header-match.ts, the user's own --map in column-map.ts.
 */
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
