/**
 * Reading a pack folder from disk: the only I/O of pack loading. Everything after this works on
 * the text it returns.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PackFolderError } from '../errors.js';
import { decodeUtf8, NotUtf8Error } from '../io/encoding.js';

export interface TextFile {
  /** Path shown in messages. */
  path: string;
  text: string;
}

export interface RawLayer {
  /** "built-in" or the folder the user gave. */
  origin: string;
  dir: string;
  manifest?: TextFile;
  facts?: TextFile;
  letters: Map<string, TextFile>;
  partials: Map<string, TextFile>;
  /** Files refused while reading (links out of the pack, oversized files). */
  problems: string[];
}

/** No template or YAML file of a pack needs more; a bigger one is refused, not parsed. */
export const MAX_FILE_BYTES = 256 * 1024;

export const MANIFEST_FILE = 'pack.yaml';
export const FACTS_FILE = 'facts.yaml';

/** The built-in pack ships beside the code: templates/ at the package root. */
export function builtinPackDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'templates');
    if (existsSync(join(candidate, MANIFEST_FILE))) return candidate;
    dir = dirname(dir);
  }
  throw new Error('The built-in template pack is missing from this installation.');
}

/** How a pack file is named in messages: relative to the folder the user works in, or "(built-in) …". */
function displayPath(root: string, origin: string, path: string): string {
  if (origin === 'built-in') return `(built-in) ${relative(root, path).split(sep).join('/')}`;
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}

/**
 * Reads one pack file, refusing what would let a shared pack read other files (a symbolic link
 * leading out of the pack folder) or make loading slow (a huge file).
 */
function readPackFile(root: string, path: string, show: (path: string) => string, problems: string[]): TextFile | undefined {
  const shown = show(path);
  if (lstatSync(path).isSymbolicLink()) {
    const target = outsideTarget(root, path);
    if (target !== undefined) {
      problems.push(`${shown}:1:1: is a link to ${target}, outside the pack folder; a pack holds its own files`);
      return undefined;
    }
  }
  const stat = statSync(path);
  if (!stat.isFile()) {
    problems.push(`${shown}:1:1: is not a file`);
    return undefined;
  }
  if (stat.size > MAX_FILE_BYTES) {
    problems.push(`${shown}:1:1: is ${Math.round(stat.size / 1024)} KB; pack files may be at most ${MAX_FILE_BYTES / 1024} KB`);
    return undefined;
  }
  try {
    return { path: shown, text: decodeUtf8(readFileSync(path)) };
  } catch (error) {
    if (!(error instanceof NotUtf8Error)) throw error;
    problems.push(`${shown}:${error.line}:1: is not UTF-8 text (${error.message}); save it as UTF-8`);
    return undefined;
  }
}

/** Where a path really leads when that is outside the pack folder (through a link), else undefined. */
function outsideTarget(root: string, path: string): string | undefined {
  const target = realpathSync(path);
  const rel = relative(realpathSync(root), target);
  return rel.startsWith('..') || isAbsolute(rel) ? target : undefined;
}

function readHbsFolder(root: string, dir: string, show: (path: string) => string, problems: string[]): Map<string, TextFile> {
  const out = new Map<string, TextFile>();
  if (!existsSync(dir)) return out;
  // A folder that is a link out of the pack would let every file in it through.
  const target = outsideTarget(root, dir);
  if (target !== undefined) {
    problems.push(`${show(dir)}/:1:1: is a link to ${target}, outside the pack folder; a pack holds its own files`);
    return out;
  }
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.hbs')) continue;
    const file = readPackFile(root, join(dir, name), show, problems);
    if (file) out.set(name.slice(0, -'.hbs'.length), file);
  }
  return out;
}

export function readLayer(dir: string, origin: string): RawLayer {
  const abs = resolve(dir);
  if (!existsSync(abs) || !statSync(abs).isDirectory()) {
    throw new PackFolderError(dir);
  }
  const show = (path: string) => displayPath(abs, origin, path);
  const problems: string[] = [];
  const optional = (name: string) => (existsSync(join(abs, name)) ? readPackFile(abs, join(abs, name), show, problems) : undefined);
  return {
    origin,
    dir: abs,
    manifest: optional(MANIFEST_FILE),
    facts: optional(FACTS_FILE),
    letters: readHbsFolder(abs, join(abs, 'letters'), show, problems),
    partials: readHbsFolder(abs, join(abs, 'partials'), show, problems),
    problems,
  };
}
