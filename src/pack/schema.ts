/**
 * The template pack's file formats, as zod schemas. Types come from these with z.infer, so the
 * shape of a pack is written once. Objects are strict: a misspelt key in a manifest is an error
 * that names it, not a setting silently ignored.
 */
import * as z from 'zod';

export const idSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes, like "foreign-minister"');

/** A date as precise as the source gives it: a year, a month or a day. */
export const partialDateSchema = z.union([
  z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD'),
  // YAML reads an unquoted 2025-12-15 as a Date: accept it and keep the day.
  z.date().transform((d) => d.toISOString().slice(0, 10)),
  // ...and an unquoted 2025 as a number.
  z.number().int().min(1000).max(9999).transform(String),
]);

export const dayDateSchema = z.union([
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD'),
  z.date().transform((d) => d.toISOString().slice(0, 10)),
]);

export const recipientSchema = z.strictObject({
  id: idSchema,
  label: z.string().min(1),
  /** Whether the writer addresses this official as one of their constituents. */
  constituent: z.boolean().default(false),
  /** Handlebars over { name, surname, title }. */
  salutation: z.string().min(1),
  /** Address lines, each Handlebars over { name, surname, title }; empty lines are dropped. */
  address: z.array(z.string()).default([]),
  /** A fact that says what power this official has over sanctions, cited in the ask. */
  basis: idSchema.optional(),
  /** What the letter asks this official to do, as a clause after "I ask you to". */
  action: z.string().min(1),
});

export const regionSchema = z.strictObject({
  id: idSchema,
  name: z.string().min(1),
  /** BCP 47 locale for dates, e.g. en-GB. */
  locale: z.string().min(2),
  /** Which spelling table applies to the pack's own text; "gb" means as written. */
  spelling: z.string().min(1).default('gb'),
  paper: z.enum(['a4', 'letter']).default('a4'),
  recipients: z.array(recipientSchema).min(1),
});

export const stanceSchema = z.strictObject({
  id: idSchema,
  label: z.string().min(1),
  description: z.string().min(1),
  /** The specific ask, as a clause after "I ask you to". */
  ask: z.string().min(1),
  /** Facts a letter with this stance cites by default. */
  facts: z.array(idSchema).default([]),
});

export const manifestSchema = z.strictObject({
  name: z.string().min(1),
  language: z.string().min(2).default('en'),
  countSource: z.string().min(1).optional(),
  spellings: z.record(z.string(), z.record(z.string(), z.string())).default({}),
  regions: z.array(regionSchema).default([]),
  stances: z.array(stanceSchema).default([]),
});

export const sourceSchema = z.strictObject({
  id: idSchema,
  title: z.string().min(1),
  publisher: z.string().min(1),
  date: partialDateSchema.optional(),
  url: z.url().optional(),
});

export const factSchema = z.strictObject({
  id: idSchema,
  text: z.string().min(1),
  sources: z
    .array(idSchema, { error: 'every fact needs a source: add sources: [id], naming an entry of the sources list' })
    .min(1, 'every fact needs at least one source'),
  asOf: partialDateSchema,
  confidence: z.enum(['high', 'medium']),
  tags: z.array(z.coerce.string()).default([]),
});

export const factsFileSchema = z.strictObject({
  facts: z.array(factSchema).default([]),
  sources: z.array(sourceSchema).default([]),
});

export const frontMatterSchema = z.strictObject({
  id: idSchema,
  description: z.string().min(1),
  regions: z.array(z.string()).default(['*']),
  recipients: z.array(z.string()).default(['*']),
  stances: z.array(z.string()).default(['*']),
  formats: z.array(z.enum(['text', 'markdown', 'html'])).default(['text', 'markdown', 'html']),
  language: z.string().min(2).default('en'),
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

export function zodProblems(file: string, error: z.ZodError): string[] {
  return error.issues.map((issue) => `${file}: ${formatPath(issue.path)}: ${issue.message}`);
}
