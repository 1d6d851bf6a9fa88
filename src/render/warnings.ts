/**
 * Notes for the writer about a finished letter (never part of it): a count of political
 * prisoners that may be out of date, what an office needs to count the letter as a
 * constituent's, and a letter longer than a page.
 */
import type { Pack, PackFact } from '../pack/types.js';
import type { Recipient, Region } from '../pack/schema.js';
import { fieldAsNamed, type FieldNamer, type LetterRequest } from '../request.js';
import { compileSmall } from './compile.js';
import { holds } from './postal.js';
import { asOfText, endOfPartialDate, formatPartialDate, monthsBetween } from './dates.js';
import { countryName, isEuMember } from '../countries.js';
import { undatedMonthNote } from './story-months.js';
import type { Trim } from './fit.js';
import { ONE_PAGE_WORDS } from './letter.js';

export const STALE_AFTER_MONTHS = 6;

/** The region for countries with no letters of their own: its writers' addresses follow no one country. */
const GENERIC_REGION = 'other';

/** Facts tagged so hold a count of political prisoners: the figure that goes out of date. */
export const COUNT_TAG = 'count';

/** The writer's notes for a letter citing `shownCited`, of `wordCount` words. */
export function letterWarnings(
  pack: Pack,
  letter: {
    request: LetterRequest;
    recipient: Recipient;
    region: Region;
    trim: Trim;
    shownCited: readonly string[];
    wordCount: number;
    /** The facts the letter states, each with the wording it uses, and the letter's text: to point at the sentences to check. */
    stated?: readonly StatedFact[];
    text?: string;
  },
  names: FieldNamer = fieldAsNamed,
): string[] {
  const { request, recipient, region, trim, shownCited, wordCount } = letter;
  const warnings: string[] = [];
  warnings.push(...staleNotes(pack, shownCited, request.date, region.locale, datedSentences(pack, letter.stated ?? [], letter.text ?? '', region.locale)));
  warnings.push(...constituentNotes(request, recipient, region, trim, names));
  if (recipient.country && !request.country && (request.address.length > 0 || request.postcode)) {
    warnings.push(
      `The letter goes to another country: add your own country under your address with ${names('country')} (a two-letter code such as LT), as the post needs it.`,
    );
  }
  if (region.id === GENERIC_REGION && request.postcode && !request.country) {
    warnings.push(
      `Your postcode is written after your town, the generic region's default; give your country with ${names('country')} (a two-letter code such as NO) to have it placed as your country's post writes it.`,
    );
  }
  // The pack loaded for one letter may hold its region alone, so the EU region is named, not looked up.
  if (region.id === GENERIC_REGION) {
    const member = euMemberNote(request.country, request.date, choosing(names('region'), pack.regions.find((r) => r.id === EU_REGION) ?? EU));
    if (member) warnings.push(member);
  }
  const month = undatedMonthNote(request.story, request.date, pack.language);
  if (month) warnings.push(month);
  const unposted = missingAddressNote(pack, request, recipient, names);
  if (unposted) warnings.push(unposted);
  if (wordCount > ONE_PAGE_WORDS) {
    warnings.push(`The letter is ${wordCount} words, more than fits on one page (${ONE_PAGE_WORDS}); a shorter story or fewer facts would help.`);
  }
  return warnings;
}

const EU_REGION = 'eu';
const EU = { id: EU_REGION, name: 'European Union' };
/** When the Council's Belarus measures run out unless renewed: the EU letters ask about that renewal. */
export const EU_RENEWAL_DUE = '2027-02-28';

/**
 * The note for a writer in an EU member state who chose the generic region, whose letters cannot
 * presume that sanctions exist: the EU's do, and the EU region asks about them. `choose` says how
 * to pick that region ("--region eu"); '' when `country` is no member state.
 */
export function euMemberNote(country: string | undefined, date: string, choose: string): string {
  const name = country && isEuMember(country) ? countryName(country) : undefined;
  if (!name) return '';
  const due = date < EU_RENEWAL_DUE ? ` due before ${formatPartialDate(EU_RENEWAL_DUE, 'en-GB')}` : '';
  return `${name} is a member of the EU, which has its own Belarus sanctions: ${choose} writes to your foreign minister about the Council's renewal${due}.`;
}

/** How a writer picks `region`, as the front end names the field: an option, a wizard question or a sheet's column. */
export function choosing(field: string, region: Pick<Region, 'id' | 'name'>): string {
  if (field.startsWith('--') || /^\w+$/.test(field)) return `${field} ${region.id}`;
  if (field.startsWith('"')) return `"${region.name}" for ${field}`;
  return `${region.id} in ${field}`;
}

/**
 * What an office needs to count the letter as a constituent's, when it is missing: the street
 * address or postcode (not asked of a letter fitted to a web form, which has fields for them). What
 * the official's name or title would change in the salutation is salutation-advice.ts's note.
 */
function constituentNotes(request: LetterRequest, recipient: Recipient, region: Region, trim: Trim, names: FieldNamer): string[] {
  if (!recipient.constituent) return [];
  const notes: string[] = [];
  const code = region.locale === 'en-US' ? 'ZIP code' : 'postcode';
  if (request.address.length === 0 && !request.postcode && !trim.omit.has('sender')) {
    notes.push(
      `The letter has no street address or ${code}: offices check both to count a letter as a constituent's, and often set aside one without them. Add them with ${names('address')} and ${names('postcode')}.`,
    );
  }
  const state = region.state?.label;
  if (state && !trim.omit.has('sender') && (request.address.length > 0 || request.postcode) && !hasState(request)) {
    notes.push(`The letter has no ${state} in your address: offices and the post read it beside the ${code}, so add it with ${names('state')}.`);
  }
  return notes;
}

/** A state the writer typed into the town or an address line themselves: a code in capitals, as in "Portland, OR" or "Melbourne VIC". */
const TYPED_STATE = /(?:^|[\s,])[A-Z]{2,3}(?=$|[\s,.])/;
const hasState = (request: LetterRequest) =>
  Boolean(request.state) ||
  // Only in the town, or a line that names it: a street's "SW" or "NE" is not a state.
  [request.city, ...request.address.filter((l) => holds(l, request.city))].some((l) => TYPED_STATE.test(l));

/**
 * The note for a letter to an official whose postal address the pack cannot know (a member
 * state's ministry) when the writer gave none: the letter shows a placeholder line instead.
 */
function missingAddressNote(pack: Pack, request: LetterRequest, recipient: Recipient, names: FieldNamer): string {
  if (recipient.postal || request.recipientAddress.length > 0) return '';
  if (!hasOfficeLine(pack, recipient)) {
    return `The letter has no office or postal address for the official, only their name and a placeholder line: find both on their official website and give them with ${names('recipientAddress')}, one line at a time, their office first (the title their parliament gives them).`;
  }
  return `The letter has no postal address for the official, only a placeholder line in its place: find the address on their official website and give it with ${names('recipientAddress')}, one line at a time.`;
}

const NO_NAME = { name: '', surname: '', title: '', honorific: '', senator: '', titleWithPoint: '', formalTitle: '' };
/** Whether the pack's address lines for `recipient` say their office ("Minister of Foreign Affairs"), not only their name. */
const hasOfficeLine = (pack: Pack, recipient: Recipient) => recipient.address.some((line) => compileSmall(pack, line)(NO_NAME).trim() !== '');

/**
 * The notes for a letter whose facts are STALE_AFTER_MONTHS or more older than its date: first
 * how far its facts go and the sentences to check (what the writer acts on), then, when its count
 * of political prisoners is that old, where to check the count. A count changes every month, so it
 * is judged by the newest count the letter states, not by whichever fact is newest. Each note's
 * first line is the same for every letter of a bulk run with the same facts, so bulk counts it
 * once; the sentences follow it, one line each.
 */
export function staleNotes(pack: Pack, shownCited: readonly string[], date: string, locale = 'en-GB', sentences: readonly string[] = []): string[] {
  const shown = shownCited.map((id) => pack.facts.get(id) as PackFact);
  if (shown.length === 0) return [];
  const newest = (dates: string[]) => dates.reduce((a, b) => (endOfPartialDate(b) > endOfPartialDate(a) ? b : a));
  const monthsSince = (d: string) => monthsBetween(endOfPartialDate(d), Date.parse(`${date}T00:00:00Z`));
  // A fact's sources can be newer than its asOf (a count from December, cited with the March release that left it standing).
  const latest = newest(shown.flatMap((f) => [f.asOf, ...f.sources.map((id) => pack.sources.get(id)?.date)]).filter((d): d is string => typeof d === 'string'));
  const counts = shown.filter((f) => f.tags.includes(COUNT_TAG)).map((f) => f.asOf);
  const count = counts.length > 0 ? newest(counts) : undefined;
  const countStale = count !== undefined && monthsSince(count) >= STALE_AFTER_MONTHS;
  if (!countStale && monthsSince(latest) < STALE_AFTER_MONTHS) return [];
  const upTo = `Facts in this letter go up to ${asOfText(latest, locale, true)}`;
  const notes = [
    sentences.length > 0
      ? `${upTo}; check its sentences on releases, relief and sanctions before you send it:${sentences.map((s) => `\n  - ${s}`).join('')}`
      : `${upTo}; check for newer releases, relief or sanctions decisions before you send it.`,
  ];
  if (count !== undefined && countStale) {
    const where = pack.countSource ? ` with ${pack.countSource}` : '';
    notes.push(
      `The count of political prisoners in this letter is from ${asOfText(count, locale)}, ${monthsSince(count)} months before its date; check the current count${where} before you send it.`,
    );
  }
  return notes;
}

export interface StatedFact {
  id: string;
  /** The wording of the fact as the letter has it. */
  wording: string;
}

/** What a fact tagged so states, in the note: the claims later events can overtake. */
const DATED_CLAIMS: [tag: string, words: string][] = [
  ['relief', 'relief'],
  ['release', 'releases'],
  ['sanctions', 'sanctions'],
];
const MAX_NAMED = 3;
const OPENING_WORDS = 6;

/**
 * The sentences of `text` that state releases, relief or sanctions, newest claim first, at most
 * MAX_NAMED, each by its opening words, as the writer can find it: '"Relief has already come
 * from Washington…" (relief as of 19 March 2026)'. A count of prisoners has its own note.
 */
export function datedSentences(pack: Pack, stated: readonly StatedFact[], text: string, locale: string): string[] {
  const dated = stated.flatMap(({ id, wording }) => {
    const fact = pack.facts.get(id);
    const claim = fact && !fact.tags.includes(COUNT_TAG) ? DATED_CLAIMS.find(([tag]) => fact.tags.includes(tag)) : undefined;
    const at = text.indexOf(wording);
    return fact && claim && at >= 0 ? [{ fact, words: claim[1], at }] : [];
  });
  // Newest first; among equals, in the order the letter has them.
  dated.sort((a, b) => (a.fact.asOf === b.fact.asOf ? a.at - b.at : a.fact.asOf < b.fact.asOf ? 1 : -1));
  const named = new Map<number, string>();
  for (const { fact, words, at } of dated) {
    const start = sentenceStart(text, at);
    if (named.has(start) || named.size === MAX_NAMED) continue;
    named.set(start, `"${opening(text.slice(start))}" (${words} as of ${asOfText(fact.asOf, locale, true)})`);
  }
  return [...named.values()];
}

// A full stop after a day of the month ("Am 26. Februar") is German's ordinal dot, not a sentence's end.
const STOP = '(?:[!?]|(?<!(?:^|\\D)\\d{1,2})\\.)';

/** Where the sentence holding `at` begins: after the last full stop, question or exclamation mark and space before a capital, or the paragraph's start. */
function sentenceStart(text: string, at: number): number {
  let start = text.lastIndexOf('\n', at - 1) + 1;
  const boundary = new RegExp(`${STOP}["')\\]]?\\s+(?=["'(]?\\p{Lu})`, 'gu');
  boundary.lastIndex = start;
  for (let m = boundary.exec(text); m && m.index + m[0].length <= at; m = boundary.exec(text)) start = m.index + m[0].length;
  return start;
}

/** The first OPENING_WORDS words of a sentence, with an ellipsis when it goes on. */
function opening(sentence: string): string {
  const line = sentence.split('\n')[0] as string;
  const words = line.split(/\s+/).filter(Boolean);
  const end = line.search(new RegExp(`${STOP}(?:\\s|$)`, 'u'));
  const whole = end >= 0 ? line.slice(0, end).split(/\s+/).filter(Boolean) : words;
  return whole.length <= OPENING_WORDS
    ? whole.join(' ')
    : `${whole
        .slice(0, OPENING_WORDS)
        .join(' ')
        .replace(/[,;:]$/, '')}…`;
}
