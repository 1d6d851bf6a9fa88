/**
 * What a letter template can print: the view model, written once. The renderer builds a value of
 * this type, template validation walks this schema to catch a misspelt {{recipent.name}} before
 * anything renders, and a test holds the README to the same list, so the three cannot drift.
 */
import * as z from 'zod/mini';
import { BODY_FORMATS } from '../request.js';

/** What each variable holds, for docs: zod/mini schemas carry no descriptions of their own. */
const DOCS = new WeakMap<object, string>();
const describe = <T extends z.ZodMiniType>(schema: T, doc: string): T => {
  DOCS.set(schema, doc);
  return schema;
};
const text = (doc: string) => describe(z.string(), doc);
const lines = (doc: string) => describe(z.array(z.string()), doc);

export const letterViewSchema = z.strictObject({
  sender: describe(
    z.strictObject({
      name: text('your name, as you sign'),
      city: text('your town or city'),
      address: lines('your street address lines as you typed them (may be empty)'),
      postcode: text('your postcode or ZIP code, or empty'),
      lines: lines(
        'your postal lines under your name: street lines, then town, state and postcode as the region writes them (nothing repeated), then your country when the letter goes abroad',
      ),
      email: text('your email address, or empty'),
    }),
    'the writer',
  ),
  recipient: describe(
    z.strictObject({
      id: text('recipient id, e.g. mp'),
      label: text('the role, e.g. Member of Parliament'),
      name: text("the official's name, or empty"),
      surname: text('the last word of their name, or empty'),
      title: text('their courtesy title (Ms, Dr), or empty'),
      salutation: text('"Dear ..." from the manifest\'s salutation'),
      address: lines("the official's address lines"),
      constituent: describe(z.boolean(), 'true when the writer is their constituent'),
      action: text('what this official can do, as a clause after "I ask you to"'),
      basis: text('id of the fact on their power over sanctions, or empty'),
    }),
    'the official written to',
  ),
  region: describe(
    z.strictObject({
      id: text('region id, e.g. uk'),
      name: text('e.g. United Kingdom'),
      locale: text('date locale, e.g. en-GB'),
      paper: describe(z.enum(['a4', 'letter']), 'a4 or letter'),
    }),
    'where the writer lives',
  ),
  stance: describe(
    z.strictObject({
      id: text('stance id, e.g. maintain'),
      label: text('e.g. Keep the sanctions'),
      description: text('one sentence'),
      ask: text('the ask, as a clause after "I ask you to"'),
    }),
    'what the letter asks',
  ),
  story: text("the writer's own words, or empty"),
  storyAsks: describe(z.boolean(), 'true when the story already asks the official for something ("please", "I ask you")'),
  facts: lines('ids of the facts chosen for the facts paragraph; print each with {{fact this}}'),
  date: text('the letter date, written for the region, e.g. 25 November 2026'),
  format: describe(z.enum(BODY_FORMATS), 'text, markdown or html (also for eml and pdf, which are laid out from text)'),
});

export type LetterView = z.infer<typeof letterViewSchema>;

/** The manifest's salutation and address lines are small templates over the official's name. */
export const nameViewSchema = z.strictObject({
  name: text("the official's name, or empty"),
  surname: text('the last word of their name, or empty'),
  title: text('their courtesy title, or empty'),
  honorific: text('"The Rt Hon" or "The Hon" when the writer gave one, for the address block only; or empty'),
  titleWithPoint: text('the courtesy title as North America writes it ("Dr.", "Ms."), or empty'),
  formalTitle: text('"Mr." or "Madam", before an office held ("Dear Madam Secretary:"), when the title says which; or empty'),
  senator: text('"Senator" when the writer gave it as the title or before the name (an Australian minister in the Senate); or empty'),
});

export type NameView = z.infer<typeof nameViewSchema>;

/** A schema reduced to what validation needs: which names exist and what kind each is. */
export type Shape = { kind: 'object'; fields: Record<string, Shape> } | { kind: 'list'; of: Shape } | { kind: 'text' | 'flag' | 'number' | 'any' };

type Def = { type: string; shape?: Record<string, z.ZodMiniType>; element?: z.ZodMiniType };
const defOf = (schema: z.ZodMiniType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

export function shapeOf(schema: z.ZodMiniType): Shape {
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      return { kind: 'object', fields: Object.fromEntries(Object.entries(def.shape ?? {}).map(([k, v]) => [k, shapeOf(v)])) };
    case 'array':
      return { kind: 'list', of: shapeOf(def.element as z.ZodMiniType) };
    case 'boolean':
      return { kind: 'flag' };
    case 'number':
      return { kind: 'number' };
    case 'string':
    case 'enum':
      return { kind: 'text' };
    default:
      return { kind: 'any' };
  }
}

/** Every variable as a dotted path with its description, for docs and tests. */
export function variablePaths(schema: z.ZodMiniType, prefix = ''): { path: string; doc: string }[] {
  const def = defOf(schema);
  if (def.type !== 'object') return [{ path: prefix, doc: DOCS.get(schema) ?? '' }];
  return Object.entries(def.shape ?? {}).flatMap(([k, v]) => variablePaths(v, prefix ? `${prefix}.${k}` : k));
}
