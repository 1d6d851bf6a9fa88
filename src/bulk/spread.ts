/**
 * Spreads a batch's letters so that an office's mail sorting does not see a form letter: no two
 * letters to the same office (language, region, official and official's name, stance) share
 * more than the target share of their sentences (FORM_LETTER_TARGETS.maxSharedSentences),
 * stories left out, measured as campaignProfile measures them (campaignSentences).
 * Independent drafts cannot coordinate; a batch can: when a row's letter shares too much with one already written in its group, the row
 * is drawn again with a derived seed, a few times at most, and the closest draw is kept.
 *
 * Each group keeps an inverted index (sentence -> letters that have it), so a letter is compared
 * only with the letters it shares a sentence with, in one pass over their postings, and the
 * cost stays near-linear in the rows rather than growing with every pair.
 */
import { hash53 } from '../hash.js';
import { grownTo, KeyTable } from './key-table.js';
import { campaignSentences, FORM_LETTER_TARGETS } from '../render/similarity.js';

/** Draws of a row at most (the first included): each further draw is one more render. */
export const MAX_DRAWS = 8;

/**
 * Letters an office's index holds at most. A campaign rarely sends one official more than a
 * couple of thousand letters, and up to this many every pair is kept apart; past it, the
 * office's later letters are kept apart from its first MAX_INDEXED only, and the summary says
 * so. It bounds the index (about 200 bytes a letter) at under a megabyte per office, which is what
 * keeps a 100,000-row sheet's memory near a 10,000-row sheet's.
 */
export const MAX_INDEXED = 2000;

/** The seed of a row's nth draw after the first: its usual seed and the draw's number, so a run is repeatable. */
export const drawnSeed = (seed: string, draw: number): string => `${seed}#${draw}`;

/** A letter's sentences as the index keeps them: 53-bit hashes, a few bytes each. */
export function sentenceKeys(body: string, story: string | undefined): number[] {
  return [...campaignSentences(body, story)].map((s) => hash53(s));
}

export interface Closest {
  /** The highest share of either letter's sentences found in the other (0 when none is shared). */
  share: number;
  /** The row of the letter it shares them with, when it shares any. */
  row?: number;
}

/**
 * One office's letters so far, in typed arrays and nothing per letter or per sentence, so that
 * 100,000 letters leave no small objects behind: the sentences numbered by a KeyTable, each with
 * a chain of postings (the letters that have it) in one pool, kept in the order the letters came
 * (a head and a tail per sentence), so letters are compared in the same order as ever.
 */
class GroupIndex {
  private readonly sentences = new KeyTable();
  /** Per sentence: its first and last posting. */
  private heads = new Int32Array(64);
  private tails = new Int32Array(64);
  /** Per posting: a letter's id, and the next posting of the same sentence (-1: none). */
  private ids = new Int32Array(256);
  private next = new Int32Array(256);
  private postings = 0;
  /** Per letter: its row, its number of sentences, and a count closestTo uses and clears. */
  private rows = new Int32Array(64);
  private sizes = new Uint16Array(64);
  private counts = new Uint16Array(64);
  private letterCount = 0;
  /** Letters written to the office after its index was full: compared with it, not added. */
  unindexed = 0;
  /** The usual seeds of its senders, hashed: a sender listed twice is seen, not disguised. */
  readonly senders = new KeyTable();
  /** The closest pair of the group so far. */
  closest: { share: number; rows?: [number, number] } = { share: 0 };

  get letters(): number {
    return this.letterCount;
  }

  closestTo(keys: readonly number[]): Closest {
    if (keys.length === 0) return { share: 0 };
    const touched: number[] = [];
    const { counts, ids, next, heads } = this;
    for (const key of keys) {
      const sentence = this.sentences.get(key);
      if (sentence === -1) continue;
      for (let p = heads[sentence] as number; p !== -1; p = next[p] as number) {
        const id = ids[p] as number;
        const seen = counts[id] as number;
        if (seen === 0) touched.push(id);
        counts[id] = seen + 1;
      }
    }
    let best: Closest = { share: 0 };
    for (const id of touched) {
      const both = counts[id] as number;
      counts[id] = 0;
      const share = both / Math.min(keys.length, this.sizes[id] as number);
      if (share > best.share) best = { share, row: this.rows[id] };
    }
    return best;
  }

  add(row: number, keys: readonly number[], closest: Closest, cap: number): void {
    if (closest.row !== undefined && closest.share > this.closest.share) this.closest = { share: closest.share, rows: [closest.row, row] };
    if (this.letterCount >= cap) {
      this.unindexed++;
      return;
    }
    const id = this.letterCount++;
    this.rows = grownTo(this.rows, id + 1);
    this.sizes = grownTo(this.sizes, id + 1);
    this.counts = grownTo(this.counts, id + 1);
    this.rows[id] = row;
    this.sizes[id] = keys.length;
    this.ids = grownTo(this.ids, this.postings + keys.length);
    this.next = grownTo(this.next, this.postings + keys.length);
    for (const key of keys) {
      const p = this.postings++;
      this.ids[p] = id;
      this.next[p] = -1;
      const known = this.sentences.size;
      const sentence = this.sentences.add(key);
      if (sentence === known) {
        this.heads = grownTo(this.heads, sentence + 1);
        this.tails = grownTo(this.tails, sentence + 1);
        this.heads[sentence] = p;
      } else this.next[this.tails[sentence] as number] = p;
      this.tails[sentence] = p;
    }
  }
}

export interface GroupReport {
  group: string;
  letters: number;
  /** Letters past the index's cap (MAX_INDEXED): kept apart from the first letters only. */
  unindexed: number;
  /** The highest share of sentences any two letters of the group have in common. */
  closestPair: number;
  /** The rows of that pair, when any two share a sentence. */
  rows?: [number, number];
}

export interface SpreadReport {
  groups: GroupReport[];
  /** Rows whose letter was drawn again with a derived seed (written with it). */
  redrawn: number;
  /** Groups whose closest pair is over the target even after the draws. */
  over: number;
  target: number;
  /** Letters an office's index holds at most. */
  cap: number;
}

/** A draw of a row: what render gave, and the letter's sentence keys when it gave a letter. */
export interface Draw<R> {
  result: R;
  seed: string | undefined;
  keys?: number[];
  closest: Closest;
}

export class LetterSpread {
  private readonly groups = new Map<string, GroupIndex>();
  private redrawn = 0;

  constructor(
    readonly target: number = FORM_LETTER_TARGETS.maxSharedSentences,
    private readonly draws: number = MAX_DRAWS,
    readonly cap: number = MAX_INDEXED,
  ) {}

  private group(key: string): GroupIndex {
    let g = this.groups.get(key);
    if (!g) {
      g = new GroupIndex();
      this.groups.set(key, g);
    }
    return g;
  }

  /** Whether a sender with this usual seed already wrote to the group; either way, they have now. */
  knownSender(group: string, usual: string): boolean {
    const senders = this.group(group).senders;
    const known = senders.size;
    return senders.add(hash53(usual)) < known;
  }

  /** How close a letter comes to those already in its group. */
  closest(group: string, keys: readonly number[]): Closest {
    return this.groups.get(group)?.closestTo(keys) ?? { share: 0 };
  }

  /**
   * The row's letter: its first draw, or while that shares more than the target with a letter
   * of its group, further draws with derived seeds, keeping the closest-to-none (the earliest
   * of equals). A row with a seed of its own is drawn once: its sender chose that wording. So is
   * a sender listed twice (the same usual seed): worded apart, the repeat would pass for a second
   * constituent, and the summary's identical letters would no longer point at it. A
   * further draw that fails (a longer wording over the page) is passed over; a failed first
   * draw is returned as it is, for the row to fail as it would have.
   */
  draw<R>(
    group: string,
    seed: { own: string | undefined; usual: string },
    render: (seed: string | undefined) => R,
    bodyOf: (result: R) => { body: string; story: string | undefined } | undefined,
  ): Draw<R> {
    const again = this.knownSender(group, seed.usual);
    const first = this.measure(group, render(seed.own), seed.own, bodyOf);
    if (seed.own !== undefined || again || first.keys === undefined || first.closest.share <= this.target) return first;
    let best = first;
    for (let n = 1; n < this.draws && best.closest.share > this.target; n++) {
      const derived = drawnSeed(seed.usual, n);
      const next = this.measure(group, render(derived), derived, bodyOf);
      if (next.keys !== undefined && next.closest.share < best.closest.share) best = next;
    }
    return best;
  }

  private measure<R>(
    group: string,
    result: R,
    seed: string | undefined,
    bodyOf: (result: R) => { body: string; story: string | undefined } | undefined,
  ): Draw<R> {
    const letter = bodyOf(result);
    if (!letter) return { result, seed, closest: { share: 0 } };
    const keys = sentenceKeys(letter.body, letter.story);
    return { result, seed, keys, closest: this.closest(group, keys) };
  }

  /** A letter that was written (or was already there): later rows of its group are kept apart from it. */
  add(group: string, row: number, keys: readonly number[], closest: Closest = this.closest(group, keys), redrawn = false): void {
    this.group(group).add(row, keys, closest, this.cap);
    if (redrawn) this.redrawn++;
  }

  report(): SpreadReport {
    const groups = [...this.groups].map(([group, g]) => ({
      group,
      letters: g.letters + g.unindexed,
      unindexed: g.unindexed,
      closestPair: g.closest.share,
      rows: g.closest.rows,
    }));
    return { groups, redrawn: this.redrawn, over: groups.filter((g) => g.closestPair > this.target).length, target: this.target, cap: this.cap };
  }
}
