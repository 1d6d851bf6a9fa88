/**
 * What a render gives back: the letter and what is known about it. Its own module so that the
 * stages (finish, format) and the readers of a letter (PDF, links, bulk) share the types without
 * importing the renderer.
 */
import type { LetterFormat } from '../request.js';
import type { CitedSource } from './format.js';
import type { LetterSection } from './sections.js';
import type { Words } from '../pack/words.js';

export const ONE_PAGE_WORDS = 450;
export const MIN_WORDS = 250;

export interface LetterMeta {
  region: string;
  recipient: string;
  stance: string;
  template: string;
  format: LetterFormat;
  date: string;
  seed: string;
  citedFacts: string[];
  sources: CitedSource[];
  wordCount: number;
  /** The email subject (the stance's, from the pack). */
  subject: string;
  /** The region's paper size, for print and PDF. */
  paper: 'a4' | 'letter';
  /** With --max-chars: the letter's length as a web form counts it, and what was left out to fit. */
  chars?: number;
  dropped?: string[];
  /** Notes for the writer (stale figures, over one page); never part of the letter. */
  warnings: string[];
}

export interface Letter {
  /** The letter in the requested format, Sources section included unless turned off. */
  text: string;
  /** The letter as plain text without the Sources section. */
  body: string;
  /** The body's named sections as plain text (see templates' {{#section}}), for layouts like PDF. */
  sections: LetterSection[];
  /** The sources as the letter lists them: empty with --no-sources or when dropped to fit. */
  notes: CitedSource[];
  /** The pack's words for what the engine adds (the PDF's Sources heading). */
  words?: Words;
  meta: LetterMeta;
}

/** A letter finished but not yet formatted: what the format stage (format-letter.ts) lays out. */
export interface FinishedLetter extends Omit<Letter, 'text'> {
  /** The body's sections as the template wrote them: escaped for HTML, Markdown-safe for Markdown. */
  marked: LetterSection[];
  /** The page title of a printed letter. */
  title: string;
}
