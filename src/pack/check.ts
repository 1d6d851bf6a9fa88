/**
 * Checking a parsed template against what it can see, before anything renders: every variable
 * against the view model (src/pack/view.ts), following the context into {{#each}} and
 * {{#with}}, every helper (what each asks of its call is in helper-calls.ts), every partial
 * (checked where it is called, in the caller's context). Each problem carries file, line and column.
 */
import { closest } from '../closest.js';
import { arityProblems, type Call, describeExpr, factProblems, type FilterIds, sectionProblems, variantFilterProblems } from './helper-calls.js';
import { expansions, MAX_EXPANSIONS, MAX_NESTING } from './limits.js';
import { formatProblem, type Origin, type PartialSource, type Problem } from './problem.js';
import type { Shape } from './view.js';

type Node = hbs.AST.Node;
type Expr = hbs.AST.Expression;

export interface CheckEnv {
  root: Shape;
  helpers: ReadonlySet<string>;
  partials: ReadonlyMap<string, PartialSource>;
  /** Known fact ids, or undefined when the facts file itself is broken (said once elsewhere). */
  facts?: ReadonlySet<string>;
  /** Ids a {{#variant}} filter may name; undefined when the manifest is broken (said elsewhere). */
  ids?: FilterIds;
}

interface Scope {
  origin: Origin;
  /** contexts[0] is `this`; `../` goes one further. */
  contexts: Shape[];
  params: ReadonlyMap<string, Shape>;
  inEach: boolean;
  inVariants: boolean;
  /** Partials being expanded, to catch one that calls itself. */
  chain: string[];
  depth: number;
}

const ANY: Shape = { kind: 'any' };
const TEXT: Shape = { kind: 'text' };
const FLAG: Shape = { kind: 'flag' };
const NUMBER: Shape = { kind: 'number' };
const DATA_VARS: Record<string, Shape> = { index: NUMBER, first: FLAG, last: FLAG, key: TEXT };
const PROTOTYPE_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype).concat(['prototype']));

const isSimple = (p: hbs.AST.PathExpression) => p.parts.length === 1 && !p.data && p.depth === 0 && !/^(this|\.)/.test(p.original);

export class TemplateChecker {
  readonly problems: Problem[] = [];
  private readonly keys = new Set<string>();
  private readonly expanded = new Set<string>();
  /** Partials checked from a call site; the others are checked on their own afterwards. */
  readonly calledPartials = new Set<string>();
  private readonly shapeIds = new WeakMap<Shape, number>();
  private readonly expansionMemo = new Map<string, number>();
  private deepReported = false;

  constructor(private readonly env: CheckEnv) {}

  /** Checks a template (or a partial on its own) against the root view. */
  check(ast: hbs.AST.Program, origin: Origin, chain: string[] = []): void {
    if (chain.length === 0 && expansions(ast, this.env.partials, this.expansionMemo) > MAX_EXPANSIONS) {
      this.report({ origin } as Scope, ast, `expands partials more than ${MAX_EXPANSIONS} times; simplify how partials call each other`);
    }
    this.deepReported = false;
    this.visit(ast, { origin, contexts: [this.env.root], params: new Map(), inEach: false, inVariants: false, chain, depth: 0 });
  }

  private report(scope: Pick<Scope, 'origin'>, node: Node, message: string): void {
    const start = node.loc?.start ?? { line: 1, column: 0 };
    const { file, lineOffset, columnOffset = 0 } = scope.origin;
    const problem = { file, line: start.line + lineOffset, column: start.column + 1 + (start.line === 1 ? columnOffset : 0), message };
    const key = formatProblem(problem);
    if (this.keys.has(key)) return;
    this.keys.add(key);
    this.problems.push(problem);
  }

  private nextShapeId = 0;
  private shapeId(shape: Shape): number {
    let id = this.shapeIds.get(shape);
    if (id === undefined) {
      id = this.nextShapeId++;
      this.shapeIds.set(shape, id);
    }
    return id;
  }

  private visit(node: Node | null | undefined, scope: Scope): void {
    if (!node) return;
    switch (node.type) {
      case 'Program':
        for (const child of (node as hbs.AST.Program).body) this.visit(child, scope);
        return;
      case 'MustacheStatement':
        return this.mustache(node as hbs.AST.MustacheStatement, scope);
      case 'BlockStatement':
        return this.block(node as hbs.AST.BlockStatement, scope);
      case 'PartialStatement':
      case 'PartialBlockStatement':
        return this.partial(node as hbs.AST.PartialStatement, scope);
      case 'Decorator':
      case 'DecoratorBlock':
        this.report(scope, node, 'decorators ({{* ...}}, inline partials) are not supported; put a partial in partials/ instead');
        return;
      default:
        return;
    }
  }

  private mustache(node: hbs.AST.MustacheStatement, scope: Scope): void {
    if (node.escaped === false) {
      this.report(scope, node, "triple braces {{{ }}} print without HTML escaping, which lets a writer's text inject HTML; use {{ }}");
    }
    if (node.path.type !== 'PathExpression') return;
    const path = node.path as hbs.AST.PathExpression;
    const callsHelper = node.params.length > 0 || (node.hash?.pairs.length ?? 0) > 0 || (isSimple(path) && this.env.helpers.has(path.original));
    const shape = callsHelper ? this.call(node, scope).shape : this.resolve(path, scope);
    if (shape.kind === 'object' || shape.kind === 'list') {
      const what =
        shape.kind === 'object'
          ? `an object; print one of its fields, like {{${path.original}.${Object.keys(shape.fields)[0]}}}`
          : 'a list; print its items with {{#each}}';
      this.report(scope, node, `{{${path.original}}} would print ${what}`);
    }
  }

  private block(node: hbs.AST.BlockStatement, scope: Scope): void {
    const depth = scope.depth + 1;
    if (depth > MAX_NESTING) {
      if (!this.deepReported) this.report(scope, node, `blocks are nested more than ${MAX_NESTING} deep`);
      this.deepReported = true;
      return;
    }
    const { inner } = this.call(node, scope);
    this.visit(node.program, { ...inner, depth });
    this.visit(node.inverse, { ...scope, depth });
  }

  /** A helper call: checks name, arguments and filters; says what it returns and the block's scope. */
  private call(node: Call, scope: Scope): { shape: Shape; inner: Scope } {
    const isBlock = node.type === 'BlockStatement';
    const path = node.path as hbs.AST.PathExpression;
    const report = (at: Node, message: string) => this.report(scope, at, message);
    const params = node.params.map((p) => this.expr(p, scope));
    for (const pair of node.hash?.pairs ?? []) this.expr(pair.value, scope);
    let inner: Scope = scope;
    if (node.path.type !== 'PathExpression' || !isSimple(path) || !this.env.helpers.has(path.original)) {
      const name = node.path.type === 'PathExpression' ? path.original : '(literal)';
      const near = closest(name, this.env.helpers);
      this.report(
        scope,
        node.path,
        `unknown helper "${name}"${near ? ` (did you mean "${near}"?)` : `; templates can use ${[...this.env.helpers].join(', ')}`}`,
      );
      return { shape: ANY, inner };
    }
    const name = path.original;
    arityProblems(name, node, report);
    const first = node.params[0];
    const blockParams = isBlock ? ((node as hbs.AST.BlockStatement).program.blockParams ?? []) : [];
    if (blockParams.length > 0 && name !== 'each' && name !== 'with') {
      this.report(scope, node, `block parameters (as |x|) only work with #each and #with`);
    }
    const withParams = (shapes: Shape[]) => {
      if (blockParams.length === 0) return scope.params;
      const next = new Map(scope.params);
      blockParams.forEach((p, i) => next.set(p, shapes[i] ?? ANY));
      return next;
    };
    switch (name) {
      case 'each': {
        const list = params[0] ?? ANY;
        let item: Shape = ANY;
        if (list.kind === 'list') item = list.of;
        else if (list.kind === 'text' || list.kind === 'flag' || list.kind === 'number') {
          this.report(
            scope,
            first ?? node,
            `#each needs a list, and ${describeExpr(first)} is ${list.kind === 'text' ? 'text' : list.kind === 'flag' ? 'true or false' : 'a number'}`,
          );
        }
        inner = { ...scope, contexts: [item, ...scope.contexts], params: withParams([item, list.kind === 'list' ? NUMBER : TEXT]), inEach: true };
        break;
      }
      case 'with': {
        const value = params[0] ?? ANY;
        inner = { ...scope, contexts: [value, ...scope.contexts], params: withParams([value]) };
        break;
      }
      case 'fact':
        factProblems(first, this.env.facts, report);
        return { shape: TEXT, inner };
      case 'eq':
        return { shape: FLAG, inner };
      case 'lookup':
        return { shape: this.lookup(node, params, scope), inner };
      case 'variants':
        if (first && first.type !== 'StringLiteral') this.report(scope, first, 'variants needs a section name in quotes, like {{#variants "opening"}}');
        inner = { ...scope, inVariants: true };
        break;
      case 'section':
        sectionProblems(first, report);
        break;
      case 'variant':
        if (!scope.inVariants) this.report(scope, node, '{{#variant}} must sit inside {{#variants "name"}}...{{/variants}}');
        variantFilterProblems(node, this.env.ids, report);
        inner = { ...scope, inVariants: false };
        break;
      default:
        break;
    }
    return { shape: ANY, inner };
  }

  private lookup(node: Call, params: Shape[], scope: Scope): Shape {
    const [target, key] = [params[0] ?? ANY, node.params[1]];
    if (!key || (key.type !== 'StringLiteral' && key.type !== 'NumberLiteral')) return ANY;
    const name = String((key as hbs.AST.StringLiteral).value);
    return this.step(target, name, describeExpr(node.params[0]), key, scope);
  }

  private expr(expr: Expr, scope: Scope): Shape {
    switch (expr.type) {
      case 'PathExpression':
        return this.resolve(expr as hbs.AST.PathExpression, scope);
      case 'SubExpression':
        return this.call(expr as hbs.AST.SubExpression, scope).shape;
      case 'StringLiteral':
        return TEXT;
      case 'NumberLiteral':
        return NUMBER;
      case 'BooleanLiteral':
        return FLAG;
      default:
        return ANY;
    }
  }

  private resolve(path: hbs.AST.PathExpression, scope: Scope): Shape {
    const parts = path.parts;
    if (path.data) {
      const [head = '', ...rest] = parts;
      if (head === 'root') return this.walk(this.env.root, rest, '@root', path, scope);
      const value = DATA_VARS[head];
      if (!value) {
        this.report(scope, path, `unknown data variable "@${head}"; templates can use @root, and @index, @first, @last and @key inside {{#each}}`);
        return ANY;
      }
      if (!scope.inEach) this.report(scope, path, `@${head} only has a value inside {{#each}}`);
      return this.walk(value, rest, `@${head}`, path, scope);
    }
    const head = parts[0];
    if (head !== undefined && path.depth === 0 && !/^(this|\.)/.test(path.original) && scope.params.has(head)) {
      return this.walk(scope.params.get(head) as Shape, parts.slice(1), head, path, scope);
    }
    const context = scope.contexts[path.depth];
    if (!context) {
      this.report(scope, path, `"${path.original}" goes above the top of the letter`);
      return ANY;
    }
    const prefix = path.depth > 0 ? '../'.repeat(path.depth).slice(0, -1) : /^(this|\.)/.test(path.original) ? 'this' : '';
    return this.walk(context, parts, prefix, path, scope);
  }

  private walk(shape: Shape, parts: string[], prefix: string, node: Node, scope: Scope): Shape {
    let here = shape;
    let name = prefix;
    for (const [i, part] of parts.entries()) {
      here = this.step(here, part, name, node, scope, parts.slice(i + 1));
      name = name ? `${name}.${part}` : part;
      if (here === ANY) return ANY;
    }
    return here;
  }

  /** One step into a value: `name` is where we are, `part` the field asked for. */
  private step(shape: Shape, part: string, name: string, node: Node, scope: Scope, rest: string[] = []): Shape {
    const join = (...xs: string[]) => xs.filter(Boolean).join('.');
    const full = join(name, part, ...rest);
    if (PROTOTYPE_NAMES.has(part) || part.startsWith('__')) {
      this.report(scope, node, `"${full}" is not a template variable: templates cannot reach JavaScript prototypes`);
      return ANY;
    }
    switch (shape.kind) {
      case 'any':
        return ANY;
      case 'object': {
        const field = shape.fields[part];
        if (field) return field;
        const fields = Object.keys(shape.fields);
        const near = closest(part, fields);
        const where = name ? `${name} has` : 'templates can use';
        this.report(scope, node, `unknown variable "${full}"${near ? ` (did you mean "${join(name, near, ...rest)}"?)` : ''}; ${where} ${fields.join(', ')}`);
        return ANY;
      }
      case 'list':
        if (part === 'length') return NUMBER;
        if (/^\d+$/.test(part)) return shape.of;
        this.report(scope, node, `unknown variable "${full}": ${name || 'this'} is a list; use {{#each ${name || 'this'}}} or ${join(name, 'length')}`);
        return ANY;
      default:
        this.report(
          scope,
          node,
          `unknown variable "${full}": ${name || 'this'} is ${shape.kind === 'text' ? 'text' : shape.kind === 'flag' ? 'true or false' : 'a number'} and has no fields`,
        );
        return ANY;
    }
  }

  private partial(node: hbs.AST.PartialStatement, scope: Scope): void {
    const nameType = (node.name as { type: string }).type;
    if (nameType !== 'PathExpression' && nameType !== 'StringLiteral') {
      this.report(scope, node, 'partials must be named, not computed');
      return;
    }
    const name = String((node.name as hbs.AST.PathExpression).original ?? (node.name as unknown as hbs.AST.StringLiteral).value);
    if ((node as Node).type === 'PartialBlockStatement') {
      this.report(scope, node, 'partial blocks ({{#> ...}}) are not supported; use {{> name}}');
      return;
    }
    const partial = this.env.partials.get(name);
    const params = node.params.map((p) => this.expr(p, scope));
    const hash = (node.hash?.pairs ?? []).map((pair) => [pair.key, this.expr(pair.value, scope)] as const);
    if (!partial) {
      const near = closest(name, this.env.partials.keys());
      this.report(
        scope,
        node,
        `unknown partial "${name}"${near ? ` (did you mean "${near}"?)` : `; partials/ has ${[...this.env.partials.keys()].join(', ') || 'none'}`}`,
      );
      return;
    }
    if (scope.chain.includes(name)) {
      this.report(scope, node, `partial "${name}" calls itself (${[...scope.chain, name].join(' > ')}), which never ends`);
      return;
    }
    this.calledPartials.add(name);
    let context = params[0] ?? scope.contexts[0] ?? ANY;
    if (hash.length > 0) {
      context = context.kind === 'object' ? { kind: 'object', fields: { ...context.fields, ...Object.fromEntries(hash) } } : ANY;
    }
    const contexts = context === scope.contexts[0] ? scope.contexts : [context, ...scope.contexts];
    const inner: Scope = { ...scope, origin: partial.origin, contexts, chain: [...scope.chain, name] };
    const key = [
      name,
      inner.inEach,
      inner.inVariants,
      inner.depth,
      ...contexts.map((c) => this.shapeId(c)),
      ...[...inner.params].flatMap(([k, v]) => [k, this.shapeId(v)]),
    ].join('|');
    if (this.expanded.has(key)) return;
    this.expanded.add(key);
    this.visit(partial.ast, inner);
  }
}
