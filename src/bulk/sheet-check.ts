/**
 * Columns the sheet has but bulk would not read, looked at before any letter is written: a
 * header or values that look like a name, a story or an address would otherwise be lost without
 * a word. Each guess comes with the --map that reads it; when every letter would lack the
 * official's name or a story that such a column seems to hold, the batch does not start.
 */
import type { InputRow } from '../io/rows.js';
import type { RowField } from './columns.js';
import { headerWords } from './header-match.js';
import type { ColumnMapper } from './row-request.js';

export interface Guess {
  header: string;
  /** The column it seems to hold, as --map names it. */
  column: 'name' | 'recipient_name' | 'story' | 'address' | 'postcode';
  /** What gave it away. */
  by: 'header' | 'values';
}

export const WHAT: Record<Guess['column'], string> = {
  name: "the sender's name",
  recipient_name: "the official's name",
  story: 'personal stories',
  address: 'addresses',
  postcode: 'postcodes',
};

const HEADER_HINTS: [RegExp, Guess['column']][] = [
  [/\b(?:mp|mep|senator|representative|congress\w*|official|politician|minister|deput\w*|abgeordnet\w*|elected)\b/, 'recipient_name'],
  [/\b(?:story|stories|message|why|reason|tell|comment\w*|thoughts|experience|connection|matter\w*|histoire|geschichte|nachricht|pourquoi|warum)\b/, 'story'],
  [/\b(?:post ?code|zip|postleitzahl|plz)\b/, 'postcode'],
  [/\b(?:address|street|road|adresse|strasse|anschrift)\b/, 'address'],
  [/\b(?:name|nom|signature|signed)\b/, 'name'],
];

/** A person's name as a form gets it: two to four words, each starting with a capital. */
const PERSON = /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3}$/u;
/** A street line: a house number and a word, either way round ("12 High Street", "Hauptstraße 5"). */
const STREET = /^(?:\d+[a-z]?,?\s+\p{L}.*|\p{L}.*\s\d+[a-z]?)$/iu;

function byValues(values: string[]): Guess['column'] | undefined {
  if (values.length === 0) return undefined;
  const share = (test: (v: string) => boolean) => values.filter(test).length / values.length;
  const words = values.reduce((n, v) => n + v.split(/\s+/).length, 0) / values.length;
  if (words >= 8) return 'story';
  if (share((v) => STREET.test(v)) >= 0.6) return 'address';
  if (share((v) => PERSON.test(v)) >= 0.6) return 'name';
  return undefined;
}

/** What each header the mapper does not read seems to hold, from its words and its first values. */
export function guessColumns(headers: readonly string[], sample: readonly InputRow[], mapper: ColumnMapper): Guess[] {
  const present = new Set<RowField>();
  for (const h of headers) {
    const spec = mapper.spec(h);
    if (spec) present.add(spec.field);
  }
  const guesses: Guess[] = [];
  for (const header of headers) {
    if (!mapper.unknown.includes(header)) continue;
    const words = headerWords(header);
    let column = HEADER_HINTS.find(([pattern]) => pattern.test(words))?.[1];
    let by: Guess['by'] = 'header';
    // "Organisation name" beside the sender's name is no sender's name: only its values tell.
    if (!column || (column === 'name' && present.has('name'))) {
      column = byValues(valuesOf(sample, header));
      by = 'values';
    }
    // A second column of people's names, beside the sender's: the official's.
    if (column === 'name' && present.has('name')) column = 'recipient_name';
    if (column) guesses.push({ header, column, by });
  }
  return guesses;
}

export function valuesOf(sample: readonly InputRow[], header: string): string[] {
  const out: string[] = [];
  for (const row of sample) {
    for (const [h, v] of row.entries) if (h === header && typeof v === 'string' && v.trim() !== '') out.push(v.trim());
  }
  return out;
}

/**
 * Guesses for what every letter would otherwise lack: an official's name no column or option
 * gives, or a story no column gives. These stop the batch.
 */
export function lossesForAll(guesses: readonly Guess[], headers: readonly string[], mapper: ColumnMapper, recipientNameGiven: boolean): Guess[] {
  const present = new Set(headers.map((h) => mapper.spec(h)?.field));
  return guesses.filter(
    (g) => (g.column === 'recipient_name' && !present.has('recipientName') && !recipientNameGiven) || (g.column === 'story' && !present.has('story')),
  );
}
