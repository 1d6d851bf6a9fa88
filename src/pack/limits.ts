/**
 * Limits that keep a hostile template from hurting the program: nesting deep enough to overflow
 * Handlebars' recursive parser, and partials that expand without end.
 */
import type { PartialSource } from './problem.js';

type Node = hbs.AST.Node;

/** Deeper than this and a template is refused before Handlebars parses it (its parser recurses). */
export const MAX_NESTING = 32;
/** A letter may expand partials at most this many times: a pack cannot make render explode. */
export const MAX_EXPANSIONS = 2000;

/**
 * Refuses nesting deeper than MAX_NESTING (blocks or sub-expressions) by a plain scan, so a
 * hostile template cannot send Handlebars' parser into a stack overflow or minutes of work.
 */
export function tooDeep(text: string): { line: number; column: number; depth: number } | undefined {
  const blanked = text.replace(/\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}/g, (m) => m.replace(/[^\n]/g, ' '));
  const tag = /\{\{~?\s*([#^/])?([^}]*)/g;
  let depth = 0;
  for (let m = tag.exec(blanked); m; m = tag.exec(blanked)) {
    const kind = m[1];
    const rest = (m[2] ?? '').trim();
    if (kind === '/') depth = Math.max(0, depth - 1);
    else if (kind === '#' || (kind === '^' && rest !== '' && rest !== '~')) depth++;
    let parens = 0;
    let deepest = 0;
    for (const ch of rest) {
      if (ch === '(') deepest = Math.max(deepest, ++parens);
      else if (ch === ')') parens--;
    }
    if (depth > MAX_NESTING || deepest > MAX_NESTING) {
      const before = blanked.slice(0, m.index).split('\n');
      return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1, depth: Math.max(depth, deepest) };
    }
  }
  return undefined;
}

/** How many partial expansions rendering this tree needs, at most; Infinity for a cycle. */
export function expansions(ast: hbs.AST.Program, partials: ReadonlyMap<string, PartialSource>, memo: Map<string, number>, stack: string[] = []): number {
  let total = 0;
  const walk = (node: Node | null | undefined): void => {
    if (!node || total > MAX_EXPANSIONS) return;
    const n = node as unknown as { type: string; body?: Node[]; program?: Node; inverse?: Node; name?: { original?: string } };
    if (n.type === 'PartialStatement' || n.type === 'PartialBlockStatement') {
      const name = n.name?.original ?? '';
      const p = partials.get(name);
      if (p) {
        if (stack.includes(name)) total = Infinity;
        else {
          let count = memo.get(name);
          if (count === undefined) {
            count = expansions(p.ast, partials, memo, [...stack, name]);
            memo.set(name, count);
          }
          total += 1 + count;
        }
      }
    }
    n.body?.forEach(walk);
    walk(n.program);
    walk(n.inverse);
  };
  walk(ast);
  return total;
}
