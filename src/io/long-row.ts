/**
 * Passing over the rest of a CSV row too long to be a sender's (a 10 MB cell), so that row fails
 * and the rows after it are still read. Quotes are tracked, so a line break inside a quoted
 * value does not end the row; a quote that is never closed runs to the end of the file, and is
 * then reported as the unclosed quote it is.
 */
export class RowSkipper {
  private quoted = false;
  /** Characters passed over so far. */
  chars = 0;
  /** Line breaks passed over inside the row. */
  lines = 0;
  private readonly end: string;

  constructor(newline: string) {
    this.end = newline === '\r' ? '\r' : '\n';
  }

  /** The index just past the row's end in `text`, or -1 when the row goes on past it. */
  scan(text: string): number {
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch === '"') this.quoted = !this.quoted;
      else if (ch === this.end) {
        if (!this.quoted) {
          this.chars += i;
          return i + 1;
        }
        this.lines++;
      }
    }
    this.chars += text.length;
    return -1;
  }
}
