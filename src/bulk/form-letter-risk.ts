/**
 * The batch's form-letter risk, in bounded memory: identical letters are caught by a 53-bit hash
 * of each letter; the mean pairwise similarity of the campaign text (stories excluded) is
 * estimated within each region+stance group from a reservoir sample of at most SAMPLE letters,
 * so 100,000 rows cost no more comparisons than 1,000. The sample keeps the letters' text (a few
 * megabytes at most) and compares them only for the report, so a row costs one hash. (Working
 * out trigrams as letters arrive would cost more: a reservoir takes in some 4 times as many
 * letters as it keeps.)
 */
import { hash53 } from '../hash.js';
import { grownTo, KeyTable } from './key-table.js';
import { campaignProfile, campaignTrigrams, formLetterMeasures, jaccard } from '../render/similarity.js';

/**
 * 30 letters give 435 pairs per group: a mean steady to the second decimal, compared at the end of
 * a run in a few tens of milliseconds for a sheet over every region and stance.
 */
export const SAMPLE_PER_GROUP = 30;
/** Mean similarity above which the summary warns that letters read alike. */
export const SIMILAR_WARNING = 0.8;

export interface RiskReport {
  letters: number;
  identicalPairs: number;
  /** A few pairs of rows whose letters are the same, for the warning. */
  identicalExamples: [number, number][];
  /** Mean word-trigram Jaccard similarity over pairs in the same region and stance; undefined if no group has two letters. */
  meanSimilarity?: number;
  pairsCompared: number;
  /**
   * As an office's mail sorting sees letters of one group (see campaignProfile): the mean share of
   * a letter's sentences found word for word in another, the highest share for any pair, and the
   * mean 8-word-shingle similarity. Undefined if no group has two letters.
   */
  sharedSentences?: number;
  maxSharedSentences?: number;
  shingleSimilarity?: number;
  withoutStory: number;
}

/**
 * A copy of a string that holds on to nothing else. A story read from a CSV is a slice of the
 * 64 KB of the file it came in, and a letter made in this thread is a chain of such slices: kept
 * for the whole run, a few hundred of them held some 30 MB of the sheet in memory at 100,000 rows.
 */
const ownCopy = (text: string): string => Buffer.from(text, 'utf16le').toString('utf16le');

/** mulberry32: a seeded generator, so the same batch always gives the same sample. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A sampled letter, kept as text: its trigrams are worked out once, for the report. */
interface Sampled {
  body: string;
  story: string | undefined;
}

interface Group {
  seen: number;
  sample: Sampled[];
}

export class FormLetterRisk {
  private letters = 0;
  private identicalPairs = 0;
  private readonly identicalExamples: [number, number][] = [];
  /** Each distinct letter's hash, numbered, and the first row that had it: no object per letter. */
  private readonly hashes = new KeyTable();
  private firstRows = new Int32Array(1024);
  private readonly repeats = new Map<number, number>();
  private readonly groups = new Map<string, Group>();
  private readonly random = generator(0x5eed);
  private noStory = 0;

  constructor(private readonly sampleSize = SAMPLE_PER_GROUP) {}

  add(row: number, group: string, letterText: string, body: string, story: string | undefined): void {
    this.record(row, hash53(letterText), this.count(group, story), group, body, story);
  }

  /**
   * Counts a letter of a group before it is rendered, and says whether it joins the sample:
   * the slot it takes, or -1. Reservoir sampling: every letter of a group has the same chance.
   */
  count(group: string, story: string | undefined): number {
    this.letters++;
    if (!story) this.noStory++;
    let g = this.groups.get(group);
    if (!g) {
      g = { seen: 0, sample: [] };
      this.groups.set(group, g);
    }
    g.seen++;
    if (g.seen <= this.sampleSize) return g.seen - 1;
    const j = Math.floor(this.random() * g.seen);
    return j < this.sampleSize ? j : -1;
  }

  /** The rendered letter of a counted row: its hash, and its text when it took a sample slot. */
  record(row: number, hash: number, slot: number, group: string, body: string | undefined, story: string | undefined): void {
    const known = this.hashes.size;
    const n = this.hashes.add(hash);
    if (n === known) {
      this.firstRows = grownTo(this.firstRows, n + 1);
      this.firstRows[n] = row;
    } else {
      const first = this.firstRows[n] as number;
      const before = this.repeats.get(hash) ?? 1;
      this.identicalPairs += before;
      this.repeats.set(hash, before + 1);
      if (this.identicalExamples.length < 5) this.identicalExamples.push([first, row]);
    }
    const g = this.groups.get(group);
    if (slot >= 0 && g && body !== undefined) g.sample[slot] = { body: ownCopy(body), story: story === undefined ? undefined : ownCopy(story) };
  }

  /** Takes back a counted letter that was never written (its row failed after all). Its sample
   * slot, if it had one, stays empty or keeps the letter it had: slots are handed out in order. */
  uncount(story: string | undefined): void {
    this.letters--;
    if (!story) this.noStory--;
  }

  report(): RiskReport {
    let weighted = 0;
    let weights = 0;
    let pairsCompared = 0;
    let shared = 0;
    let shingles = 0;
    let maxShared = 0;
    for (const g of this.groups.values()) {
      const sampled = g.sample.filter(Boolean);
      const s = sampled.map(({ body, story }) => campaignTrigrams(body, story));
      if (s.length < 2) continue;
      const measures = formLetterMeasures(sampled.map(({ body, story }) => campaignProfile(body, story)));
      let sum = 0;
      let pairs = 0;
      for (let i = 0; i < s.length; i++) {
        for (let j = i + 1; j < s.length; j++) {
          sum += jaccard(s[i] as Uint32Array, s[j] as Uint32Array);
          pairs++;
        }
      }
      pairsCompared += pairs;
      // Each group counts as much as the pairs it really has, not the pairs sampled.
      const weight = (g.seen * (g.seen - 1)) / 2;
      weighted += (sum / pairs) * weight;
      weights += weight;
      if (measures) {
        shared += measures.meanSharedSentences * weight;
        shingles += measures.meanShingleJaccard * weight;
        maxShared = Math.max(maxShared, measures.maxSharedSentences);
      }
    }
    return {
      letters: this.letters,
      identicalPairs: this.identicalPairs,
      identicalExamples: this.identicalExamples,
      meanSimilarity: weights > 0 ? weighted / weights : undefined,
      pairsCompared,
      sharedSentences: weights > 0 ? shared / weights : undefined,
      maxSharedSentences: weights > 0 ? maxShared : undefined,
      shingleSimilarity: weights > 0 ? shingles / weights : undefined,
      withoutStory: this.noStory,
    };
  }
}
