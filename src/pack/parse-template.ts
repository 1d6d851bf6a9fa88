/**
 * A template file parsed: its front matter (for a letter) and its Handlebars tree, with any
 * problem located in the file; the manifest's small name templates checked; and which partials a
 * template calls, to tell whether it renders as the built-in pack's does.
 */
import Handlebars from 'handlebars';
import { BUILTIN_HELPERS } from './template-names.js';
import { letterViewSchema, nameViewSchema, shapeOf, type Shape } from './view.js';
import { syntaxProblems } from './analyse.js';
import { TemplateChecker } from './check.js';
import type { RawLayer, TextFile } from './files.js';
import { isObj, type ParsedLayerYaml } from './layers.js';
import { MAX_NESTING, tooDeep } from './limits.js';
import { formatProblem } from './problem.js';
import type { LetterTemplate, ParsedTemplate } from './types.js';
import { parseYaml, type YamlPath } from './yaml-file.js';

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

export function parseTemplate(
  name: string,
  file: TextFile,
  origin: string,
  problems: string[],
  withFrontMatter: boolean,
):
  | { parsed: ParsedTemplate; frontMatter?: unknown; frontMatterAt?: Pick<ParsedLayerYaml, 'locate' | 'locateKey'>; bodyLine: number; broken?: true }
  | undefined {
  let body = file.text;
  let frontMatter: unknown;
  let frontMatterAt: Pick<ParsedLayerYaml, 'locate' | 'locateKey'> | undefined;
  let bodyLine = 0;
  if (withFrontMatter) {
    const match = FRONT_MATTER.exec(file.text);
    if (!match) {
      problems.push(
        `${file.path}:1:1: a letter template starts with a front-matter header between --- lines (id, description, regions, recipients, stances, formats, language)`,
      );
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
    problems.push(
      `${file.path}:${deep.line + bodyLine}:${deep.column}: blocks are nested ${deep.depth > MAX_NESTING ? `more than ${MAX_NESTING}` : deep.depth} deep; a letter needs far fewer`,
    );
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
export function checkNameTemplates(layer: ParsedLayerYaml, problems: string[]): void {
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
export const letterShape = () => (letterShapeCache ??= shapeOf(letterViewSchema));
const nameShape = () => (nameShapeCache ??= shapeOf(nameViewSchema));

/** Names of the partials a template calls, directly or through other partials. */
export function partialsUsed(ast: hbs.AST.Program, partials: Map<string, ParsedTemplate>, found = new Set<string>()): Set<string> {
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
export function sameAsBase(layers: RawLayer[], template: LetterTemplate, partials: Map<string, ParsedTemplate>): boolean {
  const [base, ...over] = layers;
  if (!base || over.length === 0) return false;
  const same = (a: TextFile | undefined, b: TextFile | undefined) => a === undefined || (b !== undefined && a.text === b.text);
  if (!over.every((l) => same(l.manifest, base.manifest) && same(l.facts, base.facts))) return false;
  const top = (kind: 'letters' | 'partials', name: string) =>
    [...layers]
      .reverse()
      .find((l) => l[kind].has(name))
      ?.[kind].get(name);
  if (top('letters', template.name)?.text !== base.letters.get(template.name)?.text) return false;
  return [...partialsUsed(template.ast, partials)].every((name) => top('partials', name)?.text === base.partials.get(name)?.text);
}
