/**
 * The first rows of a sheet in hand before any letter is written, so that its columns can be
 * checked (and mapped) against what they hold; then every row, those first ones included, in order.
 */
import { InputError, type InputRow } from '../io/rows.js';

export interface Peeked {
  head: InputRow[];
  rows: AsyncIterable<InputRow>;
}

export async function peekRows(source: AsyncIterable<InputRow>, count: number): Promise<Peeked> {
  const iterator = source[Symbol.asyncIterator]();
  const head: InputRow[] = [];
  let ended = false;
  // A file that breaks after its first rows still has those rows written: the break is
  // reported where the rows reach it, as it would be without the look ahead.
  let broken: InputError | undefined;
  try {
    while (head.length < count) {
      const next = await iterator.next();
      if (next.done) {
        ended = true;
        break;
      }
      head.push(next.value);
    }
  } catch (error) {
    if (!(error instanceof InputError) || error.atStart) throw error;
    broken = error;
  }
  async function* rows(): AsyncGenerator<InputRow> {
    yield* head;
    if (broken) throw broken;
    if (ended) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { head, rows: rows() };
}
