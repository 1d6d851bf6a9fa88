/**
 * Walks a parsed Handlebars template to find what it refers to, so a misspelt partial, helper
 * or fact id is reported when the pack loads, with file:line:column, not halfway through a
 * batch of letters.
 */

type Node = hbs.AST.Node;
type Expr = hbs.AST.Expression;


export interface Reference {
  kind: 'partial' | 'helper' | 'fact' | 'dynamic-partial';
  name: string;
  line: number;
  column: number;
}

function isHelperCall(node: { params: Expr[]; hash?: hbs.AST.Hash }): boolean {
  return node.params.length > 0 || (node.hash?.pairs.length ?? 0) > 0;
}

export function collectReferences(program: hbs.AST.Program): Reference[] {
  const refs: Reference[] = [];
  const at = (node: Node) => ({ line: node.loc.start.line, column: node.loc.start.column + 1 });

  const visitCall = (node: hbs.AST.MustacheStatement | hbs.AST.BlockStatement | hbs.AST.SubExpression) => {
    if (node.path.type === 'PathExpression') {
      const p = node.path as hbs.AST.PathExpression;
      const simple = p.parts.length === 1 && !p.data && p.depth === 0 && !/^this\b/.test(p.original);
      // A block, a sub-expression or a mustache with arguments calls a helper; {{name}} alone
      // is a variable.
      const isCall = node.type !== 'MustacheStatement' || isHelperCall(node);
      if (simple && isCall) {
        const name = p.parts[0] ?? p.original;
        refs.push({ kind: 'helper', name, ...at(p) });
        const first = node.params[0];
        if (name === 'fact' && first && first.type === 'StringLiteral') {
          refs.push({ kind: 'fact', name: (first as hbs.AST.StringLiteral).value, ...at(first) });
        }
      }
    }
    node.params.forEach(visitExpr);
    node.hash?.pairs.forEach((pair: hbs.AST.HashPair) => visitExpr(pair.value));
  };

  const visitExpr = (expr: Expr) => {
    if (expr.type === 'SubExpression') visitCall(expr as hbs.AST.SubExpression);
  };

  const visit = (node: Node | null | undefined): void => {
    if (!node) return;
    switch (node.type) {
      case 'Program':
        (node as hbs.AST.Program).body.forEach(visit);
        break;
      case 'MustacheStatement':
        visitCall(node as hbs.AST.MustacheStatement);
        break;
      case 'BlockStatement':
      case 'DecoratorBlock': {
        const block = node as hbs.AST.BlockStatement;
        visitCall(block);
        visit(block.program);
        visit(block.inverse);
        break;
      }
      case 'PartialStatement':
      case 'PartialBlockStatement': {
        const partial = node as hbs.AST.PartialStatement;
        if (partial.name.type === 'PathExpression') {
          refs.push({ kind: 'partial', name: (partial.name as hbs.AST.PathExpression).original, ...at(partial) });
        } else if (partial.name.type === 'SubExpression') {
          refs.push({ kind: 'dynamic-partial', name: '(expression)', ...at(partial) });
        } else {
          refs.push({ kind: 'partial', name: String((partial.name as unknown as hbs.AST.StringLiteral).value), ...at(partial) });
        }
        partial.params.forEach(visitExpr);
        if (node.type === 'PartialBlockStatement') visit((node as unknown as { program: Node }).program);
        break;
      }
      default:
        break;
    }
  };
  visit(program);
  return refs;
}

/** Line and column of a Handlebars parse error, read from its message where it has no fields. */
export function parseErrorLocation(error: unknown, source: string): { line: number; column: number; reason: string } {
  const e = error as { message?: string; lineNumber?: number; column?: number };
  const message = String(e.message ?? error);
  if (typeof e.lineNumber === 'number') {
    return { line: e.lineNumber, column: (e.column ?? 0) + 1, reason: message.replace(/ - \d+:\d+$/, '') };
  }
  const lines = message.split('\n');
  const line = Number(/line (\d+)/.exec(lines[0] ?? '')?.[1] ?? 1);
  const context = lines[1] ?? '';
  const caret = (lines[2] ?? '').indexOf('^');
  const past = caret >= 0 ? context.slice(0, caret) : '';
  const sourceLine = source.split(/\r?\n/)[line - 1] ?? '';
  let column = 1;
  for (let k = Math.min(past.length, sourceLine.length); k > 0; k--) {
    if (sourceLine.startsWith(past.slice(past.length - k))) {
      column = k + 1;
      break;
    }
  }
  const reason = (lines[3] ?? lines[0] ?? 'syntax error').replace(/^Expecting /, 'expected ');
  return { line, column, reason };
}
