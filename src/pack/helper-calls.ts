/**
 * What each helper asks of a call to it, beyond the names the call uses: how many arguments and
 * whether it takes a block, a fact id the facts file has, a section role, a variant's filters
 * and the ids they name. Each rule reports the node at fault; the checker gives it its place.
 */
import { closest } from '../closest.js';
import { FILTER_KEYS, SECTION_ROLES } from './template-names.js';

type Node = hbs.AST.Node;
type Expr = hbs.AST.Expression;
export type Call = hbs.AST.MustacheStatement | hbs.AST.BlockStatement | hbs.AST.SubExpression;
export type Report = (node: Node, message: string) => void;

/** Ids a {{#variant}} filter may name. */
export interface FilterIds {
  stance: ReadonlySet<string>;
  region: ReadonlySet<string>;
  recipient: ReadonlySet<string>;
}

/** Helpers and how they are called: arguments, and whether they take a block. */
const ARITY: Record<string, { params: number; block?: boolean }> = {
  if: { params: 1, block: true },
  unless: { params: 1, block: true },
  with: { params: 1, block: true },
  each: { params: 1, block: true },
  lookup: { params: 2 },
  fact: { params: 1 },
  eq: { params: 2 },
  variants: { params: 1, block: true },
  variant: { params: 0, block: true },
  section: { params: 1, block: true },
};

export function arityProblems(name: string, node: Call, report: Report): void {
  const arity = ARITY[name];
  if (!arity) return;
  if (arity.block && node.type !== 'BlockStatement') report(node, `${name} needs a block: {{#${name} ...}}...{{/${name}}}`);
  if (node.params.length !== arity.params) {
    const takes = arity.params === 0 ? 'no arguments' : arity.params === 1 ? 'one argument' : `${arity.params} arguments`;
    report(node, `${name} takes ${takes}, not ${node.params.length}`);
  }
}

/** {{fact "id"}}: the id must be in the facts file (unknown when that file is broken). */
export function factProblems(first: Expr | undefined, facts: ReadonlySet<string> | undefined, report: Report): void {
  if (first?.type !== 'StringLiteral' || !facts) return;
  const id = (first as hbs.AST.StringLiteral).value;
  if (facts.has(id)) return;
  const near = closest(id, facts);
  report(first, `unknown fact "${id}"${near ? ` (did you mean "${near}"?)` : `; the facts file has ${[...facts].join(', ') || 'none'}`}`);
}

/** {{#section "role"}}: one of the roles a letter's parts can have. */
export function sectionProblems(first: Expr | undefined, report: Report): void {
  const role = first?.type === 'StringLiteral' ? (first as hbs.AST.StringLiteral).value : undefined;
  if (!first || (SECTION_ROLES as readonly string[]).includes(role ?? '')) return;
  const near = role === undefined ? undefined : closest(role, SECTION_ROLES);
  report(
    first,
    `unknown section ${role === undefined ? describeExpr(first) : `"${role}"`}${near ? ` (did you mean "${near}"?)` : ''}; sections are ${SECTION_ROLES.join(', ')}`,
  );
}

/** {{#variant stance="..." region="..."}}: known filters, naming ids the pack has (unknown when the manifest is broken). */
export function variantFilterProblems(node: Call, ids: FilterIds | undefined, report: Report): void {
  for (const pair of node.hash?.pairs ?? []) {
    if (!(FILTER_KEYS as readonly string[]).includes(pair.key)) {
      const near = closest(pair.key, FILTER_KEYS);
      report(pair, `unknown variant filter "${pair.key}"${near ? ` (did you mean "${near}"?)` : ''}; filters are ${FILTER_KEYS.join(', ')}`);
      continue;
    }
    if (pair.key === 'locale' || pair.value.type !== 'StringLiteral' || !ids) continue;
    const known = ids[pair.key as keyof FilterIds];
    for (const id of (pair.value as hbs.AST.StringLiteral).value.split(',').map((s) => s.trim())) {
      if (known.has(id)) continue;
      const near = closest(id, known);
      report(
        pair.value,
        `variant filter ${pair.key}="${id}": no ${pair.key} has that id${near ? ` (did you mean "${near}"?)` : `; the pack has ${[...known].join(', ')}`}`,
      );
    }
  }
}

/** An argument as a message names it. */
export function describeExpr(expr: Expr | undefined): string {
  if (!expr) return 'nothing';
  if (expr.type === 'PathExpression') return (expr as hbs.AST.PathExpression).original;
  if (expr.type === 'StringLiteral') return `"${(expr as hbs.AST.StringLiteral).value}"`;
  return expr.type === 'SubExpression' ? 'a helper result' : 'a literal';
}
