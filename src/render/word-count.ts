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

/** A run of non-space: 0 none, 1 a run without a letter or digit, 2 a word. */
type Run = 0 | 1 | 2;

/**
 * How a piece of text counts towards the words of a text it is part of: enough to add up the
 * words of pieces joined end to end (joinSpans) without reading them again.
 */
export interface WordSpan {
  /** No space in it: the whole piece is part of one run, `head` (= `tail`). */
  solid: boolean;
  /** The run before the first space. */
  head: Run;
  /** The run after the last space. */
  tail: Run;
  /** Words wholly between the first and last space. */
  inner: number;
}

export function wordSpan(text: string): WordSpan {
  let inner = 0;
  let head: Run | -1 = -1;
  let run: Run = 0;
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
      if (head === -1) head = run;
      else if (run === 2) inner++;
      run = 0;
    } else if (letter) run = 2;
    else if (run === 0) run = 1;
  }
  return head === -1 ? { solid: true, head: run, tail: run, inner: 0 } : { solid: false, head, tail: run, inner };
}

const merge = (a: Run, b: Run): Run => (a > b ? a : b);

/** The span of pieces joined end to end, added up one piece at a time in place. */
export class WordTally implements WordSpan {
  solid = true;
  head: Run = 0;
  tail: Run = 0;
  inner = 0;

  add(b: WordSpan): this {
    if (this.solid && b.solid) {
      this.head = this.tail = merge(this.head, b.head);
    } else if (this.solid) {
      this.head = b.head === 0 ? this.head : merge(this.head, b.head);
      this.tail = b.tail;
      this.inner = b.inner;
      this.solid = false;
    } else if (b.solid) {
      this.tail = this.tail === 0 ? b.head : merge(this.tail, b.head);
    } else {
      const middle = this.tail === 0 && b.head === 0 ? 0 : merge(this.tail, b.head);
      this.inner += b.inner + (middle === 2 ? 1 : 0);
      this.tail = b.tail;
    }
    return this;
  }
}

/** The span of `a` followed directly by `b`. */
export function joinSpans(a: WordSpan, b: WordSpan): WordSpan {
  const { solid, head, tail, inner } = new WordTally().add(a).add(b);
  return { solid, head, tail, inner };
}

export function spanWords(span: WordSpan): number {
  if (span.solid) return span.head === 2 ? 1 : 0;
  return span.inner + (span.head === 2 ? 1 : 0) + (span.tail === 2 ? 1 : 0);
}

export const countWords = (text: string): number => spanWords(wordSpan(text));
