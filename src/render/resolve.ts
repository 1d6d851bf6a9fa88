/**
 * Resolving a request's ids against the pack: its region, official, stance, template and facts.
 * An id the pack does not have is an UnknownIdError with the valid choices; each front end words
 * it (a flag, a sheet's column, a wizard question).
 */
import { UnknownIdError, UsageError, listChoices } from '../errors.js';
import type { LetterTemplate, Pack } from '../pack/types.js';
import type { Region, Recipient, Stance } from '../pack/schema.js';
import { bodyFormatOf, type BodyFormat, type LetterRequest } from '../request.js';

export function findRegion(pack: Pack, id: string): Region {
  const region = pack.regions.find((r) => r.id === id);
  if (!region)
    throw new UnknownIdError(
      'region',
      [id],
      pack.regions.map((r) => r.id),
    );
  return region;
}

export function findRecipient(region: Region, id: string): Recipient {
  const recipient = region.recipients.find((r) => r.id === id);
  if (!recipient)
    throw new UnknownIdError(
      'recipient',
      [id],
      region.recipients.map((r) => r.id),
      region.id,
    );
  return recipient;
}

export function findStance(pack: Pack, id: string): Stance {
  const stance = pack.stances.find((s) => s.id === id);
  if (!stance)
    throw new UnknownIdError(
      'stance',
      [id],
      pack.stances.map((s) => s.id),
    );
  return stance;
}

/** The facts a letter's facts paragraph cites by default: the stance's. */
export function defaultFacts(pack: Pack, stanceId: string): string[] {
  return [...findStance(pack, stanceId).facts];
}

/** The fact ids a letter may cite, checked against the pack's facts file. */
export function checkFacts(pack: Pack, ids: readonly string[]): void {
  const unknown = ids.filter((id) => !pack.facts.has(id));
  if (unknown.length > 0) throw new UnknownIdError('fact', unknown, [...pack.facts.keys()]);
}

/** Whether a front-matter list ("*" for all) includes an id. */
export const serves = (list: string[], id: string) => list.includes('*') || list.includes(id);

export function chooseTemplate(pack: Pack, request: Pick<LetterRequest, 'region' | 'recipient' | 'stance' | 'format' | 'template'>): LetterTemplate {
  if (request.template) {
    const t = pack.templates.find((x) => x.meta.id === request.template);
    if (!t)
      throw new UnknownIdError(
        'template',
        [request.template],
        pack.templates.map((x) => x.meta.id),
      );
    // A template is checked (one page, every phrasing fits) only for what it says it serves.
    const misses = (['region', 'recipient', 'stance'] as const).filter((k) => !serves(t.meta[`${k}s`], request[k]));
    const format = bodyFormatOf(request.format);
    if (misses.length > 0 || !t.meta.formats.includes(format)) {
      const what = misses.map((k) => `${k} ${request[k]}`).concat(t.meta.formats.includes(format) ? [] : [`format ${format}`]);
      throw new UsageError(
        `Template "${t.meta.id}" (--template) does not serve ${listChoices(what, 'or')}; it serves regions ${t.meta.regions.join(', ')}, recipients ${t.meta.recipients.join(', ')}, stances ${t.meta.stances.join(', ')} as ${t.meta.formats.join(', ')}.`,
        'Run `belarus-letter templates list` to see what each template serves.',
      );
    }
    return t;
  }
  const t = pack.templates.find(
    (x) =>
      serves(x.meta.regions, request.region) &&
      serves(x.meta.recipients, request.recipient) &&
      serves(x.meta.stances, request.stance) &&
      x.meta.formats.includes(bodyFormatOf(request.format)),
  );
  if (!t) {
    throw new UsageError(
      `No letter template serves region ${request.region}, recipient ${request.recipient}, stance ${request.stance} as ${request.format}.`,
      'Add one to your template pack, or pick another format.',
    );
  }
  return t;
}

/** What the request's ids name in the pack. */
export interface Resolved {
  bodyFormat: BodyFormat;
  region: Region;
  recipient: Recipient;
  stance: Stance;
  template: LetterTemplate;
  /** The facts the facts paragraph chooses from: the writer's, or the stance's. */
  facts: string[];
}

/** Every id of the request looked up, in the order a writer would fix them. */
export function resolveIds(pack: Pack, request: LetterRequest): Resolved {
  const region = findRegion(pack, request.region);
  const recipient = findRecipient(region, request.recipient);
  const stance = findStance(pack, request.stance);
  const template = chooseTemplate(pack, request);
  const facts = request.facts ?? [...stance.facts];
  checkFacts(pack, facts);
  return { bodyFormat: bodyFormatOf(request.format), region, recipient, stance, template, facts };
}
