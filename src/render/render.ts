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
 * With maxChars the first three stages run again with parts dropped (fit.ts). Messages name a
 * request field as options.names says (draft by its option, bulk by its column).
 */
import { AppError, UsageError, listChoices } from '../errors.js';
import type { Pack } from '../pack/types.js';
import { fieldAsNamed, type LetterRequest } from '../request.js';
import { prepareLetter } from './build-view.js';
import { finishLetter } from './finish.js';
import { formChars, NO_TRIM, trims, type Trim } from './fit.js';
import { formatLetter } from './format-letter.js';
import type { Letter } from './letter.js';
import { letterState, runTemplate, type RenderOptions } from './run.js';
import { salutationAdvice } from './salutation-advice.js';

export function render(pack: Pack, request: LetterRequest, options: RenderOptions = {}): Letter {
  const letter = renderFitted(pack, request, options);
  // The salutation does not change with the fit, so it is asked about once.
  const current = letter.sections.find((s) => s.role === 'salutation')?.text ?? '';
  const advice = adviceFor(pack, request, current, options);
  if (advice) letter.meta.warnings.push(advice);
  return letter;
}

// Working the advice out renders the letter up to four times more; a bulk sheet asks the same
// question (same official, same missing name or title, same greeting) for row after row.
const advised = new WeakMap<Pack, Map<string, string>>();

function adviceFor(pack: Pack, request: LetterRequest, current: string, options: RenderOptions): string {
  const names = options.names ?? fieldAsNamed;
  const key = JSON.stringify([
    request.region,
    request.recipient,
    request.template,
    request.stance,
    request.format,
    request.recipientName,
    request.recipientTitle,
    current,
    names('recipientName'),
    names('recipientTitle'),
  ]);
  let known = advised.get(pack);
  if (!known) advised.set(pack, (known = new Map()));
  let advice = known.get(key);
  if (advice === undefined) {
    advice = salutationAdvice(pack, request, current, names, options);
    known.set(key, advice);
  }
  return advice;
}

function renderFitted(pack: Pack, request: LetterRequest, options: RenderOptions): Letter {
  if (request.maxChars === undefined) return renderWith(pack, request, NO_TRIM, options);
  const name = options.names ?? fieldAsNamed;
  if (request.format !== 'text') {
    throw new UsageError(
      `${name('maxChars')} fits a letter into a web form, which takes plain text: use it with ${name('format')} text, not ${request.format}.`,
    );
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
    `The letter needs ${needed} characters even without ${listChoices(trims().at(-1)?.dropped ?? [], 'and')}; ${name('maxChars')} is ${request.maxChars}.`,
    1,
    `Shorten your ${name('story')}, or give a larger ${name('maxChars')} if the form allows it.`,
  );
}

function renderWith(pack: Pack, request: LetterRequest, trim: Trim, options: RenderOptions): Letter {
  const prepared = prepareLetter(pack, request, trim);
  const cited: string[] = [];
  const raw = runTemplate(pack, prepared, letterState(pack, prepared, cited, options));
  const names = options.names ?? fieldAsNamed;
  const finished = finishLetter(pack, prepared, raw, cited, names);
  const text = formatLetter(pack, request, finished, names);
  return { text, body: finished.body, sections: finished.sections, notes: finished.notes, words: finished.words, meta: finished.meta };
}
