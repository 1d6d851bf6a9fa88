/**
 * How alike two letters are, as an official's office would see it: the share of word trigrams
 * (three words in a row) the two have in common, over all the trigrams either has (Jaccard).
 * Personal stories are taken out first, since what matters is whether the campaign's own text
 * reads as a form letter. Pure: used by `bulk`'s summary and open to `draft` and the wizard.
 */
import { fmix32, fnv1a32 } from '../hash.js';

export { hash53 } from '../hash.js';

const ASCII = /^[\x00-\x7f]*$/;
const ASCII_WORD = /[a-z0-9]+(?:'[a-z]+)?/g;

/** Lower-cased words, punctuation dropped: "Dear Ms Smith," and "dear ms smith" read the same. */
export function words(text: string): string[] {
  const lower = text.toLowerCase();
  // The same words; the Unicode-aware pattern is several times slower, and most letters are ASCII.
  if (ASCII.test(lower)) return lower.match(ASCII_WORD) ?? [];
  return lower.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? [];
}

/** The campaign's text: the letter with each paragraph of the personal story taken out. */
export function withoutStory(text: string, story?: string): string {
  if (!story) return text;
  let out = text.replace(/\s+/g, ' ');
  for (const paragraph of story.split(/\n\s*\n/)) {
    const p = paragraph.replace(/\s+/g, ' ').trim();
    if (p) out = out.split(p).join(' ');
  }
  return out;
}

/** Three word hashes in order, mixed into one, so "a b c" is not "c b a". */
function trigramHash(a: number, b: number, c: number): number {
  return fmix32(Math.imul(a, 0x9e3779b1) ^ Math.imul(b ^ (b >>> 15), 0x85ebca77) ^ Math.imul(c ^ (c >>> 13), 0xc2b2ae3d));
}

/**
 * fnv1a32 of each of words(text), for ASCII text in one pass over its characters with no
 * strings made: bulk works out the trigrams of every sampled letter.
 */
function wordHashes(text: string): number[] {
  if (!ASCII.test(text)) return words(text).map((word) => fnv1a32(word));
  const out: number[] = [];
  const n = text.length;
  const lower = (i: number) => {
    const c = text.charCodeAt(i);
    return c >= 65 && c <= 90 ? c | 32 : c;
  };
  const isLetter = (c: number) => c >= 97 && c <= 122;
  const isWordChar = (c: number) => isLetter(c) || (c >= 48 && c <= 57);
  let i = 0;
  while (i < n) {
    let c = lower(i);
    if (!isWordChar(c)) {
      i++;
      continue;
    }
    let h = 0x811c9dc5;
    while (i < n && isWordChar((c = lower(i)))) {
      h = Math.imul(h ^ c, 0x01000193);
      i++;
    }
    // An apostrophe and letters after it belong to the word ("don't").
    if (i + 1 < n && c === 39 && isLetter(lower(i + 1))) {
      h = Math.imul(h ^ 39, 0x01000193);
      i++;
      while (i < n && isLetter((c = lower(i)))) {
        h = Math.imul(h ^ c, 0x01000193);
        i++;
      }
    }
    out.push(h >>> 0);
  }
  return out;
}

/** The distinct word trigrams of a text, as sorted 32-bit hashes (compact, quick to compare). */
export function trigramSet(text: string): Uint32Array {
  const w = wordHashes(text);
  const hashes = new Uint32Array(Math.max(0, w.length - 2));
  for (let i = 0; i + 2 < w.length; i++) hashes[i] = trigramHash(w[i] as number, w[i + 1] as number, w[i + 2] as number);
  hashes.sort();
  let n = 0;
  for (let i = 0; i < hashes.length; i++) if (i === 0 || hashes[i] !== hashes[i - 1]) hashes[n++] = hashes[i] as number;
  return hashes.slice(0, n);
}

/** Jaccard similarity of two sorted trigram sets: 1 for the same text, 0 for nothing shared. */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  let i = 0;
  let j = 0;
  let both = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      both++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return both / (a.length + b.length - both);
}

export interface SimilarityOptions {
  /** Personal stories to leave out of each text before comparing. */
  stories?: [string | undefined, string | undefined];
}

/** The trigrams of a letter's campaign text: what similarity() compares, worked out once. */
export const campaignTrigrams = (text: string, story?: string): Uint32Array => trigramSet(withoutStory(text, story));

/** Word-trigram Jaccard similarity of two letters (0 to 1), stories excluded when given. */
export function similarity(a: string, b: string, options: SimilarityOptions = {}): number {
  const [sa, sb] = options.stories ?? [];
  return jaccard(campaignTrigrams(a, sa), campaignTrigrams(b, sb));
}

/**
 * The measures an office's mail sorting reacts to, on a letter's own prose: whole sentences that
 * recur word for word, and runs of eight words in a row. Only sentences (at least four words,
 * ending in . ? or !) count, so address blocks, the date, the salutation and the sign-off, which
 * are the same in every letter to one office and say nothing, are left out, as is the story.
 */
export interface CampaignProfile {
  /** Each prose sentence, as its lower-cased words. */
  sentences: Set<string>;
  /** Distinct 8-word shingles of the prose, as sorted hashes. */
  shingles: Uint32Array;
}

export const SHINGLE_WORDS = 8;
/** Targets for letters without a story to one office with one stance (a test holds the built-in pack to them). */
export const FORM_LETTER_TARGETS = { meanSharedSentences: 0.1, maxSharedSentences: 0.35, meanShingleJaccard: 0.1 } as const;

const PLACE_AND_DATE = /^[^,.?!]+, \d{1,2} \p{L}+ \d{4} r\.$/u;
/** White space other than single spaces: a paragraph with none needs no flattening. */
const ODD_SPACE = /[^\S ]| {2}/;

/**
 * A paragraph (its white space already single spaces) split after each . ? or ! that a space and
 * more text follow: what split(/(?<=[.?!])\s+(?=\S)/) gives, at a tenth of the cost (bulk splits
 * every letter it writes).
 */
function sentencesOf(paragraph: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i + 2 < paragraph.length; i++) {
    const c = paragraph.charCodeAt(i);
    if ((c === 46 || c === 63 || c === 33) && paragraph.charCodeAt(i + 1) === 32 && paragraph.charCodeAt(i + 2) !== 32) {
      out.push(paragraph.slice(start, i + 1));
      start = i + 2;
    }
  }
  out.push(paragraph.slice(start));
  return out;
}

/** The prose sentences of a text, each as its lower-cased words joined by single spaces. */
export function proseSentences(text: string): string[] {
  const out: string[] = [];
  for (const paragraph of text.split(/\n\s*\n/)) {
    const trimmed = paragraph.trim();
    // A block of lines is an address, not prose (its "U.S." would end a sentence).
    if (trimmed.includes('\n')) continue;
    // The place-and-date line, which Polish ends with the abbreviation "r." ("Kraków, 30 listopada
    // 2026 r."): the same in every letter from one town on one day, and not a sentence.
    if (PLACE_AND_DATE.test(trimmed)) continue;
    // Most prose is one line with single spaces already; bulk reads every letter it writes.
    const flat = ODD_SPACE.test(paragraph) ? paragraph.replace(/\s+/g, ' ') : paragraph;
    // An ASCII paragraph is lower-cased once, and each sentence's words read as words() reads them.
    const ascii = ASCII.test(flat);
    for (const sentence of sentencesOf(ascii ? flat.toLowerCase() : flat)) {
      if (!/[.?!]["')\]]?$/.test(sentence.trim())) continue;
      const w = ascii ? (sentence.match(ASCII_WORD) ?? []) : words(sentence);
      if (w.length >= 4) out.push(w.join(' '));
    }
  }
  return out;
}

/** A letter's distinct prose sentences, story left out: campaignProfile's sentences without its shingles, which bulk checks every letter by. */
export const campaignSentences = (text: string, story?: string): Set<string> => new Set(proseSentences(withoutStory(text, story)));

export function campaignProfile(text: string, story?: string): CampaignProfile {
  const sentences = proseSentences(withoutStory(text, story));
  const w = sentences
    .join(' ')
    .split(' ')
    .filter(Boolean)
    .map((x) => fnv1a32(x));
  const hashes = new Uint32Array(Math.max(0, w.length - SHINGLE_WORDS + 1));
  for (let i = 0; i + SHINGLE_WORDS <= w.length; i++) {
    let h = 0x9747b28c;
    for (let k = 0; k < SHINGLE_WORDS; k++) h = fmix32(Math.imul(h ^ (w[i + k] as number), 0x85ebca6b) + k);
    hashes[i] = h;
  }
  hashes.sort();
  let n = 0;
  for (let i = 0; i < hashes.length; i++) if (i === 0 || hashes[i] !== hashes[i - 1]) hashes[n++] = hashes[i] as number;
  return { sentences: new Set(sentences), shingles: hashes.slice(0, n) };
}

/** The share of a's sentences that appear word for word in b. */
export function sharedSentences(a: CampaignProfile, b: CampaignProfile): number {
  if (a.sentences.size === 0) return 0;
  let shared = 0;
  for (const s of a.sentences) if (b.sentences.has(s)) shared++;
  return shared / a.sentences.size;
}

export interface FormLetterMeasures {
  /** Mean over ordered pairs of the share of one letter's sentences found in the other. */
  meanSharedSentences: number;
  /** The highest such share for any pair. */
  maxSharedSentences: number;
  /** Mean 8-word-shingle Jaccard similarity over pairs. */
  meanShingleJaccard: number;
  pairs: number;
}

/** The measures over every pair of a group of letters (undefined for fewer than two). */
export function formLetterMeasures(profiles: readonly CampaignProfile[]): FormLetterMeasures | undefined {
  if (profiles.length < 2) return undefined;
  let shared = 0;
  let max = 0;
  let jac = 0;
  let pairs = 0;
  for (let i = 0; i < profiles.length; i++) {
    for (let j = i + 1; j < profiles.length; j++) {
      const a = profiles[i] as CampaignProfile;
      const b = profiles[j] as CampaignProfile;
      const ab = sharedSentences(a, b);
      const ba = sharedSentences(b, a);
      shared += ab + ba;
      max = Math.max(max, ab, ba);
      jac += jaccard(a.shingles, b.shingles);
      pairs++;
    }
  }
  return { meanSharedSentences: shared / (2 * pairs), maxSharedSentences: max, meanShingleJaccard: jac / pairs, pairs };
}
