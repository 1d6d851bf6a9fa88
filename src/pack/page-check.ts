/**
 * The one-page check: every letter template is rendered for every request it serves (its
 * regions x recipients x stances), taking the longest phrasing of each section, with a typical
 * sender and a story of about 60 words. A template that runs past one page, or fails to render,
 * is reported before any real letter is drafted.
 */
import { ONE_PAGE_WORDS, render, serves } from '../render/render.js';
import { letterRequestSchema } from '../request.js';
import type { LetterTemplate, Pack } from './load.js';

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

export function pageProblems(pack: Pack, needsCheck: (template: LetterTemplate) => boolean = () => true): string[] {
  const problems: string[] = [];
  for (const template of pack.templates) {
    if (!needsCheck(template)) continue;
    const format = template.meta.formats.includes('text') ? 'text' : (template.meta.formats[0] ?? 'text');
    let longest: { words: number; where: string; region: string } | undefined;
    for (const ids of requestsServed(pack, template)) {
      const where = `region ${ids.region}, recipient ${ids.recipient}, stance ${ids.stance}`;
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
        if (!longest || words > longest.words) longest = { words, where, region: ids.region };
      } catch (error) {
        const message = (error as Error).message.replace(/^Template \S+ could not render: /, '');
        problems.push(`${template.file}:1:1: does not render for ${where}: ${message}`);
        break;
      }
    }
    if (longest && longest.words > ONE_PAGE_WORDS) {
      problems.push(
        `${template.file}:1:1: its longest letter runs to ${longest.words} words (${longest.where}, with a 60-word story), more than fits on one page (${ONE_PAGE_WORDS}); shorten it or its longest phrasings${narrowRegions(pack, template, longest.region)}`,
      );
    }
  }
  return problems;
}

/** How to stop a template serving the region where it runs long: the front matter's regions without it. */
function narrowRegions(pack: Pack, template: LetterTemplate, region: string): string {
  const rest = pack.regions.map((r) => r.id).filter((id) => id !== region && serves(template.meta.regions, id));
  // A template that serves that region alone has nothing to narrow.
  return rest.length > 0 ? `, or leave region ${region} to another template: put regions: [${rest.join(', ')}] in its front matter` : '';
}
