/**
 * render(pack, request): the one pure step from a validated request to a letter. No clock, no
 * randomness, no I/O: the date and the seed are inputs, so the same request always gives the
 * same letter.
 */
import { AppError, UsageError, listChoices } from '../errors.js';
import type { LetterTemplate, Pack, PackFact } from '../pack/load.js';
import type { Region, Recipient, Source, Stance } from '../pack/schema.js';
import type { LetterFormat, LetterRequest } from '../request.js';
import { compiled, compileSmall, TemplateRenderError, type RenderState } from './compile.js';
import { endOfPartialDate, formatPartialDate, monthsBetween } from './dates.js';
import { formatLetter, markdownEscape, plainText, type CitedSource } from './format.js';
import { respell } from './spelling.js';
import { defaultSeed } from './variation.js';
import type { LetterView, NameView } from './view.js';

export const ONE_PAGE_WORDS = 450;
export const MIN_WORDS = 250;
export const STALE_AFTER_MONTHS = 6;

export interface LetterMeta {
  region: string;
  recipient: string;
  stance: string;
  template: string;
  format: LetterFormat;
  date: string;
  seed: string;
  citedFacts: string[];
  sources: CitedSource[];
  wordCount: number;
  /** Notes for the writer (stale figures, over one page); never part of the letter. */
  warnings: string[];
}

export interface Letter {
  /** The letter in the requested format, Sources section included unless turned off. */
  text: string;
  /** The letter as plain text without the Sources section. */
  body: string;
  meta: LetterMeta;
}

export function findRegion(pack: Pack, id: string): Region {
  const region = pack.regions.find((r) => r.id === id);
  if (!region) {
    throw new UsageError(
      `Unknown region "${id}" (--region). Choose ${listChoices(pack.regions.map((r) => r.id))}.`,
      'Run `belarus-letter regions` to see each region and its officials.',
    );
  }
  return region;
}

export function findRecipient(region: Region, id: string): Recipient {
  const recipient = region.recipients.find((r) => r.id === id);
  if (!recipient) {
    throw new UsageError(
      `Unknown recipient "${id}" for region ${region.id} (--recipient). Choose ${listChoices(region.recipients.map((r) => r.id))}.`,
    );
  }
  return recipient;
}

export function findStance(pack: Pack, id: string): Stance {
  const stance = pack.stances.find((s) => s.id === id);
  if (!stance) {
    throw new UsageError(
      `Unknown stance "${id}" (--stance). Choose ${listChoices(pack.stances.map((s) => s.id))}.`,
      'Run `belarus-letter stances` to see what each one asks.',
    );
  }
  return stance;
}

/** The facts a letter's facts paragraph cites by default: the stance's. */
export function defaultFacts(pack: Pack, stanceId: string): string[] {
  return [...findStance(pack, stanceId).facts];
}

/** Whether a front-matter list ("*" for all) includes an id. */
export const serves = (list: string[], id: string) => list.includes('*') || list.includes(id);

export function chooseTemplate(pack: Pack, request: Pick<LetterRequest, 'region' | 'recipient' | 'stance' | 'format' | 'template'>): LetterTemplate {
  if (request.template) {
    const t = pack.templates.find((x) => x.meta.id === request.template);
    if (!t) {
      throw new UsageError(
        `Unknown template "${request.template}" (--template). Choose ${listChoices(pack.templates.map((x) => x.meta.id))}.`,
        'Run `belarus-letter templates list` to see what each template serves.',
      );
    }
    // A template is checked (one page, every phrasing fits) only for what it says it serves.
    const misses = (['region', 'recipient', 'stance'] as const).filter((k) => !serves(t.meta[`${k}s`], request[k]));
    if (misses.length > 0 || !t.meta.formats.includes(request.format)) {
      const what = misses.map((k) => `${k} ${request[k]}`).concat(t.meta.formats.includes(request.format) ? [] : [`format ${request.format}`]);
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
      x.meta.formats.includes(request.format),
  );
  if (!t) {
    throw new UsageError(
      `No letter template serves region ${request.region}, recipient ${request.recipient}, stance ${request.stance} as ${request.format}.`,
      'Add one to your template pack, or pick another --format.',
    );
  }
  return t;
}

/** "Smith" from "Jane Smith"; a name in one word is its own surname. */
export function surnameOf(name: string): string {
  const parts = name.trim().split(/\s+/);
  return parts[parts.length - 1] ?? '';
}

function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Trailing spaces gone, at most one blank line between paragraphs, no leading or trailing blank lines. */
export function tidy(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export interface RenderOptions {
  /** Take the longest phrasing of every section instead of the seed's: how validation finds a
   * template's longest letter without trying every seed. */
  longest?: boolean;
}

export function render(pack: Pack, request: LetterRequest, options: RenderOptions = {}): Letter {
  const region = findRegion(pack, request.region);
  const recipient = findRecipient(region, request.recipient);
  const stance = findStance(pack, request.stance);
  const template = chooseTemplate(pack, request);
  const factIds = request.facts ?? defaultFacts(pack, stance.id);
  const unknown = factIds.filter((id) => !pack.facts.has(id));
  if (unknown.length > 0) {
    throw new UsageError(
      `Unknown fact ${unknown.map((id) => `"${id}"`).join(', ')} (--facts). Choose from ${listChoices([...pack.facts.keys()])}.`,
      'Run `belarus-letter facts` to see each fact and its sources.',
    );
  }

  const spellingTable = region.spelling === 'gb' ? undefined : pack.spellings[region.spelling];
  const packText = (s: string) => respell(s, spellingTable);
  const userText = request.format === 'markdown' ? markdownEscape : (s: string) => s;
  const seed = request.seed ?? defaultSeed(request);

  // Salutation and address come from small manifest templates over the official's name.
  const nameParts: NameView = {
    name: request.recipientName ?? '',
    surname: request.recipientName ? surnameOf(request.recipientName) : '',
    title: request.recipientTitle ?? '',
  };
  const small = (source: string, where: string) => {
    try {
      return compileSmall(pack, source)(nameParts).replace(/\s+/g, ' ').trim();
    } catch (error) {
      throw new AppError(`The pack's ${where} template could not render: ${(error as Error).message}`);
    }
  };
  const salutation = small(recipient.salutation, `salutation for ${region.id}/${recipient.id}`);
  const address =
    request.recipientAddress.length > 0
      ? [...(request.recipientName ? [request.recipientName] : []), ...request.recipientAddress]
      : recipient.address.map((line) => small(line, `address for ${region.id}/${recipient.id}`)).filter(Boolean);

  const cited: string[] = [];
  const state: RenderState = {
    seed,
    longest: options.longest,
    ids: { stance: stance.id, region: region.id, recipient: recipient.id, locale: region.locale },
    cite(id: string): string {
      const fact = pack.facts.get(id);
      if (!fact) throw new TemplateRenderError(`unknown fact "${id}"`);
      if (!cited.includes(id)) cited.push(id);
      return packText(fact.text.replace(/\s+/g, ' ').trim());
    },
  };

  const view: LetterView = {
    sender: {
      name: userText(request.name),
      city: userText(request.city),
      address: request.address.map(userText),
      email: request.email ? userText(request.email) : '',
    },
    recipient: {
      id: recipient.id,
      label: packText(recipient.label),
      name: userText(nameParts.name),
      surname: userText(nameParts.surname),
      title: userText(nameParts.title),
      salutation: userText(salutation),
      address: address.map(userText),
      constituent: recipient.constituent,
      action: packText(recipient.action),
      basis: recipient.basis ?? '',
    },
    region: { id: region.id, name: region.name, locale: region.locale, paper: region.paper },
    stance: { id: stance.id, label: packText(stance.label), description: packText(stance.description), ask: packText(stance.ask) },
    story: request.story ? userText(request.story) : '',
    facts: factIds,
    date: formatPartialDate(request.date, region.locale),
    format: request.format,
  };

  const set = compiled(pack, { escape: request.format === 'html', spelling: region.spelling });
  const fn = set.templates.get(template.meta.id);
  if (!fn) throw new AppError(`Template ${template.meta.id} is not compiled.`);
  let raw: string;
  try {
    raw = fn(view, { data: { letter: state }, partials: set.partials });
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(
      `Template ${template.file} could not render: ${(error as Error).message}`,
      1,
      'Check the template with `belarus-letter templates validate`.',
    );
  }
  const body = tidy(raw);

  const sources = citedSources(pack, cited, region.locale);
  const text = formatLetter({
    body,
    sources: request.sources ? sources : [],
    format: request.format,
    paper: region.paper,
    language: pack.language,
    title: `Letter to the ${recipient.label}`,
  });
  const plain = plainText(body, request.format);
  const wordCount = countWords(plain);

  const warnings: string[] = [];
  const newest = Math.max(...cited.map((id) => endOfPartialDate((pack.facts.get(id) as PackFact).asOf)));
  const letterDay = Date.parse(`${request.date}T00:00:00Z`);
  if (cited.length > 0 && monthsBetween(newest, letterDay) >= STALE_AFTER_MONTHS) {
    const asOf = formatPartialDate(new Date(newest).toISOString().slice(0, 7), 'en-GB');
    const months = monthsBetween(newest, letterDay);
    warnings.push(
      `The figures in this letter are as of ${asOf}, ${months} months before its date; check the current count${pack.countSource ? ` with ${pack.countSource}` : ''} before you send it.`,
    );
  }
  if (wordCount > ONE_PAGE_WORDS) {
    warnings.push(`The letter is ${wordCount} words, more than fits on one page (${ONE_PAGE_WORDS}); a shorter story or fewer facts would help.`);
  }

  return {
    text,
    body: plain,
    meta: {
      region: region.id,
      recipient: recipient.id,
      stance: stance.id,
      template: template.meta.id,
      format: request.format,
      date: request.date,
      seed,
      citedFacts: cited,
      sources,
      wordCount,
      warnings,
    },
  };
}

function citedSources(pack: Pack, cited: string[], locale: string): CitedSource[] {
  const out: CitedSource[] = [];
  const seen = new Set<string>();
  for (const factId of cited) {
    for (const sourceId of (pack.facts.get(factId) as PackFact).sources) {
      if (seen.has(sourceId)) continue;
      seen.add(sourceId);
      const source = pack.sources.get(sourceId) as Source;
      out.push({ ...source, dateText: source.date ? formatPartialDate(source.date, locale) : undefined });
    }
  }
  return out;
}
