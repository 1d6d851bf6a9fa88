/**
 * The wizard's loop: ask what the command line did not give, then preview the letter and let the
 * writer save it, print it, change an answer, try another wording or quit. It builds the same
 * LetterRequest as `draft` and renders with the same render(); all I/O comes in through
 * `prompts` and `io`, so the whole flow runs in tests without a terminal.
 */
import { resolve } from 'node:path';
import slugify from '@sindresorhus/slugify';
import type { Config } from '../config/config.js';
import { AppError, UnknownIdError } from '../errors.js';
import { jsonText } from '../io/emit.js';
import { sourceLines } from '../render/format.js';
import type { Letter } from '../render/letter.js';
import { overOnePage, overPageWords } from '../render/one-page.js';
import { render } from '../render/render.js';
import { defaultFacts, findRecipient, findRegion, findStance } from '../render/resolve.js';
import { defaultSeed } from '../render/variation.js';
import { BODY_FORMATS, type BodyFormat, type LetterFormat, type LetterRequest } from '../request.js';
import { namingOptions, parseRequestFromOptions, unknownIdForOption } from '../validate.js';
import { answerNames, namingAnswers } from './id-words.js';
import { offeredFacts } from './facts.js';
import { QUESTIONS, questionById, recipientOf, regionOf, sameFacts, stanceOf, type Answers, type QuestionId, type WizardContext } from './questions.js';
import { joinStory } from './story.js';

export interface WizardIO {
  /** The preview and messages, for the writer's eyes (stderr). */
  show(text: string): void;
  /** A letter printed on request (stdout). */
  print(text: string): void;
  /**
   * What is at path, without following a link: 'file', 'folder', false for nothing, or what else
   * is there in words ("a symbolic link", "a device"), which is never saved over.
   */
  exists(path: string): string | false;
  /** Writes atomically; replaces an existing file only with force. */
  writeFile(path: string, data: string, force: boolean): void;
  /** Stores remembered answers; absent when remembering is off (--no-config). */
  remember?: { path: string; save(config: Config): void };
  heading(text: string): string;
}

export interface WizardOptions {
  /** The format asked for on the command line, the default when saving or printing. */
  format?: LetterFormat;
  /** --out: the default path when saving. */
  out?: string;
  /** --json: print { letter, meta } rather than the letter. */
  json?: boolean;
  /** --templates, stored with remembered answers. */
  templates?: string;
  /** --zip: the US ZIP code to look officials up by, not asked again. */
  zip?: string;
}

type Saved = { outcome: 'saved'; path: string; request: LetterRequest };
export type WizardOutcome = Saved | { outcome: 'printed'; request: LetterRequest } | { outcome: 'quit' };

type Action = 'save' | 'print' | 'change' | 'reword' | 'quit';

const EXTENSIONS: Record<BodyFormat, string> = { text: 'txt', markdown: 'md', html: 'html' };
const FORMAT_NAMES: Record<BodyFormat, string> = {
  text: 'Plain text (.txt): to paste into an email or a web form',
  markdown: 'Markdown (.md)',
  html: 'A web page (.html): to print on paper',
};

/** Checks what the command line gave before asking anything, so a typo fails as in `draft`. */
function checkGiven(ctx: WizardContext): void {
  const { region, recipient, stance } = ctx.given as { region?: string; recipient?: string; stance?: string };
  namingOptions(() => {
    if (region) {
      const r = findRegion(ctx.pack, region);
      if (recipient) findRecipient(r, recipient);
    }
    if (stance) findStance(ctx.pack, stance);
  });
  const everyRecipient = [...new Set(ctx.pack.regions.flatMap((r) => r.recipients.map((x) => x.id)))];
  if (!region && recipient && !everyRecipient.includes(recipient)) throw unknownIdForOption(new UnknownIdError('recipient', [recipient], everyRecipient));
}

export function storyOf(ctx: WizardContext, answers: Answers): string | undefined {
  return (ctx.given.story as string | undefined) ?? joinStory([answers.connection, answers.why, answers.want]);
}

/** The one LetterRequest, from what was given and what was answered. */
export function requestFrom(ctx: WizardContext, answers: Answers, seed?: string, format?: LetterFormat): LetterRequest {
  const g = ctx.given;
  return parseRequestFromOptions({
    ...g,
    region: g.region ?? answers.region,
    recipient: g.recipient ?? answers.recipient,
    stance: g.stance ?? answers.stance,
    name: g.name ?? answers.name,
    city: g.city ?? answers.city,
    address: (g.address as string[] | undefined)?.length ? g.address : answers.address ? [answers.address] : [],
    // The ZIP a US writer gave to find their officials is their postcode too.
    postcode: g.postcode ?? answers.postcode ?? ((g.region ?? answers.region) === 'us' ? (ctx.zip ?? answers.zip) : undefined),
    state: g.state ?? answers.state ?? ((g.region ?? answers.region) === 'us' ? answers.zipState : undefined),
    country: g.country ?? answers.country,
    recipientName: g.recipientName ?? answers.recipientName,
    recipientTitle: g.recipientTitle ?? answers.recipientTitle,
    // An address given on the command line wins over the directory's.
    recipientAddress: g.recipientAddress && g.recipientAddress.length > 0 ? g.recipientAddress : answers.recipientAddress,
    facts: g.facts ?? answers.facts,
    story: storyOf(ctx, answers),
    seed: seed ?? g.seed,
    format: format ?? g.format,
  });
}

/** letter-to-jane-smith-2026-11-25.txt, or letter-to-mp-... when no name was given. */
export function defaultFileName(request: LetterRequest, format: BodyFormat): string {
  const who = slugify(request.recipientName ?? request.recipient, { decamelize: false }) || 'official';
  return `letter-to-${who}-${request.date}.${EXTENSIONS[format]}`;
}

export function previewText(letter: Letter, hasStory: boolean, heading: (s: string) => string): string {
  const out = [heading('Your letter'), '', letter.body, ''];
  if (letter.meta.sources.length > 0) {
    out.push(heading('Sources'), ...sourceLines(letter.meta.sources), '');
  }
  out.push(`${letter.meta.wordCount} words (one page is up to 450).`);
  for (const warning of letter.meta.warnings) out.push(`Note: ${warning}`);
  if (!hasStory) {
    out.push(
      'Tip: this letter has nothing in your own words yet. A sentence or two about why it matters to you makes an official take it far more seriously than a form letter: choose "Change an answer".',
    );
  }
  return out.join('\n');
}

/** Keeps later answers consistent after one is changed: a recipient the new region lacks, facts that followed the old stance. */
async function reconcile(ctx: WizardContext, before: Answers, answers: Answers): Promise<void> {
  if (answers.recipient && !regionOf(ctx, answers).recipients.some((r) => r.id === answers.recipient)) {
    answers.recipient = undefined;
    Object.assign(answers, await questionById('recipient').ask(ctx, answers));
  }
  // An official picked from the directory is one recipient's: another recipient needs another.
  const official = answers.official;
  if (
    official &&
    (official.region !== regionOf(ctx, answers).id || official.recipient !== recipientOf(ctx, answers).id) &&
    !questionById('recipientName').given(ctx)
  ) {
    Object.assign(answers, { recipientName: undefined, recipientAddress: undefined, official: undefined });
    Object.assign(answers, await questionById('recipientName').ask(ctx, answers));
  }
  if (ctx.given.facts !== undefined || answers.facts === undefined) return;
  const stanceBefore = stanceOf(ctx, before);
  const stanceNow = stanceOf(ctx, answers);
  if (stanceBefore !== stanceNow && sameFacts(answers.facts, defaultFacts(ctx.pack, stanceBefore))) {
    answers.facts = defaultFacts(ctx.pack, stanceNow);
    ctx.prompts.say('The facts now follow the new stance; choose "The facts to include" to change them.');
  }
  const offered = new Set(offeredFacts(ctx.pack, regionOf(ctx, answers).id, recipientOf(ctx, answers), stanceNow).map((f) => f.id));
  answers.facts = answers.facts.filter((id) => offered.has(id));
}

async function changeAnswer(ctx: WizardContext, answers: Answers): Promise<void> {
  const askable = QUESTIONS.filter((q) => !q.given(ctx) && !q.skip?.(ctx, answers));
  const id = await ctx.prompts.select<QuestionId | 'back'>({
    id: 'change',
    message: 'Which answer do you want to change?',
    choices: [
      ...askable.map((q) => ({ value: q.id, name: `${q.label}: ${q.summary(ctx, answers)}`, short: q.label })),
      { value: 'back' as const, name: 'None: back to the letter' },
    ],
  });
  if (id === 'back') return;
  const before = { ...answers };
  Object.assign(answers, await questionById(id).ask(ctx, answers));
  await reconcile(ctx, before, answers);
}

async function save(ctx: WizardContext, io: WizardIO, options: WizardOptions, answers: Answers, seed: string | undefined): Promise<Saved> {
  // eml, pdf and mail links are for the command line (draft refuses them before the questions).
  const format = await ctx.prompts.select<BodyFormat>({
    id: 'format',
    message: 'Save it as',
    choices: BODY_FORMATS.map((f) => ({ value: f, name: FORMAT_NAMES[f], short: f })),
    default: (BODY_FORMATS as readonly string[]).includes(options.format ?? '') ? (options.format as BodyFormat) : 'text',
  });
  const request = requestFrom(ctx, answers, seed, format);
  const letter = namingAnswers(ctx, () => render(ctx.pack, request, { names: answerNames(ctx) }));
  let suggestion = options.out && options.out !== '-' ? options.out : defaultFileName(request, format);
  for (;;) {
    const path = (
      await ctx.prompts.input({
        id: 'path',
        message: 'File name',
        default: suggestion,
        required: true,
        validate: (value) => {
          if (value.trim() === '') return 'Please type a file name.';
          const there = io.exists(value.trim());
          if (there === 'folder') return 'That is a folder; type a file name.';
          return there === false || there === 'file' ? true : `That is ${there}, not a file; type another file name.`;
        },
      })
    ).trim();
    suggestion = path;
    let force = false;
    if (io.exists(path)) {
      force = await ctx.prompts.confirm({ id: 'overwrite', message: `${path} already exists. Replace it?`, default: false });
      if (!force) continue;
    }
    try {
      io.writeFile(path, letter.text, force);
    } catch (error) {
      if (!(error instanceof Error)) throw error;
      // Our own errors name the path and the cause already; anything else gets them added.
      ctx.prompts.say(error instanceof AppError ? error.message : `Could not save ${path}: ${error.message}`);
      continue;
    }
    ctx.prompts.say(`Saved ${path} (${letter.meta.wordCount} words).`);
    return { outcome: 'saved', path, request };
  }
}

async function offerToRemember(ctx: WizardContext, io: WizardIO, options: WizardOptions, request: LetterRequest): Promise<void> {
  if (!io.remember) return;
  const wanted: Config = { name: request.name, city: request.city, region: request.region };
  // Stored absolute, so the setting means the same folder wherever the tool runs next.
  if (options.templates) wanted.templates = resolve(options.templates);
  const known = ctx.remembered;
  if (known.name === wanted.name && known.city === wanted.city && known.region === wanted.region && (!wanted.templates || known.templates === wanted.templates))
    return;
  ctx.prompts.say(`This tool can remember your name, town and region in ${io.remember.path}, to offer them next time. Your own words are never stored.`);
  const yes = await ctx.prompts.confirm({ id: 'remember', message: 'Remember them?', default: false });
  if (!yes) return;
  try {
    io.remember.save({ ...known, ...wanted });
  } catch (error) {
    // The letter is done; a settings folder that cannot be written only means nothing is remembered.
    if (!(error instanceof Error)) throw error;
    ctx.prompts.say(
      `${error instanceof AppError ? error.message : `Could not write ${io.remember.path}: ${error.message}`} Nothing was remembered; your letter is not affected.`,
    );
    return;
  }
  ctx.prompts.say('Remembered. `belarus-letter config clear` forgets it.');
}

export async function runWizard(ctx: WizardContext, io: WizardIO, options: WizardOptions = {}): Promise<WizardOutcome> {
  checkGiven(ctx);
  io.show(
    `${io.heading('Write to your elected official about Belarus')}\nA few questions, then you see the letter before anything is saved. Ctrl-C quits at any time.\n`,
  );
  const answers: Answers = {};
  for (const question of QUESTIONS) {
    if (question.given(ctx) || question.skip?.(ctx, answers)) continue;
    if (question.intro) ctx.prompts.say(question.intro);
    Object.assign(answers, await question.ask(ctx, answers));
  }

  let round = 0;
  for (;;) {
    const base = requestFrom(ctx, answers, undefined, 'text');
    const seed = round === 0 ? base.seed : `${base.seed ?? defaultSeed(base)}#${round}`;
    const preview = namingAnswers(ctx, () => render(ctx.pack, { ...base, seed, sources: true }, { names: answerNames(ctx) }));
    io.show(previewText(preview, storyOf(ctx, answers) !== undefined, io.heading));
    if (answers.official) io.show(`${io.heading('Where to send it')}\n${answers.official.sendTo.join('\n')}`);

    const action = await ctx.prompts.select<Action>({
      id: 'action',
      message: 'What next?',
      choices: [
        { value: 'save', name: 'Save it to a file' },
        { value: 'print', name: 'Print it here (to standard output), to copy or pipe' },
        { value: 'change', name: 'Change an answer' },
        { value: 'reword', name: 'Try another wording' },
        { value: 'quit', name: 'Quit without saving' },
      ],
    });
    if (action === 'reword') round += 1;
    else if (action === 'change') await changeAnswer(ctx, answers);
    else if ((action === 'save' || action === 'print') && overOnePage(preview)) {
      // Refused as `draft` refuses it; the answers stay, so the writer can shorten and go on.
      ctx.prompts.say(
        `${overPageWords(preview)}; nothing was ${action === 'save' ? 'saved' : 'printed'}. Shorten your own words or choose fewer facts: choose "Change an answer".`,
      );
    } else if (action === 'quit') {
      ctx.prompts.say('Nothing was saved.');
      return { outcome: 'quit' };
    } else if (action === 'print') {
      const request = requestFrom(ctx, answers, seed, options.format ?? 'text');
      const letter = namingAnswers(ctx, () => render(ctx.pack, request, { names: answerNames(ctx) }));
      io.print(options.json ? jsonText({ letter: letter.text, meta: letter.meta }) : letter.text);
      await offerToRemember(ctx, io, options, request);
      return { outcome: 'printed', request };
    } else {
      const result = await save(ctx, io, options, answers, seed);
      await offerToRemember(ctx, io, options, result.request);
      return result;
    }
  }
}
