/**
 * Loading a template pack: the built-in pack, with a user's pack layered over it. Every problem
 * found (YAML, schema, Handlebars syntax, unknown facts, partials or helpers) is collected and
 * reported together, each with its file and place, so one run lists them all.
 */
import Handlebars from 'handlebars';
import { PackError } from '../errors.js';
import type * as z from 'zod/mini';
import { BUILTIN_HELPERS, KNOWN_HELPERS } from '../render/helpers-list.js';
import { letterViewSchema, nameViewSchema, shapeOf, type Shape } from '../render/view.js';
import { syntaxProblems } from './analyse.js';
import { closest } from '../closest.js';
import { formatProblem, MAX_NESTING, TemplateChecker, tooDeep } from './check.js';
import { builtinPackDir, MANIFEST_FILE, readLayer, type RawLayer, type TextFile } from './files.js';
import {
  factsFileSchema,
  frontMatterSchema,
  formatPath,
  manifestSchema,
  type Fact,
  type FrontMatter,
  type Manifest,
  type Region,
  type Source,
  type Stance,
} from './schema.js';
import { pageCheck } from './page-check.js';
import { controlCharProblems, repeatedIdProblems, urlProblems, yamlControlProblems } from './pack-text.js';
import { parseYaml, type Locate, type YamlPath } from './yaml-file.js';
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
  /** What the pack's check found that does not stop it from working (a letter that can run past a page in some region). */
  warnings?: string[];
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

interface ParsedLayerYaml {
  file: string;
  text: string;
  value: Obj;
  locate: Locate;
  locateKey: Locate;
}

/** "file:line:col" of a value in one layer's YAML file. */
const at = (y: Pick<ParsedLayerYaml, 'file' | 'locate' | 'locateKey'>, path: YamlPath, key = false) => {
  const { line, column } = (key ? y.locateKey : y.locate)(path);
  return `${y.file}:${line}:${column}`;
};

/**
 * Where a path of the merged manifest was written: lists merged by id are matched by id in each
 * layer, and the layer that holds the most of the path (the latest, on a tie) names the place.
 */
function locateMerged(merged: unknown, layers: ParsedLayerYaml[], path: YamlPath, key = false): string {
  let best: { layer: ParsedLayerYaml; path: (string | number)[] } | undefined;
  for (const layer of layers) {
    const out: (string | number)[] = [];
    let m: unknown = merged;
    let l: unknown = layer.value;
    for (const key of path) {
      if (typeof key === 'number' && Array.isArray(m) && Array.isArray(l)) {
        const id = isObj(m[key]) ? (m[key] as Obj).id : undefined;
        const j = id !== undefined ? l.findIndex((x) => isObj(x) && x.id === id) : key < l.length ? key : -1;
        if (j < 0) break;
        out.push(j);
        m = m[key];
        l = l[j];
      } else if (typeof key === 'string' && isObj(m) && isObj(l) && key in l) {
        out.push(key);
        m = m[key];
        l = l[key];
      } else break;
    }
    if (!best || out.length >= best.path.length) best = { layer, path: out };
  }
  return best ? at(best.layer, best.path, key && best.path.length === path.length) : MANIFEST_FILE;
}

function zodIssuesAt(error: z.core.$ZodError, where: (path: YamlPath, key?: boolean) => string, known?: (path: YamlPath) => string[]): string[] {
  return error.issues.flatMap((issue) => {
    const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => {
        const near = known ? closest(key, known(path)) : undefined;
        return `${where([...path, key], true)}: ${formatPath([...issue.path, key])}: unknown key${near ? ` (did you mean "${near}"?)` : ''}`;
      });
    }
    const missing = issue.code === 'invalid_type' && / received undefined$/.test(issue.message);
    return [`${where(path)}: ${formatPath(issue.path)}: ${missing ? 'is required' : issue.message}`];
  });
}

function parseTemplate(
  name: string,
  file: TextFile,
  origin: string,
  problems: string[],
  withFrontMatter: boolean,
): { parsed: ParsedTemplate; frontMatter?: unknown; frontMatterAt?: Pick<ParsedLayerYaml, 'locate' | 'locateKey'>; bodyLine: number; broken?: true } | undefined {
  let body = file.text;
  let frontMatter: unknown;
  let frontMatterAt: Pick<ParsedLayerYaml, 'locate' | 'locateKey'> | undefined;
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
    frontMatterAt = yaml;
    bodyLine = match[0].split('\n').length - 1;
    body = file.text.slice(match[0].length);
  }
  const deep = tooDeep(body);
  if (deep) {
    problems.push(`${file.path}:${deep.line + bodyLine}:${deep.column}: blocks are nested ${deep.depth > MAX_NESTING ? `more than ${MAX_NESTING}` : deep.depth} deep; a letter needs far fewer`);
    return undefined;
  }
  try {
    const ast = Handlebars.parse(body);
    return { parsed: { name, file: file.path, origin, source: body, ast }, frontMatter, frontMatterAt, bodyLine };
  } catch (error) {
    problems.push(...syntaxProblems(error, body, { lineOffset: bodyLine }).map((p) => formatProblem({ file: file.path, ...p })));
    // The front matter is still checked, so one run lists its problems too.
    return { parsed: { name, file: file.path, origin, source: body, ast: Handlebars.parse('') }, frontMatter, frontMatterAt, bodyLine, broken: true };
  }
}

/** The manifest's salutation and address lines: small templates over the official's name. */
function checkNameTemplates(layer: ParsedLayerYaml, problems: string[]): void {
  const regions = Array.isArray(layer.value.regions) ? layer.value.regions : [];
  regions.forEach((region, i) => {
    const recipients = isObj(region) && Array.isArray(region.recipients) ? region.recipients : [];
    recipients.forEach((recipient, j) => {
      if (!isObj(recipient)) return;
      const sources: [YamlPath, unknown][] = [[['regions', i, 'recipients', j, 'salutation'], recipient.salutation]];
      if (Array.isArray(recipient.address)) recipient.address.forEach((line, k) => sources.push([['regions', i, 'recipients', j, 'address', k], line]));
      for (const [path, source] of sources) {
        if (typeof source !== 'string') continue;
        const { line, column } = layer.locate(path);
        const quoted = /["']/.test(layer.text.split(/\r?\n/)[line - 1]?.[column - 1] ?? '');
        const origin = { file: layer.file, lineOffset: line - 1, columnOffset: column - 1 + (quoted ? 1 : 0) };
        const deep = tooDeep(source);
        if (deep) {
          problems.push(`${layer.file}:${line}:${column}: blocks are nested more than ${MAX_NESTING} deep`);
          continue;
        }
        let ast: hbs.AST.Program;
        try {
          ast = Handlebars.parse(source);
        } catch (error) {
          problems.push(...syntaxProblems(error, source, origin).map((p) => formatProblem({ file: layer.file, ...p })));
          continue;
        }
        const checker = new TemplateChecker({ root: nameShape(), helpers: NAME_HELPERS, partials: new Map() });
        checker.check(ast, origin);
        problems.push(...checker.problems.map(formatProblem));
      }
    });
  });
}

const NAME_HELPERS: ReadonlySet<string> = new Set(BUILTIN_HELPERS);
let letterShapeCache: Shape | undefined;
let nameShapeCache: Shape | undefined;
const letterShape = () => (letterShapeCache ??= shapeOf(letterViewSchema));
const nameShape = () => (nameShapeCache ??= shapeOf(nameViewSchema));

/** Builds a Pack from raw layers (built-in first). Pure apart from the Handlebars instance. */
export function buildPack(layers: RawLayer[]): Pack {
  const problems: string[] = layers.flatMap((l) => l.problems ?? []);
  problems.push(...layers.flatMap(layerTextProblems));

  // Manifest: merged by id across layers, then validated once.
  let manifestRaw: Obj = {};
  const manifestLayers: ParsedLayerYaml[] = [];
  for (const layer of layers) {
    if (!layer.manifest) continue;
    const yaml = parseYaml(layer.manifest);
    if (!yaml.ok) {
      problems.push(...yaml.problems);
      continue;
    }
    if (!isObj(yaml.value)) {
      problems.push(`${layer.manifest.path}:1:1: must be a YAML mapping with name, regions and stances`);
      continue;
    }
    const parsed = { file: layer.manifest.path, text: layer.manifest.text, value: yaml.value, locate: yaml.locate, locateKey: yaml.locateKey };
    manifestLayers.push(parsed);
    problems.push(...yamlTextProblems(layer.manifest, yaml.value, (path) => at(parsed, path)));
    const manifestWhere = (path: YamlPath) => at(parsed, path);
    problems.push(...repeatedIdProblems(yaml.value.regions, 'region', manifestWhere, ['regions']), ...repeatedIdProblems(yaml.value.stances, 'stance', manifestWhere, ['stances']));
    checkNameTemplates(parsed, problems);
    manifestRaw = mergeManifests(manifestRaw, yaml.value);
  }
  const manifestAt = (path: YamlPath, key?: boolean) => locateMerged(manifestRaw, manifestLayers, path, key);
  const manifestResult = manifestSchema.safeParse(manifestRaw);
  if (!manifestResult.success) problems.push(...zodIssuesAt(manifestResult.error, manifestAt));
  const manifest = manifestResult.success ? manifestResult.data : undefined;

  // Facts: merged by id, or replaced outright by a layer that says `replace: true`.
  const facts = new Map<string, PackFact>();
  const sources = new Map<string, Source>();
  const factAt = new Map<string, string>();
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
    const where = (path: YamlPath, key?: boolean) => at({ file: (layer.facts as TextFile).path, ...yaml }, path, key);
    const factsProblems = factsFileProblems(layer.facts, yaml.value, where);
    if (factsProblems.length > 0) {
      problems.push(...factsProblems);
      factsOk = false;
      continue;
    }
    const raw = isObj(yaml.value) ? { ...yaml.value } : yaml.value;
    const replace = isObj(raw) && raw.replace === true;
    if (isObj(raw)) delete raw.replace;
    const result = factsFileSchema.safeParse(raw ?? {});
    if (!result.success) {
      problems.push(...zodIssuesAt(result.error, where));
      factsOk = false;
      continue;
    }
    if (replace) {
      facts.clear();
      sources.clear();
    }
    for (const s of result.data.sources) sources.set(s.id, s);
    result.data.facts.forEach((f, i) => {
      facts.set(f.id, { ...f, origin: layer.origin });
      factAt.set(f.id, where(['facts', i, 'sources']));
    });
  }
  for (const fact of facts.values()) {
    for (const sourceId of fact.sources) {
      if (!sources.has(sourceId)) {
        const near = closest(sourceId, sources.keys());
        problems.push(`${factAt.get(fact.id)}: fact "${fact.id}" cites source "${sourceId}", which is not in the sources list${near ? ` (did you mean "${near}"?)` : ''}`);
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
    // A partial that does not parse is reported once; calls to it are not "unknown" on top.
    partials.set(name, parsed?.parsed ?? { name, file: file.path, origin, source: '', ast: Handlebars.parse('') });
  }
  const ids = {
    region: new Set(manifest?.regions.map((r) => r.id) ?? []),
    recipient: new Set(manifest?.regions.flatMap((r) => r.recipients.map((x) => x.id)) ?? []),
    stance: new Set(manifest?.stances.map((s) => s.id) ?? []),
  };
  const templates: LetterTemplate[] = [];
  const bodyLines = new Map<string, number>();
  const templateIds = new Map<string, string>();
  const unlisted: { ast: hbs.AST.Program; file: string; bodyLine: number }[] = [];
  for (const [name, { file, origin }] of letterFiles) {
    const parsed = parseTemplate(name, file, origin, problems, true);
    if (!parsed) continue;
    const frontAt = (path: YamlPath, key?: boolean) => at({ file: file.path, ...(parsed.frontMatterAt as Pick<ParsedLayerYaml, 'locate' | 'locateKey'>) }, path, key);
    problems.push(...yamlTextProblems(file, parsed.frontMatter, frontAt));
    const meta = frontMatterSchema.safeParse(parsed.frontMatter);
    if (!meta.success) {
      problems.push(...zodIssuesAt(meta.error, frontAt, () => Object.keys(frontMatterSchema.shape)));
      // The body is still checked below, so one run lists its problems too.
      unlisted.push({ ast: parsed.parsed.ast, file: file.path, bodyLine: parsed.bodyLine });
      continue;
    }
    if (manifest) {
      for (const key of ['regions', 'recipients', 'stances'] as const) {
        const known = ids[key.slice(0, -1) as 'region' | 'recipient' | 'stance'];
        meta.data[key].forEach((id, i) => {
          if (id === '*' || known.has(id)) return;
          const near = closest(id, known);
          problems.push(`${frontAt([key, i])}: ${key}: no ${key.slice(0, -1)} "${id}" in the pack${near ? ` (did you mean "${near}"?)` : `; use "*" or one of ${[...known].join(', ')}`}`);
        });
      }
    }
    if (parsed.broken) continue;
    const seen = templateIds.get(meta.data.id);
    if (seen) problems.push(`${frontAt(['id'])}: template id "${meta.data.id}" is also used by ${seen}`);
    templateIds.set(meta.data.id, file.path);
    bodyLines.set(name, parsed.bodyLine);
    templates.push({ ...parsed.parsed, meta: meta.data });
  }
  if (templates.length === 0 && problems.length === 0) problems.push('letters/: the pack has no letter templates');
  // User layers come later in `layers`; prefer their templates.
  const layerRank = new Map(layers.map((l, i) => [l.origin, i]));
  templates.sort((a, b) => (layerRank.get(b.origin) ?? 0) - (layerRank.get(a.origin) ?? 0));

  // Every variable, helper, partial and fact a template names must exist, in the context it is used.
  const checker = new TemplateChecker({
    root: letterShape(),
    helpers: KNOWN_HELPERS,
    partials: new Map([...partials].map(([name, p]) => [name, { ast: p.ast, origin: { file: p.file, lineOffset: 0 } }])),
    facts: factsOk ? new Set(facts.keys()) : undefined,
    ids: manifest ? ids : undefined,
  });
  for (const t of templates) checker.check(t.ast, { file: t.file, lineOffset: bodyLines.get(t.name) ?? 0 });
  for (const t of unlisted) checker.check(t.ast, { file: t.file, lineOffset: t.bodyLine });
  for (const [name, p] of partials) {
    if (!checker.calledPartials.has(name)) checker.check(p.ast, { file: p.file, lineOffset: 0 }, [name]);
  }
  problems.push(...checker.problems.map(formatProblem));

  // The manifest's own references.
  if (manifest && factsOk) {
    manifest.stances.forEach((stance, i) =>
      stance.facts.forEach((id, j) => {
        if (!facts.has(id)) problems.push(`${manifestAt(['stances', i, 'facts', j])}: stances[${i}].facts[${j}]: ${unknownFact(id, facts)}`);
      }),
    );
    manifest.regions.forEach((region, i) =>
      region.facts.forEach((id, j) => {
        if (!facts.has(id)) problems.push(`${manifestAt(['regions', i, 'facts', j])}: regions[${i}].facts[${j}]: unknown fact "${id}"`);
      }),
    );
    manifest.regions.forEach((region, i) =>
      region.recipients.forEach((r, j) => {
        if (r.basis && !facts.has(r.basis)) {
          problems.push(`${manifestAt(['regions', i, 'recipients', j, 'basis'])}: regions[${i}].recipients[${j}].basis: ${unknownFact(r.basis, facts)}`);
        }
      }),
    );
  }
  if (manifest) {
    const dupes = (list: { id: string }[], what: string, path: YamlPath) => {
      const seen = new Set<string>();
      list.forEach(({ id }, i) => {
        if (seen.has(id)) problems.push(`${manifestAt([...path, i])}: ${what} "${id}" is defined twice`);
        seen.add(id);
      });
    };
    dupes(manifest.regions, 'region', ['regions']);
    dupes(manifest.stances, 'stance', ['stances']);
    manifest.regions.forEach((r, i) => dupes(r.recipients, `recipient in region ${r.id}:`, ['regions', i, 'recipients']));
    if (manifest.regions.length === 0) problems.push(`${manifestAt(['regions'])}: regions: the pack defines no regions`);
    if (manifest.stances.length === 0) problems.push(`${manifestAt(['stances'])}: stances: the pack defines no stances`);
  }

  if (!manifest) throw new PackError(problems);
  // Letters untouched by any problem so far can still be rendered, so the one-page check runs
  // in the same pass and one run lists everything; a broken manifest or facts file stops it.
  const problemFiles = problems.map((p) => /^(.*?):\d+:\d+: /.exec(p)?.[1]);
  const renderable = problemFiles.every((f) => f !== undefined && !/(^|[/ ])(pack|facts)\.yaml$/.test(f));
  const sound = (t: LetterTemplate) =>
    !problemFiles.includes(t.file) && [...partialsUsed(t.ast, partials)].every((n) => !problemFiles.includes(partials.get(n)?.file));
  const checkable = renderable ? templates.filter(sound) : [];
  const used = new Set(checkable.flatMap((t) => [...partialsUsed(t.ast, partials)]));
  const pack: Pack = {
    name: manifest.name,
    language: manifest.language,
    countSource: manifest.countSource,
    spellings: manifest.spellings,
    regions: manifest.regions,
    stances: manifest.stances,
    facts,
    sources,
    templates: problems.length > 0 ? checkable : templates,
    partials: problems.length > 0 ? new Map([...partials].filter(([name]) => used.has(name))) : partials,
    handlebars: Handlebars.create(),
    layers: layers.map(({ origin, dir }) => ({ origin, dir })),
  };
  const pages = pageCheck(pack, (t) => !sameAsBase(layers, t, partials));
  problems.push(...pages.problems);
  pack.warnings = pages.warnings;
  if (problems.length > 0) throw new PackError(problems);
  return pack;
}

/** A fact id the manifest cites that the facts file lacks, with the nearest id there is. */
function unknownFact(id: string, facts: ReadonlyMap<string, unknown>): string {
  const near = closest(id, facts.keys());
  return `unknown fact "${id}"${near ? ` (did you mean "${near}"?)` : ''}`;
}

/** Control characters in any file of a layer, by line. */
function layerTextProblems(layer: RawLayer): string[] {
  const files = [layer.manifest, layer.facts, ...layer.letters.values(), ...layer.partials.values()];
  return files.flatMap((file) => (file ? controlCharProblems(file) : []));
}

/** Control characters that only YAML escapes ("\e") put in: a file with raw ones is reported by line already. */
function yamlTextProblems(file: TextFile, value: unknown, where: (path: YamlPath) => string): string[] {
  return controlCharProblems(file).length > 0 ? [] : yamlControlProblems(value, where);
}

/** What the facts file's schema cannot say: ids used twice, addresses that are not web pages, control characters. */
function factsFileProblems(file: TextFile, value: unknown, where: (path: YamlPath) => string): string[] {
  const lists = isObj(value) ? value : {};
  return [
    ...repeatedIdProblems(lists.facts, 'fact', where, ['facts']),
    ...repeatedIdProblems(lists.sources, 'source', where, ['sources']),
    ...urlProblems(value, where),
    ...yamlTextProblems(file, value, where),
  ];
}

/** Names of the partials a template calls, directly or through other partials. */
function partialsUsed(ast: hbs.AST.Program, partials: Map<string, ParsedTemplate>, found = new Set<string>()): Set<string> {
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as { type?: string; name?: { original?: string }; body?: unknown[]; program?: unknown; inverse?: unknown };
    if (n.type === 'PartialStatement') {
      const name = n.name?.original;
      const p = name === undefined ? undefined : partials.get(name);
      if (name !== undefined && p && !found.has(name)) {
        found.add(name);
        walk(p.ast);
      }
    }
    n.body?.forEach(walk);
    walk(n.program);
    walk(n.inverse);
  };
  walk(ast);
  return found;
}

/**
 * Whether a letter renders exactly as in the base (built-in) pack, which the build already
 * checked: the template, every partial it uses, the manifest and the facts all unchanged. Then
 * the one-page check can skip it, and a small pack over the built-in one loads quickly.
 */
function sameAsBase(layers: RawLayer[], template: LetterTemplate, partials: Map<string, ParsedTemplate>): boolean {
  const [base, ...over] = layers;
  if (!base || over.length === 0) return false;
  const same = (a: TextFile | undefined, b: TextFile | undefined) => a === undefined || (b !== undefined && a.text === b.text);
  if (!over.every((l) => same(l.manifest, base.manifest) && same(l.facts, base.facts))) return false;
  const top = (kind: 'letters' | 'partials', name: string) => [...layers].reverse().find((l) => l[kind].has(name))?.[kind].get(name);
  if (top('letters', template.name)?.text !== base.letters.get(template.name)?.text) return false;
  return [...partialsUsed(template.ast, partials)].every((name) => top('partials', name)?.text === base.partials.get(name)?.text);
}

export function loadPack(options: LoadPackOptions = {}): Pack {
  const layers = [readLayer(builtinPackDir(), 'built-in')];
  if (options.templatesDir) layers.push(readLayer(options.templatesDir, options.templatesDir));
  return buildPack(layers);
}
