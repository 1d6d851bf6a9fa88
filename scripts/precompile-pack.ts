/**
 * Build step: load and validate the built-in pack, then write its data and precompiled
 * template functions to dist/builtin-pack.js and the files beside it (see src/pack/builtin.ts).
 * A pack that does not validate fails the build with the loader's own messages.
 */
import { writeFileSync } from 'node:fs';
import { transformSync } from 'esbuild';
import { join } from 'node:path';
import { builtinLanguages, builtinPackDirFor } from '../src/pack/languages.js';
import type { Pack, ParsedTemplate } from '../src/pack/load.js';
import { validatePack } from '../src/render/page-check.js';
import { modesFile, packStamp, precompiledFile, regionFile, packText, sourcesFile, textFile, type BuiltinData } from '../src/pack/builtin.js';
import { astFor, compileOptions, modeKey, SMALL_OPTIONS, type Mode } from '../src/render/compile.js';

function modesOf(pack: Pack): Mode[] {
  const spellings = new Set(['gb', ...pack.regions.map((r) => r.spelling)]);
  return [false, true].flatMap((escape) => [...spellings].map((spelling) => ({ escape, spelling })));
}

/**
 * Handlebars' code generator, writing `lookupProperty = container.lookupProperty` where it would
 * write a fallback for runtimes older than 4.6 into every program: the runtime bundled with the
 * CLI has it, and the fallback was a twelfth of what every draft parses.
 */
function useLeanCompiler(hb: Pack['handlebars']): void {
  type Compiler = new () => object;
  const env = hb as unknown as { JavaScriptCompiler: Compiler };
  class Lean extends env.JavaScriptCompiler {}
  Object.assign(Lean.prototype, { compiler: Lean, lookupPropertyFunctionVarDeclaration: () => 'lookupProperty = container.lookupProperty' });
  env.JavaScriptCompiler = Lean;
}

type Node = hbs.AST.Node & { body?: Node[]; program?: Node; inverse?: Node; path?: { original?: unknown }; hash?: hbs.AST.Hash };
const blockName = (n: Node) => (n.type === 'BlockStatement' ? n.path?.original : undefined);

/** A {{#variant}} whose literal region filter names only other regions: `region` never renders it. */
function elsewhere(n: Node, region: string): boolean {
  if (blockName(n) !== 'variant') return false;
  const pair = n.hash?.pairs.find((p) => p.key === 'region');
  if (pair?.value.type !== 'StringLiteral') return false;
  return !(pair.value as hbs.AST.StringLiteral).value
    .split(',')
    .map((s) => s.trim())
    .includes(region);
}

/**
 * The template as one region renders it: without the phrasings filtered to other regions. Those
 * are never eligible for it, and the ones that are keep their order, so every pick is the same;
 * a draft for one region then parses a fraction of the pack's code.
 */
function forRegion<T extends ParsedTemplate>(t: T, region: string): T {
  const ast = structuredClone(t.ast) as unknown as Node;
  const walk = (node: Node | undefined): void => {
    if (!node) return;
    if (blockName(node) === 'variants' && node.program?.body) node.program.body = node.program.body.filter((c) => !elsewhere(c, region));
    node.body?.forEach(walk);
    walk(node.program);
    walk(node.inverse);
  };
  walk(ast);
  return { ...t, ast: ast as unknown as hbs.AST.Program };
}

/** Every built-in language's pack, each to its own files: a draft loads only the one it writes in. */
export function precompileBuiltinPacks(outDir: string): string[] {
  return builtinLanguages().map((language) => precompileBuiltinPack(outDir, language));
}

export function precompileBuiltinPack(outDir: string, language?: string): string {
  const dir = builtinPackDirFor(language);
  // Taken before the files are read: a file changed while the build runs counts as changed after it.
  const builtAt = Date.now();
  // Validated as `templates validate` does, one-page check included, so a build refuses a broken pack.
  const { pack, warnings } = validatePack({ baseDir: dir });
  for (const warning of warnings) console.warn(`warning, the built-in "${pack.language}" pack: ${warning}`);
  const hb = pack.handlebars;
  useLeanCompiler(hb);
  const data: BuiltinData = {
    name: pack.name,
    language: pack.language,
    countSource: pack.countSource,
    words: pack.words,
    spellings: pack.spellings,
    regions: pack.regions,
    stances: pack.stances,
    facts: [...pack.facts.values()],
    sources: [...pack.sources.values()],
    // Syntax trees and source text are left out: a precompiled pack never compiles, and only
    // `templates show` prints a source (it reads SOURCES_FILE).
    templates: pack.templates.map(({ ast: _ast, source: _source, ...t }) => t),
    partials: [...pack.partials.values()].map(({ ast: _ast, source: _source, ...p }) => p),
  };
  const sources = Object.fromEntries([...pack.templates, ...pack.partials.values()].map((t) => [t.file, t.source]));
  // JSON in a string literal: V8 reads it faster than the same object written as code.
  const json = (value: unknown) => `JSON.parse(${JSON.stringify(JSON.stringify(value))})`;
  const specObject = (entries: [string, string][]) => `{${entries.map(([k, spec]) => `${JSON.stringify(k)}: ${spec}`).join(',\n')}}`;
  const modeEntry = (mode: Mode, region?: string) => {
    const only = <T extends ParsedTemplate>(t: T) => (region ? forRegion(t, region) : t);
    const templates = pack.templates.map((t) => [t.meta.id, hb.precompile(astFor(pack, only(t), mode), compileOptions(mode))] as [string, string]);
    const partials = [...pack.partials.values()].map((p) => [p.name, hb.precompile(astFor(pack, only(p), mode), compileOptions(mode))] as [string, string]);
    return `${JSON.stringify(modeKey(mode))}: { templates: ${specObject(templates)}, partials: ${specObject(partials)} }`;
  };
  const smallSources = new Set(pack.regions.flatMap((r) => r.recipients.flatMap((x) => [x.salutation, ...x.address])));
  const small = [...smallSources].map((source) => [source, hb.precompile(source, SMALL_OPTIONS)] as [string, string]);
  // Minified: every draft parses these files, so their size is start-up time.
  const write = (name: string, code: string) =>
    writeFileSync(
      join(outDir, name),
      transformSync(`// Generated by scripts/precompile-pack.ts from the built-in pack. Do not edit.\n${code}`, {
        minify: true,
        format: 'esm',
        target: 'node20',
      }).code,
    );
  // One file of template functions per spelling and mode, for a caller that renders any region
  // or HTML; one per region for a text draft, the common case, which loads only what it renders.
  const spellings = [...new Set(modesOf(pack).map((m) => m.spelling))];
  for (const mode of modesOf(pack)) write(modesFile(mode.spelling, mode.escape, language), `export const modes = {${modeEntry(mode)}};\n`);
  for (const region of pack.regions)
    write(regionFile(region.id, language), `export const modes = {${modeEntry({ escape: false, spelling: region.spelling }, region.id)}};\n`);
  const file = join(outDir, precompiledFile(language));
  write(
    precompiledFile(language),
    `export const stamp = ${JSON.stringify(packStamp(dir).files)};
export const builtAt = ${builtAt};
export const data = ${json(data)};
export const spellings = ${JSON.stringify(spellings)};
export const small = ${specObject(small)};
`,
  );
  writeFileSync(join(outDir, textFile(language)), packText(dir));
  writeFileSync(join(outDir, sourcesFile(language)), JSON.stringify(sources));
  return file;
}
