/**
 * The built-in pack, fast: the build validates it and precompiles its templates into
 * dist/builtin-pack.js, so drafting a letter loads neither YAML nor the Handlebars compiler.
 * A content hash ties that file to templates/: if they differ (someone edited the installed
 * pack, or a developer has not rebuilt), the pack is loaded from its files instead.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Fact, Source } from './schema.js';
import type { LetterTemplate, Pack, PackFact, ParsedTemplate } from './load.js';
import { builtinPackDir, FACTS_FILE, MANIFEST_FILE } from './files.js';
import type { TemplateFn } from '../render/compile.js';

export const PRECOMPILED_FILE = 'builtin-pack.js';

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
  templates: LetterTemplate[];
  partials: ParsedTemplate[];
}

type Spec = unknown;
export interface PrecompiledModule {
  hash: string;
  data: BuiltinData;
  modes: Record<string, { templates: Record<string, Spec>; partials: Record<string, Spec> }>;
  small: Record<string, Spec>;
}

/** A hash of every file of a pack folder that loading reads. */
export function packHash(dir: string): string {
  const hash = createHash('sha1');
  const add = (rel: string) => {
    const path = join(dir, rel);
    if (!existsSync(path)) return;
    hash.update(`${rel}\u0000`);
    hash.update(readFileSync(path));
    hash.update('\u0000');
  };
  add(MANIFEST_FILE);
  add(FACTS_FILE);
  for (const sub of ['letters', 'partials']) {
    const folder = join(dir, sub);
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder).sort()) if (name.endsWith('.hbs')) add(`${sub}/${name}`);
  }
  return hash.digest('hex');
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
    templates: data.templates,
    partials: new Map(data.partials.map((p) => [p.name, p])),
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

export async function loadBuiltinPack(): Promise<Pack> {
  const dir = builtinPackDir();
  const file = join(dirname(dir), 'dist', PRECOMPILED_FILE);
  if (existsSync(file)) {
    const mod = (await import(pathToFileURL(file).href)) as PrecompiledModule;
    if (mod.hash === packHash(dir)) {
      const runtime = (await import('handlebars/runtime')).default as unknown as { create(): Pack['handlebars'] };
      return packFromPrecompiled(mod, runtime, dir);
    }
  }
  return (await import('./load.js')).loadPack();
}
