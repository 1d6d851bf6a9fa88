/**
 * Building the view a letter's template sees (view.ts) from a request whose ids resolve.
 * What depends only on the pack and the ids (a "setting") is worked out once per combination,
 * since a bulk batch writes to the same few officials again and again.
 */
import { AppError } from '../errors.js';
import type { LetterTemplate, Pack, PackFact } from '../pack/types.js';
import type { Region, Recipient, Stance } from '../pack/schema.js';
import type { BodyFormat, LetterRequest } from '../request.js';
import { compileSmall } from './compile.js';
import { dateLocale, formatPartialDate } from './dates.js';
import { chooseFacts, dropLightest } from './fact-choice.js';
import { allWordings, withDates, wordingIndex, wordingsGiven } from './fact-text.js';
import type { Trim } from './fit.js';
import { markdownEscape } from './format.js';
import { officialName } from './names.js';
import { postalLines, townForProse } from './postal.js';
import { postcodePlaceFor } from './postcode-order.js';
import { resolveIds, type Resolved } from './resolve.js';
import { memo } from './memo.js';
import { respell, respellPackText } from './spelling.js';
import { storyAsks } from './story-asks.js';
import { defaultSeed } from './variation.js';
import type { LetterView, NameView } from '../pack/view.js';

/**
 * A fact's wordings as letters in one spelling and locale state them: spaces tidied, the
 * spelling applied, marked dates written out. Made once per pack, spelling and locale: every
 * letter needs all wordings of each fact it cites (to pick one, and to find which it states).
 */
const factTexts = memo<Pack, Map<string, ProcessedFact>>();
interface ProcessedFact {
  text: string[];
  textWith: Record<string, string[]>;
}
function factWordingsFor(pack: Pack, fact: PackFact, region: Region, spelling: Record<string, string> | undefined): ProcessedFact {
  const locale = dateLocale(pack.language, region.locale);
  const texts = factTexts(pack, `${region.spelling}\u0000${locale}`, () => new Map());
  let wordings = texts.get(fact.id);
  if (wordings === undefined) {
    const tidy = (list: readonly string[]) => list.map((t) => withDates(respell(t.replace(/\s+/g, ' ').trim(), spelling), locale));
    wordings = { text: tidy(fact.text), textWith: Object.fromEntries(Object.entries(fact.textWith).map(([id, list]) => [id, tidy(list)])) };
    texts.set(fact.id, wordings);
  }
  return wordings;
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

/** What a letter takes from the pack for one region, official, stance, template, format, date and set of facts. */
interface LetterSetting extends Resolved {
  packText: (s: string) => string;
  factWordings: (fact: PackFact) => ProcessedFact;
  date: string;
  recipientView: Pick<LetterView['recipient'], 'id' | 'label' | 'constituent' | 'action' | 'basis'>;
  regionView: LetterView['region'];
  stanceView: LetterView['stance'];
}

/** Resolves the request's ids (throwing UnknownIdError) and works out the setting. */
function settingOf(pack: Pack, request: LetterRequest): LetterSetting {
  const resolved = resolveIds(pack, request);
  const { region, recipient, stance } = resolved;
  const spellingTable = region.spelling === 'gb' ? undefined : pack.spellings[region.spelling];
  const packText = (s: string) => respellPackText(s, spellingTable);
  return {
    ...resolved,
    packText,
    factWordings: (fact) => factWordingsFor(pack, fact, region, spellingTable),
    date: formatPartialDate(request.date, dateLocale(pack.language, region.locale)),
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
 * Resolves the request's ids against the pack and builds the template's view.
 */
export function prepareLetter(pack: Pack, request: LetterRequest, trim: Trim): PreparedLetter {
  const setting = settingOf(pack, request);
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
  const salutation = small(recipient.salutation, 'salutation');
  // A writer in the official's own country posts the letter at home: the pack's destination line
  // ("ÖSTERREICH" under a Vienna ministry) is for writers abroad.
  const home = request.country !== undefined && request.country === recipient.country;
  const packLines = () =>
    recipient.address
      .map((line) => small(line, 'address'))
      .filter(Boolean)
      .filter((line, i, all) => !(home && i === all.length - 1 && namesCountry(line, recipient.country as string, pack.language)));
  let address: string[];
  if (!recipient.postal) {
    // The pack's lines are only the name and office ("Minister of Foreign Affairs"): the writer's
    // address follows them, and until there is one the block says so where the writer will see it.
    const own = packLines();
    const added = request.recipientAddress.filter((line) => !own.some((l) => l.toLowerCase() === line.toLowerCase()));
    address = [...own, ...(request.recipientAddress.length > 0 ? added : [pack.words.addressMissing])];
  } else {
    address = request.recipientAddress.length > 0 ? [...(request.recipientName ? [nameLine()] : []), ...request.recipientAddress] : packLines();
  }

  const view: LetterView = {
    sender: {
      name: userText(request.name),
      city: userText(region.state ? townForProse(request.city) : request.city),
      address: request.address.map(userText),
      postcode: request.postcode ? userText(request.postcode) : '',
      lines: postalLines(request.address, request.city, request.postcode, postcodePlaceFor(request.country, region.postcode), {
        state: request.state,
        townLine: region.state?.line,
        country: senderCountry(pack, request, recipient),
      }).map(userText),
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
      // Which wordings fit depends on the other facts this letter states (see wordingsGiven).
      const wordings = wordingsGiven(factWordings(fact), view.facts);
      return wordings[wordingIndex(seed, fact.id, wordings.length)] as string;
    },
    factWordings: (fact) => allWordings(factWordings(fact)),
  };
}

/**
 * The writer's country in the pack's language, for a letter that crosses a border (a writer in
 * Lithuania to the European Parliament in Brussels); '' when either country is unknown.
 */
/** Whether `line` is the name of the country `code`, in the pack's language or in English, in any case. */
function namesCountry(line: string, code: string, language: string): boolean {
  const said = line.trim().toLocaleLowerCase(language);
  return [language, 'en'].some((lang) => {
    try {
      return new Intl.DisplayNames([lang], { type: 'region' }).of(code)?.toLocaleLowerCase(language) === said;
    } catch {
      return false;
    }
  });
}

function senderCountry(pack: Pack, request: LetterRequest, recipient: Recipient): string {
  if (!request.country || !recipient.country || request.country === recipient.country) return '';
  try {
    const name = new Intl.DisplayNames([pack.language], { type: 'region' }).of(request.country);
    return name && name !== request.country ? name : '';
  } catch {
    return '';
  }
}

const tagsOf = (pack: Pack) => (id: string) => pack.facts.get(id)?.tags ?? [];

/** The facts of this letter's facts paragraph: its own selection (see fact-choice.ts), less any dropped to fit. */
function lettersFacts(pack: Pack, setting: LetterSetting, request: LetterRequest, seed: string, trim: Trim): string[] {
  const chosen = chooseFacts({
    pool: setting.facts,
    lead: setting.region.facts,
    seed,
    chosenByWriter: request.facts !== undefined,
    tagsOf: tagsOf(pack),
    dateOf: (id) => pack.facts.get(id)?.asOf ?? '',
  });
  return dropLightest(chosen, trim.dropFacts ?? 0, tagsOf(pack));
}
