/**
 * CSV text on its way to the parser, with any row too long to be a sender's (a 10 MB cell) cut
 * short, so the parser never holds it and that row fails while the rows after it are still read.
 * Neither CSV parser can do this itself: csv-parse's max_record_size ends the whole parse (with
 * skip_records_with_error it drops the rest of the input), and Papa Parse has no limit at all.
 *
 * Quotes are tracked, so a line break inside a quoted value does not end the row. A cut row
 * keeps its line breaks, so the parser's line numbers stay right, and a quote open where it was
 * cut is closed at the row's end; a quote never closed runs to the end of the file, where the
 * parser reports it as the unclosed quote it is.
 */
export class LongRows {
  private quoted = false;
  /** Characters of the current row so far. */
  private chars = 0;
  /** While a row is being cut: whether the parser was left inside quotes. */
  private cut: { quoted: boolean } | undefined;
  private rows = 0;
  private line = 1;
  /** The rows cut (0 for the first row of the file) and their length in characters. */
  readonly cutRows = new Map<number, number>();
  /**
   * The line each row starts on, for messages: the parser's own count takes a CRLF inside quotes
   * for two lines. Kept from the oldest row the reader has not taken (see forget).
   */
  private readonly starts = new Map<number, number>([[0, 1]]);
  private readonly end: string;

  constructor(
    private readonly newline: string,
    private readonly max: number,
  ) {
    this.end = newline === '\r' ? '\r' : '\n';
  }

  /** The chunk as the parser is to see it. */
  pass(chunk: string): string {
    let out = '';
    let from = 0;
    // Where the next quote and the next line end are (searched again once passed).
    let quote = -1;
    let end = -1;
    for (let i = 0; i < chunk.length; i++) {
      if (!this.cut) {
        // The characters before the next quote or line end only add to the row's length.
        if (quote < i) quote = indexOr(chunk, '"', i);
        if (end < i) end = indexOr(chunk, this.end, i);
        const next = Math.min(quote, end);
        if (next > i && this.chars + (next - i) <= this.max) {
          this.chars += next - i;
          i = next;
          if (i === chunk.length) break;
        }
      }
      const ch = chunk[i];
      if (ch === '"') this.quoted = !this.quoted;
      else if (ch === this.end) this.line++;
      if (ch === this.end && !this.quoted) {
        if (this.cut) {
          out += `${this.cut.quoted ? '"' : ''}${this.newline}`;
          from = i + 1;
          this.cutRows.set(this.rows, this.chars - (this.newline.length - 1));
          this.cut = undefined;
        }
        this.starts.set(++this.rows, this.line);
        this.chars = 0;
        continue;
      }
      this.chars++;
      if (this.cut) {
        // Line breaks inside the cut value still count as lines of the file.
        if (ch === this.end && this.cut.quoted) out += this.newline;
        from = i + 1;
      } else if (this.chars > this.max && ch !== '"') {
        out += chunk.slice(from, i);
        from = i + 1;
        this.cut = { quoted: this.quoted };
      }
    }
    return out + chunk.slice(from);
  }

  /** The line row `index` starts on (0 for the first row of the file). */
  startLine(index: number): number {
    return this.starts.get(index) ?? this.line;
  }

  /** The reader has taken the rows before `index`: their lines are no longer asked for. */
  forget(index: number): void {
    for (const [row] of this.starts) {
      if (row >= index) break;
      this.starts.delete(row);
      this.cutRows.delete(row);
    }
  }

  /** What the parser is to see at the end of the file: a cut row ends there too. */
  finish(): string {
    if (!this.cut) return '';
    this.cutRows.set(this.rows, this.chars);
    // A quote still open in the file is left open, for the parser to report.
    return this.cut.quoted && !this.quoted ? '"' : '';
  }
}

/** The index of `search` in `text` from `from`, or the text's length when it is not there. */
function indexOr(text: string, search: string, from: number): number {
  const at = text.indexOf(search, from);
  return at === -1 ? text.length : at;
}
