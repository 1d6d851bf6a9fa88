/**
 * Whether a letter template only prints the writer's values, never looks inside them: then its
 * output for any writer is its output for placeholders with their values put in, which is what
 * lets render-memo.ts render a phrasing once for a whole bulk batch.
 *
 * A template fails the test if it passes a writer's value to a helper (`{{eq sender.city "x"}}`,
 * `{{fact story}}`), reads a property of one (`{{sender.name.length}}`), or does anything this
 * walk cannot follow (sub-expressions, `../` paths, block parameters, partials with arguments,
 * inline partials). Testing a value with if, unless, each or with is fine: whether it is empty,
 * and how many lines a list has, are part of the memo's key.
 */
import type { Pack, ParsedTemplate } from '../pack/load.js';
import { letterViewSchema, shapeOf, WRITER_VALUE_PATHS, type Shape } from './view.js';

type Node = hbs.AST.Node & { body?: hbs.AST.Statement[] };
/** Where `this` points, as a path from the view's root ('*' for a list item); undefined when unknown. */
type Context = string[] | undefined;

const WRITER = WRITER_VALUE_PATHS.map((p) => p.split('.'));
const VIEW = shapeOf(letterViewSchema);
const CONTEXT_HELPERS = new Set(['if', 'unless', 'each', 'with']);
const SAFE_DATA = new Set(['index', 'first', 'last', 'key']);

const samePart = (a: string, b: string) => a === b || (a === '*' && /^\d+$/.test(b)) || (b === '*' && /^\d+$/.test(a));
const startsWith = (path: string[], prefix: string[]) => prefix.length <= path.length && prefix.every((p, i) => samePart(p, path[i] as string));

/**
 * 'into': a property of a writer's value; 'writer': one; 'holds': an object or list with some
 * inside (sender); 'pack': nothing the writer typed (ids, pack text, how long a list is).
 */
function classify(path: string[]): 'into' | 'writer' | 'holds' | 'pack' {
  for (const w of WRITER) {
    if (startsWith(path, w)) return path.length > w.length ? 'into' : 'writer';
  }
  return WRITER.some((w) => startsWith(w, path)) ? 'holds' : 'pack';
}

function shapeAt(path: string[]): Shape | undefined {
  let shape: Shape | undefined = VIEW;
  for (const part of path) {
    if (shape?.kind === 'object') shape = shape.fields[part];
    else if (shape?.kind === 'list') shape = shape.of;
    else return undefined;
  }
  return shape;
}

function resolve(path: hbs.AST.PathExpression, context: Context): string[] | undefined {
  if (path.data) {
    if (path.parts[0] === 'root') return path.parts.slice(1);
    return path.parts.length === 1 && SAFE_DATA.has(path.parts[0] as string) ? ['@data'] : undefined;
  }
  if (path.depth > 0 || !context) return undefined;
  return [...context, ...path.parts];
}

export function isSubstitutable(pack: Pack, template: ParsedTemplate): boolean {
  const visiting = new Set<string>();

  /** A value a helper reads: a literal, or a path that holds nothing the writer typed. */
  const packValue = (value: hbs.AST.Expression, context: Context): boolean => {
    if (value.type === 'PathExpression') {
      const path = resolve(value as hbs.AST.PathExpression, context);
      return path !== undefined && classify(path) === 'pack';
    }
    return value.type === 'StringLiteral' || value.type === 'NumberLiteral' || value.type === 'BooleanLiteral';
  };
  const packArgs = (node: { params: hbs.AST.Expression[]; hash?: hbs.AST.Hash }, context: Context) =>
    node.params.every((p) => packValue(p, context)) && (node.hash?.pairs ?? []).every((pair) => packValue(pair.value, context));

  const walk = (node: Node | undefined, context: Context): boolean => {
    if (!node) return true;
    switch (node.type) {
      case 'Program':
        return (node as hbs.AST.Program).blockParams === undefined && (node.body ?? []).every((n) => walk(n as Node, context));
      case 'ContentStatement':
      case 'CommentStatement':
        return true;
      case 'MustacheStatement': {
        const m = node as hbs.AST.MustacheStatement;
        if (m.path.type !== 'PathExpression') return false;
        const path = m.path as hbs.AST.PathExpression;
        const helper = m.params.length > 0 || (m.hash?.pairs.length ?? 0) > 0 || pack.handlebars.helpers[path.original] !== undefined;
        if (helper) return !path.data && path.depth === 0 && path.parts.length === 1 && packArgs(m, context);
        const resolved = resolve(path, context);
        return resolved !== undefined && classify(resolved) !== 'into';
      }
      case 'BlockStatement': {
        const b = node as hbs.AST.BlockStatement;
        if (b.path.type !== 'PathExpression') return false;
        const name = (b.path as hbs.AST.PathExpression).original;
        let inner: Context = context;
        if (CONTEXT_HELPERS.has(name)) {
          // The one argument may be anything but a property of a writer's value.
          const [arg, ...rest] = b.params;
          if (!arg || rest.length > 0 || (b.hash?.pairs.length ?? 0) > 0 || arg.type !== 'PathExpression') return false;
          const path = resolve(arg as hbs.AST.PathExpression, context);
          if (!path || classify(path) === 'into') return false;
          const shape = shapeAt(path);
          if (name === 'each') inner = shape?.kind === 'list' ? [...path, '*'] : undefined;
          if (name === 'with') inner = shape?.kind === 'object' ? path : undefined;
        } else if (!packArgs(b, context)) return false;
        return walk(b.program as Node, inner) && walk(b.inverse as Node | undefined, context);
      }
      case 'PartialStatement': {
        const p = node as hbs.AST.PartialStatement;
        if (p.name.type !== 'PathExpression' || p.params.length > 0 || (p.hash?.pairs.length ?? 0) > 0) return false;
        const partial = pack.partials.get((p.name as hbs.AST.PathExpression).original);
        if (!partial) return false;
        const key = `${partial.name}\u0000${context?.join('.') ?? '?'}`;
        if (visiting.has(key)) return true;
        visiting.add(key);
        return walk(partial.ast as Node, context);
      }
      default:
        // Partial blocks, decorators, inline partials: not followed.
        return false;
    }
  };
  return walk(template.ast as Node, []);
}
