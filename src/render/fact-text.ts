/**
 * How a fact's wording reaches a letter: one of its wordings, picked by the letter's seed, with
 * its marked dates written in the reader's form. A fact marks a day as [[2020-08-09]] (or a
 * month as [[2025-12]]), so one wording serves "August 9, 2020" in a US letter and
 * "9 August 2020" elsewhere without being written twice.
 */
import { DATE_MARK } from '../pack/date-marks.js';
import { formatPartialDate } from './dates.js';
import { pickIndex } from './variation.js';

/** The wording as a reader sees it: marked dates in the locale's form. */
export function withDates(text: string, locale: string): string {
  return text.includes('[[') ? text.replace(DATE_MARK, (_, date: string) => formatPartialDate(date, locale)) : text;
}

/**
 * The name a fact's pick is hashed under: the seed's choice for each fact is independent of its
 * choice for every other fact and every {{#variants}} section, so letters differ sentence by
 * sentence. The NUL keeps it apart from any section name a template could write.
 */
export const factPickName = (factId: string) => `\u0000fact\u0000${factId}`;

/** Which of a fact's wordings a letter with this seed states. */
export function wordingIndex(seed: string, factId: string, count: number): number {
  return count <= 1 ? 0 : pickIndex(seed, factPickName(factId), count);
}

/** The part of a fact the wordings come from (a loaded fact, or a test's). */
interface Worded {
  text: readonly string[];
  textWith?: Readonly<Record<string, readonly string[]>>;
}

/**
 * The wordings a letter may state for a fact, given the other facts it states: those written for
 * the first `textWith` fact the letter also states, else the fact's own `text`. So a count after a
 * release that already gave its figure can say "after that release" instead of repeating it.
 */
export function wordingsGiven(fact: Worded, shown: readonly string[]): readonly string[] {
  for (const [other, wordings] of Object.entries(fact.textWith ?? {})) if (shown.includes(other)) return wordings;
  return fact.text;
}

/** Every wording a fact has, in any letter: to find which one a letter states, or its longest. */
export function allWordings(fact: Worded): string[] {
  return [...fact.text, ...Object.values(fact.textWith ?? {}).flat()];
}

/** A fact as a list shows it (the wizard, `facts`): its first wording, dates in the locale's form. */
export function factSummary(wordings: readonly string[], locale: string): string {
  return withDates((wordings[0] ?? '').replace(/\s+/g, ' ').trim(), locale);
}
