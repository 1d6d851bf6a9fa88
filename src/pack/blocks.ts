/**
 * Why a template's blocks do not parse, in the file's own terms. Handlebars' parser reports a
 * missing {{/each}} as "expected 'OPEN_INVERSE_CHAIN', ... got 'EOF'" at the end of the file;
 * this scan of the mustache tags (comments and raw blocks skipped) finds the block left open, the
 * closer that closes nothing or the wrong block, an {{else}} outside any block, or a tag or
 * comment never closed, each at its own line and column. It runs only once Handlebars has failed.
 */
import { KNOWN_HELPERS } from './template-names.js';
import { closest } from '../closest.js';

export interface SyntaxProblem {
  line: number;
  column: number;
  message: string;
}

/** Where the scanned text sits in its file, so positions (also those inside messages) are the file's. */
export interface TextOrigin {
  lineOffset: number;
  /** Columns before the text on its first line. */
  columnOffset?: number;
}

interface Tag {
  kind: 'open' | 'close' | 'else';
  /** The helper's name; for an {{else}}, the helper it chains ("if" in {{else if x}}), or empty. */
  name: string;
  /** The tag as written, shortened if long: what the message quotes. */
  text: string;
  line: number;
  column: number;
}

const MAX_QUOTE = 40;

function positions(source: string, origin: TextOrigin) {
  const starts = [0];
  for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  return (index: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= index) lo = mid;
      else hi = mid - 1;
    }
    const column = index - (starts[lo] as number) + 1 + (lo === 0 ? (origin.columnOffset ?? 0) : 0);
    return { line: lo + 1 + origin.lineOffset, column };
  };
}

/** The index just past the `}}` that ends a tag whose inside starts at `from`, skipping quoted strings; -1 if another `{{` or the end comes first. */
function tagEnd(source: string, from: number): number {
  for (let k = from; k < source.length; k++) {
    const c = source[k];
    if (c === '"' || c === "'") {
      const close = source.indexOf(c, k + 1);
      if (close < 0) return -1;
      k = close;
    } else if (c === '}' && source[k + 1] === '}') return k + 2;
    else if (c === '{' && source[k + 1] === '{') return -1;
  }
  return -1;
}

/** The block tags of a template, in order, and the problems met while finding them. */
function scan(source: string, origin: TextOrigin): { tags: Tag[]; problems: SyntaxProblem[] } {
  const at = positions(source, origin);
  const tags: Tag[] = [];
  const problems: SyntaxProblem[] = [];
  const problem = (index: number, message: string) => problems.push({ ...at(index), message });
  let i = 0;
  for (let start = source.indexOf('{{', i); start >= 0; start = source.indexOf('{{', i)) {
    // \{{ is literal text; \\{{ is a backslash, then a tag.
    if (source[start - 1] === '\\' && source[start - 2] !== '\\') {
      i = start + 2;
      continue;
    }
    if (source.startsWith('{{{{', start)) {
      const open = source.indexOf('}}}}', start + 4);
      const name = open < 0 ? undefined : /^\s*([^\s}]+)/.exec(source.slice(start + 4, open))?.[1];
      if (!name || name.startsWith('/')) {
        problem(start, 'a raw block opener {{{{name}}}} is not finished; close it with }}}}');
        return { tags, problems };
      }
      const closer = `{{{{/${name}}}}}`;
      const close = source.indexOf(closer, open + 4);
      if (close < 0) {
        problem(start, `{{{{${name}}}}} is never closed: add ${closer}`);
        return { tags, problems };
      }
      i = close + closer.length;
      continue;
    }
    let j = start + 2;
    if (source[j] === '~') j++;
    if (source[j] === '!') {
      const long = source.startsWith('--', j + 1);
      const end = long ? /--~?\}\}/g : /\}\}/g;
      end.lastIndex = j + (long ? 3 : 1);
      const found = end.exec(source);
      if (!found) {
        problem(start, long ? 'this comment {{!-- is never closed: add --}}' : 'this comment {{! is never closed: add }}');
        return { tags, problems };
      }
      i = found.index + found[0].length;
      continue;
    }
    const end = tagEnd(source, j);
    // A tag not ended with }} runs to the next tag or the end of its line; it still counts as
    // the opener or closer it starts as, so the blocks around it are matched as meant.
    const stop = end >= 0 ? end : nextStop(source, j);
    if (end < 0) problem(start, `${quote(source.slice(start, stop).trimEnd())}: this tag is not ended with }}`);
    i = end < 0 ? stop : source[end] === '}' && source[start + 2] === '{' ? end + 1 : end;
    const inside = source
      .slice(j, end < 0 ? stop : end - 2)
      .replace(/\}+$/, '')
      .replace(/~$/, '')
      .trim();
    const tag = classify(inside);
    if (tag) tags.push({ ...tag, text: quote(end < 0 ? `${source.slice(start, stop).replace(/\}*\s*$/, '')}}}` : source.slice(start, i)), ...at(start) });
  }
  return { tags, problems };
}

/** Where a tag without its }} stops: the next tag or the end of its line. */
function nextStop(source: string, from: number): number {
  const stops = [source.indexOf('{{', from), source.indexOf('\n', from)].filter((k) => k >= 0);
  return stops.length > 0 ? Math.min(...stops) : source.length;
}

function classify(inside: string): Pick<Tag, 'kind' | 'name'> | undefined {
  const first = inside[0];
  const nameOf = (rest: string) => /^[>*]?\s*([^\s()~}]+)/.exec(rest.trim())?.[1] ?? '';
  if (first === '#') return { kind: 'open', name: nameOf(inside.slice(1)) };
  if (first === '/') return { kind: 'close', name: nameOf(inside.slice(1)) };
  if (first === '^') {
    const rest = inside.slice(1).trim();
    return rest === '' ? { kind: 'else', name: '' } : { kind: 'open', name: nameOf(rest) };
  }
  if (/^else(\s|$)/.test(inside)) return { kind: 'else', name: nameOf(inside.slice(4)) };
  return undefined;
}

function quote(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length <= MAX_QUOTE ? oneLine : `${oneLine.slice(0, MAX_QUOTE - 3)}…}}`;
}

/**
 * The block problems of a template that Handlebars could not parse: each block left open (at
 * its opener), each closer that closes nothing or the wrong block, each {{else}} outside a
 * block, each tag or comment never closed. Empty when the blocks are sound: the fault is
 * elsewhere, and Handlebars' own message is the one to show.
 */
export function blockProblems(source: string, origin: TextOrigin = { lineOffset: 0 }): SyntaxProblem[] {
  const { tags, problems } = scan(source, origin);
  const stack: Tag[] = [];
  // Blocks that have had their plain {{else}}: nothing may follow it but the closer.
  const ended = new Set<Tag>();
  const where = (t: Tag) => `${t.line}:${t.column}`;
  const neverClosed = (open: Tag, before?: Tag) =>
    problems.push({
      line: open.line,
      column: open.column,
      message: `${open.text} is never closed: add {{/${open.name}}}${before ? ` before ${before.text} at ${where(before)}` : ''}`,
    });
  for (const tag of tags) {
    if (tag.kind === 'open') {
      stack.push(tag);
      continue;
    }
    const top = stack.at(-1);
    if (tag.kind === 'else') {
      if (!top)
        problems.push({
          line: tag.line,
          column: tag.column,
          message: `${tag.text} is outside any block; it belongs between an opener such as {{#if ...}} and its {{/if}}`,
        });
      else if (ended.has(top)) {
        problems.push({
          line: tag.line,
          column: tag.column,
          message: `${tag.text} comes after the {{else}} of ${top.text} opened at ${where(top)}; a block has one {{else}}, last (use {{else if ...}} before it for more cases)`,
        });
      } else if (!tag.name) ended.add(top);
      continue;
    }
    if (top?.name === tag.name) {
      stack.pop();
      continue;
    }
    const match = stack.map((t) => t.name).lastIndexOf(tag.name);
    if (match >= 0) {
      // The blocks opened after the one this closes were left open.
      for (const open of stack.splice(match).slice(1).reverse()) neverClosed(open, tag);
    } else if (!top) {
      problems.push({
        line: tag.line,
        column: tag.column,
        message: `${tag.text} closes nothing: no {{#${tag.name}}} is open here; remove it, or add the {{#${tag.name} ...}} it should close`,
      });
    } else if (closest(tag.name, [top.name]) && KNOWN_HELPERS.has(tag.name) && !KNOWN_HELPERS.has(top.name)) {
      // The opener is the misspelt one: {{#eahc facts}}...{{/each}}.
      problems.push({
        line: top.line,
        column: top.column,
        message: `${top.text} does not match its closer ${tag.text} at ${where(tag)} (did you mean {{#${tag.name}}}?)`,
      });
      stack.pop();
    } else {
      const typo = closest(tag.name, [top.name]);
      problems.push({
        line: tag.line,
        column: tag.column,
        message: `${tag.text} does not match ${top.text} opened at ${where(top)}${typo ? ` (did you mean {{/${top.name}}}?)` : `; close that with {{/${top.name}}}`}`,
      });
      // Taken as the closer of the open block, misnamed: one mistake, one message.
      stack.pop();
    }
  }
  for (const open of stack) neverClosed(open);
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}
