/**
 * A month named without a year in the writer's own words ("freed in December"): an office reads a
 * letter weeks or a year after its date, and takes such a month as the latest one. The month names
 * come from Intl, in English and in the pack's language, so a German or Polish story is read too.
 */
import { formatPartialDate } from './dates.js';

/** A year within this many words after the month ("December of 2021") dates it. */
const YEAR_WITHIN = 3;
const YEAR = /^(?:1[89]|20)\d{2}$|^'\d{2}$/;
/** Words before English "May" that make it the month, not the verb ("in May", "last May"). */
const BEFORE_MAY = new Set([
  'in',
  'since',
  'until',
  'till',
  'by',
  'last',
  'this',
  'of',
  'early',
  'late',
  'mid',
  'from',
  'through',
  'during',
  'before',
  'after',
]);
/** A month inflected beyond what Intl gives (Polish "w grudniu"): its stem, after a short word or a day. */
const MIN_STEM = 4;
const MAX_ENDING = 4;

interface MonthNames {
  /** Exact forms (lower case) to the month's index. */
  forms: Map<string, number>;
  /** Stems of inflected forms, longest first. */
  stems: [stem: string, month: number][];
  /** Whether a month is written with a capital (English, German), so a lower-case word is not one. */
  capital: boolean;
}

const cache = new Map<string, MonthNames>();

function monthNames(language: string): MonthNames {
  const known = cache.get(language);
  if (known) return known;
  const forms = new Map<string, number>();
  const stems: [string, number][] = [];
  const names = (options: Intl.DateTimeFormatOptions, m: number) =>
    new Intl.DateTimeFormat(language, { ...options, timeZone: 'UTC' }).formatToParts(new Date(Date.UTC(2020, m, 15))).find((p) => p.type === 'month')?.value ??
    '';
  for (let m = 0; m < 12; m++) {
    const alone = names({ month: 'long' }, m);
    const withDay = names({ month: 'long', day: 'numeric' }, m);
    for (const form of [alone, withDay]) if (form) forms.set(form.toLowerCase(), m);
    let stem = 0;
    while (stem < alone.length && alone[stem] === withDay[stem]) stem++;
    if (alone !== withDay && stem >= MIN_STEM) stems.push([alone.slice(0, stem).toLowerCase(), m]);
  }
  const capital = names({ month: 'long' }, 0) !== names({ month: 'long' }, 0).toLowerCase();
  const found = { forms, stems: stems.sort((a, b) => b[0].length - a[0].length), capital };
  cache.set(language, found);
  return found;
}

export interface UndatedMonth {
  /** The words as the story has them: "in December". */
  phrase: string;
  /** 0 for January. */
  month: number;
}

/** The first month the story names with no year after it, in English or `language`. */
export function undatedMonth(story: string, language: string): UndatedMonth | undefined {
  const words = [...story.matchAll(/[\p{L}\p{N}']+/gu)].map((m) => ({ text: m[0], at: m.index }));
  const languages = [...new Set(['en', language])].map((l) => ({ l, names: monthNames(l) }));
  for (let i = 0; i < words.length; i++) {
    const word = (words[i] as { text: string }).text;
    const before = words[i - 1]?.text ?? '';
    const month = monthOf(word, before, languages);
    if (month === undefined) continue;
    const after = words.slice(i + 1, i + 1 + YEAR_WITHIN).map((w) => w.text);
    if (after.some((w) => YEAR.test(w)) || YEAR.test(before)) continue;
    const start = before && (/^\p{N}+$/u.test(before) || before.length <= 5) && before === before.toLowerCase() ? (words[i - 1]?.at ?? 0) : (words[i]?.at ?? 0);
    const end = (words[i]?.at ?? 0) + word.length;
    return { phrase: story.slice(start, end), month };
  }
  return undefined;
}

function monthOf(word: string, before: string, languages: { l: string; names: MonthNames }[]): number | undefined {
  const lower = word.toLowerCase();
  for (const { l, names } of languages) {
    if (names.capital && word[0] === lower[0]) continue;
    const exact = names.forms.get(lower);
    if (exact !== undefined) {
      if (l === 'en' && lower === 'may' && !BEFORE_MAY.has(before.toLowerCase())) continue;
      return exact;
    }
    // An inflection Intl does not give ("grudniu"), only after a preposition or a day: "w grudniu", "13 grudnia".
    if (!(/^\p{N}+$/u.test(before) || before.length <= 3)) continue;
    const stem = names.stems.find(([s]) => lower.startsWith(s) && lower.length - s.length <= MAX_ENDING);
    if (stem) return stem[1];
  }
  return undefined;
}

const ENGLISH_MONTHS = Array.from({ length: 12 }, (_, m) => formatPartialDate(`2020-${String(m + 1).padStart(2, '0')}`, 'en-GB').replace(/ 2020$/, ''));

/** The note for a story that names a month without a year, or ''; the letter is dated `date`. */
export function undatedMonthNote(story: string | undefined, date: string, language: string): string {
  const found = story ? undatedMonth(story, language) : undefined;
  if (!found) return '';
  const [year, month] = date.split('-').map(Number) as [number, number];
  const name = ENGLISH_MONTHS[found.month] as string;
  // The latest such month on or before the letter's date is the one an office takes it for.
  const taken = found.month === month - 1 ? `this ${name}` : `${name} ${found.month < month - 1 ? year : year - 1}`;
  return `Your story says "${found.phrase}" without a year; an office reading the letter in ${formatPartialDate(date.slice(0, 7), 'en-GB')} may take it as ${taken}: add the year.`;
}
