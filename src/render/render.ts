/**
 * render(pack, request): the one pure step from a validated request to a letter. No clock, no
 * randomness, no I/O: the date and the seed are inputs, so the same request always gives the
 * same letter. Its stages, each a module of its own:
 *
 *   resolve.ts       the request's ids against the pack (UnknownIdError for one it lacks)
 *   build-view.ts    the view the template sees
 *   run.ts           the template run over the view
 *   finish.ts        sections tidied, sources, word count, notes for the writer
 *   format-letter.ts text, Markdown, print HTML or email
 *
 * With maxChars (--max-chars) the first three stages run again with parts dropped (fit.ts).
 */
import { AppError, UsageError, listChoices } from '../errors.js';
import type { Pack } from '../pack/types.js';
import type { LetterRequest } from '../request.js';
import { prepareLetter } from './build-view.js';
import { finishLetter } from './finish.js';
import { formChars, NO_TRIM, trims, type Trim } from './fit.js';
import { formatLetter } from './format-letter.js';
import type { Letter } from './letter.js';
import { letterState, runTemplate, type RenderOptions } from './run.js';

export function render(pack: Pack, request: LetterRequest, options: RenderOptions = {}): Letter {
  if (request.maxChars === undefined) return renderWith(pack, request, NO_TRIM, options);
  if (request.format !== 'text') {
    throw new UsageError(`--max-chars fits a letter into a web form, which takes plain text: use it with --format text, not ${request.format}.`);
  }
  let letter: Letter | undefined;
  // A step that changes nothing (a second fact from a letter with one) is not reported as dropped.
  const dropped: string[] = [];
  for (const trim of trims()) {
    const before = letter?.text;
    letter = renderWith(pack, request, trim, options);
    const step = trim.dropped.at(-1);
    if (step && letter.text !== before) dropped.push(step);
    const chars = formChars(letter.text);
    if (chars <= request.maxChars) {
      letter.meta.chars = chars;
      letter.meta.dropped = dropped;
      if (dropped.length > 0) {
        letter.meta.warnings.push(`To fit ${request.maxChars} characters the letter leaves out ${listChoices(dropped, 'and')}.`);
      }
      return letter;
    }
  }
  const needed = formChars((letter as Letter).text);
  throw new AppError(
    `The letter needs ${needed} characters even without ${listChoices(trims().at(-1)?.dropped ?? [], 'and')}; --max-chars is ${request.maxChars}.`,
    1,
    'Shorten your --story, or give a larger --max-chars if the form allows it.',
  );
}

function renderWith(pack: Pack, request: LetterRequest, trim: Trim, options: RenderOptions): Letter {
  const prepared = prepareLetter(pack, request, trim);
  const cited: string[] = [];
  const raw = runTemplate(pack, prepared, letterState(pack, prepared, cited, options));
  const finished = finishLetter(pack, prepared, raw, cited);
  const text = formatLetter(pack, request, finished);
  return { text, body: finished.body, sections: finished.sections, notes: finished.notes, words: finished.words, meta: finished.meta };
}
