/**
 * Word counts for the one-page check: a word is a run of non-space that holds a letter or a
 * digit, so "—" alone is not a word and "2025," is. Bulk counts every letter it writes, so this
 * walks the text once instead of matching a Unicode-property regex over it; characters outside
 * ASCII are classified by the same Unicode classes the regex would use.
 */
const SPACE = /^\s$/u;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
/** Non-ASCII characters seen before (dashes, curly quotes, accented letters): 0 other, 1 space, 2 letter. */
const classes = new Map<number, 0 | 1 | 2>();
function classify(cp: number): 0 | 1 | 2 {
  let c = classes.get(cp);
  if (c === undefined) {
    const ch = String.fromCodePoint(cp);
    c = SPACE.test(ch) ? 1 : LETTER_OR_DIGIT.test(ch) ? 2 : 0;
    if (classes.size < 4096) classes.set(cp, c);
  }
  return c;
}

export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  let wordy = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let space: boolean;
    let letter: boolean;
    if (c < 128) {
      space = c === 32 || (c >= 9 && c <= 13);
      const lower = c | 32;
      letter = (c >= 48 && c <= 57) || (lower >= 97 && lower <= 122);
    } else {
      const cp = text.codePointAt(i) as number;
      if (cp > 0xffff) i++;
      const c = classify(cp);
      space = c === 1;
      letter = c === 2;
    }
    if (space) {
      if (wordy) words++;
      inWord = false;
      wordy = false;
    } else {
      inWord = true;
      if (letter) wordy = true;
    }
  }
  return inWord && wordy ? words + 1 : words;
}
