/**
 * The one-page check, which `templates validate` and the build run over a pack: every letter
 * template is rendered for every request it serves (its regions x recipients x stances), taking
 * the longest phrasing of each section, with a typical sender and a story of about 60 words. A
 * template that fails to render is a problem; one that runs past one page is a warning. It lives
 * with the renderer, not the loader, because it renders: loading a pack to draft renders nothing
 * but the letter asked for, which `draft` refuses only if that letter itself runs past a page.
 */
import { PackError } from '../errors.js';
import { readLayers, readPack } from '../pack/load.js';
import type { LetterTemplate, LoadPackOptions, Pack } from '../pack/types.js';
import { letterRequestSchema } from '../request.js';
import { ONE_PAGE_WORDS } from './letter.js';
import { render } from './render.js';
import { serves } from './resolve.js';

/** About 60 words: what a writer's own paragraph typically runs to. */
export const TYPICAL_STORY =
  'My aunt was arrested in Minsk in 2021 after she joined a peaceful protest, and she spent two years in prison. ' +
  'She is free now, but friends of hers are still behind bars and their families hear almost nothing. ' +
  'I think of them every day, and I want our government to stand with them until they come home.';

export const TYPICAL_SENDER = {
  name: 'Alex Doe',
  city: 'Leeds',
  address: ['12 Station Road'],
  email: 'alex@example.org',
  recipientName: 'Jane Smith',
};

/** Every (region, recipient, stance) a template serves in this pack. */
export function requestsServed(pack: Pack, template: LetterTemplate): { region: string; recipient: string; stance: string }[] {
  const out: { region: string; recipient: string; stance: string }[] = [];
  for (const region of pack.regions) {
    if (!serves(template.meta.regions, region.id)) continue;
    for (const recipient of region.recipients) {
      if (!serves(template.meta.recipients, recipient.id)) continue;
      for (const stance of pack.stances) {
        if (serves(template.meta.stances, stance.id)) out.push({ region: region.id, recipient: recipient.id, stance: stance.id });
      }
    }
  }
  return out;
}

export interface PageCheck {
  /** Templates that fail to render for a request they serve: the pack cannot be used. */
  problems: string[];
  /**
   * Regions where a template's longest letter runs past a page. Not a reason to refuse the pack:
   * most letters are shorter than the worst case, and `draft` warns about one that is not.
   */
  warnings: string[];
}

export function pageCheck(pack: Pack, needsCheck: (template: LetterTemplate) => boolean = () => true): PageCheck {
  const problems: string[] = [];
  const warnings: string[] = [];
  for (const template of pack.templates) {
    if (!needsCheck(template)) continue;
    const format = template.meta.formats.includes('text') ? 'text' : (template.meta.formats[0] ?? 'text');
    const longest = new Map<string, { words: number; where: string }>();
    for (const ids of requestsServed(pack, template)) {
      const where = `recipient ${ids.recipient}, stance ${ids.stance}`;
      const request = letterRequestSchema.parse({
        ...ids,
        ...TYPICAL_SENDER,
        story: TYPICAL_STORY,
        date: '2026-01-15',
        format,
        sources: false,
        template: template.meta.id,
      });
      try {
        const words = render(pack, request, { longest: true }).meta.wordCount;
        const before = longest.get(ids.region);
        if (!before || words > before.words) longest.set(ids.region, { words, where });
      } catch (error) {
        const message = (error as Error).message.replace(/^Template \S+ could not render: /, '');
        problems.push(`${template.file}:1:1: does not render for region ${ids.region}, ${where}: ${message}`);
        break;
      }
    }
    const over = [...longest].filter(([, l]) => l.words > ONE_PAGE_WORDS);
    const fits = [...longest].filter(([, l]) => l.words <= ONE_PAGE_WORDS).map(([region]) => region);
    for (const [region, l] of over) {
      const narrow = fits.length > 0 ? `, or narrow its front matter to the regions where it fits (regions: [${fits.join(', ')}])` : '';
      warnings.push(
        `${template.file}:1:1: for region ${region} its longest letter runs to ${l.words} words (${l.where}, with a 60-word story), more than fits on one page (${ONE_PAGE_WORDS}); shorten its longest phrasings${narrow}`,
      );
    }
  }
  return { problems, warnings };
}

/** A checked pack, and the warnings that do not stop it from working. */
export interface ValidPack {
  pack: Pack;
  /** Regions where a template's longest letter runs past a page. */
  warnings: string[];
}

/**
 * Loads a pack as `loadPack` does, then renders its letters for the one-page check; refuses it
 * (PackError) with every problem of both steps. Only the letters a user's layer changed are
 * rendered: the built-in ones were checked when the tool was built.
 */
export function validatePack(options: LoadPackOptions = {}): ValidPack {
  const { pack, problems, toRender } = readPack(readLayers(options));
  if (!pack) throw new PackError(problems);
  const pages = pageCheck(pack, (t) => toRender.has(t));
  problems.push(...pages.problems);
  if (problems.length > 0) throw new PackError(problems);
  return { pack, warnings: pages.warnings };
}
