import { blockProblems, type SyntaxProblem, type TextOrigin } from './blocks.js';

/** Where a Handlebars parse error points: line and column, from its fields or its message. */
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

/**
 * What to say about a template Handlebars could not parse: each block left open or closed
 * wrongly, at its own place (see blocks.ts); else Handlebars' own message, at the place it names.
 */
export function syntaxProblems(error: unknown, source: string, origin: TextOrigin): SyntaxProblem[] {
  const blocks = blockProblems(source, origin);
  if (blocks.length > 0) return blocks;
  const loc = parseErrorLocation(error, source);
  return [
    {
      line: loc.line + origin.lineOffset,
      column: loc.column + (loc.line === 1 ? (origin.columnOffset ?? 0) : 0),
      message: `Handlebars syntax error: ${loc.reason}`,
    },
  ];
}
