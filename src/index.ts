/**
 * The library API: the same engine the CLI uses.
 *
 *   import { loadPack, draftLetter } from 'belarus-letter';
 *   const letter = draftLetter({ region: 'uk', recipient: 'mp', stance: 'maintain',
 *     name: 'Alex Doe', city: 'Leeds', date: '2026-11-25' });
 *   console.log(letter.text);
 */
import { loadPack, type LoadPackOptions, type Pack } from './pack/load.js';
import type { Letter } from './render/letter.js';
import { render } from './render/render.js';
import { type FieldNamer, letterRequestSchema, type LetterRequestInput } from './request.js';

export { loadPack, buildPack } from './pack/load.js';
export type { Pack, LoadPackOptions, LetterTemplate, PackFact } from './pack/load.js';
export { render } from './render/render.js';
export { similarity } from './render/similarity.js';
export type { SimilarityOptions } from './render/similarity.js';
export type { Letter, LetterMeta } from './render/letter.js';
export { letterRequestSchema } from './request.js';
export type { FieldNamer, LetterRequest, LetterRequestInput, LetterFormat } from './request.js';
export { AppError, UsageError, PackError, UnknownIdError } from './errors.js';
export type { IdField } from './errors.js';
/** What a letter template can print, for tools that write or check template packs. */
export { letterViewSchema, nameViewSchema } from './pack/view.js';
export type { LetterView } from './pack/view.js';
export type { LetterSection, SectionRole } from './render/sections.js';
export type { CitedSource } from './render/format.js';
export { mailtoLink, webmailLink, type LinkInput, type Webmail } from './render/links.js';

/** The letter laid out as a PDF on its region's paper (pdfkit loads on first use); `names` as for render. */
export async function letterToPdf(letter: Letter, names?: FieldNamer): Promise<Uint8Array> {
  return (await import('./render/pdf.js')).letterToPdf(letter, names);
}

let builtin: Pack | undefined;

/** Validates the input (throws a ZodError if it is wrong) and renders one letter. */
export function draftLetter(input: LetterRequestInput, options: { pack?: Pack } & LoadPackOptions = {}): Letter {
  const pack = options.pack ?? (options.templatesDir ? loadPack(options) : (builtin ??= loadPack()));
  return render(pack, letterRequestSchema.parse(input));
}
