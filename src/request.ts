/**
 * LetterRequest: the one shape every way in (flags, wizard, a bulk row, a library call) builds,
 * validated by one zod schema before anything renders.
 */
import * as z from 'zod';

export const FORMATS = ['text', 'markdown', 'html'] as const;
export const formatSchema = z.enum(FORMATS);
export type LetterFormat = z.infer<typeof formatSchema>;

// Control characters other than tab and newline have no place in a letter, and in an email
// header a newline could inject another header.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029]/;

/** Blank cells and empty flags mean "not given". */
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const singleLine = (max: number) =>
  z
    .string()
    .transform((s) => s.replace(/\s+/g, ' ').trim())
    .pipe(
      z
        .string()
        .min(1, 'must not be empty')
        .max(max, `must be at most ${max} characters`)
        .refine((s) => !CONTROL.test(s), 'must not contain control characters'),
    );

const optionalLine = (max: number) => z.preprocess(blankToUndefined, singleLine(max).optional());

/** Lines given as a list, or as one string with line breaks or " | " between lines. */
const lines = (max: number) =>
  z.preprocess((v) => {
    if (v === undefined || v === null) return [];
    const list = Array.isArray(v) ? v : String(v).split(/\r?\n|\s\|\s/);
    return list.map((x) => (typeof x === 'string' ? x : String(x))).filter((x) => x.trim() !== '');
  }, z.array(singleLine(200)).max(max, `must have at most ${max} lines`));

/** The writer's own words: paragraphs kept, stray whitespace tidied, nothing else changed. */
const storySchema = z.preprocess(
  blankToUndefined,
  z
    .string()
    .transform((s) =>
      s
        .replace(/\r\n?/g, '\n')
        .split(/\n\s*\n/)
        .map((p) => p.replace(/\s+/g, ' ').trim())
        .filter(Boolean)
        .join('\n\n'),
    )
    .pipe(
      z
        .string()
        .max(4000, 'must be at most 4,000 characters (a letter is one page)')
        .refine((s) => !CONTROL.test(s), 'must not contain control characters'),
    )
    .optional(),
);

const idRef = z.preprocess(blankToUndefined, z.string().trim().toLowerCase().pipe(z.string().min(1)));

export const letterRequestSchema = z.object({
  region: idRef,
  recipient: idRef,
  stance: idRef,
  name: singleLine(200),
  city: singleLine(200),
  address: lines(6).default([]),
  email: z.preprocess(blankToUndefined, z.email('must be an email address like name@example.org').optional()),
  recipientName: optionalLine(200),
  recipientTitle: optionalLine(40),
  recipientAddress: lines(8).default([]),
  story: storySchema,
  /** Fact ids for the facts paragraph; when absent, the stance's defaults. */
  facts: z
    .preprocess(
      (v) => (typeof v === 'string' ? v.split(/[,\s]+/).filter(Boolean) : v),
      z.array(z.string().trim().min(1)),
    )
    .optional(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD').refine(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'is not a real date',
  ),
  seed: optionalLine(200),
  format: formatSchema.default('text'),
  sources: z.boolean().default(true),
  template: z.preprocess(blankToUndefined, z.string().trim().optional()),
});

export type LetterRequest = z.infer<typeof letterRequestSchema>;
export type LetterRequestInput = z.input<typeof letterRequestSchema>;

/** Names of the request's fields as the CLI spells them, for error messages. */
export const OPTION_NAMES: Record<string, string> = {
  region: '--region',
  recipient: '--recipient',
  stance: '--stance',
  name: '--name',
  city: '--city',
  address: '--address',
  email: '--email',
  recipientName: '--recipient-name',
  recipientTitle: '--recipient-title',
  recipientAddress: '--recipient-address',
  story: '--story',
  facts: '--facts',
  date: '--date',
  seed: '--seed',
  format: '--format',
  sources: '--no-sources',
  template: '--template',
};

export const REQUIRED_FIELDS = ['region', 'recipient', 'stance', 'name', 'city'] as const;
