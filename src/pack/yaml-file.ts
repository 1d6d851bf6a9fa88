/** Safe YAML: the `yaml` package's core schema builds plain data only, never objects with code. */
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { TextFile } from './files.js';

/** yaml's own guard against aliases that multiply data: a pack needs few, if any. */
const MAX_ALIAS_COUNT = 100;

export type YamlPath = readonly (string | number)[];
/** Line and column (1-based) of the value at a path, or of the nearest parent that exists. */
export type Locate = (path: YamlPath) => { line: number; column: number };

export type YamlResult =
  | { ok: true; value: unknown; locate: Locate /** The place of a key itself, for "unknown key". */; locateKey: Locate }
  | { ok: false; problems: string[] };

export function parseYaml(file: TextFile, lineOffset = 0): YamlResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(file.text, { schema: 'core', prettyErrors: true, uniqueKeys: true, lineCounter });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((err) => {
        const pos = err.linePos?.[0];
        const where = pos ? `${file.path}:${pos.line + lineOffset}:${pos.col}` : file.path;
        return `${where}: ${(err.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')}`;
      }),
    };
  }
  const locate: Locate = (path) => {
    for (let n = path.length; n >= 0; n--) {
      const node = (doc as Document).getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === 'object' && node.range) {
        const pos = lineCounter.linePos(node.range[0]);
        return { line: pos.line + lineOffset, column: pos.col };
      }
      // A key with no value, or a mapping: fall back to its parent.
    }
    return { line: 1 + lineOffset, column: 1 };
  };
  const locateKey: Locate = (path) => {
    const parent = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
    if (isMap(parent)) {
      const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === path[path.length - 1]);
      const range = isScalar(pair?.key) ? pair.key.range : undefined;
      if (range) {
        const pos = lineCounter.linePos(range[0]);
        return { line: pos.line + lineOffset, column: pos.col };
      }
    }
    return locate(path);
  };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // yaml throws a ReferenceError when aliases (*name) would multiply the data: a "billion laughs".
    if (!(error instanceof ReferenceError)) throw error;
    const where = `${file.path}:${1 + lineOffset}:1`;
    if (!/^Excessive alias/.test(error.message)) return { ok: false, problems: [`${where}: ${error.message}`] };
    return {
      ok: false,
      problems: [`${where}: its aliases (*name) repeat data too often to read safely (more than ${MAX_ALIAS_COUNT}); write the values out instead`],
    };
  }
  return { ok: true, value, locate, locateKey };
}
