/**
 * Loading a template pack: the built-in pack, with a user's pack layered over it. Every problem
 * found (YAML, schema, Handlebars syntax, unknown facts, partials or helpers) is collected and
 * reported together, each with its file and place, so one run lists them all.
 */
import Handlebars from 'handlebars';
import { PackError } from '../errors.js';
import { KNOWN_HELPERS } from '../render/helpers-list.js';
import { collectReferences, parseErrorLocation } from './analyse.js';
import { builtinPackDir, readLayer, type RawLayer, type TextFile } from './files.js';
import {
  factsFileSchema,
  frontMatterSchema,
  manifestSchema,
  zodProblems,
  type Fact,
  type FrontMatter,
  type Manifest,
  type Region,
  type Source,
  type Stance,
} from './schema.js';
import { parseYaml } from './yaml-file.js';
import type { TemplateFn } from '../render/compile.js';

export interface ParsedTemplate {
  name: string;
  file: string;
  origin: string;
  source: string;
  ast: hbs.AST.Program;
}

export interface LetterTemplate extends ParsedTemplate {
  meta: FrontMatter;
}

export interface PackFact extends Fact {
  origin: string;
}

export interface Pack {
  name: string;
  language: string;
  countSource?: string;
  spellings: Manifest['spellings'];
  regions: Region[];
  stances: Stance[];
  facts: Map<string, PackFact>;
  sources: Map<string, Source>;
  /** In order of preference: a user's templates before the built-in ones. */
  templates: LetterTemplate[];
  partials: Map<string, ParsedTemplate>;
  /** This pack's own Handlebars instance; never the global one. */
  handlebars: typeof Handlebars;
  layers: { origin: string; dir: string }[];
  /** Template functions made at build time (the built-in pack), so no compiler loads at run time. */
  precompiled?: PrecompiledPack;
}

export interface PrecompiledPack {
  /** By mode key ("text|gb", "html|us", ...): letter templates by id, partials by name. */
  modes: Record<string, { templates: Record<string, TemplateFn>; partials: Record<string, TemplateFn> }>;
  /** Manifest salutation and address templates, by source text. */
  small: Record<string, TemplateFn>;
}

export interface LoadPackOptions {
  /** A user's pack folder to layer over the built-in pack. */
  templatesDir?: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Merge lists of { id } objects: a later item with the same id is merged into the earlier. */
function mergeById(base: unknown, over: unknown, nested?: string): unknown {
  if (!Array.isArray(base) || !Array.isArray(over)) return over ?? base;
  const out: unknown[] = base.map((x) => (isObj(x) ? { ...x } : x));
  for (const item of over) {
    const at = isObj(item) ? out.findIndex((x) => isObj(x) && x.id === item.id) : -1;
    if (at < 0 || !isObj(item)) {
      out.push(item);
      continue;
    }
    const prev = out[at] as Obj;
    const merged: Obj = { ...prev, ...item };
    if (nested && nested in item) merged[nested] = mergeById(prev[nested], item[nested]);
    out[at] = merged;
  }
  return out;
}

function mergeManifests(base: Obj, over: Obj): Obj {
  const out: Obj = { ...base, ...over };
  out.regions = mergeById(base.regions, over.regions, 'recipients');
  out.stances = mergeById(base.stances, over.stances);
  if (isObj(base.spellings) || isObj(over.spellings)) {
    const spellings: Obj = { ...(isObj(base.spellings) ? base.spellings : {}) };
    for (const [k, v] of Object.entries(isObj(over.spellings) ? over.spellings : {})) {
      spellings[k] = { ...(isObj(spellings[k]) ? spellings[k] : {}), ...(isObj(v) ? v : {}) };
    }
    out.spellings = spellings;
  }
  return out;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

function parseTemplate(
  name: string,
  file: TextFile,
  origin: string,
  problems: string[],
  withFrontMatter: boolean,
): { parsed: ParsedTemplate; frontMatter?: unknown; bodyLine: number } | undefined {
  let body = file.text;
  let frontMatter: unknown;
  let bodyLine = 0;
  if (withFrontMatter) {
    const match = FRONT_MATTER.exec(file.text);
    if (!match) {
      problems.push(`${file.path}:1:1: a letter template starts with a front-matter header between --- lines (id, description, regions, recipients, stances, formats, language)`);
      return undefined;
    }
    const yaml = parseYaml({ path: file.path, text: match[1] ?? '' }, 1);
    if (!yaml.ok) {
      problems.push(...yaml.problems);
      return undefined;
    }
    frontMatter = yaml.value ?? {};
    bodyLine = match[0].split('\n').length - 1;
    body = file.text.slice(match[0].length);
  }
  try {
    const ast = Handlebars.parse(body);
    return { parsed: { name, file: file.path, origin, source: body, ast }, frontMatter, bodyLine };
  } catch (error) {
    const loc = parseErrorLocation(error, body);
    problems.push(`${file.path}:${loc.line + bodyLine}:${loc.column}: Handlebars syntax error: ${loc.reason}`);
    return undefined;
  }
}

/** Builds a Pack from raw layers (built-in first). Pure apart from the Handlebars instance. */
export function buildPack(layers: RawLayer[]): Pack {
  const problems: string[] = [];

  // Manifest: merged by id across layers, then validated once.
  let manifestRaw: Obj = {};
  let manifestFile = 'pack.yaml';
  for (const layer of layers) {
    if (!layer.manifest) continue;
    const yaml = parseYaml(layer.manifest);
    if (!yaml.ok) {
      problems.push(...yaml.problems);
      continue;
    }
    if (!isObj(yaml.value)) {
      problems.push(`${layer.manifest.path}: must be a YAML mapping with name, regions and stances`);
      continue;
    }
    manifestRaw = mergeManifests(manifestRaw, yaml.value);
    manifestFile = layer.manifest.path;
  }
  const manifestResult = manifestSchema.safeParse(manifestRaw);
  if (!manifestResult.success) problems.push(...zodProblems(manifestFile, manifestResult.error));
  const manifest = manifestResult.success ? manifestResult.data : undefined;

  // Facts: merged by id, or replaced outright by a layer that says `replace: true`.
  const facts = new Map<string, PackFact>();
  const sources = new Map<string, Source>();
  // When a facts file itself is broken, every reference to it would also fail: say it once.
  let factsOk = true;
  for (const layer of layers) {
    if (!layer.facts) continue;
    const yaml = parseYaml(layer.facts);
    if (!yaml.ok) {
      problems.push(...yaml.problems);
      factsOk = false;
      continue;
    }
    const raw = isObj(yaml.value) ? { ...yaml.value } : yaml.value;
    const replace = isObj(raw) && raw.replace === true;
    if (isObj(raw)) delete raw.replace;
    const result = factsFileSchema.safeParse(raw ?? {});
    if (!result.success) {
      problems.push(...zodProblems(layer.facts.path, result.error));
      factsOk = false;
      continue;
    }
    if (replace) {
      facts.clear();
      sources.clear();
    }
    for (const s of result.data.sources) sources.set(s.id, s);
    for (const f of result.data.facts) facts.set(f.id, { ...f, origin: layer.origin });
  }
  for (const fact of facts.values()) {
    for (const sourceId of fact.sources) {
      if (!sources.has(sourceId)) {
        problems.push(`facts: fact "${fact.id}" (${fact.origin}) cites source "${sourceId}", which is not in the sources list`);
      }
    }
  }

  // Templates and partials: a later layer's file replaces an earlier one of the same name.
  const letterFiles = new Map<string, { file: TextFile; origin: string }>();
  const partialFiles = new Map<string, { file: TextFile; origin: string }>();
  for (const layer of layers) {
    for (const [name, file] of layer.letters) letterFiles.set(name, { file, origin: layer.origin });
    for (const [name, file] of layer.partials) partialFiles.set(name, { file, origin: layer.origin });
  }
  const partials = new Map<string, ParsedTemplate>();
  for (const [name, { file, origin }] of partialFiles) {
    const parsed = parseTemplate(name, file, origin, problems, false);
    if (parsed) partials.set(name, parsed.parsed);
  }
  const templates: LetterTemplate[] = [];
  const ids = new Map<string, string>();
  for (const [name, { file, origin }] of letterFiles) {
    const parsed = parseTemplate(name, file, origin, problems, true);
    if (!parsed) continue;
    const meta = frontMatterSchema.safeParse(parsed.frontMatter);
    if (!meta.success) {
      problems.push(...zodProblems(`${file.path} (front matter)`, meta.error));
      continue;
    }
    const seen = ids.get(meta.data.id);
    if (seen) problems.push(`${file.path}: template id "${meta.data.id}" is also used by ${seen}`);
    ids.set(meta.data.id, file.path);
    templates.push({ ...parsed.parsed, meta: meta.data });
  }
  if (templates.length === 0 && problems.length === 0) problems.push('letters/: the pack has no letter templates');
  // User layers come later in `layers`; prefer their templates.
  const layerRank = new Map(layers.map((l, i) => [l.origin, i]));
  templates.sort((a, b) => (layerRank.get(b.origin) ?? 0) - (layerRank.get(a.origin) ?? 0));

  // References: every fact, partial and helper a template names must exist.
  for (const t of [...templates, ...partials.values()]) {
    for (const ref of collectReferences(t.ast)) {
      const bodyLine = 'meta' in t ? bodyLineOf(t.source, letterFiles.get(t.name)?.file.text) : 0;
      const where = `${t.file}:${ref.line + bodyLine}:${ref.column}`;
      if (ref.kind === 'fact' && factsOk && !facts.has(ref.name)) {
        problems.push(`${where}: unknown fact "${ref.name}"; the facts file has ${[...facts.keys()].join(', ') || 'none'}`);
      } else if (ref.kind === 'partial' && !partials.has(ref.name)) {
        problems.push(`${where}: unknown partial "${ref.name}"; partials/ has ${[...partials.keys()].join(', ') || 'none'}`);
      } else if (ref.kind === 'helper' && !KNOWN_HELPERS.has(ref.name)) {
        problems.push(`${where}: unknown helper "${ref.name}"; templates can use ${[...KNOWN_HELPERS].join(', ')}`);
      } else if (ref.kind === 'dynamic-partial') {
        problems.push(`${where}: partials must be named, not computed`);
      }
    }
  }

  // The manifest's own references.
  if (manifest && factsOk) {
    manifest.stances.forEach((stance, i) =>
      stance.facts.forEach((id, j) => {
        if (!facts.has(id)) problems.push(`${manifestFile}: stances[${i}].facts[${j}]: unknown fact "${id}"`);
      }),
    );
    manifest.regions.forEach((region, i) =>
      region.recipients.forEach((r, j) => {
        if (r.basis && !facts.has(r.basis)) {
          problems.push(`${manifestFile}: regions[${i}].recipients[${j}].basis: unknown fact "${r.basis}"`);
        }
      }),
    );
  }
  if (manifest) {
    const dupes = (list: { id: string }[], what: string) => {
      const seen = new Set<string>();
      for (const { id } of list) {
        if (seen.has(id)) problems.push(`${manifestFile}: ${what} "${id}" is defined twice`);
        seen.add(id);
      }
    };
    dupes(manifest.regions, 'region');
    dupes(manifest.stances, 'stance');
    manifest.regions.forEach((r) => dupes(r.recipients, `recipient in region ${r.id}:`));
    if (manifest.regions.length === 0) problems.push(`${manifestFile}: regions: the pack defines no regions`);
    if (manifest.stances.length === 0) problems.push(`${manifestFile}: stances: the pack defines no stances`);
  }

  if (problems.length > 0 || !manifest) throw new PackError(problems);

  return {
    name: manifest.name,
    language: manifest.language,
    countSource: manifest.countSource,
    spellings: manifest.spellings,
    regions: manifest.regions,
    stances: manifest.stances,
    facts,
    sources,
    templates,
    partials,
    handlebars: Handlebars.create(),
    layers: layers.map(({ origin, dir }) => ({ origin, dir })),
  };
}

function bodyLineOf(body: string, whole: string | undefined): number {
  if (!whole) return 0;
  return whole.slice(0, whole.length - body.length).split('\n').length - 1;
}

export function loadPack(options: LoadPackOptions = {}): Pack {
  const layers = [readLayer(builtinPackDir(), 'built-in')];
  if (options.templatesDir) layers.push(readLayer(options.templatesDir, options.templatesDir));
  return buildPack(layers);
}
