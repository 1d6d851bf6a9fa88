/**
 * The wizard's questions, as data: what each asks, when it is skipped (answered on the command
 * line), and how its answer reads in the "change an answer" menu. The loop is in ./wizard.ts.
 */
import type { Recipient, Region } from '../pack/schema.js';
import { factSummary } from '../render/fact-text.js';
import { splitCourtesyTitle } from '../render/names.js';
import { defaultFacts, findRegion, findRecipient, findStance } from '../render/resolve.js';
import { factSourceText, offeredFacts } from './facts.js';
import type { Answers, WizardContext } from './context.js';
import { askOfficialByZip, finderHelp, salutationFor } from './officials.js';
import type { Choice } from './prompts.js';
import { DEFAULT_LANGUAGE } from '../pack/languages.js';
import { countryCode, countryFor } from '../countries.js';
import { choosing, euMemberNote } from '../render/warnings.js';
import { today } from '../io/terminal.js';
import { languageName, languagesFor, regionId, useLanguage } from './language.js';

// The context and answers are their own module, so the questions' helpers (officials.ts) need not import this one.
export type { Answers, ChosenOfficial, WizardContext } from './context.js';

export type QuestionId =
  | 'region'
  | 'language'
  | 'recipient'
  | 'recipientName'
  | 'stance'
  | 'facts'
  | 'name'
  | 'city'
  | 'address'
  | 'postcode'
  | 'state'
  | 'country'
  | 'connection'
  | 'why'
  | 'want';

export interface Question {
  id: QuestionId;
  /** How the question is named in the "change an answer" menu. */
  label: string;
  /** Said before the question when the wizard first reaches it. */
  intro?: string;
  given(ctx: WizardContext): boolean;
  /** Not asked for these answers (a minister is not written to as a constituent). */
  skip?(ctx: WizardContext, answers: Answers): boolean;
  ask(ctx: WizardContext, answers: Answers): Promise<Partial<Answers>>;
  summary(ctx: WizardContext, answers: Answers): string;
}

const has = (v: unknown) => v !== undefined && !(typeof v === 'string' && v.trim() === '');

export function regionOf(ctx: WizardContext, answers: Answers): Region {
  return findRegion(ctx.pack, (ctx.given.region as string | undefined) ?? (answers.region as string));
}

export function recipientOf(ctx: WizardContext, answers: Answers): Recipient {
  return findRecipient(regionOf(ctx, answers), (ctx.given.recipient as string | undefined) ?? (answers.recipient as string));
}

export function stanceOf(ctx: WizardContext, answers: Answers): string {
  return (ctx.given.stance as string | undefined) ?? (answers.stance as string);
}

/** "Ms Jane Smith" -> { title: "Ms", name: "Jane Smith" }; a plain name has no title. */
export const splitTitle = splitCourtesyTitle;

// Examples in the letter's language, so a German writer sees "Frau" is understood.
const NAME_EXAMPLES: Record<string, string> = {
  de: 'Sabine Berger, or Frau Sabine Berger',
  pl: 'Anna Nowak, or Pani Anna Nowak',
};
const nameExample = (language: string | undefined): string => NAME_EXAMPLES[language ?? ''] ?? 'Jane Smith, or Ms Jane Smith';

/** The short codes the post uses, as examples in the question. */
const STATE_EXAMPLES: Record<string, string> = { us: 'OR', ca: 'ON', au: 'VIC' };

const nonEmpty = (what: string) => (value: string) =>
  value.trim() === '' ? `Please type ${what}.` : value.trim().length > 200 ? 'Please keep it under 200 characters.' : true;

const personal = (id: 'connection' | 'why' | 'want', label: string, message: (ctx: WizardContext, a: Answers) => string, example: string): Question => ({
  id,
  label,
  given: (ctx) => has(ctx.given.story),
  async ask(ctx, answers) {
    const value = await ctx.prompts.input({
      id,
      message: `${message(ctx, answers)} (optional, Enter to skip)`,
      default: answers[id],
      editable: true,
      help: `For example: ${example}`,
    });
    return { [id]: value.trim() === '' ? undefined : value.trim() };
  },
  summary: (_ctx, a) => a[id] ?? '(skipped)',
});

export const QUESTIONS: readonly Question[] = [
  {
    id: 'region',
    label: 'Where you live',
    given: (ctx) => has(ctx.given.region),
    async ask(ctx, answers) {
      const wanted = ctx.given.recipient as string | undefined;
      // Every region, whichever language's pack a previous answer chose.
      const all = ctx.languagePacks?.get(DEFAULT_LANGUAGE)?.regions ?? ctx.pack.regions;
      const regions = all.filter((r) => !wanted || r.recipients.some((x) => x.id === wanted));
      const choices: Choice<string>[] = regions.map((r) => ({
        value: r.id,
        name: r.name,
        description: `You can write to: ${r.recipients.map((x) => x.label).join(', ')}`,
      }));
      const remembered = regions.some((r) => r.id === ctx.remembered.region) ? ctx.remembered.region : undefined;
      const region = await ctx.prompts.search({ id: 'region', message: 'Where do you live? (type to filter)', choices, default: answers.region ?? remembered });
      const next = { ...answers, region };
      useLanguage(ctx, next, answers.language);
      return { region, language: next.language };
    },
    summary: (ctx, a) => regionOf(ctx, a).name,
  },
  {
    id: 'language',
    label: "The letter's language",
    given: (ctx) => ctx.languagePacks === undefined,
    skip: (ctx, answers) => languagesFor(ctx.languagePacks ?? new Map(), regionId(ctx, answers)).length < 2,
    async ask(ctx, answers) {
      const languages = languagesFor(ctx.languagePacks ?? new Map(), regionId(ctx, answers));
      const choices: Choice<string>[] = languages.map((code) => ({ value: code, name: languageName(code) }));
      const language = await ctx.prompts.select({
        id: 'language',
        message: 'Which language will the letter be in?',
        choices,
        default: answers.language ?? DEFAULT_LANGUAGE,
      });
      const next = { ...answers };
      useLanguage(ctx, next, language);
      return { language: next.language };
    },
    summary: (_ctx, answers) => languageName(answers.language ?? DEFAULT_LANGUAGE),
  },
  {
    id: 'recipient',
    label: 'Who you write to',
    given: (ctx) => has(ctx.given.recipient),
    async ask(ctx, answers) {
      const region = regionOf(ctx, answers);
      const choices = region.recipients.map((r) => ({
        value: r.id,
        name: r.label,
        description: r.constituent ? 'You write as one of their constituents.' : 'A member of the government: you write as a citizen, not a constituent.',
      }));
      const current = region.recipients.some((r) => r.id === answers.recipient) ? answers.recipient : undefined;
      return { recipient: await ctx.prompts.select({ id: 'recipient', message: 'Who will you write to?', choices, default: current }) };
    },
    summary: (ctx, a) => recipientOf(ctx, a).label,
  },
  {
    id: 'recipientName',
    label: 'Their name',
    given: (ctx) => has(ctx.given.recipientName),
    async ask(ctx, answers) {
      const recipient = recipientOf(ctx, answers);
      const fromData = await askOfficialByZip(ctx, answers, regionOf(ctx, answers), recipient);
      if (fromData && 'official' in fromData && fromData.official) return fromData;
      const givenTitle = ctx.given.recipientTitle as string | undefined;
      const current = answers.recipientName ? [answers.recipientTitle, answers.recipientName].filter(Boolean).join(' ') : undefined;
      const raw = await ctx.prompts.input({
        id: 'recipientName',
        message: 'Their name (optional)',
        default: current,
        editable: true,
        help: `For example: ${nameExample(answers.language)} for a formal greeting. With no name the letter opens "${salutationFor(ctx.pack, recipient)}"${finderHelp(regionOf(ctx, answers).id, recipient.id)}`,
      });
      const { name, title } = splitTitle(raw);
      if (name) ctx.prompts.say(`The letter opens "${salutationFor(ctx.pack, recipient, name, givenTitle ?? title)}"`);
      return { ...fromData, recipientName: name, recipientTitle: givenTitle ? undefined : title, recipientAddress: undefined, official: undefined };
    },
    summary: (ctx, a) =>
      `${a.recipientName ?? 'none'} (the letter opens "${salutationFor(ctx.pack, recipientOf(ctx, a), a.recipientName, (ctx.given.recipientTitle as string | undefined) ?? a.recipientTitle)}")`,
  },
  {
    id: 'stance',
    label: 'What you ask for',
    given: (ctx) => has(ctx.given.stance),
    async ask(ctx, answers) {
      const choices = ctx.pack.stances.map((s) => ({ value: s.id, name: s.label, description: s.description, short: s.label }));
      return {
        stance: await ctx.prompts.select({ id: 'stance', message: 'What will you ask for?', choices, default: answers.stance ?? ctx.pack.stances[0]?.id }),
      };
    },
    summary: (ctx, a) => findStance(ctx.pack, stanceOf(ctx, a)).label,
  },
  {
    id: 'facts',
    label: 'The facts to include',
    given: (ctx) => ctx.given.facts !== undefined,
    async ask(ctx, answers) {
      const stance = stanceOf(ctx, answers);
      const ticked = new Set(answers.facts ?? defaultFacts(ctx.pack, stance));
      const choices = offeredFacts(ctx.pack, regionOf(ctx, answers).id, recipientOf(ctx, answers), stance).map((fact) => ({
        value: fact.id,
        name: factSummary(fact.text, regionOf(ctx, answers).locale),
        description: `Source: ${factSourceText(ctx.pack, fact)}${fact.confidence === 'medium' ? ' (medium confidence: check it before you rely on it)' : ''}`,
        checked: ticked.has(fact.id),
        short: fact.id,
      }));
      const chosen = await ctx.prompts.checkbox({ id: 'facts', message: 'Which facts should the letter cite? (the ticked ones suit your ask)', choices });
      // The ticked ones left as they are: the letter picks a few of them by its seed, as draft
      // does, rather than citing every one (a page of facts, and the same in every letter).
      const untouched = answers.facts === undefined && chosen.length === ticked.size && chosen.every((id) => ticked.has(id));
      return { facts: untouched ? undefined : chosen };
    },
    summary: (_ctx, a) => (a.facts === undefined ? 'a few of the suggested ones, chosen for this letter' : `${a.facts.length} chosen`),
  },
  {
    id: 'name',
    label: 'Your name',
    given: (ctx) => has(ctx.given.name),
    async ask(ctx, answers) {
      return {
        name: (
          await ctx.prompts.input({
            id: 'name',
            message: 'Your name, as you will sign the letter',
            default: answers.name ?? ctx.remembered.name,
            required: true,
            validate: nonEmpty('your name'),
          })
        ).trim(),
      };
    },
    summary: (_ctx, a) => a.name ?? '',
  },
  {
    id: 'city',
    label: 'Your town or city',
    given: (ctx) => has(ctx.given.city),
    async ask(ctx, answers) {
      return {
        city: (
          await ctx.prompts.input({
            id: 'city',
            message: 'Your town or city (shown under your name)',
            default: answers.city ?? ctx.remembered.city,
            required: true,
            validate: nonEmpty('your town or city'),
          })
        ).trim(),
      };
    },
    summary: (_ctx, a) => a.city ?? '',
  },
  {
    id: 'address',
    label: 'Your street address',
    given: (ctx) => has(ctx.given.address) && (ctx.given.address as unknown[]).length > 0,
    skip: (ctx, a) => !recipientOf(ctx, a).constituent,
    async ask(ctx, answers) {
      const value = await ctx.prompts.input({
        id: 'address',
        message: 'Your street address (optional, Enter to skip)',
        default: answers.address,
        help: 'Offices count and answer letters from their own constituents, and check the address to tell who is one. It goes at the top of the letter.',
      });
      return { address: value.trim() === '' ? undefined : value.trim() };
    },
    summary: (_ctx, a) => a.address ?? '(none)',
  },
  {
    id: 'postcode',
    label: 'Your postcode',
    given: (ctx) => has(ctx.given.postcode),
    // A US writer's ZIP, asked to find their officials, is their postcode too: not asked twice.
    skip: (ctx, a) => !recipientOf(ctx, a).constituent || ((ctx.given.region ?? a.region) === 'us' && has(ctx.zip ?? a.zip)),
    async ask(ctx, answers) {
      const zip = regionOf(ctx, answers).locale === 'en-US';
      const value = await ctx.prompts.input({
        id: 'postcode',
        message: `Your ${zip ? 'ZIP code' : 'postcode'} (optional, Enter to skip)`,
        default: answers.postcode,
        help: `Offices match the ${zip ? 'ZIP code' : 'postcode'} to their ${zip ? 'district or state' : 'constituency'}; a letter without one is often set aside.`,
      });
      return { postcode: value.trim() === '' ? undefined : value.trim() };
    },
    summary: (_ctx, a) => a.postcode ?? '(none)',
  },
  {
    id: 'state',
    label: 'Your state or province',
    given: (ctx) => has(ctx.given.state),
    // Only where the post writes one (us, ca, au), and not when a US ZIP already gave it.
    skip: (ctx, a) => !regionOf(ctx, a).state || !recipientOf(ctx, a).constituent || has(a.zipState),
    async ask(ctx, answers) {
      const { label } = regionOf(ctx, answers).state as { label: string };
      const value = await ctx.prompts.input({
        id: 'state',
        message: `Your ${label}, e.g. ${STATE_EXAMPLES[regionOf(ctx, answers).id] ?? 'its short code'} (optional, Enter to skip)`,
        default: answers.state,
        help: `The post and the office read the ${label} with your ${regionOf(ctx, answers).locale === 'en-US' ? 'ZIP code' : 'postcode'}; offices match both to their records.`,
      });
      return { state: value.trim() === '' ? undefined : value.trim() };
    },
    summary: (_ctx, a) => a.state ?? a.zipState ?? '(none)',
  },
  {
    id: 'country',
    label: 'Your country',
    given: (ctx) => has(ctx.given.country),
    // A letter that crosses a border (an MEP in Brussels), and the generic region, whose writers'
    // countries write addresses differently: the country decides where the postcode goes.
    skip: (ctx, a) => !crossesBorder(ctx, a) && regionOf(ctx, a).id !== 'other',
    async ask(ctx, answers) {
      const value = await ctx.prompts.input({
        id: 'country',
        message: 'Your country, by name or two-letter code, e.g. Lithuania or LT (optional, Enter to skip)',
        default: answers.country,
        validate: (v) => v.trim() === '' || countryCodeOf(v) !== undefined || 'Please type a country, by its English name or two-letter code (such as LT).',
        help: crossesBorder(ctx, answers)
          ? 'The letter goes to another country: your country goes under your address, so the post can return it if it is undelivered and the office sees where you live.'
          : "Your address is written as your country's post writes it, with the postcode before or after the town.",
      });
      const country = value.trim() === '' ? undefined : countryCodeOf(value);
      sayEuMember(ctx, answers, country);
      return { country };
    },
    summary: (_ctx, a) => (a.country ? (regionName(a.country) ?? a.country) : '(none)'),
  },
  {
    ...personal(
      'connection',
      'Your connection to Belarus',
      () => 'What is your connection to Belarus, or to people affected?',
      'My aunt in Minsk was jailed in 2021 for joining a protest.',
    ),
    intro:
      'Now the part that makes the letter yours. Officials give far more weight to a few sentences in your own words than to any form letter. Three short questions; answer any or none, as you would say it. Your answers go into the letter as you type them.',
  },
  personal('why', 'Why it matters to you', () => 'Why does this matter to you?', 'I grew up hearing about people who disappeared for speaking out.'),
  personal(
    'want',
    'What you want them to do',
    (ctx, a) => `What do you want your ${recipientOf(ctx, a).label} to do?`,
    'Please speak up for the prisoners who are still inside.',
  ),
];

/**
 * A writer in the generic region who names an EU member state is told, before the letter is made,
 * that the EU region asks about the EU's own sanctions; the region is theirs to change.
 */
function sayEuMember(ctx: WizardContext, answers: Answers, country: string | undefined): void {
  const eu = ctx.pack.regions.find((r) => r.id === 'eu');
  if (!eu || regionOf(ctx, answers).id !== 'other') return;
  const question = questionById('region');
  const field = has(ctx.given.region) ? '--region' : `"${question.label}"`;
  const note = euMemberNote(country, (ctx.given.date as string | undefined) ?? today(), choosing(field, eu));
  if (note) ctx.prompts.say(`Note: ${note}`);
}

/** Whether the official is in another country than the writer's region (an MEP in Brussels). */
const crossesBorder = (ctx: WizardContext, a: Answers) => recipientOf(ctx, a).country !== undefined;

/** "Lithuania", "Lietuva", "LT" -> "LT"; "UK" -> "GB". */
const countryCodeOf = (value: string) => {
  const known = countryFor(value);
  return known?.code ?? countryCode(known?.name ?? value);
};

const regionName = (code: string) => new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' }).of(code);

export function questionById(id: QuestionId): Question {
  return QUESTIONS.find((q) => q.id === id) as Question;
}

/** Used to keep the writer's choice of facts in step when they change stance. */
export function sameFacts(a: readonly string[] | undefined, b: readonly string[]): boolean {
  return a !== undefined && a.length === b.length && a.every((x, i) => x === b[i]);
}
