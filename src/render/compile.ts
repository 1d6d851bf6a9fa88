/**
 * Turning a pack's parsed templates into functions: once per template and output mode, lazily,
 * on the pack's own Handlebars instance. Strict about variables, only the known helpers, no
 * prototype access, and HTML escaping only for HTML.
 */
import type { HelperOptions } from 'handlebars';
import type { Pack, ParsedTemplate, TemplateFn } from '../pack/types.js';
import { FILTER_KEYS, PACK_HELPERS } from '../pack/template-names.js';
import { RenderBudget } from './budget.js';
import { memo } from './memo.js';
import { sectionMarker } from './sections.js';
import { respell } from './spelling.js';
import { chosenVariant, eligibleVariants, seedState, type RenderIds, type VariantFilter } from './variation.js';

export interface Mode {
  /** HTML escaping of every value a template prints. */
  escape: boolean;
  /** Spelling table id from the manifest ("gb" = as written). */
  spelling: string;
}

/** Per-render state, passed to helpers through Handlebars' @data. */
export interface RenderState {
  seed: string;
  /** Pick each section's longest phrasing (validation's one-page check) instead of the seed's. */
  longest?: boolean;
  ids: RenderIds;
  cite(id: string): string;
  /** The {{#variants}} blocks being rendered, innermost last (the helpers' own bookkeeping). */
  variantRuns?: VariantsRun[];
  /** The seed's hash state and the ids as one key, worked out by the first block that needs them. */
  seedState?: number;
  idsKey?: string;
  /** Steps and text so far (see budget.ts); made by the first loop or phrasing that needs it. */
  budget?: RenderBudget;
}

export interface VariantsRun {
  mode: 'collect' | 'render';
  filters: VariantFilter[];
  pick: number;
  n: number;
}

export class TemplateRenderError extends Error {}

/**
 * The hash key astFor adds to a {{#variants}} block whose phrasings are all written with literal
 * filters: their filters as JSON, so a render picks a phrasing without first running the block
 * to collect them. The leading underscore keeps it out of the filters a template may write.
 */
const STATIC_FILTERS = '_filters';
/**
 * The hash key of a fork in a block's choice tree: phrasings below this index are in its
 * program, the rest in its inverse.
 */
const CHOICE_BELOW = '_below';
/**
 * The hash key astFor adds beside STATIC_FILTERS when some phrasings are only text: as JSON, each
 * phrasing's text, or null for one that must be rendered.
 */
const STATIC_TEXTS = '_texts';
/** By a block's filters (JSON), then by the request's ids: the phrasings it may use. */
const staticPicks = new Map<string, Map<string, number[]>>();
const staticTexts = new Map<string, (string | null)[]>();

const idsKey = (ids: RenderIds) => `${ids.stance}\u0000${ids.region}\u0000${ids.recipient}\u0000${ids.locale}`;

/** The phrasings a block with known filters offers these ids; the same few answers, remembered. */
function staticEligible(json: string, s: RenderState): number[] {
  let byIds = staticPicks.get(json);
  if (!byIds) staticPicks.set(json, (byIds = new Map()));
  const key = (s.idsKey ??= idsKey(s.ids));
  let eligible = byIds.get(key);
  if (!eligible) {
    eligible = eligibleVariants(JSON.parse(json) as VariantFilter[], s.ids);
    byIds.set(key, eligible);
  }
  return eligible;
}

function textsOf(json: string): (string | null)[] {
  let texts = staticTexts.get(json);
  if (!texts) staticTexts.set(json, (texts = JSON.parse(json) as (string | null)[]));
  return texts;
}

const wordsIn = (text: string) => text.split(/\s+/).filter(Boolean).length;

export interface Compiled {
  templates: Map<string, TemplateFn>;
  partials: Record<string, TemplateFn>;
}

const compiledSets = memo<Pack, Compiled>();
const helpersRegistered = new WeakSet<Pack>();

function registerHelpers(pack: Pack): void {
  if (helpersRegistered.has(pack)) return;
  const hb = pack.handlebars;
  const state = (options: HelperOptions): RenderState => {
    const s = (options.data as { letter?: RenderState } | undefined)?.letter;
    if (!s) throw new TemplateRenderError('helpers can only run inside a letter render');
    return s;
  };
  hb.registerHelper('fact', function (this: unknown, id: unknown, options: HelperOptions) {
    if (typeof id !== 'string') throw new TemplateRenderError('{{fact}} needs a fact id, like {{fact "still-imprisoned"}}');
    return state(options).cite(id);
  });
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  // Handlebars' own {{#each}}, with each turn counted against the render's budget.
  const each = hb.helpers.each as (this: unknown, context: unknown, options: HelperOptions) => string;
  hb.registerHelper('each', function (this: unknown, context: unknown, options: HelperOptions) {
    const s = (options.data as { letter?: RenderState } | undefined)?.letter;
    if (!s || typeof options.fn !== 'function') return each.call(this, context, options);
    const budget = (s.budget ??= new RenderBudget());
    const fn = options.fn;
    const counted = Object.assign((ctx: unknown, o?: unknown) => {
      budget.step();
      const out = fn(ctx, o as never);
      budget.output(out.length);
      return out;
    }, fn);
    return each.call(this, context, { ...options, fn: counted });
  });
  hb.registerHelper('section', function (this: unknown, name: unknown, options: HelperOptions) {
    if (typeof name !== 'string' || !/^[a-z][a-z-]*$/.test(name) || typeof options?.fn !== 'function') {
      throw new TemplateRenderError('{{#section}} needs a name, like {{#section "reason"}}…{{/section}}');
    }
    return sectionMarker(name, options.fn(this));
  });
  hb.registerHelper('variants', function (this: unknown, name: unknown, options: HelperOptions) {
    if (typeof name !== 'string' || typeof options?.fn !== 'function') {
      throw new TemplateRenderError('{{#variants}} needs a section name, like {{#variants "opening"}}…{{/variants}}');
    }
    const s = state(options);
    const runs = (s.variantRuns ??= []);
    const run: VariantsRun = { mode: 'collect', filters: [], pick: -1, n: 0 };
    const runBlock = (): string => {
      runs.push(run);
      try {
        return options.fn(this);
      } finally {
        runs.pop();
      }
    };
    const hash = options.hash as Record<string, unknown> | undefined;
    const known = hash?.[STATIC_FILTERS];
    const texts = typeof hash?.[STATIC_TEXTS] === 'string' ? textsOf(hash[STATIC_TEXTS]) : undefined;
    let eligible: number[];
    if (typeof known === 'string') eligible = staticEligible(known, s);
    else {
      // Filters that are not all literals: run the block once to collect them.
      runBlock();
      eligible = eligibleVariants(run.filters, s.ids);
    }
    if (eligible.length === 0) {
      throw new TemplateRenderError(`no phrasing of section "${name}" fits region ${s.ids.region}, recipient ${s.ids.recipient}, stance ${s.ids.stance}`);
    }
    const budget = (s.budget ??= new RenderBudget());
    const renderPick = (pick: number): string => {
      budget.step();
      const text = texts?.[pick];
      if (typeof text === 'string') {
        budget.output(text.length);
        return text;
      }
      run.pick = pick;
      run.mode = 'render';
      run.n = 0;
      const out = runBlock();
      budget.output(out.length);
      return out;
    };
    if (!s.longest) return renderPick(chosenVariant((s.seedState ??= seedState(s.seed)), name, eligible));
    let best = '';
    for (const pick of eligible) {
      const out = renderPick(pick);
      if (wordsIn(out) > wordsIn(best)) best = out;
    }
    return best;
  });
  hb.registerHelper('variant', function (this: unknown, options: HelperOptions) {
    const run = state(options).variantRuns?.at(-1);
    if (!run || typeof options.fn !== 'function') {
      throw new TemplateRenderError('{{#variant}} must sit inside {{#variants "name"}}…{{/variants}}');
    }
    const below = (options.hash as Record<string, unknown> | undefined)?.[CHOICE_BELOW];
    // A fork of a block's choice tree (see choiceTree): only the chosen phrasing's branch runs.
    if (typeof below === 'number') return run.pick < below ? options.fn(this) : options.inverse(this);
    const index = run.n++;
    if (run.mode === 'collect') {
      const hash = options.hash as Record<string, unknown>;
      const filter: VariantFilter = {};
      for (const key of FILTER_KEYS) {
        if (hash[key] !== undefined) filter[key] = String(hash[key]);
      }
      run.filters.push(filter);
      return '';
    }
    return index === run.pick ? options.fn(this) : '';
  });
  helpersRegistered.add(pack);
}

/** Rewrites the literal text of a template for a spelling table; expressions are untouched. */
function respellAst(ast: hbs.AST.Program, table: Record<string, string>): hbs.AST.Program {
  const copy = structuredClone(ast);
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as { type?: string; value?: string; body?: unknown[]; program?: unknown; inverse?: unknown };
    if (n.type === 'ContentStatement' && typeof n.value === 'string') n.value = respell(n.value, table);
    n.body?.forEach(walk);
    walk(n.program);
    walk(n.inverse);
  };
  walk(copy);
  return copy;
}

export function modeKey(mode: Mode): string {
  return `${mode.escape ? 'html' : 'text'}|${mode.spelling}`;
}

export const compileOptions = (mode: Mode) => ({
  strict: true,
  knownHelpers: Object.fromEntries(PACK_HELPERS.map((h) => [h, true])),
  knownHelpersOnly: true,
  noEscape: !mode.escape,
  preventIndent: true,
  // The tree came from Handlebars.parse, which has already stripped standalone lines; doing it
  // again here would see the choice trees' forks as new lines to strip around.
  ignoreStandalone: true,
});

export const SMALL_OPTIONS = { strict: true, knownHelpersOnly: true, noEscape: true } as const;

type Node = hbs.AST.Node & { body?: hbs.AST.Statement[]; program?: hbs.AST.Program; inverse?: hbs.AST.Program };

const isLiteral = (n: hbs.AST.Expression): n is hbs.AST.StringLiteral | hbs.AST.NumberLiteral | hbs.AST.BooleanLiteral =>
  n.type === 'StringLiteral' || n.type === 'NumberLiteral' || n.type === 'BooleanLiteral';
const isBlank = (n: hbs.AST.Statement) => n.type === 'CommentStatement' || (n.type === 'ContentStatement' && !(n as hbs.AST.ContentStatement).value.trim());
const pathName = (n: hbs.AST.Node) => (n.type === 'BlockStatement' ? ((n as hbs.AST.BlockStatement).path as hbs.AST.PathExpression).original : undefined);

/**
 * The filters of a {{#variants}} block, when they can be known before rendering: every child is
 * a {{#variant}} (or blank) whose filters are literals. Otherwise undefined.
 */
function literalFilters(block: hbs.AST.BlockStatement): VariantFilter[] | undefined {
  const filters: VariantFilter[] = [];
  for (const child of block.program?.body ?? []) {
    if (isBlank(child)) continue;
    if (pathName(child) !== 'variant') return undefined;
    const filter: VariantFilter = {};
    for (const pair of (child as hbs.AST.BlockStatement).hash?.pairs ?? []) {
      if (!(FILTER_KEYS as readonly string[]).includes(pair.key) || !isLiteral(pair.value)) return undefined;
      filter[pair.key as keyof VariantFilter] = String(pair.value.value);
    }
    filters.push(filter);
  }
  return filters;
}

const NO_STRIP = { open: false, close: false };

/** A phrasing that is only text (and comments): its text, else null. */
function textOf(body: hbs.AST.Statement[]): string | null {
  let text = '';
  for (const n of body) {
    if (n.type === 'ContentStatement') text += (n as hbs.AST.ContentStatement).value;
    else if (n.type !== 'CommentStatement') return null;
  }
  return text;
}

/**
 * How a block with literal filters renders one phrasing without calling {{#variant}} once per
 * phrasing: a phrasing that is only text is returned as it stands (`texts`); the others sit in a
 * balanced tree of {{#variant _below=i}}…{{else}}…{{/variant}} forks, so a render runs log2(n)
 * forks and one phrasing. Only for blocks whose text between phrasings renders empty (comments,
 * whitespace already stripped): neither has anywhere to put it.
 */
function choicePlan(block: hbs.AST.BlockStatement): { tree: hbs.AST.Program; texts: (string | null)[] } | undefined {
  const children = block.program?.body ?? [];
  if (children.some((c) => isBlank(c) && c.type === 'ContentStatement' && (c as hbs.AST.ContentStatement).value !== '')) return undefined;
  const leaves = children.filter((c) => !isBlank(c)).map((c) => (c as hbs.AST.BlockStatement).program?.body ?? []);
  const texts = leaves.map(textOf);
  const rendered = leaves.flatMap((_, i) => (texts[i] === null ? [i] : []));
  const loc = block.loc;
  const program = (body: hbs.AST.Statement[]): hbs.AST.Program => ({ type: 'Program', body, blockParams: [], strip: NO_STRIP, loc }) as hbs.AST.Program;
  const fork = (at: number, body: hbs.AST.Statement[], inverse: hbs.AST.Statement[]): hbs.AST.Statement[] => {
    const below: hbs.AST.NumberLiteral = { type: 'NumberLiteral', value: at, original: at, loc };
    const node = {
      type: 'BlockStatement',
      path: { type: 'PathExpression', data: false, depth: 0, parts: ['variant'], original: 'variant', loc },
      params: [],
      hash: { type: 'Hash', pairs: [{ type: 'HashPair', key: CHOICE_BELOW, value: below, loc }], loc },
      program: program(body),
      inverse: program(inverse),
      openStrip: NO_STRIP,
      inverseStrip: NO_STRIP,
      closeStrip: NO_STRIP,
      loc,
    } as unknown as hbs.AST.BlockStatement;
    return [node];
  };
  // Over rendered[lo..hi): a fork compares the pick with the first phrasing of its upper half.
  const tree = (lo: number, hi: number): hbs.AST.Statement[] => {
    if (hi - lo === 0) return [];
    if (hi - lo === 1) return leaves[rendered[lo] as number] as hbs.AST.Statement[];
    const mid = (lo + hi) >> 1;
    return fork(rendered[mid] as number, tree(lo, mid), tree(mid, hi));
  };
  // A lone phrasing still sits inside a fork (one every pick takes): as the block's own body, its
  // first and last text would be stripped again by the block's ~ on the second whitespace pass.
  const top = rendered.length === 1 ? fork(leaves.length, tree(0, 1), []) : tree(0, rendered.length);
  return { tree: program(top), texts };
}

const literal = (text: string, loc: hbs.AST.SourceLocation): hbs.AST.StringLiteral => ({ type: 'StringLiteral', value: text, original: text, loc });

/**
 * Adds STATIC_FILTERS to every {{#variants}} block whose filters are literals, and its plan
 * (STATIC_TEXTS and the choice tree) when it can have one (in place).
 */
function annotateVariants(node: Node | undefined): void {
  if (!node) return;
  if (pathName(node) === 'variants') {
    const block = node as hbs.AST.BlockStatement;
    const filters = literalFilters(block);
    if (filters) {
      const pairs = [
        ...(block.hash?.pairs ?? []),
        { type: 'HashPair', key: STATIC_FILTERS, value: literal(JSON.stringify(filters), block.loc), loc: block.loc },
      ];
      const plan = choicePlan(block);
      if (plan) {
        block.program = plan.tree;
        if (plan.texts.some((t) => t !== null))
          pairs.push({ type: 'HashPair', key: STATIC_TEXTS, value: literal(JSON.stringify(plan.texts), block.loc), loc: block.loc });
      }
      block.hash = { type: 'Hash', pairs: pairs as hbs.AST.HashPair[], loc: block.loc };
    }
  }
  node.body?.forEach((n) => annotateVariants(n as Node));
  annotateVariants(node.program as Node | undefined);
  annotateVariants(node.inverse as Node | undefined);
}

/** The template's syntax tree as this mode renders it (US spelling applied to its literal text). */
export function astFor(pack: Pack, t: ParsedTemplate, mode: Mode): hbs.AST.Program {
  const table = mode.spelling === 'gb' ? undefined : pack.spellings[mode.spelling];
  const ast = table ? respellAst(t.ast, table) : structuredClone(t.ast);
  annotateVariants(ast as Node);
  return ast;
}

function compileOne(pack: Pack, t: ParsedTemplate, mode: Mode): TemplateFn {
  return pack.handlebars.compile(astFor(pack, t, mode), compileOptions(mode)) as TemplateFn;
}

export function compiled(pack: Pack, mode: Mode): Compiled {
  registerHelpers(pack);
  const key = modeKey(mode);
  const ready = pack.precompiled?.modes[key];
  if (ready) return { templates: new Map(Object.entries(ready.templates)), partials: ready.partials };
  if (pack.precompiled) {
    throw new Error(`The precompiled pack was loaded without its "${key}" templates; load it with no region hint to render any region.`);
  }
  return compiledSets(pack, key, () => {
    const partials: Record<string, TemplateFn> = Object.create(null);
    for (const [name, p] of pack.partials) partials[name] = compileOne(pack, p, mode);
    const templates = new Map<string, TemplateFn>();
    for (const t of pack.templates) templates.set(t.meta.id, compileOne(pack, t, mode));
    return { templates, partials };
  });
}

/** Small templates from the manifest (salutations, address lines): plain text, strict. */
const smallFns = memo<Pack, TemplateFn>();
export function compileSmall(pack: Pack, source: string): TemplateFn {
  return smallFns(pack, source, () => pack.precompiled?.small[source] ?? (pack.handlebars.compile(source, SMALL_OPTIONS) as TemplateFn));
}
