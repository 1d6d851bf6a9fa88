/**
 * Checks on a pack's text that its schema cannot express: a pack is shared between campaigners,
 * so what it prints must not be able to drive a terminal (escape sequences), cite a source that
 * runs code when clicked (javascript:, data:), or say two things under one id.
 */
import type { RawLayer, TextFile } from './files.js';
import type { YamlPath } from './yaml-file.js';

/**
 * Control characters, as user input refuses them: C0 but tab, line feed and the carriage
 * return of a CRLF line end; DEL; C1 (0x80-0x9F, which terminals read as ESC sequences too).
 */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|\r(?!\n)/g;

/** How a control character is named in a message. */
export function controlName(ch: string): string {
  const code = ch.charCodeAt(0);
  const names: Record<number, string> = { 0: 'NUL', 7: 'BEL', 8: 'BS', 13: 'a lone CR', 27: 'ESC', 127: 'DEL', 155: 'CSI', 157: 'OSC' };
  return `${names[code] ?? 'a control character'} (U+${code.toString(16).toUpperCase().padStart(4, '0')})`;
}

/** Problems for each line of a pack file's text that holds a control character. */
export function controlCharProblems(file: TextFile): string[] {
  const problems: string[] = [];
  file.text.split(/\r?\n/).forEach((line, i) => {
    const m = new RegExp(CONTROL.source).exec(line);
    if (m) problems.push(`${file.path}:${i + 1}:${m.index + 1}: holds ${controlName(m[0])}; pack text must be plain text, since a terminal would act on it`);
  });
  return problems;
}

type Where = (path: YamlPath) => string;

/** Every string in parsed YAML, with its path (escapes like "\e" only show once parsed). */
function* strings(value: unknown, path: (string | number)[] = []): Generator<[(string | number)[], string, string | number | undefined]> {
  if (typeof value === 'string') yield [path, value, path[path.length - 1]];
  else if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield* strings(value[i], [...path, i]);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) yield* strings(v, [...path, k]);
}

/** Control characters that YAML escapes put into a string, each at its place. */
export function yamlControlProblems(value: unknown, where: Where): string[] {
  const problems: string[] = [];
  for (const [path, text] of strings(value)) {
    const m = new RegExp(CONTROL.source).exec(text.replace(/\r\n/g, '\n'));
    if (m) problems.push(`${where(path)}: holds ${controlName(m[0])}; pack text must be plain text, since a terminal would act on it`);
  }
  return problems;
}

/** A link a letter prints must open a web page: http: or https:, nothing that runs or reads files. */
export function urlProblems(value: unknown, where: Where): string[] {
  const problems: string[] = [];
  for (const [path, text, key] of strings(value)) {
    if (key !== 'url') continue;
    let protocol: string;
    try {
      protocol = new URL(text).protocol;
    } catch {
      continue; // Not an address at all: the schema says so.
    }
    if (protocol !== 'https:' && protocol !== 'http:') {
      problems.push(`${where(path)}: a source's address must start with https: or http:, not ${protocol}`);
    }
  }
  return problems;
}

/** Items of one list that repeat an id given earlier in the same file. */
export function repeatedIdProblems(list: unknown, what: string, where: Where, listPath: YamlPath): string[] {
  if (!Array.isArray(list)) return [];
  const problems: string[] = [];
  const first = new Map<string, number>();
  list.forEach((item, i) => {
    const id = item && typeof item === 'object' ? (item as { id?: unknown }).id : undefined;
    if (typeof id !== 'string') return;
    const earlier = first.get(id);
    if (earlier === undefined) first.set(id, i);
    else
      problems.push(
        `${where([...listPath, i, 'id'])}: ${what} id "${id}" is used twice in this file (also at ${where([...listPath, earlier, 'id'])}); give each its own id`,
      );
  });
  return problems;
}

/** Control characters that only YAML escapes ("\e") put in: a file with raw ones is reported by line already. */
export function yamlTextProblems(file: TextFile, value: unknown, where: (path: YamlPath) => string): string[] {
  return controlCharProblems(file).length > 0 ? [] : yamlControlProblems(value, where);
}

/** Control characters in any file of a layer, by line. */
export function layerTextProblems(layer: RawLayer): string[] {
  const files = [layer.manifest, layer.facts, ...layer.letters.values(), ...layer.partials.values()];
  return files.flatMap((file) => (file ? controlCharProblems(file) : []));
}
