/**
 * The names a template may use that the renderer gives meaning to: the helpers it may call, the
 * section roles it may mark, the keys a phrasing can be written for. The pack's checker holds
 * templates to them when a pack loads; the renderer implements them. They live here, below both,
 * so the checker needs nothing from the renderer.
 */

/**
 * Handlebars' own block helpers plus the pack's; a template that calls anything else fails when
 * the pack loads (and at compile, via knownHelpersOnly).
 */
export const BUILTIN_HELPERS = ['if', 'unless', 'each', 'with', 'lookup'] as const;
export const PACK_HELPERS = ['fact', 'variants', 'variant', 'eq', 'section'] as const;
export const KNOWN_HELPERS: ReadonlySet<string> = new Set([...BUILTIN_HELPERS, ...PACK_HELPERS]);

/**
 * Named sections of a letter, marked in a template with {{#section "reason"}}…{{/section}}.
 * Formats use the roles for layout (address blocks, signature space in print), and --max-chars
 * drops optional roles to fit a web form.
 */
export const SECTION_ROLES = [
  'sender',
  'date',
  'recipient',
  'salutation',
  'opening',
  'story',
  'facts',
  'reason',
  'ask',
  'close',
  'signoff',
  'signature',
] as const;
export type SectionRole = (typeof SECTION_ROLES)[number];

/** What a phrasing can be written for: {{#variant stance="maintain"}}. */
export const FILTER_KEYS = ['stance', 'region', 'recipient', 'locale'] as const;
