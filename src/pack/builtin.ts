/**
 * The built-in pack, fast: the build validates it and precompiles its templates into
 * dist/builtin-pack.js, so drafting a letter loads neither YAML nor the Handlebars compiler.
 * A content hash ties that file to templates/: if they differ (someone edited the installed
 * pack, or a developer has not rebuilt), the pack is loaded from its files instead.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Fact, Source } from './schema.js';
import type { LetterTemplate, Pack, PackFact, ParsedTemplate } from './load.js';
import { builtinPackDir, FACTS_FILE, MANIFEST_FILE } from './files.js';
import type { TemplateFn } from '../render/compile.js';

export const PRECOMPILED_FILE = 'builtin-pack.js';
/** The template functions for one spelling ("gb", "us"), beside PRECOMPILED_FILE. */
export const modesFile = (spelling: string) => `builtin-pack.${spelling}.js`;

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
  hash: string;
  data: BuiltinData;
  /** The spellings that have a modesFile. */
  spellings?: string[];
  modes: Record<string, { templates: Record<string, Spec>; partials: Record<string, Spec> }>;
  small: Record<string, Spec>;
}

/**
 * A fingerprint of every file of a pack folder that loading reads: two FNV-1a hashes (of the
 * text forwards and of its length-salted form) and the total length. It only has to notice an
 * edit, not resist an attacker, and node:crypto alone would cost a tenth of a draft's start-up.
 */
export function packHash(dir: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  let length = 0;
  const update = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ (c + length + i), 0x01000193);
    }
    length += text.length;
  };
  const add = (rel: string) => {
    const path = join(dir, rel);
    if (!existsSync(path)) return;
    update(`${rel}\u0000${readFileSync(path, 'utf8')}\u0000`);
  };
  add(MANIFEST_FILE);
  add(FACTS_FILE);
  for (const sub of ['letters', 'partials']) {
    const folder = join(dir, sub);
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder).sort()) if (name.endsWith('.hbs')) add(`${sub}/${name}`);
  }
  return `${(a >>> 0).toString(16)}-${(b >>> 0).toString(16)}-${length}`;
}

export function packFromPrecompiled(mod: PrecompiledModule, runtime: { create(): Pack['handlebars'] }, dir: string): Pack {
  const hb = runtime.create();
  const hydrate = (specs: Record<string, Spec>) =>
    Object.fromEntries(Object.entries(specs).map(([k, spec]) => [k, hb.template(spec as TemplateSpecification) as TemplateFn]));
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
}

export async function loadBuiltinPack(hint: BuiltinHint = {}): Promise<Pack> {
  const dir = builtinPackDir();
  const dist = join(dirname(dir), 'dist');
  const file = join(dist, PRECOMPILED_FILE);
  if (existsSync(file)) {
    const main = (await import(pathToFileURL(file).href)) as Omit<PrecompiledModule, 'modes'>;
    if (main.hash === packHash(dir)) {
      const region = main.data.regions.find((r) => r.id === hint.region);
      const spellings = region ? [region.spelling] : (main.spellings ?? []);
      const [runtime, ...parts] = await Promise.all([
        import('handlebars/runtime'),
        ...spellings.map((s) => import(pathToFileURL(join(dist, modesFile(s))).href) as Promise<Pick<PrecompiledModule, 'modes'>>),
      ]);
      const modes = Object.assign({}, ...parts.map((p) => (p as Pick<PrecompiledModule, 'modes'>).modes));
      return packFromPrecompiled({ ...main, modes }, (runtime as { default: unknown }).default as { create(): Pack['handlebars'] }, dir);
    }
  }
  return (await import('./load.js')).loadPack();
}
