/**
 * The library API: the same engine the CLI uses.
 *
 *   import { loadPack, draftLetter } from 'belarus-letter';
 *   const letter = draftLetter({ region: 'uk', recipient: 'mp', stance: 'maintain',
 *     name: 'Alex Doe', city: 'Leeds', date: '2026-11-25' });
 *   console.log(letter.text);
 */
import { builtinLanguage, builtinLanguages, builtinPackDirFor, DEFAULT_LANGUAGE, languageNotServed, serves } from './pack/languages.js';
import { loadPack, type LoadPackOptions, type Pack } from './pack/load.js';
import type { Letter } from './render/letter.js';
import { render } from './render/render.js';
import { type FieldNamer, letterRequestSchema, type LetterRequestInput } from './request.js';

export { loadPack, buildPack } from './pack/load.js';
export type { Pack, LoadPackOptions, LetterTemplate, PackFact } from './pack/load.js';
export { render } from './render/render.js';
export { validatePack, type ValidPack } from './render/page-check.js';
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

/** How draftLetter finds its pack: one already loaded, or where to load one from. */
export interface DraftLetterOptions extends LoadPackOptions {
  pack?: Pack;
  /**
   * The language of the built-in letters, as the CLI's --language: "en" (the default), "de" or
   * "pl", any case. A `templatesDir` pack layers over that language's built-in pack.
   */
  language?: string;
}

const builtins = new Map<string, Pack>();
function builtinIn(language: string): Pack {
  let pack = builtins.get(language);
  if (!pack) builtins.set(language, (pack = loadPack({ baseDir: builtinPackDirFor(language) })));
  return pack;
}

/**
 * Validates the input (throws a ZodError if it is wrong) and renders one letter. An unknown
 * language, or one whose letters are not for the region or official asked for, is a UsageError
 * naming the languages that have them.
 */
export function draftLetter(input: LetterRequestInput, options: DraftLetterOptions = {}): Letter {
  const request = letterRequestSchema.parse(input);
  const language = options.language === undefined ? undefined : builtinLanguage(options.language, 'language');
  if (options.pack) return render(options.pack, request);
  const pack = options.templatesDir
    ? loadPack({ ...options, baseDir: options.baseDir ?? (language === undefined ? undefined : builtinPackDirFor(language)) })
    : builtinIn(language ?? DEFAULT_LANGUAGE);
  if (language !== undefined && !serves(pack, request.region, request.recipient)) {
    const packs = new Map(builtinLanguages().map((l) => [l, builtinIn(l)]));
    throw languageNotServed(language, request.region, request.recipient, packs, 'language');
  }
  return render(pack, request);
}
