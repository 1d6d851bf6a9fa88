/**
 * render(pack, request): the one pure step from a validated request to a letter. No clock, no
 * randomness, no I/O: the date and the seed are inputs, so the same request always gives the
 * same letter.
 */
import { AppError, UsageError, listChoices } from '../errors.js';
import type { LetterTemplate, Pack, PackFact } from '../pack/load.js';
import type { Region, Recipient, Source, Stance } from '../pack/schema.js';
import { bodyFormatOf, type BodyFormat, type LetterFormat, type LetterRequest } from '../request.js';
import { compiled, compileSmall, TemplateRenderError, type RenderState } from './compile.js';
import { asOfText, endOfPartialDate, formatPartialDate, monthsBetween } from './dates.js';
import { withDates, wordingIndex } from './fact-text.js';
import { buildEml } from './eml.js';
import { formChars, NO_TRIM, trims, type Trim } from './fit.js';
import { formatMarkdown, htmlEscape, markdownEscape, plainText, sourceLines, textWithSources, type CitedSource } from './format.js';
import { formatPrintHtml } from './print-html.js';
import { joinSections, splitSections, type LetterSection } from './sections.js';
import { respell, respellPackText } from './spelling.js';
import { memo } from './memo.js';
import { RenderBudget } from './budget.js';
import { defaultSeed } from './variation.js';
import { officialName } from './names.js';
import { postalLines } from './postal.js';
import { storyAsks } from './story-asks.js';
import { chooseFacts, dropLightest } from './fact-choice.js';
import { countWords } from './word-count.js';
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
  /** The email subject (the stance's, from the pack). */
  subject: string;
  /** The region's paper size, for print and PDF. */
  paper: 'a4' | 'letter';
  /** With --max-chars: the letter's length as a web form counts it, and what was left out to fit. */
  chars?: number;
  dropped?: string[];
  /** Notes for the writer (stale figures, over one page); never part of the letter. */
  warnings: string[];
}

export interface Letter {
  /** The letter in the requested format, Sources section included unless turned off. */
  text: string;
  /** The letter as plain text without the Sources section. */
  body: string;
  /** The body's named sections as plain text (see templates' {{#section}}), for layouts like PDF. */
  sections: LetterSection[];
  /** The sources as the letter lists them: empty with --no-sources or when dropped to fit. */
  notes: CitedSource[];
  meta: LetterMeta;
}

/** The first of region, official and stance that the pack does not have, with the valid choices. */
export interface UnknownId {
  field: 'region' | 'recipient' | 'stance';
  value: string;
  /** The region whose officials `choices` lists, for an unknown recipient. */
  region?: string;
  choices: string[];
}

export function unknownId(pack: Pack, ids: { region: string; recipient: string; stance: string }): UnknownId | undefined {
  const region = pack.regions.find((r) => r.id === ids.region);
  if (!region) return { field: 'region', value: ids.region, choices: pack.regions.map((r) => r.id) };
  if (!region.recipients.some((r) => r.id === ids.recipient)) {
    return { field: 'recipient', value: ids.recipient, region: region.id, choices: region.recipients.map((r) => r.id) };
  }
  if (!pack.stances.some((s) => s.id === ids.stance)) return { field: 'stance', value: ids.stance, choices: pack.stances.map((s) => s.id) };
  return undefined;
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
      'Add one to your template pack, or pick another --format.',
    );
  }
  return t;
}

export { surnameOf } from './names.js';

/** Trailing spaces gone, at most one blank line between paragraphs, no leading or trailing blank lines. */
export function tidy(text: string): string {
  // Each replace only when needed: bulk tidies every section of every letter.
  let out = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  if (out.includes(' \n') || out.includes('\t')) out = out.replace(/[ \t]+$/gm, '');
  if (out.includes('\n\n\n')) out = out.replace(/\n{3,}/g, '\n\n');
  // A phrasing a letter leaves out (an empty optional sentence) leaves two spaces behind.
  if (out.includes('  ')) out = out.replace(/(\S) {2,}(?=\S)/g, '$1 ');
  return out.trim();
}

/**
 * Salutations and address lines as rendered for one official and name: a bulk batch writes to
 * the same few officials again and again. Bounded, since each sender may name their own.
 */
const salutations = memo<Pack, string>(1000);
const addresses = memo<Pack, string[]>(1000);

/**
 * A fact's wordings as letters in one spelling and locale state them: spaces tidied, the
 * spelling applied, marked dates written out. Made once per pack, spelling and locale.
 */
const factTexts = memo<Pack, Map<string, string[]>>();
function factWordingsFor(pack: Pack, fact: PackFact, region: Region, spelling: Record<string, string> | undefined): string[] {
  const texts = factTexts(pack, `${region.spelling}\u0000${region.locale}`, () => new Map());
  let wordings = texts.get(fact.id);
  if (wordings === undefined) {
    wordings = fact.text.map((t) => withDates(respell(t.replace(/\s+/g, ' ').trim(), spelling), region.locale));
    texts.set(fact.id, wordings);
  }
  return wordings;
}

export interface RenderOptions {
  /** Take the longest phrasing of every section instead of the seed's: how validation finds a
   * template's longest letter without trying every seed. */
  longest?: boolean;
}

/**
 * With maxChars (--max-chars, text only), the letter is rendered whole, then with optional parts
 * dropped step by step (see fit.ts), and the first version that fits is returned.
 */
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
  return finishLetter(pack, prepared, raw, cited);
}

/** Everything a letter's template needs, worked out from the request before it renders. */
export interface PreparedLetter {
  request: LetterRequest;
  trim: Trim;
  bodyFormat: BodyFormat;
  region: Region;
  recipient: Recipient;
  stance: Stance;
  template: LetterTemplate;
  seed: string;
  view: LetterView;
  packText: (s: string) => string;
  /** The wording of a fact this letter states (its seed's pick). */
  factText: (fact: PackFact) => string;
  /** Every wording of a fact as this letter's region writes it. */
  factWordings: (fact: PackFact) => string[];
}

/**
 * What a letter takes from the pack for one region, official, stance, template, format, date and
 * set of facts: the same for every writer, so a bulk batch works it out once per combination.
 */
interface LetterSetting {
  bodyFormat: BodyFormat;
  region: Region;
  recipient: Recipient;
  stance: Stance;
  template: LetterTemplate;
  facts: string[];
  spellingTable: Record<string, string> | undefined;
  packText: (s: string) => string;
  factWordings: (fact: PackFact) => string[];
  date: string;
  recipientView: Pick<LetterView['recipient'], 'id' | 'label' | 'constituent' | 'action' | 'basis'>;
  regionView: LetterView['region'];
  stanceView: LetterView['stance'];
}

/** Bounded: the key holds the date and the facts, which a sheet could vary row by row. */
const settings = memo<Pack, LetterSetting>(1000);

function settingKey(request: LetterRequest, trim: Trim): string {
  return [request.region, request.recipient, request.stance, request.format, request.template ?? '', request.date, request.facts?.join(',') ?? '*'].join('\u0000');
}

/** Checks the request's ids against the pack (throwing a message that names the option) and works out the setting. */
function settingOf(pack: Pack, request: LetterRequest, trim: Trim): LetterSetting {
  const bodyFormat = bodyFormatOf(request.format);
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
  const packText = (s: string) => respellPackText(s, spellingTable);
  return {
    bodyFormat,
    region,
    recipient,
    stance,
    template,
    facts: factIds,
    spellingTable,
    packText,
    factWordings: (fact) => factWordingsFor(pack, fact, region, spellingTable),
    date: formatPartialDate(request.date, region.locale),
    recipientView: {
      id: recipient.id,
      label: packText(recipient.label),
      constituent: recipient.constituent,
      action: packText(recipient.action),
      basis: recipient.basis ?? '',
    },
    regionView: { id: region.id, name: region.name, locale: region.locale, paper: region.paper },
    stanceView: { id: stance.id, label: packText(stance.label), description: packText(stance.description), ask: packText(stance.ask) },
  };
}

/**
 * Checks the request's ids against the pack and builds the template's view.
 */
export function prepareLetter(pack: Pack, request: LetterRequest, trim: Trim): PreparedLetter {
  // Errors are thrown while making a setting, so a bad request never leaves one behind.
  const setting = settings(pack, settingKey(request, trim), () => settingOf(pack, request, trim));
  const { bodyFormat, region, recipient, stance, template, packText, factWordings } = setting;
  const userText = bodyFormat === 'markdown' ? markdownEscape : (s: string) => s;

  const seed = request.seed ?? defaultSeed(request);
  // Salutation and address come from small manifest templates over the official's name.
  const nameParts: NameView = officialName(request.recipientName, request.recipientTitle);
  const small = (source: string, what: string) => {
    try {
      return compileSmall(pack, source)(nameParts).replace(/\s+/g, ' ').trim();
    } catch (error) {
      throw new AppError(`The pack's ${what} for ${region.id}/${recipient.id} template could not render: ${(error as Error).message}`);
    }
  };
  // With an address of the writer's own, the name still heads it as the pack writes it there
  // ("The Honorable Jane Smith", "Jane Smith MP"), when the pack's first line is the name's.
  const nameLine = () => {
    const first = recipient.address[0] ? small(recipient.address[0], 'address') : '';
    return nameParts.name && first.includes(nameParts.name) ? first : [nameParts.honorific, nameParts.name].filter(Boolean).join(' ');
  };
  const official = `${region.id}\u0000${recipient.id}\u0000${nameParts.name}\u0000${nameParts.title}\u0000${nameParts.honorific}`;
  const salutation = salutations(pack, official, () => small(recipient.salutation, 'salutation'));
  const address =
    request.recipientAddress.length > 0
      ? [...(request.recipientName ? [nameLine()] : []), ...request.recipientAddress]
      : addresses(pack, official, () => recipient.address.map((line) => small(line, 'address')).filter(Boolean));

  const view: LetterView = {
    sender: {
      name: userText(request.name),
      city: userText(request.city),
      address: request.address.map(userText),
      postcode: request.postcode ? userText(request.postcode) : '',
      lines: postalLines(request.address, request.city, request.postcode, region.postcode).map(userText),
      email: request.email ? userText(request.email) : '',
    },
    recipient: {
      id: setting.recipientView.id,
      label: setting.recipientView.label,
      name: userText(nameParts.name),
      surname: userText(nameParts.surname),
      title: userText(nameParts.title),
      salutation: userText(salutation),
      address: address.map(userText),
      constituent: setting.recipientView.constituent,
      action: setting.recipientView.action,
      basis: setting.recipientView.basis,
    },
    region: setting.regionView,
    stance: setting.stanceView,
    story: request.story ? userText(request.story) : '',
    storyAsks: request.story ? storyAsks(request.story) : false,
    facts: lettersFacts(pack, setting, request, seed, trim),
    date: setting.date,
    format: bodyFormat,
  };
  return {
    request,
    trim,
    bodyFormat,
    region,
    recipient,
    stance,
    template,
    seed,
    view,
    packText,
    factText: (fact) => {
      const wordings = factWordings(fact);
      return wordings[wordingIndex(seed, fact.id, wordings.length)] as string;
    },
    factWordings,
  };
}

const tagsOf = (pack: Pack) => (id: string) => pack.facts.get(id)?.tags ?? [];

/** The facts of this letter's facts paragraph: its own selection (see fact-choice.ts), less any dropped to fit. */
function lettersFacts(pack: Pack, setting: LetterSetting, request: LetterRequest, seed: string, trim: Trim): string[] {
  const chosen = chooseFacts({ pool: setting.facts, lead: setting.region.facts, seed, chosenByWriter: request.facts !== undefined, tagsOf: tagsOf(pack) });
  return dropLightest(chosen, trim.dropFacts ?? 0, tagsOf(pack));
}

/** The state a render's helpers share; each fact the template cites is added to `cited`. */
export function letterState(pack: Pack, prepared: PreparedLetter, cited: string[], options: RenderOptions = {}): RenderState {
  const { region, recipient, stance } = prepared;
  return {
    seed: prepared.seed,
    longest: options.longest,
    ids: { stance: stance.id, region: region.id, recipient: recipient.id, locale: region.locale },
    cite(id: string): string {
      const fact = pack.facts.get(id);
      if (!fact) throw new TemplateRenderError(`unknown fact "${id}"`);
      if (!cited.includes(id)) cited.push(id);
      if (!options.longest) return prepared.factText(fact);
      return prepared.factWordings(fact).reduce((a, b) => (countWords(b) > countWords(a) ? b : a));
    },
  };
}

/** The template's output for a view: sections still marked, not yet tidied. */
export function runTemplate(pack: Pack, prepared: PreparedLetter, state: RenderState, view: LetterView = prepared.view): string {
  const { template, bodyFormat, region } = prepared;
  const set = compiled(pack, { escape: bodyFormat === 'html', spelling: region.spelling });
  const fn = set.templates.get(template.meta.id);
  if (!fn) throw new AppError(`Template ${template.meta.id} is not compiled.`);
  try {
    // Each render starts with a full budget.
    state.budget = new RenderBudget();
    const out = fn(view, { data: { letter: state }, partials: set.partials });
    state.budget.output(out.length);
    return out;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(
      `Template ${template.file} could not render: ${(error as Error).message}`,
      1,
      'Check the template with `belarus-letter templates validate`.',
    );
  }
}

/** From the template's output to the letter: sections tidied, sources listed, the format applied. */
export function finishLetter(pack: Pack, prepared: PreparedLetter, raw: string, cited: readonly string[]): Letter {
  return letterFrom(pack, prepared, splitSections(raw, tidy), cited);
}

/** The letter from its tidied sections. */
function letterFrom(pack: Pack, prepared: PreparedLetter, allSections: LetterSection[], cited: readonly string[]): Letter {
  const { request, trim, bodyFormat, region, recipient, stance, template, packText, factWordings } = prepared;
  const omit = trim.omit.size > 0;
  const sections = omit ? allSections.filter((s) => !(s.role && trim.omit.has(s.role))) : allSections;
  const body = joinSections(sections);
  // Facts cited only in a dropped section are not the letter's, and neither are their sources.
  const plain = plainText(body, bodyFormat);
  const shownCited = cited.filter((id) => factWordings(pack.facts.get(id) as PackFact).some((w) => plain.includes(w)));
  const shown = sourcesShown(pack, shownCited, region.locale);
  // Copies, so a caller that edits a letter's meta cannot change the next letter's.
  const sources = shown.sources.map((s) => ({ ...s }));
  const notes = request.sources && !trim.noSources ? sources : [];
  const sourceList = notes.length > 0 ? shown.lines : '';
  // A text letter's sections are plain text already.
  const plainSections = bodyFormat === 'text' ? sections : sections.map((s) => ({ ...s, text: plainText(s.text, bodyFormat) }));
  const wordCount = countWords(plain);
  const title = `Letter to the ${packText(recipient.label)}`;
  const subject = packText(stance.subject ?? title);

  let text: string;
  switch (request.format) {
    case 'markdown':
      text = formatMarkdown({ body, sources: notes });
      break;
    case 'html':
      text = formatPrintHtml({ sections, sources: notes, paper: region.paper, language: pack.language, title });
      break;
    case 'eml': {
      if (!request.email) {
        throw new UsageError('--format eml needs your email address for the From header: add --email.');
      }
      const escaped = plainSections.map((s) => ({ ...s, text: htmlEscape(s.text) }));
      text = buildEml({
        from: { name: request.name, address: request.email, option: '--email', nameOption: '--name' },
        to: request.recipientEmail
          ? { name: request.recipientName, address: request.recipientEmail, option: '--recipient-email', nameOption: '--recipient-name' }
          : undefined,
        subject,
        date: request.date,
        text: textWithSources(plain, sourceList),
        html: formatPrintHtml({ sections: escaped, sources: notes, paper: region.paper, language: pack.language, title: subject }),
      });
      break;
    }
    default:
      // Text, and the text a PDF is laid out from (see pdf.ts).
      text = textWithSources(body, sourceList);
  }

  const warnings: string[] = [];
  const stale = staleNote(pack, shownCited, request.date, region.locale);
  if (stale) warnings.push(stale);
  warnings.push(...constituentNotes(request, recipient, region, trim));
  if (wordCount > ONE_PAGE_WORDS) {
    warnings.push(`The letter is ${wordCount} words, more than fits on one page (${ONE_PAGE_WORDS}); a shorter story or fewer facts would help.`);
  }

  return {
    text,
    body: plain,
    sections: plainSections,
    notes,
    meta: {
      region: region.id,
      recipient: recipient.id,
      stance: stance.id,
      template: template.meta.id,
      format: request.format,
      date: request.date,
      seed: prepared.seed,
      citedFacts: shownCited,
      sources,
      wordCount,
      subject,
      paper: region.paper,
      warnings,
    },
  };
}

/**
 * What an office needs to count the letter as a constituent's, when it is missing: the street
 * address or postcode (not asked of a letter fitted to a web form, which has fields for them), and
 * the official's name for a salutation such as "Dear Senator Smith:".
 */
function constituentNotes(request: LetterRequest, recipient: Recipient, region: Region, trim: Trim): string[] {
  if (!recipient.constituent) return [];
  const notes: string[] = [];
  const code = region.locale === 'en-US' ? 'ZIP code' : 'postcode';
  if (request.address.length === 0 && !request.postcode && !trim.omit.has('sender')) {
    notes.push(
      `The letter has no street address or ${code}: offices check both to count a letter as a constituent's, and often set aside one without them. Add them with --address and --postcode.`,
    );
  }
  if (!request.recipientName) {
    notes.push(`The letter greets the official by role alone because it has no name: give their name with --recipient-name for a personal salutation.`);
  }
  return notes;
}

/** Bounded: the key holds the letter's date, which a bulk sheet may vary row by row. */
const staleNotes = memo<Pack, string>(1000);

/** Facts tagged so hold a count of political prisoners: the figure that goes out of date. */
export const COUNT_TAG = 'count';

/**
 * The note for a letter whose count of political prisoners was made STALE_AFTER_MONTHS or more
 * before the letter's date, or ''. It is about the count, so it goes by the newest count the
 * letter states, not by whichever of its facts is newest.
 */
export function staleNote(pack: Pack, shownCited: readonly string[], date: string, locale = 'en-GB'): string {
  const counts = shownCited.map((id) => pack.facts.get(id) as PackFact).filter((f) => f.tags.includes(COUNT_TAG));
  if (counts.length === 0) return '';
  return staleNotes(pack, `${date}\u0000${locale}\u0000${counts.map((f) => f.id).join('\u0000')}`, () => {
    const newest = counts.reduce((a, b) => (endOfPartialDate(b.asOf) > endOfPartialDate(a.asOf) ? b : a));
    const months = monthsBetween(endOfPartialDate(newest.asOf), Date.parse(`${date}T00:00:00Z`));
    if (months < STALE_AFTER_MONTHS) return '';
    const where = pack.countSource ? ` with ${pack.countSource}` : '';
    return `The count of political prisoners in this letter is from ${asOfText(newest.asOf, locale)}, ${months} months before the letter's date, and it changes every month; check the current count${where} before you send it.`;
  });
}

/** A letter's sources as its region shows them, and their lines for the Sources section. */
interface ShownSources {
  sources: readonly CitedSource[];
  lines: string;
}

/** By locale and cited facts: made once per pack (bulk renders thousands of letters). */
const shownSources = memo<Pack, ShownSources>();
function sourcesShown(pack: Pack, cited: readonly string[], locale: string): ShownSources {
  return shownSources(pack, `${locale}\u0000${cited.join('\u0000')}`, () => {
    const sources: CitedSource[] = [];
    const seen = new Set<string>();
    for (const factId of cited) {
      for (const sourceId of (pack.facts.get(factId) as PackFact).sources) {
        if (seen.has(sourceId)) continue;
        seen.add(sourceId);
        const source = pack.sources.get(sourceId) as Source;
        sources.push({ ...source, dateText: source.date ? formatPartialDate(source.date, locale) : undefined });
      }
    }
    return { sources, lines: sourceLines(sources).join('\n') };
  });
}
