/**
 * LetterRequest: the one shape every way in (flags, wizard, a bulk row, a library call) builds,
 * validated by one zod schema before anything renders.
 *
 * Written with zod/mini: the same checks as classic zod, at a sixth of its load time, which
 * every run of `draft` pays.
 */
import * as z from 'zod/mini';

export const FORMATS = ['text', 'markdown', 'html', 'eml', 'pdf'] as const;
export const formatSchema = z.enum(FORMATS);
export type LetterFormat = z.infer<typeof formatSchema>;
/** What a template renders for each output format: eml and pdf are laid out from plain text. */
export const BODY_FORMATS = ['text', 'markdown', 'html'] as const;
export type BodyFormat = (typeof BODY_FORMATS)[number];
export const bodyFormatOf = (format: LetterFormat): BodyFormat => (format === 'eml' || format === 'pdf' ? 'text' : format);
/** The file extension of a letter in each body format. */
export const BODY_EXTENSIONS: Record<BodyFormat, string> = { text: 'txt', markdown: 'md', html: 'html' };

// Control characters other than tab and newline have no place in a letter, and in an email
// header a newline could inject another header.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029]/;
const noControl = (s: string) => !CONTROL.test(s);

/** Blank cells and empty flags mean "not given". */
const blankToUndefined = <T>(v: T): T | undefined => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** Whitespace that collapse would change: anything but single spaces between words. */
const MESSY_SPACE = /[^\S ]| {2}|^ | $/;
/** Runs of whitespace (line breaks, tabs) as one space, none at the ends. */
const collapse = (s: string) => (MESSY_SPACE.test(s) ? s.replace(/\s+/g, ' ').trim() : s);

/**
 * A field that may be left out: absent or undefined is settled at once, before any check runs
 * (bulk passes every field of every row, most of them undefined); blank means "not given" too.
 */
const optionalValue = <T extends z.ZodMiniType<unknown, string>>(schema: T) =>
  z.optional(
    z.pipe(
      z.transform((v: string | undefined) => blankToUndefined(v)),
      z.optional(schema),
    ),
  );

// Checks that rewrite the value (overwrite, trim) cost less than transforms in pipes: bulk
// validates every row of a sheet with this schema. The plain z.string() first stops a value of
// another type before the length checks, which would otherwise look at an array's length.
const singleLine = (max: number) =>
  z.pipe(
    z.string(),
    z
      .string()
      .check(
        z.overwrite(collapse),
        z.minLength(1, 'must not be empty'),
        z.maxLength(max, `must be at most ${max} characters`),
        z.refine(noControl, 'must not contain control characters'),
      ),
  );

const optionalLine = (max: number) => optionalValue(singleLine(max));

/** Lines given as a list, or as one string with line breaks or " | " between lines. */
const lines = (max: number) =>
  z._default(
    z.pipe(
      z.transform((v: string | string[] | undefined) => {
        if (v === undefined || v === null) return [];
        const list = Array.isArray(v) ? v : String(v).split(/\r?\n|\s\|\s/);
        return list.map((x) => (typeof x === 'string' ? x : String(x))).filter((x) => x.trim() !== '');
      }),
      z.array(singleLine(200)).check(z.maxLength(max, `must have at most ${max} lines`)),
    ),
    [],
  );

/** The writer's own words: paragraphs kept, stray whitespace tidied, nothing else changed. */
const storySchema = z.optional(
  z.pipe(
    z.transform((v: string | undefined) => {
      const s = blankToUndefined(v);
      if (typeof s !== 'string') return s;
      // One paragraph (the usual case) is only tidied; the split below would give the same.
      if (!/[\r\n]/.test(s)) return collapse(s);
      return s
        .replace(/\r\n?/g, '\n')
        .split(/\n\s*\n/)
        .map(collapse)
        .filter(Boolean)
        .join('\n\n');
    }),
    z.optional(
      z
        .string()
        .check(z.maxLength(4000, 'must be at most 4,000 characters (a letter is one page)'), z.refine(noControl, 'must not contain control characters')),
    ),
  ),
);

const idRef = z.pipe(
  z.transform((v: string | undefined) => blankToUndefined(v)),
  z.pipe(z.string(), z.string().check(z.trim(), z.toLowerCase(), z.minLength(1))),
);

const isRealDate = (s: string) => {
  const t = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().startsWith(s);
};
// Every row of a bulk sheet usually has the same date: the answer for the last one is kept.
let lastDate = '';
let lastReal = false;
const realDate = (s: string) => {
  if (s !== lastDate) {
    lastReal = isRealDate(s);
    lastDate = s;
  }
  return lastReal;
};

/** A letter is dated in a year people write letters in: a slip such as 0206 or 2206 is caught. */
const plausibleYear = (s: string) => {
  const year = Number(s.slice(0, 4));
  return year >= 1900 && year <= 2999;
};

/** The date of a letter: a real day of a year from 1900 to 2999, as YYYY-MM-DD. */
export const dateSchema = z
  .string()
  .check(
    z.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD'),
    z.refine(realDate, 'is not a real date'),
    z.refine(plausibleYear, 'must be in a year from 1900 to 2999'),
  );

export const letterRequestSchema = z.object({
  region: idRef,
  /** In region eu, the member state (ISO 3166-1 alpha-2, e.g. DE): whose minister, where known. */
  country: optionalValue(
    z.pipe(z.string(), z.string().check(z.trim(), z.toUpperCase(), z.regex(/^[A-Z]{2}$/, 'must be a two-letter country code such as DE'))),
  ),
  recipient: idRef,
  stance: idRef,
  name: singleLine(200),
  city: singleLine(200),
  address: lines(6),
  /** Postcode or ZIP code: how an office matches a letter to its constituents. */
  postcode: optionalLine(20),
  /** State, province or territory (us, ca, au): offices and the post read it with the postcode, as in "Portland, OR 97201". */
  state: optionalLine(40),
  email: optionalValue(z.email('must be an email address like name@example.org')),
  /** The official's email address: the To of --format eml and of mail links. */
  recipientEmail: optionalValue(z.email('must be an email address like office@example.org')),
  recipientName: optionalLine(200),
  recipientTitle: optionalLine(40),
  recipientAddress: lines(8),
  story: storySchema,
  /** Fact ids for the facts paragraph; when absent, the stance's defaults. */
  facts: z.optional(
    z.pipe(
      z.transform((v: string | string[]) => (typeof v === 'string' ? v.split(/[,\s]+/).filter(Boolean) : v)),
      z.array(z.string().check(z.trim(), z.minLength(1))),
    ),
  ),
  date: dateSchema,
  seed: optionalLine(200),
  format: z._default(formatSchema, 'text'),
  sources: z._default(z.boolean(), true),
  template: optionalValue(z.pipe(z.string(), z.string().check(z.trim()))),
  /** Fit a web form: drop optional sections until the text letter has at most this many characters. */
  maxChars: z.optional(
    z.pipe(
      z.transform((v: string | number | undefined) => (typeof v === 'string' ? (v.trim() === '' ? undefined : Number(v.trim())) : v)),
      z.optional(z.int('must be a whole number of characters').check(z.gte(1, 'must be at least 1'))),
    ),
  ),
});

export type LetterRequest = z.infer<typeof letterRequestSchema>;
/** Keys whose value may be undefined become optional keys, as callers write them. */
type UndefinedOptional<T> = {
  [K in keyof T as undefined extends T[K] ? never : K]: T[K];
} & {
  [K in keyof T as undefined extends T[K] ? K : never]?: T[K];
};
// zod/mini's pipes type an absent field as `T | undefined` but still required; library callers
// (and the published types) should be able to leave optional fields out.
export type LetterRequestInput = UndefinedOptional<z.input<typeof letterRequestSchema>>;

export const REQUIRED_FIELDS = ['region', 'recipient', 'stance', 'name', 'city'] as const;

/**
 * How a front end names a request field when the core's messages point at it: `draft` by its
 * option (`--postcode`), bulk by its column, the wizard by its question. The core words the
 * message and leaves the field's name to the caller; a library call gets the field's own name.
 */
export type FieldNamer = (field: keyof LetterRequest) => string;
export const fieldAsNamed: FieldNamer = (field) => field;
