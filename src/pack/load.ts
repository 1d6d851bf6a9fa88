/**
 * Loading a template pack: the built-in pack, with a user's pack layered over it. Every problem
 * found (YAML, schema, Handlebars syntax, unknown facts, partials or helpers) is collected and
 * reported together, each with its file and place, so one run lists them all.
 */
import Handlebars from 'handlebars';
import { PackError } from '../errors.js';
import { KNOWN_HELPERS } from './template-names.js';
import { closest } from '../closest.js';
import { TemplateChecker } from './check.js';
import { readLayer, type RawLayer, type TextFile } from './files.js';
import { baseDirFor } from './languages.js';
import { at, zodIssuesAt, type ParsedLayerYaml } from './layers.js';
import { readFacts } from './load-facts.js';
import { manifestProblems, readManifest } from './load-manifest.js';
import { layerTextProblems, yamlTextProblems } from './pack-text.js';
import { letterShape, parseTemplate, partialsUsed, sameAsBase } from './parse-template.js';
import { formatProblem } from './problem.js';
import { frontMatterSchema } from './schema.js';
import type { LetterTemplate, LoadPackOptions, Pack, ParsedTemplate } from './types.js';
import type { YamlPath } from './yaml-file.js';

// The pack's types live in types.ts, so the renderer can use them without importing the loader.
export type { LetterTemplate, LoadPackOptions, Pack, PackFact, ParsedTemplate, PrecompiledPack, TemplateFn } from './types.js';

/**
 * What reading a pack's layers found. With problems, `pack` (absent when the manifest is broken)
 * holds only the letters no problem touches, so the one-page check (src/render/page-check.ts),
 * which renders them, can run in the same pass and one run lists everything.
 */
export interface PackReading {
  pack: Pack | undefined;
  problems: string[];
  /** The letters the one-page check renders: the user's own, and built-in ones whose partials, manifest or facts a user's layer changed. */
  toRender: ReadonlySet<LetterTemplate>;
}

/** Reads a pack from raw layers (built-in first) and checks all that can be checked without rendering. */
export function readPack(layers: RawLayer[]): PackReading {
  const problems: string[] = layers.flatMap((l) => l.problems ?? []);
  problems.push(...layers.flatMap(layerTextProblems));

  const { manifest, manifestAt, words } = readManifest(layers, problems);
  const { facts, sources, factsOk } = readFacts(layers, problems);

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
    const frontAt = (path: YamlPath, key?: boolean) =>
      at({ file: file.path, ...(parsed.frontMatterAt as Pick<ParsedLayerYaml, 'locate' | 'locateKey'>) }, path, key);
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
          problems.push(
            `${frontAt([key, i])}: ${key}: no ${key.slice(0, -1)} "${id}" in the pack${near ? ` (did you mean "${near}"?)` : `; use "*" or one of ${[...known].join(', ')}`}`,
          );
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

  if (manifest) problems.push(...manifestProblems(manifest, facts, factsOk, manifestAt));

  if (!manifest) return { pack: undefined, problems, toRender: new Set() };
  // Letters untouched by any problem so far can still be rendered; a broken manifest or facts file stops that.
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
    words,
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
  return { pack, problems, toRender: new Set(pack.templates.filter((t) => !sameAsBase(layers, t, partials))) };
}

/**
 * Builds a Pack from raw layers (built-in first), refusing it with every problem found. Pure apart
 * from the Handlebars instance. Nothing is rendered: `templates validate` adds the one-page check.
 */
export function buildPack(layers: RawLayer[]): Pack {
  const { pack, problems } = readPack(layers);
  if (!pack || problems.length > 0) throw new PackError(problems);
  return pack;
}

/** The layers a pack is read from: the built-in pack (in the user's pack's language), then the user's. */
export function readLayers(options: LoadPackOptions = {}): RawLayer[] {
  const user = options.templatesDir ? readLayer(options.templatesDir, options.templatesDir) : undefined;
  const layers = [readLayer(options.baseDir ?? baseDirFor(user?.manifest?.text), 'built-in')];
  if (user) layers.push(user);
  return layers;
}

export function loadPack(options: LoadPackOptions = {}): Pack {
  return buildPack(readLayers(options));
}
