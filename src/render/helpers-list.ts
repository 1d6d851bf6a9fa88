/**
 * The helpers a template may call. Handlebars' own block helpers plus the pack's; a template
 * that calls anything else fails when the pack loads (and at compile, via knownHelpersOnly).
 */
export const BUILTIN_HELPERS = ['if', 'unless', 'each', 'with', 'lookup'] as const;
export const PACK_HELPERS = ['fact', 'variants', 'variant', 'eq', 'section'] as const;
export const KNOWN_HELPERS: ReadonlySet<string> = new Set([...BUILTIN_HELPERS, ...PACK_HELPERS]);
