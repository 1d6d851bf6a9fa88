/**
 * The template pack's file formats, as zod schemas. Types come from these with z.infer, so the
 * shape of a pack is written once. Objects are strict: a misspelt key in a manifest is an error
 * that names it, not a setting silently ignored.
 */
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { dateMarkProblem } from './date-marks.js';
import { TOWN_LINE } from './town-line.js';
import { wordsSchema } from './words.js';

// zod/mini ships no messages of its own; English ones name what was expected.
z.config(en());

export const idSchema = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes, like "foreign-minister"'));

const nonEmpty = () => z.string().check(z.minLength(1));
const optionalDefault = <T extends z.ZodMiniType>(schema: T, value: z.output<T>) => z._default(schema, value as never);

/** A date as precise as the source gives it: a year, a month or a day. */
export const partialDateSchema = z.union([
  z.string().check(z.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD')),
  // YAML 1.1 readers turn an unquoted 2025-12-15 into a Date: accept it and keep the day.
  z.pipe(
    z.date(),
    z.transform((d) => d.toISOString().slice(0, 10)),
  ),
  // ...and an unquoted 2025 into a number.
  z.pipe(
    z.number().check(z.gte(1000), z.lte(9999), z.multipleOf(1)),
    z.transform((n) => String(n)),
  ),
]);

export const recipientSchema = z.strictObject({
  id: idSchema,
  label: nonEmpty(),
  /** Whether the writer addresses this official as one of their constituents. */
  constituent: optionalDefault(z.boolean(), false),
  /** Handlebars over { name, surname, title }. */
  salutation: nonEmpty(),
  /** Address lines, each Handlebars over { name, surname, title }; empty lines are dropped. */
  address: optionalDefault(z.array(z.string()), []),
  /**
   * false when the address lines hold no postal address (a member state's ministry, which the
   * pack cannot know): until the writer gives one, the letter shows words.addressMissing there
   * and the writer is told to add it.
   */
  postal: optionalDefault(z.boolean(), true),
  /** The country the official's address is in (ISO 3166-1 alpha-2): a writer elsewhere gets their own country on the sender block. */
  country: z.optional(z.string().check(z.regex(/^[A-Z]{2}$/, 'must be a two-letter country code such as BE'))),
  /** A fact that says what power this official has over sanctions, cited in the ask. */
  basis: z.optional(idSchema),
  /** What the letter asks this official to do, as a clause after "I ask you to". */
  action: nonEmpty(),
});

export const regionSchema = z.strictObject({
  id: idSchema,
  name: nonEmpty(),
  /** BCP 47 locale for dates, e.g. en-GB. */
  locale: z.string().check(z.minLength(2)),
  /** Which spelling table applies to the pack's own text; "gb" means as written. */
  spelling: optionalDefault(nonEmpty(), 'gb'),
  paper: optionalDefault(z.enum(['a4', 'letter']), 'a4'),
  /** Where the postcode goes in the writer's address: after the town (Leeds LS1 4AB), before it (1000 Ljubljana), or on a line of its own. */
  postcode: optionalDefault(z.enum(['after-city', 'before-city', 'own-line']), 'after-city'),
  /**
   * The writer's state or province, where this region's offices and post expect it: what the
   * region calls it (state, province, state or territory), and the town line with {city},
   * {state} and {postcode} in that order ("{city}, {state} {postcode}": Portland, OR 97201).
   */
  state: z.optional(
    z.strictObject({
      label: nonEmpty(),
      line: z
        .string()
        .check(z.regex(TOWN_LINE, 'must be {city}, {state} and {postcode} in that order with what goes between them, like "{city}, {state} {postcode}"')),
    }),
  ),
  /** Facts every letter to this region starts its facts paragraph with (the relief a government has already given). */
  facts: optionalDefault(z.array(idSchema), []),
  recipients: z.array(recipientSchema).check(z.minLength(1)),
});

export const stanceSchema = z.strictObject({
  id: idSchema,
  label: nonEmpty(),
  description: nonEmpty(),
  /** The specific ask, as a clause after "I ask you to". */
  ask: nonEmpty(),
  /** The email subject for a letter with this stance (--format eml, mail links). */
  subject: z.optional(nonEmpty()),
  /** Facts a letter with this stance cites by default. */
  facts: optionalDefault(z.array(idSchema), []),
});

export const manifestSchema = z.strictObject({
  name: nonEmpty(),
  language: optionalDefault(z.string().check(z.minLength(2)), 'en'),
  countSource: z.optional(nonEmpty()),
  /** The words the engine adds around the templates' text (see words.ts); required unless the language is English. */
  words: z.optional(wordsSchema),
  spellings: optionalDefault(z.record(z.string(), z.record(z.string(), z.string())), {}),
  regions: optionalDefault(z.array(regionSchema), []),
  stances: optionalDefault(z.array(stanceSchema), []),
});

/**
 * Titles that are our own descriptions of a source rather than its published title: a reader
 * who searches for them finds nothing, and a letter that cites one reads as invented.
 */
const DESCRIBED_TITLE = /^\(.*\)$|^(reporting|reports?|coverage|secondary reports?|various|trade press|news reports?)\b/i;
const DESCRIBED_PUBLISHER = /^(various( news outlets| outlets| sources)?|trade press|news (reports|outlets)|press reports)$/i;

/** A web address a reader can open: http(s) only, so a letter never links anything else. */
const webAddress = z.string().check(z.regex(/^https?:\/\/[^\s/$.?#][^\s]*$/i, 'must be a web address starting https://, or none (with a reason)'));

export const sourceSchema = z
  .strictObject({
    id: idSchema,
    /** The document's own published title; left out when it has none (a post, an interview). */
    title: z.optional(
      nonEmpty().check(
        z.refine(
          (t) => !DESCRIBED_TITLE.test(t.trim()),
          "reads as our own description, not the document's published title: give its exact title, or leave title out and cite it by publisher, date and url",
        ),
      ),
    ),
    publisher: nonEmpty().check(z.refine((p) => !DESCRIBED_PUBLISHER.test(p.trim()), 'must name the publisher, not a kind of outlet')),
    date: z.optional(partialDateSchema),
    /**
     * A few words printed in brackets after the date, where the date alone would mislead: when a
     * report was presented, or which figures a summary carries. Days are written [[YYYY-MM-DD]].
     */
    note: z.optional(nonEmpty()),
    /** Where a reader opens it; `none` only with a reason saying why no address is given. */
    url: z.union([webAddress, z.literal('none')], {
      error: 'every source needs a url: its web address (https://...), or url: none with a reason',
    }),
    reason: z.optional(nonEmpty()),
  })
  .check(
    z.refine((s) => s.url !== 'none' || s.reason !== undefined, { message: 'url: none needs a reason: say why no address is given', path: ['reason'] }),
    z.refine((s) => s.url === 'none' || s.reason === undefined, { message: 'a reason is only for url: none; this source has an address', path: ['reason'] }),
  );

const wording = nonEmpty().check(
  z.superRefine((text, ctx) => {
    const problem = dateMarkProblem(text);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, input: text });
  }),
);

export const factSchema = z.strictObject({
  id: idSchema,
  /**
   * The fact in our own words: one wording, or a list of wordings of the same claim, each true
   * under every source. A letter states the one its seed picks. Always a list once loaded.
   */
  text: z.pipe(
    z.union([wording, z.array(wording).check(z.minLength(1, 'give at least one wording'))], {
      error: 'text is the fact in your own words: a string, or a list of wordings of the same claim',
    }),
    z.transform((t) => (Array.isArray(t) ? t : [t])),
  ),
  /**
   * Wordings to use instead of `text` when the letter also states another fact, keyed by that
   * fact's id: a count that would repeat the figure of a release stated just before it says
   * "after that release" instead. The first key (in file order) that the letter states wins.
   */
  textWith: optionalDefault(
    z.record(
      idSchema,
      z.array(wording, { error: 'each textWith entry is a list of wordings of the same claim' }).check(z.minLength(1, 'give at least one wording')),
    ),
    {},
  ),
  sources: z
    .array(idSchema, { error: 'every fact needs a source: add sources: [id], naming an entry of the sources list' })
    .check(z.minLength(1, 'every fact needs at least one source')),
  asOf: partialDateSchema,
  confidence: z.enum(['high', 'medium']),
  tags: optionalDefault(z.array(z.pipe(z.union([z.string(), z.number()]), z.transform(String))), []),
});

export const factsFileSchema = z.strictObject({
  facts: optionalDefault(z.array(factSchema), []),
  sources: optionalDefault(z.array(sourceSchema), []),
});

export const frontMatterSchema = z.strictObject({
  id: idSchema,
  description: nonEmpty(),
  regions: optionalDefault(z.array(z.string()), ['*']),
  recipients: optionalDefault(z.array(z.string()), ['*']),
  stances: optionalDefault(z.array(z.string()), ['*']),
  formats: optionalDefault(z.array(z.enum(['text', 'markdown', 'html'])), ['text', 'markdown', 'html']),
  language: optionalDefault(z.string().check(z.minLength(2)), 'en'),
});

export type Recipient = z.infer<typeof recipientSchema>;
export type Region = z.infer<typeof regionSchema>;
export type Stance = z.infer<typeof stanceSchema>;
export type Manifest = z.infer<typeof manifestSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type Fact = z.infer<typeof factSchema>;
export type FactsFile = z.infer<typeof factsFileSchema>;
export type FrontMatter = z.infer<typeof frontMatterSchema>;
export type Format = FrontMatter['formats'][number];

/** "regions[0].recipients[1].salutation" from a zod issue path. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(top level)';
}

export function zodProblems(file: string, error: z.core.$ZodError): string[] {
  return error.issues.map((issue) => `${file}: ${formatPath(issue.path)}: ${issue.message}`);
}
