/**
 * Layering a user's pack over the built-in one: manifests merged by id, and, for a problem in the
 * merged result, the file, line and column of the layer that wrote it.
 */
import type * as z from 'zod/mini';
import { closest } from '../closest.js';
import { MANIFEST_FILE } from './files.js';
import { formatPath } from './schema.js';
import { mergeWords } from './words.js';
import type { Locate, YamlPath } from './yaml-file.js';

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Merge lists of { id } objects: a later item with the same id is merged into the earlier. */
function mergeById(base: unknown, over: unknown, nested?: string): unknown {
  if (!Array.isArray(base) || !Array.isArray(over)) return over ?? base;
  const out: unknown[] = base.map((x) => (isObj(x) ? { ...x } : x));
  for (const item of over) {
    const at = isObj(item) ? out.findIndex((x) => isObj(x) && x.id === item.id) : -1;
    if (at < 0 || !isObj(item)) {
      out.push(item);
      continue;
    }
    const prev = out[at] as Obj;
    const merged: Obj = { ...prev, ...item };
    if (nested && nested in item) merged[nested] = mergeById(prev[nested], item[nested]);
    out[at] = merged;
  }
  return out;
}

export function mergeManifests(base: Obj, over: Obj): Obj {
  const out: Obj = { ...base, ...over };
  out.regions = mergeById(base.regions, over.regions, 'recipients');
  out.stances = mergeById(base.stances, over.stances);
  if (isObj(base.spellings) || isObj(over.spellings)) {
    const spellings: Obj = { ...(isObj(base.spellings) ? base.spellings : {}) };
    for (const [k, v] of Object.entries(isObj(over.spellings) ? over.spellings : {})) {
      spellings[k] = { ...(isObj(spellings[k]) ? spellings[k] : {}), ...(isObj(v) ? v : {}) };
    }
    out.spellings = spellings;
  }
  const words = mergeWords(base, over);
  if (words === undefined) delete out.words;
  else out.words = words;
  return out;
}

export interface ParsedLayerYaml {
  file: string;
  text: string;
  value: Obj;
  locate: Locate;
  locateKey: Locate;
}

/** "file:line:col" of a value in one layer's YAML file. */
export const at = (y: Pick<ParsedLayerYaml, 'file' | 'locate' | 'locateKey'>, path: YamlPath, key = false) => {
  const { line, column } = (key ? y.locateKey : y.locate)(path);
  return `${y.file}:${line}:${column}`;
};

/**
 * Where a path of the merged manifest was written: lists merged by id are matched by id in each
 * layer, and the layer that holds the most of the path (the latest, on a tie) names the place.
 */
export function locateMerged(merged: unknown, layers: ParsedLayerYaml[], path: YamlPath, key = false): string {
  let best: { layer: ParsedLayerYaml; path: (string | number)[] } | undefined;
  for (const layer of layers) {
    const out: (string | number)[] = [];
    let m: unknown = merged;
    let l: unknown = layer.value;
    for (const key of path) {
      if (typeof key === 'number' && Array.isArray(m) && Array.isArray(l)) {
        const id = isObj(m[key]) ? (m[key] as Obj).id : undefined;
        const j = id !== undefined ? l.findIndex((x) => isObj(x) && x.id === id) : key < l.length ? key : -1;
        if (j < 0) break;
        out.push(j);
        m = m[key];
        l = l[j];
      } else if (typeof key === 'string' && isObj(m) && isObj(l) && key in l) {
        out.push(key);
        m = m[key];
        l = l[key];
      } else break;
    }
    if (!best || out.length >= best.path.length) best = { layer, path: out };
  }
  return best ? at(best.layer, best.path, key && best.path.length === path.length) : MANIFEST_FILE;
}

export function zodIssuesAt(error: z.core.$ZodError, where: (path: YamlPath, key?: boolean) => string, known?: (path: YamlPath) => string[]): string[] {
  return error.issues.flatMap((issue) => {
    const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => {
        const near = known ? closest(key, known(path)) : undefined;
        return `${where([...path, key], true)}: ${formatPath([...issue.path, key])}: unknown key${near ? ` (did you mean "${near}"?)` : ''}`;
      });
    }
    const missing = issue.code === 'invalid_type' && / received undefined$/.test(issue.message);
    return [`${where(path)}: ${formatPath(issue.path)}: ${missing ? 'is required' : issue.message}`];
  });
}
