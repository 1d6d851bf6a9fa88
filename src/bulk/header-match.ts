/**
 * Which column a sheet's header means, read forgivingly: case, accents, punctuation and a note
 * such as "(optional)" do not matter, the columns' aliases are known, and headers worded as a
 * form tool asks its questions are matched by pattern. A form tool's own columns are told apart.
 */
import { foldText } from '../fold.js';
import { COLUMNS, type ColumnSpec } from './columns.js';

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
