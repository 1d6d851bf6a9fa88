/**
 * The built-in pack, fast: the build validates it and precompiles its templates into
 * dist/builtin-pack.js and the files beside it, so drafting a letter loads neither YAML nor the
 * Handlebars compiler. If templates/ has changed since the build (someone edited the installed
 * pack, or a developer has not rebuilt), the pack is loaded from its files instead.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Fact, Source } from './schema.js';
import type { LetterTemplate, Pack, PackFact, ParsedTemplate, TemplateFn } from './types.js';
import { FACTS_FILE, MANIFEST_FILE } from './files.js';
import { builtinPackDirFor, DEFAULT_LANGUAGE } from './languages.js';

/**
 * Each built-in language's pack is precompiled to files of its own, so a draft reads only the
 * language it writes in: English keeps the plain names, German's start builtin-pack-de.
 */
const packPrefix = (language = DEFAULT_LANGUAGE) => (language === DEFAULT_LANGUAGE ? 'builtin-pack' : `builtin-pack-${language}`);
export const precompiledFile = (language?: string) => `${packPrefix(language)}.js`;
export const PRECOMPILED_FILE = precompiledFile();
/**
 * The template functions for one spelling ("gb", "us") and output mode, beside precompiledFile:
 * a text letter loads only the text functions of its region's spelling.
 */
export const modesFile = (spelling: string, escape: boolean, language?: string) => `${packPrefix(language)}.${spelling}${escape ? '.html' : ''}.js`;
/**
 * The text functions for one region, without the phrasings only other regions use: what a text
 * draft loads. (Not made for HTML, which fewer drafts ask for, to keep the package small.)
 */
export const regionFile = (region: string, language?: string) => `${packPrefix(language)}.region-${region}.js`;
/** packText of the folder the build read: compared only when the files' dates cannot vouch for them. */
export const textFile = (language?: string) => `${packPrefix(language)}.text`;
export const TEXT_FILE = textFile();
/** The templates' and partials' source text, by file: read only by what shows a template. */
export const sourcesFile = (language?: string) => `${packPrefix(language)}.sources.json`;
export const SOURCES_FILE = sourcesFile();

/** What the build writes, apart from the template functions. */
export interface BuiltinData {
  name: string;
  language: string;
  countSource?: string;
  words: Pack['words'];
  spellings: Pack['spellings'];
  regions: Pack['regions'];
  stances: Pack['stances'];
  facts: PackFact[];
  sources: Source[];
  templates: Omit<LetterTemplate, 'ast' | 'source'>[];
  partials: Omit<ParsedTemplate, 'ast' | 'source'>[];
}

/**
 * A precompiled pack carries no syntax trees (they would double the file every draft parses);
 * anything that asks for one is a bug, so it fails loudly rather than compiling nothing. Its
 * source text is read from SOURCES_FILE when something shows a template.
 */
function precompiledItem<T extends { file: string }>(item: T, source: (file: string) => string): T & Pick<ParsedTemplate, 'ast' | 'source'> {
  return Object.defineProperties(
    { ...item },
    {
      ast: {
        enumerable: false,
        get(): never {
          throw new Error('The precompiled built-in pack has no syntax trees; load the pack from its files (loadPack) to analyse it.');
        },
      },
      source: { enumerable: true, get: () => source(item.file) },
    },
  ) as T & Pick<ParsedTemplate, 'ast' | 'source'>;
}

type Spec = unknown;
export interface PrecompiledModule {
  /** packStamp(...).files of the folder it was built from. */
  stamp: string;
  /** When the build read the folder (ms since the epoch): no file of it was changed later. */
  builtAt: number;
  data: BuiltinData;
  /** The spellings that have a modesFile. */
  spellings?: string[];
  modes: Record<string, { templates: Record<string, Spec>; partials: Record<string, Spec> }>;
  small: Record<string, Spec>;
}

/** The files of a pack folder that loading reads, relative to it, in a fixed order. */
function packFiles(dir: string): string[] {
  const files = [MANIFEST_FILE, FACTS_FILE].filter((rel) => existsSync(join(dir, rel)));
  for (const sub of ['letters', 'partials']) {
    const folder = join(dir, sub);
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder).sort()) if (name.endsWith('.hbs')) files.push(`${sub}/${name}`);
  }
  return files;
}

/**
 * Every file of a pack folder that loading reads, in one string: the build stores it, and a
 * start-up whose stamp cannot vouch for the files compares it with the files as they are now.
 */
export function packText(dir: string): string {
  return packFiles(dir)
    .map((rel) => `${rel}\u0000${readFileSync(join(dir, rel), 'utf8')}\u0000`)
    .join('');
}

export interface PackStamp {
  /** Each file's name and size. */
  files: string;
  /** When the most recently changed file was changed (ms since the epoch). */
  newest: number;
}

/** What a start-up checks before trusting the precompiled pack: one stat per file, no reads. */
export function packStamp(dir: string): PackStamp {
  let newest = 0;
  const files = packFiles(dir).map((rel) => {
    const stat = statSync(join(dir, rel));
    newest = Math.max(newest, stat.mtimeMs);
    return `${rel} ${stat.size}`;
  });
  return { files: files.join('\n'), newest };
}

/**
 * Whether the pack in `dir` is still what the build precompiled. Other files or sizes: no. None
 * changed since the build: yes, after one stat per file (a developer's checkout; an installer
 * that keeps the dates in the package). A file dated later may have been edited, or only
 * unpacked by an installer that dates files when it writes them (npm 11 does): then the text
 * decides, as it always did.
 */
export function isFresh(main: Pick<PrecompiledModule, 'stamp' | 'builtAt'>, dir: string, dist: string, language?: string): boolean {
  const now = packStamp(dir);
  if (now.files !== main.stamp) return false;
  if (now.newest <= main.builtAt) return true;
  const file = join(dist, textFile(language));
  return existsSync(file) && readFileSync(file, 'utf8') === packText(dir);
}

export function packFromPrecompiled(mod: PrecompiledModule, runtime: { create(): Pack['handlebars'] }, dir: string, dist: string): Pack {
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
  let sources: Record<string, string> | undefined;
  const source = (file: string) => {
    sources ??= JSON.parse(readFileSync(join(dist, sourcesFile(data.language)), 'utf8')) as Record<string, string>;
    return sources[file] ?? '';
  };
  return {
    name: data.name,
    language: data.language,
    countSource: data.countSource,
    words: data.words,
    spellings: data.spellings,
    regions: data.regions,
    stances: data.stances,
    facts: new Map(data.facts.map((f: Fact & { origin: string }) => [f.id, f])),
    sources: new Map(data.sources.map((s) => [s.id, s])),
    templates: data.templates.map((t) => precompiledItem(t, source)),
    partials: new Map(data.partials.map((p) => [p.name, precompiledItem(p, source)])),
    handlebars: hb,
    layers: [{ origin: 'built-in', dir }],
    precompiled: {
      modes: Object.fromEntries(Object.entries(mod.modes).map(([key, set]) => [key, { templates: hydrate(set.templates), partials: hydrate(set.partials) }])),
      small: hydrate(mod.small),
    },
  };
}

type TemplateSpecification = Parameters<Pack['handlebars']['template']>[0];

export interface BuiltinHint {
  /**
   * The one region a caller will render for: only its spelling's templates are loaded, and for
   * text alone, only its own (without the phrasings of other regions), in a pack that offers only
   * that region.
   */
  region?: string;
  /** With region: whether it renders HTML only (true) or text only (false), not both. */
  escape?: boolean;
  /** Which built-in pack: English (templates/) unless another language is chosen. */
  language?: string;
}

export async function loadBuiltinPack(hint: BuiltinHint = {}): Promise<Pack> {
  const language = hint.language ?? DEFAULT_LANGUAGE;
  const dir = builtinPackDirFor(language);
  // dist/ sits beside templates/ and packs/: found without a second search for the package root.
  const dist = join(dirname(language === DEFAULT_LANGUAGE ? dir : dirname(dir)), 'dist');
  const file = join(dist, precompiledFile(language));
  if (existsSync(file)) {
    const main = (await import(pathToFileURL(file).href)) as Omit<PrecompiledModule, 'modes'>;
    if (isFresh(main, dir, dist, language)) {
      const region = main.data.regions.find((r) => r.id === hint.region);
      const escapes = region && hint.escape !== undefined ? [hint.escape] : [false, true];
      const spellings = region ? [region.spelling] : (main.spellings ?? []);
      const textOnly = region !== undefined && hint.escape === false;
      const names = textOnly ? [regionFile(region.id, language)] : spellings.flatMap((s) => escapes.map((escape) => modesFile(s, escape, language)));
      const [runtime, ...parts] = await Promise.all([
        import('handlebars/runtime'),
        ...names.map((name) => import(pathToFileURL(join(dist, name)).href) as Promise<Pick<PrecompiledModule, 'modes'>>),
      ]);
      const modes = Object.assign({}, ...parts.map((p) => (p as Pick<PrecompiledModule, 'modes'>).modes));
      // Templates made for one region must not render another: the pack knows only that one.
      const data = textOnly ? { ...main.data, regions: [region] } : main.data;
      return packFromPrecompiled({ ...main, data, modes }, (runtime as { default: unknown }).default as { create(): Pack['handlebars'] }, dir, dist);
    }
  }
  return (await import('./load.js')).loadPack({ baseDir: dir });
}
