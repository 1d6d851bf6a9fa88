/** `belarus-letter draft`: one letter from options, to stdout or a file. */
import { extname } from 'node:path';
import { countryName, isEuMember } from '../countries.js';
import { AppError, EXIT, listChoices, UsageError } from '../errors.js';
import { readTextInput } from '../io/read-text.js';
import { canPrompt, today } from '../io/terminal.js';
import { emit, jsonText } from '../io/emit.js';
import type { Letter } from '../render/letter.js';
import { overOnePage, overPageWords } from '../render/one-page.js';
import { render } from '../render/render.js';
import { bodyFormatOf, FORMATS, REQUIRED_FIELDS, type LetterFormat, type LetterRequestInput } from '../request.js';
import { OPTION_NAMES, optionsOf, type OptionsOf } from '../options/table.js';
import { namingOptions, optionNames, parseRequestFromOptions } from '../validate.js';
import { checkLanguageServes, packFor, type GlobalOptions } from './pack-options.js';

/** draft's options, as the options table defines them. */
export type DraftOptions = OptionsOf<'draft'>;

const FORMAT_BY_EXTENSION: Record<string, LetterFormat> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.txt': 'text',
  '.eml': 'eml',
  '.pdf': 'pdf',
};

export function formatFor(options: Pick<DraftOptions, 'format' | 'out'>): LetterFormat {
  if (options.format) {
    if (!(FORMATS as readonly string[]).includes(options.format)) {
      throw new UsageError(`Unknown format "${options.format}" (--format). Choose ${listChoices([...FORMATS])}.`);
    }
    return options.format as LetterFormat;
  }
  if (options.out && options.out !== '-') return FORMAT_BY_EXTENSION[extname(options.out).toLowerCase()] ?? 'text';
  return 'text';
}

/** The request as far as options give it; missing required fields are left out. */
export function requestInputFromOptions(options: DraftOptions): LetterRequestInput {
  if (options.story !== undefined && options.storyFile !== undefined) {
    throw new UsageError('Give your story with --story or --story-file, not both.');
  }
  const story = options.storyFile !== undefined ? readTextInput(options.storyFile, '--story-file') : options.story;
  // Each option that gives a request field (see the options table), as given; lists default to none.
  const input: Record<string, unknown> = {};
  for (const [key, row] of optionsOf('draft')) {
    if (row.field === undefined) continue;
    const value = options[key as keyof DraftOptions];
    input[row.field] = row.list ? (value ?? []) : row.negate ? value !== false : value;
  }
  return { ...input, story, date: options.date ?? today(), format: formatFor(options) } as LetterRequestInput;
}

/** Combinations of output options that cannot work, caught before any rendering. */
export function checkOutputOptions(options: DraftOptions, input: LetterRequestInput): void {
  const link = options.mailto ? '--mailto' : options.webmail !== undefined ? '--webmail' : undefined;
  if (options.mailto && options.webmail !== undefined) throw new UsageError('Give --mailto or --webmail, not both.');
  if (link && input.format !== 'text') {
    throw new UsageError(`${link} puts the plain-text letter into a link: leave out --format ${input.format}.`);
  }
  if (link && options.json) throw new UsageError(`${link} prints a link, not JSON: leave out --json.`);
  if (input.format === 'pdf' && options.json) {
    throw new UsageError('--json cannot carry a PDF: leave out --json, or use another --format.');
  }
  if (input.format === 'pdf' && (!options.out || options.out === '-') && process.stdout.isTTY) {
    throw new UsageError('A PDF is not for the terminal: give --out letter.pdf, or pipe the output to a file.');
  }
}

/** The questions save text, Markdown or HTML; email, PDF, links and form-fitting need every option given. */
function refuseSendOptionsForWizard(options: DraftOptions, input: LetterRequestInput, missing: string[]): void {
  const given = [
    input.format === 'eml' || input.format === 'pdf' ? `--format ${input.format}` : undefined,
    options.mailto ? '--mailto' : undefined,
    options.webmail !== undefined ? '--webmail' : undefined,
    options.maxChars !== undefined ? '--max-chars' : undefined,
  ].filter((x): x is string => x !== undefined);
  if (given.length === 0) return;
  throw new UsageError(
    `${listChoices(given, 'and')} ${given.length === 1 ? 'needs' : 'need'} every required option on the command line; missing ${listChoices(
      missing.map((f) => OPTION_NAMES[f] ?? f),
      'and',
    )}.`,
    'Give them as options (see `belarus-letter draft --help`), or leave it out to answer the questions instead.',
  );
}

const NO_STORY_NOTE =
  'The letter has no words of your own: a sentence or two on why this matters to you is what makes an office read it as more than campaign mail. Add them with --story or --story-file.';

export function missingRequired(input: LetterRequestInput): string[] {
  return REQUIRED_FIELDS.filter((field) => {
    const value = (input as Record<string, unknown>)[field];
    return value === undefined || (typeof value === 'string' && value.trim() === '');
  });
}

export async function emitLetter(letter: Letter, options: Pick<DraftOptions, 'out' | 'force' | 'json'>): Promise<void> {
  // The colour library loads only when there is something to say on stderr.
  const ui = () => import('../ui.js');
  if (letter.meta.warnings.length > 0) {
    const { note } = await ui();
    for (const warning of letter.meta.warnings) note(warning);
  }
  const output = options.json ? jsonText({ letter: letter.text, meta: letter.meta }) : letter.text;
  const file = emit(output, options, 'the letter');
  if (file) (await ui()).info(`Wrote ${file} (${letter.meta.wordCount} words).`);
}

/**
 * A letter that is itself longer than a page is refused, and nothing is written: a pack whose
 * longest phrasings could run long is only warned about (templates validate), so a campaigner's
 * one-sentence addition never blocks the letters that still fit.
 */
export function refuseOverPage(letter: Letter, options: Pick<DraftOptions, 'mailto' | 'webmail'>): void {
  if (!overOnePage(letter, options.mailto === true || options.webmail !== undefined)) return;
  throw new AppError(
    `${overPageWords(letter)}; nothing was written.`,
    EXIT.failed,
    'Shorten your story (--story or --story-file), name fewer facts with --facts, or give --max-chars to fit it.',
  );
}

export async function runDraft(options: DraftOptions, globals: GlobalOptions): Promise<void> {
  const input = requestInputFromOptions(options);
  // --language: the built-in pack that writes the letter (English unless chosen).
  const language = options.language === undefined ? undefined : (await import('../pack/languages.js')).builtinLanguage(options.language, '--language');
  // A ZIP code names the official: loaded only when given, so other letters start no slower.
  const byZip = options.zip !== undefined || options.official !== undefined ? await import('./draft-zip.js') : undefined;
  const zip = byZip?.checkZipOptions(options, input);
  // Asking questions, the wizard offers the ZIP's officials by name (unless --official or a name picked one).
  const asking = missingRequired(input).length > 0 && canPrompt();
  const picked = options.official !== undefined || Boolean(input.recipientName);
  const official = zip && (!asking || picked) ? await byZip?.applyZip(input, zip, options) : undefined;
  const missing = missingRequired(input);
  if (missing.length > 0 && canPrompt()) {
    refuseSendOptionsForWizard(options, input, missing);
    const pack = packFor(globals, { language });
    const { startWizard } = await import('../wizard/start.js');
    await startWizard(pack, input, {
      config: options.config !== false,
      format: options.format || options.out ? formatFor(options) : undefined,
      out: options.out,
      json: options.json,
      templates: globals.templates,
      zip: official ? undefined : zip,
      language,
    });
    return;
  }
  checkOutputOptions(options, input);
  if (missing.length > 0) {
    throw new UsageError(
      `Missing ${listChoices(
        missing.map((f) => OPTION_NAMES[f] ?? f),
        'and',
      )}.`,
      'Give them as options (see `belarus-letter draft --help`), or run in a terminal to be asked.',
    );
  }
  // One letter for one region: only that region's spelling of the templates, in its one format, is loaded.
  const format = input.format ?? 'text';
  const pack = await packFor(globals, {
    region: String(input.region ?? '')
      .trim()
      .toLowerCase(),
    escape: bodyFormatOf(format) === 'html',
    language,
  });
  await checkLanguageServes(pack, language, input.region, input.recipient);
  const request = parseRequestFromOptions(input);
  refuseEuMinisterAsOther(request);
  const letter = namingOptions(() => render(pack, request, { names: optionNames }));
  refuseOverPage(letter, options);
  // The wizard and bulk say this their own way (a tip at the preview, a count in the summary).
  if (!request.story) letter.meta.warnings.push(NO_STORY_NOTE);
  // Links and PDF need code that a text letter should not load.
  if (options.mailto || options.webmail !== undefined || request.format === 'pdf') {
    await (await import('./send-output.js')).emitSendOutput(letter, request, options);
    return;
  }
  await emitLetter(letter, options);
  if (official) await byZip?.sayWhereToSend(official);
}

/**
 * A foreign minister of an EU member state decides on the Council's Belarus sanctions, which the
 * generic region's letter cannot presume exist: that letter would ask the wrong thing, so the
 * writer is sent to the EU's. (A member of their parliament has no EU letter: that one only gets a note.)
 */
function refuseEuMinisterAsOther(request: { region: string; recipient: string; country?: string }): void {
  if (request.region !== 'other' || request.recipient !== 'foreign-minister' || !request.country || !isEuMember(request.country)) return;
  throw new UsageError(
    `--country ${request.country}: ${countryName(request.country) ?? request.country} is a member of the EU, whose foreign minister decides on the Council's Belarus sanctions; the generic region's letter does not mention them.`,
    'Write with --region eu --recipient foreign-minister instead.',
  );
}
