/**
 * The built-in pack, fast: the build validates it and precompiles its templates into
 * dist/builtin-pack.js, so drafting a letter loads neither YAML nor the Handlebars compiler.
 * That file keeps the text of templates/ it was built from: if they differ (someone edited the
 * installed pack, or a developer has not rebuilt), the pack is loaded from its files instead.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Fact, Source } from './schema.js';
import type { LetterTemplate, Pack, PackFact, ParsedTemplate, TemplateFn } from './types.js';
import { builtinPackDir, FACTS_FILE, MANIFEST_FILE } from './files.js';

export const PRECOMPILED_FILE = 'builtin-pack.js';
/**
 * The template functions for one spelling ("gb", "us") and output mode, beside PRECOMPILED_FILE:
 * a text letter loads only the text functions of its region's spelling.
 */
export const modesFile = (spelling: string, escape: boolean) => `builtin-pack.${spelling}${escape ? '.html' : ''}.js`;

/** What the build writes, apart from the template functions. */
export interface BuiltinData {
  name: string;
  language: string;
  countSource?: string;
  spellings: Pack['spellings'];
  regions: Pack['regions'];
  stances: Pack['stances'];
  facts: PackFact[];
  sources: Source[];
  templates: Omit<LetterTemplate, 'ast'>[];
  partials: Omit<ParsedTemplate, 'ast'>[];
}

/**
 * A precompiled pack carries no syntax trees (they would double the file every draft parses);
 * anything that asks for one is a bug, so it fails loudly rather than compiling nothing.
 */
function withoutAst<T extends object>(item: T): T & { ast: ParsedTemplate['ast'] } {
  return Object.defineProperty({ ...item }, 'ast', {
    enumerable: false,
    get(): never {
      throw new Error('The precompiled built-in pack has no syntax trees; load the pack from its files (loadPack) to analyse it.');
    },
  }) as T & { ast: ParsedTemplate['ast'] };
}

type Spec = unknown;
export interface PrecompiledModule {
  /** packText of the folder it was built from. */
  text: string;
  data: BuiltinData;
  /** The spellings that have a modesFile. */
  spellings?: string[];
  modes: Record<string, { templates: Record<string, Spec>; partials: Record<string, Spec> }>;
  small: Record<string, Spec>;
}

/**
 * Every file of a pack folder that loading reads, in one string: the build stores it, and a
 * start-up compares it with the files as they are now. A plain comparison, since hashing 30 KB
 * in a cold process costs more than reading the files does, and node:crypto more still.
 */
export function packText(dir: string): string {
  const parts: string[] = [];
  const add = (rel: string) => {
    const path = join(dir, rel);
    if (existsSync(path)) parts.push(`${rel}\u0000${readFileSync(path, 'utf8')}\u0000`);
  };
  add(MANIFEST_FILE);
  add(FACTS_FILE);
  for (const sub of ['letters', 'partials']) {
    const folder = join(dir, sub);
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder).sort()) if (name.endsWith('.hbs')) add(`${sub}/${name}`);
  }
  return parts.join('');
}

export function packFromPrecompiled(mod: PrecompiledModule, runtime: { create(): Pack['handlebars'] }, dir: string): Pack {
  const hb = runtime.create();
  // Functions are made from their specs on first use: a letter uses a dozen of the forty or so.
  const hydrate = (specs: Record<string, Spec>) => {
    const fns: Record<string, TemplateFn> = Object.create(null);
    for (const [name, spec] of Object.entries(specs)) {
      Object.defineProperty(fns, name, {
        enumerable: true,
        configurable: true,
        get() {
          const fn = hb.template(spec as TemplateSpecification) as TemplateFn;
          Object.defineProperty(fns, name, { value: fn, enumerable: true });
          return fn;
        },
      });
    }
    return fns;
  };
  const { data } = mod;
  return {
    name: data.name,
    language: data.language,
    countSource: data.countSource,
    spellings: data.spellings,
    regions: data.regions,
    stances: data.stances,
    facts: new Map(data.facts.map((f: Fact & { origin: string }) => [f.id, f])),
    sources: new Map(data.sources.map((s) => [s.id, s])),
    templates: data.templates.map(withoutAst),
    partials: new Map(data.partials.map((p) => [p.name, withoutAst(p)])),
    handlebars: hb,
    layers: [{ origin: 'built-in', dir }],
    precompiled: {
      modes: Object.fromEntries(
        Object.entries(mod.modes).map(([key, set]) => [key, { templates: hydrate(set.templates), partials: hydrate(set.partials) }]),
      ),
      small: hydrate(mod.small),
    },
  };
}

type TemplateSpecification = Parameters<Pack['handlebars']['template']>[0];

export interface BuiltinHint {
  /** The one region a caller will render for: only its spelling's templates are loaded. */
  region?: string;
  /** With region: whether it renders HTML only (true) or text only (false), not both. */
  escape?: boolean;
}

export async function loadBuiltinPack(hint: BuiltinHint = {}): Promise<Pack> {
  const dir = builtinPackDir();
  const dist = join(dirname(dir), 'dist');
  const file = join(dist, PRECOMPILED_FILE);
  if (existsSync(file)) {
    const main = (await import(pathToFileURL(file).href)) as Omit<PrecompiledModule, 'modes'>;
    if (main.text === packText(dir)) {
      const region = main.data.regions.find((r) => r.id === hint.region);
      const spellings = region ? [region.spelling] : (main.spellings ?? []);
      const escapes = region && hint.escape !== undefined ? [hint.escape] : [false, true];
      const files = spellings.flatMap((s) => escapes.map((escape) => pathToFileURL(join(dist, modesFile(s, escape))).href));
      const [runtime, ...parts] = await Promise.all([
        import('handlebars/runtime'),
        ...files.map((file) => import(file) as Promise<Pick<PrecompiledModule, 'modes'>>),
      ]);
      const modes = Object.assign({}, ...parts.map((p) => (p as Pick<PrecompiledModule, 'modes'>).modes));
      return packFromPrecompiled({ ...main, modes }, (runtime as { default: unknown }).default as { create(): Pack['handlebars'] }, dir);
    }
  }
  return (await import('./load.js')).loadPack();
}
