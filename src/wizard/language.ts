/**
 * For the wizard's language question (in questions.ts): asked after the region, only when more
 * than one built-in pack has letters for it (English first, and the default). The answer swaps
 * the pack the rest of the wizard works with.
 */
import type { Pack } from '../pack/load.js';
import { DEFAULT_LANGUAGE, serves } from '../pack/languages.js';
import type { Answers, WizardContext } from './context.js';

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
export const regionId = (ctx: WizardContext, answers: Answers) => ((ctx.given.region as string | undefined) ?? answers.region)?.trim().toLowerCase();

/** Switches the wizard to a language's pack; back to English when that pack lacks the region. */
export function useLanguage(ctx: WizardContext, answers: Answers, language: string | undefined): void {
  const packs = ctx.languagePacks;
  if (!packs) return;
  const wanted = language && languagesFor(packs, regionId(ctx, answers)).includes(language) ? language : DEFAULT_LANGUAGE;
  answers.language = wanted === DEFAULT_LANGUAGE ? undefined : wanted;
  ctx.pack = packs.get(wanted) ?? ctx.pack;
}
