/**
 * The wizard's language question: asked after the region, only when more than one built-in
 * pack has letters for it (English first, and the default). The answer swaps the pack the rest
 * of the wizard works with.
 */
import type { Pack } from '../pack/load.js';
import { DEFAULT_LANGUAGE, serves } from '../pack/languages.js';
import type { Choice } from './prompts.js';
import type { Answers, Question, WizardContext } from './questions.js';

/** "Deutsch (German)" for de; "English" for en. */
export function languageName(code: string): string {
  const own = new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
  const english = new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code;
  const name = own.charAt(0).toLocaleUpperCase(code) + own.slice(1);
  return name === english ? name : `${name} (${english})`;
}

/** The languages with letters for a region, English first. */
export function languagesFor(packs: ReadonlyMap<string, Pack>, region: string | undefined): string[] {
  return region === undefined ? [] : [...packs].filter(([, pack]) => serves(pack, region)).map(([code]) => code);
}

/** The region the writer chose or gave, if any. */
const regionId = (ctx: WizardContext, answers: Answers) => ((ctx.given.region as string | undefined) ?? answers.region)?.trim().toLowerCase();

/** Switches the wizard to a language's pack; back to English when that pack lacks the region. */
export function useLanguage(ctx: WizardContext, answers: Answers, language: string | undefined): void {
  const packs = ctx.languagePacks;
  if (!packs) return;
  const wanted = language && languagesFor(packs, regionId(ctx, answers)).includes(language) ? language : DEFAULT_LANGUAGE;
  answers.language = wanted === DEFAULT_LANGUAGE ? undefined : wanted;
  ctx.pack = packs.get(wanted) ?? ctx.pack;
}

export const languageQuestion: Question = {
  id: 'language',
  label: 'The letter\'s language',
  given: (ctx) => ctx.languagePacks === undefined,
  skip: (ctx, answers) => languagesFor(ctx.languagePacks ?? new Map(), regionId(ctx, answers)).length < 2,
  async ask(ctx, answers) {
    const languages = languagesFor(ctx.languagePacks ?? new Map(), regionId(ctx, answers));
    const choices: Choice<string>[] = languages.map((code) => ({ value: code, name: languageName(code) }));
    const language = await ctx.prompts.select({ id: 'language', message: 'Which language will the letter be in?', choices, default: answers.language ?? DEFAULT_LANGUAGE });
    const next = { ...answers };
    useLanguage(ctx, next, language);
    return { language: next.language };
  },
  summary: (_ctx, answers) => languageName(answers.language ?? DEFAULT_LANGUAGE),
};
