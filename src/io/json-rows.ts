/**
 * JSON input, streamed: a top-level array is cut into its items by a small scanner that tracks
 * strings and nesting, and each item goes through JSON.parse on its own, so a file of 100,000
 * senders never sits in memory whole. NDJSON is one object per line.
 */
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { InputError, type InputRow } from './rows.js';

/** No sender needs more: a bigger item is passed over (kept out of memory) and fails. */
const MAX_ITEM_LENGTH = 1_000_000;

function toRow(row: number, text: string): InputRow {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { row, entries: [], error: `is not valid JSON (${(error as Error).message})` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { row, entries: [], error: 'is not an object like {"name": "...", "city": "..."}' };
  }
  // JSON.parse makes "__proto__" an own key; Object.entries reads it as data, never as a prototype.
  return { row, entries: Object.entries(value) };
}

/** Splits the text of a JSON array into the source text of its items, chunk by chunk. */
export class JsonArraySplitter {
  private started = false;
  private ended = false;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private item = '';
  private count = 0;
  /** Characters of the current item passed over, once it is too long to keep. */
  private dropped = 0;

  constructor(private readonly name: string) {}

  /** Items completed by this chunk, as source text; a number for one too long to keep (its length). */
  push(chunk: string): (string | number)[] {
    const items: (string | number)[] = [];
    let from = 0;
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk.charCodeAt(i);
      if (!this.started) {
        if (ch === 0xfeff || ch === 0x20 || ch === 0x0a || ch === 0x0d || ch === 0x09) continue;
        if (ch !== 0x5b /* [ */)
          throw new InputError(`${this.name} is not a JSON array of senders; it should start with "[" (or use NDJSON, one object per line).`, true);
        this.started = true;
        from = i + 1;
        continue;
      }
      if (this.ended) {
        if (ch === 0x20 || ch === 0x0a || ch === 0x0d || ch === 0x09) continue;
        throw new InputError(`${this.name}: there is more after the closing "]" of the array.`, false);
      }
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (ch === 0x5c /* \ */) this.escaped = true;
        else if (ch === 0x22 /* " */) this.inString = false;
        continue;
      }
      if (ch === 0x22) this.inString = true;
      else if (ch === 0x7b || ch === 0x5b) this.depth++;
      else if (ch === 0x7d || ch === 0x5d) {
        if (this.depth === 0 && ch === 0x5d) {
          this.finish(items, chunk.slice(from, i), true);
          this.ended = true;
          continue;
        }
        this.depth--;
      } else if (ch === 0x2c /* , */ && this.depth === 0) {
        this.finish(items, chunk.slice(from, i), false);
        from = i + 1;
      }
    }
    if (this.started && !this.ended) this.item += chunk.slice(from);
    if (this.item.length > MAX_ITEM_LENGTH) {
      this.dropped += this.item.length;
      this.item = '';
    }
    return items;
  }

  private finish(items: (string | number)[], tail: string, last: boolean): void {
    const text = (this.item + tail).trim();
    this.item = '';
    if (this.dropped > 0) {
      this.count++;
      items.push(this.dropped + tail.length);
      this.dropped = 0;
      return;
    }
    if (text === '') {
      if (last && this.count === 0) return; // []
      if (last) return; // a trailing comma: forgiven
      throw new InputError(`${this.name}: item ${this.count + 1} of the array is empty (two commas in a row).`, false);
    }
    this.count++;
    items.push(text);
  }

  end(): void {
    if (!this.started) throw new InputError(`${this.name} is empty; it needs a JSON array of senders.`, true);
    if (!this.ended) throw new InputError(`${this.name}: the file ends inside the array (after item ${this.count}); it may be cut short.`, this.count === 0);
  }
}

export async function* readJsonRows(chunks: AsyncIterable<string>, name: string): AsyncGenerator<InputRow> {
  const splitter = new JsonArraySplitter(name);
  let row = 0;
  for await (const chunk of chunks) {
    for (const item of splitter.push(chunk)) {
      row++;
      yield typeof item === 'string'
        ? toRow(row, item)
        : {
            row,
            entries: [],
            error: `is ${item.toLocaleString('en')} characters long, far more than any field takes (a story is at most 4,000); it is skipped`,
          };
    }
  }
  splitter.end();
}

export async function* readNdjsonRows(chunks: AsyncIterable<string>): AsyncGenerator<InputRow> {
  const lines = createInterface({ input: Readable.from(chunks), crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line++;
    const trimmed = (line === 1 ? text.replace(/^\uFEFF/, '') : text).trim();
    if (trimmed === '') continue;
    yield toRow(line, trimmed);
  }
}
