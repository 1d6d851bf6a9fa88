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

/** A fact as a list shows it (the wizard, `facts`): its first wording, dates in the locale's form. */
export function factSummary(wordings: readonly string[], locale: string): string {
  return withDates((wordings[0] ?? '').replace(/\s+/g, ' ').trim(), locale);
}
