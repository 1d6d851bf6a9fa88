/**
 * Whether a letter is itself longer than a page. Every front end refuses such a letter in its own
 * words (draft names options, the wizard its questions, bulk the row and column); a pack whose
 * longest phrasings could run long is only warned about, so one long story never blocks the rest.
 */
import { ONE_PAGE_WORDS, type Letter } from './letter.js';

/** An email, a link or a letter fitted to a web form (--max-chars) has no page. */
export function overOnePage(letter: Letter, sentAsLink = false): boolean {
  const paged = letter.meta.format !== 'eml' && letter.meta.chars === undefined && !sentAsLink;
  return paged && letter.meta.wordCount > ONE_PAGE_WORDS;
}

/** "The letter is 512 words, more than fits on one page (450)". */
export const overPageWords = (letter: Letter): string => `The letter is ${letter.meta.wordCount} words, more than fits on one page (${ONE_PAGE_WORDS})`;
