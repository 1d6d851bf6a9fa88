/**
 * A preview for template authors: one letter for every region, recipient and stance each template
 * of a pack serves, from a fixed sender, date and seed, so the same pack always previews the same
 * and a change shows up as a difference. Each letter comes with its word count and how alike it
 * is to a second sender's letter for the same request, the measure bulk's form-letter check uses.
 * Pure: rendering only.
 */
import { UnknownIdError, UsageError } from '../errors.js';
import { requestsServed, TYPICAL_STORY } from './page-check.js';
import type { LetterTemplate, Pack } from '../pack/types.js';
import { letterRequestSchema, type BodyFormat } from '../request.js';
import type { Letter } from './letter.js';
import { render } from './render.js';
import { similarity } from './similarity.js';

export type PreviewIds = ReturnType<typeof requestsServed>[number];

export const PREVIEW_DATE = '2026-11-30';
export const PREVIEW_RECIPIENT_NAME = 'Jane Smith';

/** The sender every preview letter is from, and a second one to measure how alike letters read. */
export const PREVIEW_SENDERS: [PreviewSender, PreviewSender] = [
  { name: 'Alex Example', city: 'Exampletown', address: ['1 Example Street'], email: 'alex@example.org', seed: 'preview' },
  { name: 'Sam Example', city: 'Otherton', address: ['2 Other Road'], email: 'sam@example.org', seed: 'preview-second-sender' },
];

interface PreviewSender {
  name: string;
  city: string;
  address: string[];
  email: string;
  seed: string;
}

export interface PreviewLetter extends PreviewIds {
  template: string;
  /** The first sender's letter, Sources included. */
  letter: string;
  words: number;
  /** Word-trigram similarity (0 to 1) of the two senders' letters, their stories left out. */
  similarity: number;
}

export interface PreviewOptions {
  format?: BodyFormat;
  /** One template's letters only; default every template that serves the format. */
  template?: string;
}

/** What a preview renders: each template that serves the format (or the one asked for), with every request it serves. */
export function previewRequests(pack: Pack, options: PreviewOptions = {}): { template: LetterTemplate; ids: PreviewIds }[] {
  const format = options.format ?? 'text';
  if (options.template !== undefined && !pack.templates.some((t) => t.meta.id === options.template)) {
    throw new UnknownIdError(
      'template',
      [options.template],
      pack.templates.map((t) => t.meta.id),
    );
  }
  const chosen = pack.templates.filter((t) => (options.template === undefined || t.meta.id === options.template) && t.meta.formats.includes(format));
  if (chosen.length === 0) {
    const what = options.template === undefined ? 'No template in the pack' : `Template "${options.template}"`;
    throw new UsageError(
      `${what} serves the ${format} format, so there is nothing to preview.`,
      'Choose another format; `belarus-letter templates list` shows what each template serves.',
    );
  }
  return chosen.flatMap((template) => requestsServed(pack, template).map((ids) => ({ template, ids })));
}

/** The preview of one template for one request: both senders' letters rendered and compared. */
export function previewLetter(pack: Pack, template: LetterTemplate, ids: PreviewIds, format: BodyFormat = 'text'): PreviewLetter {
  const [first, second] = PREVIEW_SENDERS.map((sender) =>
    render(
      pack,
      letterRequestSchema.parse({
        ...ids,
        ...sender,
        recipientName: PREVIEW_RECIPIENT_NAME,
        story: TYPICAL_STORY,
        date: PREVIEW_DATE,
        format,
        template: template.meta.id,
      }),
    ),
  ) as [Letter, Letter];
  return {
    template: template.meta.id,
    ...ids,
    letter: first.text,
    words: first.meta.wordCount,
    similarity: similarity(first.body, second.body, { stories: [TYPICAL_STORY, TYPICAL_STORY] }),
  };
}
