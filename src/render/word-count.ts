/**
 * Word counts for the one-page check: a word is a run of non-space that holds a letter or a
 * digit, so "—" alone is not a word and "2025," is. Each match starts at a run's first letter or
 * digit and takes the rest of the run, so a run counts once.
 */
const WORD = /[\p{L}\p{N}]\S*/gu;

export const countWords = (text: string): number => text.match(WORD)?.length ?? 0;
